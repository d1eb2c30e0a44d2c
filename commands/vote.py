"""``govledger vote``: how a board's decision was reached."""

from __future__ import annotations

import click

from commands.session import Session, on_option, pass_session, reason_option, report


def member_votes(
    _ctx: click.Context, _param: click.Parameter, pairs: tuple[str, ...]
) -> list[tuple[str, str]]:
    """``--member NAME=for|against|abstain`` pairs, as typed."""
    found = []
    for pair in pairs:
        name, sep, side = pair.rpartition("=")
        if not sep or not name.strip() or side.strip().lower() not in ("for", "against", "abstain"):
            raise click.BadParameter(
                f"{pair!r}; write NAME=for, NAME=against or NAME=abstain, "
                'e.g. --member "Cllr Jane Smith=for"'
            )
        found.append((name.strip(), side.strip().lower()))
    return found


@click.group("vote")
def vote() -> None:
    """Votes: how a decision was reached, in counts and, for a recorded vote, by name.

    \b
    Example:
      govledger vote record seb@2019-06-12/D1 --for 7 --against 2 --abstain 1
    """


@vote.command("record")
@click.argument("ref", metavar="BOARD@DATE/Dn")
@click.option("--for", "votes_for", type=click.IntRange(min=0, max=10_000), help="Votes for.")
@click.option("--against", type=click.IntRange(min=0, max=10_000), help="Votes against.")
@click.option("--abstain", type=click.IntRange(min=0, max=10_000), help="Abstentions.")
@click.option(
    "--member",
    "members",
    multiple=True,
    callback=member_votes,
    metavar="NAME=for|against|abstain",
    help="A member's named vote (a recorded vote); repeat for each member. The names on "
    "each side must add up to its count.",
)
@click.option(
    "--result",
    type=click.Choice(("carried", "lost")),
    default=None,
    help="The result, where the counts do not say it (a tie settled by the chair's casting "
    "vote); default carried when more voted for than against, lost when fewer.",
)
@on_option("Day it took effect (YYYY-MM-DD); default the meeting's date.")
@reason_option(required=False)
@pass_session
def record(
    session: Session,
    ref: str,
    votes_for: int | None,
    against: int | None,
    abstain: int | None,
    members: list[tuple[str, str]],
    result: str | None,
    on: str | None,
    reason: str,
) -> None:
    """Record how the decision BOARD@DATE/Dn was reached.

    \b
    Example:
      govledger vote record seb@2019-06-12/D1 --for 7 --against 2 --abstain 1
      govledger vote record seb@2019-06-12/D2 --member "Cllr Ann Lee=for" \\
        --member "Cllr Bo Chan=for" --member "Cllr Cy Dee=against"
    """
    counts = {"for": votes_for, "against": against, "abstain": abstain}
    report(
        session.ledger.record_vote(
            ref,
            counts=counts,
            members=members,
            result=result,
            actor=session.actor,
            on=on,
            reason=reason,
        )
    )
