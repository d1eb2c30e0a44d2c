"""The day a tracker's timescale falls due, where its words name one.

Trackers write timescales as free text; the words are always kept, and a date is read
from them only where they name one: "31/03/2020", "31/3/26", "2020-03-31",
"30 June 2021", "March 2021" (its last day), "Q4 2020/21" (a financial year's quarter:
Q1 ends 30 June, Q4 on 31 March), "2019/20" (the year's end, 31 March). Words naming
several dates are due by the latest. A quarter with no year ("Q2", "end of Q1") or with a
calendar year only ("Q3 2020", which councils use for either year) names no date.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from ledger.readers.minutes_dates import MONTHS

MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
NUMERIC = re.compile(r"(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![\d/.-])")
ISO = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
DAY_MONTH_YEAR = re.compile(
    rf"(?<!\d)(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTH})\.?,?\s+(\d{{4}})(?!\d)", re.I
)
MONTH_YEAR = re.compile(rf"(?<![\d\w])({MONTH})\.?,?\s+(\d{{4}})(?!\d)", re.I)
QUARTER = re.compile(r"\bQ([1-4])\s*(?:of\s+)?(?:FY\s*)?(\d{4})\s*[/-]\s*(\d{2}|\d{4})(?!\d)", re.I)
YEAR = re.compile(r"(?<![\d/])(\d{4})\s*/\s*(\d{2}|\d{4})(?![\d/])")
QUARTER_END = {1: (0, 6, 30), 2: (0, 9, 30), 3: (0, 12, 31), 4: (1, 3, 31)}


def due_on(words: str) -> date | None:
    """The latest day ``words`` name, or None when they name none."""
    found = [*days(words), *month_ends(words), *financial(words)]
    return max(found) if found else None


def days(words: str) -> list[date]:
    found = []
    for d, _, m, y in NUMERIC.findall(words):
        found.append(day(int(y) + (2000 if len(y) == 2 else 0), int(m), int(d)))
    for y, m, d in ISO.findall(words):
        found.append(day(int(y), int(m), int(d)))
    for d, m, y in DAY_MONTH_YEAR.findall(words):
        found.append(day(int(y), MONTHS[m.lower()], int(d)))
    return [f for f in found if f is not None]


def month_ends(words: str) -> list[date]:
    """ "March 2021" means by the end of March; a day before the month ("30 June 2021")
    was read as that day already."""
    bare = DAY_MONTH_YEAR.sub(" ", words)
    found = []
    for m, y in MONTH_YEAR.findall(bare):
        month, year = MONTHS[m.lower()], int(y)
        found.append(day(year, month, calendar.monthrange(year, month)[1]))
    return [f for f in found if f is not None]


def financial(words: str) -> list[date]:
    """ "Q4 2020/21" ends on 31 March 2021; "2019/20" on 31 March 2020."""
    found = []
    for q, start, end in QUARTER.findall(words):
        if next_year(int(start), end):
            years, month, last = QUARTER_END[int(q)]
            found.append(date(int(start) + years, month, last))
    for start, end in YEAR.findall(QUARTER.sub(" ", words)):
        if next_year(int(start), end):
            found.append(date(int(start) + 1, 3, 31))
    return found


def next_year(start: int, end: str) -> bool:
    """Whether ``end`` (two or four digits) is the year after ``start``: 2020/21, 2020-2021."""
    return int(end) == (start + 1) % (100 if len(end) == 2 else 10_000)


def day(year: int, month: int, number: int) -> date | None:
    try:
        return date(year, month, number)
    except ValueError:
        return None
