"""A clerk puts right what an imported tracker got wrong, with `govledger correct`: a
column of the tracker's own (kept word for word), the action's text, owners, due date and
update. The mistake stays in the log; every view shows the corrected value, and says a
revision of the tracker's own columns in the same words: ``Name: from → to``."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from tests.conftest import Clerk, event_count

HEADER = ["Ref", "Action", "Lead officer", "Due", "RAG", "Update", "Directorate"]
MARCH = [
    HEADER,
    ["A1", "Recruit two social workers", "Sam Lee", "2024-06-30", "Amber", "Advert out", "Adluts"],
    ["A2", "Review the fostering offer", "Kim Tan", "2024-09-30", "Green", "Started", ""],
]
APRIL = [HEADER, [*MARCH[1][:6], "Children"], MARCH[2]]


def write_csv(path: Path, rows: list[list[str]]) -> str:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return str(path)


def imported(db: str, tmp_path: Path, *versions: list[list[str]]) -> Clerk:
    """The children's services tracker, imported on the first of each month from March."""
    clerk = Clerk(db)
    clerk.ok("init")
    clerk.ok("board", "add", "cab", "Cabinet", "--on", "2024-01-01")
    clerk.ok("tracker", "add", "cs", "Children's services", "--board", "cab", "--on", "2024-01-01")
    for month, rows in enumerate(versions, start=3):
        out = clerk.ok(
            "tracker",
            "import",
            "cs",
            write_csv(tmp_path / f"m{month}.csv", rows),
            "--on",
            f"2024-0{month}-01",
        ).output
        assert "column 'Directorate' kept as an extra field" in out
    return clerk


def json_of(clerk: Clerk, *args: str) -> list[dict]:
    return json.loads(clerk.ok(*args, "--format", "json").output)


def position_of(clerk: Clerk, event: str, subject: str) -> int:
    log = json_of(clerk, "log")
    return next(r["position"] for r in log if (r["event"], r["subject"]) == (event, subject))


def shown(clerk: Clerk, *args: str) -> dict[str, dict]:
    return {r["no"]: r for r in json_of(clerk, "tracker", "show", "cs", *args)}


def test_clerk_corrects_a_mistyped_column_and_the_log_keeps_both(db, tmp_path):
    clerk = imported(db, tmp_path, MARCH)
    added = position_of(clerk, "ActionAdded", "cs#A1")
    assert shown(clerk)["A1"]["fields"] == {"Directorate": "Adluts"}
    fixed = clerk.ok(
        "correct", str(added), "--field", "Directorate=Adults", "--reason", "Typed as Adluts"
    )
    assert "Recorded EntryCorrected for cs#A1" in fixed.output
    assert shown(clerk)["A1"]["fields"] == {"Directorate": "Adults"}
    story = json_of(clerk, "action", "history", "cs#A1")
    assert story[0]["marks"].endswith(f"corrected by #{story[-1]['position']}")
    assert story[-1]["change"] == f"corrects #{added}: Directorate: Adluts → Adults"
    log = json_of(clerk, "log")
    assert [r["event"] for r in log if r["subject"] == "cs#A1"] == [
        "ActionAdded",
        "RatingChanged",
        "EntryCorrected",
    ]
    assert log[-1]["summary"] == f"corrects position {added}: fields=Directorate: Adults"


def test_panel_reads_the_next_version_from_the_corrected_value(db, tmp_path):
    clerk = imported(db, tmp_path, MARCH)
    added = position_of(clerk, "ActionAdded", "cs#A1")
    clerk.ok("correct", str(added), "--field", "Directorate=Adults", "--reason", "Typo")
    clerk.ok(
        "tracker", "import", "cs", write_csv(tmp_path / "april.csv", APRIL), "--on", "2024-04-01"
    )
    moved = "Directorate: Adults → Children"
    story = json_of(clerk, "action", "history", "cs#A1")
    assert [r["change"] for r in story if r["event"] == "FieldsRevised"] == [moved]
    changes = json.loads(
        clerk.ok("changes", "cs", "--from", "2024-03-15", "--format", "json").output
    )["changes"]
    assert [(c["ref"], c["change"], c["to"]) for c in changes] == [("cs#A1", "revised", moved)]
    assert shown(clerk, "--at", "2024-03-15")["A1"]["fields"] == {"Directorate": "Adults"}
    assert shown(clerk)["A1"]["fields"] == {"Directorate": "Children"}


