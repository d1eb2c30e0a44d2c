"""``govledger decision``: what a board resolved on an agenda item."""

from __future__ import annotations

from typing import Any

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


# The words of ledger.call_in, spelled out so that --help needs no ledger.
NATIONS = {
    "england": "England",
    "wales": "Wales",
    "scotland": "Scotland",
    "northern-ireland": "Northern Ireland",
}


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
@click.option(
    "--key-decision",
    "key_decision",
    is_flag=True,
    help="An executive key decision: subject to call-in for the board's period "
    "(govledger board set-call-in), unless --call-in-days says otherwise.",
)
@click.option(
    "--call-in-days",
    "call_in_days",
    type=click.IntRange(min=0, max=30),
    default=None,
    metavar="N",
    help="Subject to call-in for N working days after it is published (0: not subject to "
    "call-in, e.g. an urgent decision); overrides the board's figure.",
)
@click.option(
    "--published",
    metavar="DATE",
    default=None,
    help="Day the decision was published, from which its call-in period runs; default the "
    "day it took effect.",
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
    key_decision: bool,
    call_in_days: int | None,
    published: str | None,
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
      govledger decision record seb --meeting 2019-06-12 --item "SEND transport" \\
        --text "The new transport policy be adopted" --key-decision --call-in-days 5
    """
    recorded = session.ledger.record_decision(
        board,
        meeting,
        item=item,
        text=text,
        outcome=outcome,
        follow_up=follow_up,
        report_back=report_back,
        key_decision=key_decision,
        call_in_days=call_in_days,
        published=published,
        actor=session.actor,
        on=on,
        reason=reason,
    )
    report(recorded)
    if key_decision or call_in_days is not None:
        key, window = session.ledger.call_in_of(recorded.subject)
        click.echo(published_as(key, window))


def published_as(key: bool, window: Any) -> str:
    """'Key decision: call-in closes 2019-06-19 (5 working days in England after it was
    published on 2019-06-12); may be implemented from 2019-06-20.'"""
    head = "Key decision" if key else "Decision"
    if window is None:
        return f"{head}: not subject to call-in; it may be implemented now."
    return (
        f"{head}: call-in closes {window.closes.isoformat()} ({window.days} working "
        f"day{'s' if window.days != 1 else ''} in {NATIONS[window.nation]} after it was "
        f"published on {window.published.isoformat()}); may be implemented from "
        f"{window.implementable_from.isoformat()} unless it is called in."
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


@decision.command("call-in")
@click.argument("ref", metavar="BOARD@DATE/Dn")
@click.option(
    "--by",
    "members",
    multiple=True,
    required=True,
    metavar="NAME",
    help="A member calling the decision in; repeat for each member.",
)
@on_option("Day it was called in (YYYY-MM-DD); default today.")
@reason_option(required=True)
@pass_session
def call_in(
    session: Session, ref: str, members: tuple[str, ...], on: str | None, reason: str
) -> None:
    """Scrutiny members call in decision BOARD@DATE/Dn.

    Within its call-in period, once; it may not be implemented until scrutiny's outcome
    is recorded (decision call-in-outcome).

    \b
    Example:
      govledger decision call-in seb@2019-06-12/D2 --by "Cllr Ann Lee" \\
        --by "Cllr Bo Chan" --on 2019-06-14 --reason "Parents were not consulted"
    """
    report(
        session.ledger.call_in_decision(
            ref, members=list(members), actor=session.actor, on=on, reason=reason
        )
    )
    click.echo(
        "Called in: not to be implemented until scrutiny's outcome is recorded "
        f"(govledger decision call-in-outcome {ref} --outcome upheld|referred-back "
        "--reason ...)."
    )


@decision.command("call-in-outcome")
@click.argument("ref", metavar="BOARD@DATE/Dn")
@click.option(
    "--outcome",
    type=click.Choice(("upheld", "referred-back")),
    required=True,
    help="upheld: the decision stands and may be implemented; referred-back: it goes back "
    "to the decision-maker to reconsider.",
)
@on_option("Day scrutiny concluded (YYYY-MM-DD); default today.")
@reason_option(required=True)
@pass_session
def call_in_outcome(session: Session, ref: str, outcome: str, on: str | None, reason: str) -> None:
    """Scrutiny's outcome on decision BOARD@DATE/Dn, called in.

    upheld: it stands and may be implemented; referred-back: the decision-maker is to
    reconsider it, and it is not to be implemented as it stands.

    \b
    Example:
      govledger decision call-in-outcome seb@2019-06-12/D2 --outcome upheld \\
        --on 2019-07-01 --reason "Scrutiny committee: no further action (minute 12)"
    """
    recorded = session.ledger.conclude_call_in(
        ref, outcome=outcome, actor=session.actor, on=on, reason=reason
    )
    report(recorded)
    if outcome == "upheld":
        click.echo("Upheld: the decision may now be implemented.")
    else:
        click.echo(
            "Referred back: not to be implemented as it stands; record the decision-maker's "
            "reconsidered decision when it is taken."
        )
