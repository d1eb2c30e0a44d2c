"""Many clerks at once: writers queue for the ledger's write lock, and a transient conflict
is tried again, a bounded number of times, before anyone is told.

Every transaction that records takes the write lock first (PostgreSQL: the library's
``LOCK TABLE ... IN EXCLUSIVE MODE`` on the events table, its first statement; SQLite:
``BEGIN IMMEDIATE``), so writers wait their turn in one order instead of deadlocking, and
readers, who take no such lock, never wait for them. What can still go wrong for a moment
(a deadlock, a serialization failure, a lock not granted in time, a busy SQLite file, the
server restarting) is retried with a short, growing, jittered pause. Only a true conflict
(another clerk stored the next version of the same thing first, seen by reading it back)
goes up at once, as the library's ``IntegrityError``; the rest, after the last attempt,
becomes one line: :class:`~ledger.errors.LedgerBusy` or :class:`~ledger.errors.StorageError`.
"""

from __future__ import annotations

import random
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from eventsourcing.persistence import IntegrityError, InterfaceError, PersistenceError

from ledger.errors import LedgerBusy, StorageError

T = TypeVar("T")
ATTEMPTS = 6  # tries in all
PAUSE = 0.05  # seconds before the second try; doubled each time, with jitter
# SQLSTATEs that mean "try again": serialization failure, deadlock, lock not granted in
# time, every connection slot taken.
TRANSIENT = {"40001", "40P01", "55P03", "53300"}
# The server went away or is restarting (class 08: connection exceptions).
GONE = {"57P01", "57P02", "57P03"}
SQLITE_BUSY, SQLITE_LOCKED = 5, 6


def kind_of(error: BaseException) -> str | None:
    """'busy' (another writer, for a moment), 'gone' (no server), or None (anything else),
    read from the error and what caused it."""
    seen: BaseException | None = error
    while seen is not None:
        state = getattr(seen, "sqlstate", None)
        if state in TRANSIENT:
            return "busy"
        if state in GONE or (state or "").startswith("08"):
            return "gone"
        if isinstance(seen, sqlite3.OperationalError):
            code = getattr(seen, "sqlite_errorcode", None)
            text = str(seen)
            if (code is not None and code & 0xFF in (SQLITE_BUSY, SQLITE_LOCKED)) or (
                "database is locked" in text or "database is busy" in text
            ):
                return "busy"
            return None
        if (
            type(seen).__module__.startswith(("psycopg", "psycopg_pool"))
            and state is None
            and type(seen).__name__ in ("OperationalError", "InterfaceError", "PoolTimeout")
        ):
            return "gone"  # psycopg's own: no connection, or it was lost
        if isinstance(seen, InterfaceError):
            return "gone"
        seen = seen.__cause__ or seen.__context__
    return None


def queued(
    attempt: Callable[[], T],
    *,
    clash: Callable[[], bool] | None = None,
    landed: Callable[[], T | None] | None = None,
    undone: str = "nothing was recorded",
) -> T:
    """``attempt()``, tried again while it fails for a moment.

    ``clash()`` reads back, after an ``IntegrityError``, whether the versions being written
    are really taken (a true conflict, raised at once) or the error was something passing.
    ``landed()``, after a lost connection, returns what the attempt wrote if its commit did
    reach the database before the line went (so it is not written twice), else None.
    ``undone`` says, in the final refusal, what was left undone.
    """
    lost = False
    cause = ""
    for tried in range(1, ATTEMPTS + 1):
        try:
            return attempt()
        except IntegrityError:
            if lost and landed is not None:
                done = landed()
                if done is not None:
                    return done
            if clash is None or clash():
                raise
            kind, cause = "busy", "a passing conflict"
        except PersistenceError as error:
            kind = kind_of(error)
            if kind is None:
                raise
            lost = lost or kind == "gone"
            cause = (str(error).strip().splitlines() or [type(error).__name__])[0]
        if tried < ATTEMPTS:
            time.sleep(PAUSE * 2 ** (tried - 1) * (0.5 + random.random()))
    if lost:
        raise StorageError(
            f"the database stopped answering ({cause}); {undone}, try again once it is back"
        )
    raise LedgerBusy(
        f"the ledger stayed busy with other clerks' recording ({cause}, {ATTEMPTS} tries); "
        f"{undone}, try again"
    )


@contextmanager
def immediate(datastore: Any) -> Iterator[Any]:
    """An SQLite write transaction that takes the write lock at its start (``BEGIN
    IMMEDIATE``, waiting up to the busy timeout), so a writer never reads a state it then
    may not write after."""
    from eventsourcing.sqlite import SQLiteTransaction

    class Immediate(SQLiteTransaction):
        def __enter__(self) -> Any:
            cursor = self.connection.cursor()
            try:
                cursor.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as error:
                from eventsourcing.persistence import OperationalError

                raise OperationalError(error) from error
            return cursor

    with (
        datastore.get_connection(commit=True) as conn,
        Immediate(conn, commit=True) as curs,
        curs,
    ):
        yield curs
