"""Importing a tracker file: record what is new or changed, as the right events, at once."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ledger.action import Action, ActionLine
from ledger.errors import InvalidEntry
from ledger.forms import Day, Text, checked
from ledger.rating import Rating
from ledger.record import Record, Recorded
from ledger.refs import ActionRef, action_id
from ledger.tracker_file import Item, TrackerFile, read

RATING_WORDS = {
    "r": "red",
    "a": "amber",
    "g": "green",
    "b": "blue",
    "complete": "blue",
    "completed": "blue",
}


@dataclass(frozen=True)
class Imported:
    """What an import records (or, on a dry run, would record), and what it left alone."""

    events: list[tuple[str, Any]]
    unchanged: list[str]
    text_differs: list[str]
    recorded: Recorded | None


class TrackerImport:
    """The ledger's import of tracker files (mixed into ``Ledger``)."""

    tracker: Any
    repository: Any
    effective: Any
    store: Any

    @checked
    def import_tracker(
        self,
        tracker: Text,
        path: Text,
        *,
        fmt: str = "auto",
        sheet: str | None = None,
        mapping: dict[str, str] | None = None,
        actor: Text,
        on: Day | None = None,
        dry_run: bool = False,
    ) -> Imported:
        """Read ``path`` and record, in one transaction, every action that is new and every
        rating, owner or timescale that differs from the ledger; nothing on any error."""
        plan = self.tracker(tracker)
        parsed = read(path, fmt, sheet, mapping)
        day = self.effective(on, since=plan)
        reason = f"imported from {Path(path).name}"
        changed: list[Record] = []
        unchanged, text_differs = [], []
        if (parsed.heading, parsed.key) != plan.key and (parsed.heading or parsed.key):
            plan.record_key(parsed.heading, parsed.key, actor=actor, on=day, reason=reason)
            changed.append(plan)
        for item in parsed.items:
            ref = ActionRef(tracker, item.number)
            if action_id(ref) not in self.repository:
                changed.append(new_action(ref, item, parsed, actor, day, reason))
                continue
            existing = self.repository.get(action_id(ref))
            if update(existing, item, parsed, actor, day, reason):
                changed.append(existing)
            else:
                unchanged.append(str(ref))
            if text_of(existing) != text_of_item(item):
                text_differs.append(str(ref))
        events = [(r.ref, e) for r in changed for e in r.pending_events]
        if dry_run or not changed:
            return Imported(events, unchanged, text_differs, None)
        return Imported(events, unchanged, text_differs, self.store(*changed, subject=tracker))


def rating_of(item: Item, parsed: TrackerFile) -> Rating | None:
    if not item.rating:
        return None
    word = RATING_WORDS.get(item.rating.strip().lower(), item.rating.strip().lower())
    try:
        return Rating(word)
    except ValueError:
        raise InvalidEntry(
            f"{parsed.path}, row {item.row}, column RAGB: {item.rating!r} is not "
            "a rating; use red, amber, green or blue (or R, A, G, B)"
        ) from None


def line_of(line: Any) -> ActionLine:
    return ActionLine(line.health, line.la, tuple(line.owners), line.timescale)


def kloe_of(item: Item, parsed: TrackerFile) -> list[int]:
    from ledger.forms import parse_kloe

    try:
        return parse_kloe(item.kloe) if item.kloe else []
    except ValueError:
        raise InvalidEntry(
            f"{parsed.path}, row {item.row}, column KLOE: {item.kloe!r} is not "
            "a list of numbers such as 1 & 2"
        ) from None


def new_action(
    ref: ActionRef, item: Item, parsed: TrackerFile, actor: str, day: date, reason: str
) -> Action:
    action = Action.add(
        ref,
        issue=item.issue,
        kloe=kloe_of(item, parsed),
        theme=item.theme,
        line=line_of(item.lines[0]),
        actor=actor,
        on=day,
        reason=reason,
    )
    for line in item.lines[1:]:
        action.add_line(line_of(line), actor=actor, on=day, reason=reason)
    rating = rating_of(item, parsed)
    if rating:
        action.rate(
            rating,
            evidence=f"{Path(parsed.path).name}, row {item.row}",
            actor=actor,
            on=max(item.rated_on or day, day),
            reason=reason,
        )
    return action


def update(
    action: Action, item: Item, parsed: TrackerFile, actor: str, day: date, reason: str
) -> bool:
    """Record the ratings, owners, timescales and new lines in which the file differs."""
    before = len(action.pending_events)
    lines = action.lines()
    for number, line in enumerate(item.lines, start=1):
        if number > len(lines):
            action.add_line(line_of(line), actor=actor, on=day, reason=reason)
            continue
        if tuple(line.owners) != lines[number - 1].owners and line.owners:
            action.reassign(line.owners, line=number, actor=actor, on=day, reason=reason)
        if line.timescale != lines[number - 1].timescale and line.timescale:
            action.retime(line.timescale, line=number, actor=actor, on=day, reason=reason)
    rating = rating_of(item, parsed)
    when = item.rated_on or day
    if rating and rating is not action.rating(when):
        action.rate(
            rating,
            evidence=f"{Path(parsed.path).name}, row {item.row}",
            actor=actor,
            on=when,
            reason=reason,
        )
    return len(action.pending_events) > before


def text_of(action: Action) -> tuple:
    details = action.details()
    return (details["issue"], details["theme"], tuple((ln.health, ln.la) for ln in action.lines()))


def text_of_item(item: Item) -> tuple:
    return (item.issue, item.theme, tuple((ln.health, ln.la) for ln in item.lines))
