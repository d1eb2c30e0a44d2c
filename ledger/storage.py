"""Where a ledger lives: an SQLite file by default, or a PostgreSQL database by URL.

Both go through the eventsourcing library's own persistence modules; this module turns a
path or URL into the library's settings and checks, before anything is opened, that the
place is a ledger at the schema this govledger writes (or free to become one).

The tables are made once, by ``init`` (see ``ledger.schema``); every other command opens
them with the library's ``CREATE_TABLE`` off and issues no DDL, so commands run side by
side never wait on each other's schema locks. Nothing here imports the event library, so a
read answered from the stored views (``projections.stored_views``) never loads it.
"""

from __future__ import annotations

import os
import time
from typing import Any

from ledger.errors import AlreadyExists, StorageError

DEFAULT_PATH = "govledger.db"
APPLICATION = "Ledger"  # the application's name: PostgreSQL tables are named after it
EVENTS_TABLE = {"sqlite": "stored_events", "postgres": "ledger_events"}
WAIT_SECONDS = 5  # how long one attempt waits for the write lock (SQLite busy timeout too)


class Location:
    """A parsed ``--db`` value. A plain class (not a dataclass, which costs every command
    ~0.3 ms to build), never changed once made."""

    __slots__ = ("kind", "settings", "text")

    def __init__(self, text: str, kind: str, settings: dict[str, str]) -> None:
        self.text, self.kind, self.settings = text, kind, settings

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Location):
            return NotImplemented
        return (self.text, self.kind, self.settings) == (other.text, other.kind, other.settings)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Location({self.text!r}, {self.kind!r})"

    @property
    def is_postgres(self) -> bool:
        return self.kind == "postgres"

    @property
    def label(self) -> str:
        if not self.is_postgres:
            return self.text
        s = self.settings
        return f"postgresql://{s['POSTGRES_HOST']}:{s['POSTGRES_PORT']}/{s['POSTGRES_DBNAME']}"

    @property
    def read_only(self) -> bool:
        """A copy the auditor may read but not write (permissions, an immutable file, a
        read-only mount): commands read it without writing a byte to it."""
        if self.is_postgres:
            return False
        path = self.text
        folder = os.path.dirname(os.path.abspath(path))
        writable = os.access(path, os.W_OK) and os.access(folder, os.W_OK)
        return os.path.exists(path) and not writable

    @property
    def shown(self) -> str:
        """The ``--db`` value as it may be printed: a password in it masked."""
        return masked(self.text) if self.is_postgres else self.text

    @property
    def source(self) -> str:
        """The ledger's name in exports (a CloudEvent's ``source``): no user, no password."""
        if not self.is_postgres:
            return f"govledger:{self.text}"
        return f"govledger:{self.label}?schema={self.settings['POSTGRES_SCHEMA']}"


def masked(url: str) -> str:
    """``url`` with any password replaced by ``***``: passwords are never ours to print."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    if parts.password is None:
        return url
    user = parts.username or ""
    host = parts.netloc.rpartition("@")[2]
    return parts._replace(netloc=f"{user}:***@{host}").geturl()


def locate(db: str | None) -> Location:
    """``--db``, else ``GOVLEDGER_DB``, else ``./govledger.db``."""
    text = db or os.environ.get("GOVLEDGER_DB") or DEFAULT_PATH
    if text.startswith(("postgresql://", "postgres://")):
        return Location(text, "postgres", postgres_settings(text))
    return Location(
        text,
        "sqlite",
        {
            "PERSISTENCE_MODULE": "eventsourcing.sqlite",
            "SQLITE_DBNAME": text,
            "SQLITE_LOCK_TIMEOUT": str(WAIT_SECONDS),
            "APPLICATION_RECORDER_TOPIC": "ledger.integrity:SQLiteLedgerRecorder",
            "CREATE_TABLE": "no",
        },
    )


def postgres_settings(url: str) -> dict[str, str]:
    from urllib.parse import parse_qs, unquote, urlsplit

    parts = urlsplit(url)
    query = parse_qs(parts.query)
    dbname = parts.path.lstrip("/")
    if not dbname:
        raise StorageError(
            f"the PostgreSQL URL {masked(url)!r} names no database; write "
            "postgresql://USER@HOST:PORT/DATABASE"
        )
    return {
        "PERSISTENCE_MODULE": "eventsourcing.postgres",
        "APPLICATION_RECORDER_TOPIC": "ledger.integrity_postgres:PostgresLedgerRecorder",
        "POSTGRES_DBNAME": unquote(dbname),
        "POSTGRES_HOST": parts.hostname or "localhost",
        "POSTGRES_PORT": str(parts.port or 5432),
        "POSTGRES_USER": unquote(parts.username or "postgres"),
        "POSTGRES_PASSWORD": unquote(parts.password or ""),
        "POSTGRES_SCHEMA": query.get("schema", ["public"])[0],
        "POSTGRES_CONNECT_TIMEOUT": "5",
        "POSTGRES_LOCK_TIMEOUT": str(WAIT_SECONDS),
        "CREATE_TABLE": "no",
    }


def prepare(location: Location, *, create: bool) -> None:
    """Refuse, before the library opens anything, a place that is not (or cannot be) a
    ledger at this govledger's schema. With ``create`` (``init``), make its tables."""
    from ledger.schema import create_schema

    if location.is_postgres:
        prepare_postgres(location, create=create)
        return
    prepare_sqlite(location.text, create=create)
    if create:
        create_schema(location)


