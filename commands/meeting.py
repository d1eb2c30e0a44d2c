"""``govledger meeting``: the dated sittings of a board."""

from __future__ import annotations

import click

from commands.session import Session, on_option, pass_session, reason_option, report


@click.group()
def meeting() -> None:
    """Meetings: dated sittings of a board (a meeting may lie ahead)."""


@meeting.command("add")
@click.argument("board")
@click.argument("date")
@click.option("--title", default="", help="What the meeting is, e.g. 'Quarterly review'.")
@on_option("Day it was put in the ledger's calendar (YYYY-MM-DD); default today.")
@reason_option(required=False)
@pass_session
def add(session: Session, board: str, date: str, title: str, on: str | None, reason: str) -> None:
    """Add a meeting of BOARD held (or to be held) on DATE.

    \b
    Example:
      govledger meeting add seb 2019-06-12 --title "Policy and Accountability Committee"
    """
    report(
        session.ledger.schedule_meeting(
            board, date, title, actor=session.actor, on=on, reason=reason
        )
    )
