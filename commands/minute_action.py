"""``govledger minute-action``: "ACTION: <name>" lines in the minutes."""

from __future__ import annotations

import click

from commands.session import Session, on_option, pass_session, reason_option, report


@click.group("minute-action")
def minute_action() -> None:
    """Minute actions: a named person owes something, usually by the next meeting."""


@minute_action.command("add")
@click.argument("board")
@click.option("--meeting", required=True, metavar="DATE", help="Date of the meeting.")
@click.option(
    "--owner",
    "owners",
    required=True,
    multiple=True,
    metavar="NAME",
    help="Who owes it ('ACTION: NAME'); repeat for several owners.",
)
@click.option("--text", required=True, help="What is owed, as minuted.")
@click.option("--due", metavar="DATE", default=None, help="When it is due, if the minutes say.")
@on_option("Day it took effect (YYYY-MM-DD); default the meeting's date.")
@reason_option(required=False)
@pass_session
def add(
    session: Session,
    board: str,
    meeting: str,
    owners: tuple[str, ...],
    text: str,
    due: str | None,
    on: str | None,
    reason: str,
) -> None:
    """Record a minute action raised at a meeting of BOARD.

    \b
    Example:
      govledger minute-action add seb --meeting 2019-06-12 --owner "Anita Parkin" \\
        --text "Public Health to update on integrating the 2-2.5 year checks" --due 2019-09-10
      govledger minute-action add seb --meeting 2019-06-12 --owner "Jan Parnell" \\
        --owner "Sam Lee" --text "Review waiting times"
    """
    report(
        session.ledger.raise_minute_action(
            board,
            meeting,
            owner=" / ".join(o.strip() for o in owners if o.strip()),
            text=text,
            due=due,
            actor=session.actor,
            on=on,
            reason=reason,
        )
    )


@minute_action.command("done")
@click.argument("ref")
@on_option("Day it was done (YYYY-MM-DD); default today.")
@reason_option(required=False)
@pass_session
def done(session: Session, ref: str, on: str | None, reason: str) -> None:
    """Mark the minute action REF (BOARD@DATE/A<n>, as printed when added) done.

    \b
    Example:
      govledger minute-action done seb@2019-06-12/A1 --on 2019-09-10 --reason "update given"
    """
    report(session.ledger.complete_minute_action(ref, actor=session.actor, on=on, reason=reason))
