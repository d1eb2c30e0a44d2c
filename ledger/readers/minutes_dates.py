"""Dates as minutes write them: "7 March 2022", "Tuesday 16th March 2021", "31/03/2021",
"24-09-2009", "2021-03-31", "March 2022", and the meeting a report-back names ("the next
meeting", "the March meeting", "March's meeting", "KIV until Feb", "a future meeting", "in
due course", "come back with a proposal"); whether a weekday
written with a date is that day's.

Every pattern here is anchored on a few words, so reading a line costs time linear in it.
"""

from __future__ import annotations

import re
from datetime import date

from ledger.readers.minutes_draft import When

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
MONTH_NAMES = [name for name in MONTHS if len(name) > 4 or name in ("may", "june", "july")][:12]
MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)"
DAY_FIRST = re.compile(  # "4.00pm1 July 2021": a PDF's text may lose the space after a time
    rf"(?:\b|(?<=\d[ap]m)){WEEKDAY}?(?P<d>\d{{1,2}})\s*(?:(?:st|nd|rd|th)\.?)?\s*(?:\^?(?:st|nd|rd|th)\^?)?"
    rf"\s+(?:of\s+)?"
    rf"(?P<m>{MONTH})\.?,?\s+(?P<y>\d{{4}})\b",
    re.IGNORECASE,
)
MONTH_FIRST = re.compile(
    rf"\b{WEEKDAY}?(?P<m>{MONTH})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})\b",
    re.IGNORECASE,
)
NUMERIC = re.compile(
    r"\b(?P<d>\d{1,2})(?P<s>[/.-])(?P<m>\d{1,2})(?P=s)(?P<y>\d{4}|(?<=/\d\d/)\d{2}|(?<=/\d/)\d{2})(?!\d)"
)
ISO = re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?!\d)")
DAY_MONTH = re.compile(
    rf"\b{WEEKDAY}?(?P<d>\d{{1,2}})\s*(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{MONTH})\b(?!\s+\d{{4}})",
    re.IGNORECASE,
)
MONTH_DAY = re.compile(
    rf"\b(?P<m>{MONTH})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?!\s*,?\s*\d{{4}})(?!:)",
    re.IGNORECASE,
)
MONTH_YEAR = re.compile(rf"\b(?:in\s+)?(?P<m>{MONTH})\s+(?P<y>20\d\d)\b", re.IGNORECASE)
YEAR = re.compile(r"\b(19[89]\d|20[0-4]\d)\b")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
WEEKDAY_AT = re.compile(r"^(?P<w>mon|tue|wed|thu|fri|sat|sun)\w*day\b", re.IGNORECASE)
WEEKDAY_BEFORE = re.compile(
    r"\b(?P<w>mon|tue|wed|thu|fri|sat|sun)(?:day|sday|nesday|rsday|urday|s|rs)?\.?,?\s*"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)

NEXT_MEETING = re.compile(
    r"\b(?:the\s+|our\s+|its\s+)?next\s+(?:[\w&]+,?\s+){0,5}?(?:meeting|agenda|board|forum|cabinet|"
    r"committee|panel)\b",
    re.IGNORECASE,
)
MONTH_MEETING = re.compile(
    rf"\b(?:the\s+(?P<m>{MONTH})\s+(?:[\w&]+\s+){{0,3}}?meeting|(?:on|to|for)\s+(?:the\s+)?(?P<m2>{MONTH})"
    rf"\.?\s+agenda|the\s+meeting\s+in\s+(?P<m3>{MONTH})|"
    rf"(?P<m4>{MONTH})['’]s\s+meeting|agenda\s+for\s+(?P<m5>{MONTH})\b(?!\s+\d)|"
    rf"(?:KIV|kept?\s+in\s+view|held\s+over|parked)\s+(?:until|till|to)\s+(?P<m6>{MONTH}))\b",
    re.IGNORECASE,
)
UNDATED = re.compile(
    r"\b(?:in\s+due\s+course|at\s+a\s+(?:later|future)\s+(?:date|meeting|stage)|"
    r"(?:to|at)\s+a\s+future\s+(?:[A-Z]\w+\s+){0,2}(?:meeting|board|committee|panel)|"
    r"(?:at|to|for)\s+a\s+(?:forthcoming|subsequent)\s+(?:[A-Z]\w+\s+){0,2}(?:meeting|board|committee|panel)|"
    r"(?:put|placed)\s+on\s+the\s+agenda|an?\s+agenda\s+item|"
    r"future\s+meeting|later\s+meeting|(?:will|would|to|shall)\s+(?:come|report)\s+back|"
    r"come\s+back\s+with\s+(?:a|an|the|some|further|proposals?|options|recommendations?)\b|"
    r"when\s+available|as\s+soon\s+as\s+possible|asap)\b",
    re.IGNORECASE,
)


