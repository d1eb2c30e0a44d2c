"""``govledger correct``: put a mistaken entry right with a new one."""

from __future__ import annotations

import click

from commands.session import Session, on_option, pass_session, reason_option, report

FIELDS = (
    ("rating", "The rating it should have had (rating changes, reopenings)."),
    ("evidence", "The evidence it should have cited."),
    ("timescale", "The timescale it should have had."),
    ("text", "The text it should have had (notes, decisions, minute actions)."),
    ("issue", "The Issue text (action added)."),
    ("theme", "The Theme (action added)."),
    ("kloe", "The KLOE list, e.g. 1,2 (action added)."),
    ("health", "The Action Health text (action or line added)."),
    ("la", "The Action LA text (action or line added)."),
    ("name", "The board's name (board registered)."),
    ("title", "The title (tracker adopted, meeting scheduled)."),
    ("item", "The agenda item (decision)."),
    ("outcome", "agreed, resolved, noted or deferred (decision)."),
    ("follow-up", "The follow-up meeting date (decision)."),
    ("owner", "The owner (minute action)."),
    ("due", "The due date (minute action)."),
)


def field_options(command: click.Command) -> click.Command:
    for name, text in reversed(FIELDS):
        command = click.option(f"--{name}", default=None, help=text)(command)
    return command


@click.command()
@click.argument("position", type=click.IntRange(min=1))
@field_options
@click.option(
    "--to",
    "owners",
    multiple=True,
    metavar="OWNER",
    help="The owners it should have had; repeat for several.",
)
@click.option(
    "--effective", metavar="DATE", default=None, help="The day the entry should have taken effect."
)
@click.option("--void", is_flag=True, help="The entry should never have been made.")
@on_option("Day the correction takes effect (YYYY-MM-DD); default today.")
@reason_option()
@pass_session
def correct(
    session: Session,
    position: int,
    owners: tuple[str, ...],
    effective: str | None,
    void: bool,
    on: str | None,
    reason: str,
    **fields: str | None,
) -> None:
    """Correct the event at POSITION (see govledger log) with a new event.

    Nothing is edited: the mistaken entry stays in the log, the correction is
    recorded after it, and every view shows the corrected state.

    \b
    Example:
      govledger correct 17 --rating amber --reason "Minutes of 12 June say amber, not red"
      govledger correct 21 --void --reason "Entered against the wrong action"
    """
    values = {k: v for k, v in fields.items() if v is not None}
    if owners:
        values["owners"] = list(owners)
    report(
        session.ledger.correct(
            position,
            values,
            effective=effective,
            void=void,
            actor=session.actor,
            on=on,
            reason=reason,
        )
    )


def register(cli: click.Group) -> None:
    cli.add_command(correct)
