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
NEAR = 3  # starts this close are one column's, shifted from page to page
JOINING = {"a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to"}
WRAPPED = 0.9  # a first word reaching past this share of the column's width wrapped


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
        starts = column_starts(lines)
        if len(starts) < 2:
            return [(n, [t for _, t in chunks(ln)]) for n, ln in lines]
        return table_rows(lines, starts)
    starts = [start for start, _ in chunks(lines[header][1])]
    if len(starts) < 2:  # a "header" of one cell names no columns to lay the rows out in
        return [(n, [t for _, t in chunks(ln)]) for n, ln in lines]
    rows: Rows = [(n, [t for _, t in chunks(ln)]) for n, ln in lines[:header]]
    return rows + table_rows(lines[header:], starts)


def table_rows(lines: list[tuple[int, str]], starts: list[int]) -> Rows:
    """Lines laid out in the columns that begin at ``starts``, joined into table rows."""
    rows: Rows = []
    current: tuple[int, list[str]] | None = None
    width, end, above = first_width(lines, starts), 0, ""
    for n, line in lines:
        found = chunks(line)
        if not found:
            current = None
            continue
        cells = placed(found, starts)
        wrapped = bool(end) and (
            end + 1 + len(cells[0].split()[0] if cells[0] else "") > WRAPPED * width
            or above.rsplit(" ", 1)[-1].lower() in JOINING
        )
        if current is not None and carries_on(current[1], cells, wrapped):
            current[1][:] = [f"{a} {b}".strip() for a, b in zip(current[1], cells, strict=True)]
        else:
            current = (n, cells)
            rows.append(current)
        first = [(s, t) for s, t in found if s < starts[1] - SLACK]
        end, above = (first[-1][0] + len(first[-1][1]), first[-1][1]) if first else (0, "")
    return rows


def placed(found: list[tuple[int, str]], starts: list[int]) -> list[str]:
    """Each run of text in the column it starts under."""
    cells = [""] * len(starts)
    for start, words in found:
        column = max([i for i, s in enumerate(starts) if s <= start + SLACK] or [0])
        cells[column] = f"{cells[column]} {words}".strip()
    return cells


def carries_on(row: list[str], cells: list[str], wrapped: bool) -> bool:
    """A line continuing the table row above: no first cell, a first cell carrying on in
    lower case, or, in a row with other cells, first-column text carrying on a line that
    was ``wrapped`` (its next word would not have fitted, or it ends in a joining word such
    as "the"), with any other cells carrying on the row's in lower case ("Carried" /
    "forward"): a wrapped cell, not a new heading or item."""
    if not cells[0] or cells[0][:1].islower():
        return True
    if not any(row[1:]) or not wrapped:
        return False
    return all(not c or (r and c[:1].islower()) for c, r in zip(cells[1:], row[1:], strict=True))


def first_width(lines: list[tuple[int, str]], starts: list[int]) -> int:
    """How far the first column's text reaches on lines that have other columns filled."""
    ends = [0]
    for _, line in lines:
        found = chunks(line)
        if any(s >= starts[1] - SLACK for s, _ in found):
            ends += [s + len(t) for s, t in found if s < starts[1] - SLACK]
    return max(ends)


def column_starts(lines: list[tuple[int, str]]) -> list[int]:
    """Where the columns of a table with no header begin: the left margin, and each place
    where runs of text start on many lines (within a few characters, as pages shift)."""
    found = [start for _, line in lines for start, _ in chunks(line)[1:]]
    texts = sum(1 for _, line in lines if line.strip())
    if not found:
        return []
    groups: list[list[int]] = []
    for start in sorted(found):
        if groups and start - groups[-1][-1] <= NEAR:
            groups[-1].append(start)
        else:
            groups.append([start])
    margin = min(s for _, line in lines for s, _ in chunks(line)[:1])
    wanted = max(3, texts // 10)
    return [margin, *(g[0] for g in groups if len(g) >= wanted and g[0] > margin + SLACK)]


def is_header(line: str, mapping: dict[str, str], key: str | None) -> bool:
    """A line naming the item's text beside another column, or the ``--key`` column."""
    found = [t for _, t in chunks(line)]
    if key and any(normal(t) == normal(key) for t in found):
        return True
    known = {normal(k): v for k, v in mapping.items()}
    return len(found) >= 2 and any(field_of(t, known) in TEXT_FIELDS for t in found)


def recurring(text: str) -> set[str]:
    """Lines found at the top of more than one page, or at the foot of more than one (form
    feeds part the pages); a cell's last word at one page's foot and the next page's top
    ("Carried" / "forward") is not furniture."""
    pages = [[ln.strip() for ln in page.split("\n") if ln.strip()] for page in text.split("\f")]
    if len(pages) < 2:
        return set()
    tops: Counter[str] = Counter()
    feet: Counter[str] = Counter()
    for page in pages:
        tops.update(set(page[:EDGE_LINES]))
        feet.update(set(page[-EDGE_LINES:]))
    return {line for line, count in (tops + feet).items() if tops[line] > 1 or feet[line] > 1}
