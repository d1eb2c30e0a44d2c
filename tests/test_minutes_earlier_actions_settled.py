"""Under "Matters arising and action points" a planning committee's clerk lists the last
meeting's actions by their minute number, each with its state at the end of the line
("- 25/06. Ask the owners ... COMPLETED – NO REPLY"). Those are the earlier meeting's
actions read again, not new ones and not new report-backs, even where one names "the next
meeting"; an earlier action read again with an update is not new, the update's own
action is; a new action given under the same heading still counts. Every fixture is
invented, in that layout."""

from __future__ import annotations

from ledger.readers.minutes import parse_minutes

MINUTES = """\
Minutes of the Planning Committee held on 20th July 2025

25/28 Matters arising and action points
Matters arising –
The Clerk is to go back to the planning officer about the bin store at the garage.
- 25/06. Ask the owners of the garage whether they can plant a hedge. COMPLETED – NO REPLY
- 25/14. Ask the borough whether the shop needed planning consent. NO REPLY – CHASE
- 25/24. Add the floodlights proposal to the next Rec agenda. COMPLETED
- 25/17. Clerk to ask about the delay on the Manor House application. UPDATE – CLERK TO ASK
WHETHER THE VERGE WILL BE MADE GOOD
Cllr Brady:
- 25/18. Create draft terms of reference for the next meeting. COMPLETED
No other outstanding actions
"""


def test_an_earlier_actions_state_read_again_is_neither_a_new_action_nor_a_report_back():
    draft = parse_minutes(MINUTES)

    assert [a.owners for a in draft.actions] == [["Clerk"], ["Clerk"]]
    assert "bin store" in draft.actions[0].text
    assert draft.actions[1].text.startswith("CLERK TO ASK WHETHER THE VERGE")  # the update's new
    assert draft.report_backs == []
    assert not any(d.follow_up for d in draft.decisions)
