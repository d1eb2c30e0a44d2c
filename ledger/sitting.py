"""The meeting minutes are recorded on, and what becomes of each entry of the draft.

Each decision keeps its parts, proposer, seconder and vote; each minute action its owners;
each report-back its words, with its date resolved (``ledger.report_backs``). An entry the
meeting already holds, as recorded or as corrected since, is not recorded again.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from ledger.errors import InvalidEntry
from ledger.meeting import Meeting, Outcome, said, whole
from ledger.readers.minutes_draft import DraftItem, When
from ledger.report_backs import NO_DUE_DATE, OPEN_FOLLOW_UP, due_day

EVENT_FIELDS = ("originator_id", "originator_version", "timestamp", "originator_topic")


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
    unmatched: str = ""  # the words naming a meeting the ledger lacks ("the next meeting")

    @property
    def open_follow_up(self) -> bool:
        """A report-back asked for with no date yet ("in due course", or a meeting the
        ledger does not hold): ``govledger due`` lists it as open."""
        words = getattr(self.event, "report_back", "")  # only decisions have report-backs
        return bool(words) and self.event.follow_up is None

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
        ref, event = f"{self.meeting.ref}/D{number}", self.meeting.pending_events[-1]
        lacking = unmatched(asked, follow_up)
        return Planned(heading, kind, "new", text, ref, event, note, lacking)

    def raise_action(self, heading: str, owners: list[str], text: str, due: When | None) -> Planned:
        owner = " / ".join(o.strip() for o in owners if o.strip())
        if not owner:
            why = "it names no owner; add it with govledger minute-action add"
            return unrecorded(heading, "action", text, why)
        text = text.strip() or heading
        if take(self.actions, said(owner, text)):
            return Planned(heading, "action", "already recorded", f"{owner}: {text}")
        day, note = self.resolve(due, NO_DUE_DATE)
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
        owed = f"{owner}: {text}"
        return Planned(heading, "action", "new", owed, ref, event, note, unmatched(due, day))

    def resolve(self, when: When | None, kept: str) -> tuple[date | None, str]:
        return due_day(when, self.day, self.meetings, self.meeting.board, kept)


def unmatched(when: When | None, day: date | None) -> str:
    """The words, when they name a meeting ("the next meeting") the ledger does not hold."""
    return when.said if when is not None and when.relative and day is None else ""


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
