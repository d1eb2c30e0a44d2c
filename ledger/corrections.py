"""Corrections: a mistaken entry is put right by a new event; nothing is edited."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ledger.action import Action
from ledger.action_corrections import check_columns
from ledger.forms import Day, Reason, Text, checked
from ledger.record import Recorded

if TYPE_CHECKING:
    from ledger.corrected_values import CorrectedValues


class Corrections:
    """The ledger's recording of corrections (mixed into ``Ledger``)."""

    notification_at: Any
    recorder: Any
    mapper: Any
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
        changes = values.changes()
        if isinstance(record, Action) and "fields" in changes:
            self.check_columns(record, notification.originator_version, changes["fields"])
        record.correct(
            notification.originator_version,
            position=position,
            values=changes,
            effective=effective,
            void=void,
            actor=actor,
            on=day,
            reason=reason,
        )
        return self.store(record, subject=record.ref)

    def check_columns(self, action: Action, version: int, named: dict[str, str]) -> None:
        """A correction of an entry holding the tracker's own columns names columns the
        tracker has: those of the action, else of any action on the tracker."""
        entry = action.entries.get(version)
        if entry is None or "fields" not in entry.values:
            return  # the action's own rules say what the entry can take
        unknown = set(named) - action.columns()
        if unknown:
            check_columns(action.tracker, unknown, self.tracker_columns(action.tracker))

    def tracker_columns(self, tracker: str) -> set[str]:
        """Every column of its own any action of ``tracker`` has held, read from the log."""
        topics = [Action.ActionAdded.TOPIC, Action.FieldsRevised.TOPIC]
        found = self.recorder.select_notifications(start=None, limit=10**9, topics=topics)
        ids: set[Any] = set()
        columns: set[str] = set()
        for notification in found:
            event = self.mapper.to_domain_event(notification)
            if getattr(event, "tracker", None) == tracker:
                ids.add(event.originator_id)
            if event.originator_id in ids:
                columns.update(event.fields)
        return columns
