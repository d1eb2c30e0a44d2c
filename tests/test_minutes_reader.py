"""The minutes reader alone: a clerk's minutes of many layouts become a faithful draft.

Each fixture is written here in the shape of a real council's minutes (numbered minute
items, RESOLVED blocks with lettered parts, ACTION lines, action tables, report-backs); no
ledger, no click.
"""

from __future__ import annotations

import time
from datetime import date

from ledger.readers.minutes import parse_minutes

COUNTY_CABINET = """\
CABINET

MINUTES of the meeting of the Cabinet held on Tuesday 14th March 2023 at 10.00 am

PRESENT: Councillor J Smith (Chair), Councillors A Patel, R Jones and K Brown.

107/23  Apologies for absence
Apologies were received from Councillor T Green.

108/23  Household Support Fund
The Cabinet considered a report of the Director of Children's Services.
RESOLVED that:
(a) the allocation of the Household Support Fund set out in Appendix A be approved;
(b) authority be delegated to the Director to vary the allocations; and
(c) an update on take-up be provided to the meeting of the Cabinet on 12 September 2023.

Proposed by Councillor Smith, seconded by Councillor Patel. Carried with 6 for, 2 against
and 1 abstention.

109/23  Highways Capital Programme
The Cabinet noted the report.
ACTION: Director of Place / Cllr Jones

110/23  Libraries Strategy
The item was deferred to the next meeting.
"""

PARISH = """\
Minutes of the Meeting of Little Hampden Parish Council held on 3rd May 2022

Present: Cllrs Mary Fox (Chair), Tom Reed and Ann Hill. Clerk: Sue Moss.

45. Minutes
The minutes of the meeting held on 5th April 2022 were approved as a correct record.

46. Playground
Quotes for new swings were discussed. It was resolved to accept the quote of £2,400 from
Playcraft Ltd. The Clerk to order the swings. Tom will ask the school about a fence.
The condition of the fence is to be reported back in due course.

47. Date of next meeting
The next meeting will be held on 7th June 2022.
"""

ACTION_TABLE = """\
Schools Forum - 20 January 2021

ACTIONS
ITEM      ACTION                                            BY WHOM        BY WHEN
4         Circulate the de-delegation figures to members     Clerk          asap
7         Report growth fund spend to the Forum              Finance Lead   31/03/2021

4. De-delegation
Maintained primary members AGREED the de-delegation for 2021-22.
"""


def test_a_clerk_sees_each_minute_item_and_the_meeting_date():
    draft = parse_minutes(COUNTY_CABINET)
    assert draft.meeting_date == date(2023, 3, 14)
    numbers = [item.number for item in draft.items]
    assert numbers[:4] == ["107/23", "108/23", "109/23", "110/23"]
    assert draft.items[1].title == "Household Support Fund"


def test_a_resolution_keeps_its_lettered_parts_as_one_decision_with_its_vote():
    fund = parse_minutes(COUNTY_CABINET).items[1]
    assert len(fund.decisions) == 1
    decision = fund.decisions[0]
    assert decision.outcome == "resolved"
    assert [p[:3] for p in decision.parts] == ["(a)", "(b)", "(c)"]
    assert decision.follow_up is not None and decision.follow_up.day == date(2023, 9, 12)
    assert decision.proposer == "Councillor Smith" and decision.seconder == "Councillor Patel"
    assert decision.vote is not None
    assert (decision.vote.votes_for, decision.vote.against, decision.vote.abstained) == (6, 2, 1)
    assert decision.vote.result == "carried"


def test_noting_an_action_line_with_two_owners_and_a_deferral_are_read():
    draft = parse_minutes(COUNTY_CABINET)
    highways, libraries = draft.items[2], draft.items[3]
    assert [d.outcome for d in highways.decisions] == ["noted"]
    assert highways.actions[0].owners == ["Director of Place", "Cllr Jones"]
    assert [d.outcome for d in libraries.decisions] == ["deferred"]


def test_apologies_and_the_date_of_the_next_meeting_are_not_decisions_or_report_backs():
    draft = parse_minutes(COUNTY_CABINET)
    assert not draft.items[0].decisions
    parish = parse_minutes(PARISH)
    assert not parish.items[-1].report_backs and not parish.items[-1].decisions


def test_parish_minutes_give_decisions_owned_actions_and_an_undated_report_back():
    draft = parse_minutes(PARISH)
    assert draft.meeting_date == date(2022, 5, 3)
    minutes, playground = draft.items[0], draft.items[1]
    assert minutes.decisions[0].outcome == "approved"
    assert [d.outcome for d in playground.decisions] == ["resolved"]
    owners = [a.owners for a in playground.actions]
    assert ["Clerk"] in owners or ["The Clerk"] in owners
    assert ["Tom"] in owners
    [report_back] = playground.report_backs
    assert report_back.when.said == "in due course" and report_back.when.day is None


def test_a_table_of_actions_gives_each_row_its_owner_and_due_date():
    draft = parse_minutes(ACTION_TABLE)
    actions = draft.actions
    assert [a.owners for a in actions[:2]] == [["Clerk"], ["Finance Lead"]]
    assert actions[0].text.startswith("Circulate the de-delegation figures")
    assert actions[0].due is not None and actions[0].due.said == "asap"
    assert actions[1].due is not None and actions[1].due.day == date(2021, 3, 31)
    assert [d.outcome for d in draft.decisions] == ["agreed"]


def test_a_report_back_to_the_next_or_a_named_months_meeting_stays_relative():
    draft = parse_minutes(
        "Item 3: Budget\n\nMembers asked that an update be brought to the next meeting.\n\n"
        "Item 4: Parks\n\nThe Chair asked for a further report to the March meeting.\n"
    )
    whens = [r.when for r in draft.report_backs]
    assert [w.relative for w in whens] == ["next", "march"]


def test_minutes_that_record_nothing_invent_nothing():
    draft = parse_minutes(
        "Notes of an informal briefing\n\nOfficers described the new waste rounds. "
        "Members asked questions about food waste, which officers answered.\n"
    )
    assert draft.decisions == [] and draft.actions == []
    assert any("no decisions" in note for note in draft.notes)


def test_reading_a_long_resolution_costs_time_linear_in_its_size():
    """A 4 MB resolution of one run-on sentence read once, not once per line."""
    body = "RESOLVED: that " + "the report update be noted and " * 130_000 + "received.\n"
    started = time.perf_counter()
    draft = parse_minutes(body)
    assert len(draft.decisions) == 1
    assert time.perf_counter() - started < 20  # quadratic reading took minutes


def test_dotted_minute_numbers_are_items_and_a_sentence_with_numbers_is_no_vote():
    draft = parse_minutes(
        "Milton Parish Council - 26th January 2021\n\n"
        "21.01.07  Village Hall Defibrillator\n"
        "The replacement pads cost about £80, lasting for 2-3 years.\n"
        "The Councillors resolved to take over these payments.\n"
    )
    assert [item.number for item in draft.items] == ["21.01.07"]
    [decision] = draft.decisions
    assert decision.outcome == "resolved" and decision.vote is None
