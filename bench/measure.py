"""The operations, timed on one ledger: bulk recording, rebuild, export, verify, queries,
one clerk command, and the library's plain path for an as-of question."""

from __future__ import annotations

import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

from bench import floors
from bench.floor_columns import beside, fair_floor, floors_for
from bench.synthetic import Generator, Shape

QUERY_PICKS = 200


def row(
    operation: str,
    size: int,
    ours: float,
    floor: float | None,
    unit: str,
    better: str = "higher",
    extra: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """One line of the table; ratio is how many times slower than the floor we are."""
    ratio = None
    if floor:
        ratio = floor / ours if better == "higher" else ours / floor
    return {
        "operation": operation,
        "size": size,
        "ours": ours,
        "floor": floor,
        "unit": unit,
        "ratio": ratio,
        **(extra or {}),
    }


def run_size(size: int, db: str, progress: Any = None) -> list[dict[str, Any]]:
    """A synthetic ledger of ``size`` events at ``db`` (a new file or schema), then every
    measurement on it."""
    from bench.floor_record import floor_at
    from ledger.application import open_ledger

    ledger = open_ledger(db, create=True)
    floor = floor_at(db)  # recording's fair floor, batch by batch beside ours
    try:
        shape = Generator(ledger, size).run(progress, after_batch=floor.follow)
        fair = floor.rate()
    finally:
        floor.close()
    return measure_all(ledger, db, shape, shape.events, fair)


def measure_all(
    ledger: Any, db: str, shape: Shape, size: Any, recording_floor: float | None = None
) -> list[dict[str, Any]]:
    """Every operation on one recorded ledger, each beside its fair floor (the essential
    work, bench.floor_record, floor_rebuild, floor_export, verify_floor) and its bare one
    (bench.floors: the same bytes written or read, the physical limit). Recording's fair
    floor is ``recording_floor`` when it was measured beside ours, batch by batch (so that
    a busy machine weighs on both alike), else measured now."""
    from bench import floor_record

    floor = floors_for(db)
    recorded = row("bulk recording", size, shape.events / shape.save_seconds, None, "events/s")
    fair = floor_record.fair if recording_floor is None else lambda db: recording_floor
    results = [beside(recorded, fair, db, floor.write_floor(db, floor.rows(db)))]
    read_floor = floor.read_floor(db)
    results.append(
        beside(rebuild(ledger, shape, size), fair_floor("floor_rebuild"), db, read_floor)
    )
    results.append(beside(export(db, shape, size), fair_floor("floor_export"), db, read_floor))
    results.append(verify(ledger, db, shape, size, floor.read_floor(db, hash_too=True)))
    results.extend(queries(ledger, shape, size))
    if db.startswith("postgresql://"):
        results.append(clerk_command(db, shape, size, floor))
    else:
        from bench.one_command import command_rows

        results += command_rows(db, shape.trackers[0], shape.actions[0], size, 3)
    results.append(plain_path(ledger, shape, size))
    ledger.close()
    return results


def rebuild(ledger: Any, shape: Shape, size: int) -> dict[str, Any]:
    from projections.views import Views

    views = Views(ledger)
    started = time.perf_counter()
    views.rebuild()
    return row(
        "projection rebuild",
        size,
        shape.events / (time.perf_counter() - started),
        None,
        "events/s",
    )


def export(db: str, shape: Shape, size: int) -> dict[str, Any]:
    """Exported by a new process, its peak memory read by GNU time.

    A child forked from this (large) benchmark process inherits its resident size in the
    kernel's high-water mark, so rusage would report ours, not the export's; GNU time is a
    small parent whose own child's peak is the export's alone.
    """
    out = Path(tempfile.gettempdir()) / f"govledger-bench-export-{os.getpid()}.jsonl"
    command = [sys.executable, "-m", "commands", "--db", db, "export", "-o", str(out)]
    gnu_time = shutil.which("time") if Path("/usr/bin/time").exists() else None
    started = time.perf_counter()
    done = subprocess.run(
        ["/usr/bin/time", "-f", "%M", *command] if gnu_time else command,
        capture_output=True,
        text=True,
        check=True,
    )
    seconds = time.perf_counter() - started
    out.unlink()
    extra = {}
    if gnu_time:
        extra["peak_mb"] = round(int(done.stderr.strip().splitlines()[-1]) / 1024, 1)
    return row("export to JSONL", size, shape.events / seconds, None, "events/s", extra=extra)


def verify(ledger: Any, db: str, shape: Shape, size: int, bare: float) -> dict[str, Any]:
    """Beside the fair floor (bench.verify_floor: form-2 commitments, canonical bytes, leaf
    and node hashes) and the bare one (read each event, json.loads and SHA-256 of it)."""
    from bench import verify_floor
    from projections.verification import verify_ledger

    postgres = db.startswith("postgresql://")
    fair = (verify_floor.postgres_floor if postgres else verify_floor.sqlite_floor)(db)
    started = time.perf_counter()
    report = verify_ledger(ledger)
    assert report.ok, report.line()
    ours = shape.events / (time.perf_counter() - started)
    return row("verify", size, ours, fair, "events/s", extra={"bare": bare})


def timed(work: Any, picks: list[Any]) -> tuple[float, float]:
    times = []
    for pick in picks:
        started = time.perf_counter()
        work(pick)
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1]


