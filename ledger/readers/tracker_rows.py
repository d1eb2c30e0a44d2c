"""How a row of a tracker reads beside the rows around it: a cell carried on past a page
break, a field given again, a heading's words, an unnumbered item's letter, a day a
spreadsheet stored as a number."""

from __future__ import annotations

import re
from datetime import date, timedelta

ENDS_SENTENCE = re.compile(r"[.!?:;)\]]\s*$")
EXCEL_DAY = re.compile(r"\d{5}(\.0+)?")
LETTERS = "abcdefghijklmnopqrstuvwxyz"
SMALL = {"a", "an", "and", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with"}


def continues(previous: dict[str, str], row: dict[str, str]) -> bool:
    """A row that carries on the cells the row before a page break left unfinished."""
    if row.get("id") or row.get("kloe") or not row:
        return False
    if not all(previous.get(name) for name in row):
        return False
    return all(
        not ENDS_SENTENCE.search(previous[name]) or text[:1].islower() for name, text in row.items()
    )


def titled(text: str) -> bool:
    """Written as a heading: its words, small joining words aside, capitalised."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’.-]*", text) if w.lower() not in SMALL]
    return bool(words) and sum(w[:1].isupper() for w in words) >= 0.8 * len(words)


def joined(before: str, text: str) -> str:
    """A field given again on a further row of the same item: both kept, unless the same."""
    if not before or before == text:
        return text
    return f"{before}\n{text}"


def letter(count: int) -> str:
    """a, b, ... z, then aa, ab: the suffix of the n-th unnumbered item after a number."""
    return (
        LETTERS[count - 1]
        if count <= 26
        else LETTERS[(count - 1) // 26 - 1] + LETTERS[(count - 1) % 26]
    )


def excel_day(serial: str) -> date:
    """A date a spreadsheet stored as its day number (days since 30 December 1899)."""
    return date(1899, 12, 30) + timedelta(days=int(float(serial)))
