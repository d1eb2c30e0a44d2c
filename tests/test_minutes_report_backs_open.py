"""Report-backs the minutes ask for without a meeting or a date (an item deferred pending
something, a matter to be agreed by this board, a paper to be given to it), and sentences
that only look like one: a contractor coming back to finish work, a month that bounds a
period, another body's deadline, a day last year written without its year."""

from __future__ import annotations

from ledger.readers.minutes import parse_minutes


def follow_ups(text: str) -> list[tuple[str, str]]:
    """(what, when said) of every report-back and decision follow-up the reader drafts."""
    draft = parse_minutes(text)
    found = [(r.what, r.when.said) for item in draft.items for r in item.report_backs]
    found += [
        (d.text, d.follow_up.said) for item in draft.items for d in item.decisions if d.follow_up
    ]
    return found


COMMITTEE = """\
Minutes of the Leisure Committee held on 13 March 2018

61 Youth Project
Committee resolved to defer the proposal so that it can be considered alongside the
strategy on young people.

62 Fun Run
Committee agreed that they would be keen to consider this again once the insurance for the
event is confirmed.

63 Playing field
The pitch is very wet so the contractor will need to come back at a later date to complete
the reseeding of the goalmouths.

64 Advice sessions
Committee were advised that funding for the sessions is approved until the end of August
2018.

65 Café
Mrs Brown will come back to this once she has spoken to the tenants.
"""


def test_an_item_deferred_pending_its_strategy_comes_back_with_no_date():
    found = dict(follow_ups(COMMITTEE))
    deferred = next(when for what, when in found.items() if "defer the proposal" in what)
    assert deferred.startswith("so that it can be considered")


def test_a_matter_to_be_considered_again_once_something_happens_comes_back_with_no_date():
    found = dict(follow_ups(COMMITTEE))
    again = next(when for what, when in found.items() if "consider this again" in what)
    assert again.startswith("once the insurance")


def test_a_contractor_returning_to_finish_work_and_a_period_ending_ask_nothing_back():
    whats = [what for what, _ in follow_ups(COMMITTEE)]
    assert not any("contractor" in w or "August" in w for w in whats), whats
    assert any("Mrs Brown will come back to this" in w for w in whats), whats


BOARD = """\
Title: Open Data Board Minutes - 17 January 2012

Item 3: Codes
We need a list of codes and the bands they fall into (to be agreed by the Board).
The codes used by the county are to be approved by the Highways Authority.

Item 4: Agreement
Action: DCLG to provide the Open Data Board with a copy of the draft agreement for comment.
Action: DCLG to provide the Highways Agency with a copy of the data.

Item 5: Updates
The Select Committee was reviewing the operation of the Act, and was seeking written
evidence by 3 February.
The officials' group reviewed the figures at its first meeting on 12 December.
The Treasury will report to the Board on the figures by 14 February.
"""


def test_a_matter_to_be_agreed_by_this_board_comes_back_but_not_one_for_another_body():
    whats = [what for what, _ in follow_ups(BOARD)]
    assert any("We need a list of codes" in w for w in whats), whats
    assert not any("Highways Authority" in w for w in whats), whats


def test_a_paper_to_be_given_to_this_board_comes_back_but_not_one_for_another_body():
    whats = [what for what, _ in follow_ups(BOARD)]
    assert any("Open Data Board with a copy" in w for w in whats), whats
    assert not any("Highways Agency" in w for w in whats), whats


def test_another_bodys_deadline_and_a_day_last_year_without_its_year_ask_nothing_back():
    found = follow_ups(BOARD)
    assert not any("Select Committee" in w or "12 December" in w for w, _ in found), found
    assert (
        "The Treasury will report to the Board on the figures by 14 February.",
        "14 February",
    ) in found


def test_a_heading_in_a_list_for_the_next_agenda_is_not_a_matter_of_its_own():
    found = follow_ups(
        "Minutes of the Governing Board held on 23 May 2022\n\n"
        "114 Matters for the next agenda\n"
        "The following matters were agreed for the next agenda:\n"
        "a. Lettings policy\n"
        "b. Policies and other documents:\n\n"
        "115 Date of next meeting\n"
    )
    whats = [what for what, when in found if when == "the next meeting"]
    assert "a. Lettings policy" in whats and not any("Policies" in w for w in whats), found


