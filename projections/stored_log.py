"""The stored log as an export reads it: every event beside the leaf written with it, in
log order, in one read snapshot.

Read through a plain ``sqlite3`` or psycopg connection (``open_log``), so that an export
loads neither the event library nor the domain; or through a ledger's recorder
(``RecorderLog``) where the ledger is already open, or opened as a person with a role.
Each row is (position, aggregate id, version, topic, stored state, leaf index, leaf), the
last two None where no leaf was written; the aggregate id is the UUID's text with dashes,
or as SQLite stores it (32 hex digits), which ``uuid_text`` turns into that text.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any
from uuid import UUID

from ledger.storage import EVENTS_TABLE, WAIT_SECONDS, Location, postgres_connection

Row = tuple[int, str, int, str, Any, int | None, bytes | None]
BATCH = 5000


def uuid_text(value: Any) -> str:
    """An aggregate id as the UUID text with dashes; SQLite stores it as 32 hex digits."""
    if type(value) is str and len(value) == 36:
        return value
    if type(value) is str and len(value) == 32:
        return f"{value[:8]}-{value[8:12]}-{value[12:16]}-{value[16:20]}-{value[20:]}"
    return str(value if isinstance(value, UUID) else UUID(str(value)))


class SQLiteLog:
    """An SQLite ledger read in one snapshot (a read transaction held to the end)."""

    def __init__(self, path: str) -> None:
        import sqlite3

        self.conn = sqlite3.connect(path, isolation_level=None, timeout=WAIT_SECONDS)
        self.conn.execute("BEGIN")
        self.events = EVENTS_TABLE["sqlite"]
        self.head = self.one(f"SELECT coalesce(max(rowid), 0) FROM {self.events}")[0]

    def one(self, statement: str, params: Sequence[Any] = ()) -> Any:
        return self.conn.execute(statement, params).fetchone()

    def rows(self) -> Iterator[Row]:
        cursor = self.conn.execute(
            "SELECT e.rowid, e.originator_id, e.originator_version, e.topic, e.state, "
            f"i.leaf_index, i.leaf FROM {self.events} e LEFT JOIN gl_integrity i "
            "ON i.position = e.rowid ORDER BY e.rowid"
        )
        yield from cursor  # aggregate ids as stored: 32 hex digits (see ``uuid_text``)

    def written(self) -> int:
        """How many leaves were written (the frontier's size)."""
        found = self.one("SELECT size FROM gl_frontier WHERE id = 1")
        return found[0] if found else 0

    def position_of_leaf(self, index: int) -> int | None:
        found = self.one("SELECT position FROM gl_integrity WHERE leaf_index = ?", (index,))
        return found[0] if found else None

    def with_topics(self, topics: Sequence[str]) -> list[tuple[int, Any]]:
        """(position, state) of every event of these topics, in log order."""
        marks = ", ".join("?" * len(topics))
        return self.conn.execute(
            f"SELECT rowid, state FROM {self.events} WHERE topic IN ({marks}) ORDER BY rowid",
            list(topics),
        ).fetchall()

    def first(self, aggregate_id: str) -> tuple[str, Any] | None:
        """(topic, state) of an aggregate's first event, if stored."""
        return self.one(
            f"SELECT topic, state FROM {self.events} WHERE originator_id = ? "
            "AND originator_version = 1",
            (aggregate_id.replace("-", ""),),
        )

    def close(self) -> None:
        self.conn.close()


class PostgresLog:
    """A PostgreSQL ledger read in one snapshot (repeatable read), streamed by a
    server-side cursor."""

    def __init__(self, location: Location) -> None:
        from psycopg import IsolationLevel

        self.conn = postgres_connection(location, autocommit=False)
        self.conn.isolation_level = IsolationLevel.REPEATABLE_READ
        self.conn.read_only = True
        schema = location.settings["POSTGRES_SCHEMA"]
        self.events = f'"{schema}".{EVENTS_TABLE["postgres"]}'
        self.integrity = f'"{schema}".gl_integrity'
        self.frontier = f'"{schema}".gl_frontier'
        self.head = self.one(f"SELECT coalesce(max(notification_id), 0) FROM {self.events}")[0]

    def one(self, statement: str, params: Sequence[Any] = ()) -> Any:
        return self.conn.execute(statement, params).fetchone()

    def rows(self) -> Iterator[Row]:
        with self.conn.cursor(name="govledger_export") as cursor:
            cursor.itersize = BATCH
            cursor.execute(
                "SELECT e.notification_id, e.originator_id::text, e.originator_version, e.topic, "
                f"e.state, i.leaf_index, i.leaf FROM {self.events} e LEFT JOIN {self.integrity} "
                "i ON i.position = e.notification_id ORDER BY e.notification_id"
            )
            yield from cursor

    def written(self) -> int:
        found = self.one(f"SELECT size FROM {self.frontier} WHERE id = 1")
        return found[0] if found else 0

    def position_of_leaf(self, index: int) -> int | None:
        found = self.one(f"SELECT position FROM {self.integrity} WHERE leaf_index = %s", (index,))
        return found[0] if found else None

    def with_topics(self, topics: Sequence[str]) -> list[tuple[int, Any]]:
        return self.conn.execute(
            f"SELECT notification_id, state FROM {self.events} WHERE topic = ANY(%s) "
            "ORDER BY notification_id",
            (list(topics),),
        ).fetchall()

    def first(self, aggregate_id: str) -> tuple[str, Any] | None:
        return self.one(
            f"SELECT topic, state FROM {self.events} WHERE originator_id = %s::uuid "
            "AND originator_version = 1",
            (aggregate_id,),
        )

    def close(self) -> None:
        self.conn.close()


class RecorderLog:
    """The same reads through an open ledger's recorder (the event library's connection)."""

    def __init__(self, ledger: Any) -> None:
        self.recorder = ledger.recorder
        self.head = self.recorder.max_notification_id() or 0

    def rows(self) -> Iterator[Row]:
        after = 0
        while True:
            batch = self.recorder.witnessed(after, BATCH)
            for position, aggregate, *rest in batch:
                yield (position, uuid_text(aggregate), *rest)  # type: ignore[misc]
            if len(batch) < BATCH:
                return
            after = batch[-1][0]

    def written(self) -> int:
        return int(self.recorder.frontier().size)

    def position_of_leaf(self, index: int) -> int | None:
        found = self.recorder.position_of_leaf(index)
        return None if found is None else int(found)

    def with_topics(self, topics: Sequence[str]) -> list[tuple[int, Any]]:
        found = self.recorder.select_notifications(start=None, limit=10**9, topics=list(topics))
        return [(n.id, n.state) for n in found]

    def first(self, aggregate_id: str) -> tuple[str, Any] | None:
        found = self.recorder.select_events(UUID(aggregate_id), lte=1)
        return (found[0].topic, found[0].state) if found else None

    def close(self) -> None:
        """The ledger is closed by whoever opened it."""


def open_log(location: Location) -> SQLiteLog | PostgresLog:
    """The log at ``location`` through a plain connection (checked to be a ledger first)."""
    from ledger.storage import prepare

    prepare(location, create=False)
    return PostgresLog(location) if location.is_postgres else SQLiteLog(location.text)


def log_of(source: Any) -> Any:
    """A log to read: ``source`` itself, or an open ledger's, through its recorder."""
    return source if hasattr(source, "with_topics") else RecorderLog(source)


def plain_log_of(ledger: Any) -> Any:
    """An open ledger's log read through a plain connection of its own to the same place
    (a cursor over the rows, not the library's batches); through the recorder where the
    ledger is opened otherwise (as a person with a role, or in memory)."""
    kind, env = type(ledger.recorder).__name__, ledger.env
    if kind == "SQLiteLedgerRecorder":
        path = str(env.get("SQLITE_DBNAME") or "")
        if path and ":memory:" not in path and "mode=memory" not in path:
            return SQLiteLog(path)
    if kind == "PostgresLedgerRecorder":
        settings = {k: str(v) for k, v in env.items() if k.startswith("POSTGRES_")}
        return PostgresLog(Location(settings.get("POSTGRES_DBNAME", ""), "postgres", settings))
    return RecorderLog(ledger)
