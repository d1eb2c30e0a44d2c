"""Corrections: a mistaken entry is put right by a new event; nothing is edited."""

from __future__ import annotations

from typing import Any

from ledger.forms import CorrectedValues, Day, Reason, Text, checked
from ledger.record import Recorded


class Corrections:
    """The ledger's recording of corrections (mixed into ``Ledger``)."""

    notification_at: Any
    repository: Any
    effective: Any
    store: Any

    @checked
    def correct(
        self,
        position: int,
        values: CorrectedValues,
        *,
        effective: Day | None = None,
        void: bool = False,
        actor: Text,
        on: Day | None = None,
        reason: Reason,
    ) -> Recorded:
        """Record a correction of the entry at ``position``; the entry itself stays as it was."""
        notification = self.notification_at(position)
        record = self.repository.get(notification.originator_id)
        day = self.effective(on)
        if effective is not None:
            self.effective(effective)
        record.correct(
            notification.originator_version,
            position=position,
            values=values.changes(),
            effective=effective,
            void=void,
            actor=actor,
            on=day,
            reason=reason,
        )
        return self.store(record, subject=record.ref)
