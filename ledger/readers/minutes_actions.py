"""Which lines of minutes give someone an action, who, and what.

Minutes name an action's owner in an ``ACTION:``/``ACTIONS:`` line (several owners split
by ``/``, ``,`` or "and"), in a right-hand column, in a table of actions (ITEM / ACTION /
BY WHOM / BY WHEN) or in a sentence: "Councillor Healey to order scalpings", "The Clerk
agreed to write", "Esme will contact Ruby Kelly", "David undertook to ...", "KC to action".
A sentence names an owner only when the name is a person's or a role's: a name from the
attendance list, a title and a name, initials, or an office such as the Clerk.
"""

from __future__ import annotations

import re

ACTION_LINE = re.compile(r"^\s*actions?\s*(?:point)?s?\s*(?::|-|–|—)\s*(?P<rest>.*)$", re.I)
ACTION_BARE = re.compile(r"^\s*ACTIONS?\s+(?P<rest>[A-Z]{2,5}(?:\s*/\s*[A-Z][A-Za-z]{1,8})*)$")
ROLES = (
    r"(?:the\s+)?(?:(?:deputy|assistant|parish|town|locum|acting|interim)\s+){0,2}(?:clerk|chair(?:man|person)?|"
    r"vice[- ]chair(?:man)?|treasurer|secretary|rfo|head\s*teacher|head(?:\s+of\s+[A-Z][\w&]+"
    r"(?:\s+[A-Z][\w&]+){0,2})?|director(?:\s+of\s+[A-Z][\w&]+(?:\s+[A-Z][\w&]+){0,2})?|"
    r"chief\s+executive|ceo|monitoring\s+officer|(?:lead|scrutiny|democratic\s+services|"
    r"finance|project)\s+officer|officers?|governance\s+manager|manager|trustees|governors|"
    r"councillors|(?:board|committee|panel|forum|group)\s+members?)"
)
OFFICE = (
    r"(?:the\s+)?(?:[A-Z][\w&'-]*\s+){1,3}(?:(?![a-z]+ed\b)[a-z]+\s+){0,3}?(?i:director|team|officials|"
    r"officers?|unit|secretariat|lead|manager)"
)
TITLED = (  # "Cllr. Jenkinson", "Cllr Mrs Hull", "Cr Bailey", "Clerk Linda Britton"
    r"(?:(?i:cllr|councillor|cr|mr|mrs|ms|miss|dr|prof|professor|sir|dame|rev(?:erend)?)\.?\s+)"
    r"(?:(?i:mr|mrs|ms|miss|dr)\.?\s+)?(?:[A-Z]\.?\s+)?[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?|"
    r"(?i:clerk|treasurer|supervisor)\s+[A-Z][a-z'-]+\s+[A-Z][\w'-]+"
)
INITIALS = r"[A-Z]{2,4}(?=\b)"
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
    r"speak\s+on|attend|present)\b",
    re.IGNORECASE,
)
# In an ACTION: line, "X will present ..." is the action itself, not the item's opening.
NOT_A_DEED_ON_ACTION_LINE = re.compile(NOT_A_DEED.pattern.replace("|present", ""), re.I)
SPLIT_OWNERS = re.compile(r"\s*(?:/|,|&|\+|\band\b|;)\s*")
NOT_OWNER = re.compile(
    r"^(?:none|n/?a|nil|-+|tbc|tba|kiv|aob|all|noted|ongoing|complete[d]?|closed|note|update|"
    r"call|item|motion|agenda|minutes|report|page|appendix)$",
    re.I,
)


def owners(text: str) -> list[str]:
    """The owners named in an ACTION line or a column cell: "MS/AB/AHop", "Clerk & Chair"."""
    names = [
        re.sub(r"^the\s+", "", n.strip(" .:;"), flags=re.I)
        for n in SPLIT_OWNERS.split(text.strip())
    ]
    return [n for n in names if n and not NOT_OWNER.match(n)]


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


def person(name: str, known: set[str] | None) -> bool:
    """Whether ``name`` names a person or an office, not a thing ("Payment", "Minutes")."""
    if re.fullmatch(ROLES, name, re.IGNORECASE) or re.fullmatch(TITLED, name, re.IGNORECASE):
        return True
    if re.fullmatch(OFFICE, name):
        return True
    if re.fullmatch(INITIALS, name):
        return True
    words = name.split()
    if known is None:
        return all(w[:1].isupper() for w in words) and len(words) <= 3
    return bool(words) and (words[0].strip("'’s") in known or full_name(words))


def full_name(words: list[str]) -> bool:
    """A first name and a surname ("Maggie Waller"), which no attendance list need hold;
    not an organisation's name ("Tree Services", "Parish Council"), nor a sentence's
    adverb before a name ("Perhaps Meng would consider it")."""
    return (
        len(words) == 2
        and words[0] not in HEDGES
        and all(re.fullmatch(r"[A-Z][a-z'’-]+", w) for w in words)
        and not ORGANISATION.search(" ".join(words))
    )


