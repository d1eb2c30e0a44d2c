"""Whole HTML pages for ``--format html``: every read command prints a complete page
(doctype, charset, title, the same styles) from the templates in ``commands/templates``.

Jinja2 renders them with autoescaping on, so text from the ledger (an action's issue, a
reason, an owner's name) is always escaped, wherever it lands on the page.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

TEMPLATES = Path(__file__).resolve().parent / "templates"
RATINGS = ("red", "amber", "green", "blue")
RATING_COLUMNS = ("ragb", "rating", "from", "to")


@dataclass(frozen=True)
class Cell:
    text: str
    css: str = ""


@dataclass(frozen=True)
class Table:
    """One table of a page: its caption, headings and cells (or what to say when empty)."""

    headings: Sequence[str]
    rows: Sequence[Sequence[Cell]]
    caption: str = ""
    empty: str = "Nothing to show."


@dataclass(frozen=True)
class Page:
    title: str
    tables: Sequence[Table]
    subtitle: str = ""
    produced: datetime = field(default_factory=lambda: datetime.now(UTC))


@functools.cache
def environment() -> Any:
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.filters["longdate"] = lambda day: f"{day.day} {day:%B %Y}"
    env.filters["number"] = lambda ref: ref.rpartition("#")[2]
    return env


def html(page: Page) -> str:
    """The page as HTML, every value escaped."""
    template = environment().get_template("tables.html.j2")
    return template.render(
        title=page.title, subtitle=page.subtitle, tables=page.tables, produced=page.produced
    )


def table(
    rows: Sequence[dict[str, Any]],
    columns: Sequence[str],
    shown: Any,
    caption: str = "",
    empty: str = "Nothing to show.",
) -> Table:
    """``rows`` as a table of ``columns``; ``shown`` turns a value into its text. A rating
    is coloured and keeps its word, so it reads in black-and-white print too."""
    cells = [[Cell(shown(r.get(c)), css(c, r.get(c))) for c in columns] for r in rows]
    headings = [c.replace("_", " ") for c in columns]
    return Table(headings, cells, caption, empty)


def css(column: str, value: Any) -> str:
    if column in RATING_COLUMNS and isinstance(value, str) and value.lower() in RATINGS:
        return f"rag rag-{value.lower()}"
    if isinstance(value, int | float) and not isinstance(value, bool):
        return "number"
    return ""
