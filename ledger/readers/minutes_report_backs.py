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
MEETING_NAMED = re.compile(r"\b(?:meeting|board|committee|panel|back|agenda)\b", re.IGNORECASE)
BEFORE = re.compile(r"\b(?:before|prior\s+to|in\s+advance\s+of|ahead\s+of)\s*$", re.I)
KEPT_ADVISED = re.compile(r"\bkept\s+(?:advised|informed|updated)\b", re.IGNORECASE)


def asked_back(
    sentence: str, *, year: int | None, meeting: date | None, body: str = ""
) -> When | None:
    """When ``sentence`` asks for something to come back, or None if it asks nothing."""
    if SCHEDULE.search(sentence) or gone_back(sentence):
        return None
    found = when(sentence, year_hint=year)
    if found is None:
        return open_return(sentence, body)
    if found.relative and not_after(found.relative, meeting):
        return None  # "the December meeting" in December's minutes is this one or past
    if found.relative and (said_past(sentence, found.said) or elsewhere(found.said, body)):
        return None  # "worked on in the December meeting"; "the next SNAP meeting"
    if before_it(sentence, found.said):
        return None  # "agreed by email before the next meeting" is a deadline, not a return
    if found.relative and not MEETING_NAMED.search(found.said) and found.relative != "next":
        return found if asks_then(sentence, found.said) else None  # "in March 2022": a time
    if found.relative or (found.day is None and MEETING_NAMED.search(found.said)):
        return found  # a meeting named for it is a request on its own
    if not asks_then(sentence, found.said):
        return None
    if found.day and meeting is not None and not after(found, meeting):
        return None
    return found


CLAUSE_BREAK = re.compile(r";|,\s+(?:and|but|while|whereas|although)\s+|\s+(?:while|whereas)\s+")
PERIOD = re.compile(
    r"\b(?:from|until|till|since|through|throughout|during|between|(?:end|start|beginning|"
    r"middle)\s+of)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
YEAR_WRITTEN = re.compile(r"\d{4}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2}")


def asks_then(sentence: str, said: str) -> bool:
    """Whether the clause that names a date or a month asks for something to come back
    ("the Clerk to report back by 31 March"), not another clause ("... a review of FOI, and
    was seeking evidence by 3 February"); a month that bounds a period ("approved until
    the end of August 2018", "from April 2024") asks nothing."""
    at = sentence.find(said)
    if at < 0:
        return bool(ASKS_BACK.search(sentence))
    if PERIOD.search(sentence[max(0, at - 25) : at]):
        return False
    start = max((m.end() for m in CLAUSE_BREAK.finditer(sentence, 0, at)), default=0)
    end = next((m.start() for m in CLAUSE_BREAK.finditer(sentence, at)), len(sentence))
    return bool(ASKS_BACK.search(sentence[start:end]))


def after(found: When, meeting: date) -> bool:
    """Whether a date falls after the meeting. A day and month written without a year
    ("took place on 12 December" in January's minutes) is the one nearest the meeting:
    more than half a year ahead, it is last year's."""
    if found.day is None:
        return True
    if not YEAR_WRITTEN.search(found.said) and (found.day - meeting).days > 183:
        return False
    return found.day > meeting


WORK_AFTER = re.compile(  # "the contractor will need to come back at a later date to complete"
    r"\bcome\s+back\b(?:\s+(?:at\s+a\s+later\s+date|later|next\s+\w+|on\s+\w+|in\s+\w+"
    r"(?:\s+\w+)?))?\s+to\s+(?!(?:the|this|that|these|those|it|us|them|him|her|a|an|any|"
    r"members|report|update|present|discuss|consider|explain|advise|brief|inform)\b)[a-z]+\b"
)


def gone_back(sentence: str) -> bool:
    """Whether "come back" means returning to a place to do work ("the contractor will
    come back to complete the reinstatement"), not to the board with news."""
    return bool(WORK_AFTER.search(sentence))


PUT_OFF = re.compile(  # "deferred so that it can be considered alongside the strategy"
    r"\b(?:defer(?:red|s)?|postpone[ds]?|(?:left|held)\s+in\s+abeyance)\b[^.;]{0,60}?\b"
    r"(?P<why>(?:so\s+(?:\S+\s+){0,2}?(?:it|this|they|the\s+\w+)\s+(?:can|could|may|might|will)|"
    r"pending|to\s+(?:allow|enable|await)|awaiting|until\s+(?:further|more|such\s+time|the\s+"
    r"outcome|receipt|the\s+results?))\b[^.;]{0,80})",
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


def open_return(sentence: str, body: str) -> When | None:
    """A return the minutes ask for with no meeting or date: the board "to be kept
    advised", an item deferred pending something, a matter to be considered again once
    something happens, a matter to be agreed by this body, or a paper to be given to it."""
    if kept := KEPT_ADVISED.search(sentence):
        return When(kept.group(0))
    if found := PUT_OFF.search(sentence) or AGAIN_WHEN.search(sentence):
        return When(found["why"].strip())
    for found in (BY_BODY.search(sentence), TO_BODY.search(sentence)):
        if found and found["body"] and own(found["body"], body):
            return When(found.group(0).strip())
    return None


def own(named: str, body: str) -> bool:
    """Whether a body named in the minutes is the one whose minutes they are: all its
    words are the minutes' title's or a body's generic words ("the Board")."""
    mine = {w.lower() for w in re.findall(r"[\w&'-]+", body)}
    return all(w.lower() in GENERIC or w.lower() in mine for w in named.split())


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
    or one per line (a lettered part, a bullet); a heading that ends in a colon introduces
    the matters below it and is none itself."""
    if text[:1] in "-•●*" and " - " in text:
        return [m.strip() for m in text.lstrip("-•●* ").split(" - ") if m.strip()]
    return [] if text.rstrip().endswith(":") else [text]  # "i. Policies:" heads what follows
