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
- How each row joins an item (a new item, ``4a``, a further action line) is in
  :mod:`tracker_items`.
- A header row may name no column the reader knows ("Initiative, Champion, Links"): a
  first row of short distinct labels over the data is the header still, and the column
  of the items' text, and of their owners, are told by what they hold
  (:mod:`tracker_labels`), as they are under a header that names no text column.
- A row whose first cell is KEY starts the tracker's legend, as do lines of one cell
  (``Term: meaning``) after the last item (:mod:`tracker_legend`); a legend is the
  tracker's key, never items.
- A rating column's words of progress that are no rating (Ongoing, Paused) leave their
  item unrated, and the column is kept, word for word, as a field of each item.
"""

from __future__ import annotations

from ledger.readers.tracker_content import read_by_content as read_headerless
from ledger.readers.tracker_draft import DraftItem, Rows, TrackerDraft
from ledger.readers.tracker_headers import (
    TEXT_FIELDS,
    Header,
    find_header,
    header_at,
    no_text_column,
    normal,
)
from ledger.readers.tracker_items import ItemRows
from ledger.readers.tracker_labels import ids_headed_as_text, is_id, label_row, text_by_content
from ledger.readers.tracker_legend import legend_lines, read_legend, starts_legend
from ledger.readers.tracker_rows import ENDS_SENTENCE, continues, titled
from ledger.readers.tracker_status import kept_status


def read_layout(
    source: str, kind: str, rows: Rows, mapping: dict[str, str], key: str | None = None
) -> TrackerDraft:
    """The draft of a tracker whose rows (numbered as in the source) are ``rows``."""
    return Layout(source, kind, rows, {normal(k): v for k, v in mapping.items()}, key).read()


class Layout(ItemRows):
    """Turns rows of cells into items and their lines, following the rules above."""

    def __init__(
        self, source: str, kind: str, rows: Rows, mapping: dict[str, str], key: str | None
    ) -> None:
        self.source, self.kind, self.rows, self.mapping, self.key = source, kind, rows, mapping, key
        self.items: list[DraftItem] = []
        self.seen: dict[str, int] = {}
        self.letters: dict[str, int] = {}
        self.section = ""
        self.told: list[str] = []
        self.heading_row: tuple[int, str] | None = None  # a section with no items yet
        self.tail = 1 + max(
            (i for i, (_, cells) in enumerate(rows) if sum(1 for c in cells if c.strip()) >= 2),
            default=-1,
        )

    # -- the header ---------------------------------------------------------------------

    def read(self) -> TrackerDraft:
        start = find_header(self.source, self.rows, self.mapping, self.key)
        if start is None:
            start = label_row(self.rows)
        if start is None:
            table = read_headerless(self.source, self.rows, self.mapping)
            self.header, self.parts = [], []
            self.columns, self.names = table.columns, table.names
            self.id_column = next((i for i, f in self.columns.items() if f == "id"), None)
            body, told = table.start, [table.note()]
        else:
            found = header_at(self.rows, start, self.mapping)
            self.header = found.parts[start - found.first]
            self.parts = [p for p in found.parts if p is not self.header]
            self.columns, self.names = found.columns, found.names
            told = self.by_content(found)
            start, body = found.first, found.last + 1
        heading = " ".join(
            c.strip().lstrip("#").strip()
            for _, cells in self.rows[: start if start is not None else body]
            for c in cells
            if c.strip()
        )
        draft = TrackerDraft(self.source, self.kind, " ".join(heading.split()), self.items)
        draft.columns = {self.names[i]: f for i, f in self.columns.items()}
        if self.id_column is not None and self.id_column not in self.columns:
            draft.columns[self.names[self.id_column]] = "id"  # the --key column
        draft.keyed = "order" if self.id_column is None else "column"
        draft.key = self.body(body)
        if not self.items:
            self.error("has a header but no items under it", row=self.rows[body - 1][0])
        draft.extra = [h for h in self.names.values() if h not in draft.columns]
        draft.notes = told + self.notes(draft) + kept_status(draft) + self.told
        return draft

    def by_content(self, found: Header) -> list[str]:
        """What the header leaves unsaid, told by what the columns hold (an ID column
        headed as text; the items' text and owner under a header naming no text column),
        and the notes saying so; one line when no column holds the items' text."""
        body = [
            (n, c) for n, c in self.rows[found.last + 1 :] if sum(1 for x in c if x.strip()) >= 2
        ]
        told = ids_headed_as_text(body, self.columns, self.names) if self.key is None else []
        self.id_column = self.key_column()
        taken = {**self.columns, **({} if self.id_column is None else {self.id_column: "id"})}
        if any(f in TEXT_FIELDS for f in taken.values()):
            return told
        read, note = text_by_content(body, taken, self.names)
        if not read and self.key is None:
            raise no_text_column(self.source, self.rows[found.first][0])
        self.columns.update(read)
        return told + note

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
            if starts_legend(cells) or self.legend_below(index):
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
                self.heading_row = (n, heading)
                previous = None
            else:
                self.take(n, row)
                previous = row
            after_break = False
        self.unused_heading()
        return {}

    def legend_below(self, index: int) -> bool:
        """Lines of one cell after the last item that are a legend; looked at once, at
        the first line past the table, so that a long tail costs one pass."""
        if index < self.tail or not self.items or self.tail < 0:
            return False
        self.tail = -1
        return legend_lines(self.rows, index)

    def repeated_header(self, cells: list[str]) -> str | None:
        """None for a row that is not the header again; else the section it starts, or ''."""
        if self.plainly_not_header(cells):
            return None
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

    def plainly_not_header(self, cells: list[str]) -> bool:
        """The look :meth:`repeated_header` takes first, at two cells rather than all: a row
        that is none of the header's rows and differs from it in its first two filled
        columns is no header (most rows, so a long tracker is read in one quick pass)."""
        first = normal(cells[0]) if cells else ""
        if any(len(part) == len(cells) and part[:1] == [first] for part in self.parts):
            return False
        filled = [i for i, h in enumerate(self.header) if h][:2]
        if len(filled) < 2:
            return True
        return all(i >= len(cells) or normal(cells[i]) != self.header[i] for i in filled)

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
            also = self.columns.get(self.id_column, "id")
            if also != "id" and not is_id(row["id"].lstrip("#")):  # "#119" is no issue text
                row[also] = row["id"]
        return row

    def legend(self, index: int) -> dict[str, dict[str, str]]:
        """The legend from row ``index`` to the end: the tracker's key, and a note."""
        self.unused_heading()
        last = next(n for n, cells in reversed(self.rows) if any(c.strip() for c in cells))
        self.told.append(
            f"rows {self.rows[index][0]}-{last} below the items are the tracker's legend: "
            "kept as its key, not as items"
        )
        return read_legend(self.rows, index)

    def unused_heading(self) -> None:
        """Say so of a last section heading with no items under it (nothing is dropped
        silently)."""
        if self.heading_row is not None:
            n, heading = self.heading_row
            self.told.append(f"row {n} ({heading!r}) is a heading with no items under it")
            self.heading_row = None

    def notes(self, draft: TrackerDraft) -> list[str]:
        notes = [f"column {h!r} kept as an extra field of each item" for h in draft.extra]
        if draft.keyed == "order":
            notes.append(
                "no ID column: items are numbered in order, and matched by their text to "
                "those the ledger holds (name an identifying column with --key COLUMN)"
            )
        return notes
