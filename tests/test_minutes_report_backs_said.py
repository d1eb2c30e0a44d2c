"""Report-backs as parish councils and boards word them: a forthcoming meeting, an agenda
item for the meeting in July; and what is not one: a meeting that has been, another
body's next meeting."""

from __future__ import annotations

from ledger.readers.minutes import parse_minutes

PARISH = """\
Minutes of Stoke Parish Council held on 10 July 2013

8. Application for Free Trees
The Clerk reported a scheme run by the Woodland Trust. This will be discussed in more
detail at a forthcoming Committee Meeting.

9. Allotments
Could allotments be provided in the parish? It will be an agenda item for the meeting in
September.

10. Statement of Intent
The Board discussed the statement that was worked on in the June meeting.

11. Correspondence
Borough Council - advising the date of the next Watlington SNAP Meeting.
"""


def report_backs() -> list:
    return [r for item in parse_minutes(PARISH).items for r in item.report_backs]


def test_a_forthcoming_meeting_and_an_agenda_item_for_a_named_month_come_back():
    found = {r.what.split(".")[0][:20]: r.when for r in report_backs()}
    allotments = next(w for what, w in found.items() if what.startswith("It will be"))
    assert allotments.relative == "september"


def test_a_meeting_that_has_been_and_another_bodys_next_meeting_ask_nothing_back():
    whats = [r.what for r in report_backs()]
    assert not any("June meeting" in w or "SNAP" in w for w in whats), whats


def test_a_forthcoming_committee_meeting_in_a_councils_minutes_is_the_committees():
    whats = [r.what for r in report_backs()]  # the title names the Parish Council
    assert not any("forthcoming Committee Meeting" in w for w in whats), whats
    draft = parse_minutes(
        "Minutes of the Planning Committee held on 10 July 2013\n\n8. Free Trees\n"
        "This will be discussed in more detail at a forthcoming Committee Meeting.\n"
    )
    (trees,) = draft.report_backs
    assert trees.when.day is None and not trees.when.relative  # undated: kept open


AGM = """\
Minutes of the Annual Meeting of Northwold Parish Council held on 6 May 2014

3. To consider any planning applications
iii) 14/00561/f: Councillor's agreed No Objections.

5. Any Further reports/items for the next agenda- for information only (not for discussion)

- Play Area
- Street Lights LED replacement

Next meeting to be held on Tuesday 3rd June at 7:30pm, in the Village Hall.
"""


def test_items_listed_under_a_long_next_agenda_heading_come_back_to_the_next_meeting():
    draft = parse_minutes(AGM)
    backs = [(r.what, r.when.relative) for item in draft.items for r in item.report_backs]
    assert backs == [("Play Area", "next"), ("Street Lights LED replacement", "next")]
    found = [d.text for item in draft.items for d in item.decisions]
    assert any(t.endswith("Councillor's agreed No Objections.") for t in found), found


def test_an_item_deferred_to_the_next_meeting_comes_back_though_minuted_in_the_past_tense():
    draft = parse_minutes(
        "Minutes of Northwold Parish Council held on 3 June 2014\n\n"
        "9. Budget 2014-2015\n"
        "The item was deferred to the next meeting, following the Clerk's budget report.\n"
    )
    follow_ups = [d.follow_up for item in draft.items for d in item.decisions if d.follow_up]
    backs = [r.when for item in draft.items for r in item.report_backs]
    assert [w.relative for w in follow_ups + backs] == ["next"]


def test_the_next_meetings_confirmed_date_asks_nothing_back():
    draft = parse_minutes(
        "Minutes of Northwold Parish Council held on 3 June 2014\n\n"
        "12. Date of next meeting\n"
        "The next meeting of the Parish Council was confirmed as Tuesday 1st July 2014 at "
        "7:30pm, in the Village Hall.\n"
    )
    assert [r.what for item in draft.items for r in item.report_backs] == []


def test_an_item_put_back_to_a_later_meeting_comes_back_though_a_paper_was_referred_to():
    from ledger.readers.minutes import parse_minutes

    draft = parse_minutes(
        "Minutes of the Fire Scrutiny Panel held on 4 July 2024\n\n"
        "5. Work programme\n"
        "The Scrutiny Officer referred to Appendix 3 of the report and informed the Panel that"
        " the depot item would be deferred to the January 2025 meeting.\n"
    )
    backs = [(r.what, r.when.said) for r in draft.report_backs]
    assert any(said == "the January 2025 meeting" for _, said in backs), backs
