"""Recorded votes kept with their decision, and a motion lost read as lost: a tally and
"The motion was lost." under a RESOLVED line, a proposal "put to the vote and LOST", a
proposal whose counts stand a line each ("For: 12") before "The proposal was not agreed",
an amendment not carried beside a recommendation "carried by 22 votes to one", named votes
and a roll call. Every fixture is invented, in the layouts councils use."""

from __future__ import annotations

from ledger.readers.minutes import parse_minutes
from ledger.readers.minutes_vote_counts import vote


def decisions(text: str) -> list:
    return [d for item in parse_minutes(text).items for d in item.decisions]


HALL_HIRE = """\
Minutes of Upper Brook Parish Council held on 4 March 2024

12. Village hall
RESOLVED that the hall hire charges be increased by 10% from April.
4 votes for, 5 against. The motion was lost.

13. Bus shelter
RESOLVED that the bus shelter be repainted green. 6 votes for, 1 against. The motion was carried.
"""


def test_a_resolution_then_its_tally_and_the_motion_lost_is_one_lost_decision_with_its_votes():
    found = [d for d in decisions(HALL_HIRE) if "hall hire" in d.text]
    assert len(found) == 1, [d.text for d in decisions(HALL_HIRE)]
    assert not any(d.text.startswith(("The motion", "4 votes")) for d in decisions(HALL_HIRE))
    assert found[0].outcome == "lost"
    assert (found[0].vote.votes_for, found[0].vote.against, found[0].vote.result) == (4, 5, "lost")


def test_a_resolution_carried_on_its_own_line_keeps_its_outcome_and_its_votes():
    found = [d for d in decisions(HALL_HIRE) if "bus shelter" in d.text]
    assert len(found) == 1
    assert found[0].outcome == "resolved"
    assert (found[0].vote.votes_for, found[0].vote.against, found[0].vote.result) == (
        6,
        1,
        "carried",
    )


PRECEPT = """\
Minutes of Lower Brook Parish Council held on 9 January 2024

5. Precept
It was proposed by Cllr Smith and seconded by Cllr Jones that the precept be approved at
£20,000. This was put to the vote and was LOST.

6. Grants
It was proposed by Cllr Jones, seconded by Cllr Moss, that the grant to the youth club be
approved. Put to the vote: 3 for, 5 against. LOST
"""


def test_a_proposal_put_to_the_vote_and_lost_is_lost_not_approved():
    found = decisions(PRECEPT)
    precept = [d for d in found if "precept" in d.text]
    assert len(precept) == 1, [d.text for d in found]
    assert precept[0].outcome == "lost"
    assert (precept[0].proposer, precept[0].seconder) == ("Cllr Smith", "Cllr Jones")
    assert precept[0].vote is not None and precept[0].vote.result == "lost"


def test_a_proposal_then_its_tally_then_lost_is_one_lost_decision_with_its_counts():
    grant = [d for d in decisions(PRECEPT) if "youth club" in d.text or d.text == "LOST"]
    assert len(grant) == 1, [d.text for d in decisions(PRECEPT)]
    assert grant[0].outcome == "lost"
    assert (grant[0].vote.votes_for, grant[0].vote.against) == (3, 5)


ORDER_OF_BUSINESS = """\
39. Order of business

Minutes:

Councillor Amber moved and Councillor Birch seconded a proposal to take the depot item next.

The proposal was put to the vote, with the following result:

For: 12

Against: 19

Abstention: 1

The proposal was not agreed and the business continued in the order of the agenda.

40. Land at Mill Lane

Councillor Cole presented the report and proposed the recommendation. Councillor Dale
seconded the proposal.

A vote was taken on the amendment, which was not carried.

The vote on the recommendation was then taken, and carried by 22 votes to one, with two
abstentions.
"""


def test_a_proposal_whose_counts_stand_a_line_each_and_which_was_not_agreed_is_lost():
    found = [d for d in decisions(ORDER_OF_BUSINESS) if "depot" in d.text]
    assert len(found) == 1, [d.text for d in decisions(ORDER_OF_BUSINESS)]
    moved = found[0]
    assert moved.outcome == "lost"
    assert moved.text.endswith(
        "The proposal was not agreed and the business continued in the order of the agenda."
    )
    assert (moved.proposer, moved.seconder) == ("Councillor Amber", "Councillor Birch")
    counts = (moved.vote.votes_for, moved.vote.against, moved.vote.abstained, moved.vote.result)
    assert counts == (12, 19, 1, "lost")


def test_an_amendment_not_carried_and_the_recommendation_carried_by_votes_are_two_decisions():
    found = [d for d in decisions(ORDER_OF_BUSINESS) if "depot" not in d.text]
    amendment = [d for d in found if "amendment" in d.text]
    carried = [d for d in found if "recommendation" in d.text]
    assert [d.outcome for d in amendment] == ["lost"], [d.text for d in found]
    assert [d.outcome for d in carried] == ["carried"]
    assert carried[0].text.startswith("Councillor Cole presented the report")
    assert (carried[0].proposer, carried[0].seconder) == ("Councillor Cole", "Councillor Dale")
    counts = (carried[0].vote.votes_for, carried[0].vote.against, carried[0].vote.abstained)
    assert counts == (22, 1, 2)


def test_a_clerk_sees_who_voted_which_way_where_the_minutes_name_them():
    said = vote("Those voting for: Cllrs Hale, Pike and Moss. Against: Cllr Dunn. Carried.")
    assert said is not None
    assert said.names_for == ["Cllr Hale", "Cllr Pike", "Cllr Moss"]
    assert said.names_against == ["Cllr Dunn"]
    assert (said.votes_for, said.against, said.result) == (3, 1, "carried")


