"""What a clerk sees of a tracker imported from another council's file: the table with
only its own columns, wrapped to the terminal; each action's story and the log saying
what was added and which of the tracker's own columns moved; corrections of its text."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from ledger.application import open_ledger
from ledger.errors import InvalidEntry
from tests.conftest import Clerk

LONG = (
    "Reconcile every bank account with the general ledger each month and report any "
    "difference over five hundred pounds to the audit committee within ten working days"
)


def write_csv(path: Path, rows: list[list[str]]) -> str:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return str(path)


def imported(db: str, tmp_path: Path) -> Clerk:
    """A log with no issue column and a column of its own, imported in March and April."""
    clerk = Clerk(db)
    clerk.ok("init")
    clerk.ok("board", "add", "audit", "Audit Committee", "--on", "2024-01-01")
    clerk.ok("tracker", "add", "recs", "Recommendations", "--board", "audit", "--on", "2024-01-01")
    header = ["Ref", "Recommendation", "Cost (£)", "Progress"]
    march = [header, ["R-01", LONG, "1,200", "Started"], ["R-02", "Sell the depot", "", "New"]]
    april = [header, ["R-01", LONG, "1,450", "Started"], ["R-02", "Sell the depot", "", "New"]]
    clerk.ok(
        "tracker", "import", "recs", write_csv(tmp_path / "m.csv", march), "--on", "2024-03-01"
    )
    clerk.ok(
        "tracker", "import", "recs", write_csv(tmp_path / "a.csv", april), "--on", "2024-04-01"
    )
    return clerk


def test_the_table_shows_the_trackers_own_columns_wrapped_to_the_terminal(
    db, tmp_path, monkeypatch
):
    clerk = imported(db, tmp_path)
    monkeypatch.setenv("COLUMNS", "80")
    out = clerk.ok("tracker", "show", "recs").output
    lines = out.splitlines()
    assert lines[0].split() == ["no", "line", "action", "update", "fields"]
    assert max(len(line) for line in lines) <= 80
    assert "Cost (£): 1,450" in out and "{" not in out
    shown = " ".join(" ".join(line.split()) for line in lines)
    assert all(word in shown for word in LONG.split())
    rows = json.loads(clerk.ok("tracker", "show", "recs", "--format", "json").output)
    assert rows[0]["fields"] == {"Cost (£)": "1,450"} and "kloe" in rows[0]


def test_the_story_and_the_log_say_what_was_added_and_which_columns_moved(db, tmp_path):
    clerk = imported(db, tmp_path)
    story = json.loads(clerk.ok("action", "history", "recs#R-01", "--format", "json").output)
    assert [(r["event"], r["change"]) for r in story] == [
        ("ActionAdded", f"added: {LONG}"),
        ("FieldsRevised", "Cost (£): 1,200 → 1,450"),
    ]
    log = json.loads(clerk.ok("log", "--format", "json").output)
    said = {(r["event"], r["subject"]): r["summary"] for r in log}
    assert said[("ActionAdded", "recs#R-02")] == "action added: Sell the depot"
    assert said[("FieldsRevised", "recs#R-01")] == "Cost (£): 1,200 → 1,450"
    assert "action added: " not in [r["summary"] for r in log]


def position_of(clerk: Clerk, event: str, subject: str) -> int:
    log = json.loads(clerk.ok("log", "--format", "json").output)
    return next(r["position"] for r in log if (r["event"], r["subject"]) == (event, subject))


def test_a_clerk_corrects_an_actions_text_update_and_own_columns_by_new_events(db, tmp_path):
    clerk = imported(db, tmp_path)
    added = position_of(clerk, "ActionAdded", "recs#R-02")
    revised = position_of(clerk, "FieldsRevised", "recs#R-01")
    ledger = open_ledger(db)
    ledger.correct(
        added,
        {"action": "Sell the old depot", "update": "Valuation asked", "fields": {"Cost (£)": "0"}},
        actor="Jo Clerk",
        reason="The depot is the old one; the file left its cost blank",
    )
    ledger.correct(
        revised, {"fields": {"Cost (£)": "1,540"}}, actor="Jo Clerk", reason="Digits swapped"
    )
    rows = {
        r["no"]: r
        for r in json.loads(clerk.ok("tracker", "show", "recs", "--format", "json").output)
    }
    assert (rows["R-02"]["action"], rows["R-02"]["update"]) == (
        "Sell the old depot",
        "Valuation asked",
    )
    assert rows["R-02"]["fields"] == {"Cost (£)": "0"}
    assert rows["R-01"]["fields"] == {"Cost (£)": "1,540"}
    story = json.loads(clerk.ok("action", "history", "recs#R-01", "--format", "json").output)
    assert story[-1]["change"].startswith(f"corrects #{revised}: Cost (£): 1,450 → 1,540")
    log = json.loads(clerk.ok("log", "--format", "json", "--limit", "1").output)
    assert log[0]["summary"] == f"corrects position {revised}: fields=Cost (£): 1,540"


def test_a_correction_naming_something_an_entry_does_not_hold_is_refused(db, tmp_path):
    clerk = imported(db, tmp_path)
    revised = position_of(clerk, "FieldsRevised", "recs#R-01")
    try:
        open_ledger(db).correct(revised, {"action": "x"}, actor="Jo Clerk", reason="Wrong")
    except InvalidEntry as refused:
        assert "a fields entry has no action to correct; it can take: fields" in str(refused)
    else:
        raise AssertionError("a fields entry took an action text")
