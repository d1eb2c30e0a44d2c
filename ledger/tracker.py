"""A tracker: a board's action plan, whose numbered items are actions."""

from __future__ import annotations

from datetime import date

from eventsourcing.domain import Aggregate

from ledger.record import Record
from ledger.refs import tracker_id


class Tracker(Record):
    """An action plan (for example a Written Statement of Action) owned by a board."""

    TOPIC = "govledger:Tracker"
    CORRECTABLE = {"adopted": ("title",)}

    class Created(Aggregate.Created, Record.Event):
        TOPIC = "govledger:Tracker.Created"

    class TrackerAdopted(Created):
        """A board adopted a tracker (action plan) under a short ref."""

        TOPIC = "govledger:Tracker.TrackerAdopted"
        tracker: str
        title: str
        board: str

        @property
        def subject(self) -> str:
            return self.tracker

        def apply(self, aggregate: Tracker) -> None:
            aggregate.tracker = self.tracker
            aggregate.board = self.board
            aggregate.enter(self, "adopted", title=self.title)

    class KeyRecorded(Record.Event):
        """The tracker's key (its legend: what each rating and KLOE means) and heading."""

        TOPIC = "govledger:Tracker.KeyRecorded"
        heading: str
        key: dict[str, dict[str, str]]

        def apply(self, aggregate: Tracker) -> None:
            aggregate.enter(self, "key", heading=self.heading, key=self.key)

    class EntryCorrected(Record.EntryCorrected):
        """A mistaken entry on a tracker was put right; both stay in the log."""

        TOPIC = "govledger:Tracker.EntryCorrected"

    @classmethod
    def adopt(
        cls, ref: str, title: str, *, board: str, actor: str, on: date, reason: str
    ) -> Tracker:
        return cls._create(
            cls.TrackerAdopted,
            id=tracker_id(ref),
            tracker=ref,
            title=title,
            board=board,
            actor=actor,
            on=on,
            reason=reason,
        )

    @property
    def ref(self) -> str:
        return self.tracker

    @property
    def title(self) -> str:
        return self.entries[self.INITIAL_VERSION].values["title"]

    @property
    def key(self) -> tuple[str, dict[str, dict[str, str]]]:
        """The latest heading and legend recorded for the tracker."""
        found = self.live("key")
        return (found[-1].values["heading"], found[-1].values["key"]) if found else ("", {})

    def record_key(
        self, heading: str, key: dict[str, dict[str, str]], *, actor: str, on: date, reason: str
    ) -> None:
        self.check_exists_by(on)
        self.trigger_event(
            self.KeyRecorded, heading=heading, key=key, actor=actor, on=on, reason=reason
        )
