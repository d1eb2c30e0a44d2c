"""Which sentences of minutes ask for something to come back, and when.

A report-back is a request to hear about something again: "an update to the next
meeting", "to be brought back to the March meeting", "Hannah will come back to this",
"to a future meeting", "by 31 March 2021". A date alone is no request ("the meeting held
on 7 March"), nor is the date of the next meeting, nor a date already past.
"""

from __future__ import annotations

import re
from datetime import date

from ledger.readers.minutes_dates import MONTHS, when
from ledger.readers.minutes_draft import When

ASKS_BACK = re.compile(
    r"\b(?:report(?:ing)?(?:\s+back)?|reported\s+(?:back|to)|updates?|updated|bring|brought|come\s+back|return|"
    r"reconsider(?:ed)?|considered|consideration|discuss(?:ed|ion)?|"
    r"review(?:ed)?|revisit(?:ed)?|agenda|submit(?:ted)?|provided?|feed\s*back|look\s+at|"
    r"(?:to|will|be)\s+present|presented|presentation|"
    r"kept\s+(?:advised|informed)|progress)\b",
    re.IGNORECASE,
)
SCHEDULE = re.compile(
    r"\b(?:next\s+meeting\s+(?:of\s+[^.]{0,60}?)?(?:was|is|has\s+been)\s+(?:confirmed|arranged|"
    r"set|fixed|agreed)\b|date\s+(?:and\s+time\s+)?of\s+(?:the\s+)?next\s+meeting|next\s+meeting\s+"
    r"(?:will\s+be|is|to\s+be)\s+(?:held|on)|next\s+meeting\s*[:\-–]|"
    r"(?:was|were)\s+(?:not\s+)?(?:present|held|attended)|did\s+not\s+attend|no\s+one\s+appeared|"
    r"\battend(?:ing)?\b|(?:has\s+been|is|was)\s+(?:re)?scheduled|will\s+take\s+place|"
    r"\b(?:i|we)\s+will\s+move\b|notice\s+of\s+motion|^next\s+meeting\s+(?:is|will\s+be)\b|"
    r"(?:for|until|subject\s+to)\s+(?:approval|agreement|confirmation|agreed|approved|signature)\s+"
    r"(?:at|by)\s+the\s+next|^to\s+(?:receive|consider)\b.{0,80}\b(?:items?|matters)\b)",
    re.IGNORECASE,
)
AGENDA_LIST = re.compile(
    r"\b(?:matters|items|topics)\s+(?:were\s+agreed\s+)?(?:for|on)\s+(?:the\s+)?(?:(?:next|future)\s+"
    r"(?:agenda|meeting)|agenda\s+(?:of|for)\s+(?:the\s+)?next\s+meeting)",
    re.IGNORECASE,
)
MEETING_NAMED = re.compile(r"\b(?:meeting|board|committee|panel|back)\b", re.IGNORECASE)
BEFORE = re.compile(r"\b(?:before|prior\s+to|in\s+advance\s+of|ahead\s+of)\s*$", re.I)
KEPT_ADVISED = re.compile(r"\bkept\s+(?:advised|informed|updated)\b", re.IGNORECASE)


def asked_back(
    sentence: str, *, year: int | None, meeting: date | None, body: str = ""
) -> When | None:
    """When ``sentence`` asks for something to come back, or None if it asks nothing."""
    if SCHEDULE.search(sentence):
        return None
    found = when(sentence, year_hint=year)
    if found is None:
        kept = KEPT_ADVISED.search(sentence)
        return When(kept.group(0)) if kept else None
    if found.relative and not_after(found.relative, meeting):
        return None  # "the December meeting" in December's minutes is this one or past
    if found.relative and (said_past(sentence, found.said) or elsewhere(found.said, body)):
        return None  # "worked on in the December meeting"; "the next SNAP meeting"
    if before_it(sentence, found.said):
        return None  # "agreed by email before the next meeting" is a deadline, not a return
    if found.relative or (found.day is None and MEETING_NAMED.search(found.said)):
        return found  # a meeting named for it is a request on its own
    if not ASKS_BACK.search(sentence):
        return None
    if found.day and (meeting is not None and found.day <= meeting):
        return None
    return found


PAST_BEFORE = re.compile(r"\b(?:was|were|had)\b[^.;]{0,30}$", re.I)
STILL_TO_COME = re.compile(  # "was deferred to the next meeting" sends it forward
    r"\b(?:to\s+be|will|would|shall|should|until|asked|requested|deferred|referred|adjourned|"
    r"postponed|carried\s+forward|put\s+back|added|placed)\b",
    re.I,
)
GENERIC = {
    *("board", "committee", "council", "parish", "town", "full", "panel", "forum", "group"),
    *("governing", "body", "cabinet", "ordinary", "annual", "meeting", "meetings", "general"),
    *("scheduled", "monthly", "regular", "quarterly", "members", "public", "our", "its"),
    *("the", "this", "a"),
}
OTHER_BODY = re.compile(
    r"\bnext\s+(?P<words>(?:[\w&'-]+,?\s+){1,5}?)(?i:meeting)"
    r"|\bnext\s+(?i:meeting)\s+(?:for|of)\s+(?P<of>[A-Z0-9]\w+)"
)


def said_past(sentence: str, said: str) -> bool:
    """Whether a meeting is named as one that has been ("worked on in the December meeting")."""
    at = sentence.find(said)
    found = PAST_BEFORE.search(sentence[max(0, at - 45) : at]) if at > 0 else None
    return bool(found) and not STILL_TO_COME.search(found.group(0))


def elsewhere(said: str, body: str) -> bool:
    """Whether "the next ... meeting" is another body's ("the next Watlington SNAP
    Meeting", "the next meeting for 2Agriculture"): a name in it that is not this body's."""
    found = OTHER_BODY.search(said)
    if not found:
        return False
    own = {w.lower() for w in re.findall(r"[\w&'-]+", body)}
    names = re.findall(r"[\w&'-]+", found["words"] or found["of"] or "")
    return any(
        w[:1].isupper() or w[:1].isdigit()
        for w in names
        if w.lower() not in GENERIC and w.lower() not in own
    )


def before_it(sentence: str, said: str) -> bool:
    at = sentence.find(said)
    return at > 0 and bool(BEFORE.search(sentence[max(0, at - 25) : at]))


def not_after(relative: str, meeting: date | None) -> bool:
    """Whether "the <month> meeting" names a month that is not in the half-year after
    these minutes' own meeting (in December's minutes "the November meeting" is past)."""
    month = MONTHS.get(relative.lower())
    return bool(month and meeting and not 1 <= (month - meeting.month) % 12 <= 6)


NEXT_AGENDA = When("the next meeting", None, "next")  # where listed matters come back


def agenda_list(line: str) -> bool:
    """A line that opens a list of matters for the next agenda ("The following matters
    were agreed for the next agenda:")."""
    return bool(AGENDA_LIST.search(line)) and line.rstrip().endswith(":")


def agenda_heading(title: str) -> bool:
    """An item headed "Items for agenda of next meeting"."""
    return bool(AGENDA_LIST.search(title))


def listed(text: str) -> list[str]:
    """The matters of a list given on one line ("- Parish Partnership - Risk Assessment")
    or one per line (a lettered part, a bullet)."""
    if text[:1] in "-•●*" and " - " in text:
        return [m.strip() for m in text.lstrip("-•●* ").split(" - ") if m.strip()]
    return [text]
