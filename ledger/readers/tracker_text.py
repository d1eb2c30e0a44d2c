"""A tracker as text taken from a PDF: tab-separated cells, or columns laid out in spaces.

Copying a PDF's table out (or ``pdftotext`` with tabs) gives one line per table row, its
cells separated by tabs; a cell that ran over a page break comes back as a second row
under the repeated header, which the layout rules join back up.

A layout extraction (``pdftotext -layout``, pypdf's layout mode) gives the page as it
looks: columns aligned in spaces, each cell wrapped over several lines. The header line
says where each column starts; every run of text belongs to the column it starts under,
and a table row runs from a line with text in the first column to the next such line or
blank line (a first cell that wraps carries on in lower case: "Meeting date &" / "action
number"). Lines that recur at the top or foot of several pages are the pages' furniture.
"""

from __future__ import annotations

import re
from collections import Counter

from ledger.readers.tracker_draft import MAX_COLUMNS, MAX_ROWS, Rows, TrackerFileError
from ledger.readers.tracker_headers import TEXT_FIELDS, field_of, normal

GAP = re.compile(r"\S+(?: \S+)*")  # text with single spaces; two or more separate columns
SLACK = 2  # a column's text may start this far left of its header
EDGE_LINES = 3


def text_rows(text: str, source: str, mapping: dict[str, str], key: str | None) -> Rows:
    """The rows of a PDF's text, tab separated or laid out in columns of spaces."""
    if len(text.split("\n")) > MAX_ROWS:
        raise TrackerFileError(
            source, f"has more than {MAX_ROWS:,} lines, beyond what a tracker may hold"
        )
    if "\t" in text:
        return tab_rows(text, source)
    return aligned_rows(text, mapping, key)


def tab_rows(text: str, source: str) -> Rows:
    """Each line of ``text`` as a row, its cells split on tabs."""
    rows: Rows = []
    for number, line in enumerate(text.split("\n"), start=1):
        cells = line.split("\t")
        if len(cells) > MAX_COLUMNS:
            raise TrackerFileError(
                source,
                f"has more than {MAX_COLUMNS} columns, beyond what a tracker may hold",
                row=number,
            )
        rows.append((number, cells))
    return rows


def chunks(line: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group()) for m in GAP.finditer(line)]


def aligned_rows(text: str, mapping: dict[str, str], key: str | None) -> Rows:
    lines = [(n, line) for n, line in enumerate(text.replace("\f", "\n\f").split("\n"), 1)]
    furniture = {ln for ln in recurring(text) if not is_header(ln, mapping, key)}
    lines = [(n, ln.strip("\f")) for n, ln in lines if ln.strip("\f").strip() not in furniture]
    header = next((i for i, (_, ln) in enumerate(lines) if is_header(ln, mapping, key)), None)
    if header is None:
        return [(n, [t for _, t in chunks(ln)]) for n, ln in lines]
    rows: Rows = [(n, [t for _, t in chunks(ln)]) for n, ln in lines[:header]]
    starts = [start for start, _ in chunks(lines[header][1])]
    current: tuple[int, list[str]] | None = None
    for n, line in lines[header:]:
        found = chunks(line)
        if not found:
            current = None
            continue
        cells = [""] * len(starts)
        for start, words in found:
            column = max([i for i, s in enumerate(starts) if s <= start + SLACK] or [0])
            cells[column] = f"{cells[column]} {words}".strip()
        if current is not None and not (cells[0] and not cells[0][:1].islower()):
            current[1][:] = [f"{a} {b}".strip() for a, b in zip(current[1], cells, strict=True)]
            continue
        current = (n, cells)
        rows.append(current)
    return rows


def is_header(line: str, mapping: dict[str, str], key: str | None) -> bool:
    """A line naming the item's text beside another column, or the ``--key`` column."""
    found = [t for _, t in chunks(line)]
    if key and any(normal(t) == normal(key) for t in found):
        return True
    known = {normal(k): v for k, v in mapping.items()}
    return len(found) >= 2 and any(field_of(t, known) in TEXT_FIELDS for t in found)


def recurring(text: str) -> set[str]:
    """Lines found at the top or foot of more than one page (form feeds part the pages)."""
    pages = [[ln.strip() for ln in page.split("\n") if ln.strip()] for page in text.split("\f")]
    if len(pages) < 2:
        return set()
    seen: Counter[str] = Counter()
    for page in pages:
        seen.update(set(page[:EDGE_LINES] + page[-EDGE_LINES:]))
    return {line for line, count in seen.items() if count > 1}
