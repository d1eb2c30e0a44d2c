"""Decisions as boards write them in running prose: a short "The Board agreed." that points
back at the proposal before it, and a fact a body "noted that", which decides nothing."""

from __future__ import annotations

from ledger.readers.minutes import parse_minutes

BOARD = """\
Minutes of the Technical Standards Board held on 26 February 2019

1. Publication of minutes
MW asked the Board if they were content for him to publish the minutes of each meeting.
MC suggested that at the start of each meeting the previous minutes be agreed and any
redactions discussed before publication. The Board agreed with this approach.

2. Statement of intent
MW asked the Board whether they were content for him to submit the statement of intent to
the national board for approval. The Board agreed.

3. Village hall
Councillors noted that an advert had been placed in both parish magazines.
The Committee noted the report of the Clerk on the hall's bookings.
"""


def decisions() -> list:
    draft = parse_minutes(BOARD)
    return [d for item in draft.items for d in item.decisions]


def test_a_short_the_board_agreed_carries_the_proposal_it_agreed():
    texts = [d.text for d in decisions()]
    assert any(
        t.startswith("MC suggested that at the start of each meeting")
        and t.endswith("The Board agreed with this approach.")
        for t in texts
    ), texts
    assert any(
        "submit the statement of intent" in t and t.endswith("The Board agreed.") for t in texts
    ), texts


def test_a_fact_the_councillors_noted_is_not_a_decision_but_noting_a_report_is():
    texts = [d.text for d in decisions()]
    assert not any("advert had been placed" in t for t in texts)
    assert any(t.startswith("The Committee noted the report") for t in texts)


PARISH = """\
Minutes of Stoke Parish Council held on 10 July 2013

9. Draft Minutes
Following considerable discussion, the following was proposed.
Cllr Mrs Clements proposed that draft minutes should not be published until approved,
seconded by Cllr Mrs Hull.   4 Votes for 2 Votes against.    Carried

The Chairman asked if everyone was happy that minutes continue to be sent to the Lynn News.
All in agreement.
"""


def test_a_motion_carried_after_its_tally_keeps_its_words_and_its_votes():
    found = [d for item in parse_minutes(PARISH).items for d in item.decisions]
    carried = [d for d in found if d.outcome == "carried"]
    assert len(carried) == 1
    assert carried[0].text.startswith("Cllr Mrs Clements proposed that draft minutes")
    assert (carried[0].vote.votes_for, carried[0].vote.against) == (4, 2)
    assert carried[0].seconder.endswith("Hull")


def test_all_in_agreement_agrees_the_question_put_before_it():
    found = [d for item in parse_minutes(PARISH).items for d in item.decisions]
    assert any(d.text.endswith("sent to the Lynn News. All in agreement.") for d in found)
    assert not any(d.text.startswith("4 Votes") for d in found)


SHORTHAND = """\
Minutes of Wereham Parish Council held on 8 July 2014

9.2 Clerk to update the address on the three land titles. Prop JB, 2nd GK, All agreed.

9.3 Cllr. Rosemary Crisp was proposed as Chairman by Cllr. Alison Muir and seconded by
Cllr. Michael Peake.<div></div> Cllr. Crisp accepted the position and was duly elected.
"""


def test_prop_and_2nd_initials_all_agreed_is_a_decision_with_its_movers():
    draft = parse_minutes(SHORTHAND)
    found = [d for item in draft.items for d in item.decisions]
    update = [d for d in found if d.text.startswith("Clerk to update the address")]
    assert [(d.proposer, d.seconder) for d in update] == [("JB", "GK")]
    assert any(a.owners == ["Clerk"] for item in draft.items for a in item.actions)


def test_cllr_with_a_full_stop_does_not_end_the_sentence():
    draft = parse_minutes(SHORTHAND)
    texts = [d.text for item in draft.items for d in item.decisions]
    assert any(
        t.startswith("Cllr. Rosemary Crisp was proposed") and t.endswith("duly elected.")
        for t in texts
    ), texts
    assert not any(t.startswith(("Rosemary", "Crisp", "Michael", "Peake")) for t in texts)
    assert not any("<div>" in t for t in texts)


