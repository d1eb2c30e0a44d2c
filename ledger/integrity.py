"""Tamper evidence: write-time hashes of every event, guards on the tables, and seals.

When the library inserts events, our recorder (a subclass of the library's recorder for
each backend) hashes each one in the same transaction and stores its leaf hash and leaf
index beside it, so no event exists without a witness written with it. Triggers refuse
UPDATE and DELETE on the events and their hashes. Verification never trusts any of this:
it recomputes every hash from the stored events (``ledger.verify``) and compares.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any
from uuid import UUID

from eventsourcing.persistence import StoredEvent
from eventsourcing.sqlite import SQLiteApplicationRecorder

from ledger.verify import Frontier, canonical, leaf_hash

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

    def _insert_events(
        self, c: Any, stored_events: Sequence[StoredEvent], **kwargs: Any
    ) -> Sequence[int] | None:
        ids = super()._insert_events(c, stored_events, **kwargs)
        assert ids is not None
        c.execute("SELECT size, hashes FROM gl_frontier WHERE id = 1")
        frontier = unpack(c.fetchone())
        rows = []
        for position, leaf in leaves_for(stored_events, ids):
            rows.append((position, frontier.size, leaf))
            frontier.append(leaf)
        c.executemany(
            "INSERT INTO gl_integrity (position, leaf_index, leaf) VALUES (?, ?, ?)", rows
        )
        c.execute(
            "INSERT INTO gl_frontier (id, size, hashes) VALUES (1, ?, ?) ON CONFLICT (id) "
            "DO UPDATE SET size = excluded.size, hashes = excluded.hashes",
            (frontier.size, b"".join(frontier.hashes)),
        )
        return ids

    def integrity(self, after: int, limit: int) -> list[tuple[int, int, bytes]]:
        with self.datastore.transaction(commit=False) as c:
            c.execute(
                "SELECT position, leaf_index, leaf FROM gl_integrity WHERE position > ? "
                "ORDER BY position LIMIT ?",
                (after, limit),
            )
            return [(r[0], r[1], bytes(r[2])) for r in c.fetchall()]

    def frontier(self) -> Frontier:
        with self.datastore.transaction(commit=False) as c:
            c.execute("SELECT size, hashes FROM gl_frontier WHERE id = 1")
            return unpack(c.fetchone())


def unpack(row: Any) -> Frontier:
    if row is None:
        return Frontier()
    size, blob = row[0], bytes(row[1])
    return Frontier(size, [blob[i : i + 32] for i in range(0, len(blob), 32)])


def stored_with_witness(ledger: Any, batch: int = 2000) -> Iterator[tuple[Any, Any]]:
    """Each stored event in log order with its write-time (position, leaf index, leaf), or None.

    Witness rows whose event is gone come back with None in place of the event.
    """
    recorder = ledger.recorder
    last = 0
    while True:
        found = recorder.select_notifications(start=last, limit=batch, inclusive_of_start=False)
        witness = recorder.integrity(last, batch)
        upto = found[-1].id if found else None
        if upto is not None and len(witness) == batch:
            upto = min(upto, witness[-1][0])
        by_position = {w[0]: w for w in witness if upto is None or w[0] <= upto}
        notes = {n.id: n for n in found if upto is None or n.id <= upto}
        for position in sorted(set(by_position) | set(notes)):
            yield notes.get(position), by_position.get(position)
        if not found and not witness:
            return
        last = max([*by_position, *notes])


def as_uuid(value: Any) -> str:
    return str(value if isinstance(value, UUID) else UUID(str(value)))
