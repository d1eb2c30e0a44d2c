"""Assent on its own: "AGREED.", "Carried", "The Board agreed with this approach.",
"Councillors present were content with the proposal.": what was decided is in the sentence
before. And what is only an outcome, with nothing decided ("Agreed that", "RESOLVED:")."""

from __future__ import annotations

import re

from ledger.readers.minutes_decision_verbs import VERB
from ledger.readers.minutes_motions import MOTION_PUT
from ledger.readers.minutes_votes import PROPOSER, SECONDER

BARE = re.compile(
    r"^(?:it\s+was\s+|(?:this|that|these|which|it)\s+(?:was|were)\s+|all\s+(?:members\s+)?|"
    r"(?:the\s+)?(?:board|committee|sub-committee|council|panel|forum|group|cabinet|members|meeting|"
    r"councillors|governors|trustees|directors|board\s+members)\s+)?"
    r"(?:unanimously\s+)?(?:agreed|approved|resolved|carried|noted|rejected|accepted|supported|"
    r"lost|defeated|fell|failed|confirmed)"
    r"(?:\s+(?:unanimously|by\s+all|with\s+(?:this|that|these|it)|to\s+(?:this|that|these|it)|"
    r"(?:with\s+|to\s+)?(?:the|this|that)\s+(?:approach|proposal|suggestion|recommendations?)|"
    r"this(?:\s+as\s+an?\s+(?:approach|way\s+forward))?))?\s*[.!]?$",
    re.IGNORECASE,
)

CONTENT = re.compile(  # "Councillors present were content with the proposal.": assent, as "Agreed."
    r"^(?:all\s+)?(?:the\s+)?(?:councillors|members|governors|trustees|directors|board|committee|"
    r"panel|forum)(?:\s+present)?\s+(?:were|was|noted\s+(?:that\s+)?they\s+were|confirmed\s+"
    r"(?:that\s+)?they\s+were|all\s+said\s+they\s+were)\s+(?:all\s+)?(?:content|happy|in\s+"
    r"agreement)(?:\s+with\s+(?:the|this|that|these|it)(?:\s+\w+)?)?\s*[.!]?$",
    re.IGNORECASE,
)

ALL_AGREED = re.compile(r"^all\s+(?:were\s+)?in\s+(?:agreement|favour|favor)\s*[.!]?$", re.I)

OUTCOME_WORDS = re.compile(  # "The meeting unanimously agreed.": an outcome, nothing decided
    rf"\b(?:it|was|that|unanimously|{VERB}|resolution|decision|the|meeting|all)\b|[^\w\s]",
    re.IGNORECASE,
)


def bare_marker(sentence: str) -> bool:
    """A sentence that is an outcome and nothing else ("AGREED.", "Carried", "The Board
    agreed with this approach.", "These were unanimously agreed."): what was decided is
    in the sentence before it."""
    said = SECONDER.sub(" ", PROPOSER.sub(" ", sentence)).strip(
        " ,;."
    )  # "Prop JB, 2nd GK, All agreed."
    if said != sentence.strip(" ,;.") and not said:
        return False
    return bool(
        BARE.match(said.strip())
        or ALL_AGREED.match(said.strip())
        or CONTENT.match(said.strip())
        or MOTION_PUT.match(said)
    )


def title_only(text: str) -> bool:
    """Whether a decision's words are only its outcome ("Agreed that", "RESOLVED:"), or
    who moved it ("Seconded by Councillor Butler; And Resolved:"), the motion to follow."""
    text = re.sub(
        r"\([^)]{0,4}\)|\band\b", " ", PROPOSER.sub(" ", SECONDER.sub(" ", text)), flags=re.I
    )
    return len(OUTCOME_WORDS.sub(" ", text).split()) < 2


SUGGESTED = re.compile(r"\b(?:suggested|proposed)\s+(?:that|to)\b", re.IGNORECASE)
REMARK = re.compile(
    r"^(?:[A-Z][\w'-]*\s+){1,3}(?:also\s+)?(?:said|commented|added|observed|remarked|stated)\s+that\b"
)


def suggestion(said: list[str]) -> str:
    """The suggestion a bare assent agrees when the sentences between it and the assent are
    only remarks on it ("MC suggested that the Board ask ... RJ said that NIMB could help.
    The Board agreed this as an approach."), else ""."""
    for at in range(len(said) - 1, -1, -1):
        if SUGGESTED.search(said[at]):
            between = said[at + 1 :]
            return said[at] if between and all(REMARK.match(s) for s in between) else ""
    return ""
