"""``govledger tracker``: a board's action plan, and how the panel reads it."""

from __future__ import annotations

import datetime as dt
import shutil
import sys

import click

from commands.compact_tracker import compact
from commands.lazy import Entry, LazyGroup
from commands.output import format_option, render
from commands.session import DAY, Session, on_option, pass_session, reason_option, report


@click.group(
    cls=LazyGroup,
    lazy={
        "import": Entry(
            "commands.tracker_import",
            "tracker_import",
            "Import FILE into TRACKER: new actions, and the ratings, owners, timescales, updates "
            "and other columns that changed since the last import, all recorded at once or, on "
            "any error, not at all.",
        ),
        "export": Entry(
            "commands.tracker_export",
            "tracker_export",
            "Write TRACKER as a sheet that govledger tracker import reads back unchanged.",
        ),
    },
)
def tracker() -> None:
    """Trackers: action plans whose numbered items carry a RAGB rating."""


@tracker.command("add")
@click.argument("ref")
@click.argument("title")
@click.option("--board", required=True, metavar="BOARD", help="The board that owns it.")
@on_option("Day the plan was adopted (YYYY-MM-DD); default today.")
@reason_option(required=False)
@pass_session
def add(session: Session, ref: str, title: str, board: str, on: str | None, reason: str) -> None:
    """Add a tracker REF with its TITLE, owned by --board.

    \b
    Example:
      govledger tracker add hf-send-2019 "SEND Inspection - Health and LA Actions" \\
        --board seb --on 2019-06-01
    """
    report(
        session.ledger.adopt_tracker(
            ref, title, board=board, actor=session.actor, on=on, reason=reason
        )
    )


@tracker.command("show")
@click.argument("tracker_ref", metavar="TRACKER", required=False)
@click.option("--board", metavar="BOARD", help="All trackers of this board.")
@click.option(
    "--rag", metavar="LIST", default="", help="Only these ratings, e.g. red,amber (unrated too)."
)
@click.option("--kloe", type=click.IntRange(min=1, max=99), help="Only actions under this KLOE.")
@click.option(
    "--owner",
    metavar="NAME",
    default="",
    help="Only lines owned by someone whose name contains NAME.",
)
@click.option(
    "--stale",
    "stale",
    type=click.IntRange(min=0, max=36_500),
    metavar="DAYS",
    help="Only actions whose rating has not been reviewed for DAYS days.",
)
@click.option("--at", "at", type=DAY, help="As in effect on this date (default today).")
@click.option(
    "--known",
    metavar="DATE_OR_TIME",
    help="As the ledger had it recorded by then: "
    "a date (end of that day, UTC) or an ISO 8601 time.",
)
@click.option(
    "--wide/--compact",
    "wide",
    default=None,
    help="Every column of the seed's layout, or one line per action that fits the "
    "terminal. Default: compact at a terminal, every column when piped.",
)
@format_option
@pass_session
def show(
    session: Session,
    tracker_ref: str | None,
    board: str | None,
    rag: str,
    kloe: int | None,
    owner: str,
    stale: int | None,
    at: dt.date | None,
    known: str | None,
    wide: bool | None,
    fmt: str,
) -> None:
    """Show TRACKER with each action's current rating: at a terminal one line per action
    (ref, rating, owner, timescale, issue); --wide, or piped, as the seeds lay it out.

    --at gives what was in effect on a date, as the ledger knows it today;
    --known gives what the ledger had recorded by a time (what the panel was told);
    both together give what was believed on one date about another.

    \b
    Example:
      govledger tracker show hf-send-2019 --rag red,amber
      govledger tracker show hf-send-2019 --wide --at 2019-06-12 --known 2019-06-12
    """
    from commands.panel import tracker_refs
    from projections.tracker_table import COLUMNS, Filters, known_bound, table

    wanted = {r.strip().lower() for r in rag.split(",") if r.strip()}
    unknown = wanted - set(RAGS)
    if unknown:
        raise click.BadParameter(
            f"{', '.join(sorted(unknown))}; use {', '.join(RAGS)}", param_hint="--rag"
        )
    refs = tracker_refs(session, tracker_ref, board)
    today = session.today()
    filters = Filters(frozenset(wanted), kloe, owner, stale)
    rows = table(session.views(), refs, at or today, known_bound(known), filters, today)
    if fmt == "table" and not rows:
        click.echo("No actions match.")
        return
    terminal = sys.stdout.isatty()
    if fmt == "table" and (not wide if wide is not None else terminal):
        width = shutil.get_terminal_size((100, 24)).columns
        click.echo(compact(rows, width, len(refs) > 1, coloured=terminal))
        return
    columns = COLUMNS if len(refs) > 1 or fmt != "table" else COLUMNS[1:]
    if fmt in ("table", "markdown", "html"):
        rows = [r if r["line"] == 1 else {**r, "kloe": "", "theme": "", "issue": ""} for r in rows]
        columns = shown_columns(rows, columns)
    title = f"Tracker {', '.join(refs)}"
    when = f"as in effect on {(at or today).isoformat()}"
    subtitle = f"{when}, as recorded by {known}" if known else when
    click.echo(render(rows, columns, fmt, wrap=WRAPPED, title=title, subtitle=subtitle))


RAGS = ("red", "amber", "green", "blue", "unrated")
WRAPPED = ("theme", "issue", "action", "health", "la", "who", "timescale", "update", "fields")


def shown_columns(rows: list[dict], columns: tuple[str, ...]) -> tuple[str, ...]:
    """The columns a reader needs: those filled in some row (a tracker with no KLOE, or
    no Health and LA lines, shows none), the action's number and line always."""
    return (
        tuple(c for c in columns if c in ("tracker", "no", "line") or any(r.get(c) for r in rows))
        if rows
        else columns
    )
