"""``govledger report``: the scrutiny panel's agenda pack, as one printable page."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

import click

from commands.session import DAY, Session, pass_session

if TYPE_CHECKING:
    from projections.agenda_pack import Period
    from projections.views import Views

LETTERS = {"red": "R", "amber": "A", "green": "G", "blue": "B", None: "–"}
LABELS = {"red": "Red", "amber": "Amber", "green": "Green", "blue": "Blue", None: "Not started"}
MEANINGS = {
    "red": "major risks and barriers to achieving; requires urgent attention",
    "amber": "in progress; some risks and barriers to completion",
    "green": "on track",
    "blue": "completed",
    None: "no rating recorded yet",
}
TRENDS = {
    "": ("", ""),
    "up": ("▲", "better than at the last meeting"),
    "down": ("▼", "worse than at the last meeting"),
    "same": ("▬", "unchanged since the last meeting"),
    "new": ("★", "new, or first rated, since the last meeting"),
}


@click.command()
@click.argument("tracker", required=False)
@click.option("--board", metavar="BOARD", help="Every tracker of BOARD (or check TRACKER's).")
@click.option("--at", type=DAY, default=None, help="The position as at this date (default today).")
@click.option(
    "--known",
    metavar="DATE_OR_TIME",
    help="As recorded by this date or ISO time (default: everything recorded).",
)
@click.option("--since", type=DAY, default=None, help="Show what moved after this date.")
@click.option(
    "--since-last-meeting",
    is_flag=True,
    help="Show what moved since the board's last meeting before --at (the default when "
    "the board has one).",
)
@click.option(
    "-o",
    "--output",
    metavar="FILE",
    help="Write the pack to FILE: .html, or .pdf (printed by Chromium). Default: HTML on "
    "standard output.",
)
@pass_session
def report(
    session: Session,
    tracker: str | None,
    board: str | None,
    at: dt.date | None,
    known: str | None,
    since: dt.date | None,
    since_last_meeting: bool,
    output: str | None,
) -> None:
    """The agenda pack for TRACKER (or every tracker of --board): counts by rating against
    the last meeting, what moved and why, red and overdue actions, the whole tracker with
    coloured, lettered ratings and trend marks, and the checkpoint a reader can verify.

    \b
    Example:
      govledger report hw-wsoa-2025 --at 2026-04-21 -o pack.html
      govledger report --board hsb -o pack.pdf
    """
    from commands.panel import check_period, tracker_refs
    from ledger.errors import Refused
    from projections.agenda_pack import period
    from projections.tracker_table import known_bound

    if since is not None and since_last_meeting:
        raise click.UsageError("give --since DATE or --since-last-meeting, not both")
    target = output_kind(output)
    when_at = at or session.today()
    check_period(
        since, when_at, start_excluded=True, end_given=at is not None, names=("--since", "--at")
    )
    views = session.views()
    refs = tracker_refs(session, tracker, board)
    trackers = [t for t in views.tracker.trackers() if t["ref"] in refs]
    if not trackers:
        raise Refused(
            f"tracker {tracker} is not one of board {board}'s trackers; leave out --board"
            if tracker
            else f"board {board} has no tracker yet; add one with govledger tracker add"
        )
    owner = board or trackers[0]["board"]
    when = period(views, owner, when_at, known_bound(known), since)
    if since_last_meeting and when.last is None:
        raise click.UsageError(
            f"board {owner} has no meeting before {when_at.isoformat()}; give --since DATE"
        )
    page = render(session, owner, trackers, when, known)
    if target is None:
        click.echo(page)
        return
    write(page, Path(output or ""), target)
    click.echo(f"Wrote the agenda pack to {output}.")


def output_kind(output: str | None) -> str | None:
    if output is None:
        return None
    kind = Path(output).suffix.lower().lstrip(".")
    if kind in ("htm", "html"):
        return "html"
    if kind == "pdf":
        return "pdf"
    raise click.BadParameter(
        f"{output!r} ends neither in .html nor .pdf; name the file pack.html or pack.pdf",
        param_hint="--output",
    )


def render(
    session: Session, board: str, trackers: list[dict], when: Period, known: str | None
) -> str:
    from commands.pages import environment
    from projections.agenda_pack import ORDER, build

    views = session.views()
    pack = build(views, session.ledger, trackers, when)
    subject = views.trail.subject_of("board", board)
    name = board_name(views, board) or board
    title = f"{name}: {trackers[0]['title']}" if len(trackers) == 1 else f"{name}: trackers"
    produced = dt.datetime.now(dt.UTC)
    return (
        environment()
        .get_template("report.html.j2")
        .render(
            title=title,
            subtitle="Agenda pack: the action plan as recorded in the ledger",
            produced=produced,
            board=f"{name} ({board})" if subject else board,
            when=when,
            known=known or f"everything recorded up to {produced.strftime('%d %B %Y, %H:%M UTC')}",
            pack=pack,
            order=ORDER,
            letters=LETTERS,
            labels=LABELS,
            meanings=MEANINGS,
            trends=TRENDS,
        )
    )


def board_name(views: Views, board: str) -> str:
    rows = [r for r in views.trail.of_board(board) if r["kind"] == "registered"]
    return rows[0]["current"].get("name", "") if rows else ""


def write(page: str, path: Path, kind: str) -> None:
    """Write the pack whole or not at all."""
    from commands.written_file import written_whole

    with written_whole(path, "--output") as temporary:
        if kind == "pdf":
            from commands.pdf_print import print_pdf

            print_pdf(page, temporary)
        else:
            temporary.write_text(page, encoding="utf-8")
