"""Actions no clause hands to a named person: a decision "to write to the Minister" (the
body's own), and work the minutes say will be done ("The vacancies will be advertised.",
"A leaflet will be produced by the Parish Council")."""

from __future__ import annotations

import re

from ledger.readers.minutes_owners import owners, person

AGREED_DEED = re.compile(
    r"(?:^|\b(?:agreed|resolved|decided)\s+)(?:that\s+we\s+should\s+|to\s+)(?P<deed>(?:write|invite|send|"
    r"contact|ask|arrange|seek|circulate|obtain|order|purchase|buy|investigate|explore|chase|"
    r"draft|prepare|publish|organise|organize|request|inform|notify|approach|look\s+into|"
    r"follow\s+up|obtain|commission|book|set\s+up)\b.*)",
    re.IGNORECASE,
)
PASSIVE_DEED = re.compile(
    r"^(?:[^,;:]{0,80}?(?:[,;:-]|\band)\s+)?(?P<thing>(?i:the|a|an|this|these|that|it|more|"
    r"further|all)\b[^,;]{0,60}?|[A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,2})\s+"
    r"(?i:will|is\s+to|are\s+to|shall)\s+(?:now\s+|then\s+|also\s+)?be\s+"
    r"(?:re)?(?:scheduled|advertised|forwarded|sent|circulated|approached|contacted|produced|"
    r"prepared|arranged|ordered|purchased|investigated|progressed|sought|obtained|displayed|"
    r"posted|published|written|drafted|chased|repaired|replaced|installed|cleared|tackled|"
    r"organi[sz]ed|booked|requested|raised|checked|followed\s+up)\b"
    r"(?:[^.]*?\bby\s+(?P<by>(?:the\s+)?[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,3}))?",
)


def passive_deed(sentence: str, known: set[str] | None) -> tuple[list[str], str] | None:
    """Something the minutes say will be done, with no one named to do it ("The vacancies
    will be advertised.", "A leaflet will be produced by the Parish Council"): an action
    whose owner is the one named after "by", else none yet, for the clerk to name."""
    found = PASSIVE_DEED.match(sentence)
    if not found:
        return None
    by = found["by"] or ""
    names = (
        owners(by)
        if by and all(person(n, known) or "council" in n.lower() for n in owners(by))
        else []
    )
    return names, sentence


def agreed_deed(sentence: str) -> str:
    """The deed a decision gives the body itself ("it was AGREED to write to the Scottish
    government"): an action with no named owner yet, or "" if it gives none."""
    found = AGREED_DEED.search(sentence)
    return sentence if found else ""


COUNCIL_DEED = re.compile(  # "... and the Parish Council will explore any ideas suggested"
    r"(?:^|,\s+|;\s+|\band\s+)(?P<deed>(?:the\s+)?(?P<who>(?:parish|town|community)\s+council)\s+"
    r"will\s+(?:now\s+|also\s+)?(?!be\b|have\b|not\b|need\b|lawfully\b|continue\s+to\s+be\b)"
    r"[a-z]+\s+\S.*)$",
    re.IGNORECASE,
)
CONDITION = re.compile(r"^\W*(?:if|unless|when|should|once|until)\b", re.IGNORECASE)


def council_deed(sentence: str) -> tuple[list[str], str] | None:
    """What the local council minutes say it will do itself ("The Parish Council will
    produce a leaflet ..."): an action the council owns; not one it may do if something
    happens ("If no election is called the Council will co-opt ...")."""
    found = COUNCIL_DEED.search(sentence)
    if not found or CONDITION.match(sentence):
        return None
    deed = found["deed"]
    return [" ".join(w.capitalize() for w in found["who"].split())], deed
