"""A request to come back to a day the clerk wrote with the old year (December's minutes
asking for something "on 6 March 2016" meant March 2017), and a matter to be dealt with
at a meeting of the body's own on a named day."""

from __future__ import annotations

from datetime import date

from ledger.readers.minutes import parse_minutes

BOARD = """\
Minutes of the Library Board held on 15 December 2016

9. Plans and Priorities
The priorities within the plan need to be sorted into categories. These will be graded at the
Board Away Day on 6th March 2016.

10. Estates
The roof survey was carried out at the Board Away Day on 6th March 2016.
"""


def test_a_day_written_with_last_years_number_for_a_future_return_is_next_years():
    draft = parse_minutes(BOARD)
    (back,) = draft.report_backs
    assert "graded at the Board Away Day" in back.what
    assert back.when.day == date(2017, 3, 6)


def test_a_day_told_in_the_past_asks_nothing_back():
    draft = parse_minutes(BOARD)
    assert all("roof survey" not in r.what for r in draft.report_backs)


def test_the_body_named_on_the_minutes_first_line_tells_its_meetings_from_others():
    draft = parse_minutes(
        "Minutes of the Parish Council meeting held on 4 June 2019\n\n"
        "7. Footpaths\n"
        "The survey results will be reported to the next Committee meeting.\n"
        "Mrs Dale will bring the map back to the next Council meeting.\n"
    )
    assert draft.title == "Minutes of the Parish Council meeting held on 4 June 2019"
    assert [r.what for r in draft.report_backs] == [
        "Mrs Dale will bring the map back to the next Council meeting."
    ]


def test_the_earlier_meeting_whose_minutes_are_received_gives_no_meeting_date():
    draft = parse_minutes(
        "No. | Item |\n"
        "Apologies Minutes: Apologies for absence were received from Councillor Hale. |\n"
        "Residents may address the meeting on any item on the agenda. The deadline for "
        "submissions is 10.00am Friday 10 September 2021. Minutes: There were none. |\n"
        "To receive as a correct record, the minutes of the Extraordinary meeting of Cabinet "
        "held on Tuesday 20 July 2021. Minutes: RESOLVED: That the minutes of the Extraordinary "
        "Cabinet meeting held on Tuesday 20 July 2021 be received as a correct record and signed "
        "by the Leader.\n"
    )
    assert draft.meeting_date is None


STANDARDS = """\
Welsh Technical Standards Board

Minutes of the meeting
Thursday 28 March 2019

Actions

1. Agree the letter to health boards at the next WTSB meeting.
2. Share the draft with the next NWIS meeting.
"""


def test_the_body_named_above_minutes_of_the_meeting_knows_its_own_initials():
    draft = parse_minutes(STANDARDS)
    assert draft.title == "Welsh Technical Standards Board"
    assert [r.what for r in draft.report_backs] == [
        "Agree the letter to health boards at the next WTSB meeting."
    ]
