"""Which sentences of minutes record a decision, and with what outcome.

Minutes mark decisions in many ways: a ``RESOLVED:``/``AGREED``/``DECIDED`` heading with
lettered parts below it, "It was resolved that ...", "The Committee noted the report",
"Councillors resolved to ...", a bare "AGREED." after a request, "Approved." in a grants
table, an amendment "carried" or "lost". A person who "agreed to" do something owes an
action, not a decision; an answer, a question or a decision of another body quoted in
passing is no decision of this one. The kinds of sentence are read in their own modules:
the body's verbs (:mod:`minutes_decision_verbs`), motions (:mod:`minutes_motions`), assent
on its own (:mod:`minutes_assent`) and planning responses (:mod:`minutes_planning`).
"""

from __future__ import annotations

import re

from ledger.readers.minutes_assent import CONTENT, bare_marker
from ledger.readers.minutes_decision_verbs import (
    ACTIVE,
    CLOSING,
    COLLECTIVE,
    DASH_CLOSING,
    ELLIPTICAL,
    HEARSAY,
    KEPT_IN_VIEW,
    NOT_OURS,
    NOTED_THAT,
    OPENING,
    OTHER_MEETING,
    PASSIVE,
    PASSIVE_PAIR,
    PHRASES,
    POSITION,
    REQUEST,
    VERB,
    VERBS,
    reported,
)
from ledger.readers.minutes_layout import title_case
from ledger.readers.minutes_lookalikes import DECISION_LABEL, NOTED_FACT, OTHER_BODY, not_decided
from ledger.readers.minutes_motions import (
    DECLARED,
    MOTION,
    MOTION_PUT,
    MOTION_TEXT,
    about_the_vote,
    settled,
)
from ledger.readers.minutes_planning import planning_verdict
from ledger.readers.minutes_vote_counts import counted
from ledger.readers.minutes_votes import PROPOSAL, PROPOSER, SECONDER

MARKER = re.compile(
    r"^(?:(?:it\s+was\s+|and\s+)?(?:unanimously\s+|duly\s+)?(?P<verb>RESOLVED|AGREED|DECIDED|DECISION|"
    r"RECEIVED|NOTED|APPROVED|DEFERRED|REJECTED|CARRIED|LOST))\b\s*(?:that\b)?\s*(?:-|–|—|:|\.|,)?\s*",
    re.IGNORECASE,
)

LEAD_LINE = re.compile(  # "The Committee resolved:-", "That the Committee resolves to:" - below
    rf"^(?:that\s+)?{COLLECTIVE}\s+(?:then\s+|unanimously\s+|duly\s+)?(?P<verb>{VERB})"
    r"(?:\s+(?:to|that))?\s*(?::-?|–|—)\s*$",
    re.IGNORECASE,
)

REF_LABEL = re.compile(r"^(?:no\.?\s*)?[A-Za-z]{0,6}\s?\d[\w/.-]*\s*:?$", re.IGNORECASE)

APOLOGIES = re.compile(r"^\W*(?:apologies|declarations?|interests?)\b", re.IGNORECASE)

PART = re.compile(r"^\(?(?:[a-q]|[ivx]{1,5}|\d{1,2})[.)]\s+\S", re.IGNORECASE)


def marker(line: str) -> str | None:
    """The outcome a line opens with (``RESOLVED:``, ``It was resolved that``, "The
    Committee resolved:-" with what it resolved below), if any."""
    if lead := LEAD_LINE.match(line):
        return VERBS.get(lead["verb"].lower(), lead["verb"].lower())
    if DECISION_LABEL.match(line) or OTHER_BODY.match(line) or OTHER_MEETING.search(line):
        return None  # a decision page's details ("Decision Maker: Cabinet"), another body's
    found = MARKER.match(line)
    if not found or NOTED_FACT.match(line):
        return None  # "It was noted that ..." tells a fact; it decides nothing
    word = found["verb"].lower()
    if word in ("decision",):
        return "decided"
    heads = found.group(0).rstrip().endswith((":", "-", "–", "—"))  # "IT WAS resolved:"
    if found["verb"].islower() and not line[found.end() :].strip() and not heads:
        return None  # "agreed" alone in lower case is a word, not a heading
    return VERBS.get(word, word)


def body_after_marker(line: str) -> str:
    """The words after a ``RESOLVED:`` heading; the whole line where the marker is prose
    ("It was agreed to purchase two signs"): its verb is part of what was decided."""
    found = MARKER.match(line)
    if LEAD_LINE.match(line):
        return ""
    if not found:
        return line
    body = line[found.end() :].strip(" |")
    if REF_LABEL.match(body) or re.fullmatch(r"(?i:unanimously|unanimous|nem\.?\s*con\.?)", body):
        return ""  # "Resolved 14/06/9.01", "CARRIED UNANIMOUSLY": the words are elsewhere
    prose = not found["verb"].isupper() and body.lower().startswith("to ")
    return line.strip() if prose else body


