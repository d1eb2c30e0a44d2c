"""The audit trail with decisions' follow-ups closed (``decision follow-up done``).

A ``FollowUpClosed`` is kept under its decision's ref (``seb@2019-06-12/D1``) as a row of
kind ``follow_up_closed``, so ``due`` can tell an open follow-up from a closed one.
"""

from __future__ import annotations

from typing import Any

from projections.audit_trail import AuditTrail
from projections.view import Writer

CLOSED = "follow_up_closed"


class Trail(AuditTrail):
    """Every event by subject, follow-ups closed included; the same view, same name."""

    name = "audit_trail"

    def on_FollowUpClosed(self, w: Writer, e: Any, position: int) -> None:
        self.entry(w, e, position, suffix=f"/D{e.number}")
        w.run("UPDATE gl_trail SET kind=? WHERE position=?", CLOSED, position)

    def closed_follow_ups(self, board: str) -> dict[str, str]:
        """Decision ref → the day its follow-up was closed (closings voided since aside)."""
        rows = self.rows(
            "SELECT ref, effective_on FROM gl_trail WHERE board=? AND kind=? AND voided=0 "
            "ORDER BY position",
            [board, CLOSED],
        )
        return {r["ref"]: r["effective_on"] for r in rows}
