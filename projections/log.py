"""The plain read-back: the latest events, newest last, with a one-line summary each."""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from typing import TYPE_CHECKING, Any
from uuid import UUID

from projections.signatures import mark, signed_by
from projections.wording import (
    added_text,
    call_in_outcome,
    call_in_period,
    call_in_said,
    called_in_by,
    columns_moved,
    follow_up_closed,
    item_ref,
    owners,
    shown,
    vote_said,
)

if TYPE_CHECKING:
    from eventsourcing.application import Application

COLUMNS = (
    "position",
    "effective",
    "recorded",
    "actor",
    "event",
    "subject",
    "summary",
    "reason",
    "signed",
)


@dataclass(frozen=True)
class LogLine:
    position: int
    effective: str
    recorded: str
    actor: str
    event: str
    subject: str
    summary: str
    reason: str
    signed: str = ""

    def as_row(self) -> dict[str, Any]:
        return asdict(self)


def latest(ledger: Application, limit: int) -> list[LogLine]:
    """The last ``limit`` events of the log, oldest first."""
    head = ledger.recorder.max_notification_id() or 0
    start = max(head - limit + 1, 1)
    found = ledger.recorder.select_notifications(start=start, limit=limit)
    while len(found) < limit and start > 1:  # positions can have gaps on PostgreSQL
        start = max(start - limit, 1)
        found = ledger.recorder.select_notifications(start=start, limit=head)[-limit:]
    subjects: dict[UUID, str] = {}
    signed = signed_by(found)  # a batch's signature follows its events: in this window
    lines = []
    for notification in found:
        try:
            event = ledger.mapper.to_domain_event(notification)
            if event.originator_id not in subjects:
                subjects[event.originator_id] = ledger.subject_of(event.originator_id)
        except Exception as error:  # a damaged row is named in its place, never fatal
            lines.append(unreadable(notification, error))
            continue
        told = line(notification.id, event, subjects[event.originator_id])
        n = notification
        lines.append(
            replace(told, signed=mark(signed, n.originator_id, n.originator_version, n.topic))
        )
    return lines


def unreadable(notification: Any, error: Exception) -> LogLine:
    """A log line for an event whose stored bytes no longer decode."""
    return LogLine(
        position=notification.id,
        effective="",
        recorded="",
        actor="",
        event="(unreadable)",
        subject=str(notification.originator_id),
        summary=f"the stored event cannot be read ({type(error).__name__}); run govledger verify",
        reason="",
    )


def line(position: int, event: Any, subject: str) -> LogLine:
    kind = type(event).__name__
    return LogLine(
        position=position,
        effective=event.on.isoformat(),
        recorded=event.timestamp.strftime("%Y-%m-%d %H:%M:%S"),
        actor=event.actor,
        event=kind,
        subject=item_ref(subject, kind, getattr(event, "number", None)),
        summary=summary(kind, event),
        reason=event.reason,
    )


def with_parts(text: str, parts: list[str] | None) -> str:
    """A decision's words with its lettered or numbered parts after them (those the text
    does not already hold; decisions recorded before parts were kept have none)."""
    return " ".join([text, *(p for p in parts or [] if p not in text)])


