"""Importing a tracker file: record what is new or changed, as the right events, at once.

Each item of the file is matched to an action of the tracker: by its ID where the file
has an ID column (or the column given with ``--key``), else by its text, exactly first
and then by close likeness (a name changed in an action's sentence), so that a re-import
of the next version records only what truly changed. A blank cell never erases anything,
and an item missing from the next version is left as it was: trackers drop completed
items and reorder rows without anything having happened to them.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any
from uuid import UUID

from ledger.action import Action, ActionLine
from ledger.errors import InvalidEntry
from ledger.forms import Day, Text, checked, parse_kloe
from ledger.rating import RatingSaid, is_progress, read_rating
from ledger.record import Record, Recorded
from ledger.refs import ActionRef, action_id

if TYPE_CHECKING:
    from ledger.readers.tracker_draft import DraftItem, TrackerDraft

LIKENESS = 0.8  # how alike two texts must be to be the same action reworded
MOST_PAIRS = 250_000  # beyond this many text pairs, items are matched exactly only


@dataclass(frozen=True)
class Imported:
    """What an import records (or, on a dry run, would record), and what it left alone."""

    events: list[tuple[str, Any]]
    unchanged: list[str]
    text_differs: list[str]
    recorded: Recorded | None
    unrated: list[str] = field(default_factory=list)  # refs the file marks as not rated
    notes: list[str] = field(default_factory=list)


class TrackerImport:
    """The ledger's import of tracker files (mixed into ``Ledger``)."""

    tracker: Any
    recorder: Any
    repository: Any
    effective: Any
    store_in_bulk: Any
    known_refs: Any
    today: Any

    @checked
    def import_tracker(
        self,
        tracker: Text,
        path: Text,
        *,
        fmt: str = "auto",
        sheet: str | None = None,
        mapping: dict[str, str] | None = None,
        key: str | None = None,
        actor: Text,
        on: Day | None = None,
        dry_run: bool = False,
    ) -> Imported:
        """Read ``path`` and record, in one transaction, every action that is new and every
        rating, owner, timescale, update or field that differs from the ledger, and the
        file's columns when they differ from those last recorded; nothing on any error."""
        plan = self.tracker(tracker)
        from ledger.readers.tracker_draft import TrackerFileError
        from ledger.readers.tracker_files import read_tracker  # only an import reads files

        draft = read_tracker(path, fmt, sheet=sheet, mapping=mapping, key=key)
        ratings = [rating_of(item, draft) for item in draft.items]
        day = self.effective(on, since=plan)
        for item in draft.items:
            if item.rated_on is not None and item.rated_on > self.today():
                raise TrackerFileError(
                    draft.source,
                    f"{item.rated_on.isoformat()} lies in the future; a rating cannot have "
                    "been given after today",
                    row=item.rating_row or item.row,
                    column=draft.header_of("rated_on"),
                )
        step = Step(draft, actor, day, f"imported from {Path(path).name}")
        changed: list[Record] = []
        unchanged, text_differs = [], []
        if (draft.heading, draft.key) != plan.key and (draft.heading or draft.key):
            plan.record_key(draft.heading, draft.key, actor=actor, on=day, reason=step.reason)
            changed.append(plan)
        layout = draft.layout()  # the file's columns, so that an export gives them back
        recorded = bool(layout) and plan.record_columns(
            layout, actor=actor, on=day, reason=step.reason
        )
        if recorded and not any(r is plan for r in changed):
            changed.append(plan)
        refs = self.refs_for(tracker, draft)
        held = self.action_ids()
        for item, rating, ref in zip(draft.items, ratings, refs, strict=True):
            if action_id(ref) not in held:
                changed.append(step.new_action(ref, item, rating))
                continue
            existing = self.repository.get(action_id(ref))
            if step.update(existing, item, rating):
                changed.append(existing)
            else:
                unchanged.append(str(ref))
            if said_of(existing) != said_in(item):
                text_differs.append(str(ref))
        unrated = [
            str(ref)
            for ref, rating in zip(refs, ratings, strict=True)
            if rating is not None and rating.rating is None
        ]
        events = [(r.ref, e) for r in changed for e in r.pending_events]
        notes = [*draft.notes, *step.notes]
        if dry_run or not changed:
            return Imported(events, unchanged, text_differs, None, unrated, notes)
        recorded = self.store_in_bulk(*changed, subject=tracker)  # the same rows, in bulk
        return Imported(events, unchanged, text_differs, recorded, unrated, notes)

    def refs_for(self, tracker: str, draft: TrackerDraft) -> list[ActionRef]:
        """The ref of each item: its ID, or, for items known by their place, the ref of the
        action whose text it matches, else the next number free."""
        if draft.keyed == "column":
            return [ActionRef(tracker, item.id) for item in draft.items]
        held = {ref: said_text(action) for ref, action in self.tracker_actions(tracker).items()}
        found = matches([item.text for item in draft.items], held)
        after = max((int(r.number) for r in held if r.number.isdigit()), default=0)
        refs = []
        for index in range(len(draft.items)):
            if index not in found:
                after += 1
            refs.append(found.get(index) or ActionRef(tracker, str(after)))
        return refs

    def action_ids(self) -> set[UUID]:
        """The ids of every action the ledger holds, read in one query (not one per row)."""
        found = self.recorder.select_notifications(
            start=None, limit=10**9, topics=[Action.ActionAdded.TOPIC]
        )
        return {n.originator_id for n in found}

    def tracker_actions(self, tracker: str) -> dict[ActionRef, Action]:
        """Every action the ledger holds on ``tracker``."""
        prefix = f"{tracker}#"
        refs = [
            ActionRef(tracker, r[len(prefix) :])
            for r in self.known_refs(Action.ActionAdded)
            if r.startswith(prefix)
        ]
        return {ref: self.repository.get(action_id(ref)) for ref in refs}


