"""The ledger: every governance fact a clerk records, as immutable events."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError, Application
from eventsourcing.persistence import IntegrityError, JSONTranscoder, Notification

from ledger.action import Action, ActionLine
from ledger.board import Board
from ledger.errors import AlreadyExists, ChangedMeanwhile, NotFound, Refused
from ledger.forms import (
    BoardRef,
    CorrectedValues,
    Day,
    Kloe,
    OutcomeName,
    Owners,
    RatingName,
    Reason,
    Text,
    TrackerRef,
    checked,
)
from ledger.meeting import Meeting, Outcome
from ledger.rating import Rating
from ledger.record import Record
from ledger.refs import ActionRef, ItemRef, action_id, board_id, meeting_id, meeting_ref, tracker_id
from ledger.seal import Seal
from ledger.storage import DateAsISO, locate, prepare
from ledger.tracker import Tracker

R = TypeVar("R", bound=Record)


@dataclass(frozen=True)
class Recorded:
    """What a recording command stored: the subject's ref and the events' positions."""

    subject: str
    events: list[str]
    positions: list[int]


class Ledger(Application):
    """The write side: boards, meetings, trackers and actions, each an event stream."""

    name = "Ledger"
    env = {"IS_SNAPSHOTTING_ENABLED": "y"}
    snapshotting_intervals = {Action: 50, Meeting: 50, Board: 50, Tracker: 50}

    def __init__(
        self, env: dict[str, str] | None = None, *, today: Callable[[], date] = date.today
    ) -> None:
        super().__init__(env)
        self.today = today

    def register_transcodings(self, transcoder: JSONTranscoder) -> None:
        super().register_transcodings(transcoder)
        transcoder.register(DateAsISO())

    # -- finding things by ref -----------------------------------------------------

    def board(self, ref: str) -> Board:
        return self.load(board_id(ref), Board, "board", ref, Board.BoardRegistered)

    def tracker(self, ref: str) -> Tracker:
        return self.load(tracker_id(ref), Tracker, "tracker", ref, Tracker.TrackerAdopted)

    def action(self, ref: str | ActionRef) -> Action:
        parsed = ActionRef.parse(ref) if isinstance(ref, str) else ref
        self.tracker(parsed.tracker)
        return self.load(
            action_id(parsed),
            Action,
            "action",
            str(parsed),
            Action.ActionAdded,
            within=f"{parsed.tracker}#",
        )

    def meeting(self, board: str, held_on: date) -> Meeting:
        self.board(board)
        ref = meeting_ref(board, held_on)
        hint = f"add it with: govledger meeting add {board} {held_on.isoformat()}"
        return self.load(
            meeting_id(board, held_on),
            Meeting,
            "meeting",
            ref,
            Meeting.MeetingScheduled,
            within=f"{board}@",
            hint=hint,
        )

    def load(
        self,
        id: UUID,
        cls: type[R],
        kind: str,
        ref: str,
        created: type,
        within: str = "",
        hint: str = "",
    ) -> R:
        try:
            found = self.repository.get(id)
        except AggregateNotFoundError:
            known = [r for r in self.known_refs(created) if r.startswith(within)]
            raise NotFound(kind, ref, known, hint) from None
        assert isinstance(found, cls)
        return found

    def known_refs(self, created: type) -> list[str]:
        """Refs of everything created by events of this class (used to suggest a ref)."""
        topic = created.TOPIC  # type: ignore[attr-defined]
        found = self.recorder.select_notifications(start=None, limit=10**9, topics=[topic])
        return [self.mapper.to_domain_event(n).subject for n in found]  # type: ignore[attr-defined]

    # -- recording -------------------------------------------------------------------

    def effective(self, on: date | None, *, since: Record | None = None) -> date:
        """The day an entry took effect: today by default, never ahead of today."""
        today = self.today()
        day = on or today
        if day > today:
            raise Refused(
                f"{day.isoformat()} lies in the future; the day something took effect "
                f"cannot be after today ({today.isoformat()})"
            )
        if since is not None:
            since.check_exists_by(day)
        return day

    def save_new(self, new: Record, *others: Record) -> Recorded:
        if new.id in self.repository:
            raise AlreadyExists(f"{new.ref} already exists; choose another ref")
        return self.store(new, *others, subject=new.ref)

    def store(self, *aggregates: Record, subject: str) -> Recorded:
        try:
            recordings = self.save(*aggregates)
        except IntegrityError:
            raise ChangedMeanwhile(
                f"{subject} was changed meanwhile by someone else; nothing was recorded, try again"
            ) from None
        return Recorded(
            subject=subject,
            events=[type(r.domain_event).__name__ for r in recordings],
            positions=[r.notification.id for r in recordings],
        )

    @checked
    def register_board(
        self, ref: BoardRef, name: Text, *, actor: Text, on: Day | None = None, reason: str = ""
    ) -> Recorded:
        board = Board.register(ref, name, actor=actor, on=self.effective(on), reason=reason)
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
        actor: Text,
        on: Day | None = None,
        reason: str = "",
    ) -> Recorded:
        sitting, day = self.held_meeting(board, meeting, on)
        number = sitting.record_decision(
            item=item,
            text=text,
            outcome=outcome,
            follow_up=follow_up,
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
    def adopt_tracker(
        self,
        ref: TrackerRef,
        title: Text,
        *,
        board: BoardRef,
        actor: Text,
        on: Day | None = None,
        reason: str = "",
    ) -> Recorded:
        owner = self.board(board)
        day = self.effective(on, since=owner)
        return self.save_new(
            Tracker.adopt(ref, title, board=board, actor=actor, on=day, reason=reason)
        )

    @checked
    def add_action(
        self,
        tracker: TrackerRef,
        number: str,
        *,
        issue: Text,
        kloe: Kloe = [],  # noqa: B006
        theme: str = "",
        who: list[str] | None = None,
        timescale: str = "",
        health: str = "",
        la: str = "",
        actor: Text,
        on: Day | None = None,
        reason: str = "",
    ) -> Recorded:
        if who is None:
            who = []
        plan = self.tracker(tracker)
        ref = ActionRef.parse(f"{tracker}#{number}")
        day = self.effective(on, since=plan)
        line = ActionLine(health, la, tuple(who), timescale)
        action = Action.add(
            ref, issue=issue, kloe=kloe, theme=theme, line=line, actor=actor, on=day, reason=reason
        )
        return self.save_new(action)

    def change(self, ref: str, on: date | None, apply: Callable[[Action, date], Any]) -> Recorded:
        action = self.action(ref)
        apply(action, self.effective(on, since=action))
        return self.store(action, subject=action.ref)

    @checked
    def add_action_line(
        self,
        ref: str,
        *,
        who: list[str] | None = None,
        timescale: str = "",
        health: str = "",
        la: str = "",
        actor: Text,
        on: Day | None = None,
        reason: str = "",
    ) -> Recorded:
        if who is None:
            who = []
        if not (health.strip() or la.strip()):
            raise Refused("an action line needs its text; give --health TEXT or --la TEXT")
        line = ActionLine(health, la, tuple(who), timescale)
        return self.change(ref, on, lambda a, d: a.add_line(line, actor=actor, on=d, reason=reason))

    @checked
    def rate_action(
        self,
        ref: str,
        rating: RatingName,
        *,
        evidence: str = "",
        actor: Text,
        on: Day | None = None,
        reason: Reason,
    ) -> Recorded:
        return self.change(
            ref,
            on,
            lambda a, d: a.rate(rating, evidence=evidence, actor=actor, on=d, reason=reason),
        )

    @checked
    def reopen_action(
        self,
        ref: str,
        rating: RatingName = Rating.AMBER,
        *,
        actor: Text,
        on: Day | None = None,
        reason: Reason,
    ) -> Recorded:
        return self.change(ref, on, lambda a, d: a.reopen(rating, actor=actor, on=d, reason=reason))

    @checked
    def reassign_action(
        self,
        ref: str,
        owners: Owners,
        *,
        line: int | None = None,
        actor: Text,
        on: Day | None = None,
        reason: Reason,
    ) -> Recorded:
        return self.change(
            ref, on, lambda a, d: a.reassign(owners, line=line, actor=actor, on=d, reason=reason)
        )

    @checked
    def retime_action(
        self,
        ref: str,
        timescale: Text,
        *,
        line: int | None = None,
        actor: Text,
        on: Day | None = None,
        reason: Reason,
    ) -> Recorded:
        return self.change(
            ref, on, lambda a, d: a.retime(timescale, line=line, actor=actor, on=d, reason=reason)
        )

    @checked
    def note_action(
        self, ref: str, text: Text, *, actor: Text, on: Day | None = None, reason: Reason
    ) -> Recorded:
        return self.change(ref, on, lambda a, d: a.note(text, actor=actor, on=d, reason=reason))

    # -- corrections -----------------------------------------------------------------

    def notification_at(self, position: int) -> Notification:
        found = self.recorder.select_notifications(start=position, limit=1)
        if not found or found[0].id != position:
            head = self.recorder.max_notification_id() or 0
            raise Refused(
                f"no event at position {position}; the log runs from 1 to {head} "
                "(see govledger log)"
            )
        return found[0]

    def subject_of(self, originator_id: UUID) -> str:
        """The ref of the thing an event belongs to, read from its first event."""
        first = self.recorder.select_events(originator_id, lte=Record.INITIAL_VERSION)
        if not first:
            return f"(unknown {originator_id})"
        return self.mapper.to_domain_event(first[0]).subject  # type: ignore[attr-defined]

    @checked
    def correct(
        self,
        position: int,
        values: CorrectedValues,
        *,
        effective: Day | None = None,
        void: bool = False,
        actor: Text,
        on: Day | None = None,
        reason: Reason,
    ) -> Recorded:
        """Record a correction of the entry at ``position``; the entry itself stays as it was."""
        notification = self.notification_at(position)
        record = self.repository.get(notification.originator_id)
        day = self.effective(on)
        if effective is not None:
            self.effective(effective)
        record.correct(
            notification.originator_version,
            position=position,
            values=values.changes(),
            effective=effective,
            void=void,
            actor=actor,
            on=day,
            reason=reason,
        )
        return self.store(record, subject=record.ref)

    # -- seals -----------------------------------------------------------------------

    @checked
    def seal(self, note: str = "", *, actor: Text) -> tuple[Recorded, str]:
        """Record the log's present size and root; returns the digest for the minutes."""
        frontier = self.recorder.frontier()  # type: ignore[attr-defined]
        if frontier.size == 0:
            raise Refused("the ledger is empty; there is nothing to seal yet")
        seal = Seal.record(frontier.size, frontier.root().hex(), note, actor=actor, on=self.today())
        return self.store(seal, subject=seal.ref), seal.digest


def open_ledger(
    db: str | None = None, *, create: bool = False, today: Callable[[], date] = date.today
) -> Ledger:
    """Open the ledger at ``db`` (path or PostgreSQL URL), or create it with ``create``."""
    location = locate(db)
    prepare(location, create=create)
    return Ledger(env=location.settings, today=today)
