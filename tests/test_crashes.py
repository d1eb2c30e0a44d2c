"""kill -9 at random moments (issue 14): a tracker import, a projection rebuild, a follower
and an export, each killed many times as real processes on a real SQLite file and on
PostgreSQL, with a fixed seed. After every kill: the import recorded all of its events or
none; the views, once caught up, equal a rebuild from the first event; an export leaves
either a whole file that verifies or nothing under its name (what is left under a
temporary name verifies as FAILED). The quick runs are in make test; the long ones are
marked slow.
"""

from __future__ import annotations

import random
import subprocess
import time
from collections import Counter
from pathlib import Path

import pytest

from tests.ledger_processes import (
    event_count,
    govledger,
    ledger_with_trackers,
    positions,
    start,
    tracker_file,
    view_rows,
)

SEED = 1414
QUICK, LONG = (2, 300), (12, 3000)  # kills, rows of each tracker file


def timed(db: str, *args: str, folder: Path) -> float:
    """How long the command takes when left alone (the window the kills are drawn from)."""
    began = time.monotonic()
    done = govledger(db, *args, folder=folder)
    assert done.returncode == 0, done.stderr
    return time.monotonic() - began


def killed(db: str, args: list[str], after: float, folder: Path) -> str:
    """Start ``govledger ARGS`` and kill -9 it ``after`` seconds later: whether it was
    still running then ('killed') or had already ended ('finished')."""
    running = start(db, *args, folder=folder)
    try:
        code = running.process.wait(timeout=after)
    except subprocess.TimeoutExpired:  # still at work, as intended
        running.kill()
        return "killed"
    assert code == 0, running.output
    return "finished"


def views_equal_a_rebuild(db: str) -> None:
    caught_up = view_rows(db)
    assert caught_up == view_rows(db, rebuilt=True)


def imports_killed(db: str, folder: Path, runs: int, rows: int) -> Counter[str]:
    ledger = ledger_with_trackers(db, runs + 1)
    ledger.close()
    path = str(tracker_file(folder / "tracker.csv", rows, SEED))
    before = event_count(db)
    window = timed(db, "tracker", "import", "t0", path, "--on", "2019-06-02", folder=folder)
    whole = event_count(db) - before
    pick = random.Random(SEED)
    outcomes: Counter[str] = Counter()
    for n in range(1, runs + 1):
        before = event_count(db)
        how = killed(
            db, ["tracker", "import", f"t{n}", path, "--on", "2019-06-02"],
            pick.uniform(0, window * 1.1), folder,
        )  # fmt: skip
        added = event_count(db) - before
        assert added in (0, whole), f"a partial import: {added} of {whole} events"
        outcomes[f"{how}, {'all' if added else 'no'} events"] += 1
    views_equal_a_rebuild(db)
    verified = govledger(db, "verify", folder=folder)
    assert verified.returncode == 0, verified.stdout + verified.stderr
    return outcomes


def rebuilds_killed(db: str, folder: Path, runs: int, rows: int) -> Counter[str]:
    ledger = ledger_with_trackers(db, 2)
    for n in range(2):
        path = tracker_file(folder / f"{n}.csv", rows, n)
        ledger.import_tracker(f"t{n}", str(path), actor="Jo Clerk", on="2019-06-02")
    ledger.close()
    window = timed(db, "projections", "rebuild", folder=folder)
    expected = view_rows(db, rebuilt=True)
    pick = random.Random(SEED)
    outcomes: Counter[str] = Counter()
    for _ in range(runs):
        how = killed(db, ["projections", "rebuild"], pick.uniform(0, window * 1.1), folder)
        at, head = positions(db)
        least = min(at.values())
        part = "level" if least == head else "part-way" if least else "dropped, not replayed"
        outcomes[f"{how}, views left {part}"] += 1
        assert view_rows(db) == expected
    return outcomes


def followers_killed(db: str, folder: Path, runs: int, rows: int) -> Counter[str]:
    ledger = ledger_with_trackers(db, runs)
    pick = random.Random(SEED)
    outcomes: Counter[str] = Counter()
    try:
        for n in range(runs):
            path = tracker_file(folder / f"{n}.csv", rows // 2, n)
            ledger.import_tracker(f"t{n}", str(path), actor="Jo Clerk", on="2019-06-02")
            follow = start(db, "projections", "follow", "--interval", "0.1", folder=folder)
            time.sleep(pick.uniform(0.3, 2.5))
            follow.kill()
            at, head = positions(db)
            outcomes["left behind" if min(at.values()) < head else "left level"] += 1
    finally:
        ledger.close()
    views_equal_a_rebuild(db)
    return outcomes


def exports_killed(db: str, folder: Path, runs: int, rows: int) -> Counter[str]:
    ledger = ledger_with_trackers(db, 2)
    for n in range(2):
        path = tracker_file(folder / f"{n}.csv", rows, n)
        ledger.import_tracker(f"t{n}", str(path), actor="Jo Clerk", on="2019-06-02")
    ledger.close()
    target = folder / "ledger.jsonl"
    window = timed(db, "export", "-o", str(target), folder=folder)
    target.unlink()
    pick = random.Random(SEED)
    outcomes: Counter[str] = Counter()
    for _ in range(runs):
        how = killed(db, ["export", "-o", str(target)], pick.uniform(0, window * 1.1), folder)
        if target.exists():
            checked = govledger(db, "verify", str(target), folder=folder)
            assert checked.returncode == 0 and checked.stdout.startswith("OK"), checked.stdout
            outcomes[f"{how}, whole file"] += 1
            target.unlink()
        else:
            outcomes[f"{how}, no file"] += 1
        for left in folder.glob(".govledger-*"):
            checked = govledger(db, "verify", str(left), folder=folder)
            assert checked.returncode == 1 and "FAILED" in checked.stdout, checked.stdout
            outcomes["a temporary file left, verify: FAILED"] += 1
            left.unlink()
    return outcomes


KINDS = {
    "import": imports_killed,
    "rebuild": rebuilds_killed,
    "follow": followers_killed,
    "export": exports_killed,
}


@pytest.mark.parametrize("kind", KINDS)
def test_killed_with_9_a_few_times_nothing_is_left_partial(
    db: str, tmp_path: Path, kind: str
) -> None:
    outcomes = KINDS[kind](db, tmp_path, *QUICK)
    assert sum(outcomes.values()) >= QUICK[0]


@pytest.mark.slow
@pytest.mark.parametrize("kind", KINDS)
def test_killed_with_9_many_times_nothing_is_left_partial(
    db: str, tmp_path: Path, kind: str
) -> None:
    outcomes = KINDS[kind](db, tmp_path, *LONG)
    print(f"{kind} on {db.split('?')[0][:10]}: {dict(outcomes)}")
    assert sum(outcomes.values()) >= LONG[0]


def test_an_export_killed_part_way_through_a_line_is_reported_incomplete(tmp_path: Path) -> None:
    db = str(tmp_path / "ledger.db")
    ledger_with_trackers(db, 1).close()
    whole = govledger(db, "export", folder=tmp_path).stdout  # as `govledger export > FILE`
    cut = tmp_path / "ledger.jsonl"
    cut.write_text(whole[: len(whole) // 2])  # what a kill -9 leaves: a buffer's worth
    checked = govledger(db, "verify", str(cut), folder=tmp_path)
    assert checked.returncode == 1
    assert "the export is incomplete" in checked.stdout, checked.stdout
