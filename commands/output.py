"""How read commands print: one ``--format`` option shared by all of them."""

from __future__ import annotations

import csv
import functools
import io
import json
import shutil
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
    rows: Sequence[dict[str, Any]], columns: Sequence[str], fmt: str, wrap: Sequence[str] = ()
) -> str:
    """Rows as the chosen format; ``columns`` are the keys to show, in order.

    On a table, only the ``wrap`` columns (free text) are wrapped to fit the terminal;
    refs, dates and names of events stay whole so they can be copied.
    """
    if fmt == "json":
        return json.dumps(
            [{c: r.get(c) for c in columns} for r in rows],
            indent=2,
            ensure_ascii=False,
            default=str,
        )
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(columns)
        writer.writerows([[cell(r.get(c)) for c in columns] for r in rows])
        return out.getvalue().rstrip("\r\n")
    from tabulate import tabulate

    headers = [c.replace("_", " ") for c in columns]
    body = [[cell(r.get(c)) for c in columns] for r in rows]
    if fmt == "markdown":
        return tabulate(body, headers, tablefmt="github")
    if fmt == "html":
        return tabulate(body, headers, tablefmt="html")
    return tabulate(body, headers, tablefmt="simple", maxcolwidths=widths(columns, body, wrap))


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
