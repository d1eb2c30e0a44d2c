"""Which decisions' follow-ups are closed (``decision follow-up done``), read from the trail.

The audit trail keeps a ``FollowUpClosed`` under its decision's ref (``seb@2019-06-12/D1``)
as a row of kind ``follow_up_closed``; ``due`` and ``board history`` ask it here which
follow-ups are closed, and since when.
"""

from __future__ import annotations

from projections.audit_trail import ENTRY_KIND, AuditTrail

CLOSED = ENTRY_KIND["FollowUpClosed"]


class Trail(AuditTrail):
    """The audit trail, with what the panel's views ask of it about follow-ups; the same
    view under the same name (its rows and handlers are all ``AuditTrail``'s)."""

    name = AuditTrail.name

    def closed_follow_ups(self, board: str) -> dict[str, str]:
        """Decision ref → the day its follow-up was closed (closings voided since aside)."""
        rows = self.rows(
            "SELECT ref, effective_on FROM gl_trail WHERE board=? AND kind=? AND voided=0 "
            "ORDER BY position",
            [board, CLOSED],
        )
        return {r["ref"]: r["effective_on"] for r in rows}
