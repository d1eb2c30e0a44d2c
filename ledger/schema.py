"""The ledger's tables: made once, by ``init``; checked, never changed, on every open.

:func:`create_schema` makes them (through the library's recorders with ``CREATE_TABLE``
on: the events, their hashes and guards, the views' tracking table) and marks them with
:data:`SCHEMA_VERSION`: in the SQLite file's header (``PRAGMA user_version``, beside WAL
mode, set here for good so readers never wait for writers) or as the PostgreSQL events
table's comment. :func:`check_schema` refuses, in one line naming the fix, a ledger whose
tables this govledger does not write; :func:`upgrade_schema` is the explicit upgrade.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from typing import TYPE_CHECKING, Any

from ledger.errors import StorageError
from ledger.storage import APPLICATION, EVENTS_TABLE, WAIT_SECONDS, Location, postgres_connection

if TYPE_CHECKING:  # pathlib (and urllib, ipaddress behind it) is no clerk command's cost
    from pathlib import Path

TABLES = ("gl_integrity", "gl_frontier")  # beside the events table, in every ledger
# The layout of the tables this govledger writes and reads. A ledger made before the
# number was kept holds 0; with every table present it is schema 1.
SCHEMA_VERSION = 1
SCHEMA_MARK = "govledger schema "


def sqlite_schema(path: str | Path) -> tuple[set[str], int] | None:
    """The tables in the file and its schema version, read without writing; None when it
    is no SQLite database."""
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
            version = conn.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.DatabaseError:
        return None
    return tables, version


def check_schema(where: str, db: str, tables: set[str], version: int) -> None:
    """Refuse a ledger whose tables this govledger does not write: one line, naming the fix."""
    if version > SCHEMA_VERSION:
        raise StorageError(
            f"the ledger at {where} has schema version {version}, newer than this govledger "
            f"reads ({SCHEMA_VERSION}); use a newer govledger"
        )
    missing = [t for t in TABLES if t not in tables]
    if missing or 0 < version < SCHEMA_VERSION:
        lacks = f", without {', '.join(missing)}" if missing else ""
        raise StorageError(
            f"the ledger at {where} was made by an older govledger (schema version {version}"
            f"{lacks}); bring it up to date with: govledger admin upgrade --db {db!r}"
        )


def postgres_schema(conn: Any, schema: str) -> tuple[set[str], int]:
    """The ledger's tables present in ``schema`` and its schema version (0 when unmarked)."""
    names = [EVENTS_TABLE["postgres"], *TABLES]
    rows = conn.execute(
        "SELECT c.relname, obj_description(c.oid, 'pg_class') FROM pg_class c "
        "JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = %s AND c.relname = ANY(%s) AND c.relkind IN ('r', 'p')",
        (schema, names),
    ).fetchall()
    tables = {name for name, _ in rows}
    marks = [note for name, note in rows if name == EVENTS_TABLE["postgres"]]
    return tables, version_in(marks[0] if marks else None)


def version_in(note: str | None) -> int:
    if note and note.startswith(SCHEMA_MARK) and note[len(SCHEMA_MARK) :].isdigit():
        return int(note[len(SCHEMA_MARK) :])
    return 0


def create_schema(location: Location) -> None:
    """Make the ledger's tables (events, hashes, guards, the views' tracking table) where
    missing, and mark them as :data:`SCHEMA_VERSION`: for ``init`` and an upgrade only."""
    from eventsourcing.utils import Environment

    factory: Any
    env = Environment(APPLICATION, {**location.settings, "CREATE_TABLE": "yes"})
    if location.is_postgres:
        from eventsourcing.postgres import PostgresFactory

        factory = PostgresFactory(env)
    else:
        from eventsourcing.sqlite import SQLiteFactory

        factory = SQLiteFactory(env)
    try:
        factory.application_recorder()
        factory.tracking_recorder()
    finally:
        factory.close()
    mark_schema(location)


def mark_schema(location: Location) -> None:
    if location.is_postgres:
        from psycopg import sql

        schema = location.settings["POSTGRES_SCHEMA"]
        with postgres_connection(location) as conn:
            conn.execute(
                sql.SQL("COMMENT ON TABLE {} IS {}").format(
                    sql.Identifier(schema, EVENTS_TABLE["postgres"]),
                    sql.Literal(f"{SCHEMA_MARK}{SCHEMA_VERSION}"),
                )
            )
        return
    with closing(sqlite3.connect(location.text, timeout=WAIT_SECONDS)) as conn:
        # WAL is kept in the file: readers then never wait for a writer, nor it for them.
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def upgrade_schema(location: Location) -> tuple[int, int]:
    """Bring an existing ledger's tables up to this govledger's schema (``admin upgrade``):
    missing tables are made and the version recorded. Returns (version before, after)."""
    if location.is_postgres:
        with postgres_connection(location) as conn:
            schema = location.settings["POSTGRES_SCHEMA"]
            conn.execute("SELECT pg_advisory_lock(hashtext(%s))", (f"govledger init {schema}",))
            tables, before = postgres_schema(conn, schema)
            if EVENTS_TABLE["postgres"] not in tables:
                raise StorageError(f"no ledger at {location.label} (schema {schema}) to upgrade")
            if before <= SCHEMA_VERSION:
                create_schema(location)
    else:
        found = sqlite_schema(location.text)
        if found is None or EVENTS_TABLE["sqlite"] not in found[0]:
            raise StorageError(f"no ledger at {location.text} to upgrade")
        before = found[1]
        if before <= SCHEMA_VERSION:
            create_schema(location)
    if before > SCHEMA_VERSION:
        check_schema(location.label, location.shown, set(TABLES), before)
    return before, SCHEMA_VERSION
