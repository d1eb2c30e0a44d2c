"""Reading a tracker as councils keep it: CSV, TSV, XLSX, or a PDF's text.

The rules come from the layout, not from any one file: the header row names the columns
(matched case- and spacing-insensitively) and may repeat at every page break; a row right
after a repeated header, with no number and no KLOE, whose cells carry on sentences the
row before the break left unfinished, is the rest of those cells; a row with no number
but an issue of its own is an unnumbered action under the numbered one before it (4a,
4b, ...); a row with only action text, owners or timescale is a further action line; a
row whose first cell is KEY starts the tracker's legend. Every word is kept.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from ledger.errors import InvalidEntry
from ledger.refs import action_number, parse_day

FIELDS = ("no", "kloe", "theme", "issue", "health", "la", "who", "timescale", "ragb", "rated_on")
ALIASES = {
    "no": {"no", "number", "item", "ref"},
    "kloe": {"kloe", "kloes"},
    "theme": {"theme", "area"},
    "issue": {"issue", "issues", "areafordevelopment", "finding"},
    "health": {"actionhealth", "health", "healthaction"},
    "la": {"actionla", "la", "laaction", "localauthority"},
    "who": {"who", "owner", "owners", "lead", "responsible"},
    "timescale": {"timescale", "timescales", "deadline", "due", "by"},
    "ragb": {"ragb", "rag", "rating", "status"},
    "rated_on": {"ratedon", "rateddate", "asat", "updated", "date"},
}
REQUIRED = ("no", "issue")
LINE_FIELDS = ("health", "la", "who", "timescale")
ITEM_FIELDS = ("kloe", "theme", "issue")
ENDS_SENTENCE = re.compile(r"[.!?:;)\]]\s*$")


class TrackerFileError(InvalidEntry):
    """A file that cannot be read as a tracker: says where, and what was expected."""

    def __init__(
        self, path: str, message: str, row: int | None = None, column: str | None = None
    ) -> None:
        where = ", ".join(
            p
            for p in (path, f"row {row}" if row else "", f"column {column}" if column else "")
            if p
        )
        super().__init__(f"{where}: {message}")


@dataclass
class Line:
    health: str = ""
    la: str = ""
    who: str = ""
    timescale: str = ""

    @property
    def owners(self) -> list[str]:
        """Owners are separated by '/' in trackers ("Name, Title / Name, Org")."""
        return [o.strip() for o in self.who.split("/") if o.strip()]


@dataclass
class Item:
    number: str
    row: int
    kloe: str = ""
    theme: str = ""
    issue: str = ""
    lines: list[Line] = field(default_factory=list)
    rating: str = ""
    rated_on: date | None = None


@dataclass
class TrackerFile:
    path: str
    heading: str
    items: list[Item]
    key: dict[str, dict[str, str]]


def normal(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def read(
    path: str, fmt: str = "auto", sheet: str | None = None, mapping: dict[str, str] | None = None
) -> TrackerFile:
    """Read ``path`` as a tracker; ``mapping`` names fields for headers we do not know."""
    rows = raw_rows(path, fmt, sheet)
    return Layout(path, rows, {normal(k): v for k, v in (mapping or {}).items()}).read()


def raw_rows(path: str, fmt: str, sheet: str | None) -> list[tuple[int, list[str]]]:
    suffix = Path(path).suffix.lower()
    if fmt == "auto":
        fmt = {".xlsx": "xlsx", ".csv": "csv", ".tsv": "tsv"}.get(suffix, "pdf-text")
    if fmt == "xlsx":
        return xlsx_rows(path, sheet)
    text = text_of(path)
    if fmt == "csv":
        return [(n, row) for n, row in enumerate(csv.reader(io.StringIO(text)), start=1)]
    return [(n, line.split("\t")) for n, line in enumerate(text.splitlines(), start=1)]


def text_of(path: str) -> str:
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise TrackerFileError(path, f"cannot be read ({error.strerror})") from None
    if b"\x00" in data:
        raise TrackerFileError(
            path,
            "is not a text file (it holds binary data); save the "
            "tracker as CSV or XLSX, or give its text",
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise TrackerFileError(path, "is not UTF-8 text; save it as CSV (UTF-8)") from None
    if not text.strip():
        raise TrackerFileError(path, "is empty; a tracker needs a header row and its actions")
    return text


def xlsx_rows(path: str, sheet: str | None) -> list[tuple[int, list[str]]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a file that is not XLSX
        raise TrackerFileError(path, f"is not an XLSX workbook ({type(error).__name__})") from None
    if sheet is not None and sheet not in book.sheetnames:
        raise TrackerFileError(
            path, f"has no sheet {sheet!r}; it has: {', '.join(book.sheetnames)}"
        )
    found = book[sheet] if sheet else book.worksheets[0]
    rows = [
        (n, [cell_text(v) for v in values])
        for n, values in enumerate(found.iter_rows(values_only=True), start=1)
    ]
    book.close()
    return rows


def cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


class Layout:
    """Turns rows of cells into actions and their lines, following the rules above."""

    def __init__(
        self, path: str, rows: list[tuple[int, list[str]]], mapping: dict[str, str]
    ) -> None:
        self.path, self.rows, self.mapping = path, rows, mapping
        self.items: list[Item] = []
        self.letters: dict[str, int] = {}

    def read(self) -> TrackerFile:
        start, columns = self.header()
        heading = " ".join(
            c.strip().lstrip("#").strip()
            for _, cells in self.rows[:start]
            for c in cells
            if c.strip()
        )
        header = [normal(c) for c in self.rows[start][1]]
        key: dict[str, dict[str, str]] = {}
        after_break, previous = False, None
        for index in range(start + 1, len(self.rows)):
            n, cells = self.rows[index]
            if not any(c.strip() for c in cells):
                continue
            if [normal(c) for c in cells] == header:
                after_break = True
                continue
            if normal(next(c for c in cells if c.strip())) == "key":
                key = self.legend(index)
                break
            row = self.cells(n, cells, columns, len(header))
            if after_break and previous is not None and continues(previous, row):
                for name, text in row.items():
                    previous[name] = f"{previous[name]} {text}"
                    self.extend(name, text)
            else:
                self.take(n, row)
                previous = row
            after_break = False
        if not self.items:
            raise TrackerFileError(self.path, "has a header but no actions under it")
        return TrackerFile(self.path, heading, self.items, key)

    def header(self) -> tuple[int, dict[int, str]]:
        for index, (n, cells) in enumerate(self.rows):
            columns = {}
            for i, c in enumerate(cells):
                name = self.mapping.get(normal(c)) or next(
                    (f for f, names in ALIASES.items() if normal(c) in names), None
                )
                if name and name not in columns.values():
                    columns[i] = name
            if len(columns) >= 3:
                missing = [f for f in REQUIRED if f not in columns.values()]
                if missing:
                    raise TrackerFileError(
                        self.path,
                        f"has no {' or '.join(missing)} column (expected headers "
                        "such as No. and Issue); name it with --map COLUMN=FIELD",
                        row=n,
                    )
                return index, columns
        raise TrackerFileError(
            self.path,
            "has no header row naming No., Issue and the other "
            "columns; name them with --map COLUMN=FIELD",
        )

    def cells(
        self, n: int, cells: list[str], columns: dict[int, str], width: int
    ) -> dict[str, str]:
        while len(cells) > width and not cells[-1].strip():
            cells = cells[:-1]
        if len(cells) > width:
            raise TrackerFileError(
                self.path, f"has {len(cells)} cells but the header has {width} columns", row=n
            )
        return {columns[i]: c.strip() for i, c in enumerate(cells) if i in columns and c.strip()}

    def take(self, n: int, row: dict[str, str]) -> None:
        if row.get("no"):
            try:
                number = action_number(row["no"])
            except InvalidEntry:
                raise TrackerFileError(
                    self.path, f"{row['no']!r} is not an action number", row=n, column="No."
                ) from None
            self.items.append(Item(number, n))
        elif any(row.get(f) for f in ITEM_FIELDS):
            if not self.items:
                raise TrackerFileError(
                    self.path, "an unnumbered action comes before any numbered one", row=n
                )
            base = re.sub(r"[a-z]+$", "", self.items[-1].number)
            self.letters[base] = self.letters.get(base, 0) + 1
            self.items.append(Item(base + "abcdefghijklmnopqrstuvwxyz"[self.letters[base] - 1], n))
        elif not self.items:
            raise TrackerFileError(self.path, "an action line comes before any action", row=n)
        item = self.items[-1]
        for name in ITEM_FIELDS:
            if row.get(name):
                setattr(item, name, row[name])
        if any(row.get(f) for f in LINE_FIELDS) or not item.lines:
            item.lines.append(Line(**{f: row.get(f, "") for f in LINE_FIELDS}))
        self.rating(n, item, row)

    def rating(self, n: int, item: Item, row: dict[str, str]) -> None:
        if row.get("ragb") and not item.rating:
            item.rating = row["ragb"]
        if row.get("rated_on") and item.rated_on is None:
            try:
                item.rated_on = parse_day(row["rated_on"])
            except ValueError:
                raise TrackerFileError(
                    self.path,
                    f"{row['rated_on']!r} is not a date; write YYYY-MM-DD",
                    row=n,
                    column="Rated on",
                ) from None

    def extend(self, name: str, text: str) -> None:
        item = self.items[-1]
        if name in LINE_FIELDS:
            line = item.lines[-1]
            setattr(line, name, f"{getattr(line, name)} {text}".strip())
        elif name in ITEM_FIELDS:
            setattr(item, name, f"{getattr(item, name)} {text}".strip())

    def legend(self, index: int) -> dict[str, dict[str, str]]:
        """The KEY block: section labels on its first row, term and meaning pairs below."""
        _, first = self.rows[index]
        sections = {i: c.strip() for i, c in enumerate(first) if c.strip() and normal(c) != "key"}
        key: dict[str, dict[str, str]] = {name: {} for name in sections.values()}
        for _, cells in self.rows[index + 1 :]:
            for i, name in sections.items():
                term = cells[i].strip() if i < len(cells) else ""
                if term:
                    key[name][term] = cells[i + 1].strip() if i + 1 < len(cells) else ""
        return key


def continues(previous: dict[str, str], row: dict[str, str]) -> bool:
    """A row that carries on the cells the row before a page break left unfinished."""
    if row.get("no") or row.get("kloe") or not row:
        return False
    if not all(previous.get(name) for name in row):
        return False
    return any(
        not ENDS_SENTENCE.search(previous[name]) or text[:1].islower() for name, text in row.items()
    )
