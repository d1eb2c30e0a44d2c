"""Which records a filtered export keeps: a period of effective days, and the subjects of a
board (its ref, meetings and trackers) or a tracker (and its actions)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any


def within(prefixes: list[str]) -> Callable[[str], bool]:
    """A subject filter: a board (its ref, meetings and trackers) or a tracker (and actions)."""

    def matches(subject: str) -> bool:
        base = subject.split("@")[0].split("#")[0]
        return base in prefixes

    return matches


def keep(
    record: dict[str, Any],
    start: date | None,
    end: date | None,
    subject: Callable[[str], bool] | None,
) -> bool:
    """The export's filters. A gap marker (an event gone from the database), or an event
    that cannot be read, is kept only in an unfiltered export, where it shows the auditor
    the damage."""
    if record.get("missing") or not record["effective"]:  # gone, or unreadable: damage
        return start is None and end is None and subject is None
    effective = date.fromisoformat(record["effective"])
    if (start and effective < start) or (end and effective > end):
        return False
    return subject is None or subject(record["subject"])
