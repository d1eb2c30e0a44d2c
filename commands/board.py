"""``govledger board``: the bodies that meet and decide."""

from __future__ import annotations

import click

from commands.lazy import Entry, LazyGroup
from commands.session import Session, on_option, pass_session, reason_option, report

nation_option = click.option(
    "--nation",
    type=click.Choice(("england", "wales", "scotland", "northern-ireland"), case_sensitive=False),
    default=None,
    help="Whose bank holidays its working days skip; default as last set, else england.",
)


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
@click.option(
    "--call-in-days",
    "call_in_days",
    type=click.IntRange(min=0, max=30),
    default=None,
    metavar="N",
    help="The working days its constitution allows for calling in its key decisions "
    "(as board set-call-in).",
)
@nation_option
@reason_option(required=False)
@pass_session
def add(
    session: Session,
    ref: str,
    name: str,
    on: str | None,
    call_in_days: int | None,
    nation: str | None,
    reason: str,
) -> None:
    """Register a board under a short REF with its full NAME.

    \b
    Example:
      govledger board add seb "SEND Executive Board" --on 2019-01-10
      govledger board add cepac "Children and Education PAC"    # start unknown
      govledger board add cab "Cabinet" --on 2019-01-10 --call-in-days 5 --nation wales
    """
    report(
        session.ledger.register_board(
            ref,
            name,
            actor=session.actor,
            on=on,
            reason=reason,
            call_in_days=call_in_days,
            nation=nation,
        )
    )


@board.command("set-call-in")
@click.argument("ref")
@click.argument("days", type=click.IntRange(min=0, max=30))
@nation_option
@on_option("Day the figure took effect (YYYY-MM-DD); default today.")
@reason_option(required=False)
@pass_session
def set_call_in(
    session: Session, ref: str, days: int, nation: str | None, on: str | None, reason: str
) -> None:
    """Set board REF's call-in period: DAYS working days.

    The working days its constitution allows scrutiny members to call in a key decision
    after it is published (0: its decisions are not subject to call-in). Working days
    skip weekends and the bank holidays of --nation. A key decision takes the period in
    effect on the day it is published.

    \b
    Example:
      govledger board set-call-in seb 5 --on 2019-01-10 --reason "Constitution, Part 4, rule 16"
      govledger board set-call-in cab 3 --nation scotland
    """
    report(
        session.ledger.set_call_in_period(
            ref, days, nation=nation, actor=session.actor, on=on, reason=reason
        )
    )
