"""The events of a meeting, each under the explicit topic it has always been stored with.

They live here rather than inside :class:`ledger.meeting.Meeting` only to keep that module
short. ``Meeting`` takes each of them into its body, where the event library makes its own
class of each (``Meeting.DecisionRecorded``) and registers the topic against that one: use
them as ``Meeting.DecisionRecorded``, never from this module. A topic must never change:
events already stored name their class by it.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from eventsourcing.domain import Aggregate

from ledger.record import Record
from ledger.refs import meeting_ref

if TYPE_CHECKING:
    from ledger.meeting import Meeting


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
    class_version = 3
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
    key_decision: bool
    call_in: dict[str, Any] | None

    @staticmethod
    def upcast_v1_v2(state: dict[str, Any]) -> None:
        """A decision recorded before parts, votes and report-back words were kept."""
        state.update(parts=[], proposer="", seconder="", vote=None, report_back="")

    @staticmethod
    def upcast_v2_v3(state: dict[str, Any]) -> None:
        """A decision recorded before key decisions and call-in were kept."""
        state.update(key_decision=False, call_in=None)

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
            key_decision=self.key_decision,
            call_in=self.call_in,
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


class DecisionCalledIn(Record.Event):
    """Scrutiny members called decision D<number> in, within its call-in period; it may
    not be implemented until scrutiny's outcome is recorded."""

    TOPIC = "govledger:Meeting.DecisionCalledIn"
    number: int
    members: list[str]

    def apply(self, aggregate: Meeting) -> None:
        aggregate.enter(self, "called_in", number=self.number, members=self.members)


class CallInConcluded(Record.Event):
    """Scrutiny concluded the call-in of D<number>: upheld, or referred back."""

    TOPIC = "govledger:Meeting.CallInConcluded"
    number: int
    outcome: str

    def apply(self, aggregate: Meeting) -> None:
        aggregate.enter(self, "call_in_outcome", number=self.number, outcome=self.outcome)


class EntryCorrected(Record.EntryCorrected):
    """A mistaken entry in a meeting's record was put right; both stay in the log."""

    TOPIC = "govledger:Meeting.EntryCorrected"


def said(heading: str, text: str) -> tuple[str, str]:
    """Two entries say the same when their words match, spacing and case aside."""
    return (" ".join(heading.split()).casefold(), " ".join(text.split()).casefold())


def whole(text: str, parts: list[str]) -> str:
    """A decision's words with its parts after them (those its text does not already hold)."""
    return " ".join([text, *(p for p in parts if p not in text)])
