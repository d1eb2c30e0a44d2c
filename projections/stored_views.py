"""The panel's views read as stored, through a plain ``sqlite3`` or psycopg connection.

A read command needs the event library only to bring the views level with the log. When
they already are (the read before this one, or on a ledger with roles the clerk's own
command, brought them level), one query says so
(the log's head, each view's position, the definitions its tables were made from and its
read indexes), and the command reads the view tables in the same snapshot, without
importing the event library, our event classes or building the ``Ledger``: the same rows,
asked by the same queries (each view's own read methods), as the full path answers.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ledger.storage import EVENTS_TABLE, WAIT_SECONDS, Location, postgres_connection
from projections.follow_ups import Trail
from projections.tracker import TrackerView
from projections.view import View, in_schema

VIEWS: tuple[type[View], ...] = (Trail, TrackerView)
TRACKING = {"sqlite": "tracking", "postgres": "ledger_tracking"}


def level_check(dialect: str, schema: str = "") -> tuple[str, list[Any]]:
    """One query: the log's head, each view's position and definitions, and how many of
    the views' read indexes are there."""
    tracking = TRACKING[dialect]
    if dialect == "sqlite":
        head = f"SELECT max(rowid) FROM {EVENTS_TABLE['sqlite']}"
        indexes = "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN"
        digests = "SELECT digest FROM gl_views WHERE name = ?"
    else:
        head = f'SELECT max(notification_id) FROM "{schema}".{EVENTS_TABLE["postgres"]}'
        tracking = f'"{schema}".{tracking}'
        indexes = "SELECT count(*) FROM pg_indexes WHERE schemaname = ? AND indexname IN"
        digests = f'SELECT digest FROM "{schema}".gl_views WHERE name = ?'
    names = [name for view in VIEWS for name in view.read_indexes]
    parts, params = [f"({head}) AS head"], []
    for n, view in enumerate(VIEWS):
        parts.append(
            f"(SELECT max(notification_id) FROM {tracking} WHERE application_name = ?) AS p{n}"
        )
        parts.append(f"({digests}) AS d{n}")
        params += [f"Ledger.{view.name}", view.name]
    parts.append(f"({indexes} ({', '.join('?' * len(names))})) AS indexes")
    params += [*([schema] if dialect == "postgres" else []), *names]
    statement = "SELECT " + ", ".join(parts)
    return (statement if dialect == "sqlite" else statement.replace("?", "%s")), params


class StoredViews:
    """The audit trail and the tracker view as stored, found level with the log, read in one
    snapshot: what :class:`projections.views.Views` offers a read command."""

    read_only = True

    def __init__(self, conn: Any, dialect: str, schema: str, positions: dict[str, int]) -> None:
        self.conn = conn
        self.dialect = dialect
        self.schema = schema
        self.positions = positions
        self.head = max(positions.values(), default=0)
        self.damaged: dict[int, str] = {}  # level views were read whole: nothing left out
        self.trail = Trail.reading(self)
        self.tracker = TrackerView.reading(self)

    @property
    def all(self) -> tuple[View, ...]:
        return (self.trail, self.tracker)

    def catch_up(self, progress: Any = None) -> int:
        return 0  # found level: nothing to apply

    def status(self) -> list[Any]:
        from projections.views import Status

        return [Status(v.name, v.position(), self.head) for v in self.all]

    def rows(self, statement: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
        if self.dialect == "postgres":
            statement = in_schema(statement, self.schema)
        cursor = self.conn.execute(statement, list(params))
        if self.dialect == "postgres":
            return cursor.fetchall()
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def marks_at(self, positions: Iterable[int]) -> dict[int, str]:
        """Which key signed the entry at each position (``projections.signatures.marks_at``),
        read from the stored events in the same snapshot: the batch signatures from the
        first position on, and each entry's id, version and topic."""
        from ledger.verify import BATCH_SIGNED
        from projections.signatures import mark, signed_by

        wanted = sorted(set(positions))
        if not wanted:
            return {}
        events, at = self.events_table()
        signatures = self.rows(
            f"SELECT topic, state FROM {events} WHERE {at} >= ? AND topic = ? ORDER BY {at}",
            [wanted[0], BATCH_SIGNED],
        )
        signed = signed_by(Stored(**r) for r in signatures)
        found = {}
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            for r in self.rows(
                f"SELECT {at} AS position, originator_id, originator_version, topic "
                f"FROM {events} WHERE {at} IN ({', '.join('?' * len(chunk))})",
                chunk,
            ):
                found[r["position"]] = mark(
                    signed, as_uuid(r["originator_id"]), r["originator_version"], r["topic"]
                )
        return found

    def events_table(self) -> tuple[str, str]:
        """The events table and its position column, as this backend names them."""
        if self.dialect == "sqlite":
            return EVENTS_TABLE["sqlite"], "rowid"
        return f'"{self.schema}".{EVENTS_TABLE["postgres"]}', "notification_id"

    def close(self) -> None:
        self.conn.close()


@dataclass(frozen=True)
class Stored:
    """A stored event's topic and state, as ``signed_by`` reads them."""

    topic: str
    state: bytes


def as_uuid(value: Any) -> str:
    """An aggregate id as UUID text with dashes (SQLite keeps 32 hex digits)."""
    text = str(value)
    if len(text) == 32:
        return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"
    return text


def level_views(location: Location) -> StoredViews | None:
    """The stored views, when one query finds every one level with the log and made from
    this govledger's definitions; None (the connection closed) when any is behind, so the
    caller brings them level through the ledger."""
    if location.is_postgres:
        conn = open_postgres(location)
        schema = location.settings["POSTGRES_SCHEMA"]
    else:
        import sqlite3

        conn = sqlite3.connect(location.text, isolation_level=None, timeout=WAIT_SECONDS)
        conn.execute("BEGIN")  # one read snapshot for the check and every query after it
        schema = ""
    dialect = location.kind
    statement, params = level_check(dialect, schema)
    try:
        found = conn.execute(statement, params).fetchone()
    except Exception:  # no views yet (a new ledger): the full path makes them
        conn.close()
        return None
    found = list(found.values()) if isinstance(found, dict) else list(found)
    head, *per_view, indexes = found
    positions = {}
    for n, view in enumerate(VIEWS):
        position, digest = per_view[2 * n], per_view[2 * n + 1]
        if digest != view.digest() or (position or 0) < (head or 0):
            conn.close()
            return None
        positions[f"Ledger.{view.name}"] = position or 0
    if indexes != sum(len(view.read_indexes) for view in VIEWS):
        conn.close()
        return None
    return StoredViews(conn, dialect, schema, positions)


def open_postgres(location: Location) -> Any:
    """A read-only connection answering in one snapshot (repeatable read)."""
    from psycopg import IsolationLevel
    from psycopg.rows import dict_row

    conn = postgres_connection(location, autocommit=False)
    conn.row_factory = dict_row
    conn.isolation_level = IsolationLevel.REPEATABLE_READ
    conn.read_only = True
    return conn
