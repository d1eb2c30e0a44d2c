"""The bench's fair floor of bulk recording does the ledger's essential work on the same
events, so that "ours/fair" compares like with like: every event the ledger recorded is
recorded again with the same values, the same fields salted, and a leaf hashed as the
ledger hashes (checked by bench.verify_floor, written apart from both)."""

from __future__ import annotations

import json
from typing import Any

from bench.floor_record import floor_at
from bench.synthetic import Generator
from bench.verify_floor import leaf_of
from ledger.application import open_ledger


def floor_tables(floor: Any, db: str) -> tuple[list[tuple], list[tuple]]:
    """The floor's events (position first) and integrity rows, in order."""
    if db.startswith("postgresql://"):
        events = (
            "SELECT notification_id, originator_id, originator_version, topic, state "
            f"FROM {floor.schema}.floor_events ORDER BY 1"
        )
        integrity = f"SELECT * FROM {floor.schema}.floor_integrity ORDER BY 1"
    else:
        events = "SELECT rowid, * FROM floor_events ORDER BY 1"
        integrity = "SELECT * FROM floor_integrity ORDER BY 1"
    return floor.conn.execute(events).fetchall(), floor.conn.execute(integrity).fetchall()


def said(state: bytes) -> tuple[dict, list[str]]:
    """A stored state's values, and the fields its salts commit."""
    values = json.loads(bytes(state))
    return values, sorted(values.pop("_salts_", {}))


def test_the_recording_floor_does_the_ledgers_work_on_the_same_events(db: str) -> None:
    ledger = open_ledger(db, create=True)
    floor = floor_at(db)
    try:
        shape = Generator(ledger, 700, batch=200).run(after_batch=floor.follow)
        assert floor.count == shape.events >= 700 and floor.rate() > 0
        recorded = floor.rows(0, 10**6)
        again, integrity = floor_tables(floor, db)
        assert len(again) == len(integrity) == len(recorded)
        for ours, theirs in zip(recorded, again, strict=True):
            assert ours[1:4] == theirs[1:4]  # the same event: aggregate, version, topic
            (values, salted), (their_values, their_salted) = said(ours[4]), said(theirs[4])
            assert their_values == values and their_salted == salted
        for index, (row, witness) in enumerate(zip(again, integrity, strict=True)):
            position, aggregate, version, topic, state = row
            assert tuple(witness[:2]) == (position, index)
            assert bytes(witness[2]) == leaf_of(
                position, aggregate, version, topic, bytes(state).decode()
            )
    finally:
        floor.close()
        ledger.close()
