"""A meeting: a dated sitting of a board, with its decisions and minute actions.

``Outcome`` lives in ``ledger.outcome`` and is named here too, where it always was.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from eventsourcing.domain import Aggregate

from ledger.errors import Refused
from ledger.outcome import Outcome
from ledger.record import Entry, Record
from ledger.refs import meeting_id, meeting_ref


class Meeting(Record):
    """A board's sitting on one date; known as ``BOARD@DATE``."""

    TOPIC = "govledger:Meeting"
    CORRECTABLE = {
        "scheduled": ("title",),
        "decision": ("item", "text", "outcome", "follow_up"),
        "minute_action": ("owner", "text", "due"),
        "completed": (),
        "follow_up_closed": (),
        "vote": (),
    }
    VOIDABLE = frozenset({"decision", "minute_action", "completed", "follow_up_closed", "vote"})

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
            aggregate.first_said = {}
            aggregate.enter(self, "scheduled", title=self.title)

    class DecisionRecorded(Record.Event):
        """The board decided on an agenda item, perhaps asking to hear back later.

        ``parts`` are its lettered or numbered parts; ``vote`` how it was reached, where the
        minutes say (counts and names). ``report_back`` keeps the words of a follow-up asked
        for ("the next meeting", "in due course"); ``follow_up`` is its date where one is
        known, and None for an open follow-up that has no date yet.
        """

        TOPIC = "govledger:Meeting.DecisionRecorded"
        class_version = 2
        number: int
        item: str
        text: str
        outcome: str
        follow_up: date | None
        parts: list[str]
        proposer: str
        seconder: str
        vote: dict[str, Any] | None
        report_back: str

        @staticmethod
        def upcast_v1_v2(state: dict[str, Any]) -> None:
            """A decision recorded before parts, votes and report-back words were kept."""
            state.update(parts=[], proposer="", seconder="", vote=None, report_back="")

        def apply(self, aggregate: Meeting) -> None:
            words = whole(self.text, self.parts)
            aggregate.first_said[self.originator_version] = said(self.item, words)
            aggregate.enter(
                self,
                "decision",
                number=self.number,
                item=self.item,
                text=self.text,
                outcome=self.outcome,
                follow_up=self.follow_up,
                parts=self.parts,
                proposer=self.proposer,
                seconder=self.seconder,
                vote=self.vote,
                report_back=self.report_back,
            )

    class MinuteActionRaised(Record.Event):
        """The minutes named who owes an action ("ACTION: Anita Parkin"); several owners
        are joined with " / ". ``due_said`` keeps the minutes' words for when it is due."""

        TOPIC = "govledger:Meeting.MinuteActionRaised"
        class_version = 2
        number: int
        owner: str
        text: str
        due: date | None
        due_said: str

        @staticmethod
        def upcast_v1_v2(state: dict[str, Any]) -> None:
            """A minute action recorded before the words of its due date were kept."""
            state["due_said"] = ""

        def apply(self, aggregate: Meeting) -> None:
            aggregate.first_said[self.originator_version] = said(self.owner, self.text)
            aggregate.enter(
                self,
                "minute_action",
                number=self.number,
                owner=self.owner,
                text=self.text,
                due=self.due,
                due_said=self.due_said,
            )

    class MinuteActionCompleted(Record.Event):
        """A minute action was reported done."""

        TOPIC = "govledger:Meeting.MinuteActionCompleted"
        number: int

        def apply(self, aggregate: Meeting) -> None:
            aggregate.enter(self, "completed", number=self.number)

    class FollowUpClosed(Record.Event):
        """The update a decision's follow-up asked for was given, so the follow-up is closed."""

        TOPIC = "govledger:Meeting.FollowUpClosed"
        number: int

        def apply(self, aggregate: Meeting) -> None:
            aggregate.enter(self, "follow_up_closed", number=self.number)

    class VoteRecorded(Record.Event):
        """How decision D<number> was reached: the counts, the named votes, the result."""

        TOPIC = "govledger:Meeting.VoteRecorded"
        number: int
        vote: dict[str, Any]

        def apply(self, aggregate: Meeting) -> None:
            aggregate.enter(self, "vote", number=self.number, vote=self.vote)

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
        parts: list[str] | tuple[str, ...] = (),
        proposer: str = "",
        seconder: str = "",
        vote: dict[str, Any] | None = None,
        report_back: str = "",
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
            parts=list(parts),
            proposer=proposer,
            seconder=seconder,
            vote=vote,
            report_back=report_back,
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
        decided = self.numbered("decision").get(number)
        if decided is None or decided.voided:
            known = ", ".join(f"D{n}" for n in self.numbered("decision")) or "none"
            raise Refused(f"{self.ref} has no decision D{number}; it has: {known}")
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
        decided = self.numbered("decision").get(number)
        if decided is None or decided.voided:
            known = ", ".join(f"D{n}" for n in self.numbered("decision")) or "none"
            raise Refused(f"{self.ref} has no decision D{number}; it has: {known}")
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


def said(heading: str, text: str) -> tuple[str, str]:
    """Two entries say the same when their words match, spacing and case aside."""
    return (" ".join(heading.split()).casefold(), " ".join(text.split()).casefold())


def whole(text: str, parts: list[str]) -> str:
    """A decision's words with its parts after them (those its text does not already hold)."""
    return " ".join([text, *(p for p in parts if p not in text)])
