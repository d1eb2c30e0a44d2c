"""What ``govledger export`` reads and writes besides the records: the log through a plain
connection, the subjects a --board or --tracker keeps, the CSV cells a spreadsheet would
run as formulas, and decisions with their votes as Open Civic Data."""

from __future__ import annotations

import datetime as dt
import json
import sys
from typing import Any

import click

from commands.session import Session
from ledger.storage import locate


def stored_log(session: Session) -> Any:
    """The log to export, read through a plain connection (no event library); through the
    ledger where the database gives the person logged in a role (PostgreSQL with roles)."""
    from projections.stored_log import RecorderLog, open_log

    if session.identity is not None:
        return RecorderLog(session.ledger)
    return open_log(locate(session.db))


def open_data(
    session: Session,
    board: str | None,
    start: dt.date | None,
    end: dt.date | None,
    output: str | None,
) -> None:
    """Decisions and their votes as Open Civic Data vote_events, one JSON object a line."""
    from projections.ocd import vote_events

    if board is not None:
        session.ledger.board(board)
    events = vote_events(session.ledger, board, start, end)
    lines = (json.dumps(e, ensure_ascii=False) + "\n" for e in events)
    if output is None:
        sys.stdout.writelines(lines)
        return
    from pathlib import Path

    from commands.written_file import written_whole

    with (
        written_whole(Path(output), "-o") as temporary,
        open(temporary, "w", encoding="utf-8", newline="") as handle,
    ):
        count = sum(1 for line in lines if handle.write(line))
    click.echo(f"Exported {count} vote events (Open Civic Data) to {output}.", err=True)


class FormulaCells:
    """Counts the export's cells a spreadsheet would run as a formula, which a CSV export
    keeps as they are: neutralising them would make the export disagree with the events
    it is verified against."""

    def __init__(self) -> None:
        from commands.output import FORMULA_STARTS

        self.found = 0
        self.starts = FORMULA_STARTS

    def counted(self, record: dict[str, Any]) -> dict[str, Any]:
        self.found += sum(isinstance(v, str) and v.startswith(self.starts) for v in record.values())
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
