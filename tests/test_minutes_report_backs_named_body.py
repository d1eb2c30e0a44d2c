"""A report-back may name the next sitting by the body's own name rather than "meeting": a
schools forum asks for details "back to the next Schools Forum", a scrutiny committee for a
report "to the next Cabinet". Either is the board's next meeting, resolved like any other.
Every fixture is invented."""

from __future__ import annotations

from ledger.readers.minutes import parse_minutes

FORUM = """\
Minutes of the Schools Forum held on 9 October 2025

4. Matters arising
Members asked about the pensions deficit. It was agreed that the finance officer would bring
details back to the next Schools Forum.
5. Budget monitoring
The Forum asked that the revised forecast come back to the next Cabinet for approval.
"""


def test_the_next_forum_or_cabinet_is_the_next_meeting_asked_to_hear_back():
    draft = parse_minutes(FORUM)

    said = [(b.when.said, b.when.relative) for b in draft.report_backs] + [
        (d.follow_up.said, d.follow_up.relative) for d in draft.decisions if d.follow_up
    ]
    assert ("the next Schools Forum", "next") in said
    assert ("the next Cabinet", "next") in said
