"""Actions no clause hands to a named person: a decision "to write to the Minister" (the
body's own), work the minutes say will be done ("The vacancies will be advertised.",
"A leaflet will be produced by the Parish Council"), work asked for in the passive ("It was
requested that evidence be obtained", "asked for them to be shared") and a note's passive
("Garage sale funds to be deposited in the bank")."""

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
DONE = (  # what a deed done to something is called: "sent", "added", "followed up"
    r"(?:re)?(?:scheduled|advertised|forwarded|sent|circulated|approached|contacted|produced|"
    r"prepared|arranged|ordered|purchased|investigated|progressed|sought|obtained|displayed|"
    r"posted|published|written|drafted|chased|repaired|replaced|installed|cleared|tackled|"
    r"organi[sz]ed|booked|requested|raised|checked|added|amended|updated|corrected|issued|"
    r"distributed|shared|deposited|scanned|removed|erected|emailed|e-mailed|followed\s+up|"
    r"put\s+up|taken\s+up)\b"
)
PASSIVE_DEED = re.compile(
    r"^(?:[^,;:]{0,80}?(?:[,;:-]|\band)\s+)?(?P<thing>(?i:the|a|an|this|these|that|it|more|"
    r"further|all)\b[^,;]{0,90}?|[A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,2})\s+"
    r"(?i:will|is\s+to|are\s+to|shall)\s+(?:now\s+|then\s+|also\s+)?(?:have\s+to\s+|need\s+to\s+)?"
    r"be\s+"
    rf"{DONE}"
    r"(?:[^.]*?\bby\s+(?P<by>(?:the\s+)?[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,3}))?",
)
NOTE_DEED = re.compile(  # a note's passive: "~$500 garage sale funds to be deposited in the bank"
    r"^\W{0,3}(?!(?i:it|this|that|there|minutes|agreed|resolved|decided|noted|approved)\b)"
    rf"[\w$£~][^,;:.]{{2,60}}?\s+to\s+be\s+(?!amended|corrected|updated){DONE}"
)
ASKED_DONE = (
    re.compile(  # "It was requested that evidence be obtained", "asked for them to be shared"
        r"\b(?:requested|asked\s+for|asked|agreed|resolved|decided|suggested|recommended)\s+"
        r"(?:that\s+)?(?!(?i:he|she|they|it|this|which|we|members|councillors)\b)"
        r"(?:(?:the|a|an|some|any|further|more|all|them|these)\b"
        r"(?:(?!\b(?:was|were|is|are|had|has|have)\b)[^,;.]){0,80}?|[a-z]+(?:\s+[a-z]+)?)"
        rf"\s+(?:to\s+be|be|should\s+be)\s+(?:(?:also|then|now)\s+)?{DONE}"
    )
)

SUGGESTER = re.compile(  # one member's suggestion, not what the meeting asked for
    r"\b[A-Z][a-z'-]+\s+(?:(?:also|then|informed|further)\s+)?(?:suggested|recommended)$"
)


def passive_deed(sentence: str, known: set[str] | None) -> tuple[list[str], str] | None:
    """Something the minutes say will be done, with no one named to do it ("The vacancies
    will be advertised.", "A leaflet will be produced by the Parish Council"): an action
    whose owner is the one named after "by", else none yet, for the clerk to name."""
    found = PASSIVE_DEED.match(sentence)
    if not found:
        asked = ASKED_DONE.search(sentence) or NOTE_DEED.match(sentence)
        if asked and SUGGESTER.search(sentence, 0, asked.start() + len(asked[0].split()[0])):
            return None  # "Councillor Allen suggested that a Development Day be arranged":
        return ([], deed_from(sentence, asked.start())) if asked else None  # a view in debate
    by = found["by"] or ""
    names = (
        owners(by)
        if by and all(person(n, known) or "council" in n.lower() for n in owners(by))
        else []
    )
    return names, sentence


def deed_from(sentence: str, at: int) -> str:
    """The sentence from the request on, when a long lead-in comes before it ("CC
    expressed concern ... and requested a notice to be added" keeps the request)."""
    start = sentence.rfind(" ", 0, max(0, at - 3)) if at > len(sentence) // 2 else 0
    head = sentence[: max(start, 0)]
    who = re.search(r"(?:[A-Z][\w'-]*\s+){1,3}$|(?i:it\s+was\s+)$", head)
    return sentence[who.start() if who else start :].strip() if start > 0 else sentence


def agreed_deed(sentence: str) -> str:
    """The deed a decision gives the body itself ("it was AGREED to write to the Scottish
    government"): an action with no named owner yet, or "" if it gives none."""
    found = AGREED_DEED.search(sentence)
    return sentence if found and not PRACTICE.search(sentence, found.start()) else ""


# "decided to publish the draft minutes as soon as possible after the next two Parish Council
# meetings": how the body will work from now on, over its meetings, not a task to tick off
PRACTICE = re.compile(
    r"\b(?:after|at|before|following|for)\s+(?:each|every|all|future|the\s+next\s+(?:two|three|"
    r"four|few|\d{1,2}))\s+(?:[\w-]+\s+){0,3}?meetings\b",
    re.IGNORECASE,
)


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
