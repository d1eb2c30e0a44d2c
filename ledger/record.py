"""The base of every governance record: a timeline of entries that are never edited.

Each aggregate keeps every entry it was given (its effective date, who, why) and the
corrections made to it since. Current or past state is always a fold of the live
entries in effective-date order, so a late, backdated entry or a correction lands where
it belongs without rewriting anything.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, ClassVar

from eventsourcing.domain import Aggregate

from ledger.errors import InvalidEntry, Refused

# Recorded and Entry are plain classes, not dataclasses: every command that records
# imports this module, and each dataclass costs a new process ~0.3 ms to build.


class Recorded:
    """What a recording command stored: the subject's ref and the events' positions."""

    __slots__ = ("events", "positions", "subject")

    def __init__(self, subject: str, events: list[str], positions: list[int]) -> None:
        self.subject, self.events, self.positions = subject, events, positions

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Recorded):
            return NotImplemented
        return (self.subject, self.events, self.positions) == (
            other.subject,
            other.events,
            other.positions,
        )

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Recorded({self.subject!r}, {self.events!r}, {self.positions!r})"


class Entry:
    """One fact on an aggregate's timeline, as recorded and as corrected since."""

    __slots__ = (
        "actor",
        "corrections",
        "kind",
        "on",
        "reason",
        "recorded_at",
        "values",
        "version",
        "voided",
    )

    def __init__(
        self,
        version: int,
        kind: str,
        on: date,
        values: dict[str, Any],
        recorded_at: datetime,
        actor: str,
        reason: str,
        voided: bool = False,
        corrections: list[int] | None = None,
    ) -> None:
        self.version, self.kind, self.on, self.values = version, kind, on, values
        self.recorded_at, self.actor, self.reason = recorded_at, actor, reason
        self.voided = voided
        self.corrections: list[int] = [] if corrections is None else corrections


class Record(Aggregate):
    """An aggregate whose state is derived from its entries, with corrections applied."""

    CORRECTABLE: ClassVar[dict[str, tuple[str, ...]]] = {}
    VOIDABLE: ClassVar[frozenset[str]] = frozenset()

    class Event(Aggregate.Event):
        """Every fact carries who recorded it, the day it took effect and why."""

        actor: str
        on: date
        reason: str

    class EntryCorrected(Event):
        """A mistaken entry was put right by a new entry; both stay in the log."""

        corrects: int
        position: int
        values: dict[str, Any]
        effective: date | None
        void: bool

        def apply(self, aggregate: Record) -> None:
            aggregate.apply_correction(self)

    @property
    def ref(self) -> str:
        """How clerks name this thing (``seb``, ``hf-send-2019#15``); each aggregate says."""
        raise TypeError(f"{type(self).__name__} does not say how it is named")

    @property
    def since(self) -> date:
        """The day this thing took effect, as corrected."""
        return self.entries[self.INITIAL_VERSION].on

    def enter(self, event: Record.Event, kind: str, **values: Any) -> None:
        if event.originator_version == self.INITIAL_VERSION:
            self.entries: dict[int, Entry] = {}
        self.entries[event.originator_version] = Entry(
            version=event.originator_version,
            kind=kind,
            on=event.on,
            values=values,
            recorded_at=event.timestamp,
            actor=event.actor,
            reason=event.reason,
        )

    def apply_correction(self, event: Record.EntryCorrected) -> None:
        entry = self.entries[event.corrects]
        entry.values.update(event.values)
        if event.effective is not None:
            entry.on = event.effective
        entry.voided = entry.voided or event.void
        entry.corrections.append(event.originator_version)

    def live(self, *kinds: str, at: date | None = None) -> list[Entry]:
        """Entries of these kinds not voided, in effect by ``at``, in effective order."""
        found = [
            e
            for e in self.entries.values()
            if e.kind in kinds and not e.voided and (at is None or e.on <= at)
        ]
        return sorted(found, key=lambda e: (e.on, e.version))

    def check_exists_by(self, on: date) -> None:
        if on < self.since:
            raise Refused(
                f"{on.isoformat()} is before {self.ref} existed (from "
                f"{self.since.isoformat()}); date the entry on or after that day"
            )

    def check_effective(self, version: int, effective: date) -> None:
        if version != self.INITIAL_VERSION:
            self.check_exists_by(effective)
            return
        later = [e.on for e in self.entries.values() if e.version != version]
        if later and min(later) < effective:
            raise Refused(
                f"{self.ref} has entries from {min(later).isoformat()}; it cannot have "
                f"taken effect later, on {effective.isoformat()}"
            )

    def check_entry(self, entry: Entry, values: dict[str, Any]) -> None:
        """Refuse a correction that would leave the entry breaking a rule; per aggregate."""

    def correct(
        self,
        version: int,
        *,
        position: int,
        values: dict[str, Any],
        effective: date | None,
        void: bool,
        actor: str,
        on: date,
        reason: str,
    ) -> None:
        entry = self.entries.get(version)
        if entry is None:
            raise Refused(
                f"that event is a correction of {self.ref}; correct the original entry instead"
            )
        allowed = self.CORRECTABLE.get(entry.kind, ())
        wrong = sorted(set(values) - set(allowed))
        if wrong:
            can = ", ".join(allowed) or "only its date"
            raise InvalidEntry(
                f"a {entry.kind} entry has no {', '.join(wrong)} to correct; it can take: "
                f"{can}{', --effective' if allowed else ''}"
                f"{', --void' if entry.kind in self.VOIDABLE else ''}"
            )
        if void and entry.kind not in self.VOIDABLE:
            raise Refused(f"a {entry.kind} entry cannot be voided; correct its fields instead")
        if not values and effective is None and not void:
            raise InvalidEntry("say what to correct: give a new value, --effective or --void")
        if effective is not None:
            self.check_effective(version, effective)
        self.check_entry(entry, {**entry.values, **values})
        self.trigger_event(
            self.EntryCorrected,
            corrects=version,
            position=position,
            values=values,
            effective=effective,
            void=void,
            actor=actor,
            on=on,
            reason=reason,
        )
