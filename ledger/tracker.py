"""A tracker: a board's action plan, whose numbered items are actions."""

from __future__ import annotations

from datetime import date

from eventsourcing.domain import Aggregate

from ledger.readers.tracker_headers import DEFAULT_HEADINGS
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

    class ColumnsRecorded(Record.Event):
        """The columns of a tracker's file, in order: each heading and the field it was read as."""

        TOPIC = "govledger:Tracker.ColumnsRecorded"
        columns: list[dict[str, str]]  # {"heading": ..., "field": ...}; field "" is extra

        def apply(self, aggregate: Tracker) -> None:
            aggregate.enter(self, "columns", columns=self.columns)

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

    def columns(self, at: date | None = None) -> list[dict[str, str]]:
        """The columns of the file the tracker was last imported from (as in effect on
        ``at``): ``heading`` as written and ``field`` as read, ``""`` for a column kept as
        the tracker's own; empty when none is recorded (or the headings were erased)."""
        found = self.live("columns", at=at)
        said = found[-1].values["columns"] if found else []
        if not all(type(c) is dict and {"heading", "field"} <= set(c) for c in said):
            return []  # erased: the text is gone, so the tracker has no layout to give back
        return [{"heading": c["heading"], "field": c["field"]} for c in said]

    def record_columns(
        self, columns: list[dict[str, str]], *, actor: str, on: date, reason: str
    ) -> bool:
        """Record the columns a file was read in, unless they are those last recorded, or
        govledger's own default layout while none is recorded (an export of a tracker never
        imported reads back as it went out); whether they were recorded."""
        held = self.columns()
        if columns == held or (not held and in_default_layout(columns)):
            return False
        self.check_exists_by(on)
        self.trigger_event(self.ColumnsRecorded, columns=columns, actor=actor, on=on, reason=reason)
        return True


def in_default_layout(columns: list[dict[str, str]]) -> bool:
    """Whether the columns are govledger's own: default headings, in the default order."""
    order = list(DEFAULT_HEADINGS)
    places = [order.index(c["field"]) if c["field"] in order else -1 for c in columns]
    return all(
        c["field"] and c["heading"] == DEFAULT_HEADINGS.get(c["field"]) for c in columns
    ) and places == sorted(set(places))
