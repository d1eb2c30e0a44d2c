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
    "--verbose",
    is_flag=True,
    help="List every entry recorded, item by item, as --dry-run does; without it a real "
    "import prints a summary.",
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
    session: Session,
    board: str,
    file: str,
    meeting: dt.date | None,
    dry_run: bool,
    verbose: bool,
    fmt: str,
) -> None:
    """Record the minutes in FILE (PDF, Word, web page or text) for a meeting of BOARD:
    each decision with its lettered parts, proposer, seconder and vote; each ACTION with
    its owners; each report-back with its date, or "the next meeting" and "the March
    meeting" resolved against BOARD's meetings in the ledger, or "in due course" kept as an
    open follow-up. A meeting not yet in the ledger is added with them, in one transaction.
    Entries the meeting already holds are not recorded again, so the same minutes can be
    imported twice. Ratings mentioned are only suggested, with the command to record them.
    A dry run lists every entry; a real import prints a summary (every entry with --verbose).

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
        show(done, dry_run, listed=dry_run or verbose)


def as_json(done: MinutesImported) -> dict[str, Any]:
    """The import as one JSON document: the draft as read, and what becomes of it."""
    return {
        "board": done.board,
        "meeting": done.meeting.isoformat(),
        "draft": done.draft.as_data(),
        "planned": [p.as_data() for p in done.planned if p.status == "new"],
        "already_recorded": done.already_recorded,
        "not_recorded": [p.as_data() for p in done.planned if p.status == "not recorded"],
        "counts": done.counts,
        "meeting_added": done.meeting_added,
        "meeting_date_read": done.date_read,
        "suggestions": done.suggestions,
        "needs": done.needs,
        "notes": done.notes,
        "recorded": done.recorded is not None,
    }


def show(done: MinutesImported, dry_run: bool, listed: bool) -> None:
    """Every entry by item when ``listed`` (else only those left to the clerk), then
    what the clerk should know, then what was (or would be) recorded, in a few lines."""
    for need in done.needs:
        click.echo(f"A real import needs: {need}")
    heading = None
    for planned in done.planned:
        if planned.kind == "meeting" or not (listed or planned.status == "not recorded"):
            continue
        if planned.item != heading:
            heading = planned.item
            click.echo(f"\nItem {heading}")
        for line in describe(planned):
            click.echo(line)
    if heading is not None:
        click.echo("")
    for line in done.suggestions:
        click.echo(f"Rating mentioned (not recorded; a clerk's judgement): {line}")
    for note in done.notes:
        click.echo(f"Note: {note}")
    for line in summary(done, dry_run):
        click.echo(line)


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
        from projections.wording import vote_said

        lines.append(f"      vote: {vote_said(e.vote)}")
    if e.report_back or e.follow_up:
        day = e.follow_up.isoformat() if e.follow_up else "open, no date yet"
        said = f' ("{e.report_back}")' if e.report_back else ""
        lines.append(f"      report back: {day}{said}")
    return lines


def summary(done: MinutesImported, dry_run: bool) -> list[str]:
    """What was left out, what was recorded on which meeting, and what stays open."""
    lines, already = [], done.already_recorded
    skipped = sum(p.status == "not recorded" for p in done.planned)
    if skipped:
        lines.append(f"{many(skipped, 'entry')} not recorded, as listed above with the reason.")
    if done.counts["events"] == 0:
        every = f": {'the entry is' if already == 1 else f'all {already} entries are'} already"
        return [*lines, f"Nothing new to record{every + ' in the ledger' if already else ''}."]
    if already:
        lines.append(f"{many(already, 'entry')} already in the ledger, not recorded again.")
    lines += [recorded_line(done, dry_run), *open_lines(done, dry_run)]
    if dry_run and done.date_read and done.meeting_added:
        lines.append(
            f"The meeting's date, {done.meeting.isoformat()}, is the one the minutes give; "
            "if it is not right, give --meeting YYYY-MM-DD."
        )
    return lines


def recorded_line(done: MinutesImported, dry_run: bool) -> str:
    """'Recorded on seb@2019-07-02, a meeting added with these minutes: 2 decisions, ...'"""
    counts, ref = done.counts, f"{done.board}@{done.meeting.isoformat()}"
    kinds = (("decisions", "decision"), ("minute_actions", "minute action"))
    found = ", ".join(
        many(counts[k], word) for k, word in (*kinds, ("report_backs", "report-back"))
    )
    where = (
        f"{ref}, a meeting added with these minutes" if done.meeting_added else f"the meeting {ref}"
    )
    verb = "Would record" if dry_run else "Recorded"
    return f"{verb} on {where}: {found} ({many(counts['events'], 'event')})."


def open_lines(done: MinutesImported, dry_run: bool) -> list[str]:
    """How many follow-ups stay open, and on a dry run how to date those that name a
    meeting the ledger does not hold yet."""
    lines, count = [], done.counts["open_follow_ups"]
    if count:
        will = "would have" if dry_run else ("has" if count == 1 else "have")
        them = "it" if count == 1 else "them"
        lines.append(
            f"{many(count, 'follow-up')} {will} no date yet; govledger due lists {them} as open."
        )
    if done.unmatched and dry_run:
        words = " or ".join(f'"{w}"' for w in done.unmatched)
        lines.append(
            f"No meeting of {done.board} in the ledger matches {words}; to date these, add "
            f"the meeting first: govledger meeting add {done.board} YYYY-MM-DD"
        )
    return lines


def many(count: int, word: str) -> str:
    if count == 1:
        return f"1 {word}"
    return f"{count} {word[:-1]}ies" if word.endswith("y") else f"{count} {word}s"
