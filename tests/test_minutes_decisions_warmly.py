"""A cabinet's minutes often say how warmly a report was taken: "which Cabinet warmly
endorsed", "The Committee strongly supported the proposal". The adverb does not make the
endorsement any less a decision; "previously agreed" still tells of an earlier one. Every
fixture is invented."""

from __future__ import annotations

from ledger.readers.minutes import parse_minutes

CABINET = """\
Minutes of the Cabinet held on 17 March 2025

5. Review of home adaptations
Councillor Jane Cole, Chairman of the Policy Overview Committee, presented the Committee's
report on home adaptations, which Cabinet warmly endorsed.
6. Play areas
The Cabinet strongly supported the proposal to refurbish three play areas.
7. Library hours
The Cabinet had previously agreed the library hours in 2023 and heard how they were working.
"""


def test_a_report_warmly_endorsed_or_strongly_supported_is_a_decision():
    texts = [d.text for d in parse_minutes(CABINET).decisions]

    assert any("which Cabinet warmly endorsed" in t for t in texts)
    assert any("strongly supported the proposal" in t for t in texts)
    assert not any("previously agreed" in t for t in texts)
