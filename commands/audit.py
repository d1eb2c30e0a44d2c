"""The auditor's commands: export the log, seal it, verify it, prove one event is in it."""

from __future__ import annotations

import datetime as dt
import json
import sys
from typing import Any

import click

from commands.session import DAY, Session, pass_session, progress_reporter
from ledger.storage import locate

EXPORT_FORMATS = ("jsonl", "csv", "cloudevents", "ocd")


@click.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(EXPORT_FORMATS),
    default="jsonl",
    show_default=True,
    help="jsonl (one JSON object a line), csv (RFC 4180, payload as a JSON column; every "
    "cell kept exactly as recorded, formula-like ones too), cloudevents (CloudEvents 1.0, "
    "one a line) or ocd (each decision with a vote as an Open Civic Data vote_event, one a "
    "line; --board, --from and --to pick meetings; not for verifying).",
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
      govledger export --format ocd --board seb -o votes.jsonl
      govledger export --schema
    """
    if schema:
        from projections.export_schema import schema as record_schema

        click.echo(json.dumps(record_schema(), indent=2))
        return
    if start is not None and end is not None:
        from commands.panel import check_period

        check_period(start, end, start_excluded=False)
    if fmt == "ocd":
        if tracker is not None:
            raise click.UsageError(
                "--format ocd exports decisions and votes; give --board, not --tracker"
            )
        from commands.exporting import open_data

        open_data(session, board, start, end, output)
        return
    from commands.exporting import FormulaCells, stored_log, subject_prefixes
    from projections.export import last_checkpoint, records
    from projections.export_formats import write

    prefixes = subject_prefixes(session, board, tracker)
    log = stored_log(session)
    rows = records(log, progress_reporter("Exporting"), missing=True)
    filtered = prefixes is not None or bool(start or end)
    if filtered:
        from projections.export_filters import keep, within

        match = within(prefixes) if prefixes is not None else None
        rows = (r for r in rows if keep(r, start, end, match))
    formulas = FormulaCells() if fmt == "csv" else None
    if formulas is not None:
        rows = (formulas.counted(r) for r in rows)
    source = locate(session.db).source
    trailer = {"checkpoint": last_checkpoint(log), "filtered": filtered}
    try:
        if output:
            from pathlib import Path

            from commands.written_file import written_whole

            with (
                written_whole(Path(output), "-o") as temporary,
                open(temporary, "wb", buffering=1 << 16) as handle,
            ):
                count = write(rows, fmt, handle, source, trailer)
            click.echo(f"Exported {count} events to {output}.", err=True)
        else:
            sys.stdout.flush()
            write(rows, fmt, sys.stdout.buffer, source, trailer)
            sys.stdout.buffer.flush()
    finally:
        log.close()
    if formulas is not None:
        click.echo(formulas.note(), err=True)


@click.command()
@click.argument("file", required=False, type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--checkpoint",
    "checkpoint_file",
    metavar="FILE",
    type=click.Path(exists=True, dir_okay=False),
    help="A signed checkpoint, as pasted in the minutes: its signatures are checked against "
    "the keyring, and the log must extend it.",
)
@click.option(
    "--keyring",
    metavar="FILE",
    type=click.Path(exists=True, dir_okay=False),
    help="The keyring the body published (govledger keys export); without it, signatures "
    "are checked against the keys the log itself registered.",
)
@click.option(
    "--witnesses",
    type=click.IntRange(0, 1000),
    default=0,
    help="How many distinct witnesses must have cosigned the checkpoint.",
)
@click.option(
    "--require-signed",
    metavar="POSITION",
    type=click.IntRange(0, 2**63 - 1),
    help="Every entry after this position must be signed by its recorder's key.",
)
@click.option(
    "--digest",
    metavar="SIZE:ROOT",
    help="A seal's digest trusted from elsewhere "
    "(the minutes): the log at that size must be a prefix of what is checked.",
)
@pass_session
def verify(
    session: Session,
    file: str | None,
    checkpoint_file: str | None,
    keyring: str | None,
    witnesses: int,
    require_signed: int | None,
    digest: str | None,
) -> None:
    """Recompute every hash and check every seal, checkpoint and signature: of the ledger,
    or of an export FILE.

    Exits 0 when everything checks; otherwise 1, naming the first position that
    does not match and what is wrong there. Without --checkpoint or --digest, an OK
    proves only that the log agrees with itself, and says so.

    \b
    Example:
      govledger verify
      govledger verify ledger.jsonl --checkpoint checkpoint.txt --keyring keyring.json
      govledger verify ledger.jsonl --digest 1207:9f2c...e41a
    """
    from ledger.verify import ExportCutOff, LogAudit, check_records, read_records

    audit = LogAudit(
        trusted_file(keyring, "--keyring", "read_keyring"),
        trusted_file(checkpoint_file, "--checkpoint", "read_checkpoint"),
        trusted_file(digest, "--digest", "parse_digest"),
        witnesses,
        require_signed,
    )
    if file:
        try:
            report = check_records(read_records(file), audit, digest is not None)
        except ExportCutOff as error:
            click.echo(f"FAILED: {error}")
            raise SystemExit(1) from None
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            click.echo(
                f"FAILED: {file} is not a govledger export ({type(error).__name__}: "
                f"{' '.join(str(error).split())[:120]})"
            )
            raise SystemExit(1) from None
    else:
        from projections.verification import verify_ledger

        report = verify_ledger(
            session.ledger, audit, progress_reporter("Verifying"), digest is not None
        )
    click.echo(report.line())
    if not report.ok:
        raise SystemExit(1)


def trusted_file(given: str | None, option: str, reader: str) -> Any:
    """What an auditor trusts from elsewhere, read with the standalone verifier's own code;
    anything it cannot read is a usage error naming the option."""
    import ledger.verify

    if given is None:
        return None
    try:
        return getattr(ledger.verify, reader)(given)
    except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError) as error:
        raise click.BadParameter(" ".join(str(error).split())[:200], param_hint=option) from None
    except OSError as error:
        raise click.BadParameter(
            f"cannot read {given!r} ({error.strerror})", param_hint=option
        ) from None


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
