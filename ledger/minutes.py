"""What a clerk records from the minutes: boards, meetings, decisions, minute actions."""

from __future__ import annotations

from datetime import date
from typing import Any

from ledger.board import Board
from ledger.errors import Refused
from ledger.forms import BoardRef, Day, OutcomeName, Reason, Text, checked
from ledger.meeting import Meeting, Outcome
from ledger.record import Recorded
from ledger.refs import ItemRef
from ledger.votes import tallied


class Minutes:
    """The ledger's recording of boards and their meetings (mixed into ``Ledger``)."""

    board: Any
    meeting: Any
    recorder: Any
    mapper: Any
    effective: Any
    today: Any
    save_new: Any
    store: Any

    @checked
    def register_board(
        self, ref: BoardRef, name: Text, *, actor: Text, on: Day | None = None, reason: str = ""
    ) -> Recorded:
        """Register a board; without ``on`` its start is unknown, so earlier meetings and
        minutes may still be recorded (with ``on``, nothing before that day)."""
        board = Board.register(
            ref,
            name,
            actor=actor,
            on=self.effective(on),
            reason=reason,
            start_known=on is not None,
        )
        return self.save_new(board)

    @checked
    def schedule_meeting(
        self,
        board: BoardRef,
        held_on: Day,
        title: str = "",
        *,
        actor: Text,
        on: Day | None = None,
        reason: str = "",
    ) -> Recorded:
        owner = self.board(board)
        day = self.effective(on, since=owner)
        owner.check_exists_by(held_on)
        meeting = Meeting.schedule(board, held_on, title, actor=actor, on=day, reason=reason)
        return self.save_new(meeting)

    def meeting_days(self, board: str) -> list[date]:
        """The days of the board's meetings in the ledger, in order."""
        found = self.recorder.select_notifications(
            start=None, limit=10**9, topics=[Meeting.MeetingScheduled.TOPIC]
        )
        events = map(self.mapper.to_domain_event, found)
        return sorted(e.held_on for e in events if e.board == board)

    def held_meeting(self, board: str, held_on: date, on: date | None) -> tuple[Meeting, date]:
        """A meeting that has taken place, and the entry's day (the meeting's by default)."""
        meeting = self.meeting(board, held_on)
        if held_on > self.today():
            raise Refused(
                f"the meeting {meeting.ref} has not taken place yet; record its decisions "
                "and actions after it"
            )
        return meeting, self.effective(on or held_on)

    @checked
    def record_decision(
        self,
        board: BoardRef,
        meeting: Day,
        *,
        item: Text,
        text: Text,
        outcome: OutcomeName = Outcome.AGREED,
        follow_up: Day | None = None,
        report_back: str = "",
        actor: Text,
        on: Day | None = None,
        reason: str = "",
    ) -> Recorded:
        """Record a decision; ``report_back`` keeps the words of a follow-up asked for,
        with ``follow_up`` its date, or without one an open follow-up ("in due course")."""
        sitting, day = self.held_meeting(board, meeting, on)
        number = sitting.record_decision(
            item=item,
            text=text,
            outcome=outcome,
            follow_up=follow_up,
            report_back=report_back.strip(),
            actor=actor,
            on=day,
            reason=reason,
        )
        return self.store(sitting, subject=f"{sitting.ref}/D{number}")

    @checked
    def raise_minute_action(
        self,
        board: BoardRef,
        meeting: Day,
        *,
        owner: Text,
        text: Text,
        due: Day | None = None,
        actor: Text,
        on: Day | None = None,
        reason: str = "",
    ) -> Recorded:
        sitting, day = self.held_meeting(board, meeting, on)
        number = sitting.raise_action(
            owner=owner, text=text, due=due, actor=actor, on=day, reason=reason
        )
        return self.store(sitting, subject=f"{sitting.ref}/A{number}")

    @checked
    def complete_minute_action(
        self, ref: str, *, actor: Text, on: Day | None = None, reason: str = ""
    ) -> Recorded:
        item = ItemRef.parse(ref, "A")
        sitting = self.meeting(item.board, item.held_on)
        sitting.complete_action(item.number, actor=actor, on=self.effective(on), reason=reason)
        return self.store(sitting, subject=str(item))

    @checked
    def close_follow_up(
        self, ref: str, *, actor: Text, on: Day | None = None, reason: Reason
    ) -> Recorded:
        """Close the follow-up decision ``ref`` (``BOARD@DATE/D<n>``) asked for, saying why."""
        item = ItemRef.parse(ref, "D")
        sitting = self.meeting(item.board, item.held_on)
        sitting.close_follow_up(item.number, actor=actor, on=self.effective(on), reason=reason)
        return self.store(sitting, subject=str(item))

    @checked
    def record_vote(
        self,
        ref: str,
        *,
        counts: dict[str, int | None],
        members: list[tuple[str, str]],
        result: str | None = None,
        actor: Text,
        on: Day | None = None,
        reason: str = "",
    ) -> Recorded:
        """Record how decision ``ref`` (``BOARD@DATE/D<n>``) was reached."""
        item = ItemRef.parse(ref, "D")
        sitting = self.meeting(item.board, item.held_on)
        vote = tallied(counts, members, result)
        day = self.effective(on) if on is not None else item.held_on
        sitting.record_vote(item.number, vote, actor=actor, on=day, reason=reason)
        return self.store(sitting, subject=str(item))
