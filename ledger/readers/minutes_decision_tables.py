"""Tables of decisions laid out in columns: grant applications, planning applications,
requests, each row ending in the body's verdict ("Approved.", "Rejected.", "£2500 approved",
"Recommend approval of ...", "No objection").

Text taken from a PDF lays such a table out line by line with runs of spaces, the cells of
one row spread over many lines and often centred, so the verdict, the applicant's name and
the summary sit on different lines. The verdict column is found from where the verdicts
start; each verdict opens a decision, the words below it in that column continue it, and the
name nearest to it in the first column says whose application it was.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ledger.readers.minutes_draft import DraftDecision
from ledger.readers.minutes_items import heading
from ledger.readers.minutes_layout import Line

VERDICT = re.compile(
    r"^(?P<word>Approved|Rejected|Refused|Granted|Deferred|Declined|Supported|"
    r"Not\s+(?:approved|supported|agreed|granted)|No\s+objections?|Objection|Object|"
    r"Recommend(?:ed)?\s+(?:approval|refusal|rejection)|"
    r"£\s?[\d,]+(?:\.\d\d)?\s+(?:approved|agreed|awarded|granted))\b"
)
OUTCOMES = {
    "recommend": "recommended",
    "rejected": "rejected",
    "refused": "rejected",
    "declined": "rejected",
    "not": "rejected",
    "object": "rejected",
    "objection": "rejected",
    "deferred": "deferred",
}
HEADER = re.compile(
    r"^(?:applicant|organi[sz]ation|name|group|club|project|purpose|summary|description|amount|"
    r"requested|ref(?:erence)?|application|address|site|proposal|ward|decision|recommendation|"
    r"outcome|comments?|grant|award|item|no\.?)s?\b",
    re.IGNORECASE,
)
RIGHT = 40  # a verdict column starts this far right at least: nearer the margin is prose
SLACK = 6  # cells start this much left of the verdicts' column and still belong to it
QUIET = 40  # lines with nothing in the verdict column that end a table
LONGEST = 400  # lines one table may span, so a scan stays bounded
PROSE = 40  # a cell this long starting at the text's margin is prose, after the table


@dataclass
class Row:
    line: int
    words: list[str]
    name: str = ""


@dataclass
class Table:
    """What a scan of a table found: its decisions' rows and the names in its first column."""

    column: int
    rows: list[Row] = field(default_factory=list)
    names: list[tuple[int, int, list[str]]] = field(default_factory=list)  # first, last, words


def margin(lines: list[Line]) -> int:
    """Where the minutes' prose starts: the commonest indent of lines of eight words or more."""
    indents = Counter(line.indent for line in lines if len(line.text.split()) >= 8)
    return indents.most_common(1)[0][0] if indents else 0


def verdict_at(line: Line) -> int | None:
    """The column of a verdict cell far to the right on this line, if it has one."""
    for start, text in line.cells:
        if start >= RIGHT and VERDICT.match(text):
            return start
    return None


def decision_table(
    lines: list[Line], index: int, prose_at: int
) -> tuple[list[DraftDecision], int, int] | None:
    """The decisions of the table whose first verdict is on ``lines[index]``: with the
    number of the table's first line and the index after its last; None unless the table
    holds two verdicts or more (one "Approved." at a line's end is a sentence's)."""
    column = verdict_at(lines[index])
    if column is None:
        return None
    first = leading(lines, index, prose_at)
    table = Table(column)
    end = scan(lines, first, table, prose_at)
    if len(table.rows) < 2:
        return None
    name_rows(table)
    decisions = [decision(row) for row in table.rows]
    return decisions, lines[first].number, end


def leading(lines: list[Line], index: int, prose_at: int) -> int:
    """The index of the first line of the verdict's row: the lines just above it, back to a
    blank, that do not start at the prose's margin."""
    first = index
    while first > 0 and first > index - 8:
        above = lines[first - 1]
        if above.blank or abs(above.indent - prose_at) <= 1 or is_header(above):
            break
        first -= 1
    return first


def scan(lines: list[Line], index: int, table: Table, prose_at: int) -> int:
    """Read the table's lines into ``table`` from ``index``; the index after its end."""
    quiet = 0
    stop = min(len(lines), index + LONGEST)
    name_x = min(
        (line.cells[0][0] for line in lines[index : index + QUIET] if line.cells), default=0
    )
    while index < stop and quiet < QUIET:
        line = lines[index]
        if not line.cells:
            index, quiet = index + 1, quiet + 1
            continue
        following = next((n for n in lines[index + 1 : index + 4] if n.text), None)
        if table.rows and ends_table(line, following, prose_at):
            break
        if is_header(line):  # the header again, at the top of the next page
            index += 1
            continue
        quiet = 0 if take(line, table, name_x) else quiet + 1
        index += 1
    return index


def is_header(line: Line) -> bool:
    """A line of column names ("Applicant   Purpose   Amount   Decision")."""
    return bool(line.cells) and all(
        HEADER.match(text) and len(text.split()) <= 3 for _, text in line.cells
    )


def ends_table(line: Line, following: Line | None, prose_at: int) -> bool:
    """An item's heading, or a long cell at the prose's margin, comes after the table."""
    if heading(line, following) is not None:
        return True
    start, text = line.cells[0]
    return abs(start - prose_at) <= 1 and len(text) >= PROSE


def take(line: Line, table: Table, name_x: int) -> bool:
    """Sort one line's cells into the table; whether it had words in the verdict column."""
    said = False
    for start, text in line.cells:
        if start >= table.column - SLACK:
            said = True
            if VERDICT.match(text):
                table.rows.append(Row(line.number, [text]))
            elif table.rows:
                table.rows[-1].words.append(text)
        elif start <= name_x + 4 and start < table.column - SLACK:
            name_line(table, line.number, text)
    return said


def name_line(table: Table, number: int, text: str) -> None:
    """A first-column cell: it continues the name above it when at most one line lies between."""
    if table.names and number - table.names[-1][1] <= 2:
        first, _, words = table.names[-1]
        table.names[-1] = (first, number, [*words, text])
    else:
        table.names.append((number, number, [text]))


def name_rows(table: Table) -> None:
    """Give each row the first-column name nearest its verdict."""
    for row in table.rows:
        near = min(table.names, key=lambda name: distance(name, row.line), default=None)
        row.name = " ".join(near[2]) if near else ""


def distance(name: tuple[int, int, list[str]], line: int) -> int:
    first, last, _ = name
    return 0 if first <= line <= last else min(abs(first - line), abs(last - line))


def decision(row: Row) -> DraftDecision:
    said = " ".join(row.words)
    found = VERDICT.match(said)
    word = found["word"].split()[0].lower() if found else ""
    outcome = OUTCOMES.get(word, "approved")
    text = f"{row.name}: {said}" if row.name else said
    return DraftDecision(outcome=outcome, text=text, line=row.line)
