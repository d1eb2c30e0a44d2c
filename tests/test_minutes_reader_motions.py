"""Motions as many bodies minute them: moved and seconded first, the outcome a sentence or
two later ("Motion by A, second by B to ... Motion carried."), a resolution "offered" and
"supported", a mover line above a "RESOLVED – That ..." line, a "That Council ..." motion
under "Moved ..., seconded ... and resolved", and an outcome after a dash."""

from __future__ import annotations

from ledger.readers.minutes import parse_minutes

TOWNSHIP = """\
Maple Grove Township Board - regular meeting of March 4, 2021

Present: Ann Lindqvist, Tom Berg, Rosa Ortiz

Motion by Tom Berg, second by Rosa Ortiz to move the spring meetings. The April meeting
will be on April 14 and the May meeting on May 12. Motion carried.

Rosa Ortiz explained the county road grant. Ann Lindqvist offered a resolution, supported by
Tom Berg, to apply for the county road grant for Birch Lane. Upon a roll call vote Berg yea,
Ortiz yea, Lindqvist yea, the resolution was passed.
"""


def decisions(text: str) -> list:
    draft = parse_minutes(text)
    return [d for item in draft.items for d in item.decisions]


def test_clerk_sees_a_motion_carried_two_sentences_later_as_one_decision_with_its_mover():
    found = decisions(TOWNSHIP)
    moved = [d for d in found if "move the spring meetings" in d.text]
    assert len(moved) == 1, [d.text for d in found]
    assert moved[0].text.startswith("Motion by Tom Berg")
    assert moved[0].text.endswith("Motion carried.")
    assert (moved[0].proposer, moved[0].seconder) == ("Tom Berg", "Rosa Ortiz")
    assert not any(d.text.startswith("The April meeting") for d in found)


def test_clerk_sees_a_resolution_offered_and_supported_then_passed_with_its_mover():
    found = [d for d in decisions(TOWNSHIP) if "county road grant for Birch Lane" in d.text]
    assert len(found) == 1, [d.text for d in decisions(TOWNSHIP)]
    assert found[0].text.startswith("Ann Lindqvist offered a resolution")
    assert (found[0].proposer, found[0].seconder) == ("Ann Lindqvist", "Tom Berg")


CORPORATION = """\
Items

1.

Senior Member in the Chair

Minutes:

MOVED by Jane Holt (longest serving Member), SECONDED and

\u00a0

RESOLVED \u2013 That Member Peter Quill takes the Chair for the election of a Chairman.

2.

Accounts

Moved Cr Hale, seconded Deputy Mayor Pike and resolved

That Council confirms the annual accounts for 2020/21 as presented.

3.

Payments

The schedule of payments for May was circulated.

Cllr Mrs Dunn proposed approval for payment seconded by Cllr Mr Abbot - Agreed
"""


def test_clerk_sees_a_resolution_whose_movers_are_on_the_line_above():
    found = decisions(CORPORATION)
    chair = [d for d in found if "takes the Chair" in d.text]
    assert len(chair) == 1, [d.text for d in found]
    assert chair[0].text.startswith("That Member Peter Quill")
    assert chair[0].proposer == "Jane Holt"
    assert chair[0].seconder == ""  # "SECONDED and" names no one


def test_clerk_sees_a_that_council_motion_under_moved_seconded_and_resolved():
    found = [d for d in decisions(CORPORATION) if "annual accounts" in d.text]
    assert [d.text for d in found] == [
        "That Council confirms the annual accounts for 2020/21 as presented."
    ]


def test_clerk_sees_an_outcome_given_after_a_dash_as_a_decision():
    found = [d for d in decisions(CORPORATION) if "approval for payment" in d.text]
    assert len(found) == 1
    assert found[0].outcome == "agreed"
    assert found[0].seconder == "Cllr Mr Abbot"


VERGES = """\
Minutes of Ashby Parish Council held on 9 June 2021

10.1 Verges
The verges by the school were discussed. It was agreed that the verges would be added to the
monthly inspection list. Clerk to action. Prop AB, 2nd CD, All agreed.
"""


def test_a_vote_after_clerk_to_action_belongs_to_the_decision_before_it():
    found = decisions(VERGES)
    assert [d.text for d in found] == [
        "It was agreed that the verges would be added to the monthly inspection list."
    ]
    assert (found[0].proposer, found[0].seconder) == ("AB", "CD")


CONTENT = """\
Minutes of Holt Parish Council held on 1 June 2017

5. Accounts
The Clerk had not finished the accounts report. AB proposed and CD seconded that the accounts
should be presented at the July meeting. Councillors present were content with the proposal.

6. Payments
The Chair asked the Councillors present if they were content with the payments. All
Councillors noted they were content.
"""


def test_clerk_sees_members_being_content_with_a_proposal_as_agreeing_it():
    found = decisions(CONTENT)
    assert [d.outcome for d in found] == ["agreed", "agreed"], [d.text for d in found]
    assert found[0].text.startswith("AB proposed and CD seconded that the accounts")
    assert found[1].text.startswith("The Chair asked the Councillors present if they were content")
