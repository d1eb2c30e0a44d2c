"""The fair floor of bulk recording: its essential work in plain Python and the driver.

The same events the benchmark records are recorded again into floor tables of the same
shape beside the ledger's, in the same database, in the same batches (one transaction
each): in the benchmark, each batch just after ours (``Floor.follow`` after each of our
batches), so that a busy machine weighs on both alike; ``fair(db)`` does it afterwards,
for a ledger already recorded. Each batch is read back from the ledger and decoded before
the clock starts (values as Python values, dates as dates, salts set aside); then, timed,
for each event: a salt drawn for each free-text field; its stored JSON written, dates in
their typed form; its form-2 commitments (the salted SHA-256 of each field's sorted JSON)
and canonical bytes; its leaf hash, and the Merkle tree's right edge moved; and the
events, their integrity rows and the frontier inserted in one transaction that holds the
write lock (SQLite: ``executemany``; PostgreSQL: COPY, its fastest way in). Written from
the format's description (ledger/verify.py's docstring), not by calling the ledger's code.

A floor our own code could beat is no floor, so it takes every shortcut ours takes:
orjson for JSON (its bytes copied, as ours), salts drawn from the system thousands at a
time, SQLite's page cache at 64 MB. PostgreSQL's cache is warm: beside ours, by ours;
afterwards, by a first batch recorded and thrown away.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from abc import ABC, abstractmethod
from collections.abc import Iterable
from datetime import date, datetime
from json.encoder import encode_basestring as string  # the C encoder json.dumps uses
from typing import Any

import orjson

from bench.floor_processes import Frontier  # the tree's right edge, as the clerk's floor moves it
from ledger.commitments import EMPTY, FREE_TEXT

BATCH = 5000  # events a transaction, as the benchmark's generator flushes them
SALT_BYTES = 16
CACHE_KIB = 65536  # SQLite's page cache, as the ledger's bulk writer sets it
COMMIT_PREFIX = b"govledger-commit/v1\n"
Event = tuple[Any, str, int, str, dict[str, Any]]  # id as stored, as text, version, ...


def typed(value: Any) -> dict[str, str]:
    """A date or time as the ledger stores it."""
    if type(value) is datetime:
        return {"_type_": "datetime_iso", "_data_": value.isoformat()}
    if type(value) is date:
        return {"_type_": "date", "_data_": value.isoformat()}
    raise TypeError(f"{type(value).__name__} is not stored")


PASSED = orjson.OPT_PASSTHROUGH_DATETIME  # dates and times written by ``typed``
DATES = (date, datetime)


def stored_json(state: dict[str, Any]) -> bytes:
    """Copied, as ours: orjson's own bytes keep its whole 8 KB write buffer while held."""
    return bytes(memoryview(orjson.dumps(state, default=typed, option=PASSED)))


def sorted_json(value: Any) -> bytes:
    return orjson.dumps(value, default=typed, option=PASSED | orjson.OPT_SORT_KEYS)


def untyped(said: dict[str, Any]) -> Any:
    """json.loads' object hook: a stored date or time back as a Python value."""
    kind = said.get("_type_")
    if kind == "datetime_iso":
        return datetime.fromisoformat(said["_data_"])
    if kind == "date":
        return date.fromisoformat(said["_data_"])
    return said


def decoded(rows: Iterable[tuple[Any, int, str, bytes]]) -> list[Event]:
    """The recorded events as values, their salts set aside (the floor draws its own)."""
    events = []
    for aggregate_id, version, topic, state in rows:
        said = json.loads(bytes(state), object_hook=untyped)
        said.pop("_salts_", None)
        events.append((aggregate_id, as_text(aggregate_id), version, topic, said))
    return events


def as_text(aggregate_id: Any) -> str:
    text = str(aggregate_id)
    if len(text) == 32:  # SQLite keeps the 32 hex digits
        return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"
    return text


