"""Actions named by people the attendance list leaves out but the minutes show speaking
("Robin Hale noted ... Robin to speak to ..."), a promise in a sentence's later clause
("... but the Head of Finance reported that she would check ..."), and an earlier
meeting's action log read back with its progress ("Action 2: ..." then "• Complete."),
which gives nothing new."""

from __future__ import annotations

from ledger.readers.minutes import parse_minutes

FORUM = """\
Minutes of the Schools Forum held on 12 March 2014

Present: Mr A Brook (Chair)

1. Apologies
There were no apologies.

2. Minutes
The minutes of the last meeting were agreed as a correct record.

3. Matters arising
Robin Hale noted the contact list had not been sent. Robin to speak to the admissions team to
arrange for the contact list to be shared.

4. Quorum
Changes could be made quickly but the Head of Finance reported that she would check which
approvals were needed.
"""

LOG = """\
Minutes of the Data Panel held on 13 March 2012

2. Actions from the last meeting

Action 1: Sam Reed to publish the hit rates on the portal.

\u2022 Partially complete. Sam will publish the rest with these minutes.

Action 2: Lee Park to refresh the principles and bring them to the next meeting.

\u2022 Not to be taken forward. The new strategy replaces this action.

3. Open data
Action: Lee Park to ask the Home Office whether the contract can be released.
"""


def actions(text: str) -> list:
    draft = parse_minutes(text)
    return [a for item in draft.items for a in item.actions]


def test_clerk_sees_an_action_of_someone_the_minutes_show_speaking():
    found = [a for a in actions(FORUM) if "admissions team" in a.text]
    assert [a.owners for a in found] == [["Robin"]], [(a.owners, a.text) for a in actions(FORUM)]


def test_clerk_sees_a_promise_made_in_the_later_clause_of_a_sentence():
    found = [a for a in actions(FORUM) if "which approvals" in a.text]
    assert [a.owners for a in found] == [["Head of Finance"]]


def test_an_earlier_action_read_back_with_its_progress_gives_nothing_new():
    draft = parse_minutes(LOG)
    texts = [a.text for a in actions(LOG)]
    assert texts == ["Lee Park to ask the Home Office whether the contract can be released."], texts
    assert not any("principles" in r.what for r in draft.report_backs)
