"""Sentences that read like decisions but record none, so a clerk's draft holds only what
the meeting decided: a remark on how to work, an errand to bring something back, a
signature on the minutes, a decision another meeting took."""

from __future__ import annotations

from ledger.readers.minutes import parse_minutes

STEERING_GROUP = """\
Notes of the Harbour Steering Group, 3 October 2024

4. Volunteer rota
The Group noted that it was essential to keep the volunteers informed. Newsletters had
helped in the past.
The Group noted that it was important that the rota stays with the harbour office.

5. Mooring fees
Skippers have asked for a discount on winter moorings. It was agreed that Priya would
bring the figures to the next meeting.
"""


def test_a_remark_on_working_well_is_not_a_decision_but_a_view_on_the_rota_is():
    draft = parse_minutes(STEERING_GROUP)
    texts = [d.text for d in draft.decisions]
    assert not any("essential to keep the volunteers" in t for t in texts), texts
    assert any("rota stays with the harbour office" in t for t in texts), texts


def test_someone_bringing_figures_to_the_next_meeting_is_a_report_back_not_a_decision():
    draft = parse_minutes(STEERING_GROUP)
    assert not any("Priya" in d.text for d in draft.decisions), draft.decisions
    backs = [r for r in draft.report_backs if "bring the figures" in r.what]
    assert backs and backs[0].when.relative == "next", draft.report_backs
