"""A real log beside the synthetic one: the ServiceNow incident event log in ../shared.

The mapping lives here, not in the product: each incident is an action on the tracker of
its category, its state a rating (New red; Active and Awaiting amber; Resolved green;
Closed blue, with its closing code as evidence), its assignee (or else its group) the
owner, the person who updated it the actor, and the update's day its effective date.
"""

from __future__ import annotations

import csv
import gzip
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from bench.synthetic import Shape
from ledger.action import Action, ActionLine
from ledger.board import Board
from ledger.rating import Rating
from ledger.refs import ActionRef
from ledger.tracker import Tracker

DATA = (
    Path(__file__).resolve().parents[2]
    / "shared"
    / "data"
    / "servicenow"
    / "incident_event_log.csv.gz"
)
STATES = {
    "New": Rating.RED,
    "Active": Rating.AMBER,
    "Awaiting User Info": Rating.AMBER,
    "Awaiting Problem": Rating.AMBER,
    "Awaiting Vendor": Rating.AMBER,
    "Awaiting Evidence": Rating.AMBER,
    "Resolved": Rating.GREEN,
    "Closed": Rating.BLUE,
}


def day_of(text: str) -> date:
    return datetime.strptime(text.split()[0], "%d/%m/%Y").date()


def load(ledger: Any, batch: int = 5000, after_batch: Callable[[], None] | None = None) -> Shape:
    """Record the whole log as a bulk load does (``Ledger.store_in_bulk``); returns what
    the benchmark picks from. ``after_batch()`` is called, untimed, after each batch."""
    with gzip.open(DATA, "rt", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    first = min(day_of(r["sys_updated_at"]) for r in rows)
    shape = Shape(first_day=first)
    board = Board.register("servicedesk", "Service desk", actor="import", on=first, reason="")
    trackers: dict[str, Tracker] = {}
    actions: dict[str, Action] = {}
    dirty: dict[Any, Any] = {board.id: board}
    pending = 1
    for row in rows:
        category = "cat-" + (
            row["category"].replace("Category ", "") if row["category"] != "?" else "none"
        )
        if category not in trackers:
            trackers[category] = dirty_add(
                dirty,
                Tracker.adopt(
                    category,
                    f"Incidents of {row['category']}",
                    board="servicedesk",
                    actor="import",
                    on=first,
                    reason="",
                ),
            )
            shape.trackers.append(category)
            pending += 1
        pending += record(row, category, actions, dirty, shape)
        if pending >= batch:
            shape.save_seconds += save(ledger, dirty, shape, after_batch)
            dirty, pending = {}, 0
    shape.save_seconds += save(ledger, dirty, shape, after_batch)
    shape.boards = ["servicedesk"]
    shape.last_day = max(day_of(r["sys_updated_at"]) for r in rows)
    return shape


def dirty_add(dirty: dict[Any, Any], record: Any) -> Any:
    dirty[record.id] = record
    return record


def record(
    row: dict[str, str],
    category: str,
    actions: dict[str, Action],
    dirty: dict[Any, Any],
    shape: Shape,
) -> int:
    """The events one update of an incident adds; returns how many."""
    number = row["number"].removeprefix("INC").lstrip("0") or "0"
    owner = row["assigned_to"] if row["assigned_to"] != "?" else row["assignment_group"]
    when = day_of(row["sys_updated_at"])
    who = {"actor": row["sys_updated_by"], "on": when, "reason": "incident update"}
    rating = STATES.get(row["incident_state"])
    action = actions.get(row["number"])
    added = 0
    if action is None:
        line = ActionLine(
            "",
            f"Impact {row['impact']}, urgency {row['urgency']}",
            (owner,),
            row["priority"],
        )
        action = Action.add(
            ActionRef(category, number),
            issue=f"{row['number']}: {row['subcategory']} ({row['u_symptom']})",
            kloe=[],
            theme=row["category"],
            line=line,
            **who,
        )
        actions[row["number"]] = action
        shape.actions.append(action.ref)
        added += 1
    when = max(when, action.since)
    who["on"] = when
    if rating is not None and rating is not action.rating(when):
        evidence = row["closed_code"] if rating is Rating.BLUE else ""
        action.rate(rating, evidence=evidence or "closed", **who)
        added += 1
    if (owner,) != action.line_at(1, when).owners:
        action.reassign([owner], line=1, **who)
        added += 1
    if added:
        dirty[action.id] = action
    return added


def save(
    ledger: Any, dirty: dict[Any, Any], shape: Shape, after_batch: Callable[[], None] | None
) -> float:
    if not dirty:
        return 0.0
    started = time.perf_counter()
    shape.events += len(ledger.store_in_bulk(*dirty.values(), subject="servicedesk").positions)
    seconds = time.perf_counter() - started
    if after_batch:
        after_batch()
    return seconds
