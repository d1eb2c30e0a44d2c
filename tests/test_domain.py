"""The domain alone: actions, meetings and corrections, with no storage."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ledger.action import Action, ActionLine
from ledger.errors import InvalidEntry, Refused
from ledger.meeting import Meeting, Outcome
from ledger.rating import Rating
from ledger.refs import ActionRef, ItemRef, action_number

START = date(2019, 6, 1)
WHO = {"actor": "Jo Clerk", "reason": "minutes"}


def action_15() -> Action:
    line = ActionLine("A pilot took place in January.", "", ("Anita Parkin",), "Q2")
    return Action.add(
        ActionRef("hf-send-2019", "15"),
        issue="Checks not integrated",
        kloe=[1],
        theme="Identification",
        line=line,
        on=START,
        **WHO,
    )


def test_panel_sees_the_rating_in_effect_on_each_day():
    action = action_15()
    action.rate(Rating.GREEN, evidence="", on=date(2019, 7, 1), **WHO)
    action.rate(Rating.RED, evidence="", on=date(2019, 9, 1), **WHO)
    assert action.rating(date(2019, 6, 30)) is None
    assert action.rating(date(2019, 8, 1)) is Rating.GREEN
    assert action.rating() is Rating.RED


def test_a_backdated_rating_lands_on_its_effective_day_not_at_the_end():
    action = action_15()
    action.rate(Rating.AMBER, evidence="", on=date(2019, 9, 1), **WHO)
    action.rate(Rating.RED, evidence="", on=date(2019, 7, 1), **WHO)  # recorded late
    assert action.rating() is Rating.AMBER
    assert action.rating(date(2019, 8, 1)) is Rating.RED


def test_rating_to_the_rating_in_effect_is_refused():
    action = action_15()
    action.rate(Rating.RED, evidence="", on=date(2019, 7, 1), **WHO)
    with pytest.raises(Refused, match="already red"):
        action.rate(Rating.RED, evidence="", on=date(2019, 7, 2), **WHO)
    assert action.version == 2


def test_blue_needs_evidence_and_reopening_needs_blue():
    action = action_15()
    with pytest.raises(InvalidEntry, match="needs evidence"):
        action.rate(Rating.BLUE, evidence=" ", on=date(2019, 7, 1), **WHO)
    with pytest.raises(Refused, match="not completed"):
        action.reopen(Rating.AMBER, on=date(2019, 7, 1), **WHO)
    action.rate(Rating.BLUE, evidence="Audit report 7/19", on=date(2019, 7, 1), **WHO)
    action.reopen(Rating.RED, on=date(2019, 8, 1), **WHO)
    assert action.rating() is Rating.RED


def test_a_change_dated_before_the_action_existed_is_refused():
    action = action_15()
    with pytest.raises(Refused, match="before hf-send-2019#15 existed"):
        action.rate(Rating.RED, evidence="", on=START - timedelta(days=1), **WHO)


def test_lines_keep_their_order_and_their_own_owners():
    action = action_15()
    action.add_line(ActionLine("Workshops", "", ("Corina Christos",), "End Q1"), on=START, **WHO)
    with pytest.raises(InvalidEntry, match="say which with --line"):
        action.reassign(["Jan Parnell"], line=None, on=date(2019, 7, 1), **WHO)
    action.reassign(["Jan Parnell"], line=2, on=date(2019, 7, 1), **WHO)
    lines = action.lines()
    assert [line.owners for line in lines] == [("Anita Parkin",), ("Jan Parnell",)]
    assert action.lines(date(2019, 6, 30))[1].owners == ("Corina Christos",)


def test_a_correction_changes_what_the_entry_says_and_keeps_both():
    action = action_15()
    action.rate(Rating.RED, evidence="", on=date(2019, 7, 1), **WHO)
    action.correct(
        2,
        position=7,
        values={"rating": "amber"},
        effective=None,
        void=False,
        on=date(2019, 7, 5),
        **WHO,
    )
    assert action.rating() is Rating.AMBER
    assert [type(e).__name__ for e in action.collect_events()] == [
        "ActionAdded",
        "RatingChanged",
        "EntryCorrected",
    ]
    assert action.entries[2].corrections == [3]


def test_a_voided_entry_no_longer_counts():
    action = action_15()
    action.rate(Rating.GREEN, evidence="", on=date(2019, 7, 1), **WHO)
    action.rate(Rating.RED, evidence="", on=date(2019, 8, 1), **WHO)
    action.correct(3, position=9, values={}, effective=None, void=True, on=date(2019, 8, 2), **WHO)
    assert action.rating() is Rating.GREEN


def test_corrections_are_checked_against_the_rules():
    action = action_15()
    action.rate(Rating.RED, evidence="", on=date(2019, 7, 1), **WHO)
    with pytest.raises(InvalidEntry, match="needs evidence"):
        action.correct(
            2,
            position=5,
            values={"rating": "blue"},
            effective=None,
            void=False,
            on=date(2019, 7, 5),
            **WHO,
        )
    with pytest.raises(InvalidEntry, match="no timescale"):
        action.correct(
            2,
            position=5,
            values={"timescale": "Q3"},
            effective=None,
            void=False,
            on=date(2019, 7, 5),
            **WHO,
        )
    with pytest.raises(Refused, match="cannot be voided"):
        action.correct(
            1, position=4, values={}, effective=None, void=True, on=date(2019, 7, 5), **WHO
        )
    with pytest.raises(Refused, match="before"):
        action.correct(
            2,
            position=5,
            values={},
            effective=date(2019, 1, 1),
            void=False,
            on=date(2019, 7, 5),
            **WHO,
        )
    assert action.version == 2


def test_meeting_numbers_decisions_and_minute_actions():
    meeting = Meeting.schedule("seb", date(2019, 6, 12), "", on=START, **WHO)
    first = meeting.record_decision(
        item="SEND",
        text="Noted",
        outcome=Outcome.NOTED,
        follow_up=date(2019, 9, 10),
        on=date(2019, 6, 12),
        **WHO,
    )
    second = meeting.record_decision(
        item="SEND",
        text="Agreed",
        outcome=Outcome.AGREED,
        follow_up=None,
        on=date(2019, 6, 12),
        **WHO,
    )
    action = meeting.raise_action(
        owner="Anita Parkin", text="Update", due=None, on=date(2019, 6, 12), **WHO
    )
    assert (first, second, action) == (1, 2, 1)
    meeting.complete_action(1, on=date(2019, 9, 10), **WHO)
    with pytest.raises(Refused, match="already done"):
        meeting.complete_action(1, on=date(2019, 9, 11), **WHO)
    with pytest.raises(Refused, match="no minute action A2"):
        meeting.complete_action(2, on=date(2019, 9, 11), **WHO)
    with pytest.raises(Refused, match="must come after the meeting"):
        meeting.raise_action(owner="X", text="Y", due=date(2019, 6, 1), on=date(2019, 6, 12), **WHO)


@pytest.mark.parametrize(
    ("given_number", "stored"), [("15", "15"), ("15.", "15"), ("04", "4"), ("4a", "4a")]
)
def test_action_numbers_as_sources_write_them(given_number, stored):
    assert action_number(given_number) == stored


@pytest.mark.parametrize("bad", ["", "x", "1.2", "-3", "15#"])
def test_bad_action_numbers_are_refused(bad):
    with pytest.raises(InvalidEntry, match="action number"):
        action_number(bad)


def test_item_refs_read_back_as_printed():
    ref = ItemRef.parse("seb@2019-06-12/A1", "A")
    assert (ref.board, ref.held_on, ref.number, str(ref)) == (
        "seb",
        date(2019, 6, 12),
        1,
        "seb@2019-06-12/A1",
    )
    with pytest.raises(InvalidEntry, match="seb@2019-06-12/D1"):
        ItemRef.parse("seb@2019-06-12/A1", "D")


changes = st.lists(
    st.tuples(st.integers(0, 200), st.sampled_from([Rating.RED, Rating.AMBER, Rating.GREEN])),
    max_size=25,
)


@given(changes, st.integers(0, 220))
def test_rating_at_any_day_is_the_last_change_in_effect_by_then(entries, probe):
    """However late or out of order ratings are entered, a day's rating is a plain fold."""
    action = action_15()
    accepted: list[tuple[date, int, Rating]] = []
    for order, (offset, rating) in enumerate(entries):
        day = START + timedelta(days=offset)
        try:
            action.rate(rating, evidence="", on=day, **WHO)
        except Refused:
            continue
        accepted.append((day, order, rating))
    at = START + timedelta(days=probe)
    in_effect = sorted(e for e in accepted if e[0] <= at)
    assert action.rating(at) == (in_effect[-1][2] if in_effect else None)
