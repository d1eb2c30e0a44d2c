"""The ledger records whatever minutes draft it is handed: parts, votes, owners, report-backs.

The drafts are built by hand, as a reader would hand them over, so these tests say what the
ledger does with a draft whatever document it came from.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import date
from urllib.parse import parse_qs, urlsplit

import pytest

from ledger.errors import InvalidEntry, NotFound, Refused
from ledger.meeting import Meeting
from ledger.readers.minutes_draft import (
    DraftAction,
    DraftDecision,
    DraftItem,
    MinutesDraft,
    ReportBack,
    Vote,
    When,
)
from tests.conftest import event_count

CLERK = {"actor": "Jo Clerk"}
HELD = date(2022, 1, 10)


def therapies_minutes(meeting_date: date | None = HELD) -> MinutesDraft:
    """Minutes of a panel's meeting: a lettered, voted decision, a noting, an action with two
    owners, and report-backs dated, at the next meeting, at the March one and in due course."""
    resolved = DraftDecision(
        outcome="resolved",
        text="That the Panel:",
        parts=["(a) agree that the therapy redesign proceed;", "(b) note the waiting times."],
        proposer="Cllr Alexandra Sanderson",
        seconder="Cllr Lucy Richardson",
        vote=Vote(
            said="7 for, 2 against, 1 abstention",
            result="carried",
            votes_for=7,
            against=2,
            abstained=1,
            names_against=["Cllr Mark Loveday", "Cllr Adronie Alford"],
        ),
        follow_up=When("the next meeting", None, "next"),
        line=12,
    )
    therapies = DraftItem(
        number="107/20",
        title="Therapies review",
        decisions=[resolved, DraftDecision("noted", "The Panel noted the report.", line=9)],
        actions=[
            DraftAction(
                ["Jan Parnell", "Sam Lee"],
                "Review waiting times for speech therapy",
                When("the March meeting", None, "march"),
                line=20,
            )
        ],
        report_backs=[
            ReportBack("An update on waiting times", When("7 March 2022", date(2022, 3, 7))),
            ReportBack("The Local Offer pages", When("the next meeting", None, "next")),
            ReportBack("The audit of EHCPs", When("the March meeting", None, "march")),
            ReportBack("The final evaluation", When("in due course")),
        ],
    )
    return MinutesDraft(
        "therapies.pdf", "pdf", "Minutes, 10 January 2022", meeting_date, [therapies]
    )


def board_with_meetings(ledger, *days: str, on: str | None = "2019-01-01") -> None:
    ledger.register_board("cepac", "Children and Education PAC", on=on, **CLERK)
    for day in days:
        ledger.schedule_meeting("cepac", day, on="2021-12-01", **CLERK)


def decisions_of(meeting: Meeting) -> list[dict]:
    return [e.values for e in meeting.live("decision")]


def test_a_draft_is_recorded_with_its_meeting_in_one_batch(ledger, db):
    board_with_meetings(ledger, "2022-02-07", "2022-03-14", "2022-04-11")
    before = event_count(db)
    done = ledger.import_minutes("cepac", therapies_minutes(), meeting=None, **CLERK)
    assert [p.ref for p in done.planned if p.status == "new"] == [
        "cepac@2022-01-10",
        *(f"cepac@2022-01-10/D{n}" for n in range(1, 7)),
        "cepac@2022-01-10/A1",
    ]
    assert done.recorded.events[0] == "MeetingScheduled" and len(done.recorded.events) == 8
    assert event_count(db) == before + 8
    decisions = decisions_of(ledger.meeting("cepac", HELD))
    voted = decisions[0]
    assert voted["item"] == "107/20 Therapies review"
    assert voted["parts"] == [
        "(a) agree that the therapy redesign proceed;",
        "(b) note the waiting times.",
    ]
    assert (voted["proposer"], voted["seconder"]) == (
        "Cllr Alexandra Sanderson",
        "Cllr Lucy Richardson",
    )
    assert voted["vote"]["votes_for"] == 7 and voted["vote"]["abstained"] == 1
    assert voted["vote"]["names_against"] == ["Cllr Mark Loveday", "Cllr Adronie Alford"]
    assert (voted["follow_up"], voted["report_back"]) == (date(2022, 2, 7), "the next meeting")
    asked = [(d["outcome"], d["text"], d["follow_up"], d["report_back"]) for d in decisions[2:]]
    assert asked == [
        ("requested", "An update on waiting times", date(2022, 3, 7), "7 March 2022"),
        ("requested", "The Local Offer pages", date(2022, 2, 7), "the next meeting"),
        ("requested", "The audit of EHCPs", date(2022, 3, 14), "the March meeting"),
        ("requested", "The final evaluation", None, "in due course"),
    ]
    action = ledger.meeting("cepac", HELD).live("minute_action")[0].values
    assert action["owner"] == "Jan Parnell / Sam Lee"
    assert (action["due"], action["due_said"]) == (date(2022, 3, 14), "the March meeting")


def test_a_meeting_the_ledger_cannot_find_is_kept_as_an_open_follow_up_with_the_words(ledger):
    board_with_meetings(ledger, "2022-02-07")
    done = ledger.import_minutes("cepac", therapies_minutes(), meeting=None, **CLERK)
    march = next(p for p in done.planned if p.text == "The audit of EHCPs")
    assert march.note == (
        "no meeting of cepac in the ledger matches 'the March meeting'; kept as an open follow-up"
    )
    assert (march.event.follow_up, march.event.report_back) == (None, "the March meeting")
    action = next(p for p in done.planned if p.kind == "action")
    assert (action.event.due, action.event.due_said) == (None, "the March meeting")


def test_the_same_minutes_imported_again_record_nothing(ledger, db):
    board_with_meetings(ledger, "2022-02-07", "2022-03-14")
    ledger.import_minutes("cepac", therapies_minutes(), meeting=None, **CLERK)
    before = event_count(db)
    again = ledger.import_minutes("cepac", therapies_minutes(), meeting=None, **CLERK)
    assert again.recorded is None and again.events == []
    assert [(p.kind, p.status) for p in again.planned] == [
        ("decision", "already recorded"),  # the voted one, with its parts and report-back
        ("decision", "already recorded"),
        *[("report-back", "already recorded")] * 4,  # dated, next, March, in due course
        ("action", "already recorded"),
    ]
    assert event_count(db) == before


@contextmanager
def interrupted_at(db: str, event: str) -> Iterator[None]:
    """The database fails to store ``event`` (as a full disk or a lost connection would
    fail a write part-way through), until the block ends: on SQLite the trigger writes to a
    table that is not there, on PostgreSQL it raises."""
    topic = f"govledger:Meeting.{event}"
    if not db.startswith("postgresql://"):
        with closing(sqlite3.connect(db)) as conn, conn:
            conn.execute(
                "CREATE TRIGGER interrupted BEFORE INSERT ON stored_events "
                f"WHEN NEW.topic = '{topic}' BEGIN INSERT INTO disk_full VALUES (1); END"
            )
        yield
        with closing(sqlite3.connect(db)) as conn, conn:
            conn.execute("DROP TRIGGER interrupted")
        return
    import psycopg

    url = urlsplit(db)
    schema = parse_qs(url.query)["schema"][0]
    with psycopg.connect(url._replace(query="").geturl(), autocommit=True) as conn:
        conn.execute(
            f'CREATE FUNCTION "{schema}".interrupted() RETURNS trigger LANGUAGE plpgsql AS '
            "$$ BEGIN RAISE EXCEPTION 'disk full'; END $$"
        )
        conn.execute(
            f'CREATE TRIGGER interrupted BEFORE INSERT ON "{schema}".ledger_events FOR EACH ROW '
            f"WHEN (NEW.topic = '{topic}') EXECUTE FUNCTION \"{schema}\".interrupted()"
        )
    yield
    with psycopg.connect(url._replace(query="").geturl(), autocommit=True) as conn:
        conn.execute(f'DROP TRIGGER interrupted ON "{schema}".ledger_events')


def test_an_import_interrupted_at_its_last_event_writes_nothing_and_a_retry_records_it_once(
    ledger, db
):
    board_with_meetings(ledger, "2022-02-07", "2022-03-14")
    before = event_count(db)
    with interrupted_at(db, "MinuteActionRaised"), pytest.raises(Exception, match=r"disk.full"):
        ledger.import_minutes("cepac", therapies_minutes(), meeting=None, **CLERK)
    assert event_count(db) == before  # not the meeting, nor its voted decision, nor a report-back
    with pytest.raises(NotFound):
        ledger.meeting("cepac", HELD)
    done = ledger.import_minutes("cepac", therapies_minutes(), meeting=None, **CLERK)
    assert len(done.recorded.events) == 8 and event_count(db) == before + 8
    again = ledger.import_minutes("cepac", therapies_minutes(), meeting=None, **CLERK)
    assert (again.events, again.already_recorded, event_count(db)) == ([], 7, before + 8)


def test_minutes_imported_again_after_a_correction_are_still_recognised(ledger, db):
    board_with_meetings(ledger, "2022-02-07")
    done = ledger.import_minutes("cepac", therapies_minutes(), meeting=None, **CLERK)
    noted = done.recorded.positions[2]
    ledger.correct(
        noted,
        {"text": "The Panel noted the report as amended."},
        reason="minutes approved",
        **CLERK,
    )
    before = event_count(db)
    again = ledger.import_minutes("cepac", therapies_minutes(), meeting=None, **CLERK)
    assert (again.already_recorded, again.events, event_count(db)) == (7, [], before)


def test_new_entries_in_amended_minutes_are_recorded_beside_the_old_ones(ledger):
    board_with_meetings(ledger, "2022-02-07")
    ledger.import_minutes("cepac", therapies_minutes(), meeting=None, **CLERK)
    amended = therapies_minutes()
    amended.items[0].actions.append(DraftAction(["Bev Sharpe"], "Write to the theatre"))
    again = ledger.import_minutes("cepac", amended, meeting=None, **CLERK)
    assert [ref for ref, _ in again.events] == ["cepac@2022-01-10/A2"]
    assert again.already_recorded == 7


def test_a_dry_run_without_the_meeting_shows_it_and_writes_nothing(ledger, db):
    board_with_meetings(ledger)
    before = event_count(db)
    done = ledger.import_minutes("cepac", therapies_minutes(), meeting=None, dry_run=True, **CLERK)
    assert done.recorded is None and done.needs == []
    assert [type(e).__name__ for _, e in done.events][:2] == [
        "MeetingScheduled",
        "DecisionRecorded",
    ]
    assert event_count(db) == before
    with pytest.raises(NotFound, match="no meeting 'cepac@2022-01-10'"):
        ledger.meeting("cepac", HELD)


def test_a_dry_run_without_the_board_says_to_register_it_and_writes_nothing(ledger, db):
    before = event_count(db)
    done = ledger.import_minutes("cepac", therapies_minutes(), meeting=None, dry_run=True, **CLERK)
    assert done.needs == [
        "the board cepac is not in the ledger; register the board first: "
        'govledger board add cepac "FULL NAME"'
    ]
    assert len(done.events) == 8
    assert event_count(db) == before
    with pytest.raises(NotFound, match="no board 'cepac'"):
        ledger.import_minutes("cepac", therapies_minutes(), meeting=None, **CLERK)
    assert event_count(db) == before


def test_a_board_registered_without_a_date_takes_its_2021_minutes(ledger):
    ledger.register_board("cepac", "Children and Education PAC", **CLERK)
    assert ledger.board("cepac").established is None
    ledger.schedule_meeting("cepac", "2021-07-12", **CLERK)
    done = ledger.import_minutes(
        "cepac", therapies_minutes(None), meeting=date(2021, 6, 14), **CLERK
    )
    assert done.recorded.subject == "cepac@2021-06-14"
    assert decisions_of(ledger.meeting("cepac", date(2021, 6, 14)))[0]["follow_up"] == date(
        2021, 7, 12
    )


def test_a_board_registered_from_a_date_still_refuses_meetings_before_it(ledger, db):
    ledger.register_board("cepac", "Children and Education PAC", on="2022-01-01", **CLERK)
    assert ledger.board("cepac").established == date(2022, 1, 1)
    before = event_count(db)
    with pytest.raises(Refused, match="before cepac existed"):
        ledger.import_minutes("cepac", therapies_minutes(), meeting=date(2021, 6, 14), **CLERK)
    with pytest.raises(Refused, match="before cepac existed"):
        ledger.schedule_meeting("cepac", "2021-06-14", **CLERK)
    dry = ledger.import_minutes(
        "cepac", therapies_minutes(), meeting=date(2021, 6, 14), dry_run=True, **CLERK
    )
    assert "before cepac existed" in dry.needs[0]
    assert event_count(db) == before


@pytest.mark.parametrize(
    ("change", "error", "message"),
    [
        (
            lambda d: setattr(d, "meeting_date", None),
            InvalidEntry,
            "therapies.pdf does not say when the meeting was held; give --meeting YYYY-MM-DD",
        ),
        (
            lambda d: setattr(d, "meeting_date", date(2999, 1, 1)),
            Refused,
            "the meeting on 2999-01-01 has not taken place yet",
        ),
        (
            lambda d: setattr(d, "items", [DraftItem("4", "Apologies")]),
            InvalidEntry,
            "therapies.pdf: no decisions, minute actions or report-backs were found",
        ),
        (
            lambda d: d.items[0].decisions.append(DraftDecision("adjourned", "Until 3pm", line=40)),
            InvalidEntry,
            "therapies.pdf, line 40: unknown outcome 'adjourned'",
        ),
        (
            lambda d: d.items.append(
                DraftItem("108/20", "Close", [DraftDecision("adjourned", "Until 3pm", line=90)])
            ),
            InvalidEntry,
            "therapies.pdf, line 90: unknown outcome 'adjourned'",
        ),
    ],
)
def test_minutes_the_ledger_cannot_record_are_refused_and_nothing_is_written(
    ledger, db, change, error, message
):
    board_with_meetings(ledger, "2022-02-07")
    draft = therapies_minutes()
    change(draft)
    before = event_count(db)
    for dry_run in (False, True):
        with pytest.raises(error, match=message):
            ledger.import_minutes("cepac", draft, meeting=None, dry_run=dry_run, **CLERK)
    assert event_count(db) == before


def test_a_decision_with_no_words_beyond_its_title_is_never_recorded(ledger):
    board_with_meetings(ledger)
    draft = therapies_minutes()
    draft.items[0].decisions = [
        DraftDecision("resolved", "Therapies review."),
        DraftDecision("agreed", "  "),
        DraftDecision("noted", "The Panel noted the report."),
    ]
    done = ledger.import_minutes("cepac", draft, meeting=None, **CLERK)
    skipped = [p for p in done.planned if p.status == "not recorded"]
    assert [p.note for p in skipped] == [
        "not recorded: it has no words beyond its item's title"
    ] * 2
    texts = [d["text"] for d in decisions_of(ledger.meeting("cepac", HELD))]
    assert "Therapies review." not in texts and "The Panel noted the report." in texts


def test_an_action_naming_nobody_is_left_to_the_clerk_and_one_without_words_owes_its_item(
    ledger,
):
    board_with_meetings(ledger)
    draft = therapies_minutes()
    draft.items[0].actions = [
        DraftAction([], "Write to the theatre"),
        DraftAction([" Bev Sharpe ", ""], ""),
    ]
    done = ledger.import_minutes("cepac", draft, meeting=None, **CLERK)
    nobody, owed = [p for p in done.planned if p.kind == "action"]
    assert (nobody.status, nobody.note) == (
        "not recorded",
        "not recorded: it names no owner; add it with govledger minute-action add",
    )
    assert (owed.ref, owed.event.owner, owed.event.text) == (
        "cepac@2022-01-10/A1",
        "Bev Sharpe",
        "107/20 Therapies review",
    )


def test_a_follow_up_dated_on_or_before_the_meeting_is_kept_open_with_its_words(ledger):
    board_with_meetings(ledger, "2022-02-07")
    draft = therapies_minutes()
    draft.items[0].report_backs = [ReportBack("The budget", When("10 January 2022", HELD))]
    done = ledger.import_minutes("cepac", draft, meeting=None, **CLERK)
    asked = next(p for p in done.planned if p.kind == "report-back")
    assert (asked.event.follow_up, asked.event.report_back) == (None, "10 January 2022")
    assert asked.note == "'10 January 2022' is not after the meeting; kept as an open follow-up"


def test_the_readers_note_that_the_minutes_give_no_date_is_dropped_when_the_clerk_gives_one(
    ledger,
):
    board_with_meetings(ledger)
    draft = therapies_minutes(None)
    draft.notes = ["the minutes do not say when the meeting was held", "page 3 is blank"]
    done = ledger.import_minutes("cepac", draft, meeting=HELD, dry_run=True, **CLERK)
    assert done.notes == ["page 3 is blank"]


def test_a_meeting_given_by_the_clerk_wins_over_the_date_the_minutes_give(ledger):
    board_with_meetings(ledger)
    done = ledger.import_minutes("cepac", therapies_minutes(), meeting=date(2022, 1, 11), **CLERK)
    assert done.recorded.subject == "cepac@2022-01-11"
    assert done.notes[0] == (
        "the minutes say the meeting was held on 2022-01-10; recorded for 2022-01-11, as given"
    )