def queries(ledger: Any, shape: Shape, size: int) -> list[dict[str, Any]]:
    from projections.board_history import history
    from projections.changes import movement
    from projections.history import story
    from projections.views import Views

    views = Views(ledger)
    views.catch_up()
    rng = random.Random(11)
    span = (shape.last_day - shape.first_day).days or 1

    def day() -> Any:
        return shape.first_day + timedelta(days=rng.randint(0, span))

    stamps = [
        r["recorded_at"]
        for r in views.trail.rows("SELECT recorded_at FROM gl_trail WHERE MOD(position, 37) = 0")
    ]

    def known() -> str:
        return rng.choice(stamps)

    actions = [rng.choice(shape.actions) for _ in range(QUERY_PICKS)]
    trackers = [rng.choice(shape.trackers) for _ in range(QUERY_PICKS)]
    boards = [rng.choice(shape.boards) for _ in range(QUERY_PICKS)]
    cases = {
        "action history": (
            lambda ref: story(views.trail.trail(views.trail.subject_of("action", ref)["id"])),
            actions,
        ),
        "tracker show now": (lambda t: views.tracker.state(t, shape.last_day), trackers),
        "tracker show --at --known": (lambda t: views.tracker.state(t, day(), known()), trackers),
        "changes, 1/20 of the span": (lambda t: movement(views, t, *period()), trackers),
        "board history, 1/20 of the span": (
            lambda b: history(views, b, *period(), shape.last_day),
            boards,
        ),
    }

    def period() -> tuple[Any, Any]:
        """A panel reads changes and a board's history a period at a time (from one meeting
        to the next, or a quarter): here a twentieth of the log's span."""
        start = day()
        return start, min(start + timedelta(days=max(7, span // 20)), shape.last_day)

    found = []
    for name, (work, picks) in cases.items():
        median, p95 = timed(work, picks)
        found.append(
            row(name, size, median, None, "ms median", "lower", extra={"p95_ms": round(p95, 2)})
        )
    return found


def clerk_command(db: str, shape: Shape, size: int, floor: Any) -> dict[str, Any]:
    """One `govledger action rate` as a new process, against one insert by bare Python."""
    rng = random.Random(5)
    ratings = iter(["red", "amber", "green"] * 10)

    def rate() -> None:
        subprocess.run(
            [
                sys.executable,
                "-m",
                "commands",
                "--db",
                db,
                "--as",
                "Bench",
                "action",
                "rate",
                rng.choice(shape.actions),
                next(ratings),
                "--reason",
                "benchmark",
            ],
            capture_output=True,
        )

    ours = floors.median_of(rate, 5)
    return row(
        "one clerk command (new process)",
        size,
        ours * 1000,
        None,
        "ms",
        "lower",
        extra={
            "bare": floor.cli_floor(db) * 1000,
            "note": "fair floor on SQLite only (bench/floor_processes.py)",
        },
    )


def plain_path(ledger: Any, shape: Shape, size: int) -> dict[str, Any]:
    """The same as-of question through the library alone: repository.get(id, version=...)
    per action of a tracker, folded in Python; against the tracker view's query."""
    from ledger.refs import ActionRef, action_id
    from projections.views import Views

    views = Views(ledger)
    rng = random.Random(3)
    trackers = [rng.choice(shape.trackers) for _ in range(20)]

    members: dict[str, list[str]] = {}
    for ref in shape.actions:
        members.setdefault(ref.partition("#")[0], []).append(ref)

    def library(tracker: str) -> None:
        for ref in members.get(tracker, []):
            ident = action_id(ActionRef.parse(ref))
            latest = ledger.repository.get(ident)
            old = ledger.repository.get(ident, version=max(1, latest.version // 2))
            old.rating(shape.last_day)

    median, _ = timed(library, trackers)
    ours, _ = timed(lambda t: views.tracker.state(t, shape.last_day), trackers)
    return row("as-of via library replay (vs view)", size, median, ours, "ms median", "lower")


def machine(pg_url: str) -> dict[str, Any]:
    import platform
    import sqlite3

    cpu = "unknown"
    if os.path.exists("/proc/cpuinfo"):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "postgresql": postgres_version(pg_url),
        "platform": platform.platform(),
    }


def postgres_version(url: str) -> str | None:
    try:
        import psycopg

        with psycopg.connect(url, connect_timeout=3) as conn:
            found = conn.execute("SHOW server_version").fetchone()
            return str(found[0]) if found else None
    except Exception:  # no server here: the figure is simply unknown
        return None


def scratch() -> tempfile.TemporaryDirectory:
    return tempfile.TemporaryDirectory(prefix="govledger-bench-")
