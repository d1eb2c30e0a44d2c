"""What moved on a tracker between two dates: the panel's "what changed since we met?"."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any

from projections.history import Stories, said
from projections.tracker import LATEST
from projections.views import Views

RANK = {None: 0, "red": 1, "amber": 2, "green": 3, "blue": 4}
COLUMNS = ("effective", "ref", "change", "from", "to", "reason", "actor", "position")
COUNT_COLUMNS = ("rating", "before", "after")
MOVES = ("added", "rating", "reopen", "reassign", "retime", "fields")


@dataclass(frozen=True)
class Movement:
    changes: list[dict[str, Any]]
    counts: list[dict[str, Any]]


def movement(views: Views, tracker: str, start: date, end: date, known: str = LATEST) -> Movement:
    """Every change effective after ``start`` up to ``end`` and recorded by ``known``, and
    the ratings either side."""
    rows: list[dict[str, Any]] = []
    window = [
        r
        for r in views.trail.of_tracker(tracker, start, end)
        if not r["voided"] and r["kind"] in MOVES and r["recorded_at"] <= known
    ]
    stories = Stories(views.trail, window, end)
    for row in window:
        moved = stories.change(row)
        if row["kind"] == "fields":  # the tracker's own columns, in the story's words
            moved = {"from": "", "to": said(moved)}
        rows.append(
            {
                "effective": row["effective_on"],
                "ref": row["ref"],
                "change": word(row["kind"], moved),
                "from": moved.get("from")
                or ("" if row["kind"] in ("added", "fields") else "unrated"),
                "to": moved["to"],
                "reason": row["reason"],
                "actor": row["actor"],
                "position": row["position"],
            }
        )
    before = Counter(a.rating for a in views.tracker.state(tracker, start, known))
    after = Counter(a.rating for a in views.tracker.state(tracker, end, known))
    counts = [
        {"rating": name or "unrated", "before": before[name], "after": after[name]} for name in RANK
    ]
    return Movement(rows, counts)


def word(kind: str, moved: dict[str, Any]) -> str:
    """What kind of change a row is: ``new`` (an action added), ``new: red`` (its first
    rating), ``rating up`` or ``rating down``, ``rating confirmed`` (the same again),
    ``completed``, ``reopened``, ..."""
    if kind == "added":
        return "new"
    if kind == "reassign":
        return "reassigned"
    if kind == "retime":
        return "retimed"
    if kind == "fields":
        return "revised"
    if moved["to"] == "blue":
        return "completed"
    if kind == "reopen":
        return "reopened"
    if not moved.get("from"):  # a first rating moves nothing up or down
        return f"new: {moved['to']}"
    if moved["to"] == moved["from"]:  # rated again, the same: reviewed, not moved
        return "rating confirmed"
    return "rating up" if RANK[moved["to"]] > RANK[moved.get("from")] else "rating down"
