"""``govledger decision``: what a board resolved on an agenda item."""

from __future__ import annotations

import click

from commands.session import Session, on_option, pass_session, reason_option, report

# The words of ledger.meeting.Outcome, spelled out so that --help needs no event classes.
OUTCOMES = (
    "agreed",
    "resolved",
    "decided",
    "noted",
    "received",
    "approved",
    "rejected",
    "deferred",
    "carried",
    "lost",
    "requested",
    "appointed",
    "delegated",
    "recommended",
    "endorsed",
)


@click.group()
def decision() -> None:
    """Decisions: what a board AGREED, RESOLVED, NOTED, DEFERRED (and so on) at a meeting."""


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
    help="How the minutes mark it; requested is a report-back the board asked for.",
)
@click.option(
    "--follow-up",
    "follow_up",
    metavar="DATE",
    default=None,
    help="A later meeting at which the board asked to hear back.",
)
@click.option(
    "--report-back",
    "report_back",
    metavar="WORDS",
    default="",
    help="The minutes' words for when to hear back ('the next meeting', 'in due course'); "
    "without --follow-up it is kept as an open follow-up with no date.",
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
    report_back: str,
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
      govledger decision record seb --meeting 2019-06-12 --item "Therapies" \\
        --text "A review of waiting times to come back" --outcome requested \\
        --report-back "in due course"
    """
    report(
        session.ledger.record_decision(
            board,
            meeting,
            item=item,
            text=text,
            outcome=outcome,
            follow_up=follow_up,
            report_back=report_back,
            actor=session.actor,
            on=on,
            reason=reason,
        )
    )


@decision.group("follow-up")
def follow_up() -> None:
    """A decision's follow-up: the update a board asked to hear back."""


@follow_up.command("done")
@click.argument("ref")
@on_option("Day the update was given (YYYY-MM-DD); default today.")
@reason_option(required=True)
@pass_session
def follow_up_done(session: Session, ref: str, on: str | None, reason: str) -> None:
    """Close the follow-up decision REF (BOARD@DATE/D<n>, as printed when recorded) asked
    for; it leaves govledger due. A mistaken closing is voided with govledger correct.

    \b
    Example:
      govledger decision follow-up done seb@2019-06-12/D1 --on 2019-09-10 \\
        --reason "Public Health gave the update (minute 45)"
    """
    report(session.ledger.close_follow_up(ref, actor=session.actor, on=on, reason=reason))