def prepare_sqlite(path: str, *, create: bool) -> None:
    """As :func:`prepare` for an SQLite file, with ``os.path`` (pathlib would cost every
    command ~3 ms to import, with urllib.parse and ipaddress)."""
    from ledger.schema import check_schema, sqlite_schema

    if os.path.isdir(path):
        raise StorageError(
            f"{path} is a directory, not a ledger; give a file path such as "
            f"{os.path.join(path, DEFAULT_PATH)}"
        )
    if not os.path.exists(path):
        if not create:
            raise StorageError(f"no ledger at {path}; create one with: govledger --db {path} init")
        folder = os.path.dirname(path) or "."
        if not os.path.isdir(folder):
            raise StorageError(f"folder {folder} does not exist; create it first")
        return
    found = sqlite_schema(path)  # type: ignore[arg-type]  # any path: it is put in a URI
    has_events = found is not None and EVENTS_TABLE["sqlite"] in found[0]
    if create and has_events:
        raise AlreadyExists(f"a ledger already exists at {path}; nothing was changed")
    if create and os.path.getsize(path):
        raise StorageError(f"{path} exists and is not a ledger; choose another path")
    if not create and not has_events:
        raise StorageError(
            f"{path} is not a govledger ledger; give the path of one, or create one "
            "with govledger --db PATH init"
        )
    if not create and found is not None:
        check_schema(str(path), str(path), *found)


def prepare_postgres(location: Location, *, create: bool) -> None:
    from psycopg import sql

    from ledger.schema import check_schema, create_schema, postgres_schema

    s = location.settings
    schema = s["POSTGRES_SCHEMA"]
    where = f"{location.label} (schema {schema})"
    with postgres_connection(location) as conn:
        if create:  # one init at a time per schema; released when the connection closes
            conn.execute("SELECT pg_advisory_lock(hashtext(%s))", (f"govledger init {schema}",))
        tables, version = postgres_schema(conn, schema)
        exists = EVENTS_TABLE["postgres"] in tables
        if create and exists:
            raise AlreadyExists(f"a ledger already exists at {location.label}; nothing was changed")
        if not create and not exists:
            raise StorageError(
                f"no ledger at {location.label} (schema {schema}); create one with: "
                "govledger --db URL init"
            )
        if not create:
            check_schema(where, location.shown, tables, version)
            return
        conn.execute(sql.SQL("CREATE SCHEMA IF NOT EXISTS {}").format(sql.Identifier(schema)))
        create_schema(location)


def postgres_connection(location: Location, *, autocommit: bool = True) -> Any:
    """A connection of our own, or one line when the server does not answer."""
    import psycopg

    s = location.settings
    for tried in range(1, 4):
        try:
            return psycopg.connect(
                dbname=s["POSTGRES_DBNAME"],
                host=s["POSTGRES_HOST"],
                port=s["POSTGRES_PORT"],
                user=s["POSTGRES_USER"],
                password=s["POSTGRES_PASSWORD"],
                connect_timeout=int(s["POSTGRES_CONNECT_TIMEOUT"]),
                autocommit=autocommit,
            )
        except psycopg.Error as error:
            cause = (str(error).strip().splitlines() or [type(error).__name__])[0]
            if "too many clients" in cause and tried < 3:  # every slot taken, for a moment
                time.sleep(0.2 * tried)
                continue
            raise StorageError(
                f"PostgreSQL at {location.label} did not answer ({cause}); check the URL and "
                "that the server is running"
            ) from None
    raise AssertionError("unreachable")
