"""The tracker written back out as a sheet a council keeps, so that importing it changes nothing.

The sheet holds what ``govledger tracker import`` reads: the tracker's heading above the
table, one header row, one row per action line (an action's own cells on its first line,
each further line's health, LA, owners and timescale on a row of its own), and the
tracker's key (its legend) below, in the seed's layout (a ``KEY`` row naming the key's
sections, each term with its meaning in the next column).

The import records the columns of the file it read (the tracker's layout: each heading as
written, in order, and the field it was read as); the sheet is written in those columns,
under those headings, the tracker's own columns holding the words last imported, so that
the council gets its own sheet back and importing it again records nothing. A column the
layout lacks but the ledger holds words for (an action line's health text typed at the
terminal) comes after the layout's columns; the themes of a file that gave them as section
rows are written as section rows again.

With no layout recorded (a tracker typed at the terminal, or imported before layouts were
recorded), the recognised fields are written under headers the import reads as the same
fields (``No.``, ``Action``, ``Who``, ``Timescale``, ``RAGB``, ``Update``...), in the seed's
order, the tracker's own columns after them in the order the tracker had them. A header the
import would read as a field it already has is kept as the tracker's own column (a second
``Status`` beside ``RAGB``), so a column is written whenever one of the tracker's own
columns is named like it, and no header is written twice.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ledger.readers.tracker_draft import unheaded
from ledger.readers.tracker_headers import DEFAULT_HEADINGS, field_of, normal
from ledger.readers.tracker_legend import starts_legend
from projections.tracker import ActionState
from projections.views import Views

# Each field the sheet may carry, in the seed's order, with headers the import reads as
# that field: the first whose spelling no column of the tracker's own already has is used.
OTHER_SPELLINGS = {
    "id": ("Ref", "ID", "Item number"),
    "kloe": (),
    "theme": ("Workstream", "Area"),
    "issue": ("Finding", "Area for development"),
    "action": ("Description", "Recommendation"),
    "health": ("Health action",),
    "la": ("LA action",),
    "who": ("Owner", "Lead officer", "Responsible"),
    "timescale": ("Due", "Deadline", "Target date"),
    "ragb": ("RAG", "BRAG", "Rating"),
    "update": ("Progress", "Latest position", "Commentary"),
}
HEADERS = {name: (DEFAULT_HEADINGS[name], *OTHER_SPELLINGS[name]) for name in DEFAULT_HEADINGS}
TEXT_FIELDS = ("issue", "action")
LINE_FIELDS = ("health", "la", "who", "timescale")
RATING_WORDS = {"red": "Red", "amber": "Amber", "green": "Green", "blue": "Blue"}
KEY_WORD = "KEY"


@dataclass(frozen=True)
class Column:
    """One column of the sheet: its header, and the field it holds, or the name of the
    tracker's own column (``own``)."""

    header: str
    field: str
    own: bool = False


@dataclass
class Sheet:
    """The tracker as a sheet: title rows, header, one row per action line, legend."""

    tracker: str
    at: date
    columns: list[Column]
    above: list[list[str]] = field(default_factory=list)
    body: list[list[str]] = field(default_factory=list)
    below: list[list[str]] = field(default_factory=list)
    actions: int = 0
    fills: list[str] = field(default_factory=list)  # each body row's rating, if any
    headed: bool = True  # False for a tracker whose file had no header row

    def add(self, row: list[str], fill: str = "") -> None:
        self.body.append(row)
        self.fills.append(fill)

    @property
    def header(self) -> list[str]:
        return [c.header for c in self.columns]

    @property
    def mapped(self) -> list[str]:
        """``HEADING=FIELD`` of each column its heading alone would not be read as (read
        with ``--map``, or by what it held): what to give the import again."""
        if not self.headed:
            return []
        return [
            f"{c.header}={c.field}"
            for c in self.columns
            if not c.own and field_of(c.header, {}) != c.field
        ]

    @property
    def rating_column(self) -> int | None:
        return next(
            (i for i, c in enumerate(self.columns) if c.field == "ragb" and not c.own), None
        )

    def rows(self) -> list[list[str]]:
        """Every row, top to bottom."""
        return [*self.above, *([self.header] if self.headed else []), *self.body, *self.below]


def tracker_sheet(ledger: Any, views: Views, tracker: str, at: date) -> Sheet:
    """``tracker`` as it stood on ``at`` (as the ledger knows it now), in the columns of
    the file it was last imported from, laid out to be read back by the import;
    :class:`~ledger.errors.NotFound` for a tracker the ledger lacks."""
    from projections.tracker_columns import (
        earlier_headings,
        in_sections,
        layout_columns,
        own_columns,
    )

    plan = ledger.tracker(tracker)
    actions = views.tracker.state(tracker, at)
    own = own_columns(ledger, tracker, actions)
    layout = plan.columns(at)
    columns = (
        layout_columns(layout, actions, own, earlier_headings(plan, at))
        if layout
        else columns_for(actions, own)
    )
    sheet = Sheet(tracker, at, columns, actions=len(actions), headed=not unheaded(layout))
    sections = bool(layout) and in_sections(actions) and all(c.field != "theme" for c in columns)
    theme = ""
    for action in actions:
        if sections and action.details.get("theme", "") != theme:
            theme = action.details.get("theme", "")
            sheet.add([theme] + [""] * (len(columns) - 1))
        for n, row in enumerate(action_rows(action, columns)):
            sheet.add(row, RATING_WORDS.get(action.rating or "", "") if n == 0 else "")
    recorded = plan.live("key", at=at)
    if recorded:
        heading, key = recorded[-1].values["heading"], recorded[-1].values["key"]
        sheet.above = [[heading]] if heading else []
        sheet.below = legend_rows(key)
    return sheet


