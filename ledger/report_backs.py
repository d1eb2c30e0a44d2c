"""When a report-back or a minute action falls due, from the minutes' words.

A draft keeps the words ("7 March 2022", "the next meeting", "the March meeting", "in due
course"). A date read from them stands; "the next meeting" and "the March meeting" are
the board's meetings in the ledger; anything else, or a day not after the meeting itself,
leaves the follow-up open: kept with its words and no date, with a note saying why.
"""

from __future__ import annotations

from datetime import date, timedelta

from ledger.readers.minutes_draft import When

OPEN_FOLLOW_UP = "kept as an open follow-up"
NO_DUE_DATE = "kept with no due date"
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def due_day(
    when: When | None, held_on: date, meetings: list[date], board: str, kept: str
) -> tuple[date | None, str]:
    """The day a follow-up or action of the meeting ``held_on`` falls due; None, with a
    note ending in ``kept`` saying why, when the words name no day after the meeting (and
    no note at all for "in due course", which names none on purpose)."""
    if when is None:
        return None, ""
    day = when.day or meeting_named(when.relative, held_on, meetings)
    if day is not None and day > held_on:
        return day, ""
    if when.day is not None:
        return None, f"{when.said!r} is not after the meeting; {kept}"
    if when.relative:
        return None, f"no meeting of {board} in the ledger matches {when.said!r}; {kept}"
    return None, ""


def meeting_named(relative: str, held_on: date, meetings: list[date]) -> date | None:
    """The meeting minutes mean by "the next meeting" (``next``) or "the March meeting"
    (``march``): of the board's ``meetings``, the first after ``held_on``, or the first in
    that month within the year after it; None when the ledger has no such meeting."""
    if not relative:
        return None
    later = [m for m in meetings if m > held_on]
    if relative != "next":
        word = relative.strip().lower()[:3]
        month = MONTHS.index(word) + 1 if word in MONTHS else 0
        later = [m for m in later if m.month == month and m < held_on + timedelta(days=366)]
    return later[0] if later else None