HEDGES = {"Perhaps", "Maybe", "Possibly", "Hopefully", "Ideally", "Probably", "Presumably"}
ORGANISATION = re.compile(
    r"\b(?:council|committee|board|panel|services?|team|ltd|limited|group|trust|department|"
    r"england|agency|authority|partnership|association|society|club|school|academy|church|"
    r"landscapes|highways|police|fire|nhs|office|unit|forum|network|company|bank|centre|"
    r"hall|court|house|road|street|lane|park|green|way|close|drive|avenue|meeting|minutes|"
    r"report|budget|plan|policy|the|this|that|any|all|each|every)\b",
    re.IGNORECASE,
)
OWNED = re.compile(
    rf"^(?P<who>{TITLED}|{OFFICE}|(?i:{ROLES}(?:\s+(?:and|&)\s+{ROLES})?)|{INITIALS}(?:\s*(?:/|&|and)\s*{INITIALS})*|"
    rf"[A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+)?(?:\s*(?:/|&|\+|and)\s*[A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+)?)?)"
    rf"\s+{VERB_AFTER}\s+(?P<what>.+)$",
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
PARENTHESIS = re.compile(r"\((?P<inner>[^()]{8,200})\)")
CLAUSE = re.compile(r"(?:,|;|:|\s[-–]|\bso\b|\bbut\b|\band\b(?=\s+[A-Z]))\s+")
NOT_A_VERB = (
    r"(?:and|or|but|of|in|on|at|for|with|from|about|whether|if|what|how|why|when|where|who|"
    r"which|that|this|the|a|an|is|was|were|are|had|has|have|be|been|not|regarding|again|also|"
    r"his|her|their|its|as|by|to|some|any|all|questions?|present|there|here|should|would|"
    r"could|might|may|must|will|shall|can|did|do|does)\b"
)
ASKED_OF = re.compile(  # "asked the Clerk to write", "requested that the Clerk check"
    rf"\b(?:asked|requested|instructed|directed|suggested|recommended|"
    rf"(?i:authori[sz]ed?|(?:give|gave|given)\s+"
    rf"delegated\s+authority\s+to|delegated\s+(?:authority\s+)?to))\s+(?:that\s+)?"
    rf"(?!(?i:officers|members|councillors)\b)"
    rf"(?P<who>{TITLED}|(?i:{ROLES})|[A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+)?)\s+"
    rf"(?:(?:to|should|would)\s+(?!be\b|have\b|not\b)[a-z]+|[a-z]+s|(?!{NOT_A_VERB})[a-z]{{3,}})"
    rf"\s+\S"
)
PROMISED = re.compile(
    rf"^(?:[A-Z][\w,' ]{{0,40}},\s+|(?i:following|after)\s+[\w' ]{{1,30}}?\s+(?=the\s))?"
    rf"(?P<who>{TITLED}|{OFFICE}|(?i:{ROLES})|[A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+)?)"
    r"\s+(?:stated|said|confirmed|advised|indicated|explained|offered|undertook|agreed|reported)"
    r"\s+that\s+"
    r"(?:he|she|they)\s+(?:would|will|could)\s+(?:like\s+to\s+|be\s+happy\s+to\s+)?"
    r"(?!be\b|have\b|not\b|need\b)[a-z]+\s+\S"
)
WHICH_OWNER = re.compile(  # "a revised draft, which Jess Bailiss would circulate next week"
    rf"\b(?:which|that)\s+(?P<who>{TITLED}|(?i:{ROLES})|[A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+)?)\s+"
    r"(?:would|will|agreed\s+to|undertook\s+to|offered\s+to)\s+(?!be\b|have\b|not\b)[a-z]+"
)
TO_ACTION = re.compile(rf"[-–]\s*(?P<who>{INITIALS}|[A-Z][a-z]+)\s+to\s+action\b")


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


def clause_owners(
    sentence: str, known: set[str] | None, *, loose: bool = False
) -> list[tuple[int, list[str]]]:
    """Where each clause that gives someone something to do starts, and its owners."""
    found = []
    start = 0
    for clause in CLAUSE.split(sentence):
        at = sentence.find(clause, start)
        start = at + len(clause) if at >= 0 else start
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
        if match and not not_a_deed.match(match["what"]):
            who = match["who"]
            if all(person(n, known) for n in owners(who)) or (loose and owners(who)):
                also = PAIRED.search(sentence[:at])  # "the Chairman and Clerk will ..."
                also = also if also and person(also["who"], known) else None
                found.append(
                    (
                        also.start() if also else at,
                        owners(also["who"] if also else "") + owners(who),
                    )
                )
    return found


def other_owner(sentence: str, known: set[str] | None) -> tuple[list[str], str] | None:
    """An owner named otherwise than at a clause's head: "X asked the Clerk to ...", "the
    Head of IT said that he would ...", "... - DT to action"."""
    found = ASKED_OF.search(sentence)
    if found and all(person(n, known) for n in owners(found["who"])):
        return owners(found["who"]), deed_text(sentence, found.start("who"))
    found = PROMISED.match(sentence) or next(
        (m for m in (PROMISED.match(c) for c in CLAUSE.split(sentence)[1:]) if m), None
    )  # "... could be done quickly but the Head of X reported that she would check ..."
    if found and all(person(n, known) for n in owners(found["who"])):
        return owners(found["who"]), sentence
    found = TO_ACTION.search(sentence)
    if found and person(found["who"], known):
        return [found["who"]], sentence
    found = WHICH_OWNER.search(sentence)
    if found and all(person(n, known) for n in owners(found["who"])):
        return owners(found["who"]), sentence
    return None


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


def deed_text(sentence: str, at: int) -> str:
    """The sentence from its owning clause on; the whole sentence where the clause is
    most of it (a lead-in such as "Following discussion," adds nothing to keep)."""
    if at <= 0 or at < len(sentence) // 3:
        return sentence
    return sentence[at:].strip()
