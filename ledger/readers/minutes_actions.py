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
from ledger.readers.minutes_draft import DraftAction, DraftItem
from ledger.readers.minutes_layout import Line, sentences
from ledger.readers.minutes_owners import INITIALS, owners, person

__all__ = [
    "INITIALS",
    "action_line",
    "aside_action",
    "capital_actions",
    "owed_in_title",
    "owned_clauses",
    "owned_sentence",
    "owners",
    "person",
    "points_back",
    "pronoun_deed",
    "subject",
    "told_above",
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

NO_DEED = re.compile(r"(?:THE|A|AN|BE|ALL|ANY|THIS|THESE|ORDER)\b")


def capital_actions(sentence: str, known: set[str] | None) -> list[tuple[list[str], str]]:
    """Actions written in capitals inside the minutes' text, as many parish clerks do:
    "... of the parish. CLERK TO INFORM HIGHWAYS The hedge ...", "CLLR CRISP TO CONTACT
    SCHOOL". The capitals end where ordinary writing starts again."""
    found = []
    for match in CAPITALS.finditer(sentence):
        initials = re.fullmatch(INITIALS, match["who"])
        names = owners(match["who"] if initials else match["who"].title())
        if len(match["what"].split()) < 1 or not names or NO_DEED.match(match["what"]):
            continue  # "PART ONE – OPEN TO THE PUBLIC": a heading, no one bidden to do anything
        if initials or all(person(n, known) for n in names):
            found.append((names, match.group(0).strip(" ,.")))
    return found


def told_again(items: list[DraftItem], lines: list[Line]) -> None:
    """An item's narrative action that its own ``ACTION:`` line states again: "Janet agreed
    to pull together a paper ..." then "Action: Janet to develop the paper ...". Minutes that
    write ACTION lines state each action there; the narrative told it first, so the
    narrative's telling (same owners, earlier in the item, not itself an ACTION line) goes.
    An ACTION line under an item's last point ("10.4 ...", "ACTION: SF/MS") covers all its
    points (10.1 to 10.4)."""
    written = {line.number: line.text for line in lines}
    for group in minute_groups(items):
        actions = [a for item in group for a in item.actions]
        stated = [a.owners for a in actions if a.owners and action_line(written.get(a.line, ""))]
        if not stated:
            continue
        last = max(a.line for a in actions if action_line(written.get(a.line, "")))
        covering = next(a for a in actions if a.line == last)
        if any(owned_sentence(s, None) for s in sentences(covering.text)):
            group = [item for item in group if covering in item.actions]  # the point above
            # it owes a deed of its own ("Agreed that Ali should bring ..."): the line is its
        for item in group:
            item.actions = [
                a
                for a in item.actions
                if action_line(written.get(a.line, "")) is not None
                or a.line > last
                or not a.owners
                or not any(same_people(a.owners, owners) for owners in stated)
            ]


def minute_groups(items: list[DraftItem]) -> list[list[DraftItem]]:
    """Items in runs of one minute and its numbered points ("10", "10.1", "10.2")."""
    groups: list[list[DraftItem]] = []
    head = None
    for item in items:
        number = item.number.split(".")[0] if "." in item.number else item.number
        if groups and number and number == head and "." in item.number:
            groups[-1].append(item)
        else:
            groups.append([item])
            head = number
    return groups


def same_people(told: list[str], stated: list[str]) -> bool:
    """Whether the narrative's owners are among an ACTION line's: by name, or by the
    initials the line gives them ("Sheila and Mike agreed to ..." then "ACTION: SF/MS")."""
    names = {o.lower() for o in stated}
    initials = [o for o in stated if re.fullmatch(INITIALS, o)]
    return all(
        name.lower() in names
        or (
            any(i[:1].upper() == name[:1].upper() for i in initials)
            and not re.fullmatch(INITIALS, name)
        )
        for name in told
    )


def aside_action(line: Line, paragraph: str) -> DraftAction | None:
    """The action a right-hand column cell gives ("ACTION: NS", "RL NC" beside its line):
    its owners, and the paragraph's sentence that line ends."""
    if not line.aside:
        return None
    deed = action_line(line.aside)
    names = deed[0] if deed else owners(line.aside)
    initials = all(re.fullmatch(INITIALS, n) for n in names)
    if not names or not (deed or initials):
        return None  # a name alone at the right may be a table's cell, not an owner
    around = next((s for s in sentences(paragraph) if line.text[-25:] in s), line.text)
    return DraftAction(names, around, None, line.number)


POINTER = re.compile(r"^(?:this|that|it|these)\b", re.IGNORECASE)  # "This would provide ..."


def told_above(item: DraftItem, owed: tuple[list[str], str, int], before: str) -> bool:
    """Whether a pointing action ("Clerk to investigate.") is the item's last action told
    again: in the same paragraph, the same owners doing the same, with nothing new between
    ("the Clerk would investigate if ... This would provide £650. Clerk to investigate.",
    not "DD to look into X. Bike racks are bent. DD to look into this.")."""
    names, deed, line = owed
    last = item.actions[-1] if item.actions else None
    if not names or last is None or last.line != line:
        return False
    if not (before.strip()[-40:] in last.text or POINTER.match(before)):
        return False
    verb = re.search(r"\b(?:to|will|would)\s+(\w+)", deed)
    same = {n.lower() for n in names} == {n.lower() for n in last.owners}
    return same and bool(verb) and re.search(rf"\b{verb[1]}\b", last.text) is not None


def owed_in_title(title: str) -> bool:
    """A numbered point that ends by naming who is to act ("8.1 Millennium Wood is in a
    poor state – TD & AV to inspect"): a paragraph owing an action, not an item's title."""
    head, dash, tail = title.rpartition(" – ") if " – " in title else title.rpartition(" - ")
    return bool(dash and head and len(tail.split()) <= 8 and owned_sentence(tail, None))
