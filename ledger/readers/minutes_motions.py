"""Sentences about a motion: moved and seconded ("Moved Cr Hale, seconded Cr Pike and
resolved"), put and settled ("Motion carried.", "The amendment was lost"), declared by the
chair, or quoted as moved ("That Council confirms ...")."""

from __future__ import annotations

import re

from ledger.readers.minutes_decision_verbs import ACTIVE, OPENING, PASSIVE
from ledger.readers.minutes_votes import PROPOSER, SECONDER, counted

MOTION_PUT = re.compile(  # "Motion carried.", "The motion passed 5-0."
    r"^(?:the\s+)?motion\s+(?:was\s+)?(?P<verb>carried|passed|failed|lost|defeated)\b", re.I
)

MOTION = re.compile(  # "The amendment was lost", "the resolution was passed"
    r"\b(?:amendment|motion|proposal|recommendation|resolution)s?\b[^.]{0,80}?\b(?:was|were)\s+"
    r"(?:therefore\s+|then\s+|duly\s+)?(?P<verb>carried|lost|defeated|fell|agreed|rejected|"
    r"passed|adopted)\b",
    re.IGNORECASE,
)

MOTION_TEXT = re.compile(  # the motion as moved: in quotes, in capitals, or "That Council confirms"
    r"^(?:[\"']\s*That\b,?\s+\S|THAT\s+\S|That\s+(?:the\s+)?(?:[A-Z][\w'-]*\s+){0,3}?"
    r"(?i:council|committee|board|panel|cabinet|authority|forum)\s+(?:confirms|approves|adopts|"
    r"notes|receives|agrees|endorses|resolves|authori[sz]es|delegates|accepts|requests)\b|"
    r"That\s+[^.]{0,160}?\b(?:be|is|are)\s+(?:now\s+|hereby\s+)?(?:adopted|approved|received|"
    r"noted|confirmed|agreed|endorsed|accepted|added|deferred|referred|amended|taken))"
)

DECLARED = re.compile(
    r"\b(?:chair(?:man|person)?|cathaoirleach|mayor|president|convenor|provost|speaker)\s+"
    r"(?:then\s+)?declared\b(?!\s+(?:an?|their|his|her)\s+(?:\w+\s+)?interests?\b)"
    r".{0,400}?\b(?P<verb>appointed|elected|carried(?!\s+out)|adopted|passed|lost|defeated)\b",
    re.IGNORECASE,
)

PROPOSES = re.compile(  # "X proposed approval for payment", "Y moved that ...": the motion itself
    r"\b(?:proposed|moved)\s+(?!by\b|and\b|seconded\b)(?:that\b|[a-z]\w+)", re.IGNORECASE
)

LEADS_ON = re.compile(  # "Moved Cr Hale, seconded Cr Pike and resolved": the motion is below
    r"(?:\band|,)\s*(?:it\s+was\s+)?(?:unanimously\s+)?(?:resolved|agreed)?\s*[:\-–]?\s*$",
    re.IGNORECASE,
)


def leads_on(sentence: str) -> bool:
    """A sentence naming who moved and seconded what the next lines resolve."""
    return bool(PROPOSER.search(sentence) or SECONDER.search(sentence)) and bool(
        LEADS_ON.search(sentence)
    )


def about_the_vote(sentence: str) -> bool:
    """A sentence that says who moved a motion or how the votes fell, and nothing more."""
    return bool(
        PROPOSER.search(sentence) or SECONDER.search(sentence) or counted(sentence)
    ) and not (
        PROPOSES.search(sentence)
        or ACTIVE.search(sentence)
        or PASSIVE.search(sentence)
        or (
            OPENING.match(sentence)
            and not re.match(r"^(?:carried|lost)\b", sentence, re.IGNORECASE)
        )
    )
