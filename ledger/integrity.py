"""Tamper evidence: write-time hashes of every event, guards on the tables, and seals.

When the library inserts events, our recorder (a subclass of the library's recorder for
each backend) hashes each one in the same transaction and stores its leaf hash and leaf
index beside it, so no event exists without a witness written with it. Triggers refuse
UPDATE and DELETE on the events and their hashes. Verification never trusts any of this:
it recomputes every hash from the stored events (``ledger.verify``) and compares.

Recording transactions take the ledger's write lock first and are retried on a transient
conflict (``ledger.contention``), so the leaf indexes stay gap-free and in log order
however many clerks record at once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any
from uuid import UUID

from eventsourcing.persistence import StoredEvent
from eventsourcing.sqlite import SQLiteApplicationRecorder

from ledger.contention import immediate, queued
from ledger.verify import Frontier, canonical, leaf_hash

Witnessed = tuple[int, Any, int, str, bytes, int | None, bytes | None]
LOOKUP_CHUNK = 500  # positions looked up in one query, well under SQLite's parameter limit
BULK_CACHE_KIB = 65536  # SQLite's page cache while many rows go in (its default: 2 MB)
REFUSAL = "govledger: recorded events are never updated or deleted; record a correction instead"


def leaves_for(stored: Sequence[StoredEvent], ids: Sequence[int]) -> list[tuple[int, bytes]]:
    return [
        (
            position,
            leaf_hash(
                canonical(
                    position,
                    str(s.originator_id),
                    s.originator_version,
                    s.topic,
                    s.state.decode("utf-8"),
                )
            ),
        )
        for position, s in zip(ids, stored, strict=True)
    ]


class SQLiteLedgerRecorder(SQLiteApplicationRecorder):
    """The library's SQLite recorder, plus write-time hashes and UPDATE/DELETE guards."""

    def construct_create_table_statements(self) -> list[str]:
        guards = [
            f"CREATE TRIGGER IF NOT EXISTS gl_{table}_no_{verb} BEFORE {verb.upper()} ON {table} "
            f"BEGIN SELECT RAISE(ABORT, '{REFUSAL}'); END"
            for table in ("stored_events", "gl_integrity")
            for verb in ("update", "delete")
        ]
        return [
            *super().construct_create_table_statements(),
            "CREATE TABLE IF NOT EXISTS gl_integrity (position INTEGER PRIMARY KEY, "
            "leaf_index INTEGER NOT NULL UNIQUE, leaf BLOB NOT NULL)",
            "CREATE TABLE IF NOT EXISTS gl_frontier (id INTEGER PRIMARY KEY CHECK (id = 1), "
            "size INTEGER NOT NULL, hashes BLOB NOT NULL)",
            *guards,
        ]

    def insert_events(self, stored_events: Sequence[StoredEvent], **kwargs: Any) -> Any:
        """Stored in one transaction that holds the write lock from its BEGIN; waits its
        turn behind other writers and tries again while the file stays busy."""

        def once() -> Sequence[int] | None:
            with immediate(self.datastore) as c:
                return self._insert_events(c, stored_events, **kwargs)

        return queued(once, clash=lambda: taken(self, stored_events))

    def _insert_events(
        self, c: Any, stored_events: Sequence[StoredEvent], **kwargs: Any
    ) -> Sequence[int] | None:
        ids = super()._insert_events(c, stored_events, **kwargs)
        assert ids is not None
        append_leaves(c, leaves_for(stored_events, ids))
        return ids

    def insert_in_bulk(
        self, stored: Sequence[StoredEvent], leaves: Callable[[Sequence[int]], list[bytes]]
    ) -> list[int]:
        """Many events at once (``ledger.bulk_record``): the events, their integrity rows
        (``leaves`` of their positions) and the frontier, by ``executemany``, in one
        transaction that holds the write lock from its BEGIN, as :meth:`insert_events`."""

        def once() -> list[int]:
            with immediate(self.datastore) as c:
                # The indexes' pages kept in memory while many rows go in: SQLite's cache on
                # this connection may grow to this size (pages are loaded only as touched).
                c.execute(f"PRAGMA cache_size = -{BULK_CACHE_KIB}")
                c.execute("SELECT coalesce(max(rowid), 0) FROM stored_events")
                (last,) = c.fetchone()
                c.executemany(
                    "INSERT INTO stored_events (originator_id, originator_version, topic, "
                    "state) VALUES (?, ?, ?, ?)",
                    [(s.originator_id.hex, s.originator_version, s.topic, s.state) for s in stored],
                )
                # Under the write lock each new row takes the next rowid, so the positions
                # are last + 1 on; n rows above last, the highest last + n, proves it.
                positions = list(range(last + 1, last + 1 + len(stored)))
                c.execute("SELECT count(*), max(rowid) FROM stored_events WHERE rowid > ?", (last,))
                found = tuple(c.fetchone())
                assert found == (len(stored), last + len(stored)), "positions not in a row"
                append_leaves(c, zip(positions, leaves(positions), strict=True))
                return positions

        return queued(once, clash=lambda: taken(self, stored))

    def frontier(self) -> Frontier:
        with self.datastore.transaction(commit=False) as c:
            c.execute("SELECT size, hashes FROM gl_frontier WHERE id = 1")
            return unpack(c.fetchone())

    def witnessed(self, after: int, limit: int) -> list[Witnessed]:
        with self.datastore.transaction(commit=False) as c:
            c.execute(
                "SELECT e.rowid, e.originator_id, e.originator_version, e.topic, e.state, "
                f"i.leaf_index, i.leaf FROM {self.events_table_name} e LEFT JOIN gl_integrity i "
                "ON i.position = e.rowid WHERE e.rowid > ? ORDER BY e.rowid LIMIT ?",
                (after, limit),
            )
            return [tuple(r) for r in c.fetchall()]  # type: ignore[misc]

    def position_of_leaf(self, index: int) -> int | None:
        with self.datastore.transaction(commit=False) as c:
            c.execute("SELECT position FROM gl_integrity WHERE leaf_index = ?", (index,))
            found = c.fetchone()
            return found[0] if found else None

    def leaves_at(self, positions: Sequence[int]) -> dict[int, bytes]:
        """The leaf hash written with each event at ``positions`` (those that have one)."""
        wanted, found = sorted(set(positions)), {}
        with self.datastore.transaction(commit=False) as c:
            for start in range(0, len(wanted), LOOKUP_CHUNK):
                chunk = wanted[start : start + LOOKUP_CHUNK]
                c.execute(
                    "SELECT position, leaf FROM gl_integrity WHERE position IN "
                    f"({', '.join('?' * len(chunk))})",
                    chunk,
                )
                found.update((r[0], bytes(r[1])) for r in c.fetchall())
        return found

    def leaves(self, size: int) -> list[bytes]:
        with self.datastore.transaction(commit=False) as c:
            c.execute("SELECT leaf FROM gl_integrity ORDER BY leaf_index LIMIT ?", (size,))
            return [bytes(r[0]) for r in c.fetchall()]


