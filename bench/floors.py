"""What the machine can do with the same bytes, measured in the same run (SQLite)."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import subprocess
import sys
import time
from contextlib import closing


def rows(path: str) -> list[tuple]:
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute(
            "SELECT originator_id, originator_version, topic, state "
            "FROM stored_events ORDER BY rowid"
        ).fetchall()


def write_floor(path: str, stored: list[tuple]) -> float:
    """Events/s for sqlite3 executemany of the same stored bytes in one transaction."""
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("DROP TABLE IF EXISTS floor_events")
        conn.execute(
            "CREATE TABLE floor_events (originator_id TEXT, originator_version "
            "INTEGER, topic TEXT, state BLOB, PRIMARY KEY (originator_id, "
            "originator_version))"
        )
        started = time.perf_counter()
        with conn:
            conn.executemany("INSERT INTO floor_events VALUES (?, ?, ?, ?)", stored)
        seconds = time.perf_counter() - started
        conn.execute("DROP TABLE floor_events")
    return len(stored) / seconds


def read_floor(path: str, hash_too: bool = False) -> float:
    """Events/s for SELECT of the stored events and json.loads of each (+ SHA-256)."""
    with closing(sqlite3.connect(path)) as conn:
        started = time.perf_counter()
        count = 0
        for _, _, _, state in conn.execute(
            "SELECT originator_id, originator_version, topic, "
            "state FROM stored_events ORDER BY rowid"
        ):
            json.loads(state)
            if hash_too:
                hashlib.sha256(state).digest()
            count += 1
        return count / (time.perf_counter() - started)


def cli_floor(path: str, runs: int = 5) -> float:
    """Seconds for a new Python process that imports sqlite3 and inserts one row."""
    code = (
        f"import sqlite3; c = sqlite3.connect({path!r}); c.execute('CREATE TABLE IF NOT EXISTS "
        "floor_cli (n)'); c.execute('INSERT INTO floor_cli VALUES (1)'); c.commit()"
    )
    return median_of(lambda: subprocess.run([sys.executable, "-c", code], check=True), runs)


def median_of(work, runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return sorted(times)[len(times) // 2]
