"""A call-in period counts working days as a council's constitution does: weekends and the
bank holidays of the council's nation are skipped; and a meeting's decisions are called
in by its rules: within the period, once, and only when subject to call-in. Domain level."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ledger.call_in import (
    NATIONS,
    Window,
    is_working_day,
    nation_named,
    working_days_between,
)
from ledger.errors import InvalidEntry, Refused
from ledger.meeting import Meeting, Outcome

JUNE_BOARD = date(2019, 6, 12)  # a Wednesday


def test_five_working_days_after_a_wednesday_close_the_next_wednesday():
    window = Window.reckoned(JUNE_BOARD, 5, "england")
    assert window.closes == date(2019, 6, 19)
    assert window.implementable_from == date(2019, 6, 20)


def test_the_spring_bank_holiday_inside_the_window_keeps_it_open_a_day_longer():
    # Wednesday 22 May 2019; Monday 27 May was the Spring Bank Holiday
    assert Window.reckoned(date(2019, 5, 22), 5, "england").closes == date(2019, 5, 30)
    assert Window.reckoned(date(2019, 5, 29), 5, "england").closes == date(2019, 6, 5)


def test_scotlands_august_bank_holiday_is_skipped_in_scotland_and_not_in_england():
    # Monday 5 August 2019 was a bank holiday in Scotland only
    published = date(2019, 7, 31)
    assert Window.reckoned(published, 5, "scotland").closes == date(2019, 8, 8)
    assert Window.reckoned(published, 5, "england").closes == date(2019, 8, 7)


def test_christmas_and_new_year_are_skipped_and_scotland_keeps_the_second_of_january():
    published = date(2019, 12, 20)
    assert Window.reckoned(published, 5, "england").closes == date(2019, 12, 31)
    assert Window.reckoned(published, 6, "england").closes == date(2020, 1, 2)
    assert Window.reckoned(published, 6, "scotland").closes == date(2020, 1, 3)


@given(
    published=st.dates(min_value=date(2015, 1, 1), max_value=date(2035, 12, 31)),
    days=st.integers(min_value=1, max_value=30),
    nation=st.sampled_from(sorted(NATIONS)),
)
def test_a_period_closes_on_a_working_day_exactly_its_days_after_publication(
    published, days, nation
):
    closes = Window.reckoned(published, days, nation).closes
    assert is_working_day(closes, nation)
    assert working_days_between(published, closes, nation) == days
    assert working_days_between(published, closes - timedelta(days=1), nation) == days - 1


@pytest.mark.parametrize(
    ("said", "nation"),
    [("England", "england"), ("Northern Ireland", "northern-ireland"), ("NIR", "northern-ireland"),
     ("wales", "wales"), ("SCOTLAND", "scotland")],
)  # fmt: skip
def test_a_nation_is_named_as_a_clerk_writes_it(said, nation):
    assert nation_named(said) == nation


def test_a_nation_with_no_bank_holidays_of_its_own_is_refused():
    with pytest.raises(InvalidEntry, match="unknown nation 'Cornwall'; use one of england"):
        nation_named("Cornwall")


# -- a meeting's decisions, called in ---------------------------------------------------


def cabinet(window: Window | None, key: bool = True) -> Meeting:
    meeting = Meeting.schedule(
        "cab", JUNE_BOARD, "Cabinet", actor="Jo Clerk", on=date(2019, 5, 1), reason=""
    )
    meeting.record_decision(
        item="Home to school transport",
        text="The revised transport policy be adopted",
        outcome=Outcome.RESOLVED,
        follow_up=None,
        key_decision=key,
        call_in=window,
        actor="Jo Clerk",
        on=JUNE_BOARD,
        reason="",
    )
    return meeting


def call_in(meeting: Meeting, on: date, who: str = "Cllr Ann Lee") -> None:
    meeting.call_in(1, [who], actor="Jo Clerk", on=on, reason="Parents were not consulted")


def test_scrutiny_calls_a_key_decision_in_on_the_last_day_of_its_period():
    meeting = cabinet(Window.reckoned(JUNE_BOARD, 5, "england"))
    call_in(meeting, date(2019, 6, 19))
    [called] = meeting.live("called_in")
    assert called.values == {"number": 1, "members": ["Cllr Ann Lee"]}
    assert called.reason == "Parents were not consulted"


def test_a_call_in_the_day_after_the_period_closed_is_refused():
    meeting = cabinet(Window.reckoned(JUNE_BOARD, 5, "england"))
    with pytest.raises(
        Refused, match="closed on 2019-06-19; it may be implemented from 2019-06-20"
    ):
        call_in(meeting, date(2019, 6, 20))
    assert meeting.live("called_in") == []


def test_a_decision_is_called_in_once():
    meeting = cabinet(Window.reckoned(JUNE_BOARD, 5, "england"))
    call_in(meeting, date(2019, 6, 13))
    with pytest.raises(Refused, match="already called in by Cllr Ann Lee on 2019-06-13"):
        call_in(meeting, date(2019, 6, 14), "Cllr Bo Chan")


def test_a_decision_not_subject_to_call_in_cannot_be_called_in():
    meeting = cabinet(None, key=False)
    with pytest.raises(Refused, match="cab@2019-06-12/D1 is not subject to call-in"):
        call_in(meeting, date(2019, 6, 13))


def test_a_decision_cannot_be_called_in_before_it_was_published():
    meeting = cabinet(Window.reckoned(date(2019, 6, 14), 5, "england"))
    with pytest.raises(Refused, match="published on 2019-06-14; it cannot be called in before"):
        call_in(meeting, date(2019, 6, 13))


def test_scrutinys_outcome_needs_a_call_in_and_is_recorded_once():
    meeting = cabinet(Window.reckoned(JUNE_BOARD, 5, "england"))
    conclude = meeting.conclude_call_in
    with pytest.raises(Refused, match="has not been called in"):
        conclude(1, "upheld", actor="Jo Clerk", on=date(2019, 7, 1), reason="No further action")
    call_in(meeting, date(2019, 6, 14))
    with pytest.raises(Refused, match="called in on 2019-06-14; scrutiny's outcome cannot come"):
        conclude(1, "upheld", actor="Jo Clerk", on=date(2019, 6, 13), reason="Too soon")
    conclude(1, "referred-back", actor="Jo Clerk", on=date(2019, 7, 1), reason="Minute 12")
    with pytest.raises(Refused, match=r"already concluded \(referred-back on 2019-07-01\)"):
        conclude(1, "upheld", actor="Jo Clerk", on=date(2019, 7, 2), reason="Again")
