"""A tracker kept in LibreOffice: a spreadsheet (.ods) or a table in a text document (.odt).

A spreadsheet gives its first sheet's rows, or those of ``--sheet NAME``, numbered as Calc
shows them. A text document gives its tables' rows with, in their place, its paragraphs
outside any table as rows of one cell (the title above the header, the section headings
between tables), as a PDF's tables are read (:mod:`tracker_pdf`); the layout rules then find
the header, the sections and the legend as for any tracker. Paragraphs after the last table
are kept only when they are its legend (``Key``, ``Green: on track``): a closing note is no
item.

Calc writes a sheet's unused rows and columns as repeats: one row element standing for a
million empty rows, one cell for a thousand empty columns. Repeats are read out only up to
the last cell with words, so a file that declares a vast empty sheet costs nothing; the XML
is streamed and each row dropped once read, so memory follows one row, and a file whose
repeated words would pass :data:`MAX_CELLS` is refused. A merged cell's words stand in its
first cell and the cells it covers read as empty, as in a workbook; a date cell reads as
its date (YYYY-MM-DD) whatever format shows it; a cell's paragraphs are joined by new lines,
its no-break spaces read as spaces (as a CSV's are).
"""

from __future__ import annotations

from datetime import datetime, time
from typing import Any

from ledger.readers.odf_package import (
    CELLS,
    DAMAGE,
    DRAW,
    LEFT_OUT,
    OFFICE,
    PARAGRAPHS,
    SHEET_TYPE,
    TABLE,
    TEXT,
    TEXT_TYPE,
    content_stream,
    damaged,
    open_package,
    paragraph_text,
    paragraphs_in,
    parser_options,
    repeats,
)
from ledger.readers.text_file import normalise
from ledger.readers.tracker_csv import formula_text
from ledger.readers.tracker_draft import MAX_COLUMNS, MAX_ROWS, Rows, TrackerFileError
from ledger.readers.tracker_legend import legend_lines, starts_legend
from ledger.readers.tracker_xlsx import MAX_CELLS, MAX_UNZIPPED

TYPES = {"ods": SHEET_TYPE, "odt": TEXT_TYPE}
TABLE_TAG = f"{{{TABLE}}}table"
ROW = f"{{{TABLE}}}table-row"
COVERED = f"{{{TABLE}}}covered-table-cell"
LIST = f"{{{TEXT}}}list"
VALUES = {  # where a cell that shows nothing keeps its value
    "float": "value", "percentage": "value", "currency": "value",
    "boolean": "boolean-value", "time": "time-value", "string": "string-value",
}  # fmt: skip


def odf_rows(path: str, kind: str, sheet: str | None = None) -> Rows:
    """The rows of an .ods sheet (``kind`` "ods") or of an .odt's tables and the lines
    between them (``kind`` "odt"), as text cells."""

    def refuse(message: str) -> TrackerFileError:
        return TrackerFileError(path, message)

    with open_package(path, refuse, TYPES[kind], (MAX_UNZIPPED, MAX_UNZIPPED)) as archive:
        reading = Reading(path, kind, sheet)
        try:
            with content_stream(archive) as stream:
                reading.read(stream)
        except DAMAGE as error:
            raise damaged(refuse, error) from None
    return reading.result()


