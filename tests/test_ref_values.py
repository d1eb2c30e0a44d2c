"""Refs and action lines are values: a clerk's `hf-send-2019#15` names the same action
however it was written or copied, and nothing can change a ref once made (they are plain
classes rather than dataclasses, for start-up time; these are the promises kept)."""

from __future__ import annotations

import copy
import pickle
from datetime import date

import pytest

from ledger.action import ActionLine
from ledger.refs import ActionRef, ItemRef, action_id, parse_day


def test_the_same_action_written_two_ways_is_one_ref_and_one_id() -> None:
    written = ActionRef.parse("hf-send-2019#015.")
    built = ActionRef("hf-send-2019", "15")
    assert written == built
    assert {written: "found"}[built] == "found"
    assert action_id(written) == action_id(built)
    assert str(written) == "hf-send-2019#15"
    assert ActionRef("hf-send-2019", "16") != built


def test_a_ref_cannot_be_changed_once_made() -> None:
    ref = ActionRef.parse("audit-recs#R-07")
    with pytest.raises(AttributeError):
        ref.number = "R-08"  # type: ignore[misc]
    assert str(ref) == "audit-recs#R-07"


def test_refs_and_lines_survive_copies_and_pickles() -> None:
    values = [
        ActionRef.parse("corporate-plan#1.1"),
        ItemRef.parse("seb@2019-06-12/D1", "D"),
        ActionLine("A pilot took place.", "", ("Anita Parkin",), "Q2"),
    ]
    for value in values:
        assert copy.copy(value) == value
        assert copy.deepcopy(value) == value
        assert pickle.loads(pickle.dumps(value)) == value
        assert hash(copy.copy(value)) == hash(value)


def test_a_meeting_item_ref_and_a_minutes_day_still_read() -> None:
    item = ItemRef.parse("seb@2019-06-12/A3", "A")
    assert (item.board, item.held_on, item.kind, item.number) == ("seb", date(2019, 6, 12), "A", 3)
    assert str(item) == "seb@2019-06-12/A3"
    assert parse_day("12/06/2019") == date(2019, 6, 12)
    shown = "ActionLine(health='h', la='', owners=(), timescale='')"
    assert repr(ActionLine("h", "", (), "")) == shown
