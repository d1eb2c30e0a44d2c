"""``govledger minutes import``: draft entries from a meeting's minutes."""

from __future__ import annotations

import datetime as dt

import click

from commands.output import show_planned
from commands.session import DAY, Session, pass_session


@click.group()
def minutes() -> None:
    """Minutes: draft and record decisions and ACTIONs from a meeting's minutes."""


@minutes.command("import")
@click.argument("board")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--meeting", type=DAY, required=True, help="The date of the meeting minuted.")
@click.option("--dry-run", is_flag=True, help="Print the draft; record nothing.")
@pass_session
def import_minutes(
    session: Session, board: str, file: str, meeting: dt.date, dry_run: bool
) -> None:
    """Read the minutes in FILE (plain text) for BOARD's meeting on --meeting: agenda
    items, AGREED/RESOLVED decisions, "noted the report", ACTION: NAME lines, requests
    to report back, and tracker actions mentioned with a rating. Records the decisions
    and minute actions; ratings are only suggested, with the command to record them.

    \b
    Example:
      govledger minutes import cepac minutes-2019-07-02.txt --meeting 2019-07-02 --dry-run
    """
    draft = session.ledger.import_minutes(
        board, file, meeting=meeting, actor=session.actor, dry_run=dry_run
    )
    for item in draft.items:
        click.echo(f"Item: {item.title}")
    count = show_planned(draft.events)
    when = draft.next_meeting.isoformat() if draft.next_meeting else "not yet in the ledger"
    click.echo(f"Next meeting of {board}: {when}.")
    for line in draft.suggestions:
        click.echo(f"Rating mentioned (not recorded; a clerk's judgement): {line}")
    verb = "Would record" if dry_run else "Recorded"
    click.echo(f"{verb} {count} events.")


def register(cli: click.Group) -> None:
    cli.add_command(minutes)
