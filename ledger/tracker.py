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
