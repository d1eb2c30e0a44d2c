"""Importing minutes: draft the decisions and ACTIONs they hold, and record them at once.

A rating mentioned in the minutes is never recorded from them: rating is the clerk's
judgement, so it comes back as a suggestion with the command that would record it.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ledger.forms import BoardRef, Day, Text, checked
from ledger.meeting import Meeting, Outcome
from ledger.minutes_file import DraftItem, read
from ledger.record import Recorded
from ledger.tracker import Tracker


@dataclass(frozen=True)
class MinutesDraft:
    """What the minutes hold, what was (or on a dry run would be) recorded, and the
    rating changes the clerk may want to record by hand."""

    items: list[DraftItem]
    next_meeting: date | None
    events: list[tuple[str, Any]]
    suggestions: list[str]
    recorded: Recorded | None


class MinutesImport:
    """The ledger's import of minutes (mixed into ``Ledger``)."""

    held_meeting: Any
    recorder: Any
    mapper: Any
    store: Any

    @checked
    def import_minutes(
        self, board: BoardRef, path: Text, *, meeting: Day, actor: Text, dry_run: bool = False
    ) -> MinutesDraft:
        sitting, day = self.held_meeting(board, meeting, None)
        items = read(path)
        later = self.next_meeting(board, meeting)
        reason = f"from the minutes, {Path(path).name}"
        for item in items:
            record_item(sitting, item, later, actor, day, reason)
        events = [(ref_of(sitting, e), e) for e in sitting.pending_events]
        suggestions = [
            suggest(self.trackers_of(board), board, meeting, no, rating, sentence)
            for item in items
            for no, rating, sentence in item.ratings
        ]
        recorded = None if dry_run or not events else self.store(sitting, subject=sitting.ref)
        return MinutesDraft(items, later, events, suggestions, recorded)

    def next_meeting(self, board: str, after: date) -> date | None:
        """The board's next meeting in the ledger after ``after``, if one is scheduled."""
        found = self.recorder.select_notifications(
            start=None, limit=10**9, topics=[Meeting.MeetingScheduled.TOPIC]
        )
        days = [
            e.held_on
            for e in map(self.mapper.to_domain_event, found)
            if e.board == board and e.held_on > after
        ]
        return min(days, default=None)

    def trackers_of(self, board: str) -> list[str]:
        found = self.recorder.select_notifications(
            start=None, limit=10**9, topics=[Tracker.TrackerAdopted.TOPIC]
        )
        return [e.tracker for e in map(self.mapper.to_domain_event, found) if e.board == board]


def record_item(
    sitting: Meeting, item: DraftItem, later: date | None, actor: str, day: date, reason: str
) -> None:
    for minuted in item.decisions:
        follow_up = None
        if minuted.asks_back:
            when = minuted.follow_up
            follow_up = when if when and when > sitting.held_on else later
        sitting.record_decision(
            item=item.title,
            text=minuted.text,
            outcome=Outcome(minuted.outcome),
            follow_up=follow_up,
            actor=actor,
            on=day,
            reason=reason,
        )
    for sentence, when in item.report_backs:
        follow_up = when if when and when > sitting.held_on else later
        sitting.record_decision(
            item=item.title,
            text=sentence,
            outcome=Outcome.AGREED,
            follow_up=follow_up,
            actor=actor,
            on=day,
            reason=reason,
        )
    for owner, text in item.actions:
        sitting.raise_action(
            owner=owner, text=text or item.title, due=later, actor=actor, on=day, reason=reason
        )


def ref_of(sitting: Meeting, event: Any) -> str:
    kind = {"DecisionRecorded": "D", "MinuteActionRaised": "A"}.get(type(event).__name__, "")
    return f"{sitting.ref}/{kind}{event.number}" if kind else sitting.ref


def suggest(
    trackers: list[str], board: str, meeting: date, number: str, rating: str, sentence: str
) -> str:
    tracker = trackers[0] if len(trackers) == 1 else "TRACKER"
    return (
        f"govledger action rate {tracker}#{number} {rating} --on {meeting.isoformat()} "
        f"--reason {shlex.quote(sentence)}"
    )
