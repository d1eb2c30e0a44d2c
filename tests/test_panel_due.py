"""What the panel is owed stays in `due` until closed, with how late it is; dated tracker
timescales fall due too; first ratings are new; a reversed period is refused."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from ledger.meeting import Meeting
from projections.timescales import due_on
from projections.views import Views
from tests.test_panel import ago, rows_of, set_up, today


def uk(days_ago: int) -> str:
    return (today() - timedelta(days=days_ago)).strftime("%d/%m/%Y")


def with_follow_up(clerk) -> str:
    """The board asked, 30 days ago, to hear back 10 days ago; returns the decision's ref."""
    set_up(clerk)
    clerk.ok(
        "decision", "record", "seb", "--meeting", ago(30), "--item", "Therapies",
        "--text", "Waiting times to come back", "--follow-up", ago(10),
    )  # fmt: skip
    return f"seb@{ago(30)}/D1"


def test_panel_sees_a_follow_up_overdue_until_the_clerk_closes_it(clerk):
    ref = with_follow_up(clerk)
    owed = next(d for d in rows_of(clerk, "due") if d["ref"] == ref)
    assert (owed["status"], owed["days_overdue"], owed["kind"]) == ("overdue", 10, "follow-up")
    assert "days overdue" in clerk.ok("due").output.splitlines()[0]
    done = clerk.ok(
        "decision", "follow-up", "done", ref, "--on", ago(2), "--reason", "Update heard, min 12"
    )
    assert f"Recorded FollowUpClosed for {ref}" in done.output
    assert ref not in [d["ref"] for d in rows_of(clerk, "due")]
    told = next(r for r in rows_of(clerk, "board", "history", "seb") if r["ref"] == ref)
    assert told["status"] == f"follow-up {ago(10)}, closed {ago(2)}"


def test_a_closing_voided_by_correction_puts_the_follow_up_back(clerk):
    ref = with_follow_up(clerk)
    clerk.ok("decision", "follow-up", "done", ref, "--reason", "Heard")
    position = rows_of(clerk, "log")[-1]["position"]
    clerk.ok("correct", str(position), "--void", "--reason", "Closed the wrong item")
    assert ref in [d["ref"] for d in rows_of(clerk, "due")]


@pytest.mark.parametrize(
    ("args", "code", "says"),
    [
        (["--reason", "Heard"], 1, "already closed"),
        ([], 2, "reason"),
        (["--reason", "Heard", "--on", ago(40)], 1, "before the meeting"),
    ],
)
def test_clerk_is_told_plainly_when_a_follow_up_cannot_be_closed(clerk, args, code, says):
    ref = with_follow_up(clerk)
    if says == "already closed":
        clerk.ok("decision", "follow-up", "done", ref, "--reason", "Heard")
    result = clerk("decision", "follow-up", "done", ref, *args)
    assert result.exit_code == code and says in result.output, result.output
    assert len(result.output.strip().splitlines()) == 1 and "Traceback" not in result.output


def test_a_decision_that_asked_nothing_has_no_follow_up_to_close(clerk):
    set_up(clerk)
    clerk.ok("decision", "record", "seb", "--meeting", ago(30), "--item", "A", "--text", "Noted")
    result = clerk("decision", "follow-up", "done", f"seb@{ago(30)}/D1", "--reason", "x")
    assert result.exit_code == 1 and "asked for no follow-up" in result.output
    result = clerk("decision", "follow-up", "done", f"seb@{ago(30)}/D7", "--reason", "x")
    assert result.exit_code == 1 and "it has: D1" in result.output


def test_a_follow_up_closing_is_an_event_with_who_when_and_why(ledger):
    ledger.register_board("seb", "SEND board", actor="Jo", on=date(2019, 1, 1))
    ledger.schedule_meeting("seb", date(2019, 6, 12), actor="Jo", on=date(2019, 6, 1))
    ledger.record_decision(
        "seb", date(2019, 6, 12), item="SEND", text="Update", follow_up=date(2019, 9, 10),
        actor="Jo",
    )  # fmt: skip
    recorded = ledger.close_follow_up(
        "seb@2019-06-12/D1", actor="Sam", on=date(2019, 9, 10), reason="Update heard"
    )
    assert recorded.events == ["FollowUpClosed"]
    event = ledger.mapper.to_domain_event(ledger.notification_at(recorded.positions[0]))
    assert type(event).TOPIC == "govledger:Meeting.FollowUpClosed"
    assert (event.actor, event.on, event.reason, event.number) == (
        "Sam",
        date(2019, 9, 10),
        "Update heard",
        1,
    )
    meeting = ledger.meeting("seb", date(2019, 6, 12))
    assert [e.kind for e in meeting.live("follow_up_closed")] == ["follow_up_closed"]
    views = Views(ledger)
    views.catch_up()
    assert views.trail.closed_follow_ups("seb") == {"seb@2019-06-12/D1": "2019-09-10"}
    assert Meeting.FollowUpClosed.__doc__


