"""Sentences of minutes that give someone something to do, and whom: "Councillor Healey to
order scalpings", "The Clerk agreed to write", "Esme will contact Ruby Kelly", "David
undertook to ...", "X asked the Clerk to ...", "KC to action", "Fazli: ping Luther".
A sentence names an owner only when the name is a person's or an office's (see
:mod:`ledger.readers.minutes_owners`).
"""

from __future__ import annotations

import re

from ledger.readers.minutes_action_asked import CLAUSE, PARENTHESIS, deed_text, other_owner
from ledger.readers.minutes_owners import (
    HEDGES,
    INITIALS,
    NOT_OWNER,
    OFFICE,
    ROLES,
    TITLED,
    owners,
    person,
)

VERB_AFTER = (
    r"(?:to|will|would|shall|agreed\s+to|has\s+agreed\s+to|undertook\s+to|offered\s+to|"
    r"volunteered\s+to|kindly\s+agreed\s+to|is\s+to|are\s+to|was\s+asked\s+to|were\s+asked\s+to|"
    r"is\s+going\s+to|needs?\s+to|should)"
)
NOT_A_DEED = re.compile(
    r"^(?:be|have|been|also\s+be|not|the|a|an|this|that|which|"
    r"(?:update|report)(?=\s+(?:back|on|at|in)\b|\s+(?:to\s+)?(?:the\s+|a\s+)?(?:next\s+|"
    r"future\s+)?(?:board|committee|council|panel|meeting|members|governors|trustees|group|"
    r"forum|cabinet)\b|\W*$)|"
    r"speak\s+on|attend|present|by|read\s+out|introduce|outline|"
    # an agenda's account of the meeting's own running: "The Chair will consider the
    # admission of any late items", "will draw attention to the evacuation procedure"
    r"consider\s+(?:the\s+)?admission|draw\s+(?:\w+\s+)?attention|"
    # taking or keeping a role is an appointment, not a task: "Dyana to take over as
    # treasurer", "Fazli will remain involved as consultant"
    r"(?:therefore\s+|then\s+)?(?:take\s+over\s+(?:as\b|the\s+(?:\w+\s+){0,2}role)|remain|"
    r"continue\s+(?:as|in)\b|act\s+as|serve\s+as|stay\s+on))\b",
    re.IGNORECASE,
)
# In an ACTION: line, "X will present ..." is the action itself, not the item's opening.
NOT_A_DEED_ON_ACTION_LINE = re.compile(NOT_A_DEED.pattern.replace("|present", ""), re.I)
OWNED = re.compile(
    rf"^(?P<who>{TITLED}|{OFFICE}|(?i:{ROLES}(?:\s+(?:and|&)\s+{ROLES})?)|{INITIALS}(?:\s*(?:/|&|and)\s*{INITIALS})*|"
    rf"[A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+)?(?:\s*(?:/|&|\+|and)\s*[A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+)?)?)"
    rf"\s+(?P<still>(?:still|also|now|then|again)\s+)?{VERB_AFTER}\s+(?P<what>.+)$",
)
OUTCOME_WORD = re.compile(  # and pronouns: no one's name ("He would ..." is resolved apart)
    r"^(?:resolved|agreed|decided|deferred|approved|noted|carried|received|rejected|"
    r"recommended|endorsed|unanimously|he|she|it|they|we|this|that|there)$",
    re.IGNORECASE,
)
PAIRED = re.compile(rf"(?P<who>(?i:{ROLES})|{TITLED}|[A-Z][a-z'-]+)\s+(?:and|&)\s*$")
NAME_COLON = re.compile(
    rf"^(?P<who>{TITLED}|{INITIALS}|[A-Z][a-z'-]+(?:\s*[+&/]\s*[A-Z][a-z'-]+)*)\s*:\s+"
    r"(?!(?:the|a|an|this|that|these|there|it|we|they|he|she|is|are|was|were|has|have|had)\b)"
    r"[a-z]+\b"
)


def owned_sentence(
    sentence: str, known: set[str] | None, *, loose: bool = False
) -> tuple[list[str], str] | None:
    """A sentence that gives a named person or office something to do, its owners, and
    the words from the owner on ("..., Councillor Healey to order scalpings.")."""
    found = clause_owners(sentence, known, loose=loose)
    if found:
        at, names = found[0]
        return names, deed_text(sentence, at)
    return other_owner(sentence, known)


