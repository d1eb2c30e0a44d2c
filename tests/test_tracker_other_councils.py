"""Trackers as other bodies keep them: ticket numbers for IDs, owner and progress headers
in their own words, a legend under the table, captions no synonym knows, and status words
that are no rating. Each comes in, and the draft says how it was read."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from ledger.readers.tracker_files import read_tracker
from ledger.refs import ActionRef
from tests.conftest import Clerk, event_count


def write_csv(path: Path, rows: list[list[str]]) -> str:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return str(path)


def ready(db: str) -> Clerk:
    clerk = Clerk(db)
    clerk.ok("init")
    clerk.ok("board", "add", "audit", "Audit Committee", "--on", "2024-01-01")
    clerk.ok("tracker", "add", "risks", "Risk register", "--board", "audit", "--on", "2024-01-01")
    return clerk


def shown(clerk: Clerk) -> dict[str, dict]:
    rows = json.loads(clerk.ok("tracker", "show", "risks", "--format", "json").output)
    return {r["no"]: r for r in rows}


# -- IDs written as ticket numbers ------------------------------------------------------------

TICKETS = [
    ["Risk", "Likelihood", "Issue", "Updates"],
    ["Skills fade when tools write the code", "Medium", "#12", "#12, #15"],
    ["Domain teams bypass the engineers", "High", "#7", "#7"],
]


def test_clerk_imports_a_register_whose_items_are_ticket_numbers(db, tmp_path):
    clerk = ready(db)
    path = write_csv(tmp_path / "register.csv", TICKETS)
    out = clerk.ok("tracker", "import", "risks", path, "--key", "Issue", "--on", "2024-02-01")
    assert "Recorded" in out.output and "'#12'" in out.output and "risks#12" not in out.output
    assert "TRACKER#12" in out.output
    rows = shown(clerk)
    assert set(rows) == {"12", "7"}
    assert rows["12"]["action"] == TICKETS[1][0] and rows["12"]["issue"] == ""
    clerk.ok("action", "rate", "risks#12", "red", "--on", "2024-02-02", "--reason", "Seen")
    history = clerk.ok("action", "history", "risks##12", "--format", "json").output
    assert [h["event"] for h in json.loads(history)] == ["ActionAdded", "RatingChanged"]


def test_a_ticket_number_and_its_ref_name_the_same_item():
    assert ActionRef.parse("risks#119") == ActionRef.parse("risks##119")
    assert str(ActionRef.parse("risks##119")) == "risks#119"
    assert ActionRef.parse("risks#REC#4").number == "REC#4"


def test_a_column_headed_issue_holding_ticket_numbers_is_the_id(tmp_path):
    draft = read_tracker(write_csv(tmp_path / "register.csv", TICKETS))
    assert [(i.id, i.issue, i.action) for i in draft.items] == [
        ("12", "", TICKETS[1][0]),
        ("7", "", TICKETS[2][0]),
    ]
    assert any("column 'Issue' holds IDs" in n for n in draft.notes)


# -- headers in a council's own words -------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Lead Officer/EM", "who"),
        ("Lead officer(s)", "who"),
        ("Responsible officer / team", "who"),
        ("Action taken", "update"),
        ("Action taken to date", "update"),
        ("Progress to date", "update"),
        ("Position statement", "update"),
        ("Comments/update", "update"),
        ("Status (RAG)", "ragb"),
        ("Sponsor name", "who"),
        ("Target date (dd/mm/yy)", "timescale"),
    ],
)
def test_clerk_sees_owner_and_progress_headers_in_their_own_words(tmp_path, header, field):
    rows = [["Ref", "Recommendation", header], ["SR 01", "Review the fees", "Green"]]
    draft = read_tracker(write_csv(tmp_path / "t.csv", rows))
    assert draft.columns[header] == field and not draft.extra


def test_a_second_name_does_not_make_a_header_mean_something_else(tmp_path):
    rows = [["No", "Action", "Meeting date / action number"], ["1", "Do it", "4 May / 7"]]
    draft = read_tracker(write_csv(tmp_path / "t.csv", rows))
    assert draft.extra == ["Meeting date / action number"]


# -- a legend under the table -----------------------------------------------------------------

LEGEND = [
    ["Recommendation tracker"],
    ["Ref", "Recommendation", "Lead officer", "Status"],
    ["R1", "Publish the fees", "DM/PL", "Green"],
    ["R2", "Review the contract", "SS", "Amber"],
    ["", "", "", ""],
    ["Key"],
    ["Ref: each recommendation's number in the year"],
    ["Status:"],
    ["· Green: achieved, monitoring no longer required;"],
    ["· Amber: acceptable progress made"],
]


def test_a_legend_under_the_table_is_the_key_not_items(tmp_path):
    draft = read_tracker(write_csv(tmp_path / "t.csv", LEGEND))
    assert [i.id for i in draft.items] == ["R1", "R2"]
    assert draft.key == {
        "Key": {"Ref": "each recommendation's number in the year"},
        "Status": {
            "Green": "achieved, monitoring no longer required;",
            "Amber": "acceptable progress made",
        },
    }
    assert "rows 6-10 below the items are the tracker's legend: kept as its key, not as items" in (
        draft.notes
    )


def test_legend_lines_with_no_key_title_are_the_key_too(tmp_path):
    rows = [row for row in LEGEND if row != ["Key"]]
    draft = read_tracker(write_csv(tmp_path / "t.csv", rows))
    assert [i.id for i in draft.items] == ["R1", "R2"]
    assert draft.key["Status"]["Amber"] == "acceptable progress made"


def test_a_last_heading_with_nothing_under_it_is_said_not_dropped(tmp_path):
    rows = [["Ref", "Action"], ["Current"], ["1", "Mend the gate"], ["Completed"], ["", ""]]
    draft = read_tracker(write_csv(tmp_path / "t.csv", rows))
    assert [i.theme for i in draft.items] == ["Current"]
    assert "row 4 ('Completed') is a heading with no items under it" in draft.notes


# -- the ID named with --key ------------------------------------------------------------------


def test_the_key_column_is_said_to_be_the_id_not_an_extra_field(tmp_path):
    rows = [
        ["Objective", "Measure", "Actual 2024"],
        ["Pay suppliers on time", "Invoices paid in 30 days", "91%"],
        ["Answer the phone", "Calls answered", "88%"],
    ]
    draft = read_tracker(write_csv(tmp_path / "kpi.csv", rows), key="Measure")
    assert draft.columns == {"Objective": "action", "Measure": "id"}
    assert draft.extra == ["Actual 2024"]
    assert not any("'Measure'" in n for n in draft.notes)
    assert draft.items[1].id == "Calls answered"


# -- captions no synonym knows ----------------------------------------------------------------

INITIATIVES = [
    ["Strategic initiatives"],
    ["Initiative", "Steward", "Links"],
    ["Current"],
    ["Core Promise APIs", "Matteo Collina", ""],
    ["Startup performance", "Joyee Cheung", "https://example.org/issues/17058"],
    ["Build resources", "Michael Dawson", "https://example.org/build/1154"],
    ["Mentoring", "?", ""],
]


def test_a_row_of_short_labels_is_the_header_and_the_text_is_told_by_content(tmp_path):
    draft = read_tracker(write_csv(tmp_path / "t.csv", INITIATIVES))
    assert draft.heading == "Strategic initiatives"
    assert [(i.action, i.lines[0].who, i.theme) for i in draft.items] == [
        ("Core Promise APIs", "Matteo Collina", "Current"),
        ("Startup performance", "Joyee Cheung", "Current"),
        ("Build resources", "Michael Dawson", "Current"),
        ("Mentoring", "?", "Current"),
    ]
    assert draft.items[1].fields == {"Links": "https://example.org/issues/17058"}
    assert any(
        n.startswith(
            "no header names the items' text: read 'Initiative' as the action and "
            "'Steward' as the owner"
        )
        for n in draft.notes
    )
    mapped = read_tracker(write_csv(tmp_path / "t.csv", INITIATIVES), mapping={"Steward": "action"})
    assert mapped.items[0].action == "Matteo Collina"


def test_a_first_row_of_names_over_names_is_an_item_not_a_header(tmp_path):
    rows = [
        ["Review the parking charges", "Jo Bloggs"],
        ["Mend the play area", "Al Smith"],
        ["Paint the bus shelter", "Di Jones"],
    ]
    draft = read_tracker(write_csv(tmp_path / "t.csv", rows))
    assert [i.action for i in draft.items] == [r[0] for r in rows]
    assert draft.notes[0].startswith("no header row")


def test_a_log_without_a_header_is_still_read_by_its_columns(tmp_path):
    rows = [
        ["Action log"],
        ["Circulate the minutes of the thirteenth meeting", "New"],
        ["Publish the note of the meeting on the website", "Ongoing"],
    ]
    draft = read_tracker(write_csv(tmp_path / "t.csv", rows))
    assert [(i.action, i.update) for i in draft.items] == [(r[0], r[1]) for r in rows[1:]]


# -- status words that are no rating --------------------------------------------------------------


def test_clerk_imports_a_status_column_of_progress_words_without_guessing_colours(db, tmp_path):
    clerk = ready(db)
    rows = [
        ["Reference", "Recommendation", "Action taken", "Status"],
        ["SR 01", "Publish the fees", "Published in May", "Complete"],
        ["SR 02", "Review the contract", "Review begun", "Ongoing"],
        ["SR 03", "Merge the teams", "On hold for the budget", "e.g. Paused"],
    ]
    path = write_csv(tmp_path / "recs.csv", rows)
    out = clerk.ok("tracker", "import", "risks", path, "--on", "2024-02-01").output
    assert "'Ongoing', 'e.g. Paused'" in out and "not rated" in out
    got = shown(clerk)
    assert (got["SR 01"]["ragb"], got["SR 02"]["ragb"], got["SR 03"]["ragb"]) == ("blue", "", "")
    assert got["SR 02"]["fields"] == {"Status": "Ongoing"}
    assert got["SR 02"]["update"] == "Review begun"
    rows[2][3] = "Complete"
    before = event_count(db)
    clerk.ok("tracker", "import", "risks", write_csv(tmp_path / "recs.csv", rows))
    assert shown(clerk)["SR 02"]["ragb"] == "blue"
    assert shown(clerk)["SR 02"]["fields"] == {"Status": "Complete"}
    assert event_count(db) == before + 2


def test_a_word_neither_rating_nor_progress_still_names_row_column_and_words(db, tmp_path):
    clerk = ready(db)
    rows = [["Ref", "Action", "Status"], ["1", "One", "Ongoing"], ["2", "Two", "Purple"]]
    path = write_csv(tmp_path / "t.csv", rows)
    before = event_count(db)
    result = clerk("tracker", "import", "risks", path)
    assert result.exit_code == 2
    assert f"{path}, row 3, column Status: 'Purple' is not a rating; use R, A, G, B" in (
        result.output
    )
    assert event_count(db) == before
