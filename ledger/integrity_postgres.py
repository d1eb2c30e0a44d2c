"""The PostgreSQL recorder with write-time hashes and guards (see ``ledger.integrity``).

Kept apart so that a ledger on SQLite never imports psycopg.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from eventsourcing.persistence import StoredEvent
from eventsourcing.postgres import PostgresApplicationRecorder

from ledger.contention import queued
from ledger.integrity import REFUSAL, Witnessed, leaves_for, taken, unpack
from ledger.verify import Frontier


class PostgresLedgerRecorder(PostgresApplicationRecorder):
    """The library's PostgreSQL recorder, plus write-time hashes and UPDATE/DELETE guards."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        from psycopg.sql import SQL, Identifier

        super().__init__(*args, **kwargs)
        schema = Identifier(self.datastore.schema)
        events = Identifier(self.events_table_name)
        self.sql_create_statements.extend(
            [
                SQL(
                    "CREATE TABLE IF NOT EXISTS {0}.gl_integrity (position BIGINT PRIMARY KEY, "
                    "leaf_index BIGINT NOT NULL UNIQUE, leaf BYTEA NOT NULL)"
                ).format(schema),
                SQL(
                    "CREATE TABLE IF NOT EXISTS {0}.gl_frontier (id INTEGER PRIMARY KEY "
                    "CHECK (id = 1), size BIGINT NOT NULL, hashes BYTEA NOT NULL)"
                ).format(schema),
                SQL(
                    "CREATE OR REPLACE FUNCTION {0}.gl_refuse() RETURNS trigger "
                    "LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '{1}'; END $$"
                ).format(schema, SQL(REFUSAL)),
                SQL(
                    "CREATE OR REPLACE TRIGGER gl_events_guard BEFORE UPDATE OR DELETE ON {0}.{1} "
                    "FOR EACH ROW EXECUTE FUNCTION {0}.gl_refuse()"
                ).format(schema, events),
                SQL(
                    "CREATE OR REPLACE TRIGGER gl_integrity_guard BEFORE UPDATE OR DELETE ON "
                    "{0}.gl_integrity FOR EACH ROW EXECUTE FUNCTION {0}.gl_refuse()"
                ).format(schema),
            ]
        )
        self.table = f'"{self.datastore.schema}"'

    def insert_events(self, stored_events: Sequence[StoredEvent], **kwargs: Any) -> Any:
        """Stored in one transaction whose first statement takes the write lock (the
        library's LOCK TABLE, bounded by POSTGRES_LOCK_TIMEOUT); a deadlock, serialization
        failure, lock timeout or lost connection is tried again a bounded number of times."""
        once = PostgresApplicationRecorder.insert_events.__wrapped__  # type: ignore[attr-defined]
        return queued(
            lambda: once(self, stored_events, **kwargs),
            clash=lambda: taken(self, stored_events),
            landed=lambda: self.landed(stored_events),
        )

    def landed(self, stored_events: Sequence[StoredEvent]) -> list[int] | None:
        """The positions of ``stored_events`` if exactly these are stored (a commit that
        reached the server before the connection went), else None."""
        ids = []
        with self.datastore.transaction(commit=False) as curs:
            for s in stored_events:
                curs.execute(
                    f"SELECT notification_id, topic, state FROM {self.table}."
                    f"{self.events_table_name} WHERE originator_id = %s "
                    "AND originator_version = %s",
                    (s.originator_id, s.originator_version),
                )
                found = curs.fetchone()
                if not found or found["topic"] != s.topic or bytes(found["state"]) != s.state:
                    return None
                ids.append(found["notification_id"])
        return ids

    def _fetch_ids_after_insert_events(
        self, curs: Any, stored_events: Sequence[StoredEvent], **kwargs: Any
    ) -> Sequence[int] | None:
        ids = super()._fetch_ids_after_insert_events(curs, stored_events, **kwargs)
        assert ids is not None
        self.append_leaves(curs, leaves_for(stored_events, ids))
        return ids

    def append_leaves(
        self, curs: Any, leaves: Iterable[tuple[int, bytes]], *, copy: bool = False
    ) -> None:
        """In the inserting transaction: each new event's leaf beside its position (sent
        by COPY with ``copy``), and the Merkle tree's right edge moved past them."""
        curs.execute(f"SELECT size, hashes FROM {self.table}.gl_frontier WHERE id = 1")
        found = curs.fetchone()
        frontier = unpack((found["size"], found["hashes"]) if found else None)
        rows = []
        for position, leaf in leaves:
            rows.append((position, frontier.size, leaf))
            frontier.append(leaf)
        columns = f"{self.table}.gl_integrity (position, leaf_index, leaf)"
        if copy:
            with curs.copy(f"COPY {columns} FROM STDIN (FORMAT BINARY)") as sent:
                sent.set_types(["int8", "int8", "bytea"])
                for row in rows:
                    sent.write_row(row)
        else:
            curs.executemany(f"INSERT INTO {columns} VALUES (%s, %s, %s)", rows)
        curs.execute(
            f"INSERT INTO {self.table}.gl_frontier (id, size, hashes) VALUES (1, %s, %s) "
            "ON CONFLICT (id) DO UPDATE SET size = excluded.size, "
            "hashes = excluded.hashes",
            (frontier.size, b"".join(frontier.hashes)),
        )

    def insert_in_bulk(
        self, stored: Sequence[StoredEvent], leaves: Callable[[Sequence[int]], list[bytes]]
    ) -> list[int]:
        """Many events at once (``ledger.bulk_record``), in one transaction whose first
        statements take the write lock and notify followers, as :meth:`insert_events`: the
        events and their integrity rows (``leaves`` of their positions) sent by COPY, the
        frontier moved. Under the lock the events' positions are the next ones the
        sequence gives, read back by the index on them."""
        events = f"{self.table}.{self.events_table_name}"

        def once() -> list[int]:
            with (
                self.datastore.get_connection() as conn,
                conn.transaction(),
                conn.cursor() as curs,
            ):
                self._lock_table(curs)
                self._notify_channel(curs)
                curs.execute(f"SELECT coalesce(max(notification_id), 0) AS last FROM {events}")
                last = curs.fetchone()["last"]
                with curs.copy(
                    f"COPY {events} (originator_id, originator_version, topic, state) "
                    "FROM STDIN (FORMAT BINARY)"
                ) as sent:
                    sent.set_types(["uuid", "int8", "text", "bytea"])
                    for s in stored:
                        sent.write_row((s.originator_id, s.originator_version, s.topic, s.state))
                curs.execute(
                    f"SELECT notification_id FROM {events} WHERE notification_id > %s "
                    "ORDER BY notification_id",
                    (last,),
                )
                positions = [r["notification_id"] for r in curs.fetchall()]
                assert len(positions) == len(stored), "another writer inserted under our lock"
                self.append_leaves(curs, zip(positions, leaves(positions), strict=True), copy=True)
                return positions

        return queued(once, clash=lambda: taken(self, stored), landed=lambda: self.landed(stored))

    def witnessed(self, after: int, limit: int) -> list[Witnessed]:
        with self.datastore.transaction(commit=False) as curs:
            curs.execute(
                "SELECT e.notification_id, e.originator_id, e.originator_version, e.topic, "
                f"e.state, i.leaf_index, i.leaf FROM {self.table}.{self.events_table_name} e "
                f"LEFT JOIN {self.table}.gl_integrity i ON i.position = e.notification_id "
                "WHERE e.notification_id > %s ORDER BY e.notification_id LIMIT %s",
                (after, limit),
            )
            return [
                (
                    r["notification_id"],
                    r["originator_id"],
                    r["originator_version"],
                    r["topic"],
                    bytes(r["state"]),
                    r["leaf_index"],
                    None if r["leaf"] is None else bytes(r["leaf"]),
                )
                for r in curs.fetchall()
            ]

    def position_of_leaf(self, index: int) -> int | None:
        with self.datastore.transaction(commit=False) as curs:
            curs.execute(
                f"SELECT position FROM {self.table}.gl_integrity WHERE leaf_index = %s", (index,)
            )
            found = curs.fetchone()
            return found["position"] if found else None

    def leaves_at(self, positions: Sequence[int]) -> dict[int, bytes]:
        """The leaf hash written with each event at ``positions`` (those that have one)."""
        with self.datastore.transaction(commit=False) as curs:
            curs.execute(
                f"SELECT position, leaf FROM {self.table}.gl_integrity WHERE position = ANY(%s)",
                (sorted(set(positions)),),
            )
            return {r["position"]: bytes(r["leaf"]) for r in curs.fetchall()}

    def leaves(self, size: int) -> list[bytes]:
        with self.datastore.transaction(commit=False) as curs:
            curs.execute(
                f"SELECT leaf FROM {self.table}.gl_integrity ORDER BY leaf_index LIMIT %s", (size,)
            )
            return [bytes(r["leaf"]) for r in curs.fetchall()]

    def frontier(self) -> Frontier:
        with self.datastore.transaction(commit=False) as curs:
            curs.execute(f"SELECT size, hashes FROM {self.table}.gl_frontier WHERE id = 1")
            found = curs.fetchone()
            return unpack((found["size"], found["hashes"]) if found else None)
