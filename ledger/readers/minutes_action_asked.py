"""Owners a sentence names otherwise than at a clause's head: "X asked the Clerk to ...",
"authorise the Strategic Director (following consultation ...) to award", "the Head of IT
said that he would ...", "... - DT to action", "a draft, which Jess would circulate", "to
give Clerk Linda Britton the right to apply", a resolution's "That the Chair writes to".
"""

from __future__ import annotations

import re

from ledger.readers.minutes_owners import INITIALS, OFFICE, ROLES, TITLED, owners, person

PARENTHESIS = re.compile(r"\((?P<inner>[^()]{8,200})\)")
CLAUSE = re.compile(  # "... and the Chairman will in future initial the statements"
    r"(?:,|;|:|\s[-–]|\bso\b|\bbut\b|\band\b(?=\s+[A-Z])|(?:\band\s+)?(?:that\b|(?<=\band))(?=\s+the\s+"
    r"(?:[A-Z]\w*\s+){0,2}(?i:clerk|chair(?:man)?|treasurer|secretary)\s+(?:should|will|would)\b))\s+"
)
NOT_A_VERB = (
    r"(?:and|or|but|of|in|on|at|for|with|from|about|whether|if|what|how|why|when|where|who|"
    r"which|that|this|the|a|an|is|was|were|are|had|has|have|be|been|not|regarding|again|also|"
    r"his|her|their|its|as|by|to|some|any|all|questions?|present|there|here|should|would|"
    r"could|might|may|must|will|shall|can|did|do|does)\b"
)
# "asked the Clerk to write", "requested that the Clerk check"; not "asked the Manager to read
# out the evacuation procedure", done there and then
ASKED_OF = re.compile(
    rf"\b(?:asked|requested|instructed|directed|suggested|recommended|"
    rf"(?i:authori[sz]ed?|(?:give|gave|given)\s+"
    rf"delegated\s+authority\s+to|delegated\s+(?:authority\s+)?to))\s+(?:that\s+)?"
    rf"(?!(?i:officers|members|councillors)\b)"
    rf"(?P<who>{TITLED}|(?i:{ROLES})|the\s+{OFFICE}|[A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+)?)\s+"
    rf"(?:(?:to|should|would)\s+(?!be\b|have\b|not\b|read\s+out\b|introduce\b)[a-z]+|[a-z]+s|(?!{NOT_A_VERB})[a-z]{{3,}})"
    rf"(?:\s+\S|(?<=\bto\saction)\W*$)"  # "... and asked the Town Clerk to action."
)
PROMISED = re.compile(
    rf"^(?:[A-Z][\w,' ]{{0,40}},\s+|(?i:following|after)\s+[\w' ]{{1,30}}?\s+(?=the\s))?"
    rf"(?P<who>{TITLED}|{OFFICE}|(?i:{ROLES})|[A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+)?)"
    r"\s+(?:stated|said|confirmed|advised|indicated|explained|offered|undertook|agreed|reported|"
    r"announced)\s+(?:that\s+)?"
    r"(?:he|she|they)\s+(?:would|will|could)\s+(?:like\s+to\s+|be\s+happy\s+to\s+)?"
    r"(?!be\b|have\b|not\b|need\b)[a-z]+\s+\S"
)
WHICH_OWNER = re.compile(  # "a revised draft, which Jess Bailiss would circulate next week"
    rf"\b(?:which|that)\s+(?P<who>{TITLED}|(?i:{ROLES})|[A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+)?)\s+"
    r"(?:would|will|agreed\s+to|undertook\s+to|offered\s+to)\s+(?!be\b|have\b|not\b)[a-z]+"
)
TO_ACTION = re.compile(rf"[-–]\s*(?P<who>{INITIALS}|[A-Z][a-z]+)\s+to\s+action\b")


GIVEN_RIGHT = re.compile(  # "a resolution to give Clerk Linda Britton the right to apply"
    rf"\b(?:give|gives|gave|given|giving|grant|grants|granted|granting)\s+"
    rf"(?P<who>{TITLED}|(?i:{ROLES})|[A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+)?)\s+(?:the\s+)?"
    r"(?:right|authority|power|permission|delegated\s+authority|go-ahead)\s+to\s+[a-z]+"
)


def other_owner(sentence: str, known: set[str] | None) -> tuple[list[str], str] | None:
    """An owner named otherwise than at a clause's head: "X asked the Clerk to ...", "the
    Head of IT said that he would ...", "... - DT to action"."""
    found = ASKED_OF.search(sentence)
    if found and all(person(n, known) for n in owners(found["who"])):
        if re.search(r"\bto\s+action\W*$", sentence):  # "The Chair supported this and asked
            return owners(found["who"]), sentence  # the Town Clerk to action.": all of it
        return owners(found["who"]), deed_text(sentence, found.start("who"))
    flat = PARENTHESIS.sub("", sentence)  # "authorise the Director (following consultation
    found = ASKED_OF.search(flat) if flat != sentence else None  # with the Chair) to ..."
    if found and all(person(n, known) for n in owners(found["who"])):
        return owners(found["who"]), sentence
    found = GIVEN_RIGHT.search(sentence)
    if found and all(person(n, known) for n in owners(found["who"])):
        return owners(found["who"]), deed_text(sentence, found.start())
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
    found = RESOLVED_DEED.search(sentence)
    if found:
        return owners(found["who"]), deed_text(sentence, found.start("who"))
    return None


RESOLVED_DEED = re.compile(  # a resolution's own words: "AGREED - That the Chairperson writes to"
    rf"\b(?i:that)\s+(?P<who>(?i:{ROLES})|{TITLED})\s+(?:writes|contacts|arranges|investigates|"
    r"obtains|seeks|circulates|sends|liaises|asks|informs|reports\s+back|prepares|organises|"
    r"organizes|orders|purchases|books|requests|checks|chases|approaches|drafts|invites|"
    r"reviews|updates|emails|e-mails)\b"
)


def deed_text(sentence: str, at: int) -> str:
    """The sentence from its owning clause on; the whole sentence where the clause is
    most of it (a lead-in such as "Following discussion," adds nothing to keep)."""
    if at <= 0 or at < len(sentence) // 3:
        return sentence
    rest = sentence[at:].strip()
    if len(rest.split()) <= 5 and re.search(r"\s[–-]\s*$", sentence[:at]):
        return sentence  # "Millennium Wood is in a poor state – TD & AV to inspect": all of it
    return rest
