"""The bulk writer (a tracker import's path, and any bulk load) stores the same bytes, hashes
and frontier as the library's path for the same events, on SQLite and PostgreSQL; the
ledger then verifies, followers are told, and a clash is refused with nothing written."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from datetime import date
from typing import Any

import pytest

from commands.session import Session
from ledger.action import Action, ActionLine
from ledger.application import Ledger, open_ledger
from ledger.board import Board
from ledger.bulk_record import exact, record_in_bulk
from ledger.errors import ChangedMeanwhile
from ledger.rating import Rating
from ledger.refs import ActionRef
from ledger.storage import locate
from ledger.tracker import Tracker
from projections.verification import verify_ledger

WORDS = (
    "Review the plan with partners",
    'Quotes " and \\ backslashes, a tab\tand a new\nline',
    "Accents é, ß, 中文, an emoji 😀, a control \x01 and \x7f, a line sep \u2028",
    "",
)
CLERK = {"actor": "Jo Clerk", "reason": "set up"}


def first_events() -> list[Any]:
    """A board and its tracker, as events (their salts drawn when first stored, then kept,
    so that two ledgers given them store the same bytes)."""
    board = Board.register("seb", "SEB", on=date(2019, 1, 10), **CLERK)
    tracker = Tracker.adopt("t", "T", board="seb", on=date(2019, 6, 1), **CLERK)
    return [*board.collect_events(), *tracker.collect_events()]


def ledger_with_a_tracker(db: str, events: list[Any] | None = None) -> Ledger:
    ledger = open_ledger(db, create=True, today=Session.clock)
    ledger.store(*(events or first_events()), subject="t")
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


def rows(db: str) -> dict[str, list[tuple]]:
    """Every stored event (position, id, version, topic, state), integrity row and the
    frontier, read afresh."""
    if not db.startswith("postgresql://"):
        with closing(sqlite3.connect(db)) as conn:
            return {
                "events": conn.execute("SELECT rowid, * FROM stored_events ORDER BY 1").fetchall(),
                "integrity": conn.execute("SELECT * FROM gl_integrity ORDER BY 1").fetchall(),
                "frontier": conn.execute("SELECT * FROM gl_frontier").fetchall(),
            }
    import psycopg

    schema = '"' + locate(db).settings["POSTGRES_SCHEMA"] + '"'
    with psycopg.connect(db.partition("?")[0]) as conn:
        return {
            "events": conn.execute(
                "SELECT notification_id, originator_id, originator_version, topic, state "
                f"FROM {schema}.ledger_events ORDER BY 1"
            ).fetchall(),
            "integrity": conn.execute(f"SELECT * FROM {schema}.gl_integrity ORDER BY 1").fetchall(),
            "frontier": conn.execute(f"SELECT * FROM {schema}.gl_frontier").fetchall(),
        }


@pytest.fixture
def other_db(db: str, tmp_path: Any) -> Iterator[str]:
    """A second place on the same backend as ``db``."""
    if not db.startswith("postgresql://"):
        yield str(tmp_path / "other.db")
        return
    schema = locate(db).settings["POSTGRES_SCHEMA"] + "_other"
    yield f"{db.partition('?')[0]}?schema={schema}"
    import psycopg

    with psycopg.connect(db.partition("?")[0], autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


def test_the_same_events_both_ways_store_the_same_bytes_and_hashes(db: str, other_db: str) -> None:
    first = first_events()
    by_library = ledger_with_a_tracker(db, first)
    in_bulk = ledger_with_a_tracker(other_db, first)
    try:
        assert rows(other_db) == rows(db)  # the same start in both
        events = [e for action in new_actions(40) for e in action.collect_events()]
        fast = [exact(v for k, v in vars(e).items() if k != "originator_id") for e in events]
        assert all(fast)  # every one takes the fast path (orjson, commitments in hand)
        recorded = by_library.store(*events, subject="t")  # draws the salts on the events
        bulk = record_in_bulk(in_bulk, *events, subject="t")
        assert bulk == recorded
        assert rows(other_db) == rows(db)
        assert len(rows(db)["integrity"]) == 82
        assert verify_ledger(in_bulk).ok
        added = in_bulk.action("t#2").entries[1].values
        assert added["theme"] == WORDS[2] and added["owners"] == ["Owner 2", "Jo Bloggs"]
    finally:
        by_library.close()
        in_bulk.close()


def test_an_import_in_bulk_is_read_back_and_verifies(db: str) -> None:
    ledger = ledger_with_a_tracker(db)
    try:
        recorded = record_in_bulk(ledger, *new_actions(300), subject="t")
        assert len(recorded.positions) == 600
        assert recorded.positions == list(range(3, 603))
        assert ledger.action("t#299").entries[2].values["rating"] == "red"
        seal, _, _ = ledger.seal("after the import", actor="Jo Clerk")  # the library's path
        assert seal.positions == [603]
        assert verify_ledger(ledger).ok
    finally:
        ledger.close()


def test_a_follower_is_told_of_an_import_in_bulk(db: str) -> None:
    """On PostgreSQL a follower (govledger projections follow) listens on the ledger's
    channel and is woken by each recording; it reads the new events then."""
    if not db.startswith("postgresql://"):
        pytest.skip("on SQLite followers read the file from time to time; none is told")
    import psycopg

    ledger_with_a_tracker(db).close()
    one = {**locate(db).settings, "POSTGRES_POOL_SIZE": "1", "POSTGRES_MAX_OVERFLOW": "0"}
    ledger = Ledger(env=one)  # one connection, so that its notices are told apart
    follower = psycopg.connect(db.partition("?")[0], autocommit=True)
    try:
        with ledger.recorder.datastore.get_connection() as conn:
            writer = conn.info.backend_pid
        follower.execute(f'LISTEN "{ledger.recorder.channel_name}"')
        record_in_bulk(ledger, *new_actions(2), subject="t")
        # Every ledger on this database notices on the same channel: this writer's is ours.
        told = (n for n in follower.notifies(timeout=30) if n.pid == writer)
        assert next(told, None) is not None
        assert [n.id for n in ledger.recorder.select_notifications(3, 10)] == [3, 4, 5, 6]
    finally:
        follower.close()
        ledger.close()


def test_actions_added_meanwhile_are_refused_and_nothing_is_written(db: str) -> None:
    ledger = ledger_with_a_tracker(db)
    try:
        record_in_bulk(ledger, *new_actions(3), subject="t")
        before = rows(db)
        with pytest.raises(ChangedMeanwhile):
            record_in_bulk(ledger, *new_actions(5), subject="t")  # t#1 to t#3 exist now
        assert rows(db) == before
    finally:
        ledger.close()
