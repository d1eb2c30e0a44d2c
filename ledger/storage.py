"""Where a ledger lives: an SQLite file by default, or a PostgreSQL database by URL.

Both go through the eventsourcing library's own persistence modules; this module only
turns a path or URL into the library's settings and checks, before anything is
created, that the place is a ledger (or free to become one).
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from eventsourcing.persistence import Transcoding

from ledger.errors import AlreadyExists, StorageError

DEFAULT_PATH = "govledger.db"
EVENTS_TABLE = {"sqlite": "stored_events", "postgres": "ledger_events"}


class DateAsISO(Transcoding):
    """Effective dates are stored as ISO 8601 text (the library has no date transcoding)."""

    type = date
    name = "date"

    def encode(self, obj: date) -> str:
        return obj.isoformat()

    def decode(self, data: str) -> date:
        return date.fromisoformat(data)


@dataclass(frozen=True)
class Location:
    """A parsed ``--db`` value."""

    text: str
    kind: str
    settings: dict[str, str]

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
        path = Path(self.text)
        return path.exists() and not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK))

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
            "APPLICATION_RECORDER_TOPIC": "ledger.integrity:SQLiteLedgerRecorder",
        },
    )


def postgres_settings(url: str) -> dict[str, str]:
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
    }


def prepare(location: Location, *, create: bool) -> None:
    """Refuse, before the library touches anything, a place that is not (or cannot be) a ledger."""
    if location.is_postgres:
        prepare_postgres(location, create=create)
    else:
        prepare_sqlite(Path(location.text), create=create)


def prepare_sqlite(path: Path, *, create: bool) -> None:
    if path.is_dir():
        raise StorageError(
            f"{path} is a directory, not a ledger; give a file path such as {path / DEFAULT_PATH}"
        )
    if not path.exists():
        if not create:
            raise StorageError(f"no ledger at {path}; create one with: govledger --db {path} init")
        if not path.parent.is_dir():
            raise StorageError(f"folder {path.parent} does not exist; create it first")
        return
    has_events = sqlite_has_events(path)
    if create and has_events:
        raise AlreadyExists(f"a ledger already exists at {path}; nothing was changed")
    if create and path.stat().st_size:
        raise StorageError(f"{path} exists and is not a ledger; choose another path")
    if not create and not has_events:
        raise StorageError(
            f"{path} is not a govledger ledger; give the path of one, or create one "
            "with govledger --db PATH init"
        )


def sqlite_has_events(path: Path) -> bool:
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
            found = conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type='table' AND name=?",
                (EVENTS_TABLE["sqlite"],),
            ).fetchone()
    except sqlite3.DatabaseError:
        return False
    return found is not None


def prepare_postgres(location: Location, *, create: bool) -> None:
    import psycopg
    from psycopg import sql

    s = location.settings
    try:
        conn = psycopg.connect(
            dbname=s["POSTGRES_DBNAME"],
            host=s["POSTGRES_HOST"],
            port=s["POSTGRES_PORT"],
            user=s["POSTGRES_USER"],
            password=s["POSTGRES_PASSWORD"],
            connect_timeout=int(s["POSTGRES_CONNECT_TIMEOUT"]),
            autocommit=True,
        )
    except psycopg.Error as error:
        cause = (str(error).strip().splitlines() or [type(error).__name__])[0]
        raise StorageError(
            f"PostgreSQL at {location.label} did not answer ({cause}); check the URL and "
            "that the server is running"
        ) from None
    with conn:
        schema = s["POSTGRES_SCHEMA"]
        table = f"{schema}.{EVENTS_TABLE['postgres']}"
        exists = conn.execute("SELECT to_regclass(%s)", (table,)).fetchone()[0]
        if create and exists:
            raise AlreadyExists(f"a ledger already exists at {location.label}; nothing was changed")
        if not create and not exists:
            raise StorageError(
                f"no ledger at {location.label} (schema {schema}); create one with: "
                "govledger --db URL init"
            )
        if create:
            conn.execute(sql.SQL("CREATE SCHEMA IF NOT EXISTS {}").format(sql.Identifier(schema)))
