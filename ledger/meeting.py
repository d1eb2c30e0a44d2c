"""A meeting: a dated sitting of a board, with its decisions and minute actions.

Its events are in ``ledger.meeting_events``, the rules of calling its decisions in in
``ledger.call_in``. ``Outcome`` lives in ``ledger.outcome`` and is named here too, where it
always was, as are ``said`` and ``whole``.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ledger import meeting_events as events
from ledger.call_in import CallIns, Window
from ledger.errors import Refused
from ledger.meeting_events import said, whole
from ledger.outcome import Outcome
from ledger.record import Entry, Record
from ledger.refs import meeting_id, meeting_ref

__all__ = ["Meeting", "Outcome", "said", "whole"]


class Meeting(CallIns, Record):
    """A board's sitting on one date; known as ``BOARD@DATE``."""

    TOPIC = "govledger:Meeting"
    CORRECTABLE = {
        "scheduled": ("title",),
        "decision": ("item", "text", "outcome", "follow_up"),
        "minute_action": ("owner", "text", "due"),
        "completed": (),
        "follow_up_closed": (),
        "vote": (),
        "called_in": (),
        "call_in_outcome": (),
    }
    VOIDABLE = frozenset(
        {
            "decision",
            "minute_action",
            "completed",
            "follow_up_closed",
            "vote",
            "called_in",
            "call_in_outcome",
        }
    )

    # The events, each under its stable topic (see ledger.meeting_events).
    Created = events.Created
    MeetingScheduled = events.MeetingScheduled
    DecisionRecorded = events.DecisionRecorded
    MinuteActionRaised = events.MinuteActionRaised
    MinuteActionCompleted = events.MinuteActionCompleted
    FollowUpClosed = events.FollowUpClosed
    VoteRecorded = events.VoteRecorded
    DecisionCalledIn = events.DecisionCalledIn
    CallInConcluded = events.CallInConcluded
    EntryCorrected = events.EntryCorrected

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
        parts: list[str] | tuple[str, ...] = (),
        proposer: str = "",
        seconder: str = "",
        vote: dict[str, Any] | None = None,
        report_back: str = "",
        key_decision: bool = False,
        call_in: Window | None = None,
    ) -> int:
        """Record a decision; a key decision, or one subject to call-in, with its period."""
        self.check_held_by(on)
        self.check_follow_up(follow_up)
        if call_in is not None:
            self.check_held_by(call_in.published)
        number = len(self.numbered("decision")) + 1
        self.trigger_event(
            self.DecisionRecorded,
            number=number,
            item=item,
            text=text,
            outcome=outcome.value,
            follow_up=follow_up,
            parts=list(parts),
            proposer=proposer,
            seconder=seconder,
            vote=vote,
            report_back=report_back,
            key_decision=key_decision,
            call_in=call_in.stored() if call_in else None,
            actor=actor,
            on=on,
            reason=reason,
        )
        return number

    def raise_action(
        self,
        *,
        owner: str,
        text: str,
        due: date | None,
        actor: str,
        on: date,
        reason: str,
        due_said: str = "",
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
            due_said=due_said,
            actor=actor,
            on=on,
            reason=reason,
        )
        return number

    def minuted(self, kind: str) -> list[set[tuple[str, str]]]:
        """For each decision (or minute action) of the meeting, voided ones too, what it
        said when recorded and what it says as corrected: (item, words) or (owner, text),
        spacing and case aside. Minutes imported again are recognised by these."""
        field = "item" if kind == "decision" else "owner"
        return [
            {
                self.first_said[e.version],
                said(e.values[field], whole(e.values["text"], e.values.get("parts", []))),
            }
            for e in self.entries.values()
            if e.kind == kind
        ]

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

    def close_follow_up(self, number: int, *, actor: str, on: date, reason: str) -> None:
        """Close decision D<number>'s follow-up: the update it asked for was heard."""
        decided = self.decided(number)
        if not (decided.values["follow_up"] or decided.values.get("report_back")):
            raise Refused(f"{self.ref}/D{number} asked for no follow-up; there is none to close")
        self.check_held_by(on)
        if any(e.values["number"] == number for e in self.live("follow_up_closed")):
            raise Refused(f"the follow-up of {self.ref}/D{number} is already closed")
        self.trigger_event(self.FollowUpClosed, number=number, actor=actor, on=on, reason=reason)

    def record_vote(
        self, number: int, vote: dict[str, Any], *, actor: str, on: date, reason: str
    ) -> None:
        """Record how D<number> was reached; a decision has one vote (void a wrong one)."""
        decided = self.decided(number)
        self.check_held_by(on)
        if decided.values.get("vote") or any(
            e.values["number"] == number for e in self.live("vote")
        ):
            raise Refused(
                f"{self.ref}/D{number} already has its vote; void the wrong one with "
                "govledger correct POSITION --void, then record it again"
            )
        self.trigger_event(
            self.VoteRecorded, number=number, vote=vote, actor=actor, on=on, reason=reason
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