def test_panel_reads_a_revision_of_the_trackers_columns_the_same_way_in_every_view(db, tmp_path):
    clerk = imported(db, tmp_path, MARCH, APRIL)
    moved = "Directorate: Adluts → Children"
    story = json_of(clerk, "action", "history", "cs#A1")
    assert story[-1]["change"] == moved
    log = json_of(clerk, "log")
    assert log[-1]["summary"] == moved
    changes = clerk.ok("changes", "cs", "--from", "2024-03-15").output
    assert moved in changes
    for said in (json.dumps(story, ensure_ascii=False), json.dumps(log), changes):
        assert "{'" not in said  # never a Python dict


def test_clerk_corrects_an_imported_rows_text_owners_due_date_and_update(db, tmp_path):
    clerk = imported(db, tmp_path, MARCH)
    added = position_of(clerk, "ActionAdded", "cs#A2")
    clerk.ok(
        "correct",
        str(added),
        "--action",
        "Review the fostering and adoption offer",
        "--to",
        "Kim Tan",
        "--to",
        "Ravi Shah",
        "--timescale",
        "2024-10-31",
        "--update",
        "Scoping started",
        "--field",
        "Directorate=Children",
        "--reason",
        "The March tracker was keyed from an old draft",
    )
    row = shown(clerk)["A2"]
    assert (row["action"], row["who"], row["timescale"], row["update"], row["fields"]) == (
        "Review the fostering and adoption offer",
        ["Kim Tan", "Ravi Shah"],
        "2024-10-31",
        "Scoping started",
        {"Directorate": "Children"},
    )
    change = json_of(clerk, "action", "history", "cs#A2")[-1]["change"]
    assert change.startswith(f"corrects #{added}: ")
    assert set(change.removeprefix(f"corrects #{added}: ").split("; ")) == {
        "action Review the fostering offer → Review the fostering and adoption offer",
        "update Started → Scoping started",
        "Directorate: (none) → Children",
        "owners Kim Tan → Kim Tan / Ravi Shah",
        "timescale 2024-09-30 → 2024-10-31",
    }


def test_a_second_correction_starts_from_the_first(db, tmp_path):
    clerk = imported(db, tmp_path, MARCH)
    added = position_of(clerk, "ActionAdded", "cs#A1")
    clerk.ok("correct", str(added), "--field", "Directorate=Adults", "--reason", "Typo")
    clerk.ok("correct", str(added), "--field", "Directorate=Children", "--reason", "Wrong row")
    story = json_of(clerk, "action", "history", "cs#A1")
    assert [r["change"] for r in story[-2:]] == [
        f"corrects #{added}: Directorate: Adluts → Adults",
        f"corrects #{added}: Directorate: Adults → Children",
    ]
    assert shown(clerk)["A1"]["fields"] == {"Directorate": "Children"}


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--field", "Directorate"], "'Directorate'; write NAME=VALUE"),
        (["--field", "=Adults"], "'=Adults'; write NAME=VALUE"),
        (["--field", "Directorate=A", "--field", "Directorate=B"], "given twice"),
        (["--field", "Directrate=Adults"], "no column 'Directrate'; did you mean 'Directorate'?"),
        (["--field", "Budget=5"], "no column 'Budget'; its columns are 'Directorate'"),
        (["--owner", "Sam Lee"], "correct its owners with --to OWNER"),
        (["--due", "2024-07-31"], "its due date with --timescale"),
        (["--rating", "red"], "a added entry has no rating to correct"),
    ],
)
def test_a_bad_correction_is_one_line_exit_2_and_nothing_written(db, tmp_path, args, said):
    clerk = imported(db, tmp_path, MARCH)
    added = position_of(clerk, "ActionAdded", "cs#A1")
    before = event_count(db)
    result = clerk("correct", str(added), *args, "--reason", "Typo")
    assert (result.exit_code, len(result.output.strip().splitlines())) == (2, 1), result.output
    assert said in result.output
    assert event_count(db) == before


def test_a_column_is_corrected_only_on_an_entry_that_holds_the_trackers_columns(db, tmp_path):
    clerk = imported(db, tmp_path, MARCH)
    rated = position_of(clerk, "RatingChanged", "cs#A1")
    before = event_count(db)
    result = clerk("correct", str(rated), "--field", "Directorate=Adults", "--reason", "x")
    assert result.exit_code == 2
    assert "a rating entry has no fields to correct" in result.output
    assert event_count(db) == before
