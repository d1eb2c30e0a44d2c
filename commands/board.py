"""``govledger board``: the bodies that meet and decide."""

from __future__ import annotations

import click

from commands.lazy import Entry, LazyGroup
from commands.session import Session, on_option, pass_session, reason_option, report


@click.group(
    cls=LazyGroup,
    lazy={
        "history": Entry(
            "commands.panel",
            "board_history",
            "BOARD's record in date order: meetings, decisions (outcome, follow-up), minute "
            "actions (open, done, overdue) and its trackers' rating changes.",
        )
    },
)
def board() -> None:
    """Boards: committees, panels and partnership boards that meet and decide."""


@board.command("add")
@click.argument("ref")
@click.argument("name")
@on_option(
    "Day the board took effect (YYYY-MM-DD): its meetings and trackers cannot be dated "
    "earlier. Without it the day is unknown, and the board's earlier history (old "
    "meetings and minutes) may still be recorded."
)
@reason_option(required=False)
@pass_session
def add(session: Session, ref: str, name: str, on: str | None, reason: str) -> None:
    """Register a board under a short REF with its full NAME.

    \b
    Example:
      govledger board add seb "SEND Executive Board" --on 2019-01-10
      govledger board add cepac "Children and Education PAC"    # start unknown
    """
    report(session.ledger.register_board(ref, name, actor=session.actor, on=on, reason=reason))
