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

from ledger.action import Action
from ledger.forms import Day, Text, checked
from ledger.import_step import Step
from ledger.rating import RatingSaid, is_progress, read_rating
from ledger.record import Recorded
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
        from ledger.bulk_record import collector_paused  # an import records through it

        with collector_paused():  # a fifth of an import's time was the collector's passes
            return self.imported(tracker, path, fmt, sheet, mapping, key, actor, on, dry_run)

    def imported(
        self,
        tracker: str,
        path: str,
        fmt: str,
        sheet: str | None,
        mapping: dict[str, str] | None,
        key: str | None,
        actor: str,
        on: date | None,
        dry_run: bool,
    ) -> Imported:
        plan = self.tracker(tracker)
        from ledger.readers.tracker_draft import TrackerFileError
        from ledger.readers.tracker_files import read_tracker  # only an import reads files

        draft = read_tracker(path, fmt, sheet=sheet, mapping=mapping, key=key)
        ratings = ratings_of(draft)
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
        events: list[tuple[str, Any]] = []  # (ref, event), in the order they are recorded
        changed: list[Any] = []  # the aggregates changed, and the new actions' events
        unchanged, text_differs = [], []
        if (draft.heading, draft.key) != plan.key and (draft.heading or draft.key):
            plan.record_key(draft.heading, draft.key, actor=actor, on=day, reason=step.reason)
        layout = draft.layout()  # the file's columns, so that an export gives them back
        if layout:
            plan.record_columns(layout, actor=actor, on=day, reason=step.reason)
        if plan.pending_events:
            changed.append(plan)
            events.extend((plan.ref, e) for e in plan.pending_events)
        refs = self.refs_for(tracker, draft)
        held = self.action_ids()
        for item, rating, ref in zip(draft.items, ratings, refs, strict=True):
            uid = action_id(ref)
            if uid not in held:  # built as Action.add would, with no aggregate to fold
                added = step.new_action(ref, item, rating, uid)
                changed.extend(added)
                said = str(ref)
                events.extend((said, e) for e in added)
                continue
            existing = self.repository.get(uid)
            if step.update(existing, item, rating):
                changed.append(existing)
                events.extend((existing.ref, e) for e in existing.pending_events)
            else:
                unchanged.append(str(ref))
            if said_of(existing) != said_in(item):
                text_differs.append(str(ref))
        unrated = [
            str(ref)
            for ref, rating in zip(refs, ratings, strict=True)
            if rating is not None and rating.rating is None
        ]
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


def ratings_of(draft: TrackerDraft) -> list[RatingSaid | None]:
    """Each item's rating (:func:`rating_of`), each word read once: a tracker writes its
    few ratings over and over."""
    read: dict[str, RatingSaid | None] = {}
    found = []
    for item in draft.items:
        word = item.rating
        if word not in read:
            read[word] = rating_of(item, draft)
        found.append(read[word])
    return found


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
