"""The auditor's commands: export the log, seal it, verify it, prove one event is in it."""

from __future__ import annotations

import datetime as dt
import json
import sys
from typing import Any

import click

from commands.output import FORMULA_STARTS, format_option, render
from commands.panel import check_period
from commands.session import DAY, Session, pass_session, progress_reporter

EXPORT_FORMATS = ("jsonl", "csv", "cloudevents")


@click.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(EXPORT_FORMATS),
    default="jsonl",
    show_default=True,
    help="jsonl (one JSON object a line), csv (RFC 4180, payload as a JSON column; every "
    "cell kept exactly as recorded, formula-like ones too) or cloudevents (CloudEvents 1.0, "
    "one a line).",
)
@click.option("--from", "start", type=DAY, help="Only events that took effect on or after.")
@click.option("--to", "end", type=DAY, help="Only events that took effect on or before.")
@click.option("--board", metavar="BOARD", help="Only this board, its meetings and trackers.")
@click.option("--tracker", metavar="TRACKER", help="Only this tracker and its actions.")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True),
    help="Write to this file instead of standard output.",
)
@click.option("--schema", is_flag=True, help="Print the JSON Schema of an export record.")
@pass_session
def export(
    session: Session,
    fmt: str,
    start: dt.date | None,
    end: dt.date | None,
    board: str | None,
    tracker: str | None,
    output: str | None,
    schema: bool,
) -> None:
    """Write every event in log order, with its hashes, for an auditor.

    A filtered export (--from, --to, --board, --tracker) can be read, and each event's
    hash checked; verifying the whole log needs an unfiltered export.

    Every format keeps each value exactly as recorded, so that the export can be verified.
    A CSV cell starting with =, +, -, @, a tab or a carriage return is therefore not
    neutralised as read commands' --format csv does: a note on standard error says how
    many there are; import such a file into a spreadsheet as text.

    \b
    Example:
      govledger export -o ledger.jsonl
      govledger export --format cloudevents --tracker hf-send-2019 -o hf.jsonl
      govledger export --schema
    """
    from projections.export import keep, records, within, write

    if schema:
        from projections.export import schema as record_schema

        click.echo(json.dumps(record_schema(), indent=2))
        return
    check_period(start, end, start_excluded=False)
    prefixes = subject_prefixes(session, board, tracker)
    match = within(prefixes) if prefixes is not None else None
    ledger = session.ledger
    formulas = FormulaCells()
    rows = (
        formulas.counted(r)
        for r in records(ledger, progress_reporter("Exporting"), missing=True)
        if keep(r, start, end, match)
    )
    from ledger.storage import locate

    source = locate(session.db).source
    if output:
        try:
            handle = open(output, "w", encoding="utf-8", newline="")  # noqa: SIM115
        except OSError as error:
            raise click.BadParameter(
                f"cannot write {output!r} ({error.strerror}); give a file in a folder that exists",
                param_hint="-o",
            ) from None
        with handle:
            count = write(rows, fmt, handle, source)
        click.echo(f"Exported {count} events to {output}.", err=True)
    else:
        write(rows, fmt, sys.stdout, source)
    if fmt == "csv":
        click.echo(formulas.note(), err=True)


class FormulaCells:
    """Counts the export's cells a spreadsheet would run as a formula, which a CSV export
    keeps as they are: neutralising them would make the export disagree with the events
    it is verified against."""

    def __init__(self) -> None:
        self.found = 0

    def counted(self, record: dict[str, Any]) -> dict[str, Any]:
        self.found += sum(
            isinstance(v, str) and v.startswith(FORMULA_STARTS) for v in record.values()
        )
        return record

    def note(self) -> str:
        kept = "Note: CSV cells are kept exactly as recorded, so the export can be verified; "
        if not self.found:
            return kept + "none starts with =, +, -, @, a tab or a carriage return."
        cells = "cell starts" if self.found == 1 else "cells start"
        return (
            f"{kept}{self.found} {cells} with =, +, -, @, a tab or a carriage return, which a "
            "spreadsheet may run as a formula: import the file as text."
        )