AGM = """\
Minutes of the Annual Meeting of Boughton Parish Council held on 2 May 2014

Election of Officers.
Chairman.     F.Reid, proposed by D.Cooper, seconded by M.Pogmore.        All in favour.
F.Reid duly elected.

Ratification of Fen Committee.
Fen Committee and membership ratified for a further twelve months.

9.            To Consider Adoption of Risk Assessment and Management.

The Clerk asked if everyone was in agreement with the Risk Assessment.

Unanimously Agreed

10.          To Consider Adoption of Annual Accounts.

The Clerk asked if all were happy with the accounts. Council authorised the Chairman to sign.
"""


def test_a_parish_clerks_shorthand_records_decisions():
    draft = parse_minutes(AGM)
    found = [d for item in draft.items for d in item.decisions]
    assert any(d.outcome == "appointed" and "duly elected" in d.text for d in found)
    assert any(d.text.startswith("Fen Committee and membership ratified") for d in found)
    assert any(d.text.startswith("Council authorised the Chairman") for d in found)


def test_an_agreed_on_its_own_line_does_not_swallow_the_next_items_title():
    draft = parse_minutes(AGM)
    assert [i.number for i in draft.items if i.number][-2:] == ["9", "10"]
    agreed = [d for d in draft.items[-2].decisions if d.text.endswith("Unanimously Agreed")]
    assert [d.text.split(".")[0] for d in agreed] == [
        "The Clerk asked if everyone was in agreement with the Risk Assessment"
    ]


ANNUAL = """\
Minutes of the Annual Meeting of Wretton Parish Council held on 13 May 2015

1. Election of Chairman
Cllr D Llewellyn was proposed by Cllr Peake and seconded by Cllr Mansell to remain as
Chairman. With no other nominations Cllr Llewellyn was duly elected.

2. To confirm as a correct record the Minutes of the meeting held on 8 April 2015.
It was noted however that the co-option had not filled the vacancies. The Parish Council
has received notification that a staging date of 1 April 2017 has been set.
"""


def test_a_nomination_and_its_election_are_one_decision_with_its_movers():
    found = [d for item in parse_minutes(ANNUAL).items for d in item.decisions]
    elected = [d for d in found if d.outcome == "appointed"]
    assert len(elected) == 1
    assert elected[0].text.startswith("Cllr D Llewellyn was proposed by Cllr Peake")
    assert elected[0].text.endswith("was duly elected.")
    assert (elected[0].proposer, elected[0].seconder) == ("Cllr Peake", "Cllr Mansell")


def test_news_heard_and_an_agenda_items_wording_are_not_decisions():
    found = [d.text for item in parse_minutes(ANNUAL).items for d in item.decisions]
    assert not any(
        "co-option" in t or "staging date" in t or t.startswith("To confirm") for t in found
    )


def test_resolved_then_that_then_lettered_parts_after_blank_lines_is_one_decision():
    draft = parse_minutes(
        "Minutes of the Council held on 25 May 2012\n\n"
        "7. Police and Crime Panel\n"
        "The Leader moved the report, which was seconded by Councillor Price.\n\n"
        "RESOLVED\n\n"
        "              THAT:\n\n"
        "a)    Council approved the establishment of a Police and Crime Panel;\n\n"
        "b)    Council approved the proposed membership of the Panel; and\n\n"
        "c)    Council authorised the Deputy Chief Executive to finalise the details.\n"
    )
    decisions = [d for item in draft.items for d in item.decisions]
    assert len(decisions) == 1
    assert [p[:2] for p in decisions[0].parts] == ["a)", "b)", "c)"]


def test_a_township_boards_motion_by_second_by_motion_carried_is_a_carried_decision():
    draft = parse_minutes(
        "Town Board meeting minutes, December 16, 2019\n\n"
        "Motion by Janet Keough, second by Gary Mantay to approve the November board minutes.  "
        "Motion carried.\n"
    )
    [decision] = [d for item in draft.items for d in item.decisions]
    assert decision.outcome == "carried"
    assert decision.text.startswith("Motion by Janet Keough")
    assert (decision.proposer, decision.seconder) == ("Janet Keough", "Gary Mantay")


