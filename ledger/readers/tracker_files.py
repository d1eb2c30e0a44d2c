"""Which reader reads a tracker file, and the limits every file is held to first.

``auto`` goes by what the file holds (a workbook or a PDF starts with its own signature, an
OpenDocument file declares its type: a LibreOffice spreadsheet, or a text holding a table),
then by its ending (.csv, .tsv); any other text is taken as text from a PDF, tab separated.
A path that is missing, a directory, a device such as ``/dev/zero``, a pipe, an empty file
or one beyond :data:`MAX_BYTES` is refused in one line before anything is read.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from ledger.readers.tracker_csv import csv_rows
from ledger.readers.tracker_draft import MAX_BYTES, Rows, TrackerDraft, TrackerFileError
from ledger.readers.tracker_headers import normal
from ledger.readers.tracker_layout import read_layout
from ledger.readers.tracker_text import text_rows

FORMATS = ("auto", "csv", "tsv", "xlsx", "ods", "odt", "pdf", "pdf-text")
SIGNATURES = {b"PK\x03\x04": "xlsx", b"%PDF": "pdf"}
ENDINGS = {".xlsx": "xlsx", ".xlsm": "xlsx", ".pdf": "pdf", ".csv": "csv", ".tsv": "tsv"}
OPEN_DOCUMENT = {".ods": "ods", ".ots": "ods", ".odt": "odt", ".ott": "odt"}
WORKBOOKS = ("xlsx", "ods")


def read_tracker(
    path: str,
    fmt: str = "auto",
    *,
    sheet: str | None = None,
    mapping: dict[str, str] | None = None,
    key: str | None = None,
) -> TrackerDraft:
    """Read ``path`` as a tracker; ``mapping`` names the fields of headers not recognised,
    ``key`` the column that identifies each item where there is no ID column."""
    size = checked_size(path)
    kind = kind_of(path, fmt)
    if sheet is not None and kind not in WORKBOOKS:
        raise TrackerFileError(
            path, "--sheet is for a spreadsheet (.xlsx or .ods); this is not one"
        )
    mapping = mapping or {}
    draft = read_layout(path, kind, rows_of(path, kind, size, sheet, mapping, key), mapping, key)
    unmapped(path, draft, mapping)
    return draft


def unmapped(path: str, draft: TrackerDraft, mapping: dict[str, str]) -> None:
    """Refuse a ``--map`` that names no column of the file (a misspelt header, a position
    past the last column): silently ignoring it would put the column in the wrong field."""
    held = {normal(h) for h in [*draft.columns, *draft.extra]}
    for name in mapping:
        said = f"column{name}" if name.strip().isdigit() else normal(name)
        if said not in held:
            columns = ", ".join([*draft.columns, *draft.extra])
            raise TrackerFileError(
                path, f"has no column {name!r} for --map; its columns are: {columns}"
            )


def checked_size(path: str) -> int:
    """The size of the regular file at ``path``; one line for anything else."""
    try:
        found = os.stat(path)
    except FileNotFoundError:
        raise TrackerFileError(path, "does not exist; give the path of the tracker") from None
    except OSError as error:
        raise TrackerFileError(path, f"cannot be read ({error.strerror})") from None
    if stat.S_ISDIR(found.st_mode):
        raise TrackerFileError(path, "is a directory; give the tracker's file inside it")
    if not stat.S_ISREG(found.st_mode):
        raise TrackerFileError(
            path, "is not a regular file (a device or a pipe); save the tracker as a file"
        )
    if found.st_size == 0:
        raise TrackerFileError(path, "is empty; a tracker needs a header row and its items")
    if found.st_size > MAX_BYTES:
        raise TrackerFileError(
            path,
            f"is {found.st_size / 2**20:.0f} MB, beyond the {MAX_BYTES // 2**20} MB a "
            "tracker may be; save the tracker's own sheet or table alone",
        )
    return found.st_size


def kind_of(path: str, fmt: str) -> str:
    if fmt != "auto":
        return fmt
    with open(path, "rb") as handle:
        start = handle.read(4)
    ending = Path(path).suffix.lower()
    if start == b"PK\x03\x04" or ending in OPEN_DOCUMENT:
        from ledger.readers.odf_package import SHEET_TYPE, TEXT_TYPE, declared_type

        declared = declared_type(path)
        if declared.startswith((SHEET_TYPE, TEXT_TYPE)):
            return "ods" if declared.startswith(SHEET_TYPE) else "odt"
        if ending in OPEN_DOCUMENT:
            return OPEN_DOCUMENT[ending]  # its reader says what is wrong with it
    return SIGNATURES.get(start) or ENDINGS.get(ending, "pdf-text")


def rows_of(
    path: str, kind: str, size: int, sheet: str | None, mapping: dict[str, str], key: str | None
) -> Rows:
    if kind == "xlsx":
        from ledger.readers.tracker_xlsx import xlsx_rows

        return xlsx_rows(path, sheet)
    if kind in ("ods", "odt"):
        from ledger.readers.tracker_odf import odf_rows

        return odf_rows(path, kind, sheet)
    if kind == "pdf":
        from ledger.readers.tracker_pdf import pdf_rows

        return pdf_rows(path)
    text = text_of(path, size)
    if kind == "csv":
        return csv_rows(text, path)
    return text_rows(text, path, mapping, key)


def text_of(path: str, size: int) -> str:
    from ledger.readers.text_file import decode

    try:
        with open(path, "rb") as handle:
            data = handle.read(size + 1)
    except OSError as error:
        raise TrackerFileError(path, f"cannot be read ({error.strerror})") from None
    if len(data) > MAX_BYTES:
        raise TrackerFileError(path, f"grew beyond the {MAX_BYTES // 2**20} MB a tracker may be")
    text = decode(data, path)
    if not text.strip():
        raise TrackerFileError(path, "is empty; a tracker needs a header row and its items")
    return text
