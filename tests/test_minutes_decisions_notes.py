"""Decisions in a club's or plenum's Markdown notes, and what a parish council minutes of
other bodies: "KIV until March" (kept in view) is a deferral, a bare "- KIV" under a heading
is that item's deferral, "Sam to take over as treasurer" appoints Sam, "The following
councillors put themselves forward - ..." appoints them; "Approved by the Borough Council"
and "still waiting to hear if our grant application has been approved" are no decisions of
this body. Every fixture is invented, in the layouts such notes use."""

from __future__ import annotations

from ledger.readers.minutes import parse_minutes

PLENUM = """\
## Plenum 2024-03-06 Agenda/Minutes

### Credentials
- Present: Sam, Ines, Priya

### Finances
- (Ines) Update on the accounts.
- Sam to take over as treasurer from April; Ines stays on to help.

### Lockers
- (Priya) Proposal for new lockers.
- KIV until May (Priya to bring a quote)

### Noise complaints
- (Sam) Update.
- KIV
"""


def decisions(text: str) -> list:
    return [d for item in parse_minutes(text).items for d in item.decisions]


def test_kept_in_view_is_a_deferral_and_a_bare_kiv_names_its_item():
    found = [(d.outcome, d.text) for d in decisions(PLENUM) if d.outcome == "deferred"]
    assert found == [
        ("deferred", "KIV until May (Priya to bring a quote)"),
        ("deferred", "Noise complaints: KIV"),
    ]


def test_taking_over_as_treasurer_is_an_appointment():
    found = [d for d in decisions(PLENUM) if "treasurer" in d.text]
    assert [d.outcome for d in found] == ["appointed"]


PARISH = """\
Minutes of the Annual Meeting of Coldharbour Parish Council, 12 May 2024

12. To appoint the Allotments Committee
The Chairman asked for nominations. The following councillors put themselves forward - Mrs Dale,
Mr Webb and Mrs Stone.

13. Matters arising
War memorial - the Clerk advised that works would be done in the summer, still waiting to hear
if our grant application has been approved.

14. Planning applications

Approved by the Borough Council

Rear extension at 4 Mill Lane
"""


def test_councillors_putting_themselves_forward_for_a_committee_are_appointed():
    found = [d for d in decisions(PARISH) if "put themselves forward" in d.text]
    assert [d.outcome for d in found] == ["appointed"]


def test_another_bodys_approval_and_a_grant_awaited_are_not_decisions_of_the_council():
    texts = [d.text for d in decisions(PARISH)]
    assert not any("Borough" in t or "grant application" in t for t in texts), texts
