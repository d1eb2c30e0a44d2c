"""Key decisions and call-in in the ledger itself (application level, on a real SQLite file
and PostgreSQL): the board's period in effect on the day a decision is published, a late
call-in refused with nothing written, and `due` read from the stored views."""

from __future__ import annotations

from datetime import date

import pytest

from ledger.errors import InvalidEntry, Refused
from projections.board_history import due
from projections.views import Views
from tests.conftest import event_count

BUDGET = "cab@2019-06-12/D1"


def test_a_key_decision_takes_the_period_in_effect_on_the_day_it_is_published(ledger):
    ledger.today = lambda: date(2019, 12, 20)
    ledger.register_board("cab", "Cabinet", actor="Jo Clerk", on="2019-01-10", call_in_days=5)
    ledger.set_call_in_period(
        "cab", 3, nation="wales", actor="Jo Clerk", on="2019-09-01", reason="New constitution"
    )
    for held in ("2019-06-12", "2019-12-18"):
        ledger.schedule_meeting("cab", held, actor="Jo Clerk", on="2019-01-10")
        ledger.record_decision(
            "cab", held, item="Budget", text="Approved", key_decision=True, actor="Jo Clerk"
        )
    june = ledger.call_in_of("cab@2019-06-12/D1")[1]
    december = ledger.call_in_of("cab@2019-12-18/D1")[1]
    assert (june.days, june.nation, june.closes) == (5, "england", date(2019, 6, 19))
    assert (december.days, december.nation, december.closes) == (3, "wales", date(2019, 12, 23))


def test_the_ledger_refuses_a_late_call_in_and_keeps_the_log_as_it_was(ledger, db):
    ledger.today = lambda: date(2019, 6, 24)
    ledger.register_board("cab", "Cabinet", actor="Jo Clerk", on="2019-01-10", call_in_days=5)
    ledger.schedule_meeting("cab", "2019-06-12", actor="Jo Clerk", on="2019-01-10")
    ledger.record_decision(
        "cab", "2019-06-12", item="Budget", text="Approved", key_decision=True, actor="Jo Clerk"
    )
    before = event_count(db)
    with pytest.raises(Refused, match="closed on 2019-06-19"):
        ledger.call_in_decision(
            BUDGET, members=["Cllr Ann Lee"], actor="Jo Clerk", on="2019-06-20", reason="Late"
        )
    assert event_count(db) == before


def test_due_lists_the_period_and_then_the_call_in_from_the_stored_views(ledger):
    ledger.today = lambda: date(2019, 6, 17)
    ledger.register_board("cab", "Cabinet", actor="Jo Clerk", on="2019-01-10", call_in_days=5)
    ledger.schedule_meeting("cab", "2019-06-12", actor="Jo Clerk", on="2019-01-10")
    ledger.schedule_meeting("cab", "2019-07-10", actor="Jo Clerk", on="2019-01-10")
    ledger.record_decision(
        "cab", "2019-06-12", item="Budget", text="Approved", key_decision=True, actor="Jo Clerk"
    )
    views = Views(ledger)
    views.catch_up()
    [row] = due(views, "cab", date(2019, 6, 17))
    assert (row["status"], row["due"], row["next_meeting"]) == (
        "call-in",
        "2019-06-19",
        "2019-07-10",
    )
    assert "2 working days left" in row["what"]
    ledger.call_in_decision(
        BUDGET, members=["Cllr Ann Lee"], actor="Jo Clerk", reason="Parents not consulted"
    )
    views.catch_up()
    [row] = due(views, "cab", date(2019, 6, 17))
    assert row["status"] == "called in"
    assert "called in by Cllr Ann Lee on 2019-06-17 (Parents not consulted)" in row["what"]


def test_a_period_set_later_is_named_when_an_earlier_key_decision_is_refused(ledger, db):
    ledger.today = lambda: date(2019, 6, 14)
    ledger.register_board("cab", "Cabinet", actor="Jo Clerk", on="2019-01-10")
    ledger.set_call_in_period("cab", 5, actor="Jo Clerk", on="2019-06-13")
    ledger.schedule_meeting("cab", "2019-06-12", actor="Jo Clerk", on="2019-01-10")
    before = event_count(db)
    with pytest.raises(Refused, match=r"in effect on 2019-06-12 \(it has one from 2019-06-13\)"):
        ledger.record_decision(
            "cab", "2019-06-12", item="Budget", text="Approved", key_decision=True, actor="Jo"
        )
    assert event_count(db) == before


def test_a_board_whose_constitution_exempts_its_decisions_records_them_free_of_call_in(ledger):
    ledger.today = lambda: date(2019, 6, 14)
    ledger.register_board("cab", "Cabinet", actor="Jo Clerk", on="2019-01-10", call_in_days=0)
    ledger.schedule_meeting("cab", "2019-06-12", actor="Jo Clerk", on="2019-01-10")
    ledger.record_decision(
        "cab", "2019-06-12", item="Budget", text="Approved", key_decision=True, actor="Jo Clerk"
    )
    assert ledger.call_in_of(BUDGET) == (True, None)
    with pytest.raises(Refused, match="is not subject to call-in"):
        ledger.call_in_decision(BUDGET, members=["Cllr Ann Lee"], actor="Jo Clerk", reason="x")


def test_a_member_named_twice_in_one_call_in_is_refused_with_nothing_written(ledger, db):
    ledger.today = lambda: date(2019, 6, 14)
    ledger.register_board("cab", "Cabinet", actor="Jo Clerk", on="2019-01-10", call_in_days=5)
    ledger.schedule_meeting("cab", "2019-06-12", actor="Jo Clerk", on="2019-01-10")
    ledger.record_decision(
        "cab", "2019-06-12", item="Budget", text="Approved", key_decision=True, actor="Jo Clerk"
    )
    before = event_count(db)
    with pytest.raises(InvalidEntry, match="cllr ann lee is named twice"):
        ledger.call_in_decision(
            BUDGET, members=["Cllr Ann Lee", " cllr  ann lee"], actor="Jo Clerk", reason="x"
        )
    assert event_count(db) == before
    ledger.call_in_decision(BUDGET, members=["Cllr  Ann Lee "], actor="Jo Clerk", reason="x")
    views = Views(ledger)
    views.catch_up()
    [row] = due(views, "cab", date(2019, 6, 14))
    assert "called in by Cllr Ann Lee on 2019-06-14" in row["what"]
