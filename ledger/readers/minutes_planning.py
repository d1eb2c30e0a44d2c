"""A parish or town council's answer to a planning consultation ("15/00707/F Relocation of
vehicular access ... No objection", "Parish Council supports application"): its decision,
with or without the application's reference."""

from __future__ import annotations

import re

from ledger.readers.minutes_layout import Line

PLANNING = re.compile(  # "15/00707/F Relocation of vehicular access at Myamber ... No objection"
    r"^\W*(?:\d{1,3}(?:\.\d{1,2})+\s+)?(?:[A-Z]{0,3}/?\d{2,4}/\d{3,6}(?:/[A-Z0-9]{1,6})?)\b"
    r".{0,300}?\b(?P<verb>no\s+objections?|"
    r"support(?:ed)?|objection|object(?:ed|s)?|no\s+comments?|"
    r"(?:agreed|resolved)\s+to\s+(?:recommend|go\s+with|support|raise)\b[^.]{0,80})\W*$",
    re.IGNORECASE,
)

PLANNING_RESPONSE = re.compile(  # the council's answer to a planning consultation, no ref needed
    r"^(?:[\w/ -]{0,40}?\s)?response\s+(?:provided|sent|given|made|returned)\s+to\s+(?:the\s+)?"
    r"(?:local\s+)?planning\s+authority\s+with\s+(?P<no>no\s+)?(?:objections?|comments?)\b|"
    r"^(?:the\s+)?(?:parish|town|community)\s+council\s+(?P<verb>supports?|objects?\s+to)\s+"
    r"(?:the\s+|this\s+)?(?:planning\s+)?application\W*$",
    re.IGNORECASE,
)


def planning_verdict(sentence: str) -> str | None:
    """ "rejected" for an objection, "agreed" for support or no objection, else None."""
    if planning := PLANNING.match(sentence):
        return "rejected" if planning["verb"].lower().startswith("object") else "agreed"
    if response := PLANNING_RESPONSE.match(sentence.strip()):
        objects = (response["verb"] or "").lower().startswith("object")
        return "rejected" if objects else "agreed"
    return None


VERDICT_ONLY = re.compile(  # "No Objection.": an answer whose application is above
    r"\W*(?:no\s+objections?|objection|object|support(?:ed)?|approved?|refused?|no\s+comments?)\W*",
    re.IGNORECASE,
)


APPLICATION = re.compile(r"^\W*(?:[A-Z]{0,3}/?\d{2,4}/\d{3,6}(?:/[A-Z0-9]{1,6})?)\b")


def answers(application: str, verdict: str) -> bool:
    """Whether a short decision ("AGREED to recommend APPROVAL") answers the planning
    application listed just above it ("- 20/501261/FULL 5 River Close ...")."""
    return bool(APPLICATION.match(application)) and len(verdict.split()) <= 8


def answered(lines: list[Line]) -> bool:
    """Whether a paragraph is one application and its answer on a line of its own
    ("19/01131/FUL Proposed side extension", "At 12 Talbot Court", "No objection"): the
    next application listed below it is another entry."""
    return len(lines) > 1 and bool(
        APPLICATION.match(lines[0].text) and VERDICT_ONLY.fullmatch(lines[-1].text)
    )
