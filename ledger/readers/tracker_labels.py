"""A header whose captions say nothing the reader knows: its columns told by what they hold.

A tracker's first row may be a row of short, distinct labels ("Initiative, Champion,
Links") that no synonym names. It is still the header: every column keeps its caption,
and a column not recognised is kept word for word. What it cannot say, the cells below
do, as in a log with no header row (:mod:`tracker_content`):

- a column mostly of people's names or initials (Jo Bloggs, James M Snell, DM/PL/KL) is
  who owns the item, when no column is headed so;
- the column with the most words, leaving out numbers, dates, links, IDs and rating or
  status words, is the item's text (its action), when no column is headed so.

The draft says which columns were read so, so that a clerk can name them with ``--map``.
"""

from __future__ import annotations

import re

from ledger.readers.tracker_content import CONNECTORS, is_date, is_status, mean_words, share
from ledger.readers.tracker_draft import Rows
from ledger.readers.tracker_headers import TEXT_FIELDS, field_of

LABEL_WORDS = 4
LABEL_CHARS = 40
URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
NUMBERISH = re.compile(r"[\s£$€%.,+\-()/0-9kKmMbn]*\d[\s£$€%.,+\-()/0-9kKmMbn]*")
NAME_PART = re.compile(r"\s*(?:[/,&+;]|\band\b)\s*")
PERSON_SHARE = 0.6


def filled(cells: list[str]) -> list[int]:
    return [i for i, c in enumerate(cells) if c.strip()]


def is_label(cell: str) -> bool:
    """A column's caption: a few words, no sentence, no figure, date, link, ID or rating."""
    text = " ".join(cell.split())
    return (
        0 < len(text) <= LABEL_CHARS
        and len(text.split()) <= LABEL_WORDS
        and text[-1] not in ".!?;"
        and any(ch.isalpha() for ch in text)
        and not (is_id(text) or NUMBERISH.fullmatch(text) or URL.search(text))
        and not (is_date(text) or is_status(text))
    )


def label_row(rows: Rows) -> int | None:
    """The index of the table's first row when it is a row of labels over rows of data:
    two labels or more, all different, one over every column that holds data below."""
    table = [i for i, (_, cells) in enumerate(rows) if len(filled(cells)) >= 2]
    if len(table) < 2:
        return None
    first = rows[table[0]][1]
    labels = [first[i].strip() for i in filled(first)]
    if not all(is_label(c) for c in labels) or len({c.casefold() for c in labels}) < len(labels):
        return None
    below = {i for k in table[1:] for i in filled(rows[k][1])}
    if any(i >= len(first) or not first[i].strip() for i in below):
        return None
    body = [rows[k] for k in table[1:]]
    if any(like_its_column(first[i], column_cells(body, i)) for i in filled(first)):
        return None
    return table[0]


def like_its_column(label: str, cells: list[str]) -> bool:
    """A caption no synonym knows that looks like the names under it ("Jo Bloggs" over
    "Al Smith"): the row is data, not a header."""
    if field_of(label, {}) or not is_people(label) or not cells:
        return False
    return share(cells, is_people) >= PERSON_SHARE


def column_cells(rows: Rows, index: int) -> list[str]:
    return [c[index].strip() for _, c in rows if index < len(c) and c[index].strip()]


def ids_headed_as_text(rows: Rows, columns: dict[int, str], names: dict[int, str]) -> list[str]:
    """With no ID column, a column headed as text whose cells are all IDs, each once
    ("Issue": #119, #123, a ticket's number) is the items' ID; the note saying so."""
    if "id" in columns.values():
        return []
    for i, field in sorted(columns.items()):
        cells = column_cells(rows, i)
        unique = len(cells) >= 2 and len(set(cells)) == len(cells)
        if field in TEXT_FIELDS and unique and all(is_id(c.lstrip("#")) for c in cells):
            columns[i] = "id"
            return [f"column {names[i]!r} holds IDs ({cells[0]}), not text: read as the ID"]
    return []


def text_by_content(
    rows: Rows, columns: dict[int, str], names: dict[int, str]
) -> tuple[dict[int, str], list[str]]:
    """The action column, and the owner's if none is headed so, among the columns the
    header left unread, by their cells in ``rows`` (the table's body); the note saying
    so. Nothing when no column holds text."""
    found = read_by_content(rows, columns, names)
    if "action" not in found.values():
        return {}, []
    said = " and ".join(
        f"{names[i]!r} as the {'action' if f == 'action' else 'owner'}"
        for i, f in sorted(found.items(), key=lambda p: p[1])
    )
    return found, [
        f"no header names the items' text: read {said}, by what they hold; name them "
        "otherwise with --map COLUMN=FIELD"
    ]


def read_by_content(rows: Rows, columns: dict[int, str], names: dict[int, str]) -> dict[int, str]:
    """The owner and action columns, among those the header left unread."""
    cells = {i: column_cells(rows, i) for i in names if i not in columns}
    found: dict[int, str] = {}
    if "who" not in columns.values():
        people = {i: share(said, is_people) for i, said in cells.items() if len(said) >= 2}
        best = max(people, key=lambda i: people[i], default=None)
        if best is not None and people[best] >= PERSON_SHARE:
            found[best] = "who"
    if "action" not in columns.values():
        texts = {
            i: mean_words(said)
            for i, said in cells.items()
            if i not in found and said and share(said, is_words) >= 0.5
        }
        best = max(texts, key=lambda i: (texts[i], -i), default=None)
        if best is not None:
            found[best] = "action"
    return found


def is_words(cell: str) -> bool:
    """Text that can say what an item is: not a figure, a date, a link or a rating."""
    text = cell.strip()
    return not (
        NUMBERISH.fullmatch(text) or URL.search(text) or is_date(text) or is_status(text)
    ) and any(ch.isalpha() for ch in text)


def is_id(text: str) -> bool:
    """One token holding a figure: 1.1, A2, R-07, FY24."""
    return " " not in text and any(ch.isdigit() for ch in text)


def is_people(cell: str) -> bool:
    """One or more people's names or initials: each part a few capitalised words, and at
    least one a full name (two words), or several parts of initials (DM/PL/KL); a lone
    capitalised word or acronym (Workers, CSM) is as likely a thing as a person."""
    parts = [p for p in NAME_PART.split(cell.strip()) if p.strip()]
    if not parts or any(ch.isdigit() for ch in cell):
        return False
    for part in parts:
        words = part.split()
        if not 1 <= len(words) <= 4 or not is_name_word(words[0]):
            return False
        if not all(is_name_word(w) or w.lower() in CONNECTORS for w in words):
            return False
    return any(len(p.split()) >= 2 for p in parts) or (
        len(parts) >= 2 and all(p.strip().isupper() for p in parts)
    )


def is_name_word(word: str) -> bool:
    """A capitalised word of a name (Anna, O'Neil, Smith-Jones, M.) or initials (DM)."""
    return word[:1].isupper() and all(ch.isalpha() or ch in "'’.-" for ch in word)
