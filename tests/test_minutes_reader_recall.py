"""What a clerk's minutes say, read without inventing: a numbered "Resolved" label whose
decision is the sentence below it (never the discussion above), and other layouts the
reader met in minutes it had never seen."""

from __future__ import annotations

from ledger.readers.minutes import parse_minutes


def decisions(text: str) -> list:
    draft = parse_minutes(text)
    return [d for item in draft.items for d in item.decisions]


def actions(text: str) -> list:
    draft = parse_minutes(text)
    return [a for item in draft.items for a in item.actions]


LABELLED = """\
Minutes of Ashby Parva Parish Council held on 4 March 2022

Present: Cllr A. Moss (Chair), Cllr B. Hale, Cllr C. Finch

Bench by the pond

The Clerk presented two quotes for a new bench from Oakwood and Timbercraft; a third
quote had not arrived.

Resolved 22/03/7.01

It was agreed by the Council to accept the quote from Oakwood for £640.
"""


def test_clerk_sees_the_decision_under_a_numbered_resolved_label_not_the_talk_above():
    found = [d.text for d in decisions(LABELLED)]
    assert len(found) == 1, found
    assert "accept the quote from Oakwood for £640" in found[0]
    assert not any("presented two quotes" in text for text in found)
