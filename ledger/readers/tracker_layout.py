"""From rows of cells to a tracker's items: the layout rules every tracker reader shares.

The rules come from how trackers are laid out, not from any one file:

- Title rows may stand above the header; the header is the first row that names the
  item's text (Issue, Action, Recommendation, ...) beside at least one other heading, or
  the row holding the ``--key`` column. A column nobody recognises is kept. The header
  may take two rows: a row grouping the columns above it, or captions carried on below
  it ("Target" / "date"). With no header row, columns are told by what they hold
  (:mod:`tracker_content`).
- Section headings right one under the other are a group and its sub-section
  ("Benefits cases > Address data").
- The header may repeat at every page break. A repeat with one caption changed ("Actions
  completed" for "Action") starts a section, as does a row whose only cell is the first.
  A section is the theme of the items under it.
- A row right after a repeated header, with no ID and no KLOE, whose cells carry on
  sentences the row before the break left unfinished, is the rest of those cells.
- With an ID column: a row with an ID starts an item; a row with no ID but an issue or
  action of its own is an unnumbered item under the one before (``4a``, ``4b``); a row
  with only action text, owners or timescale is a further action line; a row repeating
  the ID of the item just above is a further line of it. Without one, items are numbered
  in order.
- A row whose first cell is KEY starts the tracker's legend.
"""

from __future__ import annotations

import re

from ledger.errors import InvalidEntry
from ledger.readers.tracker_content import read_by_content
from ledger.readers.tracker_draft import DraftItem, DraftLine, Rows, TrackerDraft, TrackerFileError
from ledger.readers.tracker_headers import TEXT_FIELDS, find_header, header_at, normal
from ledger.readers.tracker_rows import (
    ENDS_SENTENCE,
    EXCEL_DAY,
    continues,
    excel_day,
    joined,
    letter,
    titled,
)
from ledger.refs import item_id, parse_day

LINE_FIELDS = ("health", "la", "who", "timescale")
ITEM_FIELDS = ("kloe", "theme", "issue", "action")


def read_layout(
    source: str, kind: str, rows: Rows, mapping: dict[str, str], key: str | None = None
) -> TrackerDraft:
    """The draft of a tracker whose rows (numbered as in the source) are ``rows``."""
    return Layout(source, kind, rows, {normal(k): v for k, v in mapping.items()}, key).read()


