"""An export killed outright (kill -9, a power cut) cannot tidy up after itself: the next
export into that folder finds the half-written temporary file and removes it, and leaves
alone one that a run still going is writing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import Clerk


def a_finished_process() -> int:
    done = subprocess.Popen([sys.executable, "-c", "pass"])
    done.wait()
    return done.pid


def test_the_next_export_removes_what_a_killed_export_left(clerk: Clerk, tmp_path: Path):
    tmp_path = tmp_path / "exports"
    tmp_path.mkdir()
    killed = tmp_path / f".govledger-{a_finished_process()}-0123456789ab.jsonl"
    killed.write_text('{"half": ')
    still_writing = tmp_path / f".govledger-{os.getppid()}-ba9876543210.jsonl"
    still_writing.write_text('{"half": ')
    not_ours = tmp_path / ".govledger-notes.txt"
    not_ours.write_text("the clerk's own file")

    clerk.ok("export", "-o", str(tmp_path / "ledger.jsonl"))

    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == sorted(["ledger.jsonl", still_writing.name, not_ours.name])


def test_an_export_leaves_no_temporary_file_and_an_ordinary_files_mode(clerk, tmp_path):
    tmp_path = tmp_path / "exports"
    tmp_path.mkdir()
    clerk.ok("export", "-o", str(tmp_path / "ledger.jsonl"))

    assert [p.name for p in tmp_path.iterdir()] == ["ledger.jsonl"]
    mask = os.umask(0)
    os.umask(mask)
    assert (tmp_path / "ledger.jsonl").stat().st_mode & 0o777 == 0o666 & ~mask
