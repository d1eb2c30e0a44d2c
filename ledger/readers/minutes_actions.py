"""Which lines of minutes give someone an action, who, and what.

Minutes name an action's owner in an ``ACTION:``/``ACTIONS:`` line (several owners split
by ``/``, ``,`` or "and"), in a right-hand column, in a table of actions (ITEM / ACTION /
BY WHOM / BY WHEN), in capitals inside the text ("CLERK TO INFORM HIGHWAYS") or in a
sentence. This module reads the lines written as actions; who counts as an owner is
:mod:`ledger.readers.minutes_owners`, sentences are :mod:`ledger.readers.minutes_action_sentences`.
"""

from __future__ import annotations

import re

from ledger.readers.minutes_action_sentences import (
    owned_clauses,
    owned_sentence,
    points_back,
    pronoun_deed,
    subject,
)
from ledger.readers.minutes_draft import DraftItem
from ledger.readers.minutes_layout import Line
from ledger.readers.minutes_owners import INITIALS, owners, person

__all__ = [
    "INITIALS",
    "action_line",
    "capital_actions",
    "owned_clauses",
    "owned_sentence",
    "owners",
    "person",
    "points_back",
    "pronoun_deed",
    "subject",
    "told_again",
]

ACTION_LINE = re.compile(r"^\s*actions?\s*(?:point)?s?\s*(?::|-|–|—)\s*(?P<rest>.*)$", re.I)
ACTION_BARE = re.compile(r"^\s*ACTIONS?\s+(?P<rest>[A-Z]{2,5}(?:\s*/\s*[A-Z][A-Za-z]{1,8})*)$")


def action_line(line: str) -> tuple[list[str], str] | None:
    """An ``ACTION:`` line: its owners, and what it says they must do if it says.

    "ACTION: MS/AB" names owners only; "Action: Olivia to see if ..." both; "ACTION: write
    to the Lions – DT" a deed and its owner at the end.
    """
    found = ACTION_LINE.match(line) or ACTION_BARE.match(line)
    if not found:
        return None
    rest = found["rest"].strip()
    if not rest:
        return [], ""
    deed = owned_sentence(rest, known=None, loose=True)
    if deed:
        return deed
    head, dash, tail = rest.rpartition(" – ") if " – " in rest else rest.rpartition(" - ")
    if dash and len(tail) <= 40 and owners(tail):
        return owners(tail), head.strip()
    names = owners(rest)
    if len(rest) <= 80 and names and all(person(n, None) for n in names):
        return names, ""
    return [], rest


CAPITALS = re.compile(
    r"(?<![\w'])(?P<who>(?:CLLRS?\.?\s+|COUNCILLORS?\s+)?[A-Z][A-Z.'&]+(?:\s+[A-Z][A-Z.'&]*){0,2}?)"
    r"\s+(?:TO|WILL)\s+(?P<what>[A-Z][A-Z0-9'&,/.()-]*(?:\s+(?:[A-Z0-9&][A-Z0-9'&,/.()-]*|-|–)"
    r"(?![a-z]))*)(?![a-z])"
)


def capital_actions(sentence: str, known: set[str] | None) -> list[tuple[list[str], str]]:
    """Actions written in capitals inside the minutes' text, as many parish clerks do:
    "... of the parish. CLERK TO INFORM HIGHWAYS The hedge ...", "CLLR CRISP TO CONTACT
    SCHOOL". The capitals end where ordinary writing starts again."""
    found = []
    for match in CAPITALS.finditer(sentence):
        initials = re.fullmatch(INITIALS, match["who"])
        names = owners(match["who"] if initials else match["who"].title())
        if len(match["what"].split()) < 1 or not names:
            continue
        if initials or all(person(n, known) for n in names):
            found.append((names, match.group(0).strip(" ,.")))
    return found


def told_again(items: list[DraftItem], lines: list[Line]) -> None:
    """An item's narrative action that its own ``ACTION:`` line states again: "Janet agreed
    to pull together a paper ..." then "Action: Janet to develop the paper ...". Minutes that
    write ACTION lines state each action there; the narrative told it first, so the
    narrative's telling (same owners, earlier in the item, not itself an ACTION line) goes."""
    written = {line.number: line.text for line in lines}
    for item in items:
        stated = [
            {o.lower() for o in a.owners}
            for a in item.actions
            if a.owners and action_line(written.get(a.line, "")) is not None
        ]
        if not stated:
            continue
        last = max(a.line for a in item.actions if action_line(written.get(a.line, "")))
        item.actions = [
            a
            for a in item.actions
            if action_line(written.get(a.line, "")) is not None
            or a.line > last
            or not a.owners
            or {o.lower() for o in a.owners} not in stated
        ]
