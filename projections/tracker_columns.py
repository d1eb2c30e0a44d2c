"""Which columns a tracker's export has: the layout its file was imported in, and the
tracker's own columns in the order its files gave them.

A layout names each column's heading and the field the import read it as (``""`` for a
column kept as the tracker's own). The export writes those columns first, in that order;
a field the ledger holds words for that no column of the layout carries (an action line's
health text typed at the terminal, a rating given to a tracker whose file had none) comes
after them, under a header the import reads as that field, and so do the tracker's own
columns that an earlier file had and the last one did not: nothing the ledger holds is
left out of the sheet. An ID the layout lacks is not added (its items are matched by their
text, as they were imported), nor a theme (written as section rows, as the file had them).
"""

from __future__ import annotations

from typing import Any

from ledger.readers.tracker_headers import field_of, normal
from projections.tracker import ActionState
from projections.tracker_export import HEADERS, Column, cells_of


def layout_columns(
    layout: list[dict[str, str]],
    actions: list[ActionState],
    own: list[str],
    earlier: dict[str, str] | None = None,
) -> list[Column]:
    """The layout's columns, then those of the fields and own columns it lacks; a field's
    header is the one an earlier file gave it (``earlier``) where the import reads it so."""
    columns = [
        Column(c["heading"], c["field"]) if c["field"] else Column(c["heading"], c["heading"], True)
        for c in layout
    ]
    carried = {c.field for c in columns if not c.own}
    headed = {c.header for c in columns}
    filled = {
        name
        for a in actions
        for line in range(1, len(a.lines) + 1)
        for name, value in cells_of(a, line).items()
        if value
    }
    rest = [name for name in own if name not in headed]
    taken = {normal(name) for name in [*headed, *rest]}
    not_added = {"id", *(["theme"] if in_sections(actions) else [])}
    for name, defaults in HEADERS.items():
        if name in filled and name not in carried and name not in not_added:
            said = (earlier or {}).get(name, "")
            headers = (said, *defaults) if said and field_of(said, {}) == name else defaults
            header = next(
                (h for h in headers if normal(h) not in taken), f"{headers[0]} (govledger)"
            )
            taken.add(normal(header))
            columns.append(Column(header, name))
    return [*columns, *(Column(name, name, own=True) for name in rest)]


def earlier_headings(plan: Any, at: Any) -> dict[str, str]:
    """Each field's heading in the files the tracker was imported from, the latest last."""
    found: dict[str, str] = {}
    for entry in plan.live("columns", at=at):
        for column in entry.values["columns"]:
            if type(column) is dict and column.get("field"):
                found[column["field"]] = column["heading"]
    return found


def in_sections(actions: list[ActionState]) -> bool:
    """Whether the actions' themes can be written as section rows over them: none left
    without a theme after one with a theme (a section rules every row under it)."""
    themes = [a.details.get("theme", "") for a in actions]
    first = next((n for n, theme in enumerate(themes) if theme), len(themes))
    return all(themes[first:])


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
