"""``govledger minutes import``: record a meeting's minutes as the ledger's entries."""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING, Any

import click

from commands.session import DAY, Session, pass_session

if TYPE_CHECKING:
    from ledger.minutes_import import MinutesImported
    from ledger.sitting import Planned


@click.group()
def minutes() -> None:
    """Minutes: record a meeting's decisions, actions and report-backs from its minutes."""


@minutes.command("import")
@click.argument("board")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option(
    "--meeting",
    type=DAY,
    default=None,
    help="The date of the meeting minuted (YYYY-MM-DD); default the date the minutes give.",
)
@click.option(
    "--dry-run",
    is_flag=True,
    help="Show what would be recorded and record nothing; works on any ledger, even "
    "without the board or the meeting, and says what a real import would need.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(("text", "json"), case_sensitive=False),
    default="text",
    show_default=True,
    help="text to read; json prints one document (the draft, the planned events, what "
    "is already recorded) for a clerk to review.",
)
@pass_session
def import_minutes(
    session: Session, board: str, file: str, meeting: dt.date | None, dry_run: bool, fmt: str
) -> None:
    """Record the minutes in FILE (PDF, Word, web page or text) for a meeting of BOARD:
    each decision with its lettered parts, proposer, seconder and vote; each ACTION with
    its owners; each report-back with its date, or "the next meeting" and "the March
    meeting" resolved against BOARD's meetings in the ledger, or "in due course" kept as an
    open follow-up. A meeting not yet in the ledger is added with them, in one transaction.
    Entries the meeting already holds are not recorded again, so the same minutes can be
    imported twice. Ratings mentioned are only suggested, with the command to record them.

    \b
    Example:
      govledger minutes import cepac minutes-2019-07-02.pdf --dry-run
      govledger minutes import cepac minutes.txt --meeting 2019-07-02
      govledger minutes import cepac minutes.html --dry-run --format json > draft.json
    """
    from ledger.readers.minutes import read_minutes

    draft = read_minutes(file)
    done = session.ledger.import_minutes(
        board, draft, meeting=meeting, actor=session.actor, dry_run=dry_run
    )
    if fmt.lower() == "json":
        click.echo(json.dumps(as_json(done), indent=2, ensure_ascii=False))
    else:
        show(done, dry_run)


def as_json(done: MinutesImported) -> dict[str, Any]:
    """The import as one JSON document: the draft as read, and what becomes of it."""
    return {
        "board": done.board,
        "meeting": done.meeting.isoformat(),
        "draft": done.draft.as_data(),
        "planned": [p.as_data() for p in done.planned if p.status == "new"],
        "already_recorded": done.already_recorded,
        "not_recorded": [p.as_data() for p in done.planned if p.status == "not recorded"],
        "suggestions": done.suggestions,
        "needs": done.needs,
        "notes": done.notes,
        "recorded": done.recorded is not None,
    }


def show(done: MinutesImported, dry_run: bool) -> None:
    """Per item its heading, then each entry with its ref, and what the clerk should know."""
    for need in done.needs:
        click.echo(f"A real import needs: {need}")
    heading = None
    for planned in done.planned:
        if planned.kind == "meeting":
            click.echo(f"Meeting {planned.ref}: not in the ledger yet; added with these minutes.")
            continue
        if planned.item != heading:
            heading = planned.item
            click.echo(f"\nItem {heading}")
        for line in describe(planned):
            click.echo(line)
    if done.planned:
        click.echo("")
    for line in done.suggestions:
        click.echo(f"Rating mentioned (not recorded; a clerk's judgement): {line}")
    for note in done.notes:
        click.echo(f"Note: {note}")
    click.echo(closing(done, dry_run))


def describe(planned: Planned) -> list[str]:
    """An entry as the clerk reads it: what it is, its ref, and its details indented."""
    where = planned.ref if planned.status == "new" else planned.status
    e = planned.event
    if e is None:
        lines = [f"  {planned.kind} ({where}): {planned.text}"]
    elif planned.kind == "action":
        lines = [f"  action {where}: {e.owner}: {e.text}"]
        if e.due or e.due_said:
            due = e.due.isoformat() if e.due else "no date yet"
            said = f' ("{e.due_said}")' if e.due_said else ""
            lines.append(f"      due: {due}{said}")
    else:
        lines = [f"  {planned.kind} {where}: {e.outcome.upper()}: {e.text}"]
        lines += [f"      {part}" for part in e.parts if part not in e.text]
        lines += decision_details(e)
    if planned.note:
        lines.append(f"      note: {planned.note}")
    return lines


def decision_details(e: Any) -> list[str]:
    lines = []
    if e.proposer or e.seconder:
        moved = (
            f"proposed by {e.proposer or '(not said)'}, seconded by {e.seconder or '(not said)'}"
        )
        lines.append(f"      {moved}")
    if e.vote:
        lines.append(f"      vote: {vote_line(e.vote)}")
    if e.report_back or e.follow_up:
        day = e.follow_up.isoformat() if e.follow_up else "open, no date yet"
        said = f' ("{e.report_back}")' if e.report_back else ""
        lines.append(f"      report back: {day}{said}")
    return lines


def vote_line(vote: dict[str, Any]) -> str:
    """'carried: 7 for, 2 against, 1 abstained; for: A, B; against: C', as far as known."""
    counts = [
        f"{vote[key]} {word}"
        for key, word in (("votes_for", "for"), ("against", "against"), ("abstained", "abstained"))
        if vote.get(key) is not None
    ]
    names = [
        f"{word}: {', '.join(vote[key])}"
        for key, word in (
            ("names_for", "for"),
            ("names_against", "against"),
            ("names_abstained", "abstained"),
        )
        if vote.get(key)
    ]
    said = ", ".join(counts) or vote.get("said", "")
    return "; ".join(p for p in (f"{vote.get('result') or 'result not said'}: {said}", *names) if p)


def closing(done: MinutesImported, dry_run: bool) -> str:
    count, already = len(done.events), done.already_recorded
    if count == 0:
        return (
            "Nothing new to record: every entry is already in the ledger."
            if already
            else "Nothing to record."
        )
    if already:
        click.echo(f"{already} entries are already in the ledger and are not recorded again.")
    return f"{'Would record' if dry_run else 'Recorded'} {count} events."


def register(cli: click.Group) -> None:
    cli.add_command(minutes)