def test_a_roll_call_names_each_members_vote():
    said = vote("Upon a roll call vote Berg yea, Ortiz yea, Lindqvist nay, the motion passed.")
    assert said is not None
    assert (said.names_for, said.names_against) == (["Berg", "Ortiz"], ["Lindqvist"])
    assert said.result == "carried"


def test_counts_with_the_label_first_are_read_label_first():
    said = vote("For 3 Against 5 Abstentions 0 LOST")
    assert said is not None
    assert (said.votes_for, said.against, said.abstained, said.result) == (3, 5, 0, "lost")


def test_work_carried_out_and_two_benches_are_no_vote():
    assert vote("The hedge work was carried out by the contractor.") is None
    assert vote("2 no. benches were ordered for the green.") is None


PAYMENTS = """\
Minutes of Hollins Parish Council held on 8 July 2024

10. Approval of payments
Statement of account as at 30 June: community account £388.83.

Cllr Mrs Dale proposed approval for payment seconded by Cllr Webb

11. Minutes
Cllr Webb proposed acceptance of the minutes seconded by Cllr Mrs Stone.

_5_ Votes for - Unanimously approved

12. Bus shelter
Cllr Stone proposed a new shelter on Mill Lane, seconded by Cllr Webb. After discussion the
proposal was withdrawn.

13. Hedges
Cllr Dale proposed cutting the hedges in March.
"""


def test_a_motion_proposed_and_seconded_with_no_result_given_was_agreed_at_its_items_end():
    found = [d for item in parse_minutes(PAYMENTS).items for d in item.decisions]
    payment = [d for d in found if "approval for payment" in d.text]
    assert [(d.outcome, d.proposer, d.seconder) for d in payment] == [
        ("agreed", "Cllr Mrs Dale", "Cllr Webb")
    ]


def test_a_motion_and_its_tally_on_the_next_line_are_one_decision():
    found = [d for item in parse_minutes(PAYMENTS).items for d in item.decisions]
    minutes = [d for d in found if "minutes" in d.text.lower() or "Votes for" in d.text]
    assert len(minutes) == 1, [d.text for d in found]
    assert minutes[0].text.startswith("Cllr Webb proposed acceptance of the minutes")
    assert minutes[0].vote is not None and minutes[0].vote.result == "unanimous"


def test_a_motion_withdrawn_or_never_seconded_is_no_decision():
    texts = [d.text for item in parse_minutes(PAYMENTS).items for d in item.decisions]
    assert not any("shelter" in t or "hedges" in t for t in texts), texts


def test_a_vote_by_names_counts_each_side_and_emphasis_does_not_hide_a_count():
    said = vote("Motion carried by a vote of Ann Berg yea, Tom Ortiz yea, and Eva Lind yea.")
    assert said is not None
    assert (said.votes_for, said.against, said.names_for) == (3, 0, ["Berg", "Ortiz", "Lind"])
    bold = vote("**_5_** Votes for - **Unanimously** approved")
    assert bold is not None and (bold.votes_for, bold.against) == (5, 0)


REVIEW = """\
Cabinet - 10 October 2024

4. Minutes

Decision:

RESOLVED that the minutes of the meeting held on 5 September 2024 be approved.

Voting Record

5 For, 0 Against, 1 Abstention

Minutes:

RESOLVED: That the minutes of the meeting held on 5 September 2024 be approved.

5. Library
It was agreed to extend the opening hours, with one against.
"""


def test_a_decision_pages_vote_stays_with_its_decision_told_again_under_minutes():
    found = [d for item in parse_minutes(REVIEW).items for d in item.decisions]
    minutes = [d for d in found if "5 September" in d.text]
    assert len(minutes) == 1
    counts = minutes[0].vote.votes_for, minutes[0].vote.against, minutes[0].vote.abstained
    assert counts == (5, 0, 1) and minutes[0].vote.result == "carried"


def test_counts_given_with_a_decision_agreed_carried_it():
    found = [d for item in parse_minutes(REVIEW).items for d in item.decisions]
    hours = [d for d in found if "opening hours" in d.text]
    assert [(d.vote.against, d.vote.result) for d in hours] == [(1, "carried")]


RECORDED = """\
Council - 17 January 2024

79. Budget

Minutes:

An amendment was moved by Councillor Ray and seconded by Councillor Dunn. Upon being put to
the vote the amendment was declared lost.

The substantive motion was then put to the vote and carried.

Motion status:
Carried
| Vote | Councillors | Count |
|---|---|---|
| For | A Adams, B Boyce, C Carter | 3 |
| Against | None | 0 |
| Abstain | D Darling | 1 |
"""


def test_a_recorded_votes_table_is_the_vote_of_the_motion_carried_above_it():
    found = [d for item in parse_minutes(RECORDED).items for d in item.decisions]
    assert [d.outcome for d in found] == ["lost", "carried"], [d.text for d in found]
    carried = found[1]
    assert carried.text == "79 Budget: The substantive motion was then put to the vote and carried."
    said = carried.vote
    assert (said.votes_for, said.against, said.abstained) == (3, 0, 1)
    assert (said.names_for, said.names_abstained) == (
        ["A Adams", "B Boyce", "C Carter"],
        ["D Darling"],
    )
    assert (found[0].proposer, found[0].seconder) == ("Councillor Ray", "Councillor Dunn")
