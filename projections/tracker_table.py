"""The tracker table the seeds show (No., KLOE, Theme, Issue, Action Health, Action LA,
Who, Timescale, RAGB), with what other trackers carry beside it (an action's own text, its
latest update, the tracker's own columns), now or as it stood, with the panel's filters."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from ledger.errors import InvalidEntry
from projections.tracker import LATEST, ActionState
from projections.views import Views

COLUMNS = (
    "tracker",
    "no",
    "line",
    "kloe",
    "theme",
    "issue",
    "action",
    "health",
    "la",
    "who",
    "timescale",
    "ragb",
    "rated_on",
    "update",
    "fields",
)


@dataclass(frozen=True)
class Filters:
    """What the panel narrowed the table to; empty means everything."""

    rag: frozenset[str] = frozenset()
    kloe: int | None = None
    owner: str = ""
    stale_days: int | None = None

    def keeps(self, action: ActionState, today: date) -> bool:
        if self.rag and (action.rating or "unrated") not in self.rag:
            return False
        if self.kloe is not None and self.kloe not in action.details.get("kloe", []):
            return False
        wanted = self.owner.casefold()
        if wanted and not any(wanted in o.casefold() for ln in action.lines for o in ln["owners"]):
            return False
        if self.stale_days is not None and action.rated_on is not None:
            return date.fromisoformat(action.rated_on) < today - timedelta(days=self.stale_days)
        return True


def known_bound(text: str | None) -> str:
    """``--known``: a date means by the end of that day (UTC); an ISO time means then."""
    if not text:
        return LATEST
    try:
        if len(text) == 10:
            return date.fromisoformat(text).isoformat() + "T23:59:59.999999Z"
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise InvalidEntry(
            f"--known {text!r} is not a date or an ISO 8601 time; write e.g. 2019-06-12 or "
            "2019-06-12T17:30:00+01:00"
        ) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def table(
    views: Views, trackers: list[str], at: date, known: str, filters: Filters, today: date
) -> list[dict[str, Any]]:
    """One row per action line; an action's own cells are repeated on each of its lines."""
    rows = []
    for tracker in trackers:
        for action in views.tracker.state(tracker, at, known):
            if filters.keeps(action, today):
                rows.extend(action_rows(tracker, action))
    return rows


def action_rows(tracker: str, action: ActionState) -> list[dict[str, Any]]:
    details = action.details
    own = {
        "tracker": tracker,
        "no": action.number,
        "kloe": " & ".join(str(k) for k in details.get("kloe", [])),
        "theme": details.get("theme", ""),
        "issue": details.get("issue", ""),
        "action": details.get("action", ""),
        "ragb": action.rating or "",
        "rated_on": action.rated_on or "",
        "update": action.update,
        "fields": action.fields,
    }
    return [
        {
            **own,
            "line": n,
            "health": line["health"],
            "la": line["la"],
            "who": line["owners"],
            "timescale": line["timescale"],
        }
        for n, line in enumerate(action.lines, start=1)
    ]
