"""What is no decision of this body though its words sound like one: what a member reported
("PB commented that ... the application will not be accepted"), a decision of another body
"having been approved"; and a decision the closing list of decisions restates in other words
is recorded once, as the list gives it. Every fixture is invented, in common layouts."""

from __future__ import annotations

from ledger.readers.minutes import parse_minutes

REPORTS = """\
Minutes of Ashcombe Parish Council, 5 June 2024

81/24 Quarry report
PB commented that the case officer has written to the agent and that the application will
not be accepted until the missing plans are submitted. The Clerk also noted that, the
accounts having been approved by the internal auditor, the annual return could be signed.
PK noted that the hall roof needed repairs and it was agreed that the Clerk obtain quotes.
"""


def texts(text: str) -> list[str]:
    return [d.text for item in parse_minutes(text).items for d in item.decisions]


def test_what_a_member_reported_is_no_decision_but_what_the_council_agreed_after_it_is():
    found = texts(REPORTS)
    assert not any("will not be accepted" in t or "having been approved" in t for t in found)
    assert found == [
        "PK noted that the hall roof needed repairs and it was agreed that the Clerk obtain quotes."
    ]


STANDARDS_BOARD = """\
Technical Standards Board - 12 March 2024

The Board discussed how to publish its standards. KT asked the Board whether they were
content for the draft principles to go to the programme board for approval. The Board agreed.

A case from the regional team was discussed. The Board agreed that it would be willing to
review and advise on cases such as this.

Decisions

* The Board agreed that the draft principles were ready to go to the programme board for approval.
* The Board agreed that it would be willing to review and advise on cases such as the team's.
"""


def test_a_decision_the_closing_list_restates_in_other_words_is_recorded_once_as_listed():
    found = texts(STANDARDS_BOARD)
    assert found == [
        "The Board agreed that the draft principles were ready to go to the programme board for "
        "approval.",
        "The Board agreed that it would be willing to review and advise on cases such as the "
        "team's.",
    ]


PAST_NEWS = """\
Minutes of the Friends of Elmford Library, 2 July 2024

4. Garden
The planning application for the shed has now been approved. This will be paid for by the
trustees once we have decided which design to use. We received a good report last year but
have still failed to clear the store room.

5. Minutes of the last meeting
Minute 31/24c should read: Room hire - new fees were shown on the screen. These were agreed.
"""


def test_news_of_approvals_elsewhere_and_past_reports_and_a_corrected_minute_are_no_decisions():
    assert texts(PAST_NEWS) == []


FORUM = """\
Schools Forum - 10 March 2025

6. Governance review
The Chair invited the Forum to consider the recommendations in section two of the report.
The recommendations were proposed and seconded and at the vote the motion was approved.

RESOLVED that the recommendations set out in section two of the report be approved.
"""


def test_the_vote_told_before_the_resolution_is_the_resolutions_vote_not_a_decision_of_its_own():
    found = [d for item in parse_minutes(FORUM).items for d in item.decisions]
    assert [d.text for d in found] == [
        "the recommendations set out in section two of the report be approved."
    ]
    assert found[0].vote is not None and found[0].vote.result == "carried"