class Reading:
    """One pass over ``content.xml``: the wanted table's rows, every other row let go."""

    def __init__(self, path: str, kind: str, sheet: str | None) -> None:
        self.path, self.kind, self.sheet = path, kind, sheet
        self.rows: Rows = []
        self.sheets: list[str] = []  # every sheet's name, for a --sheet that names none
        self.number = 0  # the row as the spreadsheet numbers it
        self.cells = 0  # cells read, repeats counted
        self.depth = 0  # tables open around the element read
        self.wanted = False  # inside the sheet that is read
        self.done = False
        self.in_tables = 0  # rows of an .odt's tables read
        self.tables_end = 0  # how many rows stood when the last table row was read

    def read(self, stream: Any) -> None:
        from lxml import etree

        events = etree.iterparse(
            stream,
            events=("start", "end"),
            tag=(TABLE_TAG, ROW, LIST, *PARAGRAPHS),
            **parser_options(),
        )
        for event, element in events:
            if element.tag == TABLE_TAG:
                self.table(event, element)
            elif event == "end" and element.tag == ROW and self.depth == 1:
                if self.wanted and not self.done:
                    self.row(element)
                _let_go(element)
            elif event == "end" and self.depth == 0 and self.kind == "odt" and _in_flow(element):
                if element.tag != LIST:
                    self.line(normalise(paragraph_text(element)))
                _let_go(element)

    def table(self, event: str, element: Any) -> None:
        if event == "start":
            self.depth += 1
            if self.depth == 1:
                name = element.get(f"{{{TABLE}}}name", "")
                self.sheets.append(name)
                first = self.kind == "odt" or len(self.sheets) == 1
                self.wanted = not self.done and (name == self.sheet if self.sheet else first)
                self.number = 0 if self.kind == "ods" else self.number
            return
        self.depth -= 1
        if self.depth == 0:
            self.done = self.done or (self.wanted and self.kind == "ods")
            self.wanted = False

    def line(self, text: str) -> None:
        """A paragraph outside any table: a row of one cell (a title, a section)."""
        self.number += 1
        if text.strip():
            self.rows.append((self.number, [text.strip()]))

    def row(self, element: Any) -> None:
        times = repeats(element, "number-rows-repeated")
        cells = self.values(element)
        self.number += times
        if not cells:
            return  # empty rows, however many, take nothing but their numbers
        first = self.number - times + 1
        if self.number > MAX_ROWS:
            raise TrackerFileError(
                self.path, f"has rows past row {MAX_ROWS:,}, beyond what a tracker may hold"
            )
        self.count(len(cells) * times)
        self.in_tables += times
        self.rows.extend((first + n, list(cells)) for n in range(times))
        self.tables_end = len(self.rows)

    def values(self, row: Any) -> list[str]:
        """The row's cells up to its last cell with words; repeats read out."""
        cells: list[str] = []
        waiting = 0  # empty cells, placed only if a cell with words follows
        for cell in row:
            if cell.tag not in CELLS:
                continue
            times = repeats(cell, "number-columns-repeated")
            self.count(1)
            text = "" if cell.tag == COVERED else cell_text(cell)
            if not text:
                waiting += times
                continue
            if len(cells) + waiting + times > MAX_COLUMNS:
                raise TrackerFileError(
                    self.path,
                    f"has cells past column {MAX_COLUMNS}, beyond what a tracker may hold",
                    row=self.number + 1,
                )
            cells.extend([""] * waiting + [text] * times)
            waiting = 0
        return cells

    def count(self, more: int) -> None:
        self.cells += more
        if self.cells > MAX_CELLS:
            raise TrackerFileError(
                self.path, f"holds more than {MAX_CELLS:,} cells, beyond what a tracker may hold"
            )

    def result(self) -> Rows:
        if self.sheet is not None and self.sheet not in self.sheets:
            names = ", ".join(repr(n) for n in self.sheets)
            raise TrackerFileError(
                self.path, f"has no sheet {self.sheet!r}; give --sheet one of: {names}"
            )
        if self.kind == "odt" and not self.in_tables:
            raise TrackerFileError(
                self.path, "has no table with words; keep the tracker as a table, a row an item"
            )
        after = self.rows[self.tables_end :]
        if after and not (starts_legend(after[0][1]) or legend_lines(after, 0)):
            del self.rows[self.tables_end :]  # a closing note, a signature: not the tracker's
        if not self.rows:
            where = f"sheet {self.sheet!r}" if self.sheet else "its first sheet"
            raise TrackerFileError(
                self.path, f"has no words in {where}; a tracker needs a header row and its items"
            )
        return self.rows


def cell_text(cell: Any) -> str:
    """A date as its date; anything else as shown, its paragraphs joined by new lines."""
    if cell.get(f"{{{OFFICE}}}value-type") == "date":
        said = cell.get(f"{{{OFFICE}}}date-value", "")
        day = _day(said)
        if day:
            return day
    lines = [normalise(paragraph_text(p)).rstrip() for p in paragraphs_in(cell)]
    shown = "\n".join(lines).strip()
    if shown:
        return formula_text(shown)
    kept = VALUES.get(cell.get(f"{{{OFFICE}}}value-type", ""))
    return _whole(cell.get(f"{{{OFFICE}}}{kept}", "").strip()) if kept else ""


def _whole(value: str) -> str:
    """A number as the tracker means it: ``3`` for ``3.0``."""
    try:
        number = float(value)
    except ValueError:
        return value
    return str(int(number)) if number.is_integer() and abs(number) < 1e15 else value


def _day(said: str) -> str:
    try:
        when = datetime.fromisoformat(said[:19])
    except ValueError:
        return ""
    return when.date().isoformat() if when.time() == time() else when.isoformat(" ")


def _in_flow(paragraph: Any) -> bool:
    """A paragraph (or list) of the document's own flow: not one inside another (a text
    box), nor in a comment, a note or a tracked deletion."""
    return not any(
        a.tag in PARAGRAPHS or a.tag in LEFT_OUT or a.tag.startswith(f"{{{DRAW}}}")
        for a in paragraph.iterancestors()
    )


def _let_go(element: Any) -> None:
    """Free what has been read: the element's children and the siblings before it."""
    element.clear(keep_tail=True)
    parent = element.getparent()
    while parent is not None and element.getprevious() is not None:
        del parent[0]
