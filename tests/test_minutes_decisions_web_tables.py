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


TOWNSHIP = """\
Regular Council Meeting - May 6, 2024

1.

  • Moved by: Councillor Ann Lee
    Seconded by: Councillor Tom Park

    THAT the Regular Council Meeting held on May 6, 2024 be called to order at 6:04 p.m.

    Motion Carried Unanimously

2.

  • Moved by: Councillor Ann Lee
    Seconded by: Councillor Eva Lind

    THAT a Closed Meeting of Council be held on May 6, 2024, to consider the following:

    1. A personnel matter about an identifiable individual.
    Motion Carried Unanimously

3.

    THAT apologies from Councillor Ray Moss are received. CARRIED
"""


def test_a_motion_announcing_the_following_keeps_its_numbered_point_and_its_movers():
    found = [d for item in parse_minutes(TOWNSHIP).items for d in item.decisions]
    assert [d.text[:30] for d in found] == ["THAT a Closed Meeting of Counc"], [
        d.text for d in found
    ]
    closed = found[0]
    assert closed.parts == ["1. A personnel matter about an identifiable individual."]
    assert (closed.proposer, closed.seconder) == ("Councillor Ann Lee", "Councillor Eva Lind")
    assert closed.vote is not None and closed.vote.result == "unanimous"


PAGE = """\
No. | Item |
Apologies Minutes: Apologies for absence were received from Councillor Jones. |
Urgent business If a decision cannot reasonably be deferred, the Leader may take it. |
Minutes Minutes: RESOLVED: That the minutes of 20 July 2021 be received as a correct record. |
"""


def test_each_cell_of_a_web_tables_row_is_read_alone_and_apologies_received_decide_nothing():
    texts = [d.text for item in parse_minutes(PAGE).items for d in item.decisions]
    assert len(texts) == 1 and "20 July 2021" in texts[0], texts
