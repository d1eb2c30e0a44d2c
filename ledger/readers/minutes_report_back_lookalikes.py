"""What reads like a request to hear back but is none: the next meeting's date, someone
attending, minutes approved at the next meeting, a contractor coming back to finish work,
a meeting that has been, another body's meeting, a possibility ("may be considered"), a
heading naming the next agenda, a date last year written without its year, a deadline.
"""

from __future__ import annotations

import re
from datetime import date

from ledger.readers.minutes_dates import MONTHS
from ledger.readers.minutes_draft import When

SCHEDULE = re.compile(
    r"\b(?:next\s+(?:[\w&'-]+\s+){0,3}?meeting\s+(?:(?:of|for)\s+[^.]{0,60}?)?(?:was|is|has\s+been)\s+(?:confirmed|"
    r"arranged|set|fixed|agreed)\b|date\s+(?:and\s+time\s+)?of\s+(?:the\s+)?next\s+meeting|"
    r"next\s+(?:[\w&'-]+\s+){0,3}?meeting\s+(?:(?:of|for)\s+[^.]{0,60}?)?(?:will\s+be|is|to\s+be)\s+"
    r"(?:held|on)\b|"
    r"next\s+meeting\s*[:\-–]|"
    r"(?:was|were)\s+(?:not\s+)?(?:present|held|attended)|did\s+not\s+attend|no\s+one\s+appeared|"
    r"(?:has\s+been|is|was)\s+(?:re)?scheduled|will\s+take\s+place|"
    r"\b(?:i|we)\s+will\s+move\b|notice\s+of\s+motion|^next\s+meeting\s+(?:is|will\s+be)\b|"
    r"(?:for|until|subject\s+to|following|after)\s+(?:its\s+|their\s+)?(?:approval|agreement|"
    r"confirmation|agreed|approved|signature)\s+(?:at|by)\s+(?:the\s+)?next|"
    r"^to\s+(?:receive|consider)\b.{0,80}\b(?:items?|matters)\b|"
    r"agenda\s+(?:be|was|were|is)\s+(?:adopted|approved|agreed|accepted)\b|"
    r"(?:last|previous|preceding)\s+meeting\s+(?:held\s+)?on\b|"
    # this meeting's own agenda: "This is an agenda item later", "under item 9"
    r"agenda\s+item\s+later|later\s+(?:on\s+)?(?:in\s+)?(?:the|this)\s+(?:meeting|agenda)|"
    r"\bunder\s+(?:agenda\s+)?item\s+\d|"
    # the order of business: "take the depot item next on the agenda"
    r"\bnext\s+on\s+(?:the|this|tonight'?s|today'?s)\s+agenda\b|"
    r"\b(?:brought|moved|taken)\s+forward\s+on\s+(?:the|this)\s+agenda\b)",
    re.IGNORECASE,
)
ATTENDING = re.compile(r"\battend(?:ing|s)?\b", re.IGNORECASE)
TO_PRESENT = re.compile(  # "were to attend and present": attending to report is a return
    r"\battend\w*\s+(?:and|to)\s+(?:present|report|update|brief|give)\b", re.IGNORECASE
)
WORK_AFTER = re.compile(  # "the contractor will need to come back at a later date to complete"
    r"\bcome\s+back\b(?:\s+(?:at\s+a\s+later\s+date|later|next\s+\w+|on\s+\w+|in\s+\w+"
    r"(?:\s+\w+)?))?\s+to\s+(?!(?:the|this|that|these|those|it|us|them|him|her|a|an|any|"
    r"members|report|update|present|discuss|consider|explain|advise|brief|inform)\b)[a-z]+\b"
)
ASKED_IF = re.compile(r"\b(?:asked|requested|enquired|wondered)\s+(?:if|whether)\b", re.I)
HEDGED = re.compile(  # "The topic may be considered by the Board ... at a future meeting"
    r"\b(?:may|might|could)\s+(?:also\s+|possibly\s+|well\s+)?(?:be\s+)?(?:considered|discussed|"
    r"brought|reviewed|revisited|re-visited|looked\s+at|returned|raised|added|placed|put|"
    r"reported|presented|come\s+back)\b",
    re.IGNORECASE,
)
HEADING_ONLY = re.compile(  # "Reports from Councillors/items for the next agenda 1."
    r"^(?![^.]*\b(?:to\s+be|will|would|should|shall|asked|agreed|requested)\b)"
    r"[^.]{0,60}?\b(?:items?|matters|topics)\s+for\s+(?:the\s+)?(?:next|future)\s+"
    r"(?:agenda|meeting)\W*(?:\d{1,2}\W*)?$",
    re.IGNORECASE,
)


def no_request(sentence: str) -> bool:
    """Whether a sentence only looks like a request to hear back: a meeting's date,
    someone attending (not to report), minutes approved at the next meeting, a contractor
    coming back to work, a possibility, a heading naming the next agenda."""
    if SCHEDULE.search(sentence) or WORK_AFTER.search(sentence):
        return True
    if HEDGED.search(sentence) and not ASKED_IF.search(sentence):
        return True  # "... could be put on the next agenda" asked for is a request
    if ATTENDING.search(sentence) and not TO_PRESENT.search(sentence):
        return True
    return bool(HEADING_ONLY.match(sentence))


PAST_BEFORE = re.compile(r"\b(?:was|were|had)\b[^.;]{0,30}$", re.I)
STILL_TO_COME = re.compile(  # "was deferred to the next meeting" sends it forward
    r"\b(?:to\s+be|will|would|shall|should|until|asked|requested|deferred|referred|adjourned|"
    r"postponed|carried\s+forward|put\s+back|added|placed)\b",
    re.I,
)


