"""The application on a real database: SQLite file and PostgreSQL schema."""

from __future__ import annotations

from datetime import date

import pytest

from ledger.application import open_ledger
from ledger.errors import AlreadyExists, ChangedMeanwhile, InvalidEntry, NotFound, Refused
from ledger.rating import Rating
from tests.conftest import event_count

CLERK = {"actor": "Jo Clerk"}


def set_up_tracker(ledger):
    ledger.register_board("seb", "SEND Executive Board", on="2019-01-10", **CLERK)
    ledger.adopt_tracker("hf-send-2019", "SEND actions", board="seb", on="2019-06-01", **CLERK)
    ledger.add_action(
        "hf-send-2019",
        "15",
        issue="Checks not integrated",
        kloe="1",
        who=["Anita Parkin"],
        on="2019-06-01",
        **CLERK,
    )


def test_a_ledger_reopened_later_gives_the_same_state(ledger, db):
    set_up_tracker(ledger)
    ledger.rate_action("hf-send-2019#15", "red", on="2019-06-12", reason="Minutes", **CLERK)
    ledger.reassign_action(
        "hf-send-2019#15", ["Jan Parnell"], on="2019-07-01", reason="Moved to Early Years", **CLERK
    )
    reopened = open_ledger(db)
    try:
        action = reopened.action("hf-send-2019#15")
        assert action.rating() is Rating.RED
        assert action.lines()[0].owners == ("Jan Parnell",)
        assert action.lines(date(2019, 6, 30))[0].owners == ("Anita Parkin",)
    finally:
        reopened.close()


def test_each_recording_returns_its_subject_and_position(ledger):
    first = ledger.register_board("seb", "SEND Executive Board", on="2019-01-10", **CLERK)
    meeting = ledger.schedule_meeting("seb", "2019-06-12", "June", on="2019-05-01", **CLERK)
    decision = ledger.record_decision(
        "seb",
        "2019-06-12",
        item="SEND",
        text="Noted",
        outcome="noted",
        follow_up="2019-09-10",
        **CLERK,
    )
    action = ledger.raise_minute_action(
        "seb", "2019-06-12", owner="Anita Parkin", text="Update", **CLERK
    )
    done = ledger.complete_minute_action("seb@2019-06-12/A1", on="2019-09-10", **CLERK)
    assert [r.subject for r in (first, meeting, decision, action, done)] == [
        "seb",
        "seb@2019-06-12",
        "seb@2019-06-12/D1",
        "seb@2019-06-12/A1",
        "seb@2019-06-12/A1",
    ]
    positions = [r.positions[0] for r in (first, meeting, decision, action, done)]
    assert positions == sorted(positions) and len(set(positions)) == 5


def test_decisions_and_actions_take_the_meeting_date_by_default(ledger):
    ledger.register_board("seb", "SEB", on="2019-01-10", **CLERK)
    ledger.schedule_meeting("seb", "2019-06-12", on="2019-05-01", **CLERK)
    ledger.record_decision("seb", "2019-06-12", item="SEND", text="Agreed", **CLERK)
    meeting = ledger.meeting("seb", date(2019, 6, 12))
    assert meeting.entries[2].on == date(2019, 6, 12)


def test_text_is_stored_exactly_as_given(ledger):
    set_up_tracker(ledger)
    odd = "Ünïcödé “quotes” 'single'\nnew line\t tab; DROP TABLE stored_events; --  "
    ledger.note_action("hf-send-2019#15", odd, reason=odd, **CLERK)
    action = ledger.action("hf-send-2019#15")
    note = action.live("note")[0]
    assert note.values["text"] == odd and note.reason == odd


def test_two_clerks_changing_one_action_the_second_is_told_to_retry(ledger, db):
    set_up_tracker(ledger)
    other = open_ledger(db)
    try:
        stale = ledger.action("hf-send-2019#15")
        stale.rate(Rating.AMBER, evidence="", actor="Clerk A", on=date(2019, 7, 1), reason="A")
        other.rate_action("hf-send-2019#15", "red", on="2019-07-01", reason="B", actor="Clerk B")
        before = event_count(db)
        with pytest.raises(ChangedMeanwhile, match="changed meanwhile"):
            ledger.store(stale, subject=stale.ref)
        assert event_count(db) == before
        assert ledger.action("hf-send-2019#15").rating() is Rating.RED
    finally:
        other.close()