def test_a_declared_interest_and_another_bodys_reported_motion_are_not_decisions():
    draft = parse_minutes(
        "Minutes of the Audit Committee held on 24 September 2009\n\n"
        "1. Declarations of interest\n"
        "The Chair declared a personal interest as a partner in a firm which carried out "
        "auditing work for voluntary bodies.\n\n"
        "4. Annual governance report\n"
        "Comments made by the Pension Fund Panel at its meeting on 21 September 2009 were "
        'reported: "That the Pension Fund Panel notes its disappointment at the adjustments."\n'
    )
    assert [d.text for item in draft.items for d in item.decisions] == []


def test_the_committee_resolved_colon_dash_takes_its_parts_below():
    draft = parse_minutes(
        "Minutes of the Finance Committee held on 12 June 2013\n\n"
        "2. Minute of Previous Meeting\n"
        "The Committee had before it the minute of its previous meeting.\n\n"
        "The Committee resolved:-\n\n"
        "(i)         to approve the minute as a correct record; and\n\n"
        "(ii)        to note the oral update on the investigation.\n"
    )
    [decision] = [d for item in draft.items for d in item.decisions]
    assert decision.outcome == "resolved"
    assert [p[:3] for p in decision.parts] == ["(i)", "(ii"]


def test_a_canadian_councils_that_motion_then_carried_is_one_decision_and_call_to_order_no_action():
    draft = parse_minutes(
        "Minutes of the Open Council Meeting held on 2018 December 03\n\n"
        "1. CALL TO ORDER\n"
        "His Worship the Mayor called the Open Council meeting to order at 7:00 p.m.\n\n"
        "2. MINUTES\n"
        "MOVED BY COUNCILLOR JOHNSTON\nSECONDED BY COUNCILLOR DHALIWAL\n"
        "THAT the minutes of the Open Council meeting held on 2018 November 26 be now adopted.\n\n"
        "CARRIED UNANIMOUSLY\n"
    )
    decisions = [d for item in draft.items for d in item.decisions]
    assert len(decisions) == 1 and decisions[0].outcome == "carried"
    assert "THAT the minutes of the Open Council meeting held on 2018 November 26" in (
        decisions[0].text
    )
    assert (decisions[0].proposer, decisions[0].seconder) == (
        "COUNCILLOR JOHNSTON",
        "COUNCILLOR DHALIWAL",
    )
    assert not [a for item in draft.items for a in item.actions]


def test_a_parish_councils_planning_responses_and_accounts_accepted_are_decisions():
    draft = parse_minutes(
        "Minutes of the Annual Meeting of Wretton Parish Council held on 13 May 2015\n\n"
        "1. Election of Chairman\n"
        "It was proposed and seconded that Cllr D Llewellyn should remain as Chairman. "
        "With no other nominations Cllr Llewellyn was duly elected.\n\n"
        "5. Accounts\nAccounts were presented and accepted for payment.\n\n"
        "6. Planning\n"
        "15/00707/F Relocation of vehicular access at Myamber, Field Lane, Wretton No objection\n\n"
        "7. Audit\n"
        "The Annual Return Governance Statement was duly completed and signed.\n\n"
        "Signed S Barnes Date: 11 July 2015\n"
    )
    found = {d.text[:25]: d.outcome for item in draft.items for d in item.decisions}
    assert found == {
        "It was proposed and secon": "appointed",
        "Accounts were presented a": "approved",
        "15/00707/F Relocation of ": "agreed",
        "The Annual Return Governa": "approved",
    }


def test_a_heading_ending_in_a_colon_is_no_decision_though_it_says_accepted():
    draft = parse_minutes(
        "Minutes of Northwold Parish Council held on 3 June 2014\n\n"
        "Accepted Apologies for absence - LGA 1972, Section 85(1) & (2):\n\n"
        "Cllr. Alan Collins and Cllr. Sue Leet.\n"
    )
    assert [d.text for item in draft.items for d in item.decisions] == []
