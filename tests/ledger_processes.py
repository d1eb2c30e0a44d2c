"""govledger as real processes on a real ledger, for the follow and crash tests: started,
killed with -9 or stopped with SIGTERM as an operating system would, and the ledger and
its views read afterwards from the test's own connection."""

from __future__ import annotations

import csv
import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ledger.application import open_ledger

COMMAND = [sys.executable, "-m", "commands"]


@dataclass
class Running:
    """A govledger process started in the background, its output in files."""

    process: subprocess.Popen[bytes]
    out: Path
    err: Path

    def kill(self) -> None:
        """kill -9: no handler runs, no finally, no atexit."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=30)

    def terminate(self, timeout: float = 30) -> int:
        """SIGTERM, once the command has said it started (before that, the interpreter
        is still starting and has no handler for it), and its exit code."""
        wait_until(
            lambda: self.out.stat().st_size > 0 or self.process.poll() is not None,
            timeout,
            "the command started",
        )
        self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout=timeout)

    @property
    def output(self) -> str:
        return self.out.read_text() + self.err.read_text()


def start(db: str, *args: str, folder: Path, env: dict[str, str] | None = None) -> Running:
    """``govledger --db DB ARGS...`` in a process of its own."""
    n = len(list(folder.glob("run-*.out")))
    out, err = folder / f"run-{n}.out", folder / f"run-{n}.err"
    process = subprocess.Popen(
        [*COMMAND, "--db", db, "--as", "Jo Clerk", *args],
        stdout=out.open("wb"),
        stderr=err.open("wb"),
        env={**os.environ, **(env or {})},
        cwd=folder,
    )
    return Running(process, out, err)


def govledger(db: str, *args: str, folder: Path) -> subprocess.CompletedProcess[str]:
    """``govledger --db DB ARGS...`` run to its end."""
    return subprocess.run(
        [*COMMAND, "--db", db, "--as", "Jo Clerk", *args],
        capture_output=True,
        text=True,
        cwd=folder,
        timeout=300,
    )


def wait_until(done: Callable[[], bool], timeout: float, what: str) -> None:
    until = time.monotonic() + timeout
    while not done():
        if time.monotonic() > until:
            raise AssertionError(f"not within {timeout} s: {what}")
        time.sleep(0.1)


def positions(db: str) -> tuple[dict[str, int], int]:
    """Each stored view's position and the head of the log, read without catching up."""
    from projections.views import Views

    ledger = open_ledger(db)
    try:
        found = Views(ledger).status()
        return {s.name: s.position for s in found}, found[0].head
    finally:
        ledger.close()


def level(db: str) -> bool:
    at, head = positions(db)
    return all(p == head for p in at.values())


def event_count(db: str) -> int:
    ledger = open_ledger(db)
    try:
        return len(ledger.recorder.select_notifications(start=None, limit=10**9))
    finally:
        ledger.close()


def view_rows(db: str, *, rebuilt: bool = False) -> dict[str, list[str]]:
    """Every row of every stored view, table by table (sorted), after bringing the views
    level, or after rebuilding them from the first event with ``rebuilt``."""
    from projections.views import Views

    ledger = open_ledger(db)
    try:
        views = Views(ledger)
        if rebuilt:
            views.rebuild()
        else:
            views.catch_up()
        return {
            table: sorted(repr(sorted(row.items())) for row in view.rows(f"SELECT * FROM {table}"))
            for view in views.all
            for table in view.tables
        }
    finally:
        ledger.close()


def stored_rows(db: str) -> dict[str, int]:
    """How many rows each view table holds as stored (no catching up)."""
    from projections.views import Views

    ledger = open_ledger(db)
    try:
        views = Views(ledger)
        return {
            table: view.rows(f"SELECT COUNT(*) AS n FROM {table}")[0]["n"]
            for view in views.all
            for table in view.tables
        }
    finally:
        ledger.close()


def tracker_file(path: Path, rows: int, seed: int) -> Path:
    """A tracker as a council keeps one in a spreadsheet: numbered actions, an owner, a
    timescale and a RAG rating, the ratings drawn from ``seed``."""
    pick = random.Random(seed)
    with path.open("w", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["ID", "Action", "Owner", "Due", "RAG"])
        for n in range(1, rows + 1):
            out.writerow(
                [
                    n,
                    f"Action {n}: improve how needs are identified in area {n % 23}",
                    f"Officer {n % 17}, SEND Service",
                    f"Q{1 + n % 4}",
                    pick.choice(["Red", "Amber", "Green", "Blue"]),
                ]
            )
    return path


def ledger_with_trackers(db: str, trackers: int) -> Any:
    """A new ledger with a board and ``trackers`` empty trackers t0, t1, ...; open."""
    ledger = open_ledger(db, create=True)
    ledger.register_board("seb", "SEND Executive Board", actor="Jo Clerk", on="2019-01-10")
    for n in range(trackers):
        ledger.adopt_tracker(f"t{n}", "WSoA", board="seb", actor="Jo Clerk", on="2019-06-01")
    return ledger
