"""A tracker kept as an Excel workbook, read by streaming its sheet's real cells.

A workbook may declare a sheet of 16,384 columns by 1,048,576 rows while holding a
dozen cells; the declared size is never trusted. The sheet's XML is streamed and only the
cells it really holds are read, so memory follows the cells present and time is bounded
by :data:`MAX_CELLS`. Dates come back as dates; a merged cell's value stands in its first
cell and the rest read as empty, which is how the layout rules read a title or section
merged across, or an item's ID and issue merged down over its action lines. A text cell
holding a formula-safe CSV's ``'=...`` (a CSV export opened and saved as a workbook) is
read as the CSV reader reads it: without the apostrophe.
"""

from __future__ import annotations

from datetime import datetime, time
from typing import Any

from ledger.readers.tracker_csv import formula_text
from ledger.readers.tracker_draft import MAX_COLUMNS, MAX_ROWS, Rows, TrackerFileError

MAX_CELLS = 1_000_000  # cells the sheet's XML may hold, empty styled ones included
MAX_UNZIPPED = 512 * 1024 * 1024  # what the workbook's parts may unpack to, all together


def xlsx_rows(path: str, sheet: str | None = None) -> Rows:
    """The rows of ``sheet`` (default the first) as text cells, numbered as Excel shows."""
    from openpyxl import load_workbook

    check_unpacked(path)
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a file that is not XLSX
        raise TrackerFileError(
            path, f"is not an XLSX workbook that can be read ({type(error).__name__})"
        ) from None
    try:
        if sheet is not None and sheet not in book.sheetnames:
            names = ", ".join(repr(n) for n in book.sheetnames)
            raise TrackerFileError(path, f"has no sheet {sheet!r}; give --sheet one of: {names}")
        if not book.worksheets:
            raise TrackerFileError(path, "has no worksheet; save the tracker as a sheet")
        found = book[sheet] if sheet else book.worksheets[0]
        return sheet_rows(path, found)
    except TrackerFileError:
        raise
    except Exception as error:  # a damaged sheet inside a readable zip
        raise TrackerFileError(
            path, f"has a sheet that cannot be read ({type(error).__name__}); save it again"
        ) from None
    finally:
        book.close()


def check_unpacked(path: str) -> None:
    """A workbook is a zip: refuse one whose parts would unpack beyond :data:`MAX_UNZIPPED`
    (a zip reader stops at each part's stated size, so the stated sizes bound the work)."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(part.file_size for part in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise TrackerFileError(path, "is not an XLSX workbook that can be read") from None
    if unpacked > MAX_UNZIPPED:
        raise TrackerFileError(
            path,
            f"unpacks to {unpacked / 2**20:,.0f} MB, beyond the {MAX_UNZIPPED // 2**20} MB a "
            "tracker may be",
        )


def sheet_rows(path: str, sheet: Any) -> Rows:
    """Stream the sheet's XML: only the cells it holds, whatever size it declares."""
    from openpyxl.worksheet._reader import WorkSheetParser

    if not hasattr(sheet, "_get_source"):
        raise TrackerFileError(path, "has a chart sheet first; give the tracker's --sheet")
    book = sheet.parent
    rows: Rows = []
    cells_read = 0
    with sheet._get_source() as source:
        parser = WorkSheetParser(
            source,
            sheet._shared_strings,
            data_only=True,
            epoch=book.epoch,
            date_formats=book._date_formats,
            timedelta_formats=book._timedelta_formats,
        )
        for number, cells in parser.parse():
            cells_read += len(cells)
            if cells_read > MAX_CELLS:
                raise TrackerFileError(
                    path, f"holds more than {MAX_CELLS:,} cells, beyond what a tracker may hold"
                )
            values = {c["column"]: cell_text(c["value"]) for c in cells if c["value"] is not None}
            values = {k: v for k, v in values.items() if v.strip()}
            if not values:
                continue
            check_size(path, number, max(values))
            rows.append((number, [values.get(i, "") for i in range(1, max(values) + 1)]))
    return rows


def check_size(path: str, number: int, width: int) -> None:
    if number > MAX_ROWS:
        raise TrackerFileError(
            path, f"has rows past row {MAX_ROWS:,}, beyond what a tracker may hold; split it"
        )
    if width > MAX_COLUMNS:
        raise TrackerFileError(
            path, f"has cells past column {MAX_COLUMNS}, beyond what a tracker may hold", row=number
        )


def cell_text(value: object) -> str:
    """A cell's value as the tracker shows it: dates as YYYY-MM-DD, whole numbers bare."""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(" ")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return formula_text(value) if isinstance(value, str) else str(value)