def opens_below(line: str) -> bool:
    """A marker whose resolution follows on the lines below, past a blank line:
    "RESOLVED:", "UNANIMOUSLY RESOLVED that" or "Resolved 14/06/9.01", not a closing
    "Agreed." or "Unanimously Agreed"."""
    if LEAD_LINE.match(line):
        return True
    found = MARKER.match(line)
    if not found:
        return False
    body = line[found.end() :].strip(" |")
    announces = re.search(r"(?::-?|\bthat)\s*$", line, re.IGNORECASE)  # "RESOLVED that", then
    return (not body and bool(announces)) or bool(body and REF_LABEL.match(body))  # its parts


def outcome(sentence: str) -> str | None:
    """The outcome a sentence records, or None if it records no decision of this body."""
    if CONTENT.match(sentence.strip()):
        return "agreed"
    if not_decided(sentence) or OTHER_MEETING.search(sentence):
        return None
    if APOLOGIES.match(sentence) and not OPENING.match(sentence):
        return None
    if (planning := planning_verdict(sentence)) is not None:
        return planning
    if declared := DECLARED.search(sentence):
        return "appointed" if declared["verb"].lower() in ("appointed", "elected") else "carried"
    if (said := settled(sentence)) is not None:
        return said  # "put to the vote and LOST": the vote's result, whatever was moved
    if ONLY_MOVED.match(sentence):
        return None  # "It was proposed that the minutes be approved": moved, not yet decided
    if MOTION_TEXT.match(sentence):
        return "resolved"
    if KEPT_IN_VIEW.match(sentence):
        return "deferred"
    if POSITION.match(sentence):
        return "noted"  # the body's view, as an advisory board minutes its decisions
    if REQUEST.match(sentence):
        return "agreed"
    for pattern in (
        MOTION_PUT,
        MOTION,
        OPENING,
        ACTIVE,
        PASSIVE,
        PASSIVE_PAIR,
        CLOSING,
        DASH_CLOSING,
        ELLIPTICAL,
    ):
        found = pattern.search(sentence)
        if found and pattern is ELLIPTICAL:
            said = (found["verb"] or found["also"] or found["role"] or found["forward"]).lower()
            return "appointed" if said.startswith(("to ", "put ")) else VERBS.get(said, "approved")
        if found and pattern is OPENING and heading_like(sentence):
            return None  # "Authorised Bank Transaction Signatories": an item's heading
        if found and reported(sentence, found.start()):
            return None  # "PB commented that ... will not be accepted": a report, no decision
        if found and not (
            NOT_OURS.search(sentence[max(0, found.start() - 50) : found.end()])
            or (
                HEARSAY.search(sentence[max(0, found.start() - 60) : found.start()])
                and not AND_THEN.search(sentence, 0, found.start())
            )
        ):
            said = VERBS.get(found["verb"].lower(), found["verb"].lower())
            return None if said == "noted" and NOTED_THAT.search(sentence) else said
    if PHRASES.search(sentence) and not sentence.rstrip().endswith(":"):  # not a signature's label
        return "approved" if "record" in sentence.lower() else "noted"
    return None


def is_part(line: str) -> bool:
    return bool(PART.match(line))


def tally(sentence: str) -> bool:
    """A sentence that counts the votes and says nothing else ("4 Votes for 2 Votes against")."""
    return bool(counted(sentence)) and not (
        PROPOSER.search(sentence) or SECONDER.search(sentence) or outcome(sentence)
    )


ONLY_MOVED = re.compile(  # a motion as moved, its words before any outcome of the meeting's
    r"^(?:it\s+was\s+)?(?:proposed|moved)\b(?:(?!\b(?:agreed|resolved|carried|approved|accepted|"
    r"adopted|lost)\b)[^.]){0,160}?\bthat\b",
    re.IGNORECASE,
)
AND_THEN = re.compile(r"(?:\band|;)\s*$")  # "X noted that ... and it was agreed": the body's own


def heading_like(sentence: str) -> bool:
    """Words in title case with no full stop, as a heading is set: "Authorised Bank
    Transaction Signatories", not "Approved." nor "Agreed to write to the school."."""
    said = sentence.strip()
    return len(said.split()) >= 3 and not said.endswith((".", "!")) and title_case(said)


def proposes(sentence: str, following: list[str]) -> bool:
    """A motion moved ("X was proposed by A and seconded by B.") whose outcome is the
    next sentence's ("X was duly elected."): one decision, in both their words."""
    if not following or bare_marker(following[0]) or outcome(sentence):
        return False
    if about_the_vote(following[0]):
        return False  # "Carried with 6 for, 2 against": the votes on the decision above
    moving = PROPOSER, SECONDER, PROPOSAL
    return any(pattern.search(sentence) for pattern in moving) and (
        outcome(following[0]) is not None
    )
