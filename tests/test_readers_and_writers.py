"""Readers never wait for writers; writers wait their turn; the schema is init's alone (issue 14).

A clerk's long recording (an import) holds the ledger's write lock; meanwhile the panel
reads, and another clerk's entry waits for the lock and is then recorded. A ledger made by
another version of govledger is refused in one line naming the fix. A connection cut in
the middle of recording is made again and the entry recorded once.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import date
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from ledger.application import open_ledger
from tests.conftest import PG_URL, Clerk, event_count

ROOT = Path(__file__).resolve().parents[1]


def govledger(db: str, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """The real command line, in a process of its own (it must not wait on our lock)."""
    return subprocess.run(
        [sys.executable, "-m", "commands", "--db", db, "--as", "Jo Clerk", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=ROOT,
    )


def schema_of(db: str) -> str:
    return parse_qs(urlsplit(db).query)["schema"][0]


@contextmanager
def write_lock_held(db: str) -> Iterator[None]:
    """What a clerk's long import holds while it records: the ledger's write lock."""
    if db.startswith("postgresql://"):
        import psycopg

        with psycopg.connect(PG_URL) as conn:
            conn.execute(f'LOCK TABLE "{schema_of(db)}".ledger_events IN EXCLUSIVE MODE')
            yield
            conn.rollback()
        return
    with closing(sqlite3.connect(db, isolation_level=None)) as conn:
        conn.execute("BEGIN IMMEDIATE")
        yield
        conn.execute("ROLLBACK")


def small_ledger(clerk: Clerk) -> None:
    clerk.ok("board", "add", "seb", "SEND Executive Board", "--on", "2019-01-10")
    clerk.ok("tracker", "add", "t", "WSoA", "--board", "seb", "--on", "2019-06-01")
    clerk.ok(
        "action", "add", "t", "1", "--issue", "Checks at 2-2.5 years",
        "--who", "Anita Parkin", "--timescale", "Q2", "--on", "2019-06-01",
    )  # fmt: skip
    clerk.ok("action", "rate", "t#1", "red", "--on", "2019-06-12", "--reason", "Minutes")
    clerk.ok("tracker", "show", "t")  # the views level with the log


def test_the_panel_reads_while_a_clerk_holds_the_write_lock(clerk: Clerk) -> None:
    small_ledger(clerk)
    with write_lock_held(clerk.db):
        for args in (["log"], ["tracker", "show", "t"], ["action", "history", "t#1"]):
            read = govledger(clerk.db, *args, timeout=30)  # the lock is held for longer
            assert read.returncode == 0, read.stderr
        assert "red" in govledger(clerk.db, "tracker", "show", "t").stdout.lower()


def test_a_clerk_waits_for_the_write_lock_and_then_records(clerk: Clerk) -> None:
    small_ledger(clerk)
    before = event_count(clerk.db)
    released = threading.Event()

    def hold_briefly() -> None:
        with write_lock_held(clerk.db):
            released.wait(1.5)

    holder = threading.Thread(target=hold_briefly)
    holder.start()
    time.sleep(0.3)
    try:
        noted = govledger(clerk.db, "action", "note", "t#1", "Pilot costed", "--reason", "Board")
    finally:
        released.set()
        holder.join()
    assert noted.returncode == 0, noted.stderr
    assert noted.stdout.startswith("Recorded NoteAdded for t#1")
    assert event_count(clerk.db) == before + 1
    assert clerk("verify").exit_code == 0


@pytest.mark.slow
def test_a_clerk_is_told_to_try_again_when_the_ledger_stays_busy(clerk: Clerk) -> None:
    small_ledger(clerk)
    before = event_count(clerk.db)
    with write_lock_held(clerk.db):
        noted = govledger(
            clerk.db, "action", "note", "t#1", "Pilot costed", "--reason", "Board", timeout=120
        )
    assert noted.returncode == 1
    assert noted.stderr.startswith("Error: the ledger stayed busy"), noted.stderr
    assert noted.stderr.strip().endswith("nothing was recorded, try again")
    assert "Traceback" not in noted.stderr
    assert event_count(clerk.db) == before


def mark_version(db: str, version: int) -> None:
    """Mark the ledger as another govledger would have (0: before versions were kept)."""
    if db.startswith("postgresql://"):
        import psycopg
        from psycopg import sql

        note = f"govledger schema {version}" if version else None
        with psycopg.connect(PG_URL, autocommit=True) as conn:
            conn.execute(
                sql.SQL("COMMENT ON TABLE {} IS {}").format(
                    sql.Identifier(schema_of(db), "ledger_events"), sql.Literal(note)
                )
            )
        return
    with closing(sqlite3.connect(db)) as conn:
        conn.execute(f"PRAGMA user_version = {version}")


def test_a_ledger_from_a_newer_govledger_is_refused_in_one_line(clerk: Clerk) -> None:
    small_ledger(clerk)
    mark_version(clerk.db, 99)
    result = clerk("log")
    assert result.exit_code == 1
    assert result.output.startswith("Error: the ledger at ")
    assert "schema version 99, newer than this govledger reads (1); use a newer govledger" in (
        result.output
    )
    assert result.output.count("\n") == 1


def test_a_ledger_made_before_schema_versions_were_kept_still_opens(clerk: Clerk) -> None:
    small_ledger(clerk)
    mark_version(clerk.db, 0)
    clerk.ok("action", "note", "t#1", "Costed", "--reason", "Board")
    assert "Costed" in clerk.ok("action", "history", "t#1").output


@pytest.mark.postgres
def test_a_connection_cut_while_recording_is_made_again_and_records_once(clerk: Clerk) -> None:
    if not clerk.db.startswith("postgresql://"):
        pytest.skip("a server connection to cut is PostgreSQL's")
    import psycopg

    small_ledger(clerk)
    before = event_count(clerk.db)
    ledger = open_ledger(clerk.db)
    try:
        action = ledger.action("t#1")
        action.note("Pilot costed", actor="Jo Clerk", on=date(2019, 7, 1), reason="Board")
        with ledger.recorder.datastore.get_connection() as conn:
            pid = conn.info.backend_pid
        with psycopg.connect(PG_URL, autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
        recorded = ledger.store(action, subject="t#1")
    finally:
        ledger.close()
    assert recorded.events == ["NoteAdded"]
    assert event_count(clerk.db) == before + 1
    assert clerk("verify").exit_code == 0
