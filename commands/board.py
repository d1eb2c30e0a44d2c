"""``govledger board``: the bodies that meet and decide."""

from __future__ import annotations

import click

from commands.session import Session, on_option, pass_session, reason_option, report


@click.group()
def board() -> None:
    """Boards: committees, panels and partnership boards that meet and decide."""


@board.command("add")
@click.argument("ref")
@click.argument("name")
@on_option(
    "Day the board took effect (YYYY-MM-DD); default today. Its meetings and "
    "trackers cannot be dated earlier."
)
@reason_option(required=False)
@pass_session
def add(session: Session, ref: str, name: str, on: str | None, reason: str) -> None:
    """Register a board under a short REF with its full NAME.

    \b
    Example:
      govledger board add seb "SEND Executive Board" --on 2019-01-10
    """
    report(session.ledger.register_board(ref, name, actor=session.actor, on=on, reason=reason))


def register(cli: click.Group) -> None:
    cli.add_command(board)
