"""A tracker as text taken from a PDF: tab-separated cells, one table row a line.

Copying a PDF's table out (or ``pdftotext`` with tabs) gives one line per table row,
its cells separated by tabs; a cell that ran over a page break comes back as a second
row under the repeated header, which the layout rules join back up.
"""

from __future__ import annotations

from ledger.readers.tracker_draft import MAX_COLUMNS, MAX_ROWS, Rows, TrackerFileError


def tab_rows(text: str, source: str) -> Rows:
    """Each line of ``text`` as a row, its cells split on tabs."""
    rows: Rows = []
    for number, line in enumerate(text.split("\n"), start=1):
        if number > MAX_ROWS:
            raise TrackerFileError(
                source, f"has more than {MAX_ROWS:,} lines, beyond what a tracker may hold"
            )
        cells = line.split("\t")
        if len(cells) > MAX_COLUMNS:
            raise TrackerFileError(
                source,
                f"has more than {MAX_COLUMNS} columns, beyond what a tracker may hold",
                row=number,
            )
        rows.append((number, cells))
    return rows
