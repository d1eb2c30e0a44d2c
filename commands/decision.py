"""``govledger decision``: what a board resolved on an agenda item."""

from __future__ import annotations

import click

from commands.session import Session, on_option, pass_session, reason_option, report

OUTCOMES = ("agreed", "resolved", "noted", "deferred")


@click.group()
def decision() -> None:
    """Decisions: what a board AGREED, RESOLVED, NOTED or DEFERRED at a meeting."""


@decision.command("record")
@click.argument("board")
@click.option(
    "--meeting",
    "meeting",
    required=True,
    metavar="DATE",
    help="Date of the meeting that decided (it must be in the ledger).",
)
@click.option("--item", required=True, metavar="TITLE", help="The agenda item's title.")
@click.option("--text", required=True, help="The decision as minuted, word for word.")
@click.option(
    "--outcome",
    type=click.Choice(OUTCOMES, case_sensitive=False),
    default="agreed",
    show_default=True,
    help="How the minutes mark it.",
)
@click.option(
    "--follow-up",
    "follow_up",
    metavar="DATE",
    default=None,
    help="A later meeting at which the board asked to hear back.",
)
@on_option("Day it took effect (YYYY-MM-DD); default the meeting's date.")
@reason_option(required=False)
@pass_session
def record(
    session: Session,
    board: str,
    meeting: str,
    item: str,
    text: str,
    outcome: str,
    follow_up: str | None,
    on: str | None,
    reason: str,
) -> None:
    """Record a decision of BOARD at the meeting on --meeting.

    \b
    Example:
      govledger decision record seb --meeting 2019-06-12 \\
        --item "Outcome of the Joint Local Area SEND Inspection" \\
        --text "Public Health to provide an update at the next meeting" \\
        --outcome noted --follow-up 2019-09-10
    """
    report(
        session.ledger.record_decision(
            board,
            meeting,
            item=item,
            text=text,
            outcome=outcome,
            follow_up=follow_up,
            actor=session.actor,
            on=on,
            reason=reason,
        )
    )


def register(cli: click.Group) -> None:
    cli.add_command(decision)
