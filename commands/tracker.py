"""``govledger tracker``: a board's action plan."""

from __future__ import annotations

import click

from commands.session import Session, on_option, pass_session, reason_option, report


@click.group()
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


def register(cli: click.Group) -> None:
    cli.add_command(tracker)
