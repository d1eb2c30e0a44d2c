"""What an auditor is handed is often damaged or read-only: a stored event rewritten as
text, or bytes that no longer parse, is named by position (FAILED in verify; every other
command goes on and says where), and a read-only copy can be read and verified without
a byte of it being written. SQLite and PostgreSQL."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import Clerk
from tests.test_tamper import Tamperer, positions


def story(db: str) -> tuple[Clerk, int]:
    """A small tracker whose action 1 went red, then amber; returns the red rating's position."""
    clerk = Clerk(db)
    clerk.ok("init")
    clerk.ok("board", "add", "seb", "SEND Executive Board", "--on", "2019-01-10")
    clerk.ok("tracker", "add", "hf", "SEND actions", "--board", "seb", "--on", "2019-06-01")
    clerk.ok("action", "add", "hf", "1", "--issue", "Issue 1", "--who", "Jo", "--on", "2019-06-01")
    clerk.ok("action", "rate", "hf#1", "red", "--on", "2019-06-12", "--reason", "Stalled")
    red = positions(clerk)["RatingChanged hf#1"]
    clerk.ok("action", "rate", "hf#1", "amber", "--on", "2019-07-01", "--reason", "Restarted")
    return clerk, red


def spoil(db: str, position: int, how: str) -> None:
    """Overwrite one stored event outside govledger: as text, or with bytes that do not parse."""
    tamper = Tamperer(db)
    tamper.unguard()
    if how == "bytes that do not parse":
        tamper.run(f"UPDATE {tamper.events} SET state=? WHERE {tamper.pos}=?", (b"{{", position))
    else:
        tamper.run(
            f"UPDATE {tamper.events} SET state=CAST(state AS TEXT) WHERE rowid=?", (position,)
        )


def test_verify_names_an_event_whose_bytes_do_not_parse_in_one_failed_line(db):
    clerk, red = story(db)
    spoil(db, red, "bytes that do not parse")
    result = clerk("verify")
    assert result.exit_code == 1
    assert result.output.startswith(f"FAILED: position {red}: ")
    assert len(result.output.strip().splitlines()) == 1 and "Traceback" not in result.output


def test_verify_names_an_event_rewritten_as_text_in_one_failed_line(tmp_path):
    db = str(tmp_path / "ledger.db")  # SQLite's columns take text anywhere; bytea does not
    clerk, red = story(db)
    spoil(db, red, "text where bytes belong")
    result = clerk("verify")
    assert result.exit_code == 1
    assert "stored as str, not the bytes the ledger wrote" in result.output


@pytest.mark.parametrize("how", ["text where bytes belong", "bytes that do not parse"])
def test_read_commands_name_the_damaged_position_and_go_on(db, how, tmp_path):
    if how.startswith("text") and db.startswith("postgresql"):
        db = str(tmp_path / "ledger.db")  # bytea cannot hold text: this case is SQLite's
    clerk, red = story(db)
    spoil(db, red, how)
    shown = clerk("tracker", "show", "hf")
    assert shown.exit_code == 0, shown.output
    assert f"the event at position {red} cannot be read" in shown.output  # said once, on stderr
    assert "amber" in shown.output  # the rating after it still stands
    log = clerk.ok("log", "--format", "csv")
    assert f"{red},,,,(unreadable)," in log.output and "run govledger verify" in log.output
    history = clerk.ok("action", "history", "hf#1")
    assert "Restarted" in history.output
    exported = clerk("export", "-o", str(tmp_path / "log.jsonl"))
    assert exported.exit_code == 0 and "Traceback" not in exported.output
    checked = clerk("verify", str(tmp_path / "log.jsonl"))
    assert checked.exit_code == 1 or how.startswith("text")  # text keeps the same characters
    recording = clerk("action", "rate", "hf#1", "green", "--on", "2019-08-01", "--reason", "x")
    assert recording.exit_code == 1 and "cannot be read" in recording.output
    assert len(recording.output.strip().splitlines()) == 1


def make_read_only(path: Path) -> None:
    """As the auditor gets it: immutable for root (whom permissions do not stop), else 0444
    in a folder that cannot be written."""
    if os.geteuid() == 0:
        done = subprocess.run(["chattr", "+i", str(path)], capture_output=True, check=False)
        if done.returncode != 0 or shutil.which("chattr") is None:
            pytest.skip(f"cannot make {path} immutable here: {done.stderr.decode().strip()}")
    else:
        path.chmod(0o444)
        path.parent.chmod(0o555)


def writable_again(path: Path) -> None:
    if os.geteuid() == 0:
        subprocess.run(["chattr", "-i", str(path)], check=False)
    else:
        path.parent.chmod(0o755)
        path.chmod(0o644)


def test_auditor_reads_and_verifies_a_read_only_copy_without_writing_to_it(tmp_path):
    original = tmp_path / "clerk" / "ledger.db"
    original.parent.mkdir()
    clerk, _ = story(str(original))
    clerk.ok("tracker", "show", "hf")  # the clerk's views are built ...
    clerk.ok("action", "rate", "hf#1", "green", "--on", "2019-08-01", "--reason", "On track")
    copy = tmp_path / "auditor" / "ledger.db"  # ... and one event behind when it is copied
    copy.parent.mkdir()
    shutil.copy(original, copy)
    before = hashlib.sha256(copy.read_bytes()).hexdigest()
    make_read_only(copy)
    try:
        auditor = Clerk(str(copy), "Audit")
        assert auditor.ok("verify").output.startswith("OK: 6 events")
        assert "green" in auditor.ok("tracker", "show", "hf").output
        assert "On track" in auditor.ok("action", "history", "hf#1").output
        assert auditor.ok("changes", "hf", "--from", "2019-06-01").output
        refused = auditor("action", "rate", "hf#1", "red", "--on", "2019-09-01", "--reason", "x")
        assert refused.exit_code == 1
        assert "read-only" in refused.output and len(refused.output.strip().splitlines()) == 1
    finally:
        writable_again(copy)
    assert hashlib.sha256(copy.read_bytes()).hexdigest() == before