def test_a_correction_is_a_new_event_and_the_mistake_stays(ledger, db):
    set_up_tracker(ledger)
    rated = ledger.rate_action("hf-send-2019#15", "red", on="2019-06-12", reason="typo", **CLERK)
    ledger.correct(rated.positions[0], {"rating": "amber"}, reason="Minutes say amber", **CLERK)
    assert ledger.action("hf-send-2019#15").rating() is Rating.AMBER
    stored = ledger.recorder.select_notifications(start=None, limit=100)
    topics = [n.topic.rpartition(".")[2] for n in stored]
    assert topics[-2:] == ["RatingChanged", "EntryCorrected"]
    assert b'"red"' in stored[-2].state


def test_a_correction_of_a_correction_is_refused(ledger):
    set_up_tracker(ledger)
    rated = ledger.rate_action("hf-send-2019#15", "red", reason="x", **CLERK)
    fixed = ledger.correct(rated.positions[0], {"rating": "amber"}, reason="y", **CLERK)
    with pytest.raises(Refused, match="correct the original entry"):
        ledger.correct(fixed.positions[0], {"rating": "green"}, reason="z", **CLERK)


@pytest.mark.parametrize(
    ("attempt", "error", "message"),
    [
        (lambda led: led.register_board("seb", "Again", **CLERK), AlreadyExists, "already exists"),
        (
            lambda led: led.rate_action("hf-send-2019#16", "red", reason="x", **CLERK),
            NotFound,
            "did you mean hf-send-2019#15",
        ),
        (
            lambda led: led.rate_action("hf-send-2109#15", "red", reason="x", **CLERK),
            NotFound,
            "did you mean hf-send-2019",
        ),
        (
            lambda led: led.adopt_tracker("t2", "T", board="sbe", **CLERK),
            NotFound,
            "did you mean seb",
        ),
        (
            lambda led: led.rate_action("hf-send-2019#15", "purple", reason="x", **CLERK),
            InvalidEntry,
            "unknown rating 'purple'",
        ),
        (
            lambda led: led.rate_action("hf-send-2019#15", "red", reason=" ", **CLERK),
            InvalidEntry,
            "reason is required",
        ),
        (
            lambda led: led.rate_action(
                "hf-send-2019#15", "red", reason="x", on="2019-13-01", **CLERK
            ),
            InvalidEntry,
            "not a date",
        ),
        (
            lambda led: led.rate_action(
                "hf-send-2019#15", "red", reason="x", on="2999-01-01", **CLERK
            ),
            Refused,
            "lies in the future",
        ),
        (
            lambda led: led.rate_action(
                "hf-send-2019#15", "red", reason="x", on="2019-05-31", **CLERK
            ),
            Refused,
            "before hf-send-2019#15 existed",
        ),
        (
            lambda led: led.rate_action("hf-send-2019#15", "blue", reason="x", **CLERK),
            InvalidEntry,
            "needs evidence",
        ),
        (
            lambda led: led.schedule_meeting("seb", "2018-01-01", **CLERK),
            Refused,
            "before seb existed",
        ),
        (
            lambda led: led.record_decision("seb", "2019-06-13", item="I", text="T", **CLERK),
            NotFound,
            "meeting",
        ),
        (lambda led: led.register_board("s b", "Spaces", **CLERK), InvalidEntry, "board ref"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_written(ledger, db, attempt, error, message):
    set_up_tracker(ledger)
    before = event_count(db)
    with pytest.raises(error, match=message):
        attempt(ledger)
    assert event_count(db) == before


def test_a_rating_repeated_is_refused(ledger, db):
    set_up_tracker(ledger)
    ledger.rate_action("hf-send-2019#15", "red", on="2019-06-12", reason="x", **CLERK)
    before = event_count(db)
    with pytest.raises(Refused, match="already red"):
        ledger.rate_action("hf-send-2019#15", "red", reason="again", **CLERK)
    assert event_count(db) == before


def test_decisions_wait_until_the_meeting_has_happened(ledger):
    ledger.register_board("seb", "SEB", on="2019-01-10", **CLERK)
    ledger.schedule_meeting("seb", "2999-06-12", **CLERK)
    with pytest.raises(Refused, match="has not taken place yet"):
        ledger.record_decision("seb", "2999-06-12", item="I", text="T", **CLERK)


def test_an_action_with_a_long_history_saves_and_reloads(ledger, db):
    set_up_tracker(ledger)
    ratings = ["red", "amber", "green"]
    for n in range(120):
        ledger.rate_action(
            "hf-send-2019#15", ratings[n % 3], on="2019-06-12", reason=f"#{n}", **CLERK
        )
    reopened = open_ledger(db)
    try:
        assert reopened.action("hf-send-2019#15").rating() is Rating(ratings[119 % 3])
        assert reopened.action("hf-send-2019#15").version == 121
    finally:
        reopened.close()
