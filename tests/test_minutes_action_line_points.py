"""A trustees' clerk writes one ACTION line under a minute's numbered points. When the last
point tells nothing to do ("The book launch ... gave very positive feedback."), the line
names who owes what the earlier points gave, told once. When the last point owes a deed of
its own ("Agreed that Ali should bring the costs ..."), the line is that point's action:
an earlier point's "David was asked to write to the Lions" stays David's own action.
Every fixture is invented, in that layout."""

from __future__ import annotations

from ledger.readers.minutes import parse_minutes

MINUTES = """\
Minutes of Trustees of The Friends of Elmford Library, Meeting of 4th August 2025

Present; David Thomas, Chair (DT), Sheila Freeman (SF), Mike Stephens (MS), Ali Khan (AK)

9         Library Managers Report
9.1       A replacement people counter was purchased by the county.
9.2       Lego was bought with a Lions Club donation and the afternoon was a success.
          David was asked to write to the Lions thanking them for the donation.
9.3       Users have asked for headsets to use the computers. Agreed that Ali should bring
          the costs to the next meeting.
ACTION:Trustees/DT

10        Update from the Events Group
10.1      Sheila requested funds for a chair trolley. Sheila and Mike agreed to look at the
          options.
10.2      The book launch attracted many people and gave very positive feedback.
ACTION:TRUSTEES/SF/MS
"""


def test_an_earlier_points_action_stays_when_the_action_line_is_the_last_points_own():
    draft = parse_minutes(MINUTES)

    owed = [(a.owners, a.text) for a in draft.actions]
    assert any(owners == ["David"] and "write to the Lions" in text for owners, text in owed)
    assert any(owners == ["Trustees", "DT"] for owners, _ in owed)


def test_an_action_line_under_a_point_owing_nothing_states_the_earlier_points_action_once():
    draft = parse_minutes(MINUTES)

    events = [a.owners for a in draft.actions if a.line >= 12]
    assert events == [["TRUSTEES", "SF", "MS"]]  # not also "Sheila and Mike agreed to look"
