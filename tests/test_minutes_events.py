"""Minutes' events as the domain keeps them: every outcome word, the meeting "the next
meeting" names, a board's unknown start, and events stored before version 2 still loading."""

from __future__ import annotations

import json
from datetime import date

import pytest
from eventsourcing.persistence import StoredEvent

from commands.decision import OUTCOMES
from ledger.board import Board
from ledger.errors import Refused
from ledger.meeting import Outcome
from ledger.readers.minutes_draft import DraftItem, ReportBack, When
from ledger.report_backs import meeting_named
from projections.board_history import due, history
from projections.views import Views
from tests.test_minutes_recording import CLERK, HELD, board_with_meetings, therapies_minutes

API_OUTCOMES = list(OUTCOMES)  # the words the CLI offers and the readers give


def test_every_outcome_a_reader_may_give_is_an_outcome_and_others_are_refused_in_one_line():
    assert [Outcome(word).value for word in API_OUTCOMES] == API_OUTCOMES
    with pytest.raises(ValueError) as refused:
        Outcome("adjourned")
    assert "unknown outcome 'adjourned'; use one of agreed" in str(refused.value)
    assert "\n" not in str(refused.value)


@pytest.mark.parametrize(
    ("relative", "meetings", "meant"),
    [
        ("next", ["2021-11-08", "2022-01-10", "2022-02-07", "2022-03-14"], "2022-02-07"),
        ("march", ["2022-02-07", "2022-03-14", "2022-03-28"], "2022-03-14"),
        ("january", ["2022-01-24", "2023-01-09"], "2022-01-24"),
        ("january", ["2023-01-16"], None),
        ("next", ["2021-12-06"], None),
        ("", ["2022-02-07"], None),
    ],
)
def test_the_meeting_minutes_name_is_found_among_the_boards_meetings(relative, meetings, meant):
    days = [date.fromisoformat(m) for m in meetings]
    found = meeting_named(relative, HELD, days)
    assert found == (date.fromisoformat(meant) if meant else None)


def test_a_board_registered_without_a_date_refuses_no_earlier_day_until_one_is_given():
    unknown = Board.register(
        "cepac", "CEPAC", on=date(2025, 5, 1), reason="", start_known=False, **CLERK
    )
    unknown.check_exists_by(date(2001, 1, 1))
    known = Board.register("seb", "SEB", on=date(2019, 1, 10), reason="", **CLERK)
    with pytest.raises(Refused, match="before seb existed"):
        known.check_exists_by(date(2019, 1, 9))
    unknown.correct(
        1, position=1, values={}, effective=date(2020, 9, 1), void=False, on=date(2025, 5, 2),
        reason="its constitution", **CLERK,
    )  # fmt: skip
    assert unknown.established == date(2020, 9, 1)
    with pytest.raises(Refused, match="before cepac existed"):
        unknown.check_exists_by(date(2020, 8, 31))


# -- events stored before version 2 ------------------------------------------------------


def store_as_version_1(ledger, record, dropped: tuple[str, ...]) -> None:
    """Store the record's new events as the code before version 2 did: without the fields
    version 2 added and without a class_version."""
    stored = []
    for event in record.collect_events():
        new = ledger.mapper.to_stored_event(event)
        state = json.loads(new.state)
        for key in ("class_version", *dropped):
            state.pop(key, None)
        stored.append(
            StoredEvent(
                new.originator_id, new.originator_version, new.topic, json.dumps(state).encode()
            )
        )
    ledger.recorder.insert_events(stored)


def test_events_stored_before_version_2_still_load_and_read(ledger):
    board = Board.register("seb", "SEND Executive Board", on=date(2019, 1, 10), reason="", **CLERK)
    store_as_version_1(ledger, board, ("established",))
    ledger.schedule_meeting("seb", "2019-06-12", on="2019-05-01", **CLERK)
    meeting = ledger.meeting("seb", date(2019, 6, 12))
    meeting.record_decision(
        item="SEND",
        text="Public Health to update the next meeting",
        outcome=Outcome.NOTED,
        follow_up=date(2019, 9, 10),
        on=date(2019, 6, 12),
        reason="",
        **CLERK,
    )
    meeting.raise_action(
        owner="Anita Parkin", text="Update", due=None, on=date(2019, 6, 12), reason="", **CLERK
    )
    store_as_version_1(
        ledger, meeting, ("parts", "proposer", "seconder", "vote", "report_back", "due_said")
    )

    assert ledger.board("seb").established == date(2019, 1, 10)
    with pytest.raises(Refused, match="before seb existed"):
        ledger.schedule_meeting("seb", "2018-12-01", **CLERK)
    loaded = ledger.meeting("seb", date(2019, 6, 12))
    decision = loaded.live("decision")[0].values
    assert (decision["parts"], decision["vote"], decision["report_back"]) == ([], None, "")
    assert loaded.live("minute_action")[0].values["due_said"] == ""

    views = Views(ledger)
    views.catch_up()
    told = history(views, "seb", None, None, date(2019, 7, 1))
    assert [r["status"] for r in told if r["kind"] == "decision"] == ["follow-up 2019-09-10"]


