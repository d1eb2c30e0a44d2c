"""A parish council's joint planning meeting lists each application as a bullet, with the
council's answer on the line below it ("Unanimously AGREED to recommend APPROVAL", "No
Comments and AGREED to go with decision of Planning Officer"). Each answer is a decision
about the application above it, not the one below; "PROPOSAL:" in an application's
description names no proposer; and numbered headings in capitals with no full stop ("334
APOLOGIES FOR ABSENCE") are items. Every fixture is invented, in that layout."""

from __future__ import annotations

from ledger.readers.minutes import parse_minutes

MINUTES = """\
Minutes of the Joint Planning Committee and Full Parish Council Meeting held on 7th April 2025
334 APOLOGIES FOR ABSENCE
Cllr Paula Stock
337 EXCLUSION OF THE PRESS AND PUBLIC
Members AGREED that no items required this
338 PLANNING COMMITTEE (For Planning Committee consideration only)
338.1 To consider the following planning applications:
- 25/501261/FULL PROPOSAL: 5 River Close
Erection of a single storey front extension.
Unanimously AGREED to recommend APPROVAL
- 25/501113/FULL 3 Walters Cottages
Erection of a two storey side extension.
Unanimously AGREED to recommend REFUSAL
- 25/500342/SUB Hazeldene Dean Street
Consultee Comment on Discharge of conditions as above
No Comments and AGREED to go with decision of Planning Officer
"""


def test_each_answer_is_a_decision_on_the_application_listed_above_it():
    draft = parse_minutes(MINUTES)

    planning = [d for d in draft.decisions if "/" in d.text[:12]]
    assert [d.text.split()[0] for d in planning] == [
        "25/501261/FULL",
        "25/501113/FULL",
        "25/500342/SUB",
    ]
    assert planning[0].text.endswith("Unanimously AGREED to recommend APPROVAL")
    assert planning[1].text.endswith("Unanimously AGREED to recommend REFUSAL")
    assert "AGREED to go with decision of Planning Officer" in planning[2].text
    assert all(d.proposer == "" for d in planning)


def test_numbered_headings_in_capitals_are_items():
    draft = parse_minutes(MINUTES)

    assert [(i.number, i.title) for i in draft.items][:3] == [
        ("334", "APOLOGIES FOR ABSENCE"),
        ("337", "EXCLUSION OF THE PRESS AND PUBLIC"),
        ("338", "PLANNING COMMITTEE (For Planning Committee consideration only)"),
    ]
    assert [d.text for d in draft.items[1].decisions] == [
        "Members AGREED that no items required this"
    ]


APPLICATIONS = """\
Minutes for an Extra-ordinary meeting of the Council on Tuesday 19th August 2025

9. Urgent Planning

9.1 Applications
25/01131/FUL Proposed single storey side extension with pitched roof
At 12 Talbot Court For Mr & Mrs Carter
Planning officer Victoria Kemp Date 3 September 2025
No objection
25/01961/FUL Single storey side extension and erection of boundary wall
At 15 Lysander Close For Mr Howard Smith
Planning officer Ryan Keeffe Date 29 August 2025
Object

10. Cllr and Clerk exchange of information
"""


def test_applications_listed_without_a_gap_each_get_their_answer():
    draft = parse_minutes(APPLICATIONS)

    assert [(d.text.split()[0], d.outcome) for d in draft.decisions] == [
        ("25/01131/FUL", "agreed"),
        ("25/01961/FUL", "rejected"),
    ]
