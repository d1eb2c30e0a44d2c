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
    started = time.process_time()  # this process's CPU time, whatever else the machine runs
    draft = parse_minutes(body)
    assert len(draft.decisions) == 1
    assert time.process_time() - started < 20  # linear reading takes ~7 s; quadratic, minutes


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


TRUSTEES = """\
Minutes of the Trustees of the Friends of Anytown Library held on 4th August 2015

Present: David Thorn (DT), Sheila Ford (SF), Mike Stone (MS), Hannah Salome

9. Library Manager's report
9.1 Ali asked for a window display unit at a cost of £100 for advertising in the foyer.
AGREED.
9.2 We have heard nothing from the bank so David will chase this up.
ACTION: DT

10. Correspondence
Comments made by the Pension Panel at its meeting were reported: "That the Panel notes
its disappointment. The Panel has agreed the officers' response." Members noted these
comments and asked to be kept advised of progress.
It was suggested that the decision on the increase be delegated to the Manager.
It was AGREED to invite the head of transport planning to a future meeting.
Hannah will come back to this issue.

11. Actions
Action: The Transparency Director will present on the Open Government Partnership.

12. Matters for the next agenda
The following matters were agreed for the next agenda:
a. Finance
b. Safeguarding
"""


def test_a_bare_agreed_records_the_request_before_it_not_an_empty_decision():
    item = parse_minutes(TRUSTEES).items[1]
    assert [d.text for d in item.decisions] == [
        "Ali asked for a window display unit at a cost of £100 for advertising in the foyer. "
        "AGREED."
    ]


def test_an_action_line_names_who_owes_what_the_paragraph_above_it_told():
    item = parse_minutes(TRUSTEES).items[2]
    assert [(a.owners, a.text) for a in item.actions] == [
        (["DT"], "We have heard nothing from the bank so David will chase this up.")
    ]


def test_another_bodys_quoted_words_and_suggestions_are_no_decisions_of_this_board():
    item = parse_minutes(TRUSTEES).items[3]
    texts = [d.text for d in item.decisions]
    assert not any("Panel has agreed" in t or "suggested" in t for t in texts)
    noted = next(d for d in item.decisions if d.text.startswith("Members noted"))
    assert noted.follow_up is not None and noted.follow_up.said == "kept advised"


def test_a_decision_to_invite_someone_is_also_an_action_and_a_report_back():
    item = parse_minutes(TRUSTEES).items[3]
    invite = next(d for d in item.decisions if "invite" in d.text)
    assert invite.follow_up is not None and invite.follow_up.day is None
    assert any(a.owners == [] and "invite" in a.text for a in item.actions)


def test_someone_coming_back_to_an_issue_owes_an_undated_report_back():
    item = parse_minutes(TRUSTEES).items[3]
    back = next(r for r in item.report_backs if "Hannah" in r.what)
    assert back.when.day is None and back.when.relative == ""
    assert any(a.owners == ["Hannah"] for a in item.actions)


def test_an_office_named_on_an_action_line_owns_the_action():
    item = parse_minutes(TRUSTEES).items[4]
    assert item.actions[0].owners == ["Transparency Director"]


def test_each_matter_listed_for_the_next_agenda_comes_back_to_the_next_meeting():
    item = parse_minutes(TRUSTEES).items[5]
    assert [(r.what, r.when.relative) for r in item.report_backs] == [
        ("a. Finance", "next"),
        ("b. Safeguarding", "next"),
    ]


def test_a_running_footer_on_every_page_is_neither_text_nor_a_report_back():
    footer = "All minutes are draft until agreed at the next meeting of the committee."
    topics = ["Internal audit", "External audit", "Risk register", "Treasury management"]
    pages = [
        f"{n}. {topic}\nThe Auditor introduced the paper on {topic.lower()}.\n"
        f"Members asked about the timetable for the {topic.lower()} work.\n"
        f"The Committee noted the report on {topic.lower()}."
        for n, topic in enumerate(topics, start=1)
    ]
    text = "Minutes of the Audit Committee held on 24 September 2009\n\n" + "".join(
        f"{page}\n\n{footer}\n\f\n" for page in pages
    )
    draft = parse_minutes(text)
    assert len(draft.decisions) == 4
    assert draft.report_backs == []


def test_a_parish_clerks_actions_in_capitals_inside_the_text_are_each_an_action():
    draft = parse_minutes(
        "Minutes of Northwold Parish Council held on Tuesday 4th July 2017\n\n"
        "1. Public forum\n"
        "It was noted that weeds need to be sprayed along the highways. CLERK TO INFORM "
        "HIGHWAYS The hedge by the church needs trimming. CLLR S GILLET TO INSTRUCT WORKS\n"
        "2. Risk assessment\n"
        "The report was not ready. CLERK TO PUT ON SEPT AGENDA\n"
    )
    assert [(a.owners, a.text) for a in draft.actions] == [
        (["Clerk"], "CLERK TO INFORM HIGHWAYS"),
        (["Cllr S Gillet"], "CLLR S GILLET TO INSTRUCT WORKS"),
        (["Clerk"], "CLERK TO PUT ON SEPT AGENDA"),
    ]
    assert [r.when.relative for r in draft.report_backs] == ["september"]


def test_a_motion_in_quotes_that_the_chair_declares_carried_is_one_decision_with_its_mover():
    draft = parse_minutes(
        "Minutes of the Meeting of the Council held on 7th July 2014\n\n"
        "5. Appointments\n"
        "Proposed by Councillor Collins; Seconded by Councillor Teefy; And Resolved:\n"
        '"That, Councillor Lynch be appointed to the Sports Partnership."\n'
        "The Cathaoirleach declared Councillor Lynch appointed to the Sports Partnership.\n"
        "6. Correspondence\n"
        "The Chair asked the Clerk to write to the bus company about the timetable.\n"
    )
    [appointed] = draft.items[0].decisions
    assert appointed.outcome == "appointed" and "declared" in appointed.text
    assert (appointed.proposer, appointed.seconder) == ("Councillor Collins", "Councillor Teefy")
    assert [(a.owners, a.text) for a in draft.items[1].actions] == [
        (["Clerk"], "The Chair asked the Clerk to write to the bus company about the timetable.")
    ]
