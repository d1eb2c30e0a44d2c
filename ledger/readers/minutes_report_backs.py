"""Which sentences of minutes ask for something to come back, and when.

A report-back is a request to hear about something again: "an update to the next
meeting", "to be brought back to the March meeting", "Hannah will come back to this",
"to a future meeting", "by 31 March 2021". A date alone is no request ("the meeting held
on 7 March"), nor is the date of the next meeting, nor a date already past.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from ledger.readers.minutes_agenda_lists import (
    NEXT_AGENDA,
    agenda_heading,
    agenda_list,
    asked_once,
    listed,
)
from ledger.readers.minutes_dates import when
from ledger.readers.minutes_draft import When
from ledger.readers.minutes_report_back_lookalikes import (
    GENERIC,
    after,
    before_it,
    elsewhere,
    no_request,
    not_after,
    said_past,
)

__all__ = [
    "NEXT_AGENDA",
    "agenda_heading",
    "agenda_list",
    "asked_back",
    "asked_once",
    "listed",
]

ASKS_BACK = re.compile(
    r"\b(?:report(?:ing)?(?:\s+back)?|reported\s+(?:back|to)|updates?|updated|bring|brought|"
    r"come\s+back|return|reconsider(?:ed)?|considered|consideration|discuss(?:ed|ion)?|"
    r"review(?:ed)?|re-?visit(?:ed)?|submit(?:ted)?|provided?|feed\s*back|look\s+at|"
    r"(?:on|to|onto|for)\s+(?:the\s+|an?\s+|its\s+|their\s+)?(?:[\w'’]+\s+){0,2}?agenda|"
    r"agenda\s+items?|(?:will|would|to)\s+be\s+asked\s+to|"
    r"(?:to|will|be)\s+present|presented|presentation|"
    r"kept\s+(?:advised|informed)|progress|"
    # "These will be graded at the Board Away Day on 6 March": done at a meeting of its own
    r"(?:will|shall|to)\s+be\s+(?!held\b|signed\b)[a-z]+ed\s+at\s+(?:the|a|its|our)\s+"
    r"(?:[\w'-]+\s+){0,3}?(?:meeting|away\s+day|workshop|seminar|development\s+session))\b",
    re.IGNORECASE,
)
MEETING_NAMED = re.compile(  # or a matter held over to a month: "KIV until Feb"
    r"\b(?:meeting|board|committee|panel|back|agenda|KIV|in\s+view|held\s+over|parked)\b",
    re.IGNORECASE,
)
KEPT_ADVISED = re.compile(r"\bkept\s+(?:advised|informed|updated)\b", re.IGNORECASE)


def asked_back(
    sentence: str, *, year: int | None, meeting: date | None, body: str = ""
) -> When | None:
    """When ``sentence`` asks for something to come back, or None if it asks nothing."""
    if no_request(sentence):
        return None
    rest = sentence
    for _ in range(3):  # "the next meeting of the PCP ... reported back at the March meeting"
        found = when(rest, year_hint=year)
        if found is None:
            return open_return(sentence, body) if rest is sentence else None
        if not elsewhere(sentence, found.said, body):
            return judged(sentence, found, meeting)
        rest = rest[rest.find(found.said) + len(found.said) :]
    return None


def judged(sentence: str, found: When, meeting: date | None) -> When | None:
    """Whether the time a sentence names for this body is a request to come back."""
    if found.relative and not_after(found, meeting):
        return None  # "the December meeting" in December's minutes is this one or past
    if said_past(sentence, found.said) and found.relative:
        return None  # "worked on in the December meeting"
    if before_it(sentence, found.said):
        return None  # "agreed by email before the next meeting" is a deadline, not a return
    if found.relative and not MEETING_NAMED.search(found.said) and found.relative != "next":
        return found if asks_then(sentence, found.said) else None  # "in March 2022": a time
    if found.relative or (found.day is None and MEETING_NAMED.search(found.said)):
        return found  # a meeting named for it is a request on its own
    if not asks_then(sentence, found.said):
        return None
    if found.day and meeting is not None and not after(found, meeting):
        return year_carried_over(sentence, found, meeting)
    return found


WILL = re.compile(r"\b(?:will|shall|to\s+be)\b", re.IGNORECASE)


def year_carried_over(sentence: str, found: When, meeting: date) -> When | None:
    """A request for a day earlier in the meeting's own year, in the future tense ("These
    will be graded at the Away Day on 6 March 2016" in December 2016's minutes): the clerk
    wrote the old year for the next; the day is next year's. A day said in the past is past."""
    day = found.day
    at = sentence.find(found.said)
    if day is None or day.year != meeting.year or day.month >= meeting.month:
        return None
    if not WILL.search(sentence[max(0, at - 80) : max(at, 0)]):
        return None
    try:
        return replace(found, day=day.replace(year=day.year + 1))
    except ValueError:  # 29 February
        return None


