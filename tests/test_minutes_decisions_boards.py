"""Decisions as advisory boards and panels minute them, with no RESOLVED in sight: the
board's view ("The Board noted that X is central to ...", "felt it was important to ..."), not
its remark on working well ("noted that it was vital to get the tone right"),
its request ("The panel asked that the sources be made clear"), a decision after what the
board discussed ("discussed the letter, but agreed that ..."), "Action: It was agreed ...";
and a council's quoted motion under "AND AGREED", "This was confirmed." under an item, a
planning answer among an item's inline sub-points ("11.1 ... No objection 11.2 ...").
Every fixture is invented, in the layouts such bodies use."""

from __future__ import annotations

from ledger.readers.minutes import parse_minutes

BOARD = """\
Open Data Board - minutes of 3 April 2024

Item 2: Data standards

The Board noted that common identifiers are central to the open data programme. The Board
thanked the team for its work, and noted that it was important that the schedule was published
early. The Board noted that it was vital to get the tone right.
The Board felt it was therefore important to agree a single licence. The Board noted that the
schedule had been sent to departments. The Board set out their view that a single register of
addresses needed to be open to all.

The panel asked that the sources behind each chart be made clear. The Board asked that the
secretary book a room.

The Board discussed the draft letter to the regions and made some small changes, but agreed
that it would be signed off at the June meeting.

Action: It was agreed Ann and Raj would meet the regions outside the meeting.
"""


def texts(text: str) -> list[str]:
    return [d.text for item in parse_minutes(text).items for d in item.decisions]


def test_a_boards_view_and_its_request_are_its_decisions_a_fact_it_heard_is_not():
    found = texts(BOARD)
    assert (
        "The Board noted that common identifiers are central to the open data programme." in found
    )
    assert any(t.startswith("The Board thanked the team") for t in found)
    assert "The Board felt it was therefore important to agree a single licence." in found
    assert "The panel asked that the sources behind each chart be made clear." in found
    assert any(t.startswith("The Board set out their view") for t in found)
    assert not any("schedule had been sent" in t or "book a room" in t for t in found), found
    assert not any("tone right" in t for t in found), found  # a remark on working well


def test_a_decision_after_what_the_board_discussed_and_an_action_it_agreed_are_decisions():
    found = texts(BOARD)
    assert any(t.startswith("The Board discussed the draft letter") for t in found)
    assert "It was agreed Ann and Raj would meet the regions outside the meeting." in found


COUNCIL = """\
Minutes of the Ordinary Meeting of Westmoor County Council, 1 October 2024

1. MINUTES OF THE ORDINARY MEETING HELD ON 2ND SEPTEMBER, 2024:

Proposed by Councillor A. Burke

Seconded by Councillor T. Walsh

AND AGREED

"To confirm the Minutes of the Ordinary September Meeting held on 2nd September 2024"

2. Part 1 and Part 2 business

To confirm that the items of business marked Part 2 will be considered in private

Minutes:

This was confirmed.

11. Planning applications received for consultation. 11.1 24/00311/F Rear extension at 4 Mill
Lane No objection 11.2 24/00320/F New garage at Elm Farm More information will be sought.
"""


def test_a_quoted_motion_under_and_agreed_and_this_was_confirmed_are_decisions():
    found = texts(COUNCIL)
    assert any(t.startswith('"To confirm the Minutes of the Ordinary September') for t in found)
    assert any(t.endswith("This was confirmed.") for t in found), found


def test_a_planning_answer_among_an_items_inline_sub_points_is_a_decision():
    found = texts(COUNCIL)
    assert "11.1 24/00311/F Rear extension at 4 Mill Lane No objection" in found, found
    assert not any("Elm Farm" in t for t in found)
