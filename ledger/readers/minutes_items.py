"""Where minuted items begin, what they are called, who was there, and when the meeting was.

Item numbers come in many shapes: ``107/20``, ``FGB 98/2122``, ``21.01.01``, ``45.``,
``4.4.4.5``, ``Item 83``, ``Item 2:``, ``Minute 12``, an "Agenda item" line with the title
on the next line, or a Markdown/web heading. The meeting's date is read from the title or
the head of the document, never from the "minutes of the last meeting held on ..." line
nor from the next meeting's date.
"""

from __future__ import annotations

import re
from datetime import date

from ledger.readers.minutes_dates import YEAR, dates_in, first_date
from ledger.readers.minutes_layout import Line

NUMBERED = re.compile(
    r"^(?P<no>(?:[A-Z]{1,6}\s?)?\d{1,4}[a-z]?/\d{2,4}|\d{1,3}(?:\.\d{1,3}){1,4}\.?|\d{1,3}[.)]"
    r"|(?:agenda\s+)?item\s+\d{1,3}[a-z]?\s*[:.–-]?|minute\s+(?:no\.?\s*)?\d{1,4}[a-z]?\s*[:.]?)"
    r"\s+(?P<title>\S.*)$",
    re.IGNORECASE,
)
AGENDA_ITEM = re.compile(r"^\s*agenda\s+item\s*\d*\s*$", re.IGNORECASE)
LABEL = re.compile(r"^(?:minutes|decision|notes?)\s*:?\s*$", re.IGNORECASE)
PEOPLE_HEAD = re.compile(
    r"^(?:present|in\s+attendance|attendance|apologies(?:\s+for\s+absence)?|members(?:\s+present)?|"
    r"panel|councillors(?:\s+present)?|officers(?:\s+present)?|also\s+present|attendees|"
    r"governors|trustees|chair(?:ed)?(?:\s+by)?|clerk(?:ed)?(?:\s+by)?|minute\s+taker|secretariat|"
    r"other\s+attendees|ex\s+officio)\b\s*[:\-–]?",
    re.IGNORECASE,
)
NAME_WORD = re.compile(r"\b[A-Z][a-z'’-]{1,20}\b")
INITIALS_LEGEND = re.compile(r"\(([A-Z][A-Za-z]{1,4})\)")
STOP_WORDS = {
    "The",
    "And",
    "Councillor",
    "Councillors",
    "Cllr",
    "Cllrs",
    "Chair",
    "Clerk",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Present",
    "Apologies",
    "Members",
    "Officers",
    "Council",
    "Committee",
    "Board",
    "Panel",
    "In",
    "For",
    "Of",
    "With",
    "From",
    "Also",
    "Plus",
    "Attendance",
}
MEETING_LINE = re.compile(r"\b(?:meeting|minutes|held|date|sitting|title)\b", re.IGNORECASE)
OTHER_MEETING = re.compile(
    r"\b(?:previous|last|next|following|future|signed|approved|circulated|confirmed|dated)\b",
    re.IGNORECASE,
)
ASKED_FOR = re.compile(r"\b(?:update|report|provided|by|until|before|deadline)\b", re.I)
MINUTES_HEAD = re.compile(r"^\s*minutes\s+of\s+(?:the\s+)?(?!previous|last)", re.IGNORECASE)


def heading(line: Line, following: Line | None) -> tuple[str, str] | None:
    """An item's number and title when ``line`` begins one, else None."""
    text = line.text
    if bare_number(line):
        return line.cells[0][1], " ".join(cell for _, cell in line.cells[1:])
    if AGENDA_ITEM.match(text) and following is not None:
        return text.split()[-1] if text.split()[-1].isdigit() else "", following.text
    found = NUMBERED.match(text)
    if not found:
        return None
    number = found["no"].rstrip(":.–- ")
    title = found["title"].strip()
    if re.match(r"\d{1,3}[.)]$", found["no"]) and (
        title[:1].islower() or title.lower().startswith("that ")
    ):
        return None  # a numbered part of a resolution, not an item
    if re.fullmatch(r"\d{1,2}\.\d{1,2}\.\d{4}", number):
        return None  # a date such as 12.03.2021; "21.01.03" numbers a parish council's minute
    return number, title


def bare_number(line: Line) -> bool:
    """A number standing alone in its column, an upper-case title in the next: "2   MINUTES"."""
    cells = line.cells
    return (
        len(cells) >= 2
        and re.fullmatch(r"\d{1,3}[a-z]?", cells[0][1]) is not None
        and cells[1][1][:1].isupper()
        and cells[1][1][:12].upper() == cells[1][1][:12]
    )


def people(lines: list[Line]) -> set[str]:
    """First names, surnames and initials of the people the minutes list as present,
    apologising or attending, to tell "Esme will contact ..." from "Payment will ..."."""
    found: set[str] = set()
    reading = 0
    for line in lines[:400]:
        if PEOPLE_HEAD.match(line.text):
            reading = 4
        elif not line.text:
            reading = max(0, reading - 2)
        if reading:
            found.update(w for w in NAME_WORD.findall(line.text) if w not in STOP_WORDS)
            found.update(INITIALS_LEGEND.findall(line.text))
            reading -= 0 if line.text else 1
    return found


def meeting_date(lines: list[Line], title: str) -> date | None:
    """When the meeting minuted was held: the title's date, the minutes' own heading
    ("Minutes of the meeting held on ..."), the date just above the list of those present
    (an agenda pack carries the minutes of an earlier meeting), or a date at the head."""
    head = [title, *(line.text for line in lines[:60] if line.text)]
    year = next((int(m.group(1)) for text in head if (m := YEAR.search(text))), None)
    if title and (found := dates_in(title)):
        return found[0][1]
    for text in [*lines_naming_minutes(lines), *lines_before_present(lines)]:
        found = first_date(text, year)
        if found:
            return found
    for text in head:
        if MEETING_LINE.search(text) and not (OTHER_MEETING.search(text) or ASKED_FOR.search(text)):
            found = first_date(text, year)
            if found:
                return found
    for text in head[:8]:
        if not OTHER_MEETING.search(text) and not ASKED_FOR.search(text):
            found = dates_in(text)
            if found:
                return found[0][1]
    return None


def lines_before_present(lines: list[Line]) -> list[str]:
    """The few lines above the first list of those present, nearest first."""
    for index, line in enumerate(lines):
        if re.match(r"^(?:present|members\s+present|attendance)\b", line.text, re.IGNORECASE):
            above = [n.text for n in lines[max(0, index - 8) : index] if n.text]
            return [t for t in reversed(above) if not OTHER_MEETING.search(t)]
    return []


def lines_naming_minutes(lines: list[Line]) -> list[str]:
    """'Minutes of the meeting of X held on DATE' lines, with the line after each."""
    found = []
    for index, line in enumerate(lines):
        if MINUTES_HEAD.match(line.text):
            after = next((n.text for n in lines[index + 1 : index + 4] if n.text), "")
            found.append(f"{line.text} {after}")
    return found


def is_label(line: Line) -> bool:
    """A ModernGov "Minutes:" or "Decision:" label, which carries no words of its own."""
    return bool(LABEL.match(line.text))