IMPERATIVE = re.compile(
    r"(?:come\s+back|explore|check|ping|talk|print|contact|send|write|ask|arrange|find|"
    r"follow\s+up|look\s+into|chase|draft|prepare|organi[sz]e|book|share|circulate|e-?mail|"
    r"phone|speak|investigate|review|sort\s+out|confirm|set\s+up|get|buy|order|research|put|post|"
    r"update|add|create|open|file|raise|reach\s+out|schedule|invite|submit|provide|liaise|"
    r"obtain|request|seek|inform|notify|approach|compile|collate|produce|publish|organi[sz]e|"
    r"return|forward|pass\s+on|action)\b"
)


def bidden(match: re.Match[str]) -> bool:
    """ "Mikeal to put some caveat wording into the issue": one first name, not on the list of
    those present, bidden to do something (the verb says it is a deed, not "Thanks to all")."""
    said = match.group()[len(match["who"]) :].split()
    return (
        said[:1] in (["to"], ["will"])
        and re.fullmatch(r"[A-Z][a-z'-]+", match["who"]) is not None
        and not LABEL.match(match["who"])
        and IMPERATIVE.match(match["what"]) is not None
    )


LABEL = re.compile(  # a field's label before a colon, not a person: "Status: check weekly"
    r"^(?:venue|status|date|time|location|result|outcome|owner|due|deadline|progress|comments?|"
    r"notes?|summary|purpose|actions?|recommendations?|response|answer|question|issue|risk|"
    r"next|decision|discussion|background|proposal|todo|task|reminder|priority|welcome|thanks|"
    r"reply|access|introduction|changes|amendments|links?|guide|return|contributions?|needs?|"
    r"plans?|aims?|goals?|options?)$",
    re.IGNORECASE,
)


def owned_clauses(sentence: str, known: set[str] | None) -> list[tuple[list[str], str]]:
    """Every action a sentence gives: "RL to check the lamp posts and NC to check with AON"
    is two, "(Clerk to highlight this to the pub)" inside a sentence is one of its own, and
    "Fazli: ping Luther" (a plenum's note) is Fazli's."""
    named = NAME_COLON.match(sentence)
    if named and sentence.rstrip().endswith("?"):
        named = None  # "Bob: is maintaining individual PINs feasible?" asks; it owes nothing
    if (
        named
        and not NOT_OWNER.match(named["who"])
        and all(person(n, known) for n in owners(named["who"]))
    ):
        return [(owners(named["who"]), sentence)]
    if named and IMPERATIVE.match(sentence, named.end() - len(named.group().split()[-1])):
        who = named["who"]
        if not (NOT_OWNER.match(who) or LABEL.match(who)) and re.fullmatch(r"[A-Z][a-z'-]+", who):
            return [([who], sentence)]  # "Aizat: come back with a proposal", one
            # not at the meeting: a note's name and a bidding verb name who owes it
    if (bare := bare_deed(sentence, known)) is not None:
        return [bare]
    found = []
    for inner in PARENTHESIS.finditer(sentence):
        if owned := owned_sentence(inner["inner"], known):
            found.append(owned)
    rest = PARENTHESIS.sub(" ", sentence) if found else sentence
    clauses = clause_owners(rest, known)
    if len(clauses) < 2:
        single = owned_sentence(rest, known)
        return found + ([single] if single else [])
    ends = [at for at, _ in clauses[1:]] + [len(rest)]
    for (at, names), end in zip(clauses, ends, strict=True):
        start = 0 if at < len(rest) // 3 and at == clauses[0][0] else at
        found.append((names, re.sub(r"(?:,|;|\s+and)\s*$", "", rest[start:end].strip())))
    return found


BARE_DEED = re.compile(  # a plenum's note: "Fazli contact Faisal", "Bob talk to Luther"
    r"^(?P<who>[A-Z][a-z'’-]+(?:\s*[+&/]\s*[A-Z][a-z'’-]+)*)\s+(?:ask|talk|contact|call|email|"
    r"e-mail|phone|ring|check|chase|send|write|speak|arrange|prepare|draft|circulate|update|"
    r"organi[sz]e|book|print|review|find|look|follow|investigate|confirm|invite|approach|liaise|"
    r"ping|remind|share|source|order|buy|purchase|obtain|collect|post|upload|research|enquire|"
    r"inquire)\s+\S"
)


def bare_deed(sentence: str, known: set[str] | None) -> tuple[list[str], str] | None:
    """A note-style action, a name and a bare verb ("Fazli contact Faisal and apologise"):
    only for names the minutes list as present or absent, never any capitalised word."""
    found = BARE_DEED.match(sentence)
    if not found or not known:
        return None
    names = owners(found["who"])
    if names and all(n in known and n not in HEDGES for n in names):
        return names, sentence
    return None


