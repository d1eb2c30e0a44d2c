"""An action's events are stored as they always were: each kind, made by the Action
aggregate at a fixed time with fixed salts, encodes to the very bytes written before the
event classes were last rearranged (the fields in the same order, under the same topic),
and those bytes read back as the class the aggregate uses, so a ledger written then still
reads and verifies."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from eventsourcing.persistence import StoredEvent

from commands.session import Session
from ledger.action import Action, ActionLine
from ledger.application import open_ledger
from ledger.commitments import FREE_TEXT
from ledger.rating import Rating
from ledger.refs import ActionRef, action_id
from ledger.verify import SALTS

AT = datetime(2019, 6, 12, 9, 30, tzinfo=UTC)
DAY = date(2019, 6, 12)
WHO = {"actor": "Jo Clerk", "on": DAY, "reason": "Board of June"}


def every_kind() -> list[Any]:
    """One event of each kind an action records, in the order the aggregate makes them."""
    action = Action.add(
        ActionRef("t", "15"),
        issue="Checks are not integrated",
        kloe=[1, 2],
        theme="Identification",
        line=ActionLine("A pilot in January", "LA text", ("Anita Parkin",), "Q2"),
        action="Pilot the checks",
        update="Started",
        fields={"Cost": "£1,200"},
        **WHO,
    )
    action.add_line(ActionLine("Second", "", ("Sam Okafor", "Ruth Hale"), "Q3"), **WHO)
    action.rate(Rating.BLUE, evidence="t.csv, row 2: Complete", **WHO)
    action.reopen(Rating.AMBER, **WHO)
    action.reassign(["Jo Bloggs"], line=2, **WHO)
    action.retime("Q4", line=1, **WHO)
    action.note("Costed", **WHO)
    action.revise_fields({"Cost": "£1,500"}, **WHO)
    action.correct(7, position=9, values={"text": "Costed in May"}, effective=None, void=False,
                   **WHO)  # fmt: skip
    return list(action.collect_events())


def fixed(event: Any) -> Any:
    """The event with a fixed time, and a fixed salt for each of its free texts."""
    object.__setattr__(event, "timestamp", AT)
    said = vars(event)
    salts = {n: f"{i:032x}" for i, n in enumerate(said) if n in FREE_TEXT and said[n]}
    object.__setattr__(event, SALTS, salts)
    return event


STORED: dict[str, str] = {  # as written before: never edit these
    "govledger:Action.ActionAdded": (
        '{"timestamp":{"_type_":"datetime_iso","_data_":"2019-06-12T09:30:00+00:00"},"ori'
        'ginator_topic":"govledger:Action","actor":"Jo Clerk","on":{"_type_":"date","_dat'
        'a_":"2019-06-12"},"reason":"Board of June","tracker":"t","number":"15","issue":"'
        'Checks are not integrated","kloe":[1,2],"theme":"Identification","health":"A pil'
        'ot in January","la":"LA text","owners":["Anita Parkin"],"timescale":"Q2","action'
        '":"Pilot the checks","update":"Started","fields":{"Cost":"£1,200"},"_salts_":{"r'
        'eason":"00000000000000000000000000000006","issue":"00000000000000000000000000000'
        '009","theme":"0000000000000000000000000000000b","health":"0000000000000000000000'
        '000000000c","la":"0000000000000000000000000000000d","owners":"000000000000000000'
        '0000000000000e","timescale":"0000000000000000000000000000000f","action":"0000000'
        '0000000000000000000000010","update":"00000000000000000000000000000011","fields":'
        '"00000000000000000000000000000012"},"class_version":2}'
    ),
    "govledger:Action.ActionLineAdded": (
        '{"timestamp":{"_type_":"datetime_iso","_data_":"2019-06-12T09:30:00+00:00"},"act'
        'or":"Jo Clerk","on":{"_type_":"date","_data_":"2019-06-12"},"reason":"Board of J'
        'une","health":"Second","la":"","owners":["Sam Okafor","Ruth Hale"],"timescale":"'
        'Q3","_salts_":{"reason":"00000000000000000000000000000005","health":"00000000000'
        '000000000000000000006","owners":"00000000000000000000000000000008","timescale":"'
        '00000000000000000000000000000009"}}'
    ),
    "govledger:Action.RatingChanged": (
        '{"timestamp":{"_type_":"datetime_iso","_data_":"2019-06-12T09:30:00+00:00"},"act'
        'or":"Jo Clerk","on":{"_type_":"date","_data_":"2019-06-12"},"reason":"Board of J'
        'une","rating":"blue","previous":null,"evidence":"t.csv, row 2: Complete","_salts'
        '_":{"reason":"00000000000000000000000000000005","evidence":"00000000000000000000'
        '000000000008"}}'
    ),
    "govledger:Action.ActionReopened": (
        '{"timestamp":{"_type_":"datetime_iso","_data_":"2019-06-12T09:30:00+00:00"},"act'
        'or":"Jo Clerk","on":{"_type_":"date","_data_":"2019-06-12"},"reason":"Board of J'
        'une","rating":"amber","_salts_":{"reason":"00000000000000000000000000000005"}}'
    ),
    "govledger:Action.OwnerReassigned": (
        '{"timestamp":{"_type_":"datetime_iso","_data_":"2019-06-12T09:30:00+00:00"},"act'
        'or":"Jo Clerk","on":{"_type_":"date","_data_":"2019-06-12"},"reason":"Board of J'
        'une","line":2,"owners":["Jo Bloggs"],"previous":["Sam Okafor","Ruth Hale"],"_sal'
        'ts_":{"reason":"00000000000000000000000000000005","owners":"00000000000000000000'
        '000000000007","previous":"00000000000000000000000000000008"}}'
    ),
    "govledger:Action.TimescaleRevised": (
        '{"timestamp":{"_type_":"datetime_iso","_data_":"2019-06-12T09:30:00+00:00"},"act'
        'or":"Jo Clerk","on":{"_type_":"date","_data_":"2019-06-12"},"reason":"Board of J'
        'une","line":1,"timescale":"Q4","previous":"Q2","_salts_":{"reason":"000000000000'
        '00000000000000000005","timescale":"00000000000000000000000000000007","previous":'
        '"00000000000000000000000000000008"}}'
    ),
    "govledger:Action.NoteAdded": (
        '{"timestamp":{"_type_":"datetime_iso","_data_":"2019-06-12T09:30:00+00:00"},"act'
        'or":"Jo Clerk","on":{"_type_":"date","_data_":"2019-06-12"},"reason":"Board of J'
        'une","text":"Costed","_salts_":{"reason":"00000000000000000000000000000005","tex'
        't":"00000000000000000000000000000006"}}'
    ),
    "govledger:Action.FieldsRevised": (
        '{"timestamp":{"_type_":"datetime_iso","_data_":"2019-06-12T09:30:00+00:00"},"act'
        'or":"Jo Clerk","on":{"_type_":"date","_data_":"2019-06-12"},"reason":"Board of J'
        'une","fields":{"Cost":"£1,500"},"previous":{"Cost":"£1,200"},"_salts_":{"reason"'
        ':"00000000000000000000000000000005","fields":"00000000000000000000000000000006",'
        '"previous":"00000000000000000000000000000007"}}'
    ),
    "govledger:Action.EntryCorrected": (
        '{"timestamp":{"_type_":"datetime_iso","_data_":"2019-06-12T09:30:00+00:00"},"act'
        'or":"Jo Clerk","on":{"_type_":"date","_data_":"2019-06-12"},"reason":"Board of J'
        'une","corrects":7,"position":9,"values":{"text":"Costed in May"},"effective":nul'
        'l,"void":false,"_salts_":{"reason":"00000000000000000000000000000005","values":"'
        '00000000000000000000000000000008"}}'
    ),
}


@pytest.fixture
def mapper(tmp_path: Path) -> Any:
    ledger = open_ledger(str(tmp_path / "l.db"), create=True, today=Session.clock)
    yield ledger.mapper
    ledger.close()


def test_every_kind_of_action_event_is_stored_as_the_same_bytes_as_before(mapper: Any) -> None:
    made = {}
    for event in every_kind():
        stored = mapper.to_stored_event(fixed(event))
        made[stored.topic] = stored.state.decode("utf-8")
    assert made == STORED


def test_what_was_stored_before_reads_back_as_the_aggregates_classes(mapper: Any) -> None:
    action = ActionRef("t", "15")
    for version, (topic, state) in enumerate(STORED.items(), start=1):
        event = mapper.to_domain_event(
            StoredEvent(action_id(action), version, topic, state.encode("utf-8"))
        )
        assert type(event) is getattr(Action, topic.rpartition(".")[2])
        assert event.timestamp == AT
