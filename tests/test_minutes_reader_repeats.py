"""What a draft must not hold twice or at all: a decision page's "Decision:" block repeated
under "Minutes:", an election told in prose then resolved formally, motions that only run
the sitting (called to order, reconvene, re-open), and what one member "noted that"."""

from __future__ import annotations

from ledger.readers.minutes import parse_minutes

DECISION_PAGE = """\
Agenda, decisions and minutes - Transport Board, Wednesday 9 March 2022

3.

Minutes of the previous meeting

Decision:

The minutes of the meeting on 9 February 2022 were approved as a correct record.

Minutes:

The Chair thanked officers for the bus report.

The minutes of the meeting on 9 February 2022 were approved as a correct record.
"""


def decisions(text: str) -> list:
    draft = parse_minutes(text)
    return [d for item in draft.items for d in item.decisions]


def test_clerk_sees_a_decision_once_when_the_minutes_block_repeats_the_decision_block():
    texts = [d.text for d in decisions(DECISION_PAGE)]
    assert texts == [
        "The minutes of the meeting on 9 February 2022 were approved as a correct record."
    ]


GOVERNORS = """\
Minutes of the Full Governing Body of Oak Lane School held on 4 May 2022

6. Appointments
Governors welcomed the two new parents. She was appointed as a Parent Governor.
Governors thanked the second applicant. She was appointed as a Parent Governor.
"""


def test_two_like_decisions_of_one_block_both_stay():
    texts = [d.text for d in decisions(GOVERNORS)]
    assert texts.count("She was appointed as a Parent Governor.") == 2, texts


ELECTION = """\
Minutes of the Annual Meeting of the Harbour Authority held on 8 June 2023

1. Election of Chair
Councillor P Rowe was nominated by Councillor S Dale. As there were no other nominations,
Councillor P Rowe was duly elected as Chair of the Harbour Authority for 2023/24.

RESOLVED:
That Councillor P Rowe be elected Chair of the Harbour Authority for 2023/24.

2. Election of Vice-Chair
RESOLVED:
That Councillor T Webb be elected Vice-Chair of the Harbour Authority for 2023/24.
"""


def test_clerk_sees_an_election_once_when_the_resolution_restates_the_narrative():
    texts = [d.text for d in decisions(ELECTION)]
    assert texts == [
        "That Councillor P Rowe be elected Chair of the Harbour Authority for 2023/24.",
        "That Councillor T Webb be elected Vice-Chair of the Harbour Authority for 2023/24.",
    ]


SITTING = """\
Minutes of the Regular Council Meeting of the Township of Cedar, April 8, 2024

1. Call to Order
Moved by Councillor Ames, Seconded by Councillor Brook
THAT the Regular Council Meeting held on April 8, 2024 be called to order at 7:02 p.m.
Motion Carried.

2. Budget
Moved by Councillor Brook, Seconded by Councillor Ames
THAT the 2024 operating budget be adopted as presented.
Motion Carried.

3. Reconvene
THAT the Open Council meeting do now reconvene. CARRIED UNANIMOUSLY

4. Any other business
There being no further business, Cllr Ames proposed the meeting be re-opened for questions
seconded by Cllr Brook. Agreed.

5. Mileage
The Clerk noted that mileage is agreed on the basis of prior approval by the Council.
"""


def test_clerk_sees_the_budget_adopted_but_no_motion_that_only_runs_the_sitting():
    texts = [d.text for d in decisions(SITTING)]
    assert any("operating budget be adopted" in t for t in texts), texts
    assert not any("called to order" in t for t in texts), texts
    assert not any("reconvene" in t for t in texts), texts
    assert not any("re-opened" in t for t in texts), texts


def test_what_one_member_noted_that_is_no_decision_of_the_council():
    assert not any("mileage" in d.text for d in decisions(SITTING))


HEARD = """\
Minutes of the Library Board held on 15 December 2016

4. Operations
The Committee received comprehensive updates regarding IT, stock and the van service.
The Council received a paper which set out the annual report and priorities for 2017.
Ben suggested that trustees should see the business plan before it was adopted.
Ana asked if there was anything in the new standard that could be adopted.
The Board noted the report.
"""


def test_what_a_board_heard_or_might_do_is_no_decision_but_noting_the_report_is():
    texts = [d.text for d in decisions(HEARD)]
    assert texts == ["The Board noted the report."], texts
