"""Councils elsewhere title their members otherwise than "Councillor": a city council's
"Councilmember", a board's "Commissioner", a town's "Alderman" or "Selectwoman". Whoever
moved and seconded a motion is kept with the decision, whatever their title."""

from __future__ import annotations

from ledger.readers.minutes import parse_minutes

CITY = """\
MINUTES OF THE PROCEEDINGS OF THE CITY COUNCIL OF LAKEVIEW
REGULAR SESSION
MARCH 3, 2025

6. APPROVAL OF AGENDA AND CONSENT AGENDA
Councilmember Ortiz moved and Councilmember Hale seconded to approve the Agenda and Consent
Agenda as presented.
Motion passed unanimously.

7. STREET LIGHTING CONTRACT
Alderwoman Price moved to award the contract to Northern Electric. Commissioner Dunn seconded.
Motion passed 4-1.
"""


def test_a_city_councils_movers_are_kept_with_their_titles():
    decisions = parse_minutes(CITY).decisions
    movers = {(d.proposer, d.seconder) for d in decisions}
    assert ("Councilmember Ortiz", "Councilmember Hale") in movers, decisions
    assert ("Alderwoman Price", "Commissioner Dunn") in movers, decisions


COMMITTEE = """\
Minutes of the Harbour Grants Committee, 9 April 2025

4. Impact report
The Vice Chair asked if the impact report could go in the members' newsletter.

The Chair supported this and asked the Parish Clerk to action.

5. Tree survey
Dana Reyes talked through the tree survey. Dana will return the marked-up map to the clerk.
"""


def test_asked_to_action_and_will_return_are_actions_of_those_named():
    actions = [(a.owners, a.text) for a in parse_minutes(COMMITTEE).actions]
    assert any(
        owners == ["Parish Clerk"] and text.endswith("asked the Parish Clerk to action.")
        for owners, text in actions
    ), actions
    assert (["Dana"], "Dana will return the marked-up map to the clerk.") in actions, actions