class Layout:
    """Turns rows of cells into items and their lines, following the rules above."""

    def __init__(
        self, source: str, kind: str, rows: Rows, mapping: dict[str, str], key: str | None
    ) -> None:
        self.source, self.kind, self.rows, self.mapping, self.key = source, kind, rows, mapping, key
        self.items: list[DraftItem] = []
        self.seen: dict[str, int] = {}
        self.letters: dict[str, int] = {}
        self.section = ""

    def error(self, message: str, row: int | None = None, column: str | None = None) -> None:
        raise TrackerFileError(self.source, message, row, column)

    # -- the header ---------------------------------------------------------------------

    def read(self) -> TrackerDraft:
        start = find_header(self.source, self.rows, self.mapping, self.key)
        if start is None:
            table = read_by_content(self.source, self.rows, self.mapping)
            self.header, self.parts = [], []
            self.columns, self.names = table.columns, table.names
            self.id_column = next((i for i, f in self.columns.items() if f == "id"), None)
            body, told = table.start, [table.note()]
        else:
            found = header_at(self.rows, start, self.mapping)
            self.header = found.parts[start - found.first]
            self.parts = [p for p in found.parts if p is not self.header]
            self.columns, self.names = found.columns, found.names
            self.id_column = self.key_column()
            start, body, told = found.first, found.last + 1, []
        heading = " ".join(
            c.strip().lstrip("#").strip()
            for _, cells in self.rows[: start if start is not None else body]
            for c in cells
            if c.strip()
        )
        draft = TrackerDraft(self.source, self.kind, " ".join(heading.split()), self.items)
        draft.columns = {self.names[i]: f for i, f in self.columns.items()}
        draft.keyed = "order" if self.id_column is None else "column"
        draft.key = self.body(body)
        if not self.items:
            self.error("has a header but no items under it", row=self.rows[body - 1][0])
        draft.extra = [h for i, h in self.names.items() if i not in self.columns]
        draft.notes = told + self.notes(draft)
        return draft

    def key_column(self) -> int | None:
        if self.key:
            wanted = normal(self.key)
            return next(i for i, p in enumerate(self.header) if p == wanted)
        return next((i for i, f in self.columns.items() if f == "id"), None)

    # -- the body -----------------------------------------------------------------------

    def body(self, start: int) -> dict[str, dict[str, str]]:
        after_break, previous = False, None
        for index in range(start, len(self.rows)):
            n, cells = self.rows[index]
            if not any(c.strip() for c in cells):
                continue
            repeated = self.repeated_header(cells)
            if repeated is not None:
                self.section = repeated or self.section
                after_break = not repeated
                continue
            if normal(next(c for c in cells if c.strip())) == "key":
                return self.legend(index)
            row = self.cells(n, cells)
            if after_break and previous is not None and continues(previous, row):
                for name, text in row.items():
                    previous[name] = f"{previous[name]} {text}"
                    self.extend(name, text)
            elif self.is_section(cells):
                heading = " ".join(next(c for c in cells if c.strip()).split())
                grouped = previous is None and self.section and index > start
                self.section = f"{self.section} > {heading}" if grouped else heading
                previous = None
            else:
                self.take(n, row)
                previous = row
            after_break = False
        return {}

    def repeated_header(self, cells: list[str]) -> str | None:
        """None for a row that is not the header again; else the section it starts, or ''."""
        given = [normal(c) for c in cells]
        if given in self.parts:
            return ""
        filled = [i for i, h in enumerate(self.header) if h]
        if any(g and i not in filled for i, g in enumerate(given)) or len(filled) < 2:
            return None
        differ = [i for i in filled if i >= len(given) or given[i] != self.header[i]]
        if not differ:
            return ""
        if len(differ) == 1 and len(filled) >= 3 and differ[0] < len(cells):
            return " ".join(cells[differ[0]].split()) or None
        return None

    def is_section(self, cells: list[str]) -> bool:
        """A row whose one filled cell is in the first column: a section's title."""
        filled = [i for i, c in enumerate(cells) if c.strip()]
        first = min(self.names) if self.names else 0
        if len(filled) != 1 or filled[0] > first or len(self.names) < 2:
            return False
        text, field = cells[filled[0]].strip(), self.columns.get(first)
        if filled[0] == self.id_column:
            return " " in text or not any(c.isdigit() for c in text)
        if field in TEXT_FIELDS:
            return not ENDS_SENTENCE.search(text) and (len(text.split()) <= 12 or titled(text))
        return True

    def cells(self, n: int, cells: list[str]) -> dict[str, str]:
        """The row's cells by field; extra columns by their header (``+Name``)."""
        while cells and not cells[-1].strip():
            cells = cells[:-1]
        width = max(self.names) + 1 if self.names else 0
        if len(cells) > width:
            self.error(
                f"has {len(cells)} cells but the header has {width} columns; give every "
                "column a header",
                row=n,
            )
        row = {}
        for i, cell in enumerate(cells):
            if cell.strip() and i != self.id_column:
                row[self.columns.get(i) or "+" + self.names.get(i, f"Column {i + 1}")] = (
                    cell.strip()
                )
        if (
            self.id_column is not None
            and self.id_column < len(cells)
            and cells[self.id_column].strip()
        ):
            row["id"] = cells[self.id_column].strip()
            if self.columns.get(self.id_column, "id") != "id":
                row[self.columns[self.id_column]] = cells[self.id_column].strip()
        return row

    def take(self, n: int, row: dict[str, str]) -> None:
        item = self.item_for(n, row)
        for name in ITEM_FIELDS:
            if row.get(name):
                setattr(item, name, joined(getattr(item, name), row[name]))
        if not item.theme and self.section:
            item.theme = self.section
        if any(row.get(f) for f in LINE_FIELDS) or not item.lines:
            item.lines.append(DraftLine(**{f: self.line_cell(n, f, row) for f in LINE_FIELDS}))
        if row.get("update"):
            item.update = joined(item.update, row["update"])
        for name, text in row.items():
            if name.startswith("+"):
                item.fields[name[1:]] = joined(item.fields.get(name[1:], ""), text)
        self.rating(n, item, row)

    def item_for(self, n: int, row: dict[str, str]) -> DraftItem:
        """The item a row starts or continues, by the rules in the module's docstring."""
        own_text = any(row.get(f) for f in ITEM_FIELDS)
        if self.id_column is None:
            if own_text or not self.items:
                self.items.append(DraftItem(str(len(self.items) + 1), n))
            return self.items[-1]
        column = self.names.get(self.id_column, "ID")
        if row.get("id"):
            try:
                ident = item_id(row["id"])
            except InvalidEntry as error:
                self.error(str(error), row=n, column=column)
            if self.items and self.items[-1].id == ident:
                return self.items[-1]
            if ident in self.seen:
                self.error(
                    f"ID {ident!r} is already used by row {self.seen[ident]}; each item needs "
                    "its own ID (leave it empty on a further line of the same item)",
                    row=n,
                    column=column,
                )
            return self.new_item(ident, n)
        if not self.items:
            what = "an item with no ID" if own_text else "an action line"
            self.error(f"{what} comes before any item with an ID", row=n, column=column)
        if own_text:
            base = re.sub(r"[a-z]+$", "", self.items[-1].id)
            self.letters[base] = self.letters.get(base, 0) + 1
            return self.new_item(base + letter(self.letters[base]), n)
        return self.items[-1]

    def new_item(self, ident: str, n: int) -> DraftItem:
        self.seen[ident] = n
        self.items.append(DraftItem(ident, n))
        return self.items[-1]

    def line_cell(self, n: int, name: str, row: dict[str, str]) -> str:
        text = row.get(name, "")
        if name == "timescale" and self.kind == "xlsx" and EXCEL_DAY.fullmatch(text):
            return excel_day(text).isoformat()
        return text

    def rating(self, n: int, item: DraftItem, row: dict[str, str]) -> None:
        if row.get("ragb") and not item.rating:
            item.rating, item.rating_row = row["ragb"], n
        said = row.get("rated_on")
        if not said or item.rated_on is not None:
            return
        try:
            kind_of_day = self.kind == "xlsx" and EXCEL_DAY.fullmatch(said)
            item.rated_on = excel_day(said) if kind_of_day else parse_day(said)
        except ValueError:
            column = next(
                (h for i, h in self.names.items() if self.columns.get(i) == "rated_on"), ""
            )
            self.error(f"{said!r} is not a date; write YYYY-MM-DD", row=n, column=column)

    def extend(self, name: str, text: str) -> None:
        item = self.items[-1]
        if name in LINE_FIELDS:
            line = item.lines[-1]
            setattr(line, name, f"{getattr(line, name)} {text}".strip())
        elif name in ITEM_FIELDS or name == "update":
            setattr(item, name, f"{getattr(item, name)} {text}".strip())
        elif name.startswith("+"):
            item.fields[name[1:]] = f"{item.fields.get(name[1:], '')} {text}".strip()

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

    def notes(self, draft: TrackerDraft) -> list[str]:
        notes = [f"column {h!r} kept as an extra field of each item" for h in draft.extra]
        if draft.keyed == "order":
            notes.append(
                "no ID column: items are numbered in order, and matched by their text to "
                "those the ledger holds (name an identifying column with --key COLUMN)"
            )
        return notes
