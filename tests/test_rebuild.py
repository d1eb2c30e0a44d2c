"""`projections rebuild` writes the panel's views in batches from the raw events
(``projections.rebuild``); the views it leaves must be, table by table and row by row, those
the event-by-event catch-up makes, whatever the ledger holds: corrections (several of one
entry, voids, moved days), erased words, seals, votes, call-ins, reminder addresses, tracker
columns, damaged events. SQLite and PostgreSQL."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from ledger.application import Ledger, open_ledger
from projections import rebuild as bulk
from projections.view import catch_up
from projections.views import Views
from tests.conftest import Clerk
from tests.test_tamper import Tamperer

CLERK = {"actor": "Jo Clerk"}
HEADERS = ["No.", "KLOE", "Theme", "Issue", "Health", "LA", "Who", "Timescale", "RAG", "Notes"]


def every_kind_of_event(db: str, tmp_path: Path) -> None:
    """A ledger of boards, meetings, decisions and votes, call-ins, a tracker imported with
    columns of its own, its actions changed and corrected, an owner's address, a seal."""
    clerk = Clerk(db)
    clerk.ok("init")
    clerk.ok("board", "add", "cepac", "Children and Education PAC", "--on", "2019-01-01")
    clerk.ok("tracker", "add", "hf", "SEND actions", "--board", "cepac", "--on", "2019-01-01")
    source = tmp_path / "tracker.csv"
    rows = [
        HEADERS,
        ["1", "1", "Theme", "Issue one", "Health one", "", "Anita Parkin", "Q2", "Amber", "a"],
        ["2", "2", "Theme", "Issue two", "", "LA two", "Jan Parnell / CCG", "Q3", "Green", ""],
        ["3", "2", "Theme", "Issue three", "", "LA 3", "Peter Woods", "Q1", "Red", "c"],
    ]
    source.write_text("\n".join(",".join(r) for r in rows) + "\n", encoding="utf-8")
    clerk.ok("tracker", "import", "hf", str(source), "--on", "2019-06-12")
    ledger = open_ledger(db)
    try:
        ledger.today = lambda: date(2019, 12, 20)
        record_business(ledger)
    finally:
        ledger.close()
    clerk.ok("owner", "email", "Anita Parkin", "anita@example.org")
    clerk.ok("seal", "--note", "December board")


def record_business(ledger: Ledger) -> None:
    ledger.register_board("cab", "Cabinet", on="2019-01-10", call_in_days=5, **CLERK)
    ledger.set_call_in_period("cab", 3, nation="wales", on="2019-09-01", reason="New", **CLERK)
    ledger.schedule_meeting("cab", "2019-06-12", on="2019-01-10", **CLERK)
    ledger.record_decision(
        "cab", "2019-06-12", item="Budget", text="Approved", key_decision=True,
        follow_up="2019-09-01", **CLERK,
    )  # fmt: skip
    ledger.record_vote(
        "cab@2019-06-12/D1",
        counts={"for": None, "against": None, "abstain": 1},
        members=[("Cllr Ann Lee", "for"), ("Cllr Bo Chan", "for"), ("Cllr Cy Dee", "abstain")],
        **CLERK,
    )
    ledger.call_in_decision(
        "cab@2019-06-12/D1", members=["Cllr Ann Lee"], on="2019-06-13", reason="Cost", **CLERK
    )
    ledger.conclude_call_in(
        "cab@2019-06-12/D1", outcome="upheld", on="2019-06-20", reason="Heard", **CLERK
    )
    ledger.raise_minute_action(
        "cab", "2019-06-12", owner="Anita Parkin", text="Report back", due="2019-09-01", **CLERK
    )
    ledger.complete_minute_action("cab@2019-06-12/A1", on="2019-07-01", **CLERK)
    ledger.close_follow_up("cab@2019-06-12/D1", on="2019-09-02", reason="Heard", **CLERK)
    ledger.add_action_line("hf#1", la="Extra line", who=["CLCH"], on="2019-07-01", **CLERK)
    rated = ledger.rate_action("hf#1", "red", on="2019-07-02", reason="Board", **CLERK)
    moved = ledger.reassign_action(
        "hf#2", ["Peter Woods"], line=1, on="2019-07-03", reason="Moved", **CLERK
    )
    ledger.retime_action("hf#3", "Q4", line=1, on="2019-07-04", reason="Slipped", **CLERK)
    noted = ledger.note_action("hf#3", "Progress", on="2019-07-05", reason="Update", **CLERK)
    ledger.correct(rated.positions[0], {"rating": "amber"}, reason="Minutes amended", **CLERK)
    ledger.correct(rated.positions[0], {}, effective="2019-07-10", reason="Later", **CLERK)
    ledger.correct(rated.positions[0], {"rating": "green"}, void=True, reason="Wrong", **CLERK)
    ledger.correct(moved.positions[0], {}, void=True, reason="Not moved", **CLERK)
    ledger.correct(noted.positions[0], {"text": "Progress made"}, reason="Typo", **CLERK)
    ledger.add_action_line("hf#2", la="Second", who=["CCG"], on="2019-08-01", **CLERK)


def tables(views: Views) -> dict[str, list[str]]:
    return {
        table: sorted(json.dumps(r, sort_keys=True) for r in view.rows(f"SELECT * FROM {table}"))
        for view in views.all
        for table in view.tables
    }


def event_by_event(views: Views) -> dict[str, list[str]]:
    """The views as the catch-up path makes them, from an empty start."""
    for view in views.all:
        view.drop()
    catch_up(views.ledger, *views.all, damaged=views.damaged)
    return tables(views)


