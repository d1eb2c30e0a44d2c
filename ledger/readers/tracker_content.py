"""A tracker with no header row: its columns told apart by what they hold.

Some logs are a bare table under a title: no row names the columns. Each column is then
read by its cells, over the table's rows (those with two cells or more filled):

- the first column is the item's ID when nearly all its cells are short references
  (``15``, ``1.1``, ``A2``, ``R-07``), each used once;
- a column of dates says when the item is due;
- a column of rating words (Red, A, Green, Complete, On track) is the item's rating; a
  column of status words that are not all ratings (New, Ongoing, Carried forward) is its
  update, as a Status column's words would be;
- a column of short names, titles or initials (Jo Bloggs, Head of Audit, HS/BB) is who
  owns it;
- the column with the longest text is the action; another long text column is the update.

A column named by position (``--map 2=action`` or ``--map "Column 2=action"``) is read as
named and no guess is made for it; a column left over is kept as the extra field
``Column N``. The rows above the table are the title, but for the last one-cell row just
above the first item, which is the first section's heading.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ledger.rating import read_rating
from ledger.readers.tracker_draft import Rows, TrackerFileError
from ledger.readers.tracker_headers import normal

MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
DATE = re.compile(
    rf"\d{{4}}-\d{{1,2}}-\d{{1,2}}|\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}}"
    rf"|(?:\d{{1,2}}(?:st|nd|rd|th)?[\s-]+)?{MONTH}(?:[\s,-]+\d{{2,4}})?"
    rf"|{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|q[1-4][\s-]*\d{{2,4}}",
    re.IGNORECASE,
)
REF_LIKE = re.compile(r"[A-Za-z]{0,8}[ _-]?\d[\w.\-/]{0,20}")
STATUS_WORDS = (
    "new open ongoing inprogress underway started notstarted notyetstarted carriedforward "
    "pending onhold delayed seriousdelay overdue late deferred superseded cancelled "
    "withdrawn closed complete completed done met notmet partiallymet achieved "
    "notachieved agreed noted ontrack offtrack atrisk"
)
STATUS = frozenset(STATUS_WORDS.split())
CONNECTORS = {"and", "of", "for", "the", "&", "/", "-", "–", "to", "with", "de", "van"}
ENDS_SENTENCE = re.compile(r"[.!?;:]$")


@dataclass
class Table:
    """Where a header-less table starts, and what each of its columns holds."""

    start: int  # index of the row the body starts at (the first section or item)
    columns: dict[int, str]  # column index -> field
    names: dict[int, str]  # column index -> "Column N"

    def note(self) -> str:
        said = ", ".join(
            f"{self.names[i]} as {self.columns.get(i, 'an extra field')}"
            for i in sorted(self.names)
        )
        return (
            f"no header row: columns read by what they hold ({said}); name a column "
            "by its position with --map N=FIELD"
        )


def read_by_content(source: str, rows: Rows, mapping: dict[str, str]) -> Table:
    """The columns of a table that has no header row; one line saying how to name them
    if they cannot be told apart."""
    first = next((i for i, (_, cells) in enumerate(rows) if filled(cells) >= 2), None)
    if first is None:
        raise TrackerFileError(
            source,
            "has no header row naming its columns, and no table of two columns or more; "
            "save the tracker's table with a header row (such as ID, Action, Owner, Due, "
            "RAG) above its first item",
        )
    table = [cells for _, cells in rows[first:] if filled(cells) >= 2]
    width = max(len(trimmed(cells)) for cells in table)
    columns = {i: f for i in range(width) if (f := by_position(i, mapping))}
    for i in range(width):
        if i not in columns:
            guess(i, [c[i].strip() for c in table if i < len(c) and c[i].strip()], columns)
    texts(width, table, columns)
    if "action" not in columns.values():
        raise TrackerFileError(
            source,
            "has no header row naming its columns, and none of its columns holds the "
            "items' text; add a header row (such as ID, Action, Owner, Due, RAG) above the "
            "first item, or name the columns by position, e.g. --map 1=id --map 2=action",
            row=rows[first][0],
        )
    return Table(section_above(rows, first), columns, {i: f"Column {i + 1}" for i in range(width)})


def by_position(index: int, mapping: dict[str, str]) -> str | None:
    """The field the clerk named for column ``index`` (``2`` or ``Column 2``), if any."""
    return mapping.get(str(index + 1)) or mapping.get(f"column{index + 1}")


def guess(index: int, cells: list[str], columns: dict[int, str]) -> None:
    """The field column ``index`` holds, by its cells, if one not yet taken fits."""
    taken = set(columns.values())
    if not cells:
        return
    if index == 0 and "id" not in taken and is_ids(cells):
        columns[index] = "id"
    elif "timescale" not in taken and share(cells, is_date) >= 0.6:
        columns[index] = "timescale"
    elif share(cells, is_status) >= 0.6 and all(len(c.split()) <= 5 for c in cells):
        field = "ragb" if all(is_rating(c) for c in cells) else "update"
        if field not in taken:
            columns[index] = field


def texts(width: int, table: list[list[str]], columns: dict[int, str]) -> None:
    """The action is the free column with the most words; then a column of names is the
    owner, and another long text column the update."""
    cells = {i: [c[i].strip() for c in table if i < len(c) and c[i].strip()] for i in range(width)}
    free = [i for i in range(width) if i not in columns and cells[i]]
    sizes = {i: mean_words(cells[i]) for i in free}
    longest = sorted((i for i in free if sizes[i] >= 2), key=lambda i: -sizes[i])
    if "action" not in columns.values() and longest:
        columns[longest.pop(0)] = "action"
    for i in free:
        if i in columns or "who" in columns.values():
            continue
        if len(cells[i]) >= 2 and share(cells[i], is_owner) >= 0.7:
            columns[i] = "who"
    rest = [i for i in longest if i not in columns and sizes[i] >= 3]
    if rest and "update" not in columns.values():
        columns[rest[0]] = "update"


def section_above(rows: Rows, first: int) -> int:
    """Where the body starts: at the first item, or at the one-cell heading just above it
    when there is a title above that heading."""
    above = [i for i in range(first) if filled(rows[i][1])]
    if len(above) >= 2 and not ENDS_SENTENCE.search(" ".join(rows[above[-1]][1]).strip()):
        return above[-1]
    return first


def filled(cells: list[str]) -> int:
    return sum(1 for c in cells if c.strip())


def trimmed(cells: list[str]) -> list[str]:
    while cells and not cells[-1].strip():
        cells = cells[:-1]
    return cells


def share(cells: list[str], test: Callable[[str], bool]) -> float:
    return sum(1 for c in cells if test(c)) / len(cells)


def mean_words(cells: list[str]) -> float:
    words = [len(c.split()) for c in cells if c.strip()]
    return sum(words) / len(words) if words else 0.0


def is_ids(cells: list[str]) -> bool:
    """Nearly all short references, none a date, each used once."""
    refs = [c for c in cells if REF_LIKE.fullmatch(c) and not is_date(c)]
    return len(refs) >= 0.9 * len(cells) and len(set(refs)) == len(refs)


def is_date(cell: str) -> bool:
    return bool(DATE.fullmatch(cell.strip()))


def is_rating(cell: str) -> bool:
    try:
        read_rating(cell)
    except ValueError:
        return False
    return True


def is_status(cell: str) -> bool:
    return normal(cell) in STATUS or is_rating(cell)


def is_owner(cell: str) -> bool:
    """A few words, each a capitalised name or title, initials, or a joining word."""
    words = re.split(r"[\s/,&]+", cell.strip())
    if len(cell.split()) > 6 or ENDS_SENTENCE.search(cell) or any(ch.isdigit() for ch in cell):
        return False
    return all(not w or w[:1].isupper() or w.lower() in CONNECTORS for w in words)
