"""A meeting: a dated sitting of a board, with its decisions and minute actions."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Any

from eventsourcing.domain import Aggregate

from ledger.errors import Refused
from ledger.record import Entry, Record
from ledger.refs import meeting_id, meeting_ref


class Outcome(StrEnum):
    """How the minutes mark a decision."""

    AGREED = "agreed"
    RESOLVED = "resolved"
    NOTED = "noted"
    DEFERRED = "deferred"


class Meeting(Record):
    """A board's sitting on one date; known as ``BOARD@DATE``."""

    TOPIC = "govledger:Meeting"
    CORRECTABLE = {
        "scheduled": ("title",),
        "decision": ("item", "text", "outcome", "follow_up"),
        "minute_action": ("owner", "text", "due"),
        "completed": (),
    }
    VOIDABLE = frozenset({"decision", "minute_action", "completed"})

    class Created(Aggregate.Created, Record.Event):
        TOPIC = "govledger:Meeting.Created"

    class MeetingScheduled(Created):
        """A meeting of a board was put in the ledger (its date may lie ahead)."""

        TOPIC = "govledger:Meeting.MeetingScheduled"
        board: str
        held_on: date
        title: str

        @property
        def subject(self) -> str:
            return meeting_ref(self.board, self.held_on)

        def apply(self, aggregate: Meeting) -> None:
            aggregate.board = self.board
            aggregate.held_on = self.held_on
            aggregate.enter(self, "scheduled", title=self.title)

    class DecisionRecorded(Record.Event):
        """The board decided on an agenda item, perhaps asking to hear back later."""

        TOPIC = "govledger:Meeting.DecisionRecorded"
        number: int
        item: str
        text: str
        outcome: str
        follow_up: date | None

        def apply(self, aggregate: Meeting) -> None:
            aggregate.enter(
                self,
                "decision",
                number=self.number,
                item=self.item,
                text=self.text,
                outcome=self.outcome,
                follow_up=self.follow_up,
            )

    class MinuteActionRaised(Record.Event):
        """The minutes named someone who owes an action ("ACTION: Anita Parkin")."""

        TOPIC = "govledger:Meeting.MinuteActionRaised"
        number: int
        owner: str
        text: str
        due: date | None

        def apply(self, aggregate: Meeting) -> None:
            aggregate.enter(
                self,
                "minute_action",
                number=self.number,
                owner=self.owner,
                text=self.text,
                due=self.due,
            )

    class MinuteActionCompleted(Record.Event):
        """A minute action was reported done."""

        TOPIC = "govledger:Meeting.MinuteActionCompleted"
        number: int

        def apply(self, aggregate: Meeting) -> None:
            aggregate.enter(self, "completed", number=self.number)

    class EntryCorrected(Record.EntryCorrected):
        """A mistaken entry in a meeting's record was put right; both stay in the log."""

        TOPIC = "govledger:Meeting.EntryCorrected"

    @classmethod
    def schedule(
        cls, board: str, held_on: date, title: str, *, actor: str, on: date, reason: str
    ) -> Meeting:
        return cls._create(
            cls.MeetingScheduled,
            id=meeting_id(board, held_on),
            board=board,
            held_on=held_on,
            title=title,
            actor=actor,
            on=on,
            reason=reason,
        )

    @property
    def ref(self) -> str:
        return meeting_ref(self.board, self.held_on)

    def numbered(self, kind: str) -> dict[int, Entry]:
        return {e.values["number"]: e for e in self.entries.values() if e.kind == kind}

    def check_held_by(self, on: date) -> None:
        if on < self.held_on:
            raise Refused(
                f"{on.isoformat()} is before the meeting {self.ref} took place; "
                "date the entry on or after the meeting"
            )

    def record_decision(
        self,
        *,
        item: str,
        text: str,
        outcome: Outcome,
        follow_up: date | None,
        actor: str,
        on: date,
        reason: str,
    ) -> int:
        self.check_held_by(on)
        self.check_follow_up(follow_up)
        number = len(self.numbered("decision")) + 1
        self.trigger_event(
            self.DecisionRecorded,
            number=number,
            item=item,
            text=text,
            outcome=outcome.value,
            follow_up=follow_up,
            actor=actor,
            on=on,
            reason=reason,
        )
        return number

    def raise_action(
        self, *, owner: str, text: str, due: date | None, actor: str, on: date, reason: str
    ) -> int:
        self.check_held_by(on)
        self.check_follow_up(due)
        number = len(self.numbered("minute_action")) + 1
        self.trigger_event(
            self.MinuteActionRaised,
            number=number,
            owner=owner,
            text=text,
            due=due,
            actor=actor,
            on=on,
            reason=reason,
        )
        return number

    def complete_action(self, number: int, *, actor: str, on: date, reason: str) -> None:
        raised = self.numbered("minute_action").get(number)
        if raised is None or raised.voided:
            known = ", ".join(f"A{n}" for n in self.numbered("minute_action")) or "none"
            raise Refused(f"{self.ref} has no minute action A{number}; it has: {known}")
        self.check_held_by(on)
        if any(e.values["number"] == number for e in self.live("completed")):
            raise Refused(f"{self.ref}/A{number} is already done")
        self.trigger_event(
            self.MinuteActionCompleted, number=number, actor=actor, on=on, reason=reason
        )

    def check_follow_up(self, when: date | None) -> None:
        if when is not None and when <= self.held_on:
            raise Refused(
                f"{when.isoformat()} is not after the meeting {self.ref}; "
                "a follow-up or due date must come after the meeting"
            )

    def check_entry(self, entry: Entry, values: dict[str, Any]) -> None:
        if entry.kind == "decision":
            Outcome(values["outcome"])
            self.check_follow_up(values["follow_up"])
        if entry.kind == "minute_action":
            self.check_follow_up(values["due"])
