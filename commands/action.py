"""``govledger action``: the items of a tracker, and every change to them."""

from __future__ import annotations

import click

from commands.lazy import Entry, LazyGroup
from commands.session import Session, on_option, pass_session, reason_option, report

RATINGS = ("red", "amber", "green", "blue")
line_option = click.option(
    "--line",
    type=click.IntRange(min=1, max=10_000),
    default=None,
    help="Which action line (1, 2, ...) when the action has more than one.",
)


@click.group(
    cls=LazyGroup,
    lazy={
        "history": Entry(
            "commands.panel",
            "action_history",
            "Tell the story of action REF: every event in order, ratings and owners from → to, "
            "corrections beside what they corrected, backdated entries marked.",
        )
    },
)
def action() -> None:
    """Actions: the items of a tracker, referred to as TRACKER#ID (e.g. hf-send-2019#15,
    audit-recs#R-07, corporate-plan#1.1)."""


@action.command("add")
@click.argument("tracker")
@click.argument("number")
@click.option("--issue", required=True, help="The issue the action answers (the Issue column).")
@click.option("--kloe", default="", help="Key lines of enquiry, e.g. 1,2 or '1 & 2'.")
@click.option("--theme", default="", help="The Theme column.")
@click.option("--who", multiple=True, metavar="OWNER", help="An owner; repeat for several.")
@click.option("--timescale", default="", help="Free text, e.g. 'Q2' or '26/4/19 (CQG)'.")
@click.option("--health", default="", help="The Action Health text of the first line.")
@click.option("--la", default="", help="The Action LA text of the first line.")
@on_option()
@reason_option(required=False)
@pass_session
def add(
    session: Session,
    tracker: str,
    number: str,
    issue: str,
    kloe: str,
    theme: str,
    who: tuple[str, ...],
    timescale: str,
    health: str,
    la: str,
    on: str | None,
    reason: str,
) -> None:
    """Add action NUMBER to TRACKER, with its first action line.

    NUMBER is the item's ID as the tracker writes it (15, 1.1, A2, R-07). An item with no
    number in the source takes the number before it and a letter (4a, 4b): its ref then
    stays stable.

    \b
    Example:
      govledger action add hf-send-2019 15 --kloe 1 \\
        --theme "Identification, assessment and early intervention." \\
        --issue "The health and development checks ... are not fully integrated." \\
        --health "A pilot took place in January." --who "Anita Parkin" --timescale Q2
    """
    report(
        session.ledger.add_action(
            tracker,
            number,
            issue=issue,
            kloe=kloe,
            theme=theme,
            who=list(who),
            timescale=timescale,
            health=health,
            la=la,
            actor=session.actor,
            on=on,
            reason=reason,
        )
    )


@action.command("add-line")
@click.argument("ref")
@click.option("--health", default="", help="The Action Health text of this line.")
@click.option("--la", default="", help="The Action LA text of this line.")
@click.option("--who", multiple=True, metavar="OWNER", help="An owner; repeat for several.")
@click.option("--timescale", default="", help="Free text, e.g. 'End Q1'.")
@on_option()
@reason_option(required=False)
@pass_session
def add_line(
    session: Session,
    ref: str,
    health: str,
    la: str,
    who: tuple[str, ...],
    timescale: str,
    on: str | None,
    reason: str,
) -> None:
    """Add a further action line to action REF; lines keep their order.

    \b
    Example:
      govledger action add-line hf-send-2019#1 --who "Corina Christos" --who "Robert Holman" \\
        --health "Facilitated workshops planned for all providers." \\
        --timescale "Timescale dependent on commissioning model agreed"
    """
    report(
        session.ledger.add_action_line(
            ref,
            who=list(who),
            timescale=timescale,
            health=health,
            la=la,
            actor=session.actor,
            on=on,
            reason=reason,
        )
    )


@action.command("rate")
@click.argument("ref")
@click.argument("rating", type=click.Choice(RATINGS, case_sensitive=False), metavar="RATING")
@click.option("--evidence", default="", help="What shows it; required for blue (completed).")
@on_option("Day the rating was decided (YYYY-MM-DD); default today.")
@reason_option()
@pass_session
def rate(
    session: Session, ref: str, rating: str, evidence: str, on: str | None, reason: str
) -> None:
    """Change the RAGB rating of action REF.

    red: major risks, urgent; amber: in progress, some risks; green: on track;
    blue: completed (needs --evidence).

    \b
    Example:
      govledger action rate hf-send-2019#15 red --on 2019-06-12 \\
        --reason "Checks at 2-2.5 years still delivered by health visitors alone"
    """
    report(
        session.ledger.rate_action(
            ref, rating, evidence=evidence, actor=session.actor, on=on, reason=reason
        )
    )


@action.command("reassign")
@click.argument("ref")
@click.option(
    "--to",
    "owners",
    multiple=True,
    required=True,
    metavar="OWNER",
    help="The new owner; repeat for several.",
)
@line_option
@on_option()
@reason_option()
@pass_session
def reassign(
    session: Session,
    ref: str,
    owners: tuple[str, ...],
    line: int | None,
    on: str | None,
    reason: str,
) -> None:
    """Pass action REF (or one of its lines) to new owners.

    \b
    Example:
      govledger action reassign hf-send-2019#15 --to "Jan Parnell" --reason "Moved to Early Years"
    """
    report(
        session.ledger.reassign_action(
            ref, list(owners), line=line, actor=session.actor, on=on, reason=reason
        )
    )


@action.command("retime")
@click.argument("ref")
@click.argument("timescale")
@line_option
@on_option()
@reason_option()
@pass_session
def retime(
    session: Session, ref: str, timescale: str, line: int | None, on: str | None, reason: str
) -> None:
    """Give action REF (or one of its lines) a new TIMESCALE.

    \b
    Example:
      govledger action retime hf-send-2019#10 "end of Q3" --reason "Redesign consultation extended"
    """
    report(
        session.ledger.retime_action(
            ref, timescale, line=line, actor=session.actor, on=on, reason=reason
        )
    )


@action.command("note")
@click.argument("ref")
@click.argument("text")
@on_option()
@reason_option()
@pass_session
def note(session: Session, ref: str, text: str, on: str | None, reason: str) -> None:
    """Add a progress note TEXT to action REF.

    \b
    Example:
      govledger action note hf-send-2019#15 "Pilot evaluated; expansion costed" \\
        --reason "Update to the September board"
    """
    report(session.ledger.note_action(ref, text, actor=session.actor, on=on, reason=reason))


@action.command("reopen")
@click.argument("ref")
@click.option(
    "--rating",
    type=click.Choice(RATINGS[:3], case_sensitive=False),
    default="amber",
    show_default=True,
    help="The rating it reopens with.",
)
@on_option()
@reason_option()
@pass_session
def reopen(session: Session, ref: str, rating: str, on: str | None, reason: str) -> None:
    """Reopen a completed (blue) action REF.

    \b
    Example:
      govledger action reopen hf-send-2019#4 --rating red --reason "Audit found reviews lapsed"
    """
    report(session.ledger.reopen_action(ref, rating, actor=session.actor, on=on, reason=reason))
