"""The meeting's date as minutes state it: a clerk imports minutes without --meeting and the
ledger takes the day of the meeting minuted, never the next meeting's, the earlier minutes
approved, a term of office or a publication date; when the minutes do not say it plainly,
the clerk is asked for --meeting.

Every fixture here is written for the test, in the shape of a kind of minutes (a parish
council's, ModernGov pages, an agenda pack, a school's governing body, a web page's front
matter).
"""

from __future__ import annotations

from datetime import date

import pytest

from ledger.readers.minutes import parse_minutes
from ledger.readers.minutes_dates import dates_in
from tests.conftest import Clerk, event_count

PARISH = """\
Minutes of the Planning Committee held on Thursday 24 September 2009 at 7pm
in the Village Hall

Present: Cllrs Ames (Chair), Bird and Cole

1. Apologies
None.

2. Minutes of the previous meeting held on 23 July 2009
RESOLVED that the minutes be signed as a correct record.

3. Date of next meeting
Thursday 22 October 2009 at 7pm.
"""

MODERNGOV = """\
Agenda, decisions and minutes

Cabinet - Thursday, 12th March, 2020 7.00 pm

Venue: Council Chamber, Town Hall

Contact: Sam Weller

Items
No. Item

1.

Minutes of the previous meeting

To approve the minutes of the meeting held on 13 February 2020.

Minutes:

The minutes of the meeting held on 13 February 2020 were approved as a correct record.
"""

AGENDA_PACK = """\
Borough Council
Audit Committee

A meeting of the Audit Committee will be held on:
Date: 22 October 2009
Time: 19:15

Audit Committee
22 October 2009
1. Apologies for absence
2. Minutes of the meeting held on 24 September 2009 3
3. Internal audit progress report 9

AUDIT COMMITTEE
{minuted}
PRESENT: Councillors Ames (Chair), Bird and Cole.

1 APOLOGIES FOR ABSENCE
None.
"""

GOVERNORS = """\
HILLSIDE PRIMARY SCHOOL GOVERNING BOARD

COMMITTEE        Full Governing Board        DATE        23 May 2022

GOVERNOR ATTENDANCE
NAME                  Type          End of term        Attended
ANNA BELL             Parent        14/10/2022         P
CARL DENT             Co-opted      22/03/2024         A
EVE FOX               Staff         08/12/2023         P

Chaired by Anna Bell

FGB 01/22 Apologies
None.
"""


def meeting(text: str, title: str = "") -> date | None:
    return parse_minutes(text, title=title).meeting_date


def test_clerk_minutes_titled_held_on_a_weekday_take_that_day_not_the_next_or_last_meeting():
    assert meeting(PARISH) == date(2009, 9, 24)


def test_clerk_moderngov_minutes_take_the_meeting_in_the_page_heading():
    assert meeting(MODERNGOV) == date(2020, 3, 12)
    labelled = "Venue: Council Chamber\nDate: Thursday, 12th March, 2020 7.00 pm\n\n1. Apologies\n"
    assert meeting(labelled) == date(2020, 3, 12)


@pytest.mark.parametrize(
    "head",
    [
        "Meeting date: 24.09.2009",
        "Date: 24/9/09",
        "Date: 24-09-2009",
        "Date of meeting: 24th of September, 2009",
        "Date: September 24th, 2009",
        "THURSDAY 24TH SEPTEMBER 2009",
        "Annual Meeting, 24th. September 2009 @ 7.00pm",
    ],
)
def test_clerk_minutes_dated_in_any_usual_form_give_the_day(head):
    text = f"Parish Council\n{head}\n\nPresent: Cllrs Ames and Bird\n\n1. Apologies\nNone.\n"
    assert meeting(text) == date(2009, 9, 24)


def test_clerk_agenda_pack_gives_the_minutes_it_carries_not_the_meeting_it_summons():
    assert meeting(AGENDA_PACK.format(minuted="24 SEPTEMBER 2009")) == date(2009, 9, 24)
    # the date over the minutes lost (a PDF's running header): the agenda names the minutes
    assert meeting(AGENDA_PACK.format(minuted="")) == date(2009, 9, 24)


def test_clerk_school_minutes_take_the_dated_cell_not_the_governors_terms_of_office():
    assert meeting(GOVERNORS) == date(2022, 5, 23)


def test_clerk_web_page_posted_weeks_later_gives_the_meeting_its_minutes_state():
    page = (
        "Title: Upton Parish Council minutes July 2013\nDate: 2013-08-15\n\n"
        "Minutes of Upton Parish Council Meeting held in the Reading Room\n\n"
        "At 7.30pm on Wednesday 10 July 2013\n\n1. Apologies\nNone.\n"
    )
    assert meeting(page) == date(2013, 7, 10)


