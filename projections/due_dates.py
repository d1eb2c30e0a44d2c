"""When something owed stands: overdue, due by the board's next meeting, or open; and
the tracker actions whose timescale names a day, owed like minute actions."""

from __future__ import annotations

from datetime import date
from typing import Any

from projections.timescales import due_on
from projections.views import Views


def standing(when: str, today: date, upcoming: str | None) -> str | None:
    """``overdue`` past its day; ``due`` by the next meeting (or with no meeting ahead to
    wait for); ``open`` with no day and no meeting ahead; None when due after the next
    meeting (not yet the panel's business)."""
    if when and when < today.isoformat():
        return "overdue"
    if when and upcoming and when > upcoming:
        return None
    return "due" if when or upcoming else "open"


def days_overdue(status: str, when: str, today: date) -> int | None:
    """How many days late an overdue item is; None for anything else."""
    return (today - date.fromisoformat(when)).days if status == "overdue" else None


def tracker_actions_due(
    views: Views, board: str, today: date, upcoming: str | None
) -> list[dict[str, Any]]:
    """Each line of the board's trackers whose timescale names a day, not yet completed
    (blue), as ``due`` lists it; the timescale's words kept beside the day read from them."""
    found = []
    for tracker in views.tracker.trackers(board):
        for action in views.tracker.state(tracker["ref"], today):
            if action.rating == "blue":
                continue
            for line in action.lines:
                when = due_on(line["timescale"])
                status = standing(when.isoformat(), today, upcoming) if when else None
                if when is None or status is None:
                    continue
                found.append(
                    {
                        "ref": action.ref,
                        "line": line["line"],
                        "due": when.isoformat(),
                        "status": status,
                        "days_overdue": days_overdue(status, when.isoformat(), today),
                        "kind": "tracker action",
                        "owner": " / ".join(line["owners"]),
                        "what": f"{owed(action.details, line)} (timescale: {line['timescale']})",
                    }
                )
    return found


def owed(details: dict[str, Any], line: dict[str, Any]) -> str:
    """What the line owes, in the tracker's words: its action, else the item's issue."""
    return (
        line.get("health")
        or line.get("la")
        or details.get("action")
        or details.get("issue")
        or "(no text)"
    )
