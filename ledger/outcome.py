"""How the minutes mark a decision: AGREED, RESOLVED, NOTED, DEFERRED, ..."""

from __future__ import annotations

from enum import StrEnum


class Outcome(StrEnum):
    """How the minutes mark a decision; ``requested`` is a report-back the board asked for."""

    AGREED = "agreed"
    RESOLVED = "resolved"
    DECIDED = "decided"
    NOTED = "noted"
    RECEIVED = "received"
    APPROVED = "approved"
    REJECTED = "rejected"
    DEFERRED = "deferred"
    CARRIED = "carried"
    LOST = "lost"
    REQUESTED = "requested"
    APPOINTED = "appointed"
    DELEGATED = "delegated"
    RECOMMENDED = "recommended"
    ENDORSED = "endorsed"

    @classmethod
    def _missing_(cls, value: object) -> Outcome:
        words = ", ".join(o.value for o in cls)
        raise ValueError(f"unknown outcome {value!r}; use one of {words}")
