"""``govledger tracker import``: take a tracker in as a council keeps it."""

from __future__ import annotations

import click

from commands.output import show_planned
from commands.session import Session, on_option, pass_session

FORMATS = ("auto", "csv", "tsv", "xlsx", "pdf-text")


def mappings(pairs: tuple[str, ...]) -> dict[str, str]:
    from ledger.tracker_file import FIELDS

    found = {}
    for pair in pairs:
        column, sep, name = pair.partition("=")
        if not sep or name.strip() not in FIELDS:
            raise click.BadParameter(
                f"{pair!r}; write COLUMN=FIELD with FIELD one of {', '.join(FIELDS)}",
                param_hint="--map",
            )
        found[column.strip()] = name.strip()
    return found


@click.command("import")
@click.argument("tracker")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="auto",
    show_default=True,
    help="auto goes by the file's ending (.xlsx, .csv, .tsv; anything else is text "
    "taken from a PDF, tab separated).",
)
@click.option("--sheet", metavar="NAME", help="The XLSX sheet (default the first).")
@click.option(
    "--map",
    "pairs",
    multiple=True,
    metavar="COLUMN=FIELD",
    help="Read a column whose header we do not know as FIELD (no, kloe, theme, issue, "
    "health, la, who, timescale, ragb, rated_on).",
)
@on_option("Day the import takes effect (YYYY-MM-DD); default today.")
@click.option("--dry-run", is_flag=True, help="Show what would be recorded; record nothing.")
@pass_session
def tracker_import(
    session: Session,
    tracker: str,
    file: str,
    fmt: str,
    sheet: str | None,
    pairs: tuple[str, ...],
    on: str | None,
    dry_run: bool,
) -> None:
    """Import FILE into TRACKER: new actions, and the ratings, owners and timescales that
    changed since the last import, all recorded at once or, on any error, not at all.

    \b
    Example:
      govledger tracker import hf-send-2019 action-tracker.xlsx --dry-run
      govledger tracker import hf-send-2019 tracker.tsv.txt --format pdf-text --on 2019-06-12
    """
    done = session.ledger.import_tracker(
        tracker,
        file,
        fmt=fmt,
        sheet=sheet,
        mapping=mappings(pairs),
        actor=session.actor,
        on=on,
        dry_run=dry_run,
    )
    count = show_planned(done.events)
    verb = "Would record" if dry_run else "Recorded"
    tail = (
        f" at positions {done.recorded.positions[0]}-{done.recorded.positions[-1]}"
        if done.recorded
        else ""
    )
    click.echo(f"{verb} {count} events{tail}; {len(done.unchanged)} actions unchanged.")
    if done.text_differs:
        click.echo(
            "The text of these actions differs from the ledger and was not recorded "
            f"(use govledger correct): {', '.join(done.text_differs)}"
        )


def register(cli: click.Group) -> None:
    cli.commands["tracker"].add_command(tracker_import)  # type: ignore[attr-defined]
