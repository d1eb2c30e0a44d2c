"""The bulk writer (a tracker import's path) stores the same bytes, hashes and frontier as
the library's path for the same events; the ledger then verifies, and a clash is refused."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import date
from pathlib import Path

import pytest

from commands.session import Session
from ledger.action import Action, ActionLine
from ledger.application import open_ledger
from ledger.bulk_record import exact, record_in_bulk
from ledger.errors import ChangedMeanwhile
from ledger.rating import Rating
from ledger.refs import ActionRef
from projections.verification import verify_ledger

WORDS = (
    "Review the plan with partners",
    'Quotes " and \\ backslashes, a tab\tand a new\nline',
    "Accents é, ß, 中文, an emoji 😀, a control \x01 and \x7f, a line sep \u2028",
    "",
)


def ledger_with_a_tracker(path: Path):
    ledger = open_ledger(str(path), create=True, today=Session.clock)
    ledger.register_board("seb", "SEB", actor="Jo Clerk", on="2019-01-10")
    ledger.adopt_tracker("t", "T", board="seb", actor="Jo Clerk", on="2019-06-01")
    return ledger


def new_actions(count: int) -> list[Action]:
    """Actions as an import makes them: added with free text, then rated."""
    actions = []
    for n in range(1, count + 1):
        words = WORDS[n % len(WORDS)]
        action = Action.add(
            ActionRef("t", str(n)),
            kloe=[n % 5],
            theme=words,
            issue=f"Issue {n}",
            line=ActionLine(words, "LA", (f"Owner {n}", "Jo Bloggs"), "31/03/2020"),
            action=words,
            update="",
            fields={"Status": words, "Lead": "", "n": str(n)},
            actor="Jo Clerk",
            on=date(2019, 6, 12),
            reason="imported from t.csv",
        )
        action.rate(Rating.RED if n % 2 else Rating.AMBER, evidence=f"t.csv, row {n + 1}",
                    actor="Jo Clerk", on=date(2019, 6, 12), reason="imported")  # fmt: skip
        actions.append(action)
    return actions


def rows(path: Path) -> dict[str, list[tuple]]:
    with closing(sqlite3.connect(path)) as conn:
        return {
            "events": conn.execute("SELECT rowid, * FROM stored_events ORDER BY rowid").fetchall(),
            "integrity": conn.execute("SELECT * FROM gl_integrity ORDER BY position").fetchall(),
            "frontier": conn.execute("SELECT * FROM gl_frontier").fetchall(),
        }


def test_the_same_events_both_ways_store_the_same_bytes_and_hashes(tmp_path: Path) -> None:
    by_library = ledger_with_a_tracker(tmp_path / "library.db")
    in_bulk = ledger_with_a_tracker(tmp_path / "bulk.db")
    try:  # the same first events in both (their times and salts differ): copy them across
        with closing(sqlite3.connect(tmp_path / "library.db")) as source:
            first = source.execute("SELECT * FROM stored_events ORDER BY rowid").fetchall()
            front = source.execute("SELECT * FROM gl_integrity ORDER BY position").fetchall()
            size, hashes = source.execute("SELECT size, hashes FROM gl_frontier").fetchone()
        with closing(sqlite3.connect(tmp_path / "bulk.db")) as target, target:
            for table in ("stored_events", "gl_integrity"):
                target.execute(f"DROP TRIGGER IF EXISTS gl_{table}_no_delete")
                target.execute(f"DELETE FROM {table}")
            target.executemany("INSERT INTO stored_events VALUES (?, ?, ?, ?)", first)
            target.executemany("INSERT INTO gl_integrity VALUES (?, ?, ?)", front)
            target.execute("UPDATE gl_frontier SET size = ?, hashes = ?", (size, hashes))
        events = [e for action in new_actions(40) for e in action.collect_events()]
        fast = [exact(v for k, v in vars(e).items() if k != "originator_id") for e in events]
        assert all(fast)  # every one takes the fast path (orjson, commitments in hand)
        recorded = by_library.store(*events, subject="t")  # draws the salts on the events
        bulk = record_in_bulk(in_bulk, *events, subject="t")
        assert bulk == recorded
        assert rows(tmp_path / "bulk.db") == rows(tmp_path / "library.db")
        assert verify_ledger(in_bulk).ok
        added = in_bulk.action("t#2").entries[1].values
        assert added["theme"] == WORDS[2] and added["owners"] == ["Owner 2", "Jo Bloggs"]
    finally:
        by_library.close()
        in_bulk.close()


def test_an_import_in_bulk_is_read_back_and_verifies(tmp_path: Path) -> None:
    ledger = ledger_with_a_tracker(tmp_path / "ledger.db")
    try:
        recorded = record_in_bulk(ledger, *new_actions(300), subject="t")
        assert len(recorded.positions) == 600
        assert recorded.positions == list(range(3, 603))
        assert ledger.action("t#299").entries[2].values["rating"] == "red"
        assert verify_ledger(ledger).ok
    finally:
        ledger.close()


def test_actions_added_meanwhile_are_refused_and_nothing_is_written(tmp_path: Path) -> None:
    ledger = ledger_with_a_tracker(tmp_path / "ledger.db")
    try:
        record_in_bulk(ledger, *new_actions(3), subject="t")
        before = rows(tmp_path / "ledger.db")
        with pytest.raises(ChangedMeanwhile):
            record_in_bulk(ledger, *new_actions(5), subject="t")  # t#1 to t#3 exist now
        assert rows(tmp_path / "ledger.db") == before
    finally:
        ledger.close()