PARISH = """\
Title: Ashby Parish Council Minutes June 2014

4. Free trees
This will be discussed in more detail at a forthcoming Committee Meeting.
The policies will be discussed at a Committee Meeting then referred to the next parish
council meeting for final approval.

5. Correspondence
Cllr Mrs Hale advised the next meeting for the Rural Forum will be on the 24 June.
Residents are unhappy with minutes only being released following approval at next meeting.
The bus service would be discussed at Westminster on Thursday 10 July 2014.

{reports}

7. Telephone box
The box may be considered by the Council as part of the village plan at a future meeting.
Cllr Ross asked if the telephone box could be put on the next agenda.
""".format(
    reports="6. Reports from Councillors/items for the next agenda 1. Dog fouling to be an "
    "agenda item for the next meeting 2. The public bridleway sign on Mill Lane needs re-erecting."
)


def test_a_parish_councils_minutes_name_another_bodys_meeting_and_ask_nothing_of_it():
    whats = [what for what, _ in follow_ups(PARISH)]
    for elsewhere in ("forthcoming Committee", "Rural Forum", "following approval", "Westminster"):
        assert not any(elsewhere in w for w in whats), (elsewhere, whats)
    assert any("referred to the next parish council meeting" in w for w in whats), whats


def test_a_heading_naming_the_next_agenda_and_a_possibility_ask_nothing_back():
    whats = [what for what, _ in follow_ups(PARISH)]
    assert not any(w.startswith(("6. Reports", "Reports from")) for w in whats), whats
    assert any(w.startswith("Dog fouling") for w in whats), whats
    assert not any("may be considered" in w for w in whats), whats
    assert any(w.startswith("Cllr Ross asked if") for w in whats), whats


def test_a_team_to_attend_and_present_comes_back_and_a_year_written_later_is_not_past():
    found = follow_ups(
        "Minutes of the Schools Forum held on 31 October 2018\n\n"
        "3. Membership\n"
        "MW explained that at the next meeting, the team working on admissions were to attend "
        "and present.\n"
        "Cllr Bell will attend the next meeting of the Highways Forum.\n"
        "This will need to be re-visited after the elections and no later than July 2019.\n"
    )
    whats = [what for what, _ in found]
    assert any("were to attend and present" in w for w in whats), found
    assert not any("Highways Forum" in w for w in whats), found
    assert any("no later than July 2019" in w for w in whats), found


FORUM = """\
Minutes of the Schools Forum held on 18 January 2012

2. Matters arising
The final decision on the bid will be made when the grant awards are announced.
The Forum will be asked to make a final recommendation on the allocation on 9 February.
Clerk to add the lettings policy to the agenda for April's meeting.

Code of conduct: KIV until Feb

Aizat: come back with a concrete proposal

Information on the next meeting of the Police Panel on 8 March would be reported back at the
March meeting.

3. Other business
The minutes of the last meeting on 5 December 2011 were considered as part of the pack.
The Director provided an overview of the aims of the Forum for the year ahead, up to April 2013.
The audit would be reported to a future meeting of the Corporate Policy and Performance
Committee.
The place planning strategy was due to be presented to the Executive on 28 January 2012.
That the 18 January 2012 Forum meeting agenda be adopted.
"""


def test_returns_asked_in_a_forums_and_a_plenums_words_come_back():
    found = dict(follow_ups(FORUM))
    assert found["The final decision on the bid will be made when the grant awards are announced."]
    assert found[
        "The Forum will be asked to make a final recommendation on the allocation on 9 February."
    ] == ("9 February")
    april = "Clerk to add the lettings policy to the agenda for April's meeting."
    assert found[april] in ("agenda for April", "April's meeting")
    assert found["Code of conduct: KIV until Feb"] == "KIV until Feb"
    assert found["Aizat: come back with a concrete proposal"].startswith("come back with")
    assert any(w.endswith("reported back at the March meeting.") for w in found), found


def test_a_past_meeting_an_overview_given_another_bodys_meeting_and_this_agenda_ask_nothing():
    whats = [what for what, _ in follow_ups(FORUM)]
    for said in ("last meeting", "overview", "Corporate Policy", "Executive", "agenda be adopted"):
        assert not any(said in w for w in whats), (said, whats)


