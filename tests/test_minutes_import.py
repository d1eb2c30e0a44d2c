"""Minutes in: the seed minutes as they are, and minutes with AGREED/RESOLVED parts."""

from __future__ import annotations

import json

import pytest

from tests.conftest import Clerk, event_count

MINUTES = """Agenda item

Therapies review

Minutes:

The Panel noted the report. Members asked about waiting times.

RESOLVED:
(a) that the therapy redesign proceed;
(b) that an update on waiting times be provided to the meeting of the Panel on 7 March 2022.

ACTION: Jan Parnell

Agenda item

Local Offer

AGREED: to publish the new Local Offer pages in January.
"""


def ready(db: str) -> Clerk:
    clerk = Clerk(db)
    clerk.ok("init")
    clerk.ok("board", "add", "cepac", "Children and Education PAC", "--on", "2019-01-01")
    clerk.ok("meeting", "add", "cepac", "2019-07-02", "--on", "2019-06-01")
    clerk.ok("meeting", "add", "cepac", "2019-09-10", "--on", "2019-06-01")
    clerk.ok(
        "tracker", "add", "hf-send-2019", "SEND actions", "--board", "cepac", "--on", "2019-06-01"
    )
    return clerk


def test_the_seed_minutes_draft_holds_what_a_clerk_would_record(seeds, db):
    clerk = ready(db)
    path = str(seeds / "hf-2019-send-inspection-minutes.txt")
    before = event_count(db)
    draft = clerk.ok(
        "minutes", "import", "cepac", path, "--meeting", "2019-07-02", "--dry-run"
    ).output
    assert event_count(db) == before
    assert "Item: Outcome of the Joint Local Area SEND Inspection" in draft
    assert "ACTION: Anita Parkin" in draft
    assert "Public Health to provide an update on this at the next meeting" in draft
    assert "(follow-up 2019-09-10)" in draft
    assert "govledger action rate hf-send-2019#15 red --on 2019-07-02" in draft
    assert "Would record 2 events." in draft
    clerk.ok("minutes", "import", "cepac", path, "--meeting", "2019-07-02")
    log = json.loads(clerk.ok("log", "--format", "json", "--limit", "2").output)
    assert [(r["event"], r["subject"]) for r in log] == [
        ("DecisionRecorded", "cepac@2019-07-02/D1"),
        ("MinuteActionRaised", "cepac@2019-07-02/A1"),
    ]
    assert event_count(db) == before + 2
    due = json.loads(clerk.ok("due", "--format", "json").output)
    assert ("minute action", "Anita Parkin") in {(d["kind"], d["owner"]) for d in due}


def test_decisions_with_lettered_parts_report_backs_and_noting(db, tmp_path):
    clerk = ready(db)
    path = tmp_path / "minutes.txt"
    path.write_text(MINUTES, encoding="utf-8")
    clerk.ok("minutes", "import", "cepac", str(path), "--meeting", "2019-07-02")
    history = json.loads(clerk.ok("board", "history", "cepac", "--format", "json").output)
    decisions = [(r["what"], r["status"]) for r in history if r["kind"] == "decision"]
    assert decisions == [
        ("NOTED: Therapies review: The Panel noted the report.", ""),
        (
            "RESOLVED: Therapies review: (a) that the therapy redesign proceed; (b) that an update "
            "on waiting times be provided to the meeting of the Panel on 7 March 2022.",
            "follow-up 2022-03-07",
        ),
        ("AGREED: Local Offer: to publish the new Local Offer pages in January.", ""),
    ]
    actions = [r["what"] for r in history if r["kind"] == "minute action"]
    assert actions == [
        "ACTION: Jan Parnell: (a) that the therapy redesign proceed; (b) that an "
        "update on waiting times be provided to the meeting of the Panel on "
        "7 March 2022."
    ]


@pytest.mark.parametrize(
    ("content", "message"), [(b"", "is empty"), (b"\x00\x01binary", "not a text file")]
)
def test_unreadable_minutes_are_refused_and_nothing_is_recorded(db, tmp_path, content, message):
    clerk = ready(db)
    path = tmp_path / "minutes.txt"
    path.write_bytes(content)
    before = event_count(db)
    result = clerk("minutes", "import", "cepac", str(path), "--meeting", "2019-07-02")
    assert result.exit_code == 2 and message in result.output and str(path) in result.output
    assert event_count(db) == before
