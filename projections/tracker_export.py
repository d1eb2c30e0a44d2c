"""The tracker written back out as a sheet a council keeps, so that importing it changes nothing.

The sheet holds what ``govledger tracker import`` reads: the tracker's heading above the
table, one header row, one row per action line (an action's own cells on its first line,
each further line's health, LA, owners and timescale on a row of its own), and the
tracker's key (its legend) below, in the seed's layout (a ``KEY`` row naming the key's
sections, each term with its meaning in the next column).

The import keeps the tracker's own columns (``fields``) under their headers as written,
but not the headers of the columns it recognised ("Lead officer" read as the owner): those
are written under headers the import reads as the same fields (``No.``, ``Action``,
``Who``, ``Timescale``, ``RAGB``, ``Update``...), in the seed's order, the tracker's own
columns after them in the order the tracker had them. A header the import would read as a
field it already has is kept as the tracker's own column (a second ``Status`` beside
``RAGB``), so a column is written whenever one of the tracker's own columns is named like
it, and no header is written twice.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ledger.readers.tracker_headers import field_of, normal
from ledger.readers.tracker_legend import starts_legend
from projections.tracker import ActionState
from projections.views import Views

# Each field the sheet may carry, in the seed's order, with headers the import reads as
# that field: the first whose spelling no column of the tracker's own already has is used.
HEADERS = {
    "id": ("No.", "Ref", "ID", "Item number"),
    "kloe": ("KLOE",),
    "theme": ("Theme", "Workstream", "Area"),
    "issue": ("Issue", "Finding", "Area for development"),
    "action": ("Action", "Description", "Recommendation"),
    "health": ("Action Health", "Health action"),
    "la": ("Action LA", "LA action"),
    "who": ("Who", "Owner", "Lead officer", "Responsible"),
    "timescale": ("Timescale", "Due", "Deadline", "Target date"),
    "ragb": ("RAGB", "RAG", "BRAG", "Rating"),
    "update": ("Update", "Progress", "Latest position", "Commentary"),
}
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

    @property
    def header(self) -> list[str]:
        return [c.header for c in self.columns]

    @property
    def rating_column(self) -> int | None:
        return next(
            (i for i, c in enumerate(self.columns) if c.field == "ragb" and not c.own), None
        )

    def rows(self) -> list[list[str]]:
        """Every row, top to bottom."""
        return [*self.above, self.header, *self.body, *self.below]


def tracker_sheet(ledger: Any, views: Views, tracker: str, at: date) -> Sheet:
    """``tracker`` as it stood on ``at`` (as the ledger knows it now), laid out to be read
    back by the import; :class:`~ledger.errors.NotFound` for a tracker the ledger lacks."""
    plan = ledger.tracker(tracker)
    actions = views.tracker.state(tracker, at)
    columns = columns_for(actions, own_columns(ledger, tracker, actions))
    sheet = Sheet(tracker, at, columns, actions=len(actions))
    for action in actions:
        sheet.body.extend(action_rows(action, columns))
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
        "update": action.update,
    }


def action_rows(action: ActionState, columns: list[Column]) -> list[list[str]]:
    """The rows of one action: its first line with all its cells, then each further line."""
    rows = []
    for line in range(1, len(action.lines) + 1):
        cells = cells_of(action, line)
        row = [
            (action.fields.get(c.field, "") if line == 1 else "")
            if c.own
            else cells.get(c.field, "")
            for c in columns
        ]
        if line == 1 or any(row):
            rows.append(row)
    return rows


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


def own_columns(ledger: Any, tracker: str, actions: list[ActionState]) -> list[str]:
    """The tracker's own columns its actions hold, in the order its files gave them (the
    order the import recorded them in; the view keeps them sorted)."""
    held = [name for a in actions for name in a.fields]
    order = recorded_order(ledger, tracker)
    known = {name: n for n, name in enumerate(order)}
    names = dict.fromkeys(held)
    return sorted(names, key=lambda name: (known.get(name, len(order)), name))


def recorded_order(ledger: Any, tracker: str) -> list[str]:
    """Column names in the order the tracker's actions were recorded with them: each name
    placed after the one before it in the action that first gave it."""
    from ledger.action import Action

    topics = [Action.ActionAdded.TOPIC, Action.FieldsRevised.TOPIC]
    found = ledger.recorder.select_notifications(start=None, limit=10**9, topics=topics)
    ours: set = set()
    order: list[str] = []
    for notification in found:
        if notification.topic == Action.ActionAdded.TOPIC:
            event = ledger.mapper.to_domain_event(notification)
            if event.tracker != tracker:
                continue
            ours.add(notification.originator_id)
        elif notification.originator_id not in ours:
            continue
        else:
            event = ledger.mapper.to_domain_event(notification)
        if isinstance(event.fields, dict):
            merge(order, list(event.fields))
    return order


def merge(order: list[str], names: list[str]) -> None:
    """Put each of ``names`` not yet in ``order`` just before the next of ``names`` that
    ``order`` holds, else at the end (a column an earlier action left blank sits where
    this one has it)."""
    for n, name in enumerate(names):
        if name not in order:
            after = next((m for m in names[n + 1 :] if m in order), None)
            order.insert(order.index(after) if after is not None else len(order), name)