def append_leaves(c: Any, leaves: Iterable[tuple[int, bytes]]) -> None:
    """On SQLite, in the inserting transaction: each new event's leaf beside its position,
    and the Merkle tree's right edge moved past them."""
    c.execute("SELECT size, hashes FROM gl_frontier WHERE id = 1")
    frontier = unpack(c.fetchone())
    rows = []
    for position, leaf in leaves:
        rows.append((position, frontier.size, leaf))
        frontier.append(leaf)
    c.executemany("INSERT INTO gl_integrity (position, leaf_index, leaf) VALUES (?, ?, ?)", rows)
    c.execute(
        "INSERT INTO gl_frontier (id, size, hashes) VALUES (1, ?, ?) ON CONFLICT (id) "
        "DO UPDATE SET size = excluded.size, hashes = excluded.hashes",
        (frontier.size, b"".join(frontier.hashes)),
    )


def taken(recorder: Any, stored: Sequence[StoredEvent]) -> bool:
    """Whether another writer stored a version we meant to write (a true conflict: the
    thing changed meanwhile), read back from the database."""
    firsts: dict[Any, int] = {}
    for s in stored:
        firsts.setdefault(s.originator_id, s.originator_version)
    return any(
        recorder.select_events(id, gt=version - 1, lte=version) for id, version in firsts.items()
    )


def unpack(row: Any) -> Frontier:
    if row is None:
        return Frontier()
    size, blob = row[0], bytes(row[1])
    return Frontier(size, [blob[i : i + 32] for i in range(0, len(blob), 32)])


def witnessed(recorder: Any, batch: int = 5000) -> Iterator[Witnessed]:
    """Every stored event in log order, raw, beside the leaf index and leaf hash written
    with it (None, None where none was): (position, aggregate id, version, topic, state,
    leaf index, leaf). Read in batches, so memory stays flat.

    An event removed from the database shows as a jump in the leaf indexes;
    ``recorder.position_of_leaf`` names its position.
    """
    last = 0
    while True:
        rows = recorder.witnessed(last, batch)
        yield from rows
        if len(rows) < batch:
            return
        last = rows[-1][0]


def as_uuid(value: Any) -> str:
    """An aggregate id as the UUID text with dashes; SQLite stores it as 32 hex digits."""
    if type(value) is str and len(value) == 32:
        return f"{value[:8]}-{value[8:12]}-{value[12:16]}-{value[16:20]}-{value[20:]}"
    return str(value if isinstance(value, UUID) else UUID(str(value)))
