"""Commands as a clerk runs them, each a new process: `govledger --help`, a read command
(`tracker show`), a clerk command (`action note`) and `tracker import` of a 20,000-row file,
each beside its fair floor (bench.floor_processes: the essential work in plain Python) and
the bare floor (`python -c pass`, or for the import the file's rows inserted as they are).

Every figure is the median of ``runs`` new processes after one unmeasured round, so that
Python's bytecode caches are written and warm, as on a clerk's machine. Ours and its floors
take turns, one process each a round, so that all of them meet the same load when other
work shares the machine's cores (the ratios were skewed by whichever ran in a busy spell).
"""

from __future__ import annotations

import csv
import os
import random
import resource
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


def interleaved(
    commands: dict[str, list[str]], runs: int, before: Callable[[], None] | None = None
) -> dict[str, tuple[float, float]]:
    """(median wall seconds, median CPU seconds) of each command over ``runs`` rounds, each
    round running every command once in turn (after one unmeasured round), so that ours and
    its floors meet the same load when other work shares the cores; ``before`` runs before
    each process, untimed."""
    env = environment()
    times: dict[str, list[float]] = {name: [] for name in commands}
    cpu: dict[str, list[float]] = {name: [] for name in commands}
    for run in range(runs + 1):
        for name, args in commands.items():
            if before is not None:
                before()
            used = resource.getrusage(resource.RUSAGE_CHILDREN)
            started = time.perf_counter()
            done = subprocess.run(args, capture_output=True, env=env)
            took = time.perf_counter() - started
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            if done.returncode != 0:
                raise RuntimeError(
                    f"{' '.join(args[:6])} ... failed: {done.stderr.decode()[-300:]}"
                )
            if run:
                times[name].append(took)
                cpu[name].append(after.ru_utime + after.ru_stime - used.ru_utime - used.ru_stime)
    return {
        name: (statistics.median(times[name]), statistics.median(cpu[name])) for name in commands
    }


def with_cpu(ours: float, fair: float, bare: float, scale: float) -> str:
    """The CPU figures of a row, in its unit: ours / fair floor / bare floor."""
    places = 0 if scale > 1 else 2
    return "/".join(f"{value * scale:,.{places}f}" for value in (ours, fair, bare))


def govledger(db: str, *args: str) -> list[str]:
    return [sys.executable, "-m", "commands", "--db", db, *args]


def floor(*args: str) -> list[str]:
    return [sys.executable, "-m", "bench.floor_processes", *args]


BARE = [sys.executable, "-c", "pass"]


def row(
    operation: str,
    size: Any,
    ours: float,
    fair: float,
    bare: float,
    unit: str,
    cpu: tuple[float, float, float] | None = None,
) -> dict:
    """One line of the table; ``cpu`` is (ours, fair, bare) CPU seconds, shown in the unit."""
    scale = 1000 if unit == "ms" else 1
    return {
        **({"cpu": with_cpu(*cpu, scale)} if cpu else {}),
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
    note = govledger(db, "action", "note", action, "bench", "--reason", "b")
    floor_processes.make_tables(db)
    try:
        subprocess.run(govledger(db, "tracker", "show", tracker), capture_output=True)  # views
        reads = interleaved(
            {
                "ours": govledger(db, "tracker", "show", tracker),
                "fair": floor("read", db, tracker),
                "bare": BARE,
            },
            runs,
        )  # before any note, so that the views are level for every read
        clerk = interleaved(
            {"ours": note, "fair": floor("clerk", db, action_id(ref).hex), "bare": BARE},
            runs,
        )
    finally:
        floor_processes.drop_tables(db)
    read, read_floor, clerk_floor = reads["ours"], reads["fair"], clerk["fair"]
    return [
        command_row(
            "one read command: tracker show (new process)", size, read, read_floor, reads["bare"]
        ),
        command_row(
            "one clerk command: action note (new process)",
            size,
            clerk["ours"],
            clerk_floor,
            clerk["bare"],
        ),
    ]


def command_row(
    operation: str,
    size: Any,
    ours: tuple[float, float],
    fair: tuple[float, float],
    bare: tuple[float, float],
) -> dict:
    """A row in ms of wall time, with the CPU times beside (ours/fair/bare)."""
    return row(
        operation,
        size,
        ours[0] * 1000,
        fair[0] * 1000,
        bare[0] * 1000,
        "ms",
        (ours[1], fair[1], bare[1]),
    )


def help_row(runs: int) -> dict:
    """`govledger --help` beside a new process that prints the same text (its essential work)."""
    helping = [sys.executable, "-m", "commands", "--help"]
    text = subprocess.run(helping, capture_output=True, text=True, check=True).stdout
    printing = [sys.executable, "-c", "import sys; sys.stdout.write(sys.argv[1])", text]
    found = interleaved({"ours": helping, "fair": printing, "bare": BARE}, runs)
    return command_row(
        "govledger --help (new process)", "", found["ours"], found["fair"], found["bare"]
    )


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
    found = interleaved(
        {
            "ours": govledger(db, *args),
            "verbose": govledger(db, *args, "--verbose"),
            "fair": floor("import", db, str(path), "t"),
            "bare": floor("bare", db, str(path)),
        },
        runs,
        fresh,
    )
    ours, verbose, fair, bare = (found[k] for k in ("ours", "verbose", "fair", "bare"))
    return [
        row(
            f"tracker import, {rows:,} rows (new process)",
            rows,
            ours[0],
            fair[0],
            bare[0],
            "s",
            (ours[1], fair[1], bare[1]),
        ),
        row(
            f"tracker import --verbose, {rows:,} rows",
            rows,
            verbose[0],
            fair[0],
            bare[0],
            "s",
            (verbose[1], fair[1], bare[1]),
        ),
    ]
