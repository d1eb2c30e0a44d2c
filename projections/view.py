"""How a view is kept: tables in the ledger's own database, fed from the event stream.

A view writes through a tracking recorder of the ledger's backend (SQLite or PostgreSQL,
``projections.view_sqlite`` and ``view_postgres``) with the view's own tables added. Each batch of
events is applied and its tracking position written in one transaction, so a crash
never applies an event twice or skips one. On SQLite the library cannot follow a log
live, so ``catch_up`` (``projections.view_catch_up``) pulls what is new before every read,
on both backends alike; handlers write through a ``Writer`` (``projections.view_writer``).
A rebuild from the first event writes its rows in batches instead (``projections.rebuild``).

This module imports no part of the event library until a view is written: a view that is
level with the log is read through a plain connection (``projections.stored_views``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, ClassVar

from ledger.storage import APPLICATION, WAIT_SECONDS
from projections.view_catch_up import BATCH, Progress, catch_up, decoded
from projections.view_writer import Writer, dumps, in_schema

try:  # the interpreter's own SHA-256: a read need not load OpenSSL (~4 ms) for one digest
    from _sha256 import sha256  # type: ignore[import-not-found]
except ImportError:  # Python 3.12 on: _sha2; or a build without it
    try:
        from _sha2 import sha256  # type: ignore[import-not-found,no-redef]
    except ImportError:
        from hashlib import sha256

META = "CREATE TABLE IF NOT EXISTS gl_views (name TEXT PRIMARY KEY, digest TEXT NOT NULL)"


def scratch_factory(name: str) -> Any:
    """Where a read-only ledger's views are kept: an SQLite database in memory, built from
    the events on each run, so that the copy an auditor was given is never written to."""
    from eventsourcing.sqlite import SQLiteFactory
    from eventsourcing.utils import Environment

    return SQLiteFactory(Environment(name, {"SQLITE_DBNAME": ":memory:"}))


class View:
    """A read model: tables, how each event changes them, and the queries panels ask.

    Opened on a ledger, it reads and writes through the library's tracking recorder
    (``view``); opened with :meth:`reading` on a plain connection to views that are level
    with the log, it answers its queries alone, with no part of the event library loaded.
    """

    name: ClassVar[str] = ""
    ddl: ClassVar[Sequence[str]] = ()
    tables: ClassVar[Sequence[str]] = ()
    # Indexes only the panel's queries use: a replay from the first event drops them and
    # builds them once at the end, which is faster than keeping them up row by row.
    read_indexes: ClassVar[Sequence[str]] = ()
    source: Any = None  # the plain connection a view opened with ``reading`` answers from

    def __init__(self, ledger: Any, factory: Any = None) -> None:
        self.ledger = ledger
        self.key = f"{ledger.name}.{self.name}"
        self.view = self.open_store(ledger, factory or ledger.factory)
        self.ensure_schema()

    @classmethod
    def reading(cls, source: Any) -> Any:
        """This view answering from ``source`` (a :class:`~projections.stored_views.
        StoredViews`), which found its tables level with the log: queries only."""
        view = cls.__new__(cls)
        view.ledger = None
        view.key = f"{APPLICATION}.{cls.name}"
        view.source = source
        return view

    @classmethod
    def digest(cls) -> str:
        """Names the definitions the view's tables were made from (kept in gl_views)."""
        return sha256("\n".join(cls.ddl).encode()).hexdigest()[:16]

    @property
    def dialect(self) -> str:
        return self.source.dialect if self.source is not None else self.view.dialect

    @classmethod
    def open_store(cls, ledger: Any, factory: Any) -> Any:
        if type(factory).__module__ == "eventsourcing.postgres":
            from projections.view_postgres import PostgresViewStore as base
        else:
            from projections.view_sqlite import SQLiteViewStore as base
        store_class = type(f"{cls.__name__}Store", (base,), {"ddl": cls.ddl})
        return factory.tracking_recorder(store_class)

    def ensure_schema(self) -> None:
        """Make the view's tables if they are missing, or drop and rebuild them from the
        events when their definitions changed. Opening a view that is in place only reads
        the catalog: no DDL, which on PostgreSQL would lock the tables against others."""
        from eventsourcing.persistence import Tracking

        digest = self.digest()
        if self.in_place(digest):
            return
        with self.writing(schema=True) as curs:
            w = Writer(self.view, curs)
            if self.in_place(digest, w):  # another process made them while we waited
                return
            names = {r["name"] for r in w.all(*self.view.relation_names)}
            if self.view.tracking_name not in names:
                for statement in self.view.tracking_statements():
                    curs.execute(statement)
                self.view._insert_tracking(curs, Tracking("__migration__", 1))
            w.run(META)
            found = w.one("SELECT digest FROM gl_views WHERE name=?", self.name)
            if found and found["digest"] == digest:
                self.create_missing_indexes(w)
                return
            for table in self.tables:
                w.run(f"DROP TABLE IF EXISTS {table}")
            for statement in self.ddl:
                w.run(statement)
            w.run(f"DELETE FROM {self.view.tracking_table} WHERE application_name=?", self.key)
            w.run("DELETE FROM gl_views WHERE name=?", self.name)
            w.run("INSERT INTO gl_views (name, digest) VALUES (?, ?)", self.name, digest)
            w.flush()

    def in_place(self, digest: str, w: Writer | None = None) -> bool:
        """Whether the tracking table, this view's tables and read indexes are there, made
        from the definitions of ``digest``: read from the catalog, nothing written."""
        if w is None:
            with self.view.datastore.transaction(commit=False) as curs:
                return self.in_place(digest, Writer(self.view, curs))
        names = {r["name"] for r in w.all(*self.view.relation_names)}
        wanted = {self.view.tracking_name, "gl_views", *self.tables, *self.read_indexes}
        if not wanted <= names:
            return False
        found = w.one("SELECT digest FROM gl_views WHERE name=?", self.name)
        return found is not None and found["digest"] == digest

    @contextmanager
    def writing(self, *, schema: bool = False, also: Sequence[View] = ()) -> Iterator[Any]:
        """A transaction that writes this view (and the views ``also``, of the same store),
        holding its write lock from the start (SQLite: BEGIN IMMEDIATE; PostgreSQL: an
        advisory lock per view, taken in order of name, or one for the views' schema), so
        two readers bringing it level take turns, never deadlock."""
        if self.view.dialect == "sqlite":
            from ledger.contention import immediate

            with immediate(self.view.datastore) as curs:
                yield curs
            return
        key = f"govledger views {self.view.datastore.schema}"
        locks = [key] if schema else sorted(f"{key}.{v.name}" for v in (self, *also))
        with self.view.datastore.transaction(commit=True) as curs:
            curs.execute(f"SET LOCAL lock_timeout = '{WAIT_SECONDS}s'")
            for lock in locks:
                curs.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", [lock])
            yield curs

    def drop_read_indexes(self) -> None:
        with self.writing() as curs:
            w = Writer(self.view, curs)
            for index in self.read_indexes:
                w.run(f"DROP INDEX IF EXISTS {index}")

    def build_read_indexes(self) -> None:
        with self.writing() as curs:
            self.create_missing_indexes(Writer(self.view, curs))

    def create_missing_indexes(self, w: Writer) -> None:
        """Create the read indexes that are missing (after a replay, or one cut short);
        only those, so that opening a view for a read issues no DDL (which on PostgreSQL
        takes a lock on the table even when the index is there)."""
        found = {r["name"] for r in w.all(*self.view.index_names)}
        missing = [name for name in self.read_indexes if name not in found]
        for statement in self.ddl:
            if any(f" {name} ON " in statement for name in missing):
                w.run(statement)

    # -- writing -------------------------------------------------------------------

    def process_event(self, domain_event: Any, tracking: Any) -> None:
        """The library's entry point (used by a ProjectionRunner): one event, one transaction."""
        self.process_batch([(domain_event, tracking.notification_id)])

    def process_batch(
        self, events: Sequence[tuple[Any, int]], upto: int | None = None, after: int = 0
    ) -> None:
        """Apply ``events`` and stand at ``upto`` (default the last of them): past an
        unreadable event that was left out, too. Events another reader applied while this
        one waited for the view's lock are skipped. ``after`` is the position the batch was
        read after: a view found standing before it was rebuilt meanwhile, and is left for
        the next catch-up to replay, never stamped past events it does not hold. A busy
        moment is tried again."""
        from ledger.contention import queued

        queued(
            lambda: self.apply(events, upto or events[-1][1], after),
            undone=f"the {self.name} view could not be brought up to date",
        )

    def apply(self, events: Sequence[tuple[Any, int]], upto: int, after: int = 0) -> None:
        from eventsourcing.persistence import Tracking

        with self.writing() as curs:
            at = self.view._max_tracking_id(self.key, curs) or 0
            if upto <= at or at < after:
                return
            w = Writer(self.view, curs)
            for event, position in events:
                if position <= at:
                    continue
                handler = getattr(self, f"on_{type(event).__name__}", None)
                if handler is not None:
                    handler(w, event, position)
            w.flush()
            self.view._insert_tracking(curs, Tracking(self.key, upto))

    # -- reading -------------------------------------------------------------------

    def position(self) -> int:
        if self.source is not None:
            return self.source.positions.get(self.key, 0)
        return self.view.max_tracking_id(self.key) or 0

    def rows(self, statement: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
        if self.source is not None:
            return self.source.rows(statement, params)
        with self.view.datastore.transaction(commit=False) as curs:
            curs.execute(self.view.sql(statement), list(params))
            return [dict(row) for row in curs.fetchall()]

    def empty(self, curs: Any) -> None:
        """In the caller's transaction (a rebuild's first): forget the view's rows, position
        and read indexes, as :meth:`drop` and :meth:`drop_read_indexes` do in two."""
        for table in self.tables:
            curs.execute(self.view.sql(f"DELETE FROM {table}"))
        curs.execute(
            self.view.sql(f"DELETE FROM {self.view.tracking_table} WHERE application_name=?"),
            [self.key],
        )
        for index in self.read_indexes:
            curs.execute(self.view.sql(f"DROP INDEX IF EXISTS {index}"))
        cached = getattr(self, "cached", None)  # what a view keeps of its rows in memory
        if cached is not None:
            cached.clear()

    def drop(self) -> None:
        """Forget the view's tables and position, so the next catch-up replays everything."""
        with self.writing() as curs:
            for table in self.tables:
                curs.execute(self.view.sql(f"DELETE FROM {table}"))
            curs.execute(
                self.view.sql(f"DELETE FROM {self.view.tracking_table} WHERE application_name=?"),
                [self.key],
            )


__all__ = [
    "BATCH", "Progress", "View", "Writer", "catch_up", "decoded", "dumps", "in_schema",
    "scratch_factory",
]  # fmt: skip
