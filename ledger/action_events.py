"""The events of an action, each under the explicit topic it has always been stored with.

They live here rather than inside :class:`ledger.action.Action` only to keep that module
short. Each derives from :class:`Event`, which ``Action`` takes as its own base event, so
the event library uses these very classes as ``Action.RatingChanged`` and so on rather
than building a second class of each (which cost a new process ~10 ms). A topic must
never change: events already stored name their class by it (tests/test_topics.py), and
the fields' order is the stored JSON's (tests/test_action_events_stored.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from eventsourcing.domain import Aggregate

from ledger.record import Record

if TYPE_CHECKING:
    from ledger.action import Action


class Event(Record.Event):
    """Every event of an action: ``Action.Event``."""


class Created(Aggregate.Created, Event):
    TOPIC = "govledger:Action.Created"


class ActionAdded(Created):
    """An action (with its first action line) was put on a tracker.

    Version 2 keeps what trackers other than the seed's carry: the action's own text,
    its progress update, and the tracker's columns of its own (``fields``).
    """

    TOPIC = "govledger:Action.ActionAdded"
    class_version = 2
    tracker: str
    number: str
    issue: str
    kloe: list[int]
    theme: str
    health: str
    la: str
    owners: list[str]
    timescale: str
    action: str
    update: str
    fields: dict[str, str]

    @staticmethod
    def upcast_v1_v2(state: dict[str, Any]) -> None:
        """An action added before action text, updates and extra fields were kept."""
        state.update(action="", update="", fields={})

    @property
    def subject(self) -> str:
        return f"{self.tracker}#{self.number}"

    def apply(self, aggregate: Action) -> None:
        aggregate.tracker = self.tracker
        aggregate.number = self.number
        aggregate.enter(
            self,
            "added",
            issue=self.issue,
            kloe=list(self.kloe),
            theme=self.theme,
            health=self.health,
            la=self.la,
            owners=list(self.owners),
            timescale=self.timescale,
            action=self.action,
            update=self.update,
            fields=dict(self.fields),
        )


class ActionLineAdded(Event):
    """A further action line (its own text, owners and timescale) was added."""

    TOPIC = "govledger:Action.ActionLineAdded"
    health: str
    la: str
    owners: list[str]
    timescale: str

    def apply(self, aggregate: Action) -> None:
        aggregate.enter(
            self,
            "line",
            health=self.health,
            la=self.la,
            owners=list(self.owners),
            timescale=self.timescale,
        )


class RatingChanged(Event):
    """The action's RAGB rating was changed, with evidence where it was completed."""

    TOPIC = "govledger:Action.RatingChanged"
    rating: str
    previous: str | None
    evidence: str

    def apply(self, aggregate: Action) -> None:
        aggregate.enter(self, "rating", rating=self.rating, evidence=self.evidence)


class ActionReopened(Event):
    """A completed (blue) action was reopened with a new rating."""

    TOPIC = "govledger:Action.ActionReopened"
    rating: str

    def apply(self, aggregate: Action) -> None:
        aggregate.enter(self, "reopen", rating=self.rating)


class OwnerReassigned(Event):
    """An action line passed to other owners."""

    TOPIC = "govledger:Action.OwnerReassigned"
    line: int
    owners: list[str]
    previous: list[str]

    def apply(self, aggregate: Action) -> None:
        aggregate.enter(self, "reassign", line=self.line, owners=list(self.owners))


class TimescaleRevised(Event):
    """An action line was given a new timescale."""

    TOPIC = "govledger:Action.TimescaleRevised"
    line: int
    timescale: str
    previous: str

    def apply(self, aggregate: Action) -> None:
        aggregate.enter(self, "retime", line=self.line, timescale=self.timescale)


class NoteAdded(Event):
    """A progress note was added to the action."""

    TOPIC = "govledger:Action.NoteAdded"
    text: str

    def apply(self, aggregate: Action) -> None:
        aggregate.enter(self, "note", text=self.text)


class FieldsRevised(Event):
    """The tracker's own columns for the action (a cost, a target, a status) changed;
    ``fields`` holds all of them as they now stand, ``previous`` as they stood."""

    TOPIC = "govledger:Action.FieldsRevised"
    fields: dict[str, str]
    previous: dict[str, str]

    def apply(self, aggregate: Action) -> None:
        aggregate.enter(self, "fields", fields=dict(self.fields))


class EntryCorrected(Record.EntryCorrected, Event):
    """A mistaken entry on an action was put right; both stay in the log."""

    TOPIC = "govledger:Action.EntryCorrected"
