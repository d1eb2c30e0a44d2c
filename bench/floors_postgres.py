"""What the machine can do with the same bytes on PostgreSQL, measured in the same run.

The same four floors as ``bench.floors``, with psycopg (the driver the library uses):
executemany of the stored rows in one transaction, a server-side cursor SELECT with
json.loads (+ SHA-256) of each state, and a new process that connects and inserts a row.
Each warms the server's cache first (a first batch written and thrown away; the events
read once by the server), so that it measures the work, not the first touch.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import time
from typing import Any

from bench.floors import median_of
from ledger.storage import EVENTS_TABLE, locate

__all__ = ["cli_floor", "median_of", "read_floor", "rows", "write_floor"]


def split(url: str) -> tuple[str, str]:
    """'postgresql://.../db?schema=s' as (the connection URL, the schema), as the ledger
    reads it."""
    return url.partition("?")[0], locate(url).settings["POSTGRES_SCHEMA"]


def events(url: str) -> str:
    return f'"{split(url)[1]}".{EVENTS_TABLE["postgres"]}'


def connect(url: str) -> Any:
    import psycopg

    return psycopg.connect(split(url)[0])


def rows(url: str) -> list[tuple]:
    with connect(url) as conn:
        return conn.execute(
            "SELECT originator_id, originator_version, topic, state "
            f"FROM {events(url)} ORDER BY notification_id"
        ).fetchall()


def write_floor(url: str, stored: list[tuple]) -> float:
    """Events/s for psycopg executemany of the same stored bytes in one transaction."""
    schema = split(url)[1]
    table = f'"{schema}".floor_events'
    with connect(url) as conn:
        conn.execute(f"DROP TABLE IF EXISTS {table}")
        conn.execute(
            f"CREATE TABLE {table} (originator_id uuid, originator_version integer, "
            "topic text, state bytea, PRIMARY KEY (originator_id, originator_version))"
        )
        with conn.cursor() as cur:  # the cache warmed by a first batch, thrown away
            cur.executemany(f"INSERT INTO {table} VALUES (%s, %s, %s, %s)", stored[:5000])
        conn.execute(f"TRUNCATE {table}")
        conn.commit()
        started = time.perf_counter()
        with conn.cursor() as cur:
            cur.executemany(f"INSERT INTO {table} VALUES (%s, %s, %s, %s)", stored)
        conn.commit()
        seconds = time.perf_counter() - started
        conn.execute(f"DROP TABLE {table}")
        conn.commit()
    return len(stored) / seconds


def read_floor(url: str, hash_too: bool = False) -> float:
    """Events/s for a streamed SELECT of the stored events and json.loads (+ SHA-256)."""
    with connect(url) as conn:  # the cache warmed: every stored state read once
        conn.execute(f"SELECT sum(length(state)) FROM {events(url)}")
    with connect(url) as conn, conn.cursor(name="floor") as cur:
        started = time.perf_counter()
        count = 0
        cur.execute(
            "SELECT originator_id, originator_version, topic, state "
            f"FROM {events(url)} ORDER BY notification_id"
        )
        for _, _, _, state in cur:
            json.loads(state)
            if hash_too:
                hashlib.sha256(state).digest()
            count += 1
        return count / (time.perf_counter() - started)


def cli_floor(url: str, runs: int = 5) -> float:
    """Seconds for a new Python process that imports psycopg and inserts one row."""
    base, schema = split(url)
    code = (
        f"import psycopg; c = psycopg.connect({base!r}); c.execute('CREATE TABLE IF NOT EXISTS "
        f'"{schema}".floor_cli (n int)\'); c.execute(\'INSERT INTO "{schema}".floor_cli '
        "VALUES (1)'); c.commit()"
    )
    return median_of(lambda: subprocess.run([sys.executable, "-c", code], check=True), runs)
