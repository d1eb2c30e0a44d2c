"""Reading plain-text minutes into a draft: items, decisions, ACTIONs, report-backs and
the tracker actions mentioned with a rating.

Minutes mark decisions ``AGREED:`` or ``RESOLVED:`` (often with lettered or numbered
parts on the lines below) or say the committee "noted the report"; an ``ACTION: NAME``
line closes the discussion above it; a request to hear back names a later meeting, by
date when one is given. Nothing here is recorded; the ledger decides what to record.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from ledger.errors import InvalidEntry

DECISION = re.compile(r"^\s*(AGREED|RESOLVED)\s*[:\-]?\s*(.*)$", re.IGNORECASE)
PART = re.compile(r"^\s*(\(?[a-z]\)|\(?[ivx]+\)|\d+[.)]|[a-z][.)])\s+\S", re.IGNORECASE)
ACTION = re.compile(r"^\s*ACTION\s*:\s*(.+?)\s*$")
ITEM_MARK = re.compile(r"^\s*agenda item\b.*$", re.IGNORECASE)
NOTED = re.compile(r"\bnoted the (?:report|update|contents)\b", re.IGNORECASE)
REPORT_BACK = re.compile(
    r"\b(?:update|report(?:ed)? back|report)\b[^.]*?\b(?:next meeting|meeting of the [^.]*?"
    r"on (?P<day>\d{1,2} \w+ \d{4}))",
    re.IGNORECASE,
)
TRACKER_ACTION = re.compile(r"\baction (?P<no>\d+[a-z]?)\b", re.IGNORECASE)
RATING = re.compile(r"\b(red|amber|green|blue)\b", re.IGNORECASE)
SENTENCE = re.compile(r"(?<=[.!?])\s+")


@dataclass(frozen=True)
class Decision:
    """A decision as minuted; ``asks_back`` when it asks to hear back (on ``follow_up``,
    or at the next meeting when no date is given)."""

    outcome: str
    text: str
    asks_back: bool = False
    follow_up: date | None = None


@dataclass
class DraftItem:
    """One agenda item of the minutes, and what it holds."""

    title: str
    decisions: list[Decision] = field(default_factory=list)
    actions: list[tuple[str, str]] = field(default_factory=list)
    report_backs: list[tuple[str, date | None]] = field(default_factory=list)
    ratings: list[tuple[str, str, str]] = field(default_factory=list)


def read(path: str) -> list[DraftItem]:
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise InvalidEntry(f"{path}: cannot be read ({error.strerror})") from None
    if b"\x00" in data:
        raise InvalidEntry(f"{path}: is not a text file; give the minutes as plain text")
    text = data.decode("utf-8-sig", errors="replace")
    if not text.strip():
        raise InvalidEntry(f"{path}: is empty")
    return parse(text)


def parse(text: str) -> list[DraftItem]:
    lines = [ln.strip() for ln in text.replace("\xa0", " ").splitlines()]
    items: list[DraftItem] = []
    paragraph: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if ITEM_MARK.match(line):
            index += 1
            while index < len(lines) and not lines[index]:
                index += 1
            items.append(DraftItem(lines[index] if index < len(lines) else ""))
        elif (found := ACTION.match(line)) and items:
            items[-1].actions.append((found.group(1), " ".join(paragraph)))
        elif (found := DECISION.match(line)) and items:
            parts = [found.group(2)] if found.group(2) else []
            while index + 1 < len(lines) and (PART.match(lines[index + 1]) or not lines[index + 1]):
                index += 1
                if lines[index]:
                    parts.append(lines[index])
            paragraph = [" ".join(parts)]
            items[-1].decisions.append(decision(found.group(1).lower(), paragraph[0]))
        elif line and items:
            paragraph = [line] if not paragraph or not lines[index - 1] else [*paragraph, line]
            read_sentences(items[-1], line)
        index += 1
    return items


def decision(outcome: str, text: str) -> Decision:
    found = REPORT_BACK.search(text)
    if not found:
        return Decision(outcome, text)
    day = found.group("day")
    return Decision(outcome, text, True, parse_long_date(day) if day else None)


def read_sentences(item: DraftItem, line: str) -> None:
    for sentence in SENTENCE.split(line):
        if NOTED.search(sentence):
            item.decisions.append(Decision("noted", sentence))
        found = REPORT_BACK.search(sentence)
        if found:
            day = found.group("day")
            item.report_backs.append((sentence, parse_long_date(day) if day else None))
        for mention in TRACKER_ACTION.finditer(sentence):
            rating = RATING.search(sentence)
            if rating:
                item.ratings.append((mention.group("no"), rating.group(1).lower(), sentence))


def parse_long_date(text: str) -> date | None:
    try:
        return datetime.strptime(text, "%d %B %Y").date()
    except ValueError:
        return None
