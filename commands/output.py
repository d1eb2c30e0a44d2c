"""How read commands print: one ``--format`` option shared by all of them."""

from __future__ import annotations

import functools
import shutil
import sys
import textwrap
import types
from collections.abc import Callable, Sequence
from typing import Any

import click

FORMATS = ("table", "csv", "json", "markdown", "html")


def format_option(command: Callable[..., Any]) -> Callable[..., Any]:
    """Give a read command its ``--format`` option."""

    @click.option(
        "--format",
        "fmt",
        type=click.Choice(FORMATS, case_sensitive=False),
        default="table",
        show_default=True,
        help="table for a terminal; csv (RFC 4180), json, markdown or html to share.",
    )
    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        return command(*args, **kwargs)

    return wrapper


def render(
    rows: Sequence[dict[str, Any]],
    columns: Sequence[str],
    fmt: str,
    wrap: Sequence[str] = (),
    title: str = "",
    subtitle: str = "",
) -> str:
    """Rows as the chosen format; ``columns`` are the keys to show, in order.

    On a table, only the ``wrap`` columns (free text) are wrapped to fit the terminal,
    between words; refs, dates and names of events stay whole so they can be copied.
    CSV cells a spreadsheet would run as a formula are neutralised; Markdown escapes
    ``|`` and HTML; HTML is a whole page (``title``, default the command) with text escaped.
    """
    if fmt == "json":
        import json

        return json.dumps(
            [{c: r.get(c) for c in columns} for r in rows],
            indent=2,
            ensure_ascii=False,
            default=str,
        )
    if fmt == "csv":
        import csv
        import io

        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(columns)
        writer.writerows([[spreadsheet_safe(cell(r.get(c))) for c in columns] for r in rows])
        return out.getvalue().rstrip("\r\n")
    if fmt == "html":
        return html_page(title, [("", rows, columns)], subtitle)
    tabulate = tabulating()
    headers = [c.replace("_", " ") for c in columns]
    if fmt == "markdown":
        body = [[markdown_safe(cell(r.get(c))) for c in columns] for r in rows]
        return tabulate(body, headers, tablefmt="github")
    body = [[cell(r.get(c)) for c in columns] for r in rows]
    limits = widths(columns, body, wrap)
    wrapped = [
        [between_words(text, limit) for text, limit in zip(row, limits, strict=True)]
        for row in body
    ]
    return tabulate(wrapped, headers, tablefmt="simple")


def tabulating() -> Callable[..., str]:
    """tabulate's function, loaded without the lookup of its own version that its module
    makes on import (``importlib.metadata`` walking every installed package: ~30 ms of a
    read command's CPU, for a string we never show). The lookup is answered "not found",
    which tabulate expects (its version is then "unknown"); nothing else sees the stand-in."""
    if "tabulate" in sys.modules or "importlib.metadata" in sys.modules:
        from tabulate import tabulate

        return tabulate
    stand_in = types.ModuleType("importlib.metadata")

    class PackageNotFoundError(ModuleNotFoundError):
        pass

    def version(name: str) -> str:
        raise PackageNotFoundError(name)

    stand_in.PackageNotFoundError = PackageNotFoundError  # type: ignore[attr-defined]
    stand_in.version = version  # type: ignore[attr-defined]
    sys.modules["importlib.metadata"] = stand_in
    try:
        from tabulate import tabulate
    finally:
        del sys.modules["importlib.metadata"]
    return tabulate


def html_page(
    title: str,
    tables: Sequence[tuple[str, Sequence[dict[str, Any]], Sequence[str]]],
    subtitle: str = "",
) -> str:
    """One whole HTML page holding each (caption, rows, columns) as a table."""
    from commands.pages import Page, html, table

    shown = [table(rows, columns, cell, caption) for caption, rows, columns in tables]
    return html(Page(title or command_title(), shown, subtitle))


def command_title() -> str:
    """The running command as a page's title: ``govledger board history``."""
    ctx = click.get_current_context(silent=True)
    if ctx is None:
        return "govledger"
    return " ".join(["govledger", *ctx.command_path.split()[1:]])


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(text: str) -> str:
    """A CSV cell a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@``, tab or
    carriage return first) starts with an apostrophe instead, so it is shown as text."""
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def markdown_safe(text: str) -> str:
    """A Markdown table cell: HTML escaped, ``|`` escaped, line breaks kept as ``<br>``."""
    import html

    escaped = html.escape(text, quote=False).replace("|", "\\|")
    return "<br>".join(escaped.splitlines()) if "\n" in escaped else escaped


def between_words(text: str, limit: int | None) -> str:
    """``text`` wrapped to ``limit`` between words; a word longer than the limit stays whole."""
    if limit is None or len(text) <= limit:
        return text
    return "\n".join(
        textwrap.fill(para, limit, break_long_words=False, break_on_hyphens=False) or para
        for para in text.splitlines()
    )


def cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return " / ".join(str(v) for v in value)
    if isinstance(value, dict):  # a tracker's own columns: each name with its value
        return "; ".join(f"{k}: {v}" for k, v in value.items() if v not in (None, ""))
    return str(value)


def widths(columns: Sequence[str], body: list[list[str]], wrap: Sequence[str]) -> list[int | None]:
    """Narrow the widest wrappable columns, a few characters at a time, until the table fits."""
    width = shutil.get_terminal_size((120, 24)).columns
    longest = [max([len(c), *(len(row[i]) for row in body)]) for i, c in enumerate(columns)]
    budget = max(width - 2 * len(columns), 40)
    limits: list[int | None] = [None] * len(columns)
    wrappable = [i for i, c in enumerate(columns) if c in wrap]

    def shown(i: int) -> int:
        return min(longest[i], limits[i] or longest[i])

    while wrappable and sum(shown(i) for i in range(len(columns))) > budget:
        i = max(wrappable, key=shown)
        if shown(i) <= 16:
            break
        limits[i] = shown(i) - 4
    return limits


def show_planned(events: Sequence[tuple[str, Any]]) -> int:
    """Print the events an import records (or would record), one a row; returns how many."""
    from projections.log import summary

    rows = [
        {"ref": ref, "event": type(e).__name__, "summary": summary(type(e).__name__, e)}
        for ref, e in events
    ]
    if rows:
        click.echo(render(rows, ("ref", "event", "summary"), "table", wrap=("summary",)))
    return len(rows)
