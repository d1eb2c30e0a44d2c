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

import shlex
from dataclasses import asdict, dataclass
from datetime import date
from typing import Annotated, Any

from pydantic import SkipValidation

from ledger.errors import InvalidEntry, NotFound, Refused
from ledger.forms import BoardRef, Day, Text, checked
from ledger.meeting import Meeting, Outcome, said, whole
from ledger.minutes import meeting_named
from ledger.readers.minutes_draft import DraftItem, MinutesDraft, When
from ledger.record import Recorded
from ledger.refs import meeting_id
from ledger.tracker import Tracker

EVENT_FIELDS = ("originator_id", "originator_version", "timestamp", "originator_topic")
OPEN_FOLLOW_UP = "kept as an open follow-up"


@dataclass(frozen=True)
class Planned:
    """One entry of the draft and what becomes of it: the event it is (or on a dry run
    would be) recorded as, under its ref; or ``already recorded``; or ``not recorded``
    with the reason in ``note``."""

    item: str
    kind: str  # "meeting", "decision", "action" or "report-back"
    status: str  # "new", "already recorded" or "not recorded"
    text: str  # what the entry says, as minuted
    ref: str = ""
    event: Any = None
    note: str = ""

    def as_data(self) -> dict[str, Any]:
        """The entry as plain data: its ref, the event's name and its fields."""
        if self.event is None:
            return {"kind": self.kind, "item": self.item, "text": self.text, "note": self.note}
        fields = {k: v for k, v in vars(self.event).items() if k not in EVENT_FIELDS}
        return {
            "ref": self.ref,
            "event": type(self.event).__name__,
            "kind": self.kind,
            **{k: v.isoformat() if isinstance(v, date) else v for k, v in fields.items()},
            "note": self.note,
        }


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

    @property
    def events(self) -> list[tuple[str, Any]]:
        return [(p.ref, p.event) for p in self.planned if p.status == "new"]

    @property
    def already_recorded(self) -> int:
        return sum(p.status == "already recorded" for p in self.planned)


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
        notes += list(draft.notes)
        return MinutesImported(board, day, draft, planned, suggestions, needs, notes, recorded)

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


@dataclass
class Sitting:
    """The meeting the minutes are recorded on, what it already holds, and the board's
    meetings in the ledger (against which "the next meeting" is resolved)."""

    meeting: Meeting
    new: bool
    meetings: list[date]
    reason: str
    actor: str

    def __post_init__(self) -> None:
        self.decisions = [] if self.new else self.meeting.minuted("decision")
        self.actions = [] if self.new else self.meeting.minuted("minute_action")

    @property
    def day(self) -> date:
        return self.meeting.held_on

    def plan(self, item: DraftItem, source: str) -> list[Planned]:
        """Each decision, report-back and action of one item, recorded on the meeting
        unless the meeting already holds it."""
        heading, planned = item.heading, []
        for decision in item.decisions:
            outcome = outcome_of(decision.outcome, source, decision.line)
            text = words_of(decision.text, decision.parts, item)
            if not text:
                why = "it has no words beyond its item's title"
                planned.append(unrecorded(heading, "decision", decision.text, why))
                continue
            details = {
                "parts": list(decision.parts),
                "proposer": decision.proposer,
                "seconder": decision.seconder,
                "vote": asdict(decision.vote) if decision.vote else None,
            }
            planned.append(
                self.decide(heading, "decision", text, outcome, decision.follow_up, details)
            )
        for asked in item.report_backs:
            if not asked.what.strip():
                why = "it does not say what is to come back"
                planned.append(unrecorded(heading, "report-back", asked.when.said, why))
                continue
            requested = Outcome.REQUESTED
            planned.append(
                self.decide(heading, "report-back", asked.what, requested, asked.when, {})
            )
        for action in item.actions:
            planned.append(self.raise_action(heading, action.owners, action.text, action.due))
        return planned

    def decide(
        self,
        heading: str,
        kind: str,
        text: str,
        outcome: Outcome,
        asked: When | None,
        details: dict[str, Any],
    ) -> Planned:
        if take(self.decisions, said(heading, whole(text, details.get("parts", [])))):
            return Planned(heading, kind, "already recorded", text)
        follow_up, note = self.resolve(asked, OPEN_FOLLOW_UP)
        number = self.meeting.record_decision(
            item=heading,
            text=text,
            outcome=outcome,
            follow_up=follow_up,
            report_back=asked.said if asked else "",
            actor=self.actor,
            on=self.day,
            reason=self.reason,
            **details,
        )
        ref = f"{self.meeting.ref}/D{number}"
        return Planned(heading, kind, "new", text, ref, self.meeting.pending_events[-1], note)

    def raise_action(self, heading: str, owners: list[str], text: str, due: When | None) -> Planned:
        owner = " / ".join(o.strip() for o in owners if o.strip())
        if not owner:
            why = "it names no owner; add it with govledger minute-action add"
            return unrecorded(heading, "action", text, why)
        text = text.strip() or heading
        if take(self.actions, said(owner, text)):
            return Planned(heading, "action", "already recorded", f"{owner}: {text}")
        day, note = self.resolve(due, "kept with no due date")
        number = self.meeting.raise_action(
            owner=owner,
            text=text,
            due=day,
            due_said=due.said if due else "",
            actor=self.actor,
            on=self.day,
            reason=self.reason,
        )
        event, ref = self.meeting.pending_events[-1], f"{self.meeting.ref}/A{number}"
        return Planned(heading, "action", "new", f"{owner}: {text}", ref, event, note)

    def resolve(self, when: When | None, kept: str) -> tuple[date | None, str]:
        """The day a follow-up or action falls due; None, with a note saying why, when the
        words name no day after the meeting (and none at all for "in due course")."""
        if when is None:
            return None, ""
        day = when.day or meeting_named(when.relative, self.day, self.meetings)
        if day is not None and day > self.day:
            return day, ""
        if when.day is not None:
            return None, f"{when.said!r} is not after the meeting; {kept}"
        if when.relative:
            board = self.meeting.board
            return None, f"no meeting of {board} in the ledger matches {when.said!r}; {kept}"
        return None, ""


def unrecorded(heading: str, kind: str, text: str, why: str) -> Planned:
    return Planned(heading, kind, "not recorded", text, note=f"not recorded: {why}")


def take(recorded: list[set[tuple[str, str]]], key: tuple[str, str]) -> bool:
    """Whether an entry the meeting holds says ``key``; each one matches only once."""
    for index, keys in enumerate(recorded):
        if key in keys:
            del recorded[index]
            return True
    return False


def outcome_of(word: str, source: str, line: int) -> Outcome:
    try:
        return Outcome(word.strip().lower())
    except ValueError as error:
        where = f"{source}, line {line}" if line else source
        raise InvalidEntry(f"{where}: {error}") from None


def words_of(text: str, parts: list[str], item: DraftItem) -> str:
    """A decision's own words; "" when it has none beyond its item's title."""
    words = text.strip() or " ".join(p.strip() for p in parts if p.strip())
    bare = said(words.rstrip(" .:;"), "")
    if bare in {said(item.title, ""), said(item.heading, ""), said("", "")}:
        return ""
    return words


def suggest(trackers: list[str], meeting: date, number: str, rating: str, sentence: str) -> str:
    tracker = trackers[0] if len(trackers) == 1 else "TRACKER"
    return (
        f"govledger action rate {tracker}#{number} {rating} --on {meeting.isoformat()} "
        f"--reason {shlex.quote(sentence)}"
    )