def columns_for(actions: list[ActionState], own: list[str]) -> list[Column]:
    """The fields the actions fill (an ID, a text column and the rating always), then the
    tracker's own columns; a field is written too when one of its own columns is named like it."""
    filled = {
        name
        for a in actions
        for line in range(1, len(a.lines) + 1)
        for name, value in cells_of(a, line).items()
        if value
    }
    wanted = {"id", "ragb", *filled, *(f for name in own if (f := field_of(name, {})))}
    if not wanted & set(TEXT_FIELDS):
        wanted.add("action")
    taken = {normal(name) for name in own}
    columns = []
    for name, headers in HEADERS.items():
        if name in wanted:
            header = next(
                (h for h in headers if normal(h) not in taken), f"{headers[0]} (govledger)"
            )
            taken.add(normal(header))
            columns.append(Column(header, name))
    return [*columns, *(Column(name, name, own=True) for name in own)]


def cells_of(action: ActionState, line: int) -> dict[str, str]:
    """The cells of one line of ``action`` by field: the action's own on its first line."""
    details = action.details
    said = action.lines[line - 1]
    cells = {
        "health": said.get("health", ""),
        "la": said.get("la", ""),
        "who": " / ".join(said.get("owners", [])),
        "timescale": said.get("timescale", ""),
    }
    if line > 1:
        return cells
    return {
        "id": action.number,
        "kloe": " & ".join(str(k) for k in details.get("kloe", [])),
        "theme": details.get("theme", ""),
        "issue": details.get("issue", ""),
        "action": details.get("action", ""),
        **cells,
        "ragb": RATING_WORDS.get(action.rating or "", ""),
        "rated_on": (action.rated_on or "") if action.rating else "",
        "update": action.update,
    }


def action_rows(action: ActionState, columns: list[Column]) -> list[list[str]]:
    """The rows of one action: its first line with all its cells, then each further line."""
    rows = []
    for line in range(1, len(action.lines) + 1):
        cells = cells_of(action, line)
        row = [cell(action, c, cells) if line == 1 or not c.own else "" for c in columns]
        if line == 1 or any(row):
            rows.append(row)
    return rows


def cell(action: ActionState, column: Column, cells: dict[str, str]) -> str:
    """One cell of an action's row: the tracker's own column's words; in a rating column
    the council's own word ("Complete", "Ongoing") when it was kept and still says what
    the action's rating says, else the rating."""
    if column.own:
        return action.fields.get(column.field, "")
    said = action.fields.get(column.header, "") if column.field == "ragb" else ""
    return said if said and means(said) == (action.rating or "") else cells.get(column.field, "")


def means(word: str) -> str | None:
    """The rating a kept word means ("" for none: a word of progress, Not started)."""
    from ledger.rating import is_progress, read_rating

    if is_progress(word):
        return ""
    try:
        return str(read_rating(word).rating or "")
    except ValueError:
        return None


def legend_rows(key: dict[str, dict[str, str]]) -> list[list[str]]:
    """The key below the table as the seed lays it out: ``KEY`` and each section's name,
    then each section's terms, the meaning of each in the column to its right. A key whose
    section is itself named Key (as a legend of ``Term: meaning`` lines is read) is written
    as such lines: ``Key``, its terms, then each other section's name and bulleted terms."""
    if not key:
        return []
    if any(starts_legend([name]) for name in key):
        return lines_of(key)
    sections = list(key.items())
    width = 1 + 2 * len(sections)
    top = [KEY_WORD] + [""] * (width - 1)
    for n, (name, _) in enumerate(sections):
        top[1 + 2 * n] = name
    rows = [[""], top]
    for depth in range(max(len(terms) for _, terms in sections)):
        row = [""] * width
        for n, (_, terms) in enumerate(sections):
            if depth < len(terms):
                term, meaning = list(terms.items())[depth]
                row[1 + 2 * n], row[2 + 2 * n] = term, meaning
        rows.append(row)
    return rows


def lines_of(key: dict[str, dict[str, str]]) -> list[list[str]]:
    """A key as lines of one cell each, the way such a legend is read back."""
    rows = [[""], ["Key"]]
    for name, terms in sorted(key.items(), key=lambda item: not starts_legend([item[0]])):
        bullet = "" if starts_legend([name]) else "· "
        if bullet:
            rows.append([f"{name}:"])
        rows.extend([f"{bullet}{term}: {meaning}".rstrip()] for term, meaning in terms.items())
    return rows
