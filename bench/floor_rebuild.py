"""The fair floor of a projection rebuild: read, decode, and insert the same view rows.

In plain Python and the database driver (``sqlite3`` or psycopg), in one transaction: read
every stored event (what a rebuild needs of it: position, aggregate, topic and state),
decode each state with orjson, insert the rows the rebuild wrote
(read beforehand from the views, outside the timing) into scratch tables of the views'
own definitions with ``executemany``, and build the same indexes (the read indexes after
the rows, as the rebuild does). What it leaves out is what a rebuild adds to that: making
the rows from the events. On PostgreSQL the events are read once before, so both start
from a warm cache. The scratch tables are dropped afterwards.

``fair(db)`` needs the views level with the log (the bench rebuilds them first); it
brings them level itself when they are not.
"""

from __future__ import annotations

import re
import time
from typing import Any

import orjson

from bench.floors_postgres import connect, events, split
from projections.audit_trail import AuditTrail
from projections.tracker import TrackerView

DDL = (*AuditTrail.ddl, *TrackerView.ddl)
TABLES = (*AuditTrail.tables, *TrackerView.tables)
READ_INDEXES = (*AuditTrail.read_indexes, *TrackerView.read_indexes)


def scratch(statement: str, prefix: str) -> str:
    """A view statement on the scratch tables: gl_trail as floor_trail, and so on."""
    return re.sub(r"\bgl_(\w+)", rf"{prefix}floor_\1", statement)


def is_read_index(statement: str) -> bool:
    return any(f" {name} ON " in statement for name in READ_INDEXES)


def fair(db: str) -> float:
    """Events/s for reading, decoding and inserting the rebuild's rows, with its indexes."""
    if db.startswith(("postgresql://", "postgres://")):
        return postgres_fair(db)
    return sqlite_fair(db)


def level(db: str) -> None:
    from ledger.application import open_ledger
    from projections.views import Views

    ledger = open_ledger(db)
    try:
        Views(ledger).catch_up()
    finally:
        ledger.close()


def sqlite_fair(path: str) -> float:
    import sqlite3

    level(path)
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        rows = {t: conn.execute(f"SELECT * FROM {t}").fetchall() for t in TABLES}
        drop(conn, "")
        for statement in DDL:
            if not is_read_index(statement):
                conn.execute(scratch(statement, ""))
        started = time.perf_counter()
        conn.execute("BEGIN")
        count = 0
        for _, _, _, state in conn.execute(
            "SELECT rowid, originator_id, topic, state FROM stored_events ORDER BY rowid"
        ):
            orjson.loads(state)
            count += 1
        insert(conn, rows, "", "?")
        for statement in DDL:
            if is_read_index(statement):
                conn.execute(scratch(statement, ""))
        conn.execute("COMMIT")
        seconds = time.perf_counter() - started
        drop(conn, "")
    finally:
        conn.close()
    return count / seconds


def postgres_fair(url: str) -> float:
    level(url)
    schema = split(url)[1]
    prefix = f'"{schema}".'
    with connect(url) as conn:
        rows = {
            t: conn.execute(f"SELECT * FROM {prefix}{t}").fetchall()  # type: ignore[arg-type]
            for t in TABLES
        }
        drop(conn, prefix)
        for statement in DDL:
            if not is_read_index(statement):
                conn.execute(pg(scratch(statement, prefix)))  # type: ignore[arg-type]
        conn.commit()
        read = (
            f"SELECT notification_id, originator_id, topic, state FROM {events(url)} "
            "ORDER BY notification_id"
        )
        for _ in conn.execute(read):  # type: ignore[arg-type]
            pass  # the cache warmed: both sides read the events from memory
        conn.commit()
        started = time.perf_counter()
        count = 0
        with conn.cursor() as cur:
            for _, _, _, state in cur.execute(read):  # type: ignore[arg-type]
                orjson.loads(state)
                count += 1
            insert(cur, rows, prefix, "%s")
            for statement in DDL:
                if is_read_index(statement):
                    cur.execute(pg(scratch(statement, prefix)))  # type: ignore[arg-type]
        conn.commit()
        seconds = time.perf_counter() - started
        drop(conn, prefix)
        conn.commit()
    return count / seconds


def pg(statement: str) -> str:
    """An index name is not schema-qualified in PostgreSQL; keys are 64-bit."""
    statement = re.sub(r'(INDEX IF NOT EXISTS )"[^"]+"\.', r"\1", statement)
    return statement.replace("INTEGER PRIMARY KEY", "BIGINT PRIMARY KEY")


def insert(cur: Any, rows: dict[str, list[Any]], prefix: str, mark: str) -> None:
    for table, found in rows.items():
        if found:
            name = scratch(table, prefix)
            marks = ", ".join([mark] * len(found[0]))
            cur.executemany(f"INSERT INTO {name} VALUES ({marks})", found)


def drop(conn: Any, prefix: str) -> None:
    for table in TABLES:
        conn.execute(f"DROP TABLE IF EXISTS {scratch(table, prefix)}")
