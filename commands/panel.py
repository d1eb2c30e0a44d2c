"""The panel's read commands: the tracker as it stood, an action's story, what moved,
a board's history and what is due."""

from __future__ import annotations

import datetime as dt

import click

from commands.output import format_option, html_page, render
from commands.session import DAY, Session, pass_session


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


@click.command("history")
@click.argument("ref")
@click.option(
    "--backdated-days",
    type=click.IntRange(min=0, max=36_500),
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
    signed = session.signature_marks([r["position"] for r in rows])
    rows = [{**r, "signed": signed.get(r["position"], "")} for r in rows]
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

    until = end or session.today()
    check_period(start, until, start_excluded=True, end_given=end is not None)
    refs = tracker_refs(session, tracker, None)
    moved = movement(session.views(), refs[0], start, until)
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
    if fmt == "html":
        title = f"What moved on {refs[0]}"
        period = f"after {start.isoformat()} up to {until.isoformat()}"
        click.echo(
            html_page(
                title,
                [
                    ("Changes", moved.changes, COLUMNS),
                    ("Actions by rating", moved.counts, COUNT_COLUMNS),
                ],
                period,
            )
        )
        return
    click.echo(
        render(moved.changes, COLUMNS, fmt, wrap=("from", "to", "reason", "actor"))
        if moved.changes
        else "Nothing moved in that period."
    )
    click.echo("")
    click.echo(render(moved.counts, COUNT_COLUMNS, fmt))


def check_period(
    start: dt.date | None,
    end: dt.date | None,
    *,
    start_excluded: bool,
    end_given: bool = True,
    names: tuple[str, str] = ("--from", "--to"),
) -> None:
    """Refuse a period that is reversed, or empty (--from excluded, on the day of --to)."""
    if start is None or end is None:
        return
    first, last = names
    to = f"{last} {end.isoformat()}" if end_given else f"{last} (default today, {end.isoformat()})"
    if start > end:
        raise click.UsageError(
            f"{first} {start.isoformat()} is after {to}; give the earlier date as {first}"
        )
    if start == end and start_excluded:
        raise click.UsageError(
            f"{first} {start.isoformat()} is excluded and {to} is the same day, so the period "
            f"is empty; give an earlier {first}"
        )


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

    check_period(start, end, start_excluded=False)
    views = session.views()
    if board not in views.trail.refs("board"):
        raise NotFound("board", board, views.trail.refs("board"))
    rows = history(views, board, start, end, session.today())
    title = f"History of {board}"
    click.echo(
        render(rows, HISTORY_COLUMNS, fmt, wrap=("what", "status", "actor", "reason"), title=title)
    )


@click.command("due")
@click.option("--board", metavar="BOARD", help="Only this board.")
@click.option(
    "--ics",
    "ics",
    metavar="FILE",
    default=None,
    help="Write the dated items as an iCalendar file instead (- for standard output): one "
    "all-day event per item, its ref, board, owner and whether overdue in its summary; "
    "importing it again updates the events rather than adding copies.",
)
@format_option
@pass_session
def due(session: Session, board: str | None, ics: str | None, fmt: str) -> None:
    """What each board is owed by its next meeting, and what is overdue (with how many
    days): follow-ups until closed (decision follow-up done), minute actions until done
    (minute-action done), tracker actions whose timescale names a day
    ("31/03/2020", "March 2021", "Q4 2020/21") until completed, and decisions in their
    call-in period (due the day it closes) or called in and awaiting scrutiny's outcome.

    \b
    Example:
      govledger due --board seb
      govledger due --ics due.ics
    """
    from ledger.errors import NotFound
    from projections.board_history import DUE_COLUMNS
    from projections.board_history import due as due_items

    if ics is not None and fmt != "table":
        raise click.UsageError(f"--ics writes a calendar, not {fmt}; give one or the other")
    views = session.views()
    if board is not None and board not in views.trail.refs("board"):
        raise NotFound("board", board, views.trail.refs("board"))
    rows = due_items(views, board, session.today())
    if ics is not None:
        write_calendar(session, rows, board, ics)
        return
    if not rows and fmt == "table":
        click.echo("Nothing is due or overdue.")
        return
    title = f"Due at {board}" if board else "Due at every board"
    click.echo(render(rows, DUE_COLUMNS, fmt, wrap=("what", "owner"), title=title))


def write_calendar(session: Session, rows: list[dict], board: str | None, target: str) -> None:
    """``due --ics``: the calendar to a file (written whole) or standard output; what was
    left out (items with no day) said on standard error."""
    from pathlib import Path

    from commands.written_file import written_whole
    from ledger.errors import Refused
    from projections.calendar import calendar, dated

    try:
        ledger_id = session.ledger.origin().rpartition("/")[2]
    except Refused:
        ledger_id = "empty"  # nothing recorded, so nothing is due either
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    name = f"govledger: due at {board}" if board else "govledger: due at every board"
    text = calendar(rows, ledger_id, session.today(), now, name)
    shown, undated = dated(rows)
    if target == "-":
        click.echo(text, nl=False)  # bytes, as written: CRLF line ends, as RFC 5545 says
    else:
        path = Path(target)
        with written_whole(path, "--ics") as temporary:
            temporary.write_bytes(text)
        events = f"{len(shown)} event{'s' if len(shown) != 1 else ''}"
        click.echo(f"Wrote {events} to {path}.", err=True)
    if undated:
        click.echo(
            f"{undated} open item{'s' if undated != 1 else ''} with no day (and no meeting "
            "ahead) left out of the calendar; govledger due lists them.",
            err=True,
        )
