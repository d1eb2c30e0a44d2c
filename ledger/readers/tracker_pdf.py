"""A tracker published as a PDF, read from its tables.

Each page gives its tables' rows (a cell's wrapped lines joined into one) and, in their
place on the page, the lines of text outside any table, each as a row of one cell: the
title above the header, and the headings of sections between tables. A line that recurs
at the top or foot of several pages ("UNCLASSIFIED", a printer's note) is the page's
furniture and is left out.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from ledger.readers.tracker_draft import Rows, TrackerFileError

MAX_PAGES = 500
EDGE_LINES = 3  # lines at the top and foot of a page that may be its furniture


def pdf_rows(path: str) -> Rows:
    """The rows of every table in the PDF, with the lines between them, in page order."""
    import pdfplumber

    try:
        document = pdfplumber.open(path)
        count = len(document.pages)
    except Exception as error:  # pdfminer raises many kinds for a file that is not a PDF
        raise TrackerFileError(
            path, f"is not a PDF that can be read ({type(error).__name__})"
        ) from None
    with document:
        if count > MAX_PAGES:
            raise TrackerFileError(
                path, f"has more than {MAX_PAGES} pages, beyond what a tracker may hold"
            )
        try:
            pages = [page_parts(page) for page in document.pages]
        except Exception as error:  # a damaged page in a readable file
            raise TrackerFileError(
                path, f"has a page that cannot be read ({type(error).__name__})"
            ) from None
    furniture = recurring(pages)
    rows: Rows = []
    for parts in pages:
        for cells in parts:
            if len(cells) == 1 and cells[0] in furniture:
                continue
            rows.append((len(rows) + 1, cells))
    if not any(len(cells) > 1 for _, cells in rows):
        raise TrackerFileError(
            path,
            "has no table that can be read (it may be a scan, or laid out without a "
            "table); give its text instead with --format pdf-text",
        )
    return rows


def page_parts(page: Any) -> list[list[str]]:
    """The page's table rows and its other lines of text, top to bottom."""
    tables = page.find_tables()
    placed: list[tuple[float, int, list[str]]] = []
    for table in tables:
        for order, row in enumerate(table.extract()):
            placed.append((table.bbox[1], order, [" ".join((c or "").split()) for c in row]))
    for line in page.extract_text_lines():
        middle = (line["top"] + line["bottom"]) / 2
        if not any(t.bbox[1] <= middle <= t.bbox[3] for t in tables):
            placed.append((line["top"], 0, [" ".join(line["text"].split())]))
    placed.sort(key=lambda p: (p[0], p[1]))
    return [cells for _, _, cells in placed if any(cells)]


def recurring(pages: list[list[list[str]]]) -> set[str]:
    """Lines of one cell found at the top or foot of more than one page."""
    if len(pages) < 2:
        return set()
    seen: Counter[str] = Counter()
    for parts in pages:
        edges = parts[:EDGE_LINES] + parts[-EDGE_LINES:]
        seen.update({cells[0] for cells in edges if len(cells) == 1})
    return {text for text, count in seen.items() if count > 1}