def encoded(events: list[Event], first: int, frontier: Frontier) -> tuple[list, list]:
    """Each event's stored row and integrity row, from position ``first`` on."""
    sha256, dumps, dumps_sorted = hashlib.sha256, stored_json, sorted_json
    pool, taken = b"", 0  # salts drawn from the system many at a time
    stored, integrity = [], []
    for offset, (aggregate_id, text_id, version, topic, said) in enumerate(events):
        position = first + offset
        state = {k: typed(v) if type(v) in DATES else v for k, v in said.items()}
        names = [n for n, v in state.items() if n in FREE_TEXT and v not in EMPTY]
        if names:
            if taken + SALT_BYTES * len(names) > len(pool):
                pool, taken = os.urandom(SALT_BYTES * 4096), 0
            salts = [
                pool[taken + i * SALT_BYTES : taken + (i + 1) * SALT_BYTES]
                for i in range(len(names))
            ]
            taken += SALT_BYTES * len(names)
            state["_salts_"] = {n: s.hex() for n, s in zip(names, salts, strict=True)}
            body = dumps(state)
            hashed = {k: v for k, v in state.items() if k not in names and k != "_salts_"}
            hashed["_commitments_"] = {
                n: sha256(COMMIT_PREFIX + s + dumps_sorted(state[n])).hexdigest()
                for n, s in zip(names, salts, strict=True)
            }
            form, text = '"form":2,', dumps_sorted(hashed).decode()
        else:
            body = dumps(state)
            form, text = "", body.decode()
        canonical = (
            f'{{"aggregate_id":{string(text_id)},"aggregate_version":{version},'
            f'{form}"position":{position},"state":{string(text)},"topic":{string(topic)}}}'
        )
        leaf = sha256(b"\x00" + canonical.encode()).digest()
        stored.append((aggregate_id, version, topic, body))
        integrity.append((position, frontier.size, leaf))
        frontier.append(leaf)
    return stored, integrity


class Floor(ABC):
    """The floor's tables beside a ledger's, and its work on batches of its events."""

    def __init__(self) -> None:
        self.after = 0  # the ledger's last position recorded again here
        self.count, self.seconds = 0, 0.0

    @abstractmethod
    def rows(self, after: int, limit: int) -> list[tuple[Any, Any, int, str, bytes]]:
        """The ledger's stored rows after a position, each with its position first."""

    @abstractmethod
    def record(self, events: list[Event]) -> None:
        """One batch: encoded, hashed and inserted in one transaction."""

    @abstractmethod
    def fresh(self) -> None:
        """Empty floor tables (made anew)."""

    @abstractmethod
    def close(self) -> None:
        """The floor's connection closed."""

    def follow(self, most: int | None = None) -> None:
        """Record again, a batch at a time, what the ledger holds beyond ``self.after``:
        each batch read and decoded untimed, then recorded, timed."""
        done = 0
        while most is None or done < most:
            rows = self.rows(self.after, BATCH)
            if not rows:
                return
            self.after = rows[-1][0]
            events = decoded(row[1:] for row in rows)
            started = time.perf_counter()
            self.record(events)
            self.seconds += time.perf_counter() - started
            self.count += len(events)
            done += len(events)

    def rate(self) -> float:
        return self.count / self.seconds


# -- SQLite ------------------------------------------------------------------------------

SQLITE_TABLES = (
    "CREATE TABLE floor_events (originator_id TEXT, originator_version INTEGER, topic TEXT, "
    "state BLOB, PRIMARY KEY (originator_id, originator_version))",
    "CREATE TABLE floor_integrity (position INTEGER PRIMARY KEY, leaf_index INTEGER NOT NULL "
    "UNIQUE, leaf BLOB NOT NULL)",
    "CREATE TABLE floor_frontier (id INTEGER PRIMARY KEY CHECK (id = 1), size INTEGER NOT "
    "NULL, hashes BLOB NOT NULL)",
)
FLOOR_TABLES = ("floor_events", "floor_integrity", "floor_frontier")


class SQLiteFloor(Floor):
    def __init__(self, path: str) -> None:
        import sqlite3

        super().__init__()
        self.conn = sqlite3.connect(path, isolation_level=None)
        self.conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        self.fresh()

    def fresh(self) -> None:
        for table in FLOOR_TABLES:
            self.conn.execute(f"DROP TABLE IF EXISTS {table}")
        for statement in SQLITE_TABLES:
            self.conn.execute(statement)

    def rows(self, after: int, limit: int) -> list[tuple[Any, Any, int, str, bytes]]:
        return self.conn.execute(
            "SELECT rowid, originator_id, originator_version, topic, state FROM stored_events "
            "WHERE rowid > ? ORDER BY rowid LIMIT ?",
            (after, limit),
        ).fetchall()

    def record(self, events: list[Event]) -> None:
        conn = self.conn
        conn.execute("BEGIN IMMEDIATE")
        found = conn.execute("SELECT size, hashes FROM floor_frontier WHERE id = 1")
        frontier = Frontier(*(found.fetchone() or (0, b"")))
        (last,) = conn.execute("SELECT coalesce(max(rowid), 0) FROM floor_events").fetchone()
        stored, integrity = encoded(events, last + 1, frontier)
        conn.executemany("INSERT INTO floor_events VALUES (?, ?, ?, ?)", stored)
        conn.executemany("INSERT INTO floor_integrity VALUES (?, ?, ?)", integrity)
        conn.execute(
            "INSERT INTO floor_frontier VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET "
            "size = excluded.size, hashes = excluded.hashes",
            (frontier.size, b"".join(frontier.hashes)),
        )
        conn.execute("COMMIT")

    def close(self) -> None:
        for table in FLOOR_TABLES:
            self.conn.execute(f"DROP TABLE IF EXISTS {table}")
        self.conn.close()


