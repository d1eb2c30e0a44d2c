"""A table as lines of text, for a web page's tables and a Word file's alike.

A row of short cells is data (an action table: action, owner, due): one line, cells joined
by a TAB, so the owner stays at the right of its action and a parser can split the columns.
A row with a cell of several paragraphs is layout (ModernGov puts each minuted item in a row:
its number in one cell, everything minuted in the next): its cells come out as paragraphs,
a one-line cell joined by a TAB to its neighbour's line (``4.<TAB>Pothole repairs``).
"""

from __future__ import annotations

Paragraph = list[str]  # its lines
Cell = list[Paragraph]

JOINED_LINES = 2  # a cell of one paragraph with up to this many lines reads as one line


def table_paragraphs(rows: list[list[Cell]]) -> list[Paragraph]:
    """Rows of cells as paragraphs: a run of data rows is one paragraph, a line each; a
    layout row gives its cells' paragraphs."""
    out: list[Paragraph] = []
    run: Paragraph = []
    for row in rows:
        line = _one_line(row)
        if line is not None:
            if line.strip():
                run.append(line)
            continue
        if run:
            out.append(run)
            run = []
        out.extend(_layout_row(row))
    if run:
        out.append(run)
    return out


def _cell_line(cell: Cell) -> str | None:
    """The cell as one line, or None when it holds more than a line's worth."""
    if not cell:
        return ""
    if len(cell) == 1 and len(cell[0]) <= JOINED_LINES:
        return " ".join(cell[0])
    return None


def _one_line(row: list[Cell]) -> str | None:
    cells = [_cell_line(cell) for cell in row]
    if any(c is None for c in cells):
        return None
    return "\t".join(c for c in cells if c is not None).rstrip("\t")


def _layout_row(row: list[Cell]) -> list[Paragraph]:
    """Each cell's paragraphs in turn; one-line cells join the line before or after them."""
    out: list[Paragraph] = []
    pending: list[str] = []  # one-line cells waiting for a paragraph's first line
    for cell in row:
        line = _cell_line(cell)
        if line == "":
            continue
        if line is not None:
            pending.append(line)
            continue
        paragraphs = [list(p) for p in cell]
        if pending and out:  # after a block: they close its last line
            out[-1][-1] = "\t".join([out[-1][-1], *pending[:-1]])
            pending = pending[-1:]  # the last one leads this block
        if pending:
            paragraphs[0][0] = "\t".join([*pending, paragraphs[0][0]])
            pending = []
        out.extend(paragraphs)
    if pending:
        if out:
            out[-1][-1] = "\t".join([out[-1][-1], *pending])
        else:
            out.append(["\t".join(pending)])
    return out
