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
