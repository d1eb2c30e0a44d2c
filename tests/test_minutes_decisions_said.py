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
