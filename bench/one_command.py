"""Commands as a clerk runs them, each a new process: `govledger --help`, a read command
(`tracker show`), a clerk command (`action note`) and `tracker import` of a 20,000-row file,
each beside its fair floor (bench.floor_processes: the essential work in plain Python) and
the bare floor (`python -c pass`, or for the import the file's rows inserted as they are).

Every figure is the median of ``runs`` new processes after one unmeasured run, so that
Python's bytecode caches are written and warm, as on a clerk's machine.
"""

from __future__ import annotations

import csv
import os
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench import floor_processes

IMPORT_ROWS = 20_000
OWNERS = ("Anita Parkin", "Angela Cody", "Sam Okafor", "Ruth Hale", "Jo Clerk")


def environment() -> dict[str, str]:
    """The clerk's environment: bytecode caches written (a shell may have turned them off)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return {**env, "GOVLEDGER_USER": "Bench", "COLUMNS": "120"}


def seconds(args: list[str], runs: int, before: Callable[[], None] | None = None) -> float:
    """The median wall time of ``runs`` new processes (after one warm-up run); ``before``
    runs before each, untimed."""
    env = environment()
    times = []
    for run in range(runs + 1):
        if before is not None:
            before()
        started = time.perf_counter()
        done = subprocess.run(args, capture_output=True, env=env)
        took = time.perf_counter() - started
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(args[:6])} ... failed: {done.stderr.decode()[-300:]}")
        if run:
            times.append(took)
    return statistics.median(times)


def govledger(db: str, *args: str) -> list[str]:
    return [sys.executable, "-m", "commands", "--db", db, *args]


def floor(*args: str) -> list[str]:
    return [sys.executable, "-m", "bench.floor_processes", *args]


BARE = [sys.executable, "-c", "pass"]


def row(operation: str, size: Any, ours: float, fair: float, bare: float, unit: str) -> dict:
    return {
        "operation": operation,
        "size": size,
        "ours": ours,
        "floor": fair,
        "bare": bare,
        "unit": unit,
        "ratio": ours / fair,
    }


def command_rows(db: str, tracker: str, action: str, size: Any, runs: int) -> list[dict]:
    """A read command and a clerk command on the ledger at ``db`` (SQLite), as new processes."""
    from ledger.refs import ActionRef, action_id

    ref = ActionRef.parse(action)
    bare = seconds(BARE, runs) * 1000
    notes = iter(range(10**6))
    floor_processes.make_tables(db)
    try:
        subprocess.run(govledger(db, "tracker", "show", tracker), capture_output=True)  # views
        read = seconds(govledger(db, "tracker", "show", tracker), runs) * 1000
        read_floor = seconds(floor("read", db, tracker), runs) * 1000
        clerk = seconds(
            govledger(db, "action", "note", action, f"bench {next(notes)}", "--reason", "b"), runs
        )
        clerk_floor = seconds(floor("clerk", db, action_id(ref).hex), runs)
    finally:
        floor_processes.drop_tables(db)
    return [
        row("one read command: tracker show (new process)", size, read, read_floor, bare, "ms"),
        row(
            "one clerk command: action note (new process)",
            size,
            clerk * 1000,
            clerk_floor * 1000,
            bare,
            "ms",
        ),
    ]


def help_row(runs: int) -> dict:
    """`govledger --help` beside a new process that prints the same text (its essential work)."""
    bare = seconds(BARE, runs) * 1000
    ours = seconds([sys.executable, "-m", "commands", "--help"], runs) * 1000
    text = subprocess.run(
        [sys.executable, "-m", "commands", "--help"], capture_output=True, text=True, check=True
    ).stdout
    printing = [sys.executable, "-c", "import sys; sys.stdout.write(sys.argv[1])", text]
    fair = seconds(printing, runs) * 1000
    return row("govledger --help (new process)", "", ours, fair, bare, "ms")


def tracker_file(path: Path, rows: int = IMPORT_ROWS, seed: int = 15) -> None:
    """A tracker as a council keeps it: ID, Action, Owner, Due, RAG, Update."""
    rng = random.Random(seed)
    with path.open("w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow(["ID", "Action", "Owner", "Due", "RAG", "Update"])
        for n in range(1, rows + 1):
            topic = rng.choice(["plan", "budget", "report", "policy"])
            out.writerow(
                [
                    n,
                    f"Action {n}: review the {topic} with partners",
                    rng.choice(OWNERS),
                    f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/2020",
                    rng.choice(["Red", "Amber", "Green"]),
                    f"Update on {n}",
                ]
            )


def fresh_ledger(db: str) -> None:
    """A new ledger holding one board and one empty tracker, t."""
    from ledger.application import open_ledger

    for suffix in ("", "-wal", "-shm"):
        Path(db + suffix).unlink(missing_ok=True)
    ledger = open_ledger(db, create=True)
    ledger.register_board("seb", "SEB", actor="Bench", on="2019-01-10")
    ledger.adopt_tracker("t", "T", board="seb", actor="Bench", on="2019-06-01")
    ledger.close()


def import_rows(folder: Path, runs: int, rows: int = IMPORT_ROWS) -> list[dict]:
    """`govledger tracker import` of a ``rows``-row file into an empty tracker, and the
    same with --verbose (every event listed), beside the floors; in seconds."""
    path = folder / f"tracker-{rows}.csv"
    tracker_file(path, rows)
    db = str(folder / "import.db")

    def fresh() -> None:
        fresh_ledger(db)
        floor_processes.make_tables(db)

    args = ["tracker", "import", "t", str(path), "--on", "2019-06-12"]
    ours = seconds(govledger(db, *args), runs, fresh)
    verbose = seconds(govledger(db, *args, "--verbose"), runs, fresh)
    fair = seconds(floor("import", db, str(path), "t"), runs, fresh)
    bare = seconds(floor("bare", db, str(path)), runs, fresh)
    return [
        row(f"tracker import, {rows:,} rows (new process)", rows, ours, fair, bare, "s"),
        row(f"tracker import --verbose, {rows:,} rows", rows, verbose, fair, bare, "s"),
    ]