def said_past(sentence: str, said: str) -> bool:
    """Whether a meeting is named as one that has been ("worked on in the December meeting")."""
    at = sentence.find(said)
    found = PAST_BEFORE.search(sentence[max(0, at - 45) : at]) if at > 0 else None
    return bool(found) and not STILL_TO_COME.search(found.group(0))


GENERIC = {
    *("board", "committee", "council", "parish", "town", "full", "panel", "forum", "group"),
    *("governing", "body", "cabinet", "ordinary", "annual", "meeting", "meetings", "general"),
    *("scheduled", "monthly", "regular", "quarterly", "members", "public", "our", "its"),
    *("the", "this", "a"),
}
BODY_NOUNS = {"board", "committee", "council", "panel", "forum", "group", "cabinet"}
OTHER_BODY = re.compile(
    r"\bnext\s+(?P<words>(?:[\w&'-]+,?\s+){1,5}?)(?i:meeting)"
    r"|\b(?:next|future|forthcoming|subsequent)\s+(?i:meeting)\s+(?:for|of)\s+(?:the\s+)?"
    r"(?P<of>[A-Z0-9][\w&'-]*(?:,?\s+(?:[A-Z][\w&'-]*|and|&|of))*)"
)
BODY_MEETING = re.compile(  # "at a forthcoming Committee Meeting", "the Council meeting"
    r"\b(?:the|a|an|its|our)\s+(?:(?:next|forthcoming|future|subsequent|following)\s+)?"
    r"(?:[\w'-]+\s+)?(?P<noun>board|committee|council|panel|forum|group|cabinet)\s+meeting\b",
    re.IGNORECASE,
)
# "would be discussed at Westminster", "presented to the Executive"; not "referred to Appendix
# 2 of the report", a paper, no other body
DISCUSSED_AT = re.compile(
    r"\b(?:discussed|considered|debated|reviewed|presented|reported|submitted|referred|taken)\s+"
    r"(?:at|in|by|to)\s+(?:the\s+)?(?!(?i:cllr|councillor|mr|mrs|ms|miss|dr)\b)"
    r"(?!(?i:appendix|annexe?|section|paragraph|page|table|figure|schedule|item|minute)\b)"
    r"(?P<where>[A-Z][\w&'-]+(?:\s+[A-Z][\w&'-]+){0,3})"
)


def title_words(body: str) -> set[str]:
    """The words of the body's title, and the initials of its runs of capitalised words
    ("Welsh Technical Standards Board" is also "WTSB", "TSB")."""
    words = re.findall(r"[\w&'-]+", body[:200])
    found = {w.lower() for w in words}
    capital = [w[0].lower() if w[:1].isupper() else "" for w in words]
    for start in range(len(capital)):
        for end in range(start + 2, min(len(capital), start + 8) + 1):
            if not all(capital[start:end]):
                break
            found.add("".join(capital[start:end]))
    return found


def elsewhere(sentence: str, said: str, body: str) -> bool:
    """Whether the meeting a sentence names is another body's: "the next Watlington SNAP
    Meeting" or "the next meeting for 2Agriculture" (a name not in this body's title), a
    "Committee meeting" in a Parish Council's minutes, "a future meeting of the Corporate
    Policy Committee", something "discussed at Westminster" or "presented to the Executive"."""
    own = title_words(body)
    at = max(sentence.find(said), 0)
    found = OTHER_BODY.search(sentence, at)
    names = re.findall(r"[\w&'-]+", found["words"] or found["of"] or "") if found else []
    if any((w[:1].isupper() or w[:1].isdigit()) and w.lower() not in GENERIC | own for w in names):
        return True
    mine = own & BODY_NOUNS
    meeting = BODY_MEETING.search(sentence, at, at + len(said) + 40)
    if meeting and mine and meeting["noun"].lower() not in mine:
        return True
    where = DISCUSSED_AT.search(sentence)
    return bool(where) and not all(
        w.lower() in GENERIC | own or w.lower() in MONTHS for w in where["where"].split()
    )


BEFORE = re.compile(r"\b(?:before|prior\s+to|in\s+advance\s+of|ahead\s+of)\s*$", re.I)


def before_it(sentence: str, said: str) -> bool:
    """ "agreed by email before the next meeting" is a deadline, not a return."""
    at = sentence.find(said)
    return at > 0 and bool(BEFORE.search(sentence[max(0, at - 25) : at]))


YEAR_WRITTEN = re.compile(r"\d{4}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2}")


def not_after(found: When, meeting: date | None) -> bool:
    """Whether a month named for a return is not after these minutes' own meeting: "the
    November meeting" in December's minutes (a month without a year is within the half-year
    after the meeting), "in March 2018" in April 2018's."""
    month = MONTHS.get(found.relative.lower())
    if not (month and meeting):
        return False
    year = YEAR_WRITTEN.search(found.said)
    if year and len(year.group(0)) == 4:
        return (int(year.group(0)), month) <= (meeting.year, meeting.month)
    return not 1 <= (month - meeting.month) % 12 <= 6


def after(found: When, meeting: date) -> bool:
    """Whether a date falls after the meeting. A day and month written without a year
    ("took place on 12 December" in January's minutes) is the one nearest the meeting:
    more than half a year ahead, it is last year's."""
    if found.day is None:
        return True
    if not YEAR_WRITTEN.search(found.said) and (found.day - meeting).days > 183:
        return False
    return found.day > meeting