def to_date(year: str, month: str, day: str) -> date | None:
    """A date from the parts as written, or None when they name no real day."""
    number = int(month) if month.isdigit() else MONTHS.get(month.lower().rstrip("."), 0)
    whole = int(year) + (2000 if len(year) == 2 else 0)
    try:
        return date(whole, number, int(day))
    except ValueError:
        return None


def dates_in(text: str) -> list[tuple[int, date]]:
    """Every full date written in ``text``, with where it starts, in order."""
    return [(start, day) for start, _, day in full_dates(text)]


def full_dates(text: str) -> list[tuple[int, int, date]]:
    """Every full date written in ``text``, with where it starts and ends, in order."""
    found: list[tuple[int, int, date]] = []
    for pattern in (DAY_FIRST, MONTH_FIRST, ISO, NUMERIC):
        for match in pattern.finditer(text):
            if any(start <= match.start() < end for start, end, _ in found):
                continue
            day = to_date(match["y"], match["m"], match["d"])
            if day is not None:
                found.append((match.start(), match.end(), day))
    return sorted(found, key=lambda span: span[0])


def first_date(text: str, year_hint: int | None = None) -> date | None:
    """The first date in ``text``; a day and month alone take ``year_hint``."""
    found = dates_in(text)
    if found:
        return found[0][1]
    if year_hint:
        match = DAY_MONTH.search(text)
        if match:
            return to_date(str(year_hint), match["m"], match["d"])
    return None


def when(text: str, *, year_hint: int | None = None) -> When | None:
    """When a report-back or action falls due, as ``text`` says, or None if it says not."""
    match = NEXT_MEETING.search(text)
    if match:
        day = first_date(text[match.end() : match.end() + 60], year_hint)
        return When(match.group(0), day, "next")
    match = MONTH_MEETING.search(text)
    if match:
        month = next(m for m in match.group("m", "m2", "m3", "m4", "m5", "m6") if m)
        month = month.lower().rstrip(".")
        return When(match.group(0), None, MONTH_NAMES[MONTHS[month] - 1])
    for position, day in dates_in(text):
        return When(text[position : position + 30].split(".")[0].strip(), day)
    if year_hint and (match := DAY_MONTH.search(text) or MONTH_DAY.search(text)):
        return When(match.group(0), to_date(str(year_hint), match["m"], match["d"]))
    match = MONTH_YEAR.search(text)
    if match and (not year_hint or int(match["y"]) >= year_hint):  # "in May 2018" may be past
        return When(match.group(0), None, MONTH_NAMES[MONTHS[match["m"].lower()] - 1])
    match = UNDATED.search(text)
    if match:
        return When(match.group(0))
    return None


def spans_of_dates(text: str, years: list[int]) -> list[tuple[int, int, date, bool]]:
    """(start, end, day, whether the year is written) for each date in ``text``. A date
    written without its year ("Monday 4 December", "held on 8 June") takes one of ``years``:
    the first whose calendar fits a stated weekday."""
    found = [(start, end, day, True) for start, end, day in full_dates(text)]
    taken = [range(start, end) for start, end, _, _ in found]
    for pattern in (DAY_MONTH, MONTH_DAY) if years else ():
        for match in pattern.finditer(text):
            if any(match.start() in span or match.end() - 1 in span for span in taken):
                continue
            days = [d for y in years if (d := to_date(str(y), match["m"], match["d"]))]
            fitting = [d for d in days if weekday_fit(text, match.start(), d) > 0]
            if days:
                found.append((match.start(), match.end(), (fitting or days)[0], False))
                taken.append(range(match.start(), match.end()))
    return sorted(found, key=lambda found_date: found_date[0])


def weekday_fit(text: str, start: int, day: date) -> int:
    """+1 when a weekday is written with the date and is that day's, -2 when it is not, else
    0: a weekday that fits states the day a second time; one that does not casts doubt."""
    before = text[max(0, start - 20) : start]
    match = WEEKDAY_AT.match(text[start:]) or WEEKDAY_BEFORE.search(before)
    if not match:
        return 0
    return 1 if WEEKDAYS.index(match["w"][:3].lower()) == day.weekday() else -2