def test_a_rebuild_gives_the_same_views_as_catching_up_event_by_event(db, tmp_path):
    every_kind_of_event(db, tmp_path)
    clerk = Clerk(db)
    log = json.loads(clerk.ok("log", "--format", "json", "--limit", "1000").output)
    address = next(r["position"] for r in log if r["event"] == "OwnerEmailRecorded")
    note = next(r["position"] for r in log if r["event"] == "NoteAdded")
    clerk.ok("redact", str(address), "--field", "address", "--reason", "DPO request")
    clerk.ok("redact", str(note), "--field", "text", "--reason", "DPO request")
    ledger = open_ledger(db)
    try:
        views = Views(ledger)
        slow = event_by_event(views)
        assert views.rebuild() == ledger.recorder.max_notification_id()
        assert tables(views) == slow
        kinds = {json.loads(r)["kind"] for r in slow["gl_trail"]}
        assert {"correction", "vote", "called_in", "call_in_outcome", "line"} <= kinds
        assert any("[erased]" in r for r in slow["gl_trail"])
    finally:
        ledger.close()


def test_a_rebuild_in_many_batches_corrects_rows_of_earlier_batches(db, tmp_path, monkeypatch):
    every_kind_of_event(db, tmp_path)
    ledger = open_ledger(db)
    try:
        views = Views(ledger)
        slow = event_by_event(views)
        monkeypatch.setattr(bulk, "BATCH", 3)
        views.rebuild()
        assert tables(views) == slow
        monkeypatch.setattr(bulk, "BATCH", 1)
        views.rebuild("tracker")
        assert tables(views) == slow
    finally:
        ledger.close()


def test_a_damaged_event_is_named_and_left_out_as_when_catching_up(db, tmp_path):
    every_kind_of_event(db, tmp_path)
    log = json.loads(Clerk(db).ok("log", "--format", "json", "--limit", "1000").output)
    retimed = next(r["position"] for r in log if r["event"] == "TimescaleRevised")
    tamperer = Tamperer(db)
    tamperer.unguard()
    tamperer.run(
        f"UPDATE {tamperer.events} SET state=? WHERE {tamperer.pos}=?", (b"{oops", retimed)
    )
    ledger = open_ledger(db)
    try:
        views = Views(ledger)
        slow = event_by_event(views)
        named = dict(views.damaged)
        views.damaged.clear()
        views.rebuild()
        assert tables(views) == slow
        assert views.damaged == named and retimed in named
    finally:
        ledger.close()


def test_a_rebuild_cut_short_keeps_its_indexes_and_is_carried_on_by_the_next_catch_up(
    db, tmp_path, monkeypatch
):
    every_kind_of_event(db, tmp_path)
    ledger = open_ledger(db)
    try:
        views = Views(ledger)
        slow = event_by_event(views)
        monkeypatch.setattr(bulk, "BATCH", 10)
        real = bulk.FactRows.write
        batches = []

        def power_cut(self: bulk.FactRows, *args: object) -> None:
            batches.append(1)
            if len(batches) == 3:
                raise RuntimeError("power cut")
            real(self, *args)

        monkeypatch.setattr(bulk.FactRows, "write", power_cut)
        with pytest.raises(RuntimeError, match="power cut"):
            views.rebuild()
        monkeypatch.undo()
        assert views.tracker.position() == views.trail.position() == 20
        assert read_indexes(views) >= {*views.trail.read_indexes, *views.tracker.read_indexes}
        reopened = Views(ledger)
        reopened.catch_up()
        assert tables(reopened) == slow
    finally:
        ledger.close()


def read_indexes(views: Views) -> set[str]:
    if views.trail.dialect == "sqlite":
        found = views.trail.rows("SELECT name FROM sqlite_master WHERE type = 'index'")
    else:
        found = views.trail.rows(
            "SELECT indexname AS name FROM pg_indexes WHERE schemaname = ?",
            [views.trail.view.datastore.schema],
        )
    return {r["name"] for r in found}


def test_a_view_another_reader_moved_meanwhile_is_caught_up_not_written_twice(
    db, tmp_path, monkeypatch
):
    every_kind_of_event(db, tmp_path)
    ledger = open_ledger(db)
    try:
        views, reader = Views(ledger), Views(ledger)
        slow = event_by_event(views)
        monkeypatch.setattr(bulk, "BATCH", 10)
        real = bulk.written

        def reader_first(builders: object, after: int, upto: int, *around: object) -> bool:
            if after == 10:
                reader.catch_up()
            return real(builders, after, upto, *around)  # type: ignore[arg-type]

        monkeypatch.setattr(bulk, "written", reader_first)
        views.rebuild()
        assert tables(views) == slow
    finally:
        ledger.close()


def test_ratings_of_one_colour_keep_each_their_own_evidence_after_a_rebuild(db, tmp_path):
    every_kind_of_event(db, tmp_path)
    ledger = open_ledger(db)
    try:
        for on, rating, evidence in [
            ("2019-10-01", "amber", ""),
            ("2019-10-02", "red", "Audit report, p. 4"),
            ("2019-10-03", "amber", "Audit report, p. 4"),
            ("2019-10-04", "red", ""),
            ("2019-10-05", "amber", ""),
        ]:
            ledger.rate_action("hf#2", rating, evidence=evidence, on=on, reason="Board", **CLERK)
        views = Views(ledger)
        slow = event_by_event(views)
        views.rebuild()
        assert tables(views) == slow
        evidence = [json.loads(r)["value"] for r in slow["gl_facts"] if '"attr": "rating"' in r]
        assert '{"evidence":"Audit report, p. 4","rating":"amber"}' in evidence
    finally:
        ledger.close()