def test_a_board_view_built_before_version_2_still_reads(ledger):
    board_with_meetings(ledger, "2022-02-07")
    ledger.import_minutes("cepac", therapies_minutes(), meeting=None, **CLERK)
    views = Views(ledger)
    views.catch_up()
    from projections.view import Writer, dumps

    with views.trail.view.datastore.transaction(commit=True) as curs:
        w = Writer(views.trail.view, curs)
        for row in w.all("SELECT position, current FROM gl_trail"):
            current = json.loads(row["current"])
            for key in ("parts", "proposer", "seconder", "vote", "report_back", "due_said"):
                current.pop(key, None)
            w.run("UPDATE gl_trail SET current=? WHERE position=?", dumps(current), row["position"])
    told = history(views, "cepac", None, None, date(2022, 1, 31))
    statuses = {r["what"]: r["status"] for r in told if r["kind"] == "decision"}
    assert statuses["REQUESTED: 107/20 Therapies review: The final evaluation"] == ""
    assert any(r["kind"] == "minute action" for r in due(views, "cepac", date(2022, 1, 31)))


def test_due_lists_what_falls_by_the_next_meeting_then_what_is_owed_with_no_date(ledger):
    board_with_meetings(ledger, "2022-02-07", "2022-03-14")
    ledger.import_minutes("cepac", therapies_minutes(), meeting=None, **CLERK)
    ledger.raise_minute_action(
        "cepac", HELD, owner="Bev Sharpe", text="Write to the theatre", **CLERK
    )
    views = Views(ledger)
    views.catch_up()

    def listed(today: str) -> list[tuple[str, str, str]]:
        rows = due(views, "cepac", date.fromisoformat(today))
        return [(r["ref"].rpartition("/")[2], r["status"], r["due"]) for r in rows]

    assert listed("2022-02-20") == [
        ("D1", "overdue", "2022-02-07"),  # "the next meeting", past and not closed
        ("D4", "overdue", "2022-02-07"),
        ("D3", "due", "2022-03-07"),  # "7 March 2022"
        ("A1", "due", "2022-03-14"),  # "the March meeting"
        ("A2", "due", "2022-03-14"),  # no date: due by the next meeting
        ("D5", "due", "2022-03-14"),
        ("D6", "open", ""),  # "in due course"
    ]
    assert listed("2022-04-01") == [  # a follow-up stays until it is closed
        ("D1", "overdue", "2022-02-07"),
        ("D4", "overdue", "2022-02-07"),
        ("D3", "overdue", "2022-03-07"),
        ("A1", "overdue", "2022-03-14"),
        ("D5", "overdue", "2022-03-14"),
        ("A2", "open", ""),  # no date, and no meeting ahead to bring it to
        ("D6", "open", ""),
    ]


def test_minutes_without_item_headings_read_as_their_words_in_due_and_history(ledger):
    board_with_meetings(ledger)
    draft = therapies_minutes()
    draft.items = [
        DraftItem("", "", report_backs=[ReportBack("Most common MRI protocols", When("later"))])
    ]
    ledger.import_minutes("cepac", draft, meeting=None, **CLERK)
    views = Views(ledger)
    views.catch_up()
    assert [r["what"] for r in due(views, "cepac", date(2022, 2, 1))] == [
        "Most common MRI protocols (report back: later)"
    ]
    told = history(views, "cepac", None, None, date(2022, 2, 1))
    assert [r["what"] for r in told if r["kind"] == "decision"] == [
        "REQUESTED: Most common MRI protocols"
    ]
