"""What a clerk does not want drafted as a new action: progress on an earlier meeting's
matter told in the passive under Matters arising, what follows from a decision ("will
therefore"), and the plans a presenter tells in the bullets of an update; while a decision
under Matters arising still gives its action."""

from __future__ import annotations

from ledger.readers.minutes import parse_minutes

MINUTES = """\
Minutes of the Parish Council meeting held on 10 July 2013

Present: Jane Hall, Simon Barnes, Heather Poole

4. Matters Arising:
a) Item 9 of the June minutes - Village Survey - the Chairman carried out a survey of the
village. A report will be forwarded to Highways for their attention.

b) Item 10 of the June minutes - it was agreed that a notice of the vacancy will be displayed
on the notice board.

5. Appointments
Jane Hall was appointed as Finance Lead.(Jane will therefore take over the review of the
caretaker's pay delegated to Simon above)

6. Update on outcomes data
- Adam Thompson updated the panel on work to publish court outcomes online in May.
- Outcomes will be anonymised to protect privacy and the data will be published monthly.

7. Website
The minutes will be published on the website.
"""


def actions() -> list[str]:
    return [a.text for a in parse_minutes(MINUTES).actions]


def test_progress_told_in_the_passive_under_matters_arising_is_no_new_action():
    assert not any("forwarded to Highways" in a for a in actions())


def test_a_decision_under_matters_arising_still_gives_its_action():
    assert any("notice of the vacancy" in a for a in actions())


def test_what_follows_from_a_decision_is_no_new_action():
    assert not any("therefore" in a for a in actions())


def test_a_presenters_plans_in_the_bullets_of_an_update_are_no_actions_of_the_meeting():
    assert not any("anonymised" in a for a in actions())
    assert "The minutes will be published on the website." in actions()
