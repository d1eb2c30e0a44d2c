"""A panel's read answered from the stored views through a plain connection, when one query
finds them level with the log: the same answers as through the ledger, without the event
library; and through the ledger, brought level first, whenever they are behind."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from commands.session import Session
from ledger.application import open_ledger
from ledger.storage import locate
from projections.stored_views import level_views
from tests.conftest import Clerk

READS = (
    ("tracker", "show", "wsoa", "--wide"),
    ("tracker", "show", "wsoa", "--wide", "--at", "-40"),
    ("tracker", "show", "--board", "seb", "--wide", "--rag", "red,amber"),
    ("due",),
    ("board", "history", "seb"),
    ("changes", "wsoa", "--from", "-70"),
    ("action", "history", "wsoa#1"),
)


def ago(days: int) -> str:
    return (Session.clock() - timedelta(days=days)).isoformat()


def set_up(clerk: Clerk) -> None:
    clerk.ok("board", "add", "seb", "SEND Executive Board", "--on", ago(400))
    clerk.ok("meeting", "add", "seb", ago(60), "--on", ago(90))
    clerk.ok("meeting", "add", "seb", ago(-20), "--on", ago(90))
    clerk.ok("tracker", "add", "wsoa", "Written statement", "--board", "seb", "--on", ago(90))
    for no, who in (("1", "Anita Parkin"), ("2", "Jan Parnell"), ("10", "Peter Woods")):
        clerk.ok(
            "action", "add", "wsoa", no, "--issue", f"Issue {no}", "--who", who,
            "--timescale", ago(5), "--on", ago(90),
        )  # fmt: skip
    clerk.ok("action", "rate", "wsoa#1", "red", "--on", ago(60), "--reason", "Pilot stalled")
    clerk.ok("action", "rate", "wsoa#2", "green", "--on", ago(60), "--reason", "On track")
    clerk.ok("action", "rate", "wsoa#1", "amber", "--on", ago(30), "--reason", "Restarted")
    clerk.ok("action", "reassign", "wsoa#2", "--to", "Mandy Lawson", "--on", ago(30),
             "--reason", "Jan Parnell moved")  # fmt: skip
    clerk.ok("correct", "10", "--rating", "amber", "--reason", "The minutes said amber")
    clerk.ok("tracker", "show", "wsoa")  # the first read after recording brings the views level


def read(clerk: Clerk, args: tuple[str, ...]) -> str:
    days = {a: ago(int(a[1:])) for a in args if a.startswith("-") and a[1:].isdigit()}
    return clerk.ok(*(days.get(a, a) for a in args), "--format", "json").output


def through_the_ledger(monkeypatch: pytest.MonkeyPatch) -> None:
    """Reads from here on take the path through the ledger, as before stored views were read."""
    monkeypatch.setattr(Session, "stored_views", lambda self: None)


def test_the_panel_reads_the_same_from_the_stored_views_as_through_the_ledger(
    clerk: Clerk, monkeypatch: pytest.MonkeyPatch
) -> None:
    set_up(clerk)
    assert level_views(locate(clerk.db)) is not None, "the first read left them level"
    stored = {args: read(clerk, args) for args in READS}
    through_the_ledger(monkeypatch)
    for args in READS:
        assert read(clerk, args) == stored[args], args
    assert json.loads(stored[READS[0]])[0]["ragb"] == "amber"


def test_a_read_after_the_clerk_records_loads_no_event_library(clerk: Clerk) -> None:
    set_up(clerk)
    program = (
        "import sys\n"
        "from commands.main import cli\n"
        "try:\n"
        "    cli(['--db', sys.argv[1], 'tracker', 'show', 'wsoa', '--wide'])\n"
        "except SystemExit as stop:\n"
        "    assert not stop.code, stop.code\n"
        "print(sorted(m for m in sys.modules if m.startswith(('eventsourcing', 'ledger.a'))))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", program, clerk.db],
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "120"},
        check=True,
    )
    *table, loaded = done.stdout.strip().splitlines()
    assert "Issue 10" in "\n".join(table)
    assert loaded == "[]"


def test_views_left_behind_by_a_recording_are_read_through_the_ledger(clerk: Clerk) -> None:
    set_up(clerk)
    ledger = open_ledger(clerk.db, today=Session.clock)
    try:  # records as a program of the clerk's own might, leaving the views behind the log
        ledger.rate_action("wsoa#10", "red", actor="Jo Clerk", reason="Slipped")
    finally:
        ledger.close()
    assert level_views(locate(clerk.db)) is None
    shown = json.loads(read(clerk, ("tracker", "show", "wsoa", "--wide")))
    assert [r["ragb"] for r in shown] == ["amber", "green", "red"]
    stored = level_views(locate(clerk.db))
    assert stored is not None, "the read brought them level"
    stored.close()


def test_views_made_from_other_definitions_are_not_read_as_stored(clerk: Clerk) -> None:
    set_up(clerk)
    if locate(clerk.db).is_postgres:
        import psycopg

        url, _, schema = clerk.db.partition("?schema=")
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(f"UPDATE \"{schema}\".gl_views SET digest='0' WHERE name='tracker'")
    else:
        with sqlite3.connect(clerk.db) as conn:
            conn.execute("UPDATE gl_views SET digest='0' WHERE name='tracker'")
    assert level_views(locate(clerk.db)) is None
    shown = json.loads(read(clerk, ("tracker", "show", "wsoa", "--wide")))
    assert [r["no"] for r in shown] == ["1", "2", "10"]  # rebuilt from the events
    stored = level_views(locate(clerk.db))
    assert stored is not None
    stored.close()


def test_who_signed_each_entry_reads_the_same_from_the_stored_log(clerk: Clerk, keys: Path) -> None:
    from projections.signatures import marks_at

    clerk.ok("keys", "new", "jo.clerk")
    set_up(clerk)
    clerk.ok("--key", "jo.clerk", "action", "rate", "wsoa#10", "red", "--reason", "Slipped")
    clerk.ok("tracker", "show", "wsoa")  # level again
    positions = list(range(1, 20))
    session = Session(clerk.db, "Jo Clerk")
    try:
        stored = session.views()
        assert hasattr(stored, "marks_at"), "answered from the stored views"
        seen = session.signature_marks(positions)
    finally:
        session.close()
    ledger = open_ledger(clerk.db)
    try:
        assert seen == marks_at(ledger, positions)
    finally:
        ledger.close()
    assert "signed by jo.clerk" in seen.values() and "unsigned" in seen.values()
    assert "(signature)" in seen.values()
