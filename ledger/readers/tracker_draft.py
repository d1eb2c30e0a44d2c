"""The draft every tracker reader produces: the tracker's items, before anything is recorded.

A draft keeps every word where the tracker put it: each column is read as the field its
header means (``columns``), and a column nobody recognises is kept, word for word, as an
extra field of each item (``extra``), never dropped. Ratings stay as written (``rating``);
the ledger reads them. ``keyed`` says how items are identified: by an ID column or the
column given with ``--key`` (``"column"``), or, with neither, by their order in the file
(``"order"``), in which case the ledger matches them to what it holds by their text.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from ledger.errors import InvalidEntry

# What a file may hold before it is refused with one line, whatever its kind.
MAX_BYTES = 50 * 1024 * 1024
MAX_ROWS = 100_000
MAX_COLUMNS = 256

Rows = list[tuple[int, list[str]]]  # (row number in the source, its cells as text)
UNHEADED = re.compile(r"Column \d+")  # how a table with no header row names its columns


class TrackerFileError(InvalidEntry):
    """A file that cannot be read as a tracker: says where, and what would be right."""

    def __init__(
        self, path: str, message: str, row: int | None = None, column: str | None = None
    ) -> None:
        where = [path, f"row {row}" if row else "", f"column {column}" if column else ""]
        super().__init__(f"{', '.join(p for p in where if p)}: {message}")


@dataclass
class DraftLine:
    """One action line of an item: its health and LA text, owners, and when it is due."""

    health: str = ""
    la: str = ""
    who: str = ""
    timescale: str = ""

    @property
    def owners(self) -> list[str]:
        """Owners are separated by '/' in trackers ("Name, Title / Name, Org")."""
        return [o.strip() for o in self.who.split("/") if o.strip()]


@dataclass
class DraftItem:
    """One item of the tracker: its ID (as written, or its place when none), its words."""

    id: str
    row: int
    kloe: str = ""
    theme: str = ""
    issue: str = ""
    action: str = ""
    lines: list[DraftLine] = field(default_factory=list)
    rating: str = ""
    rating_row: int = 0
    rated_on: date | None = None
    update: str = ""
    fields: dict[str, str] = field(default_factory=dict)

    @property
    def text(self) -> str:
        """What the item says, for matching it to the ledger's when it has no ID."""
        return " ".join(f"{self.issue} {self.action}".split())


@dataclass
class TrackerDraft:
    """A tracker as read: its heading, legend, columns and items."""

    source: str
    kind: str  # csv, tsv, xlsx, pdf, pdf-text
    heading: str
    items: list[DraftItem]
    key: dict[str, dict[str, str]] = field(default_factory=dict)
    columns: dict[str, str] = field(default_factory=dict)  # header as written -> field
    extra: list[str] = field(default_factory=list)  # headers kept as extra fields
    keyed: str = "column"  # "column" or "order"
    notes: list[str] = field(default_factory=list)

    def header_of(self, name: str) -> str:
        """The tracker's own header for a field (``ragb`` -> ``Progress rating``)."""
        return next((h for h, f in self.columns.items() if f == name), name)

    def layout(self) -> list[dict[str, str]]:
        """The file's columns as the tracker's layout: each header as written, in the
        file's order (each header read from a header row knows its column), with the field
        it was read as (``""`` for one kept as an extra field). A table with no header row
        gives its columns as the reader names them, ``Column 1`` on, each with the field
        its cells were read as."""
        names = [*self.columns, *(h for h in self.extra if h not in self.columns)]
        return [
            {"heading": str(name), "field": self.columns.get(name, "")}
            for name in sorted(names, key=place)
        ]

    def as_data(self) -> dict[str, Any]:
        return asdict(self)


def place(name: str) -> int:
    """Which column of its file a header heads: as read from a header row, or as named in
    a table with none (``Column 3``); past the last column when neither says."""
    if hasattr(name, "place"):
        return int(name.place)
    return int(name.split()[-1]) - 1 if UNHEADED.fullmatch(name) else MAX_COLUMNS


def unheaded(layout: list[dict[str, str]]) -> bool:
    """A layout of a table with no header row (its columns told by what they hold)."""
    return bool(layout) and all(UNHEADED.fullmatch(c["heading"]) for c in layout)
