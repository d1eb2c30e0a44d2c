"""Importing minutes: record faithfully whatever draft a minutes reader hands the ledger.

The meeting is the one given, else the one the minutes name; if the ledger does not have
it yet it is scheduled in the same transaction. Each decision keeps its parts, proposer,
seconder and vote; each minute action its owners; each report-back its words, with its
date resolved against the board's meetings in the ledger ("the next meeting", "the March
meeting") or left open ("in due course"). An entry the meeting already holds is not
recorded again, so importing the same minutes twice records nothing the second time.

A rating mentioned in the minutes is never recorded from them: rating is the clerk's
judgement, so it comes back as a suggestion with the command that would record it.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Annotated, Any

from ledger.errors import InvalidEntry, NotFound, Refused
from ledger.forms import BoardRef, Day, Text, checked
from ledger.meeting import Meeting
from ledger.record import Recorded
from ledger.refs import meeting_id
from ledger.tracker import Tracker

if TYPE_CHECKING:
    from pydantic import SkipValidation

    from ledger.readers.minutes_draft import MinutesDraft
    from ledger.sitting import Planned, Sitting

MEETING_DATE_NOTE = re.compile(
    r"\bwhen the meeting was held\b|\bmeeting(?:'s)? date\b|\bdate of the meeting\b", re.I
)


@dataclass(frozen=True)
class MinutesImported:
    """What an import of minutes found, recorded (or would record) and left to the clerk."""

    board: str
    meeting: date
    draft: MinutesDraft
    planned: list[Planned]
    suggestions: list[str]
    needs: list[str]  # what a real import would need first (a dry run on any ledger)
    notes: list[str]
    recorded: Recorded | None
    date_read: bool = False  # the meeting's date was read from the minutes, not given

    @property
    def events(self) -> list[tuple[str, Any]]:
        return [(p.ref, p.event) for p in self.planned if p.status == "new"]

    @property
    def already_recorded(self) -> int:
        return sum(p.status == "already recorded" for p in self.planned)

    @property
    def meeting_added(self) -> bool:
        """Whether the meeting is new to the ledger, scheduled with its minutes."""
        return any(p.kind == "meeting" and p.status == "new" for p in self.planned)

    @property
    def counts(self) -> dict[str, int]:
        """New entries by kind: decisions, minute actions, report-backs, and all events."""
        new = [p for p in self.planned if p.status == "new"]
        return {
            "decisions": sum(p.kind == "decision" for p in new),
            "minute_actions": sum(p.kind == "action" for p in new),
            "report_backs": sum(p.kind == "report-back" for p in new),
            "open_follow_ups": sum(p.open_follow_up for p in new),
            "events": len(new),
        }

    @property
    def unmatched(self) -> list[str]:
        """The words ("the next meeting") naming a meeting the ledger does not hold yet."""
        return list(dict.fromkeys(p.unmatched for p in self.planned if p.unmatched))


class MinutesImport:
    """The ledger's import of minutes (mixed into ``Ledger``)."""

    board: Any
    meeting_days: Any
    repository: Any
    recorder: Any
    mapper: Any
    today: Any
    store: Any

    @checked
    def import_minutes(
        self,
        board: BoardRef,
        draft: Annotated[MinutesDraft, SkipValidation],
        *,
        meeting: Day | None,
        actor: Text,
        dry_run: bool = False,
    ) -> MinutesImported:
        """Record the draft's decisions, minute actions and report-backs on the board's
        meeting, in one transaction with the meeting itself when it is new; with
        ``dry_run``, on any ledger, say what would be recorded and record nothing."""
        if not (draft.decisions or draft.actions or draft.report_backs):
            raise InvalidEntry(
                f"{draft.source}: no decisions, minute actions or report-backs were found; "
                "check that the file is the minutes of a meeting"
            )
        from ledger.sitting import Planned  # only an import of minutes plans entries

        day, notes = self.meeting_day(draft, meeting)
        needs: list[str] = []
        sitting = self.sitting(board, day, draft, actor, dry_run, needs)
        scheduled = sitting.meeting.pending_events if sitting.new else []
        planned = [Planned("", "meeting", "new", "", sitting.meeting.ref, e) for e in scheduled]
        for item in draft.items:
            planned += sitting.plan(item, draft.source)
        trackers = self.trackers_of(board)
        suggestions = [
            suggest(trackers, day, no, rating, why)
            for item in draft.items
            for no, rating, why in item.ratings
        ]
        recorded = None
        if not dry_run and any(p.status == "new" for p in planned):
            recorded = self.store(sitting.meeting, subject=sitting.meeting.ref)
        notes += reader_notes(draft, meeting)
        read = meeting is None
        return MinutesImported(
            board, day, draft, planned, suggestions, needs, notes, recorded, date_read=read
        )

    def meeting_day(self, draft: MinutesDraft, given: date | None) -> tuple[date, list[str]]:
        """The meeting minuted: the one given, else the one the minutes name."""
        day = given or draft.meeting_date
        if day is None:
            raise InvalidEntry(
                f"{draft.source} does not say when the meeting was held; give --meeting YYYY-MM-DD"
            )
        if day > self.today():
            raise Refused(
                f"the meeting on {day.isoformat()} has not taken place yet; record its "
                "decisions and actions after it"
            )
        notes = []
        if given and draft.meeting_date and given != draft.meeting_date:
            notes.append(
                f"the minutes say the meeting was held on {draft.meeting_date.isoformat()}; "
                f"recorded for {given.isoformat()}, as given"
            )
        return day, notes

    def sitting(
        self, board: str, day: date, draft: MinutesDraft, actor: str, dry_run: bool, needs: list
    ) -> Sitting:
        """The meeting to record on: the ledger's, or a new one scheduled with it. On a dry
        run a missing board, or one that took effect after the meeting, is a need, not an
        error, so that a clerk can review any minutes before setting the ledger up."""
        from ledger.sitting import Sitting

        reason = f"from the minutes, {draft.source}"
        try:
            owner = self.board(board)
            if meeting_id(board, day) in self.repository:
                found = self.repository.get(meeting_id(board, day))
                return Sitting(found, False, self.meeting_days(board), reason, actor)
            owner.check_exists_by(day)
        except NotFound as missing:
            if not dry_run:
                raise
            close = f" (did you mean {missing.suggestion}?)" if missing.suggestion else ""
            needs.append(
                f"the board {board} is not in the ledger{close}; register the board first: "
                f'govledger board add {board} "FULL NAME"'
            )
        except Refused as refused:
            if not dry_run:
                raise
            needs.append(str(refused))
        new = Meeting.schedule(board, day, draft.title, actor=actor, on=day, reason=reason)
        return Sitting(new, True, self.meeting_days(board), reason, actor)

    def trackers_of(self, board: str) -> list[str]:
        found = self.recorder.select_notifications(
            start=None, limit=10**9, topics=[Tracker.TrackerAdopted.TOPIC]
        )
        return [e.tracker for e in map(self.mapper.to_domain_event, found) if e.board == board]


def reader_notes(draft: MinutesDraft, given: date | None) -> list[str]:
    """What the reader noticed and left alone, less its notes on the meeting's date when
    the clerk named the meeting: the date is then the clerk's, and ``meeting_day`` notes
    any disagreement with the minutes itself."""
    if given is None:
        return list(draft.notes)
    return [note for note in draft.notes if not MEETING_DATE_NOTE.search(note)]


def suggest(trackers: list[str], meeting: date, number: str, rating: str, sentence: str) -> str:
    tracker = trackers[0] if len(trackers) == 1 else "TRACKER"
    return (
        f"govledger action rate {tracker}#{number} {rating} --on {meeting.isoformat()} "
        f"--reason {shlex.quote(sentence)}"
    )
