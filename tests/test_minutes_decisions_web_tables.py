"""Minutes taken from a city council's web page, where the table's empty cells come through
as lines of rules ("|", "||||"): each motion under its "Moved A - B:" line is a decision of
its own, and the page's "DECISION SUMMARY" and "ITEM | DECISION" headers are none. The
fixture is invented, in that layout."""

from __future__ import annotations

from ledger.readers.minutes import parse_minutes

CITY = """\
Ridgeview City Council - Minutes of 4 March 2024
|
DECISION SUMMARY |
||||||
|
ITEM |
|
DECISION |
||||
|
1. |
CALL TO ORDER AND RELATED BUSINESS |
|
1.2 |
Adoption of Agenda |
|
||||
|
Moved Jane Ortiz - Sam Reid: |
|
||||
|
That the March 4, 2024, City Council meeting agenda be adopted with the following changes:
Additions: 6.6 Winter road budget |
|
|||
In Favour: |
Carried |
||||
|
Moved Ann Lee - Tom Park: |
|
||||
|
That the following item be added to the March 4, 2024, City Council meeting agenda: 9.5 Transit
planning - PRIVATE |
|
|||
"""


def test_each_motion_under_its_movers_in_a_web_table_is_a_decision_and_headers_are_none():
    found = [d for item in parse_minutes(CITY).items for d in item.decisions]
    texts = [d.text for d in found]
    assert texts == [
        "That the March 4, 2024, City Council meeting agenda be adopted with the following "
        "changes: Additions: 6.6 Winter road budget",
        "That the following item be added to the March 4, 2024, City Council meeting agenda: "
        "9.5 Transit planning - PRIVATE",
    ], texts
    assert [(d.proposer, d.seconder) for d in found] == [
        ("Jane Ortiz", "Sam Reid"),
        ("Ann Lee", "Tom Park"),
    ]
