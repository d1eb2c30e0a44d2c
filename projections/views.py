"""All the panel's views of one ledger, brought up to date before each read."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ledger.errors import InvalidEntry
from projections.follow_ups import Trail
from projections.tracker import TrackerView
from projections.view import Progress, View, catch_up, scratch_factory

VIEWS: tuple[type[View], ...] = (Trail, TrackerView)


@dataclass(frozen=True)
class Status:
    name: str
    position: int
    head: int

    @property
    def behind(self) -> int:
        return max(self.head - self.position, 0)


class Views:
    """The audit trail and the tracker view of one ledger."""

    def __init__(self, ledger: Any) -> None:
        self.ledger = ledger
        self.damaged: dict[int, str] = {}  # positions whose events could not be read
        factory = scratch_factory(ledger.name) if getattr(ledger, "read_only", False) else None
        self.trail = Trail(ledger, factory)
        self.tracker = TrackerView(ledger, factory)

    @property
    def all(self) -> tuple[View, ...]:
        return (self.trail, self.tracker)

    def named(self, name: str | None) -> tuple[View, ...]:
        if name is None:
            return self.all
        found = tuple(v for v in self.all if v.name == name)
        if not found:
            names = ", ".join(v.name for v in self.all)
            raise InvalidEntry(f"no view named {name!r}; the views are: {names}")
        return found

    def catch_up(self, progress: Progress | None = None) -> int:
        """Bring every view level with the log; cheap when nothing is new."""
        return catch_up(self.ledger, *self.all, progress=progress, damaged=self.damaged)

    def status(self) -> list[Status]:
        head = self.ledger.recorder.max_notification_id() or 0
        return [Status(v.name, v.position(), head) for v in self.all]

    def rebuild(self, name: str | None = None, progress: Progress | None = None) -> int:
        """Drop and replay one view (or all) from the first event: in batches of rows made
        from the raw events (``projections.rebuild``); carried on event by event when another
        reader moved a view meanwhile. Read indexes missing at the end (a replay cut short)
        are built again."""
        from projections.rebuild import rebuild
        from projections.view import Writer

        chosen = self.named(name)
        try:
            done, level = rebuild(self.ledger, chosen, progress, self.damaged)
            if not level:
                done += catch_up(self.ledger, *chosen, progress=progress, damaged=self.damaged)
            return done
        finally:
            with chosen[0].writing(also=chosen[1:]) as curs:
                for view in chosen:
                    view.create_missing_indexes(Writer(view.view, curs))
