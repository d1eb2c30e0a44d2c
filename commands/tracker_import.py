"""``govledger tracker import``: take a tracker in as a council keeps it."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

import click

from commands.output import show_planned
from commands.session import Session, on_option, pass_session

if TYPE_CHECKING:
    from ledger.tracker_import import Imported

FORMATS = ("auto", "csv", "tsv", "xlsx", "ods", "odt", "pdf", "pdf-text")
ALIASES = {"no": "id", "owner": "who", "due": "timescale", "rating": "ragb"}
KINDS = (
    ("ActionAdded", "new actions"),
    ("ActionLineAdded", "new action lines"),
    ("RatingChanged", "ratings"),
    ("OwnerReassigned", "owners"),
    ("TimescaleRevised", "timescales"),
    ("NoteAdded", "updates"),
    ("FieldsRevised", "changed fields"),
    ("KeyRecorded", "key"),
    ("ColumnsRecorded", "columns"),
)


def mappings(pairs: tuple[str, ...]) -> dict[str, str]:
    from ledger.readers.tracker_headers import FIELDS

    found = {}
    for pair in pairs:
        column, sep, name = pair.rpartition("=")
        name = ALIASES.get(name.strip().lower(), name.strip().lower())
        if not sep or not column.strip() or name not in FIELDS:
            raise click.BadParameter(
                f"{pair!r}; write COLUMN=FIELD with FIELD one of {', '.join(FIELDS)}",
                param_hint="--map",
            )
        found[column.strip()] = name
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
    help="auto goes by what the file holds (.xlsx, .ods, .odt, .pdf) and its ending "
    "(.csv, .tsv); any other text is taken from a PDF, tab separated.",
)
@click.option("--sheet", metavar="NAME", help="The .xlsx or .ods sheet (default the first).")
@click.option(
    "--map",
    "pairs",
    multiple=True,
    metavar="COLUMN=FIELD",
    help="Read a column as FIELD (id, kloe, theme, issue, action, health, la, who, "
    "timescale, ragb, rated_on, update); repeat for several. COLUMN is the column's "
    "header, or in a tracker with no header row its position (2=action).",
)
@click.option(
    "--key",
    metavar="COLUMN",
    help="The column that identifies each item where there is no ID column (a KPI's "
    "name). With neither, items are numbered in order and matched by their text.",
)
@on_option("Day the import takes effect (YYYY-MM-DD); default today.")
@click.option("--dry-run", is_flag=True, help="Show what would be recorded; record nothing.")
@click.option("--verbose", "-v", is_flag=True, help="Show every event recorded.")
@pass_session
def tracker_import(
    session: Session,
    tracker: str,
    file: str,
    fmt: str,
    sheet: str | None,
    pairs: tuple[str, ...],
    key: str | None,
    on: str | None,
    dry_run: bool,
    verbose: bool,
) -> None:
    """Import FILE into TRACKER: new actions, and the ratings, owners, timescales, updates
    and other columns that changed since the last import, all recorded at once or, on any
    error, not at all.

    Columns are read by meaning (ID, Action, Owner, Due, RAG, Update and their usual
    names); a column not recognised is kept as a field of each action.

    \b
    Example:
      govledger tracker import hf-send-2019 action-tracker.xlsx --dry-run
      govledger tracker import kpis kpi-table.csv --key "KPI" --map "Q2 status=ragb"
      govledger tracker import hf-send-2019 tracker.tsv.txt --format pdf-text --on 2019-06-12
    """
    if key is not None and not key.strip():
        raise click.BadParameter("name the column, e.g. --key KPI", param_hint="--key")
    done = session.ledger.import_tracker(
        tracker,
        file,
        fmt=fmt,
        sheet=sheet,
        mapping=mappings(pairs),
        key=key,
        actor=session.actor,
        on=on,
        dry_run=dry_run,
    )
    if dry_run or verbose:
        show_planned(done.events)
    for note in done.notes:
        click.echo(f"Note: {note}.")
    click.echo(summary(done, dry_run))
    if done.unrated:
        click.echo(f"Not rated yet (unrated): {', '.join(done.unrated)}")
    if done.text_differs:
        click.echo(
            "The text of these actions differs from the ledger and was not recorded "
            f"(use govledger correct): {', '.join(done.text_differs)}"
        )


def summary(done: Imported, dry_run: bool) -> str:
    """One line: how many events, of which kinds, and how many actions stood unchanged."""
    counts = Counter(type(e).__name__ for _, e in done.events)
    kinds = ", ".join(f"{counts[k]} {words}" for k, words in KINDS if counts[k])
    verb = "Would record" if dry_run else "Recorded"
    positions = done.recorded.positions if done.recorded else []
    where = f" at positions {positions[0]}-{positions[-1]}" if positions else ""
    what = f" ({kinds})" if kinds else ""
    return (
        f"{verb} {len(done.events)} events{where}{what}; {len(done.unchanged)} actions unchanged."
    )
