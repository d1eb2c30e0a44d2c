"""What a clerk records from the minutes: boards, meetings, decisions, minute actions."""

from __future__ import annotations

from datetime import date
from typing import Any

from ledger.board import Board
from ledger.call_in import Window, days_checked, nation_named
from ledger.errors import InvalidEntry, Refused
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
        self,
        ref: BoardRef,
        name: Text,
        *,
        actor: Text,
        on: Day | None = None,
        reason: str = "",
        call_in_days: int | None = None,
        nation: str | None = None,
    ) -> Recorded:
        """Register a board; without ``on`` its start is unknown, so earlier meetings and
        minutes may still be recorded (with ``on``, nothing before that day). With
        ``call_in_days`` its constitution's call-in period is set from the same day."""
        day = self.effective(on)
        board = Board.register(
            ref, name, actor=actor, on=day, reason=reason, start_known=on is not None
        )
        if call_in_days is not None:
            board.set_call_in_period(
                days_checked(call_in_days),
                nation_named(nation) if nation else None,
                actor=actor,
                on=day,
                reason=reason,
            )
        elif nation:
            raise InvalidEntry(
                "--nation says whose bank holidays a call-in period skips; "
                "give it with --call-in-days N"
            )
        return self.save_new(board)

    @checked
    def set_call_in_period(
        self,
        board: BoardRef,
        days: int,
        *,
        nation: str | None = None,
        actor: Text,
        on: Day | None = None,
        reason: str = "",
    ) -> Recorded:
        """Set the working days the board's constitution allows for calling in its
        decisions (0: its decisions are not subject to call-in), from ``on``."""
        owner = self.board(board)
        owner.set_call_in_period(
            days_checked(days),
            nation_named(nation) if nation else None,
            actor=actor,
            on=self.effective(on, since=owner),
            reason=reason,
        )
        return self.store(owner, subject=owner.ref)

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
        key_decision: bool = False,
        call_in_days: int | None = None,
        published: Day | None = None,
        actor: Text,
        on: Day | None = None,
        reason: str = "",
    ) -> Recorded:
        """Record a decision; ``report_back`` keeps the words of a follow-up asked for,
        with ``follow_up`` its date, or without one an open follow-up ("in due course").
        A key decision is subject to call-in for the board's period, or ``call_in_days``
        (0: not subject to call-in), from ``published`` (default the day it took effect)."""
        sitting, day = self.held_meeting(board, meeting, on)
        window = self.call_in_window(
            board, key_decision, call_in_days, self.effective(published or day)
        )
        if published is not None and not key_decision and call_in_days is None:
            raise InvalidEntry(
                "--published is the day a decision subject to call-in was published; give "
                "--key-decision or --call-in-days N with it"
            )
        number = sitting.record_decision(
            item=item,
            text=text,
            outcome=outcome,
            follow_up=follow_up,
            report_back=report_back.strip(),
            key_decision=key_decision,
            call_in=window,
            actor=actor,
            on=day,
            reason=reason,
        )
        return self.store(sitting, subject=f"{sitting.ref}/D{number}")

    def call_in_window(
        self, board: str, key_decision: bool, days: int | None, published: date
    ) -> Window | None:
        """The call-in period of a decision published on ``published``: ``days`` working
        days if given, else the board's period then (for a key decision); None when it is
        not subject to call-in."""
        if days is None and not key_decision:
            return None
        owner = self.board(board)
        period = owner.call_in_period(published)
        if days is None:
            if period is None:
                raise owner.no_call_in_period(published)
            days = period[0]
        if days_checked(days) == 0:
            return None
        return Window.reckoned(published, days, period[1] if period else owner.nation)

    @checked
    def call_in_decision(
        self, ref: str, *, members: list[str], actor: Text, on: Day | None = None, reason: Reason
    ) -> Recorded:
        """Scrutiny members call decision ``ref`` in, within its call-in period, saying why."""
        named = [" ".join(m.split()) for m in members]
        if not named or not all(named):
            raise InvalidEntry("name who called it in: --by NAME, repeated for each member")
        seen: set[str] = set()
        for name in named:
            if name.casefold() in seen:
                raise InvalidEntry(f"{name} is named twice; give each member once with --by")
            seen.add(name.casefold())
        item = ItemRef.parse(ref, "D")
        sitting = self.meeting(item.board, item.held_on)
        sitting.call_in(item.number, named, actor=actor, on=self.effective(on), reason=reason)
        return self.store(sitting, subject=str(item))

    @checked
    def conclude_call_in(
        self, ref: str, *, outcome: str, actor: Text, on: Day | None = None, reason: Reason
    ) -> Recorded:
        """Record scrutiny's outcome on decision ``ref``, called in: upheld (it may be
        implemented from ``on``) or referred back to the decision-maker."""
        item = ItemRef.parse(ref, "D")
        sitting = self.meeting(item.board, item.held_on)
        sitting.conclude_call_in(
            item.number, outcome, actor=actor, on=self.effective(on), reason=reason
        )
        return self.store(sitting, subject=str(item))

    def call_in_of(self, ref: str) -> tuple[bool, Window | None]:
        """Whether decision ``ref`` is a key decision, and its call-in period if any."""
        item = ItemRef.parse(ref, "D")
        sitting = self.meeting(item.board, item.held_on)
        return bool(sitting.decided(item.number).values.get("key_decision")), sitting.window(
            item.number
        )

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