ANSWERED = re.compile(
    r"\b(?:was|were)\s+(?:asked|invited)\s+to\s+(?:comment|explain|clarify|outline|describe|"
    r"say|summari[sz]e|give\s+(?:her|his|their)\s+views?)\b[^.]{0,200}?(?:,|;|\band)\s+"
    r"(?:he|she|they)\s+(?:said|replied|explained|confirmed|responded|stated|advised|noted)\b",
    re.IGNORECASE,
)


def clause_owners(
    sentence: str, known: set[str] | None, *, loose: bool = False
) -> list[tuple[int, list[str]]]:
    """Where each clause that gives someone something to do starts, and its owners; none
    where the sentence tells the answer to what was asked ("X was asked to comment on ...
    and she said that ..."): it was done in the meeting."""
    if ANSWERED.search(sentence):
        return []
    found = []
    start = 0
    before = ""
    for clause in CLAUSE.split(sentence):
        at = sentence.find(clause, start)
        start = at + len(clause) if at >= 0 else start
        if (named := relative_owner(before, clause, known)) is not None:
            found.append((at, named))  # "... forward it to the Clerk, who would then draft"
        before = clause
        text = re.sub(
            r"^(?:it\s+was\s+agreed\s+that|agreed\s+that|that|again|also|then|finally)\s+",
            "",
            clause,
            flags=re.I,
        )
        match = OWNED.match(text)
        not_a_deed = NOT_A_DEED_ON_ACTION_LINE if loose else NOT_A_DEED
        if match and OUTCOME_WORD.match(match["who"]):
            match = None  # "Resolved to pay ...", "Deferred to Item 110d": a decision's words
        if match and not loose and match["what"][:1].isupper():
            match = None  # "Associated Works to Council-Owned Blocks": a title, no deed
        if match and not not_a_deed.match(match["what"]):
            who = match["who"]
            if not owners(who):
                continue  # "Call to Order": no one is named
            if all(person(n, known) for n in owners(who)) or loose or bidden(match):
                also = PAIRED.search(sentence[:at])  # "the Chairman and Clerk will ..."
                also = also if also and person(also["who"], known) else None
                found.append(
                    (
                        also.start() if also else at,
                        owners(also["who"] if also else "") + owners(who),
                    )
                )
    return found


WHO_THEN = re.compile(
    r"^who\s+(?:would|will|is\s+to|agreed\s+to|undertook\s+to|offered\s+to)\s+"
    r"(?:then\s+|also\s+|in\s+turn\s+)?(?!be\b|have\b|not\b)[a-z]+\s+\S"
)
ENDS_ON_OWNER = re.compile(
    rf"(?P<who>{TITLED}|(?i:{ROLES})|[A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+)?)\s*$"
)


def relative_owner(before: str, clause: str, known: set[str] | None) -> list[str] | None:
    """The owner of a clause "who would then draft a letter": the person or office the
    clause before ends on ("... forward all the information to the Clerk")."""
    if not WHO_THEN.match(clause):
        return None
    found = ENDS_ON_OWNER.search(before)
    names = owners(found["who"]) if found else []
    return names if names and all(person(n, known) for n in names) else None


PRONOUN_DEED = re.compile(
    r"^(?:he|she)\s+(?:would|will|is\s+to|agreed\s+to|undertook\s+to|offered\s+to)\s+"
    r"(?:also\s+|again\s+|then\s+)?(?!be\b|have\b|not\b|like\b)[a-z]+\s+\S",
    re.IGNORECASE,
)
SUBJECT = re.compile(
    rf"^(?P<who>{TITLED}|{INITIALS}|(?i:{ROLES})|[A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+)?)\s+"
    r"(?:had|has|was|is|would|will|[a-z]+ed)\b"
)


def subject(sentence: str, known: set[str] | None) -> str:
    """The person a sentence opens on ("JF had again contacted ..."), or ""."""
    found = SUBJECT.match(sentence)
    who = found["who"] if found else ""
    return who if who and person(who, known) and not OUTCOME_WORD.match(who) else ""


def pronoun_deed(sentence: str) -> bool:
    """A sentence giving "he" or "she" something to do ("He would again seek to do so")."""
    return bool(PRONOUN_DEED.match(sentence))


POINTS_BACK = re.compile(
    r"^\W*(?:[\w.']+\s+){1,3}?(?:to|will|would)\s+(?:action|investigate|progress|pursue|"
    r"(?:look\s+into|deal\s+with|follow\s+up|take\s+forward|chase|check)\s+(?:this|it|these)|"
    r"(?:action|progress|follow\s+up)\s+(?:this|it))\W*$",
    re.IGNORECASE,
)


def points_back(deed: str) -> bool:
    """Whether an action only points at the sentence before ("DD to look into this.",
    "Clerk to action."): its words are in that sentence."""
    return bool(POINTS_BACK.match(deed))