# -- PostgreSQL --------------------------------------------------------------------------


class PostgresFloor(Floor):
    def __init__(self, url: str) -> None:
        import psycopg

        from ledger.storage import EVENTS_TABLE, locate

        super().__init__()
        self.schema = schema = f'"{locate(url).settings["POSTGRES_SCHEMA"]}"'
        self.events = f"{schema}.{EVENTS_TABLE['postgres']}"
        self.conn = psycopg.connect(url.partition("?")[0], autocommit=True)
        self.fresh()

    def fresh(self) -> None:
        schema = self.schema
        for table in FLOOR_TABLES:
            self.conn.execute(f"DROP TABLE IF EXISTS {schema}.{table}")
        for statement in (
            f"CREATE TABLE {schema}.floor_events (originator_id uuid NOT NULL, "
            "originator_version bigint NOT NULL, topic text, state bytea, notification_id "
            "bigint NOT NULL, PRIMARY KEY (originator_id, originator_version))",
            f"CREATE UNIQUE INDEX ON {schema}.floor_events (notification_id)",
            f"CREATE TABLE {schema}.floor_integrity (position bigint PRIMARY KEY, leaf_index "
            "bigint NOT NULL UNIQUE, leaf bytea NOT NULL)",
            f"CREATE TABLE {schema}.floor_frontier (id integer PRIMARY KEY CHECK (id = 1), "
            "size bigint NOT NULL, hashes bytea NOT NULL)",
        ):
            self.conn.execute(statement)

    def rows(self, after: int, limit: int) -> list[tuple[Any, Any, int, str, bytes]]:
        return self.conn.execute(
            "SELECT notification_id, originator_id, originator_version, topic, state FROM "
            f"{self.events} WHERE notification_id > %s ORDER BY notification_id LIMIT %s",
            (after, limit),
        ).fetchall()

    def record(self, events: list[Event]) -> None:
        schema = self.schema
        with self.conn.transaction(), self.conn.cursor() as cur:
            cur.execute(f"LOCK TABLE {schema}.floor_events IN EXCLUSIVE MODE")
            cur.execute(f"SELECT size, hashes FROM {schema}.floor_frontier WHERE id = 1")
            found = cur.fetchone()
            frontier = Frontier(*(found or (0, b"")))
            cur.execute(f"SELECT coalesce(max(notification_id), 0) FROM {schema}.floor_events")
            (last,) = cur.fetchone() or (0,)
            stored, integrity = encoded(events, last + 1, frontier)
            with cur.copy(f"COPY {schema}.floor_events FROM STDIN (FORMAT BINARY)") as copy:
                copy.set_types(["uuid", "int8", "text", "bytea", "int8"])
                for s, i in zip(stored, integrity, strict=True):
                    copy.write_row((*s, i[0]))
            with cur.copy(f"COPY {schema}.floor_integrity FROM STDIN (FORMAT BINARY)") as copy:
                copy.set_types(["int8", "int8", "bytea"])
                for i in integrity:
                    copy.write_row(i)
            cur.execute(
                f"INSERT INTO {schema}.floor_frontier VALUES (1, %s, %s) ON CONFLICT (id) "
                "DO UPDATE SET size = excluded.size, hashes = excluded.hashes",
                (frontier.size, b"".join(frontier.hashes)),
            )

    def close(self) -> None:
        for table in FLOOR_TABLES:
            self.conn.execute(f"DROP TABLE IF EXISTS {self.schema}.{table}")
        self.conn.close()


def floor_at(db: str) -> Floor:
    """The floor's tables beside the ledger at ``db`` (an SQLite path or PostgreSQL URL)."""
    return PostgresFloor(db) if db.startswith("postgresql://") else SQLiteFloor(db)


def fair(db: str) -> float:
    """Events/s of the floor recording again every event of the ledger at ``db``, after
    the fact (on PostgreSQL, after a first batch that warms the cache, thrown away)."""
    floor = floor_at(db)
    try:
        if isinstance(floor, PostgresFloor):
            floor.follow(most=BATCH)
            floor.fresh()
            floor.after, floor.count, floor.seconds = 0, 0, 0.0
        floor.follow()
        return floor.rate()
    finally:
        floor.close()