CLAUSE_BREAK = re.compile(r";|,\s+(?:and|but|while|whereas|although)\s+|\s+(?:while|whereas)\s+")
PERIOD = re.compile(
    r"\b(?:from|until|till|since|through|throughout|during|between|(?:end|start|beginning|"
    r"middle)\s+of)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def asks_then(sentence: str, said: str) -> bool:
    """Whether the clause that names a date or a month asks for something to come back
    ("the Clerk to report back by 31 March"), not another clause ("... a review of FOI, and
    was seeking evidence by 3 February"); a month that bounds a period ("approved until
    the end of August 2018", "from April 2024") asks nothing."""
    at = sentence.find(said)
    if at < 0:
        return asking(sentence)
    if PERIOD.search(sentence[max(0, at - 25) : at]):
        return False
    start = max((m.end() for m in CLAUSE_BREAK.finditer(sentence, 0, at)), default=0)
    end = next((m.start() for m in CLAUSE_BREAK.finditer(sentence, at)), len(sentence))
    return asking(sentence[start:end])


FORWARD = re.compile(
    r"\b(?:to\s+be|be|being|will|would|shall|should|must|needs?\s+to|asked|requested|"
    r"recommend(?:ed|s|ation)?|agreed|proposed|expected|due|hoped|intended|planned)\b"
    r"(?:\s+\S+){0,3}\s*$",
    re.IGNORECASE,
)


def asking(clause: str) -> bool:
    """Whether a clause asks for something to come back. A word told in the past ("David
    Parr provided an overview", "the minutes ... were considered") tells what happened:
    it asks only with a word that looks forward before it ("to be considered", "would be
    reviewed", "recommended that ... were brought")."""
    for found in ASKS_BACK.finditer(clause):
        word = found.group(0).lower()
        if not (word.endswith("ed") or word == "brought"):
            return True
        if FORWARD.search(clause[max(0, found.start() - 40) : found.start()]):
            return True
    return False


PUT_OFF = re.compile(  # "deferred so that it can be considered alongside the strategy"
    r"\b(?:defer(?:red|s)?|postpone[ds]?|(?:left|held)\s+in\s+abeyance)\b[^.;]{0,60}?\b"
    r"(?P<why>(?:so\s+(?:\S+\s+){0,2}?(?:it|this|they|the\s+\w+)\s+(?:can|could|may|might|will)|"
    r"pending|to\s+(?:allow|enable|await)|awaiting|until\s+(?:further|more|such\s+time|the\s+"
    r"outcome|receipt|the\s+results?))\b[^.;]{0,80})",
    re.IGNORECASE,
)
DECIDED_WHEN = re.compile(  # "The final decision will be made when the awards are announced."
    r"\bdecision\b[^.;]{0,60}?\b(?:will|would|is\s+to|to)\s+be\s+(?:made|taken|reached)\s+"
    r"(?P<why>(?:when|once|after|following|until)\b[^.;]{0,80})",
    re.IGNORECASE,
)
AGAIN_WHEN = re.compile(  # "keen to consider this again once the arrangements are confirmed"
    r"\b(?:re-?consider(?:ed)?|re-?visit(?:ed)?|consider(?:ed)?\s+(?:this|it|the\s+\w+)\s+again|"
    r"look\s+at\s+(?:this|it)\s+again)\b[^.;]{0,40}?\b(?P<why>(?:once|when|after|following)\b"
    r"[^.;]{0,80})",
    re.IGNORECASE,
)
BODY = (
    r"(?P<body>(?:[A-Z][\w&'-]*\s+){0,4}?(?:[A-Z]{2,6}|"
    r"(?i:board|committee|panel|council|group|forum|cabinet)))\b"
)
BY_BODY = re.compile(  # "(to be agreed by the SIG)", "to be approved by the Board"
    r"\bto\s+be\s+(?:agreed|approved|decided|ratified|considered|discussed|reviewed|"
    rf"signed\s+off|endorsed)\s+by\s+the\s+{BODY}"
)
TO_BODY = re.compile(  # "CLG to provide the Transparency Board with a copy ... for comment"
    r"\b(?:(?:provide|supply|furnish)\s+the\s+(?=[^.;]{0,60}?\s+with\b)|(?:circulate|send|present|"
    r"bring|submit|take)\b[^.;]{0,60}?\bto\s+the\s+(?=[^.;]{0,60}?\s+for\s+(?:comment|approval|"
    rf"agreement|consideration|decision|review)\b)){BODY}"
)

RETURN_TO = re.compile(  # "Staff will return to Council with a revised bylaw"
    r"\b(?:return|come\s+back|report\s+back|bring\s+(?:it|this|them)\s+back)\s+to\s+(?:the\s+)?"
    rf"{BODY}\s+with\b"
)


def open_return(sentence: str, body: str) -> When | None:
    """A return the minutes ask for with no meeting or date: the board "to be kept
    advised", an item deferred pending something, a matter to be considered again or
    decided once something happens, a matter to be agreed by this body, or a paper to be
    given to it."""
    if kept := KEPT_ADVISED.search(sentence):
        return When(kept.group(0))
    if found := (
        PUT_OFF.search(sentence) or AGAIN_WHEN.search(sentence) or DECIDED_WHEN.search(sentence)
    ):
        return When(found["why"].strip())
    for found in (BY_BODY.search(sentence), TO_BODY.search(sentence), RETURN_TO.search(sentence)):
        if found and found["body"] and own(found["body"], body):
            return When(found.group(0).strip())
    return None


def own(named: str, body: str) -> bool:
    """Whether a body named in the minutes is the one whose minutes they are: all its
    words are the minutes' title's or a body's generic words ("the Board")."""
    mine = {w.lower() for w in re.findall(r"[\w&'-]+", body)}
    return all(w.lower() in GENERIC or w.lower() in mine for w in named.split())
