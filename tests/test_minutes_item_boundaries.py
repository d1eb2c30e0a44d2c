"""Where one minuted item ends and the next begins, so that each decision is filed under the
item that took it: a resolution that has said what it resolved does not swallow the next
numbered heading as one of its parts ("Resolved – to defer ...", then "11) Planning"), and
on a council's web page the next item's number standing alone takes its title below even
in sentence case ("127.", then "Dates of future meetings"). Every fixture is invented, in
the layouts councils publish."""

from __future__ import annotations

from ledger.readers.minutes import parse_minutes

RUN_ON = """\
Minutes of the Parish Council Meeting held on Monday 2nd June 2025 in the Old School
10) Village Map Board
 Resolved – to defer the decision on the village map board.
11) Planning
 11.1 Agreed – to raise no objection to the porch at Ivy Cottage.
12) Meeting Dates
 Agreed – that the council meets on the first Monday of each month.
13) Speed Watch
 The volunteers reported twelve speeding vehicles.
"""


def test_a_resolution_that_has_ended_leaves_the_next_numbered_heading_to_its_item():
    draft = parse_minutes(RUN_ON)

    filed = {item.number: [d.text for d in item.decisions] for item in draft.items}
    assert filed["10)"] == ["Resolved – to defer the decision on the village map board."]
    assert [d.parts for d in draft.decisions if "map board" in d.text] == [[]]
    assert "11)" in filed and "12)" in filed


WEB_PAGE = """\
Agenda and minutes

Highways Cabinet Committee - Wednesday, 12th March, 2025 10.00 am

Items
No. Item

126.

Minutes of the meeting held on 20 January 2025 pdf icon PDF 129 KB

To consider and approve the minutes as a correct record.

Minutes:

RESOLVED that the minutes of the meeting held on 20 January 2025 are a correct record.

127.

Dates of future meetings for 2025/26

The Cabinet Committee is asked to note the dates reserved for its meetings.

Minutes:

It was RESOLVED that the Committee noted the dates reserved for its meetings in 2025/26.
"""


def test_a_web_pages_next_item_takes_its_title_below_its_number_in_sentence_case():
    draft = parse_minutes(WEB_PAGE)

    filed = {item.number: item for item in draft.items}
    assert filed["127"].title == "Dates of future meetings for 2025/26"
    assert [d.text for d in filed["127"].decisions] == [
        "the Committee noted the dates reserved for its meetings in 2025/26."
    ]
    assert len(filed["126"].decisions) == 1
