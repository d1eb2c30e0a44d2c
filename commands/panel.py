"""The panel's read commands: the tracker as it stood, an action's story, what moved,
a board's history and what is due."""

from __future__ import annotations

import datetime as dt

import click

from commands.output import format_option, render
from commands.session import DAY, Session, pass_session

RAGS = ("red", "amber", "green", "blue", "unrated")


def tracker_refs(session: Session, tracker: str | None, board: str | None) -> list[str]:
    from ledger.errors import InvalidEntry, NotFound

    views = session.views()
    known = [t["ref"] for t in views.tracker.trackers()]
    if board is not None:
        boards = views.trail.refs("board")
        if board not in boards:
            raise NotFound("board", board, boards)
        found = [t["ref"] for t in views.tracker.trackers(board)]
        return [t for t in found if tracker in (None, t)]
    if tracker is None:
        raise InvalidEntry("name a TRACKER, or give --board BOARD for all of a board's trackers")
    if tracker not in known:
        raise NotFound("tracker", tracker, known)
    return [tracker]


@click.command("show")
@click.argument("tracker", required=False)
@click.option("--board", metavar="BOARD", help="All trackers of this board.")
@click.option(
    "--rag", metavar="LIST", default="", help="Only these ratings, e.g. red,amber (unrated too)."
)
@click.option("--kloe", type=click.IntRange(min=1), help="Only actions under this KLOE.")
@click.option(
    "--owner",
    metavar="NAME",
    default="",
    help="Only lines owned by someone whose name contains NAME.",
)
@click.option(
    "--stale",
    "stale",
    type=click.IntRange(min=0),
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
@format_option
@pass_session
def tracker_show(
    session: Session,
    tracker: str | None,
    board: str | None,
    rag: str,
    kloe: int | None,
    owner: str,
    stale: int | None,
    at: dt.date | None,
    known: str | None,
    fmt: str,
) -> None:
    """Show TRACKER as the seeds lay it out, with each action's current rating.

    --at gives what was in effect on a date, as the ledger knows it today;
    --known gives what the ledger had recorded by a time (what the panel was told);
    both together give what was believed on one date about another.

    \b
    Example:
      govledger tracker show hf-send-2019 --rag red,amber
      govledger tracker show hf-send-2019 --at 2019-06-12 --known 2019-06-12
    """
    from projections.tracker_table import COLUMNS, Filters, known_bound, table

    wanted = {r.strip().lower() for r in rag.split(",") if r.strip()}
    unknown = wanted - set(RAGS)
    if unknown:
        raise click.BadParameter(
            f"{', '.join(sorted(unknown))}; use {', '.join(RAGS)}", param_hint="--rag"
        )
    refs = tracker_refs(session, tracker, board)
    today = dt.date.today()
    filters = Filters(frozenset(wanted), kloe, owner, stale)
    rows = table(session.views(), refs, at or today, known_bound(known), filters, today)
    columns = COLUMNS if len(refs) > 1 or fmt != "table" else COLUMNS[1:]
    if fmt in ("table", "markdown", "html"):
        rows = [r if r["line"] == 1 else {**r, "kloe": "", "theme": "", "issue": ""} for r in rows]
        columns = shown_columns(rows, columns)
    click.echo(
        render(rows, columns, fmt, wrap=WRAPPED)
        if rows
        else "No actions match."
        if fmt == "table"
        else render(rows, columns, fmt)
    )


WRAPPED = ("theme", "issue", "action", "health", "la", "who", "timescale", "update", "fields")


def shown_columns(rows: list[dict], columns: tuple[str, ...]) -> tuple[str, ...]:
    """The columns a reader needs: those filled in some row (a tracker with no KLOE, or
    no Health and LA lines, shows none), the action's number and line always."""
    return (
        tuple(c for c in columns if c in ("tracker", "no", "line") or any(r.get(c) for r in rows))
        if rows
        else columns
    )


@click.command("history")
@click.argument("ref")
@click.option(
    "--backdated-days",
    type=click.IntRange(min=0),
    default=7,
    show_default=True,
    help="Mark entries recorded more than this many days after they took effect.",
)
@format_option
@pass_session
def action_history(session: Session, ref: str, backdated_days: int, fmt: str) -> None:
    """Tell the story of action REF: every event in order, ratings and owners from → to,
    corrections beside what they corrected, backdated entries marked.

    \b
    Example:
      govledger action history hf-send-2019#15
    """
    from ledger.errors import NotFound
    from ledger.refs import ActionRef
    from projections.history import COLUMNS, story

    parsed = str(ActionRef.parse(ref))
    views = session.views()
    subject = views.trail.subject_of("action", parsed)
    if subject is None:
        raise NotFound("action", parsed, views.trail.refs("action"))
    rows = story(views.trail.trail(subject["id"]), backdated_days)
    click.echo(render(rows, COLUMNS, fmt, wrap=("actor", "change", "reason", "evidence", "marks")))


@click.command("changes")
@click.argument("tracker")
@click.option("--from", "start", type=DAY, required=True, help="The earlier date (excluded).")
@click.option("--to", "end", type=DAY, default=None, help="The later date (default today).")
@format_option
@pass_session
def changes(session: Session, tracker: str, start: dt.date, end: dt.date | None, fmt: str) -> None:
    """What moved on TRACKER after --from up to --to: ratings up or down (with
    reasons), new and completed actions, reassignments, retimings, and a count by
    rating before and after.

    \b
    Example:
      govledger changes hf-send-2019 --from 2019-06-12 --to 2019-09-10
    """
    import json

    from projections.changes import COLUMNS, COUNT_COLUMNS, movement

    refs = tracker_refs(session, tracker, None)
    moved = movement(session.views(), refs[0], start, end or dt.date.today())
    if fmt == "json":
        click.echo(
            json.dumps(
                {"changes": moved.changes, "counts": moved.counts}, indent=2, ensure_ascii=False
            )
        )
        return
    if fmt == "csv":
        counts = [
            {"change": "count", "ref": c["rating"], "from": c["before"], "to": c["after"]}
            for c in moved.counts
        ]
        click.echo(render([*moved.changes, *counts], COLUMNS, fmt))
        return
    click.echo(
        render(moved.changes, COLUMNS, fmt, wrap=("from", "to", "reason", "actor"))
        if moved.changes
        else "Nothing moved in that period."
    )
    click.echo("")
    click.echo(render(moved.counts, COUNT_COLUMNS, fmt))


@click.command("history")
@click.argument("board")
@click.option("--from", "start", type=DAY, help="From this date.")
@click.option("--to", "end", type=DAY, help="Up to this date.")
@format_option
@pass_session
def board_history(
    session: Session, board: str, start: dt.date | None, end: dt.date | None, fmt: str
) -> None:
    """BOARD's record in date order: meetings, decisions (outcome, follow-up), minute
    actions (open, done, overdue) and its trackers' rating changes.

    \b
    Example:
      govledger board history seb --from 2019-01-01 --to 2019-12-31
    """
    from ledger.errors import NotFound
    from projections.board_history import HISTORY_COLUMNS, history

    views = session.views()
    if board not in views.trail.refs("board"):
        raise NotFound("board", board, views.trail.refs("board"))
    rows = history(views, board, start, end, dt.date.today())
    click.echo(render(rows, HISTORY_COLUMNS, fmt, wrap=("what", "status", "actor", "reason")))


@click.command("due")
@click.option("--board", metavar="BOARD", help="Only this board.")
@format_option
@pass_session
def due(session: Session, board: str | None, fmt: str) -> None:
    """Follow-ups and minute actions due at or before each board's next meeting, and
    overdue ones.

    \b
    Example:
      govledger due --board seb
    """
    from ledger.errors import NotFound
    from projections.board_history import DUE_COLUMNS
    from projections.board_history import due as due_items

    views = session.views()
    if board is not None and board not in views.trail.refs("board"):
        raise NotFound("board", board, views.trail.refs("board"))
    rows = due_items(views, board, dt.date.today())
    if not rows and fmt == "table":
        click.echo("Nothing is due or overdue.")
        return
    click.echo(render(rows, DUE_COLUMNS, fmt, wrap=("what", "owner")))


def register(cli: click.Group) -> None:
    cli.commands["tracker"].add_command(tracker_show)  # type: ignore[attr-defined]
    cli.commands["action"].add_command(action_history)  # type: ignore[attr-defined]
    cli.commands["board"].add_command(board_history)  # type: ignore[attr-defined]
    cli.add_command(changes)
    cli.add_command(due)
