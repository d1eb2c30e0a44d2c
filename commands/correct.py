"""``govledger correct``: put a mistaken entry right with a new one."""

from __future__ import annotations

import click

from commands.session import Session, on_option, pass_session, reason_option, report

FIELDS = (
    ("rating", "The rating it should have had (rating changes, reopenings)."),
    ("evidence", "The evidence it should have cited."),
    (
        "timescale",
        "The timescale it should have had (action or line added, retiming); "
        "an imported tracker's due date.",
    ),
    ("text", "The text it should have had (notes, decisions, minute actions)."),
    ("action", "The action's own text (action added from a tracker)."),
    ("update", "The progress update it was added with (action added); later ones are notes."),
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
    ("owner", "The owner (minute action; a tracker's action takes --to)."),
    ("due", "The due date (minute action; a tracker's action takes --timescale)."),
)


def own_columns(
    _ctx: click.Context, _param: click.Parameter, pairs: tuple[str, ...]
) -> dict[str, str]:
    """``--field NAME=VALUE`` pairs as the tracker's own columns, names and values as typed."""
    found: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise click.BadParameter(
                f"{pair!r}; write NAME=VALUE with NAME a column of the tracker's own, "
                'e.g. --field "Directorate=Children"'
            )
        if name.strip() in found:
            raise click.BadParameter(f"{name.strip()!r} is given twice; give each column once")
        found[name.strip()] = value.strip()
    return found


def field_options(command: click.Command) -> click.Command:
    for name, text in reversed(FIELDS):
        command = click.option(f"--{name}", default=None, help=text)(command)
    return command


@click.command()
@click.argument("position", type=click.IntRange(min=1, max=2**62))
@field_options
@click.option(
    "--field",
    "columns",
    multiple=True,
    metavar="NAME=VALUE",
    callback=own_columns,
    help="A column of the tracker's own, as it should have read (action added from a "
    "tracker, fields revised); NAME as the tracker has it; repeat for several.",
)
@click.option(
    "--to",
    "--owners",
    "owners",
    multiple=True,
    metavar="OWNER",
    help="The owners it should have had (action or line added, reassignment); an "
    "imported tracker's owner or lead; repeat for several.",
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
    columns: dict[str, str],
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

    An action taken in from a tracker is corrected the same way: its text
    (--action), owners (--to), due date (--timescale), update (--update) and
    the tracker's own columns (--field NAME=VALUE, only those named change).

    \b
    Example:
      govledger correct 17 --rating amber --reason "Minutes of 12 June say amber, not red"
      govledger correct 21 --void --reason "Entered against the wrong action"
      govledger correct 3 --field "Directorate=Adults" --reason "Typed as Adluts"
      govledger correct 3 --action "Recruit three social workers" --to "Sam Lee" \\
          --timescale 2024-07-31 --reason "The tracker of 1 March was mistyped"
    """
    values: dict[str, object] = {k: v for k, v in fields.items() if v is not None}
    if owners:
        values["owners"] = list(owners)
    if columns:
        values["fields"] = columns
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