def test_a_matter_for_later_in_this_meeting_asks_nothing_back():
    found = follow_ups(
        "Minutes of Ashby Parish Council held on 24 July 2014\n\n"
        "6. Chairman's report\n"
        "Dog fouling remains an annoyance. This is an agenda item later.\n"
        "A query about the minutes - this will be discussed in detail under item 9.\n"
    )
    assert found == [], found


def test_a_request_drafted_as_a_report_back_and_as_the_decisions_follow_up_is_asked_once():
    from ledger.readers.minutes_report_backs import asked_once

    draft = parse_minutes(
        "Minutes of West Ashby Parish Council held on 1 June 2017\n\n"
        "74/17 Finance\n"
        "The Clerk had been unable to complete a report for the meeting. CC proposed and LH "
        "seconded that the financial information should be presented at the July Parish "
        "Council Meeting. Councillors present were content with the proposal.\n"
    )
    asked_once(draft.items)
    backs = [r.when.said for r in draft.report_backs]
    follow_ups = [d.follow_up.said for d in draft.decisions if d.follow_up]
    assert backs + follow_ups == ["the July Parish Council Meeting"], (backs, follow_ups)


def test_a_restarted_lettered_list_is_the_matter_aboves_and_the_lists_opening_asks_nothing():
    from ledger.readers.minutes_report_backs import asked_once

    draft = parse_minutes(
        "Minutes of the Governing Board held on 23 May 2022\n\n"
        "114 Matters for the next agenda\n"
        "The following matters were agreed for the next agenda:\n"
        "g. Lettings policy\n"
        "h. Committee Reports\n"
        "a. Learning Committee (27 June 2022)\n"
        "b. Business Committee (4 July 2022)\n"
        "i. Collaboration Working Group\n\n"
        "115 Date of next meeting\n"
    )
    asked_once(draft.items)
    whats = [r.what for r in draft.report_backs]
    assert whats == [
        "g. Lettings policy",
        "h. Committee Reports a. Learning Committee (27 June 2022) b. Business Committee "
        "(4 July 2022)",
        "i. Collaboration Working Group",
    ], whats
    assert [d.follow_up for d in draft.decisions if d.follow_up] == []


def test_the_meetings_own_item_headings_listed_for_the_next_agenda_are_usual_business():
    from ledger.readers.minutes_report_backs import asked_once

    draft = parse_minutes(
        "Minutes of the Governing Board held on 23 May 2022\n\n"
        "5. Finance\n"
        "The budget monitor was received.\n\n"
        "9. Safeguarding\n"
        "There were no concerns.\n\n"
        "14. Matters for the next agenda\n"
        "The following matters were agreed for the next agenda:\n"
        "b. Finance\n"
        "f. Safeguarding.\n"
        "g. Presentation on the impact of the pandemic on pupils\n\n"
        "15. Date of next meeting\n"
    )
    asked_once(draft.items)
    assert [r.what for r in draft.report_backs] == [
        "g. Presentation on the impact of the pandemic on pupils"
    ]


def test_the_next_meetings_date_with_words_between_asks_nothing_but_an_update_there_does():
    found = follow_ups(
        "Minutes of the Trust Board held on 15 September 2021\n\n"
        "11. Date of the next meeting\n"
        "To note the next public board meeting will be held on Wednesday 17 November 2021.\n"
        "The next ordinary meeting of the Board is on 3 December 2021.\n"
        "An update on the estates plan will be given at the next Board meeting.\n"
    )
    assert [when for _, when in found] == ["the next Board"], found


def test_staff_directed_to_bring_back_a_report_or_to_return_to_council_come_back():
    draft = parse_minutes(
        "Minutes of the City Council meeting held on December 3, 2018\n\n"
        "5. Rezoning application\n"
        "Council directed staff to bring back a report on parking at the February 4 meeting.\n"
        "Staff will return to Council with a revised bylaw in the new year.\n"
    )
    assert [a.owners for a in draft.actions] == [["staff"], ["Staff"]]
    assert [r.when.said for r in draft.report_backs] == [
        "the February 4 meeting",
        "return to Council with",
    ]
