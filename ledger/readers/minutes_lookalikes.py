"""What reads like a decision of this body but is not one: a question, a person agreeing
to do something (an action), another body's decision quoted, a fact noted, news received,
an agenda item's own wording, a decision page's details, a list with nothing in it."""

from __future__ import annotations

import re

from ledger.readers.minutes_draft import DraftDecision
from ledger.readers.minutes_layout import title_case

NOTED_FACT = re.compile(
    r"\b(?:(?:was|were)\s+(?:also\s+)?noted\s+that|it\s+was\s+(?:also\s+|however\s+|further\s+)?"
    r"noted)\b",
    re.IGNORECASE,
)
HEARD = re.compile(  # "The Council has received notification that ...": news, not a decision
    r"\b(?:has|have|had)?\s*received\s+(?:a\s+|an\s+|the\s+)?(?:notification|letter|e-?mail|"
    r"correspondence|request|invitation|complaint|reply|response|confirmation|notice)s?\b|"
    # "The Committee received comprehensive updates on ...", "received a paper which set out":
    # what the meeting heard, before what it made of it
    r"\breceived\s+(?:a\s+|an\s+)?(?:[a-z]+\s+)?(?:updates?|paper|presentation|briefing|"
    r"overview|copies|copy)\b(?!\s+(?:as|and\s+(?:noted|agreed|approved)))|"
    r"\breceived\s+[^.]{0,40}?\blast\s+(?:year|month|week|time)\b",  # "We received a good report
    # last year": news of the past
    re.IGNORECASE,
)
AGENDA_WORDING = (
    re.compile(  # "To confirm as a correct record the Minutes of ...": the item's title
        r"^\W*to\s+(?:confirm|receive|approve|consider|note|sign|agree|adopt|accept)\b",
        re.IGNORECASE,
    )
)
REPORTED = re.compile(  # "Comments made by the Panel at its meeting on ... were reported:"
    r"\b(?:(?:was|were)\s+reported|at\s+its\s+meeting|comments?\s+(?:made|received)\s+(?:by|from)|"
    r"read\s+out|wrote|stated)\b[^.]*:?\s*$",
    re.IGNORECASE,
)
EMPTY_LIST = re.compile(r":\s*(?:none|nil|n/a|no\s+\w+)\W*$", re.IGNORECASE)
PERSON_AGREED = re.compile(
    r"^(?!(?i:the|this|our|all|it)\s)(?:(?:cllr|councillor|mr|mrs|ms|miss|dr)\.?\s+)?[A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+)?\s+"
    r"(?:agreed|offered|undertook|volunteered)\s+to\b"
)
QUOTED_ELSEWHERE = re.compile(
    r"\b(?:cabinet|council|government|department|trust|ministers?|dfe|nhs\s+england)\s+"
    r"(?:had\s+)?(?:resolved|decided|agreed|approved)\b.*\b(?:in|on|at)\s+(?:its|their)\b",
    re.IGNORECASE,
)
DECISION_LABEL = re.compile(
    r"^(?:decision|decided)\s+(?:maker|status|date|type|due|published|reference|number|details|"
    r"summary|log|sheet|(?:made|taken)?\s*at\s+meeting|will\s+come\s+into\s+force)\b|"
    r"^(?:item\s*\|\s*)?decisions?\s*\|[\s|]*$",  # a web table's column header: "DECISION |"
    re.IGNORECASE,
)


OTHER_BODY = re.compile(  # "Approved by the Borough Council": the planning authority's decision
    r"^\W*(?:approved|refused|granted|rejected|permitted|determined|decided)\s+by\s+(?:the\s+)?"
    r"(?:[\w-]+\s+){0,3}?(?:borough|county|district|city|unitary|planning\s+(?:authority|"
    r"committee|inspector(?:ate)?)|secretary\s+of\s+state)\b",
    re.IGNORECASE,
)


CORRECTION = re.compile(r"\bshould\s+(?:now\s+)?read\s*:", re.IGNORECASE)  # the minute as corrected


APOLOGIES_RECEIVED = re.compile(  # "Apologies for absence were received from ...": no decision
    r"\bapologies\b[^.]{0,120}?\b(?:was|were|are|is|be)\s+(?:duly\s+)?(?:received|noted|accepted)\b",
    re.IGNORECASE,
)