def test_minute_actions_overdue_say_by_how_many_days(clerk):
    set_up(clerk)
    clerk.ok(
        "minute-action", "add", "seb", "--meeting", ago(60), "--owner", "Anita Parkin",
        "--text", "Public Health update", "--due", ago(30),
    )  # fmt: skip
    (owed,) = [d for d in rows_of(clerk, "due") if d["kind"] == "minute action"]
    assert (owed["status"], owed["days_overdue"]) == ("overdue", 30)


def test_tracker_actions_with_a_dated_timescale_fall_due_like_minute_actions(clerk):
    set_up(clerk)
    for no, timescale in (("4", uk(5)), ("5", "Q2"), ("6", uk(3)), ("7", "Q4 2099/00")):
        clerk.ok("action", "add", "wsoa", no, "--issue", f"Issue {no}", "--who", "Kim Lo",
                 "--timescale", timescale, "--on", ago(90))  # fmt: skip
    clerk.ok("action", "rate", "wsoa#6", "blue", "--evidence", "Report", "--reason", "Done")
    owed = [d for d in rows_of(clerk, "due", "--board", "seb") if d["kind"] == "tracker action"]
    assert [(d["ref"], d["status"], d["days_overdue"], d["due"]) for d in owed] == [
        ("wsoa#4", "overdue", 5, ago(5))
    ]
    assert owed[0]["what"] == f"Issue 4 (timescale: {uk(5)})" and owed[0]["owner"] == "Kim Lo"


def test_a_dated_timescale_by_the_next_meeting_is_due(clerk):
    set_up(clerk)  # the board's next meeting is 30 days ahead
    soon = (today() + timedelta(days=20)).strftime("%d/%m/%Y")
    clerk.ok("action", "add", "wsoa", "4", "--issue", "Soon", "--timescale", soon, "--on", ago(90))
    owed = [d for d in rows_of(clerk, "due") if d["kind"] == "tracker action"]
    assert [(d["status"], d["days_overdue"]) for d in owed] == [("due", None)]


@pytest.mark.parametrize(
    ("words", "day"),
    [
        ("31/03/2020", date(2020, 3, 31)),
        ("31/3/26", date(2026, 3, 31)),
        ("March 2021", date(2021, 3, 31)),
        ("by end of Feb 2024", date(2024, 2, 29)),
        ("Q4 2020/21", date(2021, 3, 31)),
        ("Q1 2021-22", date(2021, 6, 30)),
        ("26/4/19 (CQG)", date(2019, 4, 26)),
        ("during 2019/20. Clear plan agreed by end of Q1.", date(2020, 3, 31)),
        ("Q2", None),
        ("end of Q1", None),
        ("Q3 2020", None),
        ("Timescale dependent on commissioning model agreed", None),
        ("31/02/2020", None),
    ],
)
def test_a_timescale_is_due_on_the_day_its_words_name(words, day):
    assert due_on(words) == day


def test_changes_call_a_first_rating_new_not_up(clerk):
    set_up(clerk)
    moved = rows_of(clerk, "changes", "wsoa", "--from", ago(90))["changes"]
    first = [(c["ref"], c["change"]) for c in moved if c["from"] == "unrated"]
    assert first == [("wsoa#1", "new: red"), ("wsoa#2", "new: green")]
    assert ("wsoa#1", "rating up") in [(c["ref"], c["change"]) for c in moved]


@pytest.mark.parametrize(
    "args",
    [
        ["changes", "wsoa", "--from", ago(10), "--to", ago(20)],
        ["changes", "wsoa", "--from", ago(10), "--to", ago(10)],
        ["changes", "wsoa", "--from", (today() + timedelta(days=1)).isoformat()],
        ["board", "history", "seb", "--from", ago(10), "--to", ago(20)],
    ],
)
def test_a_reversed_or_empty_period_is_refused_in_one_line(clerk, args):
    set_up(clerk)
    result = clerk(*args)
    assert result.exit_code == 2, result.output
    assert len(result.output.strip().splitlines()) == 1 and "--from" in result.output
    assert "Nothing moved" not in result.output
