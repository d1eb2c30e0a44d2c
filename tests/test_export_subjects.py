"""Every event in an export is told under the ref of what it is about, read from its
aggregate's first event without the event library: the same ref the ledger itself gives
(``Ledger.subject_of``), for every kind of aggregate. SQLite and PostgreSQL."""

from __future__ import annotations

import inspect
import json
from uuid import UUID

from ledger.application import open_ledger
from ledger.topics import AGGREGATES, located
from projections.subjects import SUBJECTS
from projections.wording import item_ref
from tests.conftest import Clerk
from tests.test_governance_told_and_erased import governance


def first_events() -> dict[str, type]:
    """Each aggregate's first event class (the one that says what the aggregate is)."""
    found = {}
    for place in AGGREGATES.values():
        aggregate = located(place)
        for _, member in inspect.getmembers(aggregate, inspect.isclass):
            if isinstance(getattr(member, "subject", None), property) and hasattr(member, "TOPIC"):
                found[member.TOPIC.partition(":")[2]] = member
    return found


def test_every_aggregates_first_event_has_its_subject_read_without_the_library():
    assert set(first_events()) == set(SUBJECTS)


def test_an_auditor_finds_each_event_under_the_ref_the_ledger_gives_its_subject(
    db, keys, tmp_path, monkeypatch
):
    clerk = Clerk(db)
    clerk.ok("init")
    clerk.ok("keys", "new", "jo.clerk")
    clerk.ok("keys", "require-signing", "--reason", "Board decision 12/2026")
    monkeypatch.setenv("GOVLEDGER_KEY", "jo.clerk")  # every entry signed from here
    at = governance(clerk)  # a board, a meeting, decisions, a vote, a call-in, an address
    clerk.ok("tracker", "add", "hf", "SEND actions", "--board", "seb", "--on", "2019-06-01")
    clerk.ok("action", "add", "hf", "1", "--issue", "Issue 1", "--on", "2019-06-01")
    clerk.ok("seal", "--note", "June board")
    clerk.ok("redact", str(at["address"]), "--field", "address", "--reason", "DPO request")
    out = tmp_path / "log.jsonl"
    clerk.ok("export", "-o", str(out))
    lines = out.read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines[:-1]]
    ledger = open_ledger(db)
    try:
        for r in records:
            told = ledger.subject_of(UUID(r["aggregate_id"]))
            assert r["subject"] == item_ref(told, r["type"], r["payload"].get("number")), r
    finally:
        ledger.close()
    kinds = {r["stored"]["topic"].partition(":")[2] for r in records if r["aggregate_version"] == 1}
    assert kinds >= set(SUBJECTS) - {"ReminderRun.RemindersSent"}
    assert {"seb@2019-06-12/D1", "seb@2019-06-12/A1", "owner:Anita Parkin"} <= {
        r["subject"] for r in records
    }