STANDING = re.compile(  # "F.Reid. D.Cooper now Council authorised bank signatories.": who is
    r"\bnow\s+(?:the\s+)?(?:[A-Z]\w+\s+)?authori[sz]ed\s+(?:[\w-]+\s+){0,2}signator(?:y|ies)\b"
)  # authorised since the decision above, no decision itself
THEN = re.compile(r"^(?:then|at\s+that\s+time|in\s+those\s+days|back\s+then)\b", re.I)
PAST_TIME = re.compile(  # "... when she last attended ten years ago"
    r"\b(?:ago|last\s+attended|in\s+the\s+past|previously|formerly|used\s+to)\b", re.I
)


# "Agreed that Ali should bring the costs to the next meeting": one person is to come back
# with something, an action and a report-back; the body decides nothing until then
BRINGS_BACK = re.compile(
    r"^(?:it\s+was\s+)?(?:also\s+)?agreed\s+that\s+(?!(?i:the\s+)?(?:board|committee|council|"
    r"councillors|members|trustees|governors|panel|group|meeting|forum|we|they|it)\b)"
    r"(?:(?i:the)\s+)?[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?\s+(?:should|would|will|is\s+to|was\s+to)\s+"
    r"(?:bring|report|present|come\s+back|return|table)\b[^.;]{0,120}?\b(?:to|at)\s+(?:the|a)\s+"
    r"(?:next|future|following|later)\s+meeting\W*$",
    re.IGNORECASE,
)


# "The Board discussed and agreed some minor changes to the list set out in the letter": edits
# to a draft in hand, not what the body decided about it
DRAFTING = re.compile(
    r"\bagreed\s+(?:some|a\s+few|a\s+number\s+of|several)\s+(?:minor\s+|small\s+)?(?:changes|"
    r"amendments|edits|tweaks|revisions)\s+to\b",
    re.IGNORECASE,
)
SIGNED = re.compile(r"\b(?:was|were)\s+(?:then\s+)?duly\s+signed\b", re.IGNORECASE)


def carried_out(sentence: str, before: str, decided: list[DraftDecision]) -> bool:
    """ "The Councillors agreed by each saying Yes to all questions. The Clerk added these
    affirmations to the Return and it was duly signed ...": the signature carries out the
    decision the sentence before told (the last of ``decided``), no second decision."""
    told, last = before.strip(), decided[-1].text.rstrip() if decided else ""
    return bool(told and SIGNED.search(sentence) and last.endswith(told))


def another_time(sentence: str, before: str) -> bool:
    """ "She last attended ten years ago. Then very significant grants were agreed.": what
    was decided then, told as history, is no decision of this meeting."""
    return bool(THEN.match(sentence) and PAST_TIME.search(before))


def not_decided(sentence: str) -> bool:
    """Whether the sentence, whatever its verbs, records no decision of this body."""
    return bool(
        sentence.rstrip().endswith("?")
        or PERSON_AGREED.match(sentence)
        or BRINGS_BACK.match(sentence.strip())
        or DRAFTING.search(sentence)
        or QUOTED_ELSEWHERE.search(sentence)
        or NOTED_FACT.search(sentence)
        or EMPTY_LIST.search(sentence)
        or HEARD.search(sentence)
        or AGENDA_WORDING.match(sentence)
        or DECISION_LABEL.match(sentence)
        or OTHER_BODY.match(sentence)
        or CORRECTION.search(sentence)
        or STANDING.search(sentence)
        or (sentence.rstrip().endswith(":") and title_case(sentence))  # "Accepted Apologies:"
    )


PROCEDURAL = re.compile(  # the sitting's own running: "be called to order", "do now reconvene"
    r"\b(?:be\s+called\s+to\s+order|(?:do\s+)?now\s+(?:re)?convene|reconv\w*|"
    r"(?:meeting|session)\s+(?:be|is|was|were)\s+(?:now\s+)?(?:re-?opened|adjourned|closed)\b|"
    r"(?:proposed|moved)\s+(?:closing|adjourning|re-?opening)\s+the\s+meeting|"
    r"suspen(?:d|sion\s+of)\s+(?:the\s+)?standing\s+orders|"
    r"standing\s+orders\s+(?:be|were|was)\s+suspended)",
    re.IGNORECASE,
)


def procedural(text: str) -> bool:
    """Whether a motion only runs the sitting itself (calls it to order, adjourns,
    reconvenes, re-opens it, suspends standing orders): no decision for the ledger."""
    return bool(PROCEDURAL.search(text))
