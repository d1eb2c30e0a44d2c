"""Sentences about a motion: moved and seconded ("Moved Cr Hale, seconded Cr Pike and
resolved"), put and settled ("Motion carried.", "The amendment was lost"), declared by the
chair, or quoted as moved ("That Council confirms ...")."""

from __future__ import annotations

import re

from ledger.readers.minutes_decision_verbs import ACTIVE, OPENING, PASSIVE
from ledger.readers.minutes_vote_counts import counted
from ledger.readers.minutes_votes import (
    NAMED_PAIR,
    NAMED_PROPOSER,
    NAMED_SECONDER,
    PROPOSAL,
    PROPOSER,
    SECONDER,
    opens_motion,
)

MOTION_PUT = re.compile(  # "Motion carried.", "The motion passed 5-0."
    r"^(?:the\s+)?motion\s+(?:was\s+)?(?P<verb>carried|passed|failed|lost|defeated)\b", re.I
)

MOTION = re.compile(  # "The amendment was lost", "the resolution was passed"
    r"\b(?:amendment|motion|proposal|recommendation|resolution|nomination|this|which)s?\b[^.]{0,80}?"
    r"\b(?:was|were)\s+"
    r"(?:therefore\s+|then\s+|duly\s+)?(?P<verb>carried|lost|defeated|fell|agreed|rejected|"
    r"passed|adopted|approved)\b",
    re.IGNORECASE,
)

MOTION_TEXT = re.compile(  # the motion as moved: in quotes, in capitals, or "That Council confirms"
    r"^(?:[\"']\s*That\b,?\s+\S|THAT\s+\S|That\s+(?:the\s+)?(?:[A-Z][\w'-]*\s+){0,3}?"
    r"(?i:council|committee|board|panel|cabinet|authority|forum)\s+(?:confirms|approves|adopts|"
    r"notes|receives|agrees|endorses|resolves|authori[sz]es|delegates|accepts|requests)\b|"
    r"That\s+[^.]{0,160}?\b(?:be|is|are)\s+(?:now\s+|hereby\s+)?(?:adopted|approved|received|"
    r"noted|confirmed|agreed|endorsed|accepted|added|deferred|referred|amended|taken|arranged|"
    r"held|made|given|appointed|authori[sz]ed|established|set\s+up|sought|sent|submitted))"
)

# "no action be taken to initiate call-in procedures ...": a resolution's words, opening a
# paragraph in lower case, its "RESOLVED that" lost with the web page's styling
UNMARKED = re.compile(
    r"^(?:the|no|all|any|this|these|members|councillors|officers)\s[^.]{0,160}?\b(?:not\s+)?be\s+"
    r"(?:now\s+|hereby\s+)?(?:adopted|approved|received|noted|confirmed|agreed|endorsed|accepted|"
    r"added|deferred|referred|amended|taken|made|given|signed|recommended|appointed|authori[sz]ed|"
    r"initiated|undertaken)\b"
)

DECLARED = re.compile(
    r"\b(?:chair(?:man|person)?|cathaoirleach|mayor|president|convenor|provost|speaker)\s+"
    r"(?:then\s+)?declared\b(?!\s+(?:an?|their|his|her)\s+(?:\w+\s+)?interests?\b)"
    r".{0,400}?\b(?P<verb>appointed|elected|carried(?!\s+out)|adopted|passed|lost|defeated)\b",
    re.IGNORECASE,
)

PROPOSES = re.compile(  # "X proposed approval for payment", "Y moved that ...": the motion itself
    r"\b(?:proposed|moved)\s+(?!by\b|and\b|seconded\b)(?:that\b|(?-i:[a-z])\w+)", re.IGNORECASE
)

NOMINATES = re.compile(  # "Cllr Hamer nominated Cllr Chapman as Vice Chairman": a motion itself
    r"\bnominated\s+(?:(?:cllr|councillor|mr|mrs|ms|dr)\.?\s+)?[A-Z]", re.IGNORECASE
)
LEADS_ON = re.compile(  # "Moved Cr Hale, seconded Cr Pike and resolved", "Moved A - B:": the
    r"(?:\band|,)\s*(?:it\s+was\s+)?(?:unanimously\s+)?(?:resolved|agreed)?\s*[:\-–]?\s*$|"
    r":[\s|]*$",  # motion is below
    re.IGNORECASE,
)


def leads_on(sentence: str) -> bool:
    """A sentence naming who moved and seconded what the next lines resolve."""
    return bool(PROPOSER.search(sentence) or SECONDER.search(sentence)) and bool(
        LEADS_ON.search(sentence)
    )


def about_the_vote(sentence: str) -> bool:
    """A sentence that says who moved a motion or how the votes fell, and nothing more."""
    if NAMED_PAIR.match(sentence):
        return True
    return bool(
        PROPOSER.search(sentence) or SECONDER.search(sentence) or counted(sentence)
    ) and not (
        PROPOSES.search(sentence)
        or NOMINATES.search(sentence)
        or ACTIVE.search(sentence)
        or PASSIVE.search(sentence)
        or (
            OPENING.match(sentence)
            and not re.match(r"^(?:carried|lost)\b", sentence, re.IGNORECASE)
        )
    )