def summary(kind: str, e: Any) -> str:
    """What the event says, in the words a clerk would use."""
    if kind == "BoardRegistered":
        return f"board registered: {e.name}"
    if kind == "MeetingScheduled":
        return f"meeting on {e.held_on.isoformat()}" + (f": {e.title}" if e.title else "")
    if kind == "DecisionRecorded":
        follow = f" (follow-up {e.follow_up.isoformat()})" if e.follow_up else ""
        if not e.follow_up and e.report_back:
            follow = f" (open follow-up: {e.report_back})"
        published = call_in_said(e.key_decision, e.call_in)
        published = f" [{published}]" if published else ""
        return f"{e.outcome.upper()}: {e.item}: {with_parts(e.text, e.parts)}{follow}{published}"
    if kind == "MinuteActionRaised":
        due = f" (due {e.due.isoformat()})" if e.due else ""
        due = f" (due {e.due_said})" if not e.due and e.due_said else due
        return f"ACTION: {e.owner}: {e.text}{due}"
    if kind == "MinuteActionCompleted":
        return "minute action done"
    if kind == "VoteRecorded":
        return f"vote on D{e.number}: {vote_said(e.vote)}"
    if kind == "FollowUpClosed":
        return follow_up_closed(e.reason)
    if kind == "DecisionCalledIn":
        return called_in_by(e.members, e.on.isoformat())
    if kind == "CallInConcluded":
        return call_in_outcome(e.outcome, e.on.isoformat())
    if kind == "CallInPeriodSet":
        return f"call-in period: {call_in_period(e.days, e.nation)}"
    if kind == "TrackerAdopted":
        return f"tracker of {e.board}: {e.title}"
    if kind == "ActionAdded":
        return f"action added: {added_text(vars(e)) or e.subject}"
    if kind == "FieldsRevised":
        return columns_moved(e.previous, e.fields)
    if kind == "ActionLineAdded":
        return f"action line added for {owners(e.owners)}"
    if kind == "RatingChanged":
        evidence = f" (evidence: {e.evidence})" if e.evidence else ""
        return f"{e.previous or 'unrated'} → {e.rating}{evidence}"
    if kind == "ActionReopened":
        return f"reopened: blue → {e.rating}"
    if kind == "OwnerReassigned":
        return f"line {e.line}: {owners(e.previous)} → {owners(e.owners)}"
    if kind == "TimescaleRevised":
        return f"line {e.line}: {e.previous or '(none)'} → {e.timescale}"
    if kind == "NoteAdded":
        return f"note: {e.text}"
    if kind == "EntryCorrected":
        return correction(e)
    if kind == "OwnerEmailRecorded":
        return f"email address of {e.owner} recorded: {e.address}"
    if kind == "OwnerEmailChanged":
        return f"email address of {e.owner}: {e.previous} → {e.address}"
    if kind == "RemindersSent":
        return f"{e.count} reminder(s) sent through {e.server} to {owners(e.owners)}: " + ", ".join(
            e.refs
        )
    if kind == "ColumnsRecorded":
        return columns_recorded(e.columns)
    if kind == "KeyRecorded":
        return f"key recorded: {', '.join(e.key) or 'none'}; heading: {e.heading}"
    if kind == "LogSealed":
        return f"sealed the first {e.size} events: {e.size}:{e.root}"
    return signing(kind, e)


def columns_recorded(columns: list[Any]) -> str:
    """A tracker file's columns as the import read them; erased headings stay erased."""
    said = [
        f"{c['heading']} ({c['field'] or 'own column'})" for c in columns if isinstance(c, dict)
    ]
    return "columns: " + (", ".join(said) or "[erased]")


def signing(kind: str, e: Any) -> str:
    if kind == "CheckpointSigned":
        return "checkpoint signed by " + e.checkpoint.splitlines()[-1].split()[1]
    if kind == "CheckpointCosigned":
        return f"checkpoint cosigned by the witness {e.witness}"
    if kind == "KeyRegistered":
        return f"signing key {e.name} registered to {e.owner}"
    if kind == "SigningRequired":
        return "every later entry must be signed"
    if kind == "BatchSigned":
        entries = "entry" if len(e.covers) == 1 else "entries"
        return f"{len(e.covers)} {entries} signed with {e.key}"
    if kind == "FieldRedacted":
        return f"the words of {e.field} removed from position {e.position}, commitment kept"
    return kind


def correction(e: Any) -> str:
    parts = [f"{k}={shown(v)}" for k, v in e.values.items()]
    if e.effective:
        parts.append(f"effective={e.effective.isoformat()}")
    if e.void:
        parts.append("void")
    return f"corrects position {e.position}: {', '.join(parts)}"
