"""Who minutes name as owing an action: a person or an office, never a thing.

An owner is a name from the attendance list, a title and a name ("Cllr Mrs Hull"), initials
("DT"), an office ("the Clerk", "the Head of Finance", "the Digital Team"), or a first name and
a surname; "Payment", "Minutes" or "Tree Services" are not owners. Several owners are written
"MS/AB/AHop", "Clerk & Chair" or "Sheila and Mike".
"""

from __future__ import annotations

import re

ROLES = (
    r"(?:the\s+)?(?:(?:deputy|assistant|parish|town|locum|acting|interim)\s+){0,2}(?:clerk|chair(?:man|person)?|"
    r"vice[- ]chair(?:man)?|treasurer|secretary|rfo|head\s*teacher|head(?:\s+of\s+[A-Z][\w&]+"
    r"(?:\s+[A-Z][\w&]+){0,2})?|director(?:\s+of\s+[A-Z][\w&]+(?:\s+[A-Z][\w&]+){0,2})?|"
    r"chief\s+executive|ceo|monitoring\s+officer|(?:lead|scrutiny|democratic\s+services|"
    r"finance|project)\s+officer|officers?|governance\s+manager|manager|trustees|governors|"
    r"councillors|residents|staff|(?:board|committee|panel|forum|group)\s+members?)"
)
OFFICE = (
    r"(?:the\s+)?(?:[A-Z][\w&'-]*\s+){1,3}(?:(?![a-z]+ed\b)[a-z]+\s+){0,3}?(?i:director|team|officials|"
    r"officers?|unit|secretariat|lead|manager)"
)
TITLED = (  # "Cllr. Jenkinson", "Cllr Mrs Hull", "Cr Bailey", "Clerk Linda Britton", and as
    # councils elsewhere title their members: "Councilmember Ryan", "Alderman Lee"
    r"(?:(?i:cllr|councillor|council\s?member|commissioner|alder(?:man|woman|person)|"
    r"select(?:man|woman|person)|cr|mr|mrs|ms|miss|dr|prof|professor|sir|dame|rev(?:erend)?)\.?\s+)"
    r"(?:(?i:mr|mrs|ms|miss|dr)\.?\s+)?(?:[A-Z]\.?\s+)?[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?|"
    r"(?i:clerk|treasurer|supervisor)\s+[A-Z][a-z'-]+\s+[A-Z][\w'-]+"
)
INITIALS = r"[A-Z]{2,4}(?=\b)"
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