def test_clerk_cover_sheet_of_another_year_loses_to_the_minutes_heading_with_its_weekday():
    scan = (
        "01 Minutes 16th September 2019\nTotal Page:16\n\n"
        "MINUTES OF PROCEEDINGS AT MEETING OF THE NORTH DISTRICT HELD IN THE COUNCIL\n"
        "CHAMBER, ON MONDAY, 21ST SEPTEMBER, 2020 AT 09:45 A.M.\n\n"
        "PRESENT IN THE CHAIR: Councillor Ames\n\n1. Adoption of Minutes\n"
    )
    assert meeting(scan) == date(2020, 9, 21)


def test_clerk_issue_page_takes_its_first_meeting_not_later_ones_or_minutes_approved():
    page = (
        "Issue - meetings\n\nMinutes of the last meeting held on\n\n"
        "Meeting: 21/10/2021 - Health and Wellbeing Board (Item 63)\n\n"
        "63 Minutes of the last meeting held on 14 July 2021\n\nMinutes:\n\n"
        "Resolved - That the minutes of the meeting held on 14 September 2021 be\n"
        "agreed as a correct record.\n\n"
        "Meeting: 29/09/2021 - Health and Wellbeing Board (Item 2.)\n"
    )
    assert meeting(page) == date(2021, 10, 21)


def test_clerk_minutes_without_the_year_take_the_titles_year_and_the_weekday_that_fits():
    text = "GENERAL MEETING MONDAY 4 DECEMBER\n\nPresent: Ann, Bob\n\n1. Welcome\n"
    assert meeting(text, title="General Meeting 4th December 2023") == date(2023, 12, 4)
    assert meeting(text.replace("GENERAL", "Minutes 2023\nGENERAL")) == date(2023, 12, 4)


@pytest.mark.parametrize(
    "head",
    [
        "Date of next meeting: Thursday 22 October 2009",
        "Published: 1 October 2009",
        "Despatched: 15 September 2009\nAgenda issued 16 September 2009",
        "Chair's term of office ends 31 May 2010",
        "Minutes of the last meeting held on 23 July 2009 were approved",
        "Tuesday 24 September 2009",  # 24 September 2009 was a Thursday
    ],
)
def test_clerk_minutes_with_only_dates_of_other_things_ask_for_the_meeting(head):
    text = f"Parish Council\n{head}\n\nPresent: Cllrs Ames and Bird\n\n1. Apologies\nNone.\n"
    draft = parse_minutes(text)
    assert draft.meeting_date is None
    assert "the minutes do not say when the meeting was held" in draft.notes


def test_clerk_two_different_days_stated_as_plainly_are_asked_about():
    text = "Board minutes 24 September 2009\n\nBoard minutes 25 September 2009\n\n1. Apologies\n"
    assert meeting(text) is None


def test_clerk_dates_inside_the_minuted_items_are_not_the_meetings():
    text = (
        "Parish Council minutes\n\nPresent: Cllrs Ames and Bird\n\n1. Playground\n"
        "The inspection on Tuesday 8 September 2009 found the swings worn. The meeting\n"
        "held on 3 August 2009 had asked for quotes.\n"
    )
    assert meeting(text) is None


def test_clerk_combined_authority_header_with_next_meeting_first_gives_this_meeting():
    text = (
        "Combined Authority Board\n"
        "Date of next meeting:   Wednesday 11 December 2024\n"
        "Meeting date:           Wednesday 13 November 2024\n\n1. Apologies\n"
    )
    assert meeting(text) == date(2024, 11, 13)


def test_dates_written_with_dashes_are_read_as_day_month_year():
    assert [day for _, day in dates_in("from 24-09-2009 to 2009-10-22")] == [
        date(2009, 9, 24),
        date(2009, 10, 22),
    ]


def test_clerk_importing_undated_minutes_is_told_to_give_the_meeting(db, tmp_path):
    clerk = Clerk(db)
    clerk.ok("init")
    clerk.ok("board", "add", "pc", "Parish Council")
    path = tmp_path / "undated.txt"
    path.write_text(
        "Parish Council\nDate of next meeting: Thursday 22 October 2009\n\n"
        "1. Playground\nRESOLVED that the swings be replaced.\n",
        encoding="utf-8",
    )
    before = event_count(db)
    result = clerk("minutes", "import", "pc", str(path))
    assert result.exit_code == 2
    assert result.output == (
        "Error: undated.txt does not say when the meeting was held; give --meeting YYYY-MM-DD\n"
    )
    assert event_count(db) == before
    clerk.ok("minutes", "import", "pc", str(path), "--meeting", "2009-09-24")
    assert "pc@2009-09-24" in clerk.ok("board", "history", "pc").output


def test_clerk_dry_run_says_the_date_was_read_from_the_minutes(db, tmp_path):
    clerk = Clerk(db)
    clerk.ok("init")
    path = tmp_path / "parish.txt"
    path.write_text(PARISH, encoding="utf-8")
    output = clerk.ok("minutes", "import", "pc", str(path), "--dry-run").output
    assert "2009-09-24, is the one the minutes give" in output