def matches(texts: list[str], held: dict[ActionRef, str]) -> dict[int, ActionRef]:
    """Pair items (by index) with held actions: same text first, in order; then the most
    alike pairs, at least :data:`LIKENESS` alike, each action used once."""
    found: dict[int, ActionRef] = {}
    free = dict(held)
    by_text: dict[str, list[ActionRef]] = {}
    for ref, text in held.items():
        by_text.setdefault(plain(text), []).append(ref)
    for index, text in enumerate(texts):
        same = by_text.get(plain(text))
        if same:
            found[index] = same.pop(0)
            del free[found[index]]
    rest = [i for i in range(len(texts)) if i not in found]
    if not rest or not free or len(rest) * len(free) > MOST_PAIRS:
        return found
    pairs = []
    for index in rest:
        for ref, text in free.items():
            matcher = difflib.SequenceMatcher(
                None, plain(texts[index]), plain(text), autojunk=False
            )
            if matcher.quick_ratio() >= LIKENESS and matcher.ratio() >= LIKENESS:
                pairs.append((matcher.ratio(), -index, ref))
    for _, index, ref in sorted(pairs, key=lambda p: (p[0], p[1]), reverse=True):
        if -index not in found and ref in free:
            found[-index] = ref
            del free[ref]
    return found


def plain(text: str) -> str:
    return " ".join(text.split()).casefold()


def rating_of(item: DraftItem, draft: TrackerDraft) -> RatingSaid | None:
    """The rating an item's word means; None for none, or for a word of progress that is
    no rating ("Ongoing": kept as a field by the reader); one line for any other word."""
    if not item.rating or is_progress(item.rating):
        return None
    try:
        return read_rating(item.rating)
    except ValueError as error:
        from ledger.readers.tracker_draft import TrackerFileError

        raise TrackerFileError(
            draft.source, str(error), row=item.rating_row, column=draft.header_of("ragb")
        ) from None


class Step:
    """One import's way of recording: who, on what day, why, from which file."""

    def __init__(self, draft: TrackerDraft, actor: str, day: date, reason: str) -> None:
        self.draft, self.actor, self.day, self.reason = draft, actor, day, reason
        self.name = Path(draft.source).name
        self.notes: list[str] = []
        self.who = {"actor": actor, "reason": reason}

    def new_action(self, ref: ActionRef, item: DraftItem, rating: RatingSaid | None) -> Action:
        action = Action.add(
            ref,
            issue=item.issue,
            kloe=self.kloe(item),
            theme=item.theme,
            line=line_of(item.lines[0]),
            action=item.action,
            update=item.update,
            fields=item.fields,
            on=self.day,
            **self.who,
        )
        for line in item.lines[1:]:
            action.add_line(line_of(line), on=self.day, **self.who)
        if rating is not None and rating.rating is not None:
            on = max(item.rated_on or self.day, self.day)
            action.rate(rating.rating, evidence=self.evidence(item, rating), on=on, **self.who)
        return action

    def update(self, action: Action, item: DraftItem, rating: RatingSaid | None) -> bool:
        """Record the ratings, owners, timescales, lines, updates and fields that differ."""
        before = len(action.pending_events)
        lines = action.lines()
        for number, line in enumerate(item.lines, start=1):
            if number > len(lines):
                action.add_line(line_of(line), on=self.day, **self.who)
                continue
            if line.owners and tuple(line.owners) != lines[number - 1].owners:
                action.reassign(line.owners, line=number, on=self.day, **self.who)
            if line.timescale and line.timescale != lines[number - 1].timescale:
                action.retime(line.timescale, line=number, on=self.day, **self.who)
        if item.update and item.update != action.update(self.day):
            action.note(item.update, on=self.day, **self.who)
        fields = {**action.fields(self.day), **item.fields}
        if fields != action.fields(self.day):
            action.revise_fields(fields, on=self.day, **self.who)
        when = item.rated_on or self.day
        if (
            rating is not None
            and rating.rating is not None
            and rating.rating is not action.rating(when)
        ):
            action.rate(rating.rating, evidence=self.evidence(item, rating), on=when, **self.who)
        return len(action.pending_events) > before

    def evidence(self, item: DraftItem, rating: RatingSaid) -> str:
        where = f"{self.name}, row {item.rating_row or item.row}"
        return (
            where
            if rating.said.strip().lower() == str(rating.rating)
            else f"{where}: {rating.said.strip()}"
        )

    def kloe(self, item: DraftItem) -> list[int]:
        try:
            return parse_kloe(item.kloe) if item.kloe else []
        except ValueError:
            raise InvalidEntry(
                f"{self.draft.source}, row {item.row}, column {self.draft.header_of('kloe')}: "
                f"{item.kloe!r} is not a list of numbers such as 1 & 2"
            ) from None


def line_of(line: Any) -> ActionLine:
    return ActionLine(line.health, line.la, tuple(line.owners), line.timescale)


def said_text(action: Action) -> str:
    details = action.details()
    return f"{details['issue']} {details.get('action', '')}"


def said_of(action: Action) -> tuple:
    details = action.details()
    lines = tuple((ln.health, ln.la) for ln in action.lines())
    return (details["issue"], details.get("action", ""), details["theme"], lines)


def said_in(item: DraftItem) -> tuple:
    lines = tuple((ln.health, ln.la) for ln in item.lines)
    return (item.issue, item.action, item.theme, lines)
