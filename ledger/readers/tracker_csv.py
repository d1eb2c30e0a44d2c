"""A tracker saved as CSV: its delimiter found (comma, semicolon or tab), cells of any size.

Spreadsheets save CSV with the delimiter of the clerk's locale (a semicolon where the
comma is the decimal mark) and quote cells that hold the delimiter or line breaks; a cell
may hold pages of commentary. The delimiter is the one that splits the first records into
the same number of cells most often.

A cell that a formula-safe export (``govledger tracker export``, and OWASP's advice that
it follows) wrote with an apostrophe before ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return, so that no spreadsheet runs it, is read without that apostrophe: the text as it
was before it was written out. Any other apostrophe is the tracker's own and stays.
"""

from __future__ import annotations

import csv
import io
from collections import Counter

from ledger.readers.tracker_draft import MAX_BYTES, MAX_COLUMNS, MAX_ROWS, Rows, TrackerFileError

DELIMITERS = (",", ";", "\t")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # what a spreadsheet would run
SAMPLE_RECORDS = 50


def csv_rows(text: str, source: str, delimiter: str | None = None) -> Rows:
    """The records of ``text`` as rows of cells, numbered from 1 as a spreadsheet shows them."""
    csv.field_size_limit(MAX_BYTES)
    found = delimiter or sniffed(text)
    rows: Rows = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=found)
    try:
        for number, cells in enumerate(reader, start=1):
            check_size(source, number, cells)
            if any(c[:1] == "'" for c in cells):
                cells = [formula_text(c) for c in cells]
            rows.append((number, cells))
    except csv.Error as error:
        raise TrackerFileError(
            source,
            f"is not valid CSV ({error}); save it again from the spreadsheet",
            row=number + 1,
        ) from None
    return rows


def formula_text(cell: str) -> str:
    """A cell without the apostrophe a formula-safe writer put before ``=1+1`` (``'=1+1``
    is the text ``=1+1``); any other cell as it is."""
    return cell[1:] if cell[:1] == "'" and cell[1:].startswith(FORMULA_STARTS) else cell


def check_size(source: str, number: int, cells: list[str]) -> None:
    if number > MAX_ROWS:
        raise TrackerFileError(
            source, f"has more than {MAX_ROWS:,} rows, beyond what a tracker may hold; split it"
        )
    if len(cells) > MAX_COLUMNS and any(c.strip() for c in cells[MAX_COLUMNS:]):
        raise TrackerFileError(
            source,
            f"has more than {MAX_COLUMNS} columns, beyond what a tracker may hold",
            row=number,
        )


def sniffed(text: str) -> str:
    """The delimiter that gives the first records the most consistent number of cells."""
    best, best_score = ",", (0, 0)
    for delimiter in DELIMITERS:
        widths = []
        try:
            for cells in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
                if any(c.strip() for c in cells):
                    widths.append(len(cells))
                if len(widths) >= SAMPLE_RECORDS:
                    break
        except csv.Error:
            continue
        if not widths:
            continue
        width, count = Counter(widths).most_common(1)[0]
        score = (count, width) if width > 1 else (0, 0)
        if score > best_score:
            best, best_score = delimiter, score
    return best