def subject_prefixes(session: Session, board: str | None, tracker: str | None) -> list[str] | None:
    from ledger.errors import NotFound

    if board is None and tracker is None:
        return None
    views = session.views()
    prefixes = []
    if board is not None:
        if board not in views.trail.refs("board"):
            raise NotFound("board", board, views.trail.refs("board"))
        prefixes += [board, *(t["ref"] for t in views.tracker.trackers(board))]
    if tracker is not None:
        known = [t["ref"] for t in views.tracker.trackers()]
        if tracker not in known:
            raise NotFound("tracker", tracker, known)
        prefixes.append(tracker)
    return prefixes


@click.command()
@click.option("--note", default="", help="What the seal is for, e.g. 'Board, 21 April 2026'.")
@pass_session
def seal(session: Session, note: str) -> None:
    """Seal the log: record its size and Merkle root, and print one line for the minutes.

    Anyone holding that line can later check, with govledger verify --digest, that
    the log they are shown still begins with exactly those events.

    \b
    Example:
      govledger seal --note "Spring board, 21 April 2026"
    """
    recorded, digest = session.ledger.seal(note, actor=session.actor)
    when = dt.date.today().isoformat()
    click.echo(f"govledger seal {when} {digest}  (position {recorded.positions[0]})")


@click.command()
@format_option
@pass_session
def seals(session: Session, fmt: str) -> None:
    """List the seals recorded in the log, oldest first.

    \b
    Example:
      govledger seals --format csv
    """
    from projections.export import seals as listed

    rows = listed(session.ledger)
    if not rows and fmt == "table":
        click.echo("No seal has been recorded yet; record one with govledger seal.")
        return
    click.echo(
        render(
            rows,
            ("position", "sealed_on", "size", "root", "actor", "note"),
            fmt,
            wrap=("note", "actor"),
        )
    )


@click.command()
@click.argument("file", required=False, type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--digest",
    metavar="SIZE:ROOT",
    help="A seal's digest trusted from elsewhere "
    "(the minutes): the log at that size must be a prefix of what is checked.",
)
@pass_session
def verify(session: Session, file: str | None, digest: str | None) -> None:
    """Recompute every hash and check every seal: of the ledger, or of an export FILE.

    Exits 0 when everything checks; otherwise 1, naming the first position that
    does not match and what is wrong there.

    \b
    Example:
      govledger verify
      govledger verify ledger.jsonl --digest 1207:9f2c...e41a
    """
    from ledger.verify import check_records, parse_digest, read_records

    try:
        trusted = parse_digest(digest) if digest else None
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--digest") from None
    if file:
        try:
            report = check_records(read_records(file), trusted)
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            click.echo(
                f"FAILED: {file} is not a govledger export ({type(error).__name__}: "
                f"{' '.join(str(error).split())[:120]})"
            )
            raise SystemExit(1) from None
    else:
        from projections.verification import verify_ledger

        report = verify_ledger(session.ledger, trusted, progress_reporter("Verifying"))
    click.echo(report.line())
    if not report.ok:
        raise SystemExit(1)


@click.command()
@click.argument("target")
@pass_session
def prove(session: Session, target: str) -> None:
    """Print an inclusion proof that the event at POSITION (or the latest event of an
    action REF) is in the log as of the latest seal.

    Check it without govledger: python -m ledger.verify --proof PROOF.json

    \b
    Example:
      govledger prove 42 > proof.json
      govledger prove hf-send-2019#15 > proof.json
    """
    from projections.proof import inclusion

    click.echo(json.dumps(inclusion(session, target), indent=2, ensure_ascii=False))


def register(cli: click.Group) -> None:
    for command in (export, seal, seals, verify, prove):
        cli.add_command(command)
