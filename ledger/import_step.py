"""One import's way of recording an item of a tracker file: who, on what day, why.

An item new to the ledger becomes the events ``Action.add``, ``add_line`` and ``rate``
trigger, built here as the library builds them (the same classes, hence the same fields in
the same order, the same ids, versions and timestamps) but without an aggregate to fold
them into: twenty thousand new actions are recorded, never read back, so folding each
through the library's aggregate machinery is work thrown away. No rule of a new action
can refuse these events (tests/test_import_step.py holds them to those of the aggregate,
field for field):

- every event is dated on or after the day the action is added (its lines on that day,
  its rating on the later of that day and the day the file says it was rated), so none
  falls before the action existed;
- a new action has no rating, so its first rating is never the one it already has, and
  its ``previous`` is None;
- the evidence of its rating names the file and row, so a blue rating always has some.

An item the ledger holds already goes through the aggregate (:meth:`Step.update`), where
the rules are.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ledger.action import Action, ActionLine
from ledger.errors import InvalidEntry
from ledger.forms import parse_kloe
from ledger.rating import RatingSaid
from ledger.refs import ActionRef, action_id

if TYPE_CHECKING:
    from uuid import UUID

    from ledger.readers.tracker_draft import DraftItem, TrackerDraft

ACTION = Action.TOPIC  # the originator_topic of the event that adds an action


class Step:
    """One import's way of recording: who, on what day, why, from which file."""

    def __init__(self, draft: TrackerDraft, actor: str, day: date, reason: str) -> None:
        self.draft, self.actor, self.day, self.reason = draft, actor, day, reason
        self.name = Path(draft.source).name
        self.notes: list[str] = []
        self.who = {"actor": actor, "reason": reason}

    def new_action(
        self, ref: ActionRef, item: DraftItem, rating: RatingSaid | None, uid: UUID | None = None
    ) -> list[Any]:
        """The events that add the item as a new action, as ``Action.add`` followed by
        ``add_line`` for each further line and ``rate`` for its rating would trigger them."""
        uid = uid or action_id(ref)
        first = item.lines[0]
        added = Action.ActionAdded(
            originator_topic=ACTION,
            originator_id=uid,
            originator_version=1,
            timestamp=Action.ActionAdded.create_timestamp(),
            tracker=ref.tracker,
            number=ref.number,
            issue=item.issue,
            kloe=self.kloe(item),
            theme=item.theme,
            health=first.health,
            la=first.la,
            owners=list(first.owners),
            timescale=first.timescale,
            action=item.action,
            update=item.update,
            fields=dict(item.fields or {}),
            on=self.day,
            **self.who,
        )
        events: list[Any] = [added]
        for line in item.lines[1:]:
            events.append(
                Action.ActionLineAdded(
                    originator_id=uid,
                    originator_version=len(events) + 1,
                    timestamp=Action.ActionLineAdded.create_timestamp(),
                    health=line.health,
                    la=line.la,
                    owners=list(line.owners),
                    timescale=line.timescale,
                    on=self.day,
                    **self.who,
                )
            )
        if rating is not None and rating.rating is not None:
            evidence = self.evidence(item, rating)
            Action.check_evidence(rating.rating, evidence)
            events.append(
                Action.RatingChanged(
                    originator_id=uid,
                    originator_version=len(events) + 1,
                    timestamp=Action.RatingChanged.create_timestamp(),
                    rating=rating.rating.value,
                    previous=None,
                    evidence=evidence,
                    on=max(item.rated_on or self.day, self.day),
                    **self.who,
                )
            )
        return events

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
