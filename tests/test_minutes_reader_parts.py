"""Resolutions in parts as decision pages print them: parts spaced apart by blank and
non-breaking-space lines, a part's own roman-numbered points kept inside it, and a lead-in
"That the ... Committee resolves to:" above a numbered list of what it resolved."""

from __future__ import annotations

from ledger.readers.minutes import parse_minutes

SPACED = """\
Decision:

RESOLVED:

\u00a0

(1)       That the report on the review of grants be noted;

\u00a0

(2)       That the new grant criteria be agreed as follows:

\u00a0

(i)            grants above \u00a35,000 go to the full Committee; and

(ii)           smaller grants are decided by the Clerk with the Chair.

\u00a0

(3)       That a review panel of three Members be set up.

\u00a0

Reason for decision: to keep the grants fair.
"""


def the_decisions(text: str) -> list:
    draft = parse_minutes(text)
    return [d for item in draft.items for d in item.decisions]


def test_clerk_sees_every_part_of_a_resolution_spaced_over_blank_lines():
    found = the_decisions(SPACED)
    assert len(found) == 1, [d.text for d in found]
    parts = found[0].parts
    assert [p[:3] for p in parts] == ["(1)", "(2)", "(3)"], parts
    assert "grants above" in parts[1] and "smaller grants" in parts[1]


LEAD_IN = """\
Agenda item

Committee Work Programme

That the Overview and Scrutiny Committee resolves to:

  1. Agree that the budget is scrutinised at a spotlight session in January.
  2. Request that all members send suggestions for the work plan to the Business Manager.

Andrew Lowe, Business Manager
"""


def test_clerk_sees_a_numbered_list_under_that_the_committee_resolves_to():
    found = the_decisions(LEAD_IN)
    assert len(found) == 1, [d.text for d in found]
    assert [p[:4] for p in found[0].parts] == ["1. A", "2. R"], found[0].parts
