"""A tracker import builds a new action's events directly, without folding them through the
Action aggregate: they must be exactly the events the aggregate would have recorded (the
same classes, fields in the same order, values, ids and versions), so the ledger stores the
same bytes either way and an existing ledger reads them as it always has."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from commands.session import Session
from ledger.action import Action, ActionLine
from ledger.application import open_ledger
from ledger.bulk_record import salt
from ledger.import_step import Step
from ledger.rating import RatingSaid, read_rating
from ledger.readers.tracker_draft import DraftItem, DraftLine, TrackerDraft
from ledger.refs import ActionRef
from ledger.verify import SALTS

DAY = date(2019, 6, 12)

ITEMS = [
    DraftItem("1", 2, action="Review the plan", lines=[DraftLine(who="Anita P")], rating="Red"),
    DraftItem(
        "2",
        3,
        kloe="1 & 2",
        theme="Governance",
        issue='Accents é, ß, 中文, 😀 and a \\ with "quotes"',
        action="Agree the budget",
        lines=[
            DraftLine("Health text", "LA text", "Sam Okafor / Ruth Hale", "31/03/2020"),
            DraftLine("Second health", "Second LA", "Jo Clerk", "Summer 2020"),
            DraftLine(who="Angela Cody"),
        ],
        rating="Complete",
        rating_row=4,
        rated_on=date(2019, 7, 1),  # rated after the day of the import: rated on that day
        update="Met in May",
        fields={"Cost": "£1,200", "Lead": "Finance"},
    ),
    DraftItem("3", 5, action="Not rated yet", lines=[DraftLine(timescale="Q3")]),
    DraftItem(
        "4",
        6,
        action="Rated before the import's day",
        lines=[DraftLine(who="Jo Clerk")],
        rating="Amber/Green",
        rated_on=date(2019, 1, 5),
    ),
]


def step() -> Step:
    draft = TrackerDraft("/somewhere/t.csv", "csv", "", list(ITEMS))
    return Step(draft, "Jo Clerk", DAY, "imported from t.csv")


def rating(item: DraftItem) -> RatingSaid | None:
    return read_rating(item.rating) if item.rating else None


def by_aggregate(way: Step, ref: ActionRef, item: DraftItem) -> list[Any]:
    """What the import recorded for a new action before: the aggregate's own events."""
    first = item.lines[0]
    action = Action.add(
        ref,
        issue=item.issue,
        kloe=way.kloe(item),
        theme=item.theme,
        line=ActionLine(first.health, first.la, tuple(first.owners), first.timescale),
        action=item.action,
        update=item.update,
        fields=item.fields,
        on=way.day,
        **way.who,
    )
    for line in item.lines[1:]:
        action.add_line(
            ActionLine(line.health, line.la, tuple(line.owners), line.timescale),
            on=way.day,
            **way.who,
        )
    said = rating(item)
    if said is not None and said.rating is not None:
        on = max(item.rated_on or way.day, way.day)
        action.rate(said.rating, evidence=way.evidence(item, said), on=on, **way.who)
    return list(action.collect_events())


def without_time(event: Any) -> list[tuple[str, Any]]:
    return [(k, v) for k, v in vars(event).items() if k != "timestamp"]


@pytest.mark.parametrize("item", ITEMS, ids=[i.id for i in ITEMS])
def test_a_new_action_imported_is_the_events_its_aggregate_would_record(item: DraftItem) -> None:
    way = step()
    ref = ActionRef("t", item.id)
    direct = way.new_action(ref, item, rating(item))
    expected = by_aggregate(way, ref, item)
    assert [type(e) for e in direct] == [type(e) for e in expected]
    for built, recorded in zip(direct, expected, strict=True):
        assert without_time(built) == without_time(recorded)  # fields, values and their order
        assert [type(v) for _, v in without_time(built)] == [
            type(v) for _, v in without_time(recorded)
        ]
        assert type(built.timestamp) is type(recorded.timestamp)
        assert built.timestamp.tzinfo == recorded.timestamp.tzinfo


def test_a_new_action_imported_is_stored_as_the_same_bytes(tmp_path: Path) -> None:
    ledger = open_ledger(str(tmp_path / "l.db"), create=True, today=Session.clock)
    try:
        way = step()
        for item in ITEMS:
            ref = ActionRef("t", item.id)
            direct = way.new_action(ref, item, rating(item))
            expected = by_aggregate(way, ref, item)
            for built, recorded in zip(direct, expected, strict=True):
                salt(recorded)  # the same time and salts, as the library's mapper would draw
                object.__setattr__(built, "timestamp", recorded.timestamp)
                object.__setattr__(built, SALTS, dict(getattr(recorded, SALTS)))
                stored = ledger.mapper.to_stored_event(built)
                assert stored == ledger.mapper.to_stored_event(recorded)
    finally:
        ledger.close()
