"""The benchmark's fair floor of the export (bench/floor_export.py) writes, byte for byte,
what ``govledger export`` writes, so that it skips none of the export's work; and the
fields the export writes are those its schema describes. SQLite and PostgreSQL."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from projections.export_formats import FIELDS
from projections.export_schema import ExportRecord
from tests.conftest import Clerk
from tests.test_governance_told_and_erased import governance

FLOOR = Path(__file__).parents[1] / "bench" / "floor_export.py"


def test_the_floor_writes_the_exports_bytes_seals_checkpoints_and_trailer_too(
    db, keys, tmp_path, monkeypatch
):
    clerk = Clerk(db)
    clerk.ok("init")
    clerk.ok("keys", "new", "jo.clerk")
    monkeypatch.setenv("GOVLEDGER_KEY", "jo.clerk")
    governance(clerk)
    clerk.ok("tracker", "add", "hf", "SEND actions", "--board", "seb", "--on", "2019-06-01")
    for no in ("1", "2"):
        clerk.ok("action", "add", "hf", no, "--issue", f"Issue {no}", "--on", "2019-06-01")
    clerk.ok("seal", "--note", "June board")  # a root at the seal's size, a checkpoint
    clerk.ok("action", "rate", "hf#1", "red", "--on", "2019-06-12", "--reason", "Stalled")
    ours, floor = tmp_path / "ours.jsonl", tmp_path / "floor.jsonl"
    clerk.ok("export", "-o", str(ours))
    done = subprocess.run(
        [sys.executable, str(FLOOR), db, str(floor)], capture_output=True, text=True, check=True
    )
    written = ours.read_bytes()
    assert int(done.stdout) == written.count(b"\n") - 1
    assert b'"checkpoint":"govledger/' in written.splitlines()[-1]
    assert floor.read_bytes() == written


def test_an_export_writes_the_fields_its_schema_describes_in_order():
    assert list(FIELDS) == list(ExportRecord.model_fields)


def test_the_exports_event_ids_are_made_in_the_ledgers_namespace():
    from ledger.refs import NAMESPACE
    from projections.export import NAMESPACE_BYTES

    assert NAMESPACE.bytes == NAMESPACE_BYTES