PUT_TO_VOTE = re.compile(  # "put to the vote", "a vote was taken", "on being put"
    r"\b(?:put\s+to\s+(?:the\s+)?(?:vote|meeting)|(?:recorded\s+|named\s+)?vote\s+was\s+(?:then\s+)?"
    r"(?:taken|held|called)|vote\s+(?:on|upon)\s+the\s+\w+\s+was\s+(?:then\s+)?taken|"
    r"(?:on|upon)\s+being\s+put|when\s+put|voted\s+(?:up)?on|show\s+of\s+hands)\b",
    re.IGNORECASE,
)
RESULT_WORD = r"(?P<verb>lost|fell|defeated|failed|carried(?!\s+(?:out|forward|over)\b)|passed)"
NOT_CARRIED = re.compile(  # "The proposal was not agreed", "the amendment, which was not carried"
    r"\b(?:amendment|motion|proposal|recommendation|resolution|change|which|it|this)\b[^.]{0,80}?"
    r"\b(?:was|were)\s+(?:therefore\s+|then\s+|duly\s+)?not\s+(?:agreed|carried|approved|passed|"
    r"supported|accepted|adopted)\b",
    re.IGNORECASE,
)
VOTED_RESULT = re.compile(  # "carried by 22 votes to one", "lost by a majority of 5 votes to 3"
    rf"\b{RESULT_WORD}\s+(?:by\s+)?(?:a\s+(?:majority|vote)\s+of\s+)?(?:\d{{1,3}}|[a-z]+)\s+"
    r"(?:votes?\s+)?(?:to|-)\s+(?:\d{1,3}|[a-z]+)\b",
    re.IGNORECASE,
)
ENDS_ON_RESULT = re.compile(  # "Put to the vote - LOST", "5 Votes for - Unanimously approved"
    r"[-–—,;:]\s*(?:and\s+(?:was\s+)?)?(?:unanimously\s+)?"
    r"(?P<verb>lost|fell|defeated|failed|carried(?!\s+(?:out|forward|over)\b)|passed|approved|agreed)"
    r"\W*$",
    re.IGNORECASE,
)


def settled(sentence: str) -> str | None:
    """ "lost" or "carried" where a sentence gives the result of a vote on a motion: put to
    the vote and LOST, "which was not carried", "carried by 22 votes to one", "... - LOST"."""
    if NOT_CARRIED.search(sentence):
        return "lost"
    found = VOTED_RESULT.search(sentence) or ENDS_ON_RESULT.search(sentence)
    if found is None and (put := PUT_TO_VOTE.search(sentence)):
        found = re.compile(rf"\b{RESULT_WORD}\b", re.IGNORECASE).search(sentence, put.end())
    if found is None:
        return None
    verb = found["verb"].lower()
    return (
        verb
        if verb in ("approved", "agreed")
        else "carried"
        if verb in ("carried", "passed")
        else "lost"
    )


def settles(sentence: str) -> str | None:
    """The outcome of a sentence that gives a motion's result, and nothing more of its own:
    "Motion carried.", "The amendment was lost.", "put to the vote and LOST"."""
    if said := settled(sentence):
        return said
    if found := MOTION_PUT.match(sentence) or MOTION.search(sentence):
        verb = found["verb"].lower()
        return "lost" if verb in ("lost", "defeated", "fell", "failed", "rejected") else "carried"
    return None


MOVES = re.compile(  # "Councillor A moved and Councillor B seconded a proposal to ..."
    r"\b(?:moved|proposed|seconded)\s+(?:(?:and|,)\s+[^.]{0,60}?\bseconded\s+)?(?:a|an|the)\s+"
    r"(?:proposal|motion|amendment|recommendations?|resolution)\b|"
    r"^(?:it\s+was\s+)?(?:proposed|moved)\s+(?:by\b|and\s+seconded\b|that\b)",
    re.IGNORECASE,
)
NOMINATION = re.compile(r"^[\w.' -]{2,60}?,\s+(?i:proposed|nominated)\s+(?i:by)\s+[A-Z]")


def moves(sentence: str) -> bool:
    """A sentence that moves a motion, whose result the minutes give later."""
    named = (PROPOSER.search(sentence) or NAMED_PROPOSER.search(sentence)) and (
        SECONDER.search(sentence) or NAMED_SECONDER.search(sentence)
    )  # "Cllr A proposed approval for payment seconded by Cllr B"
    return bool(
        named
        or MOVES.search(sentence)
        or NOMINATION.match(sentence)  # "J.Ward, proposed by K.Lowe"
        or opens_motion(sentence)
        or PROPOSAL.search(sentence)
    )


SECONDS = re.compile(  # "Councillor Dale seconded the proposal."
    r"\bseconded\s+(?:the|this|that)\s+(?:proposal|motion|amendment|recommendations?)\b", re.I
)


def polls(sentence: str) -> bool:
    """A sentence about the vote on a motion moved, with no result of its own: who seconded
    it, that it was put to the vote, how the votes fell."""
    return bool(
        about_the_vote(sentence)
        or SECONDS.search(sentence)
        or PUT_TO_VOTE.search(sentence)
        or counted(sentence)
    )
