"""An action on a tracker: its issue, its action lines, its RAGB rating over time.

Trackers differ: the seed's has an issue and Health and LA action lines; most have one
action text, an owner, a due date, a rating and a progress update, and many have columns
of their own (a cost, a directorate, a KPI's target). An action keeps all of them: its
``action`` text and latest ``update`` beside the issue, and its own columns as ``fields``.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ledger import action_events as events
from ledger.action_corrections import ActionCorrections
from ledger.errors import InvalidEntry, Refused
from ledger.rating import Rating
from ledger.record import Record
from ledger.refs import ActionRef, Value, action_id


class ActionLine(Value):
    """One row of an action: the health and LA text, who owns it and by when."""

    __slots__ = ("health", "la", "owners", "timescale")
    health: str
    la: str
    owners: tuple[str, ...]
    timescale: str

    def __init__(self, health: str, la: str, owners: tuple[str, ...], timescale: str) -> None:
        object.__setattr__(self, "health", health)
        object.__setattr__(self, "la", la)
        object.__setattr__(self, "owners", owners)
        object.__setattr__(self, "timescale", timescale)


class Action(ActionCorrections, Record):
    """A numbered item of a tracker; one number can carry several action lines.

    What a correction of its entries may say is in :mod:`ledger.action_corrections`."""

    TOPIC = "govledger:Action"
    ADDED = ("issue", "theme", "kloe", "action", "update", "fields", "health", "la")
    CORRECTABLE = {
        "added": (*ADDED, "owners", "timescale"),
        "line": ("health", "la", "owners", "timescale"),
        "rating": ("rating", "evidence"),
        "reopen": ("rating",),
        "reassign": ("owners",),
        "retime": ("timescale",),
        "note": ("text",),
        "fields": ("fields",),
    }
    VOIDABLE = frozenset({"rating", "reopen", "reassign", "retime", "note"})

    # The events, each under its stable topic (see ledger.action_events).
    Event = events.Event
    Created = events.Created
    ActionAdded = events.ActionAdded
    ActionLineAdded = events.ActionLineAdded
    RatingChanged = events.RatingChanged
    ActionReopened = events.ActionReopened
    OwnerReassigned = events.OwnerReassigned
    TimescaleRevised = events.TimescaleRevised
    NoteAdded = events.NoteAdded
    FieldsRevised = events.FieldsRevised
    EntryCorrected = events.EntryCorrected

    @classmethod
    def add(
        cls,
        ref: ActionRef,
        *,
        issue: str,
        kloe: list[int],
        theme: str,
        line: ActionLine,
        actor: str,
        on: date,
        reason: str,
        action: str = "",
        update: str = "",
        fields: dict[str, str] | None = None,
    ) -> Action:
        return cls._create(
            cls.ActionAdded,
            id=action_id(ref),
            tracker=ref.tracker,
            number=ref.number,
            issue=issue,
            kloe=kloe,
            theme=theme,
            health=line.health,
            la=line.la,
            owners=list(line.owners),
            timescale=line.timescale,
            action=action,
            update=update,
            fields=dict(fields or {}),
            actor=actor,
            on=on,
            reason=reason,
        )

    @property
    def ref(self) -> str:
        return f"{self.tracker}#{self.number}"

    # -- what the action says at a date ------------------------------------------

    def rating(self, at: date | None = None) -> Rating | None:
        changes = self.live("rating", "reopen", at=at)
        return Rating(changes[-1].values["rating"]) if changes else None

    def details(self) -> dict[str, Any]:
        """Issue, theme, KLOE and action text as added, as corrected."""
        return dict(self.entries[self.INITIAL_VERSION].values)

    def update(self, at: date | None = None) -> str:
        """The latest progress update: the last note, else the one it was added with."""
        notes = self.live("note", at=at)
        return notes[-1].values["text"] if notes else self.details()["update"]

    def fields(self, at: date | None = None) -> dict[str, str]:
        """The tracker's own columns for the action, as they stood at ``at``."""
        revised = self.live("fields", at=at)
        return dict(revised[-1].values["fields"] if revised else self.details()["fields"])

    def lines(self, at: date | None = None) -> list[ActionLine]:
        """The action lines in order, with owners and timescales in effect at ``at``."""
        starts = sorted(
            (e for e in self.entries.values() if e.kind in ("added", "line")),
            key=lambda e: e.version,
        )
        rows = [dict(e.values) for e in starts]
        for change in self.live("reassign", "retime", at=at):
            row = rows[change.values["line"] - 1]
            row.update({k: v for k, v in change.values.items() if k != "line"})
        return [
            ActionLine(r["health"], r["la"], tuple(r["owners"]), r["timescale"])
            for r, start in zip(rows, starts, strict=True)
            if at is None or start.on <= at
        ]

    def line_at(self, number: int, on: date) -> ActionLine:
        lines = self.lines(on)
        if number > len(lines):
            raise Refused(
                f"line {number} of {self.ref} did not exist yet on {on.isoformat()}; "
                "date the change on or after the day the line was added"
            )
        return lines[number - 1]

    # -- what a clerk records ----------------------------------------------------

    def add_line(self, line: ActionLine, *, actor: str, on: date, reason: str) -> None:
        self.check_exists_by(on)
        self.trigger_event(
            self.ActionLineAdded,
            health=line.health,
            la=line.la,
            owners=list(line.owners),
            timescale=line.timescale,
            actor=actor,
            on=on,
            reason=reason,
        )

    def rate(self, rating: Rating, *, evidence: str, actor: str, on: date, reason: str) -> None:
        self.check_exists_by(on)
        current = self.rating(on)
        if current is rating:
            raise Refused(
                f"{self.ref} is already {rating.value} on {on.isoformat()}; "
                "give a different rating, or add a note instead"
            )
        self.check_evidence(rating, evidence)
        self.trigger_event(
            self.RatingChanged,
            rating=rating.value,
            previous=current.value if current else None,
            evidence=evidence,
            actor=actor,
            on=on,
            reason=reason,
        )

    def reopen(self, rating: Rating, *, actor: str, on: date, reason: str) -> None:
        self.check_exists_by(on)
        current = self.rating(on)
        if current is not Rating.BLUE:
            state = current.value if current else "unrated"
            raise Refused(
                f"{self.ref} is {state} on {on.isoformat()}, not completed (blue); "
                "only a completed action can be reopened: use govledger action rate instead"
            )
        if rating is Rating.BLUE:
            raise InvalidEntry("a reopened action cannot be blue; give red, amber or green")
        self.trigger_event(
            self.ActionReopened, rating=rating.value, actor=actor, on=on, reason=reason
        )

    def reassign(
        self, owners: list[str], *, line: int | None, actor: str, on: date, reason: str
    ) -> None:
        self.check_exists_by(on)
        number = self.line_number(line)
        previous = list(self.line_at(number, on).owners)
        if previous == owners:
            raise Refused(f"line {number} of {self.ref} is already owned by {' / '.join(owners)}")
        self.trigger_event(
            self.OwnerReassigned,
            line=number,
            owners=owners,
            previous=previous,
            actor=actor,
            on=on,
            reason=reason,
        )

    def retime(
        self, timescale: str, *, line: int | None, actor: str, on: date, reason: str
    ) -> None:
        self.check_exists_by(on)
        number = self.line_number(line)
        previous = self.line_at(number, on).timescale
        if previous == timescale:
            raise Refused(f"line {number} of {self.ref} already has timescale {timescale!r}")
        self.trigger_event(
            self.TimescaleRevised,
            line=number,
            timescale=timescale,
            previous=previous,
            actor=actor,
            on=on,
            reason=reason,
        )

    def note(self, text: str, *, actor: str, on: date, reason: str) -> None:
        self.check_exists_by(on)
        self.trigger_event(self.NoteAdded, text=text, actor=actor, on=on, reason=reason)

    def revise_fields(self, fields: dict[str, str], *, actor: str, on: date, reason: str) -> None:
        self.check_exists_by(on)
        previous = self.fields(on)
        if previous == fields:
            raise Refused(f"{self.ref} already has these fields on {on.isoformat()}")
        self.trigger_event(
            self.FieldsRevised, fields=fields, previous=previous, actor=actor, on=on, reason=reason
        )

    # -- rules -------------------------------------------------------------------

    def line_number(self, line: int | None) -> int:
        count = len(self.lines())
        if line is None:
            if count > 1:
                raise InvalidEntry(
                    f"{self.ref} has {count} action lines; say which with --line 1 to {count}"
                )
            return 1
        if not 1 <= line <= count:
            raise InvalidEntry(f"{self.ref} has no line {line}; it has lines 1 to {count}")
        return line

    @staticmethod
    def check_evidence(rating: Rating, evidence: str) -> None:
        if rating.completes and not evidence.strip():
            raise InvalidEntry(
                "a blue (completed) rating needs evidence; add --evidence TEXT saying "
                "what shows the action is complete"
            )
