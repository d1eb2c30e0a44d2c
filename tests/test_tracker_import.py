"""Real trackers in: the seed's PDF text, and the same tracker as CSV and XLSX."""

from __future__ import annotations

import csv
import io
import json
import os
import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from ledger.action import Action, ActionLine
from ledger.refs import ActionRef
from tests.conftest import Clerk, event_count

HEADERS = [
    "No.",
    "KLOE",
    "Theme",
    "Issue",
    "Action Health",
    "Action LA",
    "Who",
    "Timescale",
    "RAGB",
]
FIELDS = ["no", "kloe", "theme", "issue", "health", "la", "who", "timescale", "ragb"]


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


def ready(db: str) -> Clerk:
    clerk = Clerk(db)
    clerk.ok("init")
    clerk.ok("board", "add", "cepac", "Children and Education PAC", "--on", "2019-01-01")
    clerk.ok(
        "tracker", "add", "hf-send-2019", "SEND actions", "--board", "cepac", "--on", "2019-06-01"
    )
    return clerk


def shown(clerk: Clerk) -> list[dict]:
    return json.loads(clerk.ok("tracker", "show", "hf-send-2019", "--format", "json").output)


def file_words(path: Path) -> dict[str, list[str]]:
    """Each column's words in file order, leaving out the title, headers and the legend."""
    lines = path.read_text(encoding="utf-8").splitlines()
    found: dict[str, list[str]] = {f: [] for f in FIELDS}
    body = lines[next(i for i, ln in enumerate(lines) if ln.startswith("No.\t")) :]
    for line in body:
        if line.startswith("KEY\t"):
            break
        if line.startswith("No.\t"):
            continue
        for name, cell in zip(FIELDS, line.split("\t"), strict=False):
            found[name] += words(cell)
    return found


def tracker_words(rows: list[dict]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {f: [] for f in FIELDS}
    for row in rows:
        for name in ("kloe", "theme", "issue") if row["line"] == 1 else ():
            found[name] += words(row[name])
        for name in ("health", "la", "timescale"):
            found[name] += words(row[name])
        found["who"] += words(" / ".join(row["who"]))
    return found


def test_the_seed_tracker_imports_with_every_action_line_and_word(seeds, db):
    source = seeds / "hf-2019-06-send-action-tracker.tsv.txt"
    clerk = ready(db)
    out = clerk.ok("tracker", "import", "hf-send-2019", str(source), "--on", "2019-06-12").output
    assert "Recorded" in out
    rows = shown(clerk)
    numbers = list(dict.fromkeys(r["no"] for r in rows))
    assert numbers == [
        "1",
        "2",
        "3",
        "4",
        "4a",
        "4b",
        *map(str, range(5, 15)),
        "14a",
        *map(str, range(15, 21)),
    ]
    lines_per_action = {n: sum(r["no"] == n for r in rows) for n in numbers}
    assert {n: c for n, c in lines_per_action.items() if c > 1} == {
        "1": 2,
        "4b": 2,
        "9": 2,
        "12": 2,
        "14": 2,
    }
    expected, imported = file_words(source), tracker_words(rows)
    for name in FIELDS[1:-1]:
        assert imported[name] == expected[name], name
    eight = next(r for r in rows if r["no"] == "8")
    assert (
        "some gaps in provision for young adults remain as there is lack of advocacy"
        in eight["issue"]
    )
    one = [r for r in rows if r["no"] == "1"]
    assert one[1]["timescale"] == (
        "Timescale dependent on commissioning model agreed during "
        "19/20. Clear plan in place and agreed by end of Q1."
    )


def test_the_seed_legend_becomes_the_trackers_key(seeds, db):
    from ledger.application import open_ledger

    clerk = ready(db)
    clerk.ok(
        "tracker",
        "import",
        "hf-send-2019",
        str(seeds / "hf-2019-06-send-action-tracker.tsv.txt"),
        "--on",
        "2019-06-12",
    )
    ledger = open_ledger(db)
    try:
        heading, key = ledger.tracker("hf-send-2019").key
    finally:
        ledger.close()
    assert heading.startswith("Hammersmith and Fulham SEND Inspection")
    assert key["RAGB"]["Blue"] == "Completed" and key["RAGB"]["Green"] == "On track"
    assert key["KLOE"] == {
        "1": "Identifying Needs",
        "2": "Meeting Needs",
        "3": "Improving outcomes",
    }


def table_rows(rows: list[dict], ratings: dict[str, str] | None = None) -> list[list[str]]:
    """The tracker as a spreadsheet keeps it: one row per action line, blanks under a line."""
    table, numbered = [HEADERS], set()
    for row in rows:
        first = row["line"] == 1
        no = row["no"] if first and row["no"].isdigit() else ""
        numbered.add(row["no"])
        table.append(
            [
                no,
                row["kloe"] if first else "",
                row["theme"] if first else "",
                row["issue"] if first else "",
                row["health"],
                row["la"],
                " / ".join(row["who"]),
                row["timescale"],
                (ratings or {}).get(row["no"], "") if first else "",
            ]
        )
    return table


def write_csv(path: Path, table: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(table)
    return path


def write_xlsx(path: Path, table: list[list[str]]) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Tracker"
    for row in table:
        sheet.append(row)
    book.save(path)
    return path


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_the_same_tracker_as_csv_or_xlsx_imports_to_the_same_state(seeds, db, tmp_path, kind):
    clerk = ready(db)
    clerk.ok(
        "tracker",
        "import",
        "hf-send-2019",
        str(seeds / "hf-2019-06-send-action-tracker.tsv.txt"),
        "--on",
        "2019-06-12",
    )
    original = shown(clerk)
    table = table_rows(original)
    path = (write_csv if kind == "csv" else write_xlsx)(tmp_path / f"tracker.{kind}", table)
    other = ready(str(tmp_path / "other.db"))
    other.ok("tracker", "import", "hf-send-2019", str(path), "--on", "2019-06-12")
    assert shown(other) == original


def test_a_newer_version_records_only_what_changed(db, tmp_path):
    clerk = ready(db)
    rows = [
        ["1", "1", "Theme", "Issue one", "Health one", "", "Anita Parkin", "Q2", "Amber"],
        ["2", "2", "Theme", "Issue two", "", "LA two", "Jan Parnell", "Q3", "Green"],
        ["3", "2", "Theme", "Issue three", "", "LA three", "Peter Woods", "Q1", "Red"],
        ["4", "3", "Theme", "Issue four", "", "LA four", "Mandy Lawson", "Q4", "Amber"],
    ]
    first = write_csv(tmp_path / "q1.csv", [HEADERS, *rows])
    clerk.ok("tracker", "import", "hf-send-2019", str(first), "--on", "2019-06-12")
    rows[0][8], rows[1][8], rows[2][8] = "Green", "Blue", "Amber"
    rows[3][6] = "Alison Markwell"
    rows.append(["5", "1", "Theme", "Issue five", "Health five", "", "CCG", "Q2", ""])
    second = write_csv(tmp_path / "q2.csv", [HEADERS, *rows])
    before = event_count(db)
    out = clerk.ok("tracker", "import", "hf-send-2019", str(second), "--on", "2019-09-10").output
    assert "Recorded 5 events" in out
    assert event_count(db) == before + 5
    log = json.loads(clerk.ok("log", "--format", "json", "--limit", "5").output)
    assert sorted((r["event"], r["subject"]) for r in log) == [
        ("ActionAdded", "hf-send-2019#5"),
        ("OwnerReassigned", "hf-send-2019#4"),
        ("RatingChanged", "hf-send-2019#1"),
        ("RatingChanged", "hf-send-2019#2"),
        ("RatingChanged", "hf-send-2019#3"),
    ]
    assert {r["reason"] for r in log} == {"imported from q2.csv"}
    assert (
        "Recorded 0 events"
        in clerk.ok("tracker", "import", "hf-send-2019", str(second), "--on", "2019-09-10").output
    )


def test_a_dry_run_shows_the_plan_and_records_nothing(seeds, db):
    clerk = ready(db)
    before = event_count(db)
    out = clerk.ok(
        "tracker",
        "import",
        "hf-send-2019",
        str(seeds / "hf-2019-06-send-action-tracker.tsv.txt"),
        "--dry-run",
    ).output
    assert "Would record 29 events" in out and "hf-send-2019#14a" in out
    assert "(23 new actions, 5 new action lines, 1 key)" in out
    assert event_count(db) == before


MALFORMED = {
    "missing-column": (
        "t.csv",
        "No.,KLOE,Theme,Who\n1,1,T,Anita\n",
        "row 1",
        "has no column holding each item's text",
    ),
    "too-many-cells": (
        "t.csv",
        "No.,Issue,Who\n1,An issue,Anita,extra\n",
        "row 2",
        "4 cells but the header has 3 columns",
    ),
    "not-a-date": (
        "t.csv",
        "No.,Issue,RAGB,Rated on\n1,An issue,Red,last week\n",
        "row 2",
        "'last week' is not a date",
    ),
    "empty": ("t.csv", "", "t.csv", "is empty"),
    "binary": ("t.csv", bytes(range(256)) * 4, "t.csv", "is not text"),
    "not-a-workbook": ("t.csv", b"PK\x03\x04\x00\x00binary", "t.csv", "not an XLSX workbook"),
    "bad-rating": ("t.csv", "No.,Issue,RAGB\n1,An issue,Purple\n", "row 2", "not a rating"),
    "no-header-no-text": ("t.csv", "12,2024-01-05\n13,2024-02-01\n", "row 1", "--map 1=id"),
}


@pytest.mark.parametrize("case", MALFORMED, ids=list(MALFORMED))
def test_a_malformed_file_gets_its_error_and_records_nothing(db, tmp_path, case):
    name, content, where, message = MALFORMED[case]
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    clerk = ready(db)
    before = event_count(db)
    result = clerk("tracker", "import", "hf-send-2019", str(path))
    assert result.exit_code == 2, result.output
    assert str(path) in result.output and where in result.output and message in result.output
    assert result.output.count("\n") == 1 and "Traceback" not in result.output
    assert event_count(db) == before


def test_headers_are_read_by_meaning_and_map_names_the_rest(db, tmp_path):
    clerk = ready(db)
    path = write_csv(
        tmp_path / "t.csv",
        [["Ref", "Finding", "Lead officer", "Progress"], ["7", "An issue", "Anita Parkin", "G"]],
    )
    clerk.ok("tracker", "import", "hf-send-2019", str(path), "--dry-run")
    clerk.ok(
        "tracker",
        "import",
        "hf-send-2019",
        str(path),
        "--map",
        "Progress=ragb",
        "--on",
        "2019-06-12",
    )
    row = shown(clerk)[0]
    assert (row["no"], row["issue"], row["who"], row["ragb"], row["update"]) == (
        "7",
        "An issue",
        ["Anita Parkin"],
        "green",
        "",
    )


def test_progress_is_an_update_unless_mapped_to_the_rating(db, tmp_path):
    clerk = ready(db)
    path = write_csv(
        tmp_path / "t.csv",
        [["Ref", "Finding", "Lead officer", "Progress"], ["7", "An issue", "Anita Parkin", "G"]],
    )
    clerk.ok("tracker", "import", "hf-send-2019", str(path), "--on", "2019-06-12")
    row = shown(clerk)[0]
    assert (row["ragb"], row["update"]) == ("", "G")


def test_a_log_with_no_header_row_comes_in_and_map_names_its_columns_by_position(db, tmp_path):
    clerk = ready(db)
    rows = [
        ["Action log, 4 March"],
        ["A-1", "Reconcile the bank accounts", "Head of Finance", "31/05/2019", "1,200"],
        ["A-2", "Publish spending over £500", "Jo Bloggs", "30/06/2019", "300"],
    ]
    path = str(write_csv(tmp_path / "log.csv", rows))
    plan = clerk.ok("tracker", "import", "hf-send-2019", path, "--dry-run").output
    assert "Column 1 as id, Column 2 as action, Column 3 as who, Column 4 as timescale" in plan
    assert "Column 5 as an extra field" in plan and "--map N=FIELD" in plan
    clerk.ok("tracker", "import", "hf-send-2019", path, "--map", "5=update", "--on", "2019-06-12")
    assert [
        (r["no"], r["action"], r["who"], r["timescale"], r["update"]) for r in shown(clerk)
    ] == [
        ("A-1", "Reconcile the bank accounts", ["Head of Finance"], "31/05/2019", "1,200"),
        ("A-2", "Publish spending over £500", ["Jo Bloggs"], "30/06/2019", "300"),
    ]


def test_a_map_naming_no_column_of_the_file_is_refused_and_nothing_written(db, tmp_path):
    clerk = ready(db)
    path = str(
        write_csv(
            tmp_path / "t.csv",
            [["Ref", "Finding", "Lead officer"], ["7", "An issue", "Anita Parkin"]],
        )
    )
    before = event_count(db)
    for wrong in ("Lead offcer=who", "9=update"):
        result = clerk("tracker", "import", "hf-send-2019", path, "--map", wrong)
        assert result.exit_code != 0
        assert f"has no column '{wrong.split('=')[0]}' for --map" in result.output
        assert "Ref, Finding, Lead officer" in result.output
    assert event_count(db) == before


# -- any council's tracker ----------------------------------------------------------------------


def test_items_of_any_id_shape_are_actions_with_refs(db, tmp_path):
    clerk = ready(db)
    shapes = ["15.", "1.1", "2.3a", "A2", "R-07", "BEIS_0005_1920-Q4"]
    rows = [
        ["Ref", "Recommendation", "SRO"],
        *([s, f"Recommendation {s}", "Jo Bloggs"] for s in shapes),
    ]
    path = write_csv(tmp_path / "recs.csv", rows)
    clerk.ok("tracker", "import", "hf-send-2019", str(path), "--on", "2019-06-12")
    assert [r["no"] for r in shown(clerk)] == [
        "1.1",
        "2.3a",
        "15",
        "A2",
        "BEIS_0005_1920-Q4",
        "R-07",
    ]
    clerk.ok("action", "rate", "hf-send-2019#R-07", "red", "--on", "2019-06-13", "--reason", "Late")
    clerk.ok(
        "action", "rate", "hf-send-2019#15.", "amber", "--on", "2019-06-13", "--reason", "Slow"
    )
    history = clerk.ok("action", "history", "hf-send-2019#BEIS_0005_1920-Q4", "--format", "json")
    assert [h["event"] for h in json.loads(history.output)] == ["ActionAdded"]
    ratings = {r["no"]: r["ragb"] for r in shown(clerk)}
    assert (ratings["R-07"], ratings["15"], ratings["A2"]) == ("red", "amber", "")


def test_an_action_recorded_before_extra_fields_existed_still_loads(db):
    """A version 1 ActionAdded (no action text, update or fields) is upcast on load."""
    from eventsourcing.persistence import StoredEvent

    from ledger.application import open_ledger

    clerk = ready(db)
    clerk.ok("action", "add", "hf-send-2019", "15", "--issue", "Checks", "--on", "2019-06-02")
    ledger = open_ledger(db)
    try:
        added = ledger.action("hf-send-2019#15")
        event = ledger.mapper.to_stored_event(
            Action.add(
                ActionRef("hf-send-2019", "16"),
                issue="Old issue",
                kloe=[1],
                theme="",
                line=ActionLine("Health text", "", ("Anita Parkin",), "Q2"),
                actor="Jo Clerk",
                on=date(2019, 6, 2),
                reason="",
            ).pending_events[0]
        )
        state = json.loads(event.state)
        for name in ("action", "update", "fields", "class_version"):
            del state[name]
        old = StoredEvent(event.originator_id, 1, event.topic, json.dumps(state).encode())
        ledger.recorder.insert_events([old])
        loaded = ledger.action("hf-send-2019#16")
        assert (loaded.details()["issue"], loaded.details()["action"], loaded.fields()) == (
            "Old issue",
            "",
            {},
        )
        assert added.update() == ""
    finally:
        ledger.close()
    clerk.ok(
        "action", "note", "hf-send-2019#16", "Pilot done", "--on", "2019-06-12", "--reason", "Board"
    )
    row = next(r for r in shown(clerk) if r["no"] == "16")
    assert (row["issue"], row["who"], row["update"], row["fields"]) == (
        "Old issue",
        ["Anita Parkin"],
        "Pilot done",
        {},
    )


STORED_TOPICS = {
    "govledger:Action.ActionAdded",
    "govledger:Action.ActionLineAdded",
    "govledger:Action.RatingChanged",
    "govledger:Action.ActionReopened",
    "govledger:Action.OwnerReassigned",
    "govledger:Action.TimescaleRevised",
    "govledger:Action.NoteAdded",
    "govledger:Action.FieldsRevised",
    "govledger:Action.EntryCorrected",
}


def test_every_action_event_is_stored_and_loaded_under_the_topic_it_always_had(db, tmp_path):
    """Events stored before the action's events moved module name their class by these
    topics; a ledger written today uses the same ones and reads them back."""
    from ledger.application import open_ledger

    clerk = ready(db)
    ref, on = "hf-send-2019#7", ("--on", "2019-06-12")
    why = ("--reason", "Board")
    clerk.ok("action", "add", "hf-send-2019", "7", "--issue", "Checks", "--who", "Ann", *on)
    clerk.ok("action", "add-line", ref, "--health", "Audit", "--who", "Bob", *on)
    clerk.ok("action", "rate", ref, "blue", "--evidence", "Report", *on, *why)
    clerk.ok("action", "reopen", ref, "--rating", "amber", *on, *why)
    clerk.ok("action", "reassign", ref, "--line", "2", "--to", "Cy", *on, *why)
    clerk.ok("action", "retime", ref, "Q4", "--line", "2", *on, *why)
    clerk.ok("action", "note", ref, "Started", *on, *why)
    path = write_csv(tmp_path / "t.csv", [["No.", "Issue", "Cost"], ["7", "Checks", "10"]])
    clerk.ok("tracker", "import", "hf-send-2019", str(path), *on)
    logged = json.loads(clerk.ok("log", "--format", "json", "--limit", "5").output)
    noted = next(e for e in logged if e["event"] == "NoteAdded")
    clerk.ok("correct", str(noted["position"]), "--text", "Begun", *why)
    ledger = open_ledger(db)
    try:
        found = ledger.recorder.select_notifications(start=None, limit=1000)
        topics = {n.topic for n in found if n.topic.startswith("govledger:Action.")}
        assert topics == STORED_TOPICS
        action = ledger.action(ref)
        assert (action.update(), action.fields(), len(action.lines())) == (
            "Begun",
            {"Cost": "10"},
            2,
        )
    finally:
        ledger.close()


def test_ratings_are_read_as_the_council_wrote_them(db, tmp_path):
    clerk = ready(db)
    rows = [
        ["No", "Action", "RAG status"],
        ["1", "One", "RED"],
        ["2", "Two", "Amber/Green"],
        ["3", "Three", "Not started"],
        ["4", "Four", "Completed"],
        ["5", "Five", "On track"],
    ]
    path = write_csv(tmp_path / "t.csv", rows)
    out = clerk.ok("tracker", "import", "hf-send-2019", str(path), "--on", "2019-06-12").output
    assert "Not rated yet (unrated): hf-send-2019#3" in out
    assert {r["no"]: r["ragb"] for r in shown(clerk)} == {
        "1": "red",
        "2": "amber",
        "3": "",
        "4": "blue",
        "5": "green",
    }
    history = json.loads(clerk.ok("action", "history", "hf-send-2019#2", "--format", "json").output)
    assert history[-1]["evidence"] == "t.csv, row 3: Amber/Green"


def test_a_rating_it_cannot_read_names_file_row_column_and_the_words_it_accepts(db, tmp_path):
    clerk = ready(db)
    path = write_csv(
        tmp_path / "t.csv", [["No", "Action", "Status"], ["1", "One", "G"], ["2", "Two", "Grean"]]
    )
    before = event_count(db)
    result = clerk("tracker", "import", "hf-send-2019", str(path))
    assert result.exit_code == 2
    assert (
        f"{path}, row 3, column Status: 'Grean' is not a rating; use R, A, G, B;" in result.output
    )
    assert "Not started (unrated)" in result.output and result.output.count("\n") == 1
    assert event_count(db) == before


def test_an_import_prints_a_summary_and_the_events_only_when_asked(db, tmp_path):
    clerk = ready(db)
    path = write_csv(
        tmp_path / "t.csv", [["No", "Action", "Owner"], ["1", "One", "Ann"], ["2", "Two", "Bob"]]
    )
    out = clerk.ok("tracker", "import", "hf-send-2019", str(path), "--on", "2019-06-12").output
    assert "Recorded 3 events" in out and "(2 new actions, 1 columns)" in out
    assert "ActionAdded" not in out
    path = write_csv(
        tmp_path / "t.csv", [["No", "Action", "Owner"], ["1", "One", "Cy"], ["2", "Two", "Bob"]]
    )
    out = clerk.ok("tracker", "import", "hf-send-2019", str(path), "--verbose").output
    assert "OwnerReassigned" in out and "Recorded 1 events" in out and "1 actions unchanged" in out


def test_a_kpi_table_keyed_by_name_records_its_changed_columns(db, tmp_path):
    clerk = ready(db)
    header = ["KPI", "Target", "Q1", "Comments"]
    first = [["Days to pay invoices", "30", "28", "Better"], ["Calls answered", "95%", "91%", ""]]
    path = write_csv(tmp_path / "q1.csv", [header, *first])
    clerk.ok("tracker", "import", "hf-send-2019", str(path), "--key", "KPI", "--on", "2019-06-12")
    header.insert(3, "Q2")
    second = [
        ["Calls answered", "95%", "91%", "96%", ""],
        ["Days to pay invoices", "30", "28", "28", "Better"],
    ]
    path = write_csv(tmp_path / "q2.csv", [header, *second])
    out = clerk.ok(
        "tracker", "import", "hf-send-2019", str(path), "--key", "KPI", "--verbose"
    ).output
    assert "Recorded 3 events" in out and "(2 changed fields, 1 columns)" in out  # Q2 is new
    rows = {r["no"]: r for r in shown(clerk)}
    assert rows["Calls answered"]["fields"] == {"Target": "95%", "Q1": "91%", "Q2": "96%"}
    assert rows["Days to pay invoices"]["update"] == "Better"
    assert rows["Days to pay invoices"]["action"] == "Days to pay invoices"
    again = clerk.ok("tracker", "import", "hf-send-2019", str(path), "--key", "KPI").output
    assert "Recorded 0 events" in again


def test_a_tracker_without_ids_is_matched_by_text_on_reimport(db, tmp_path):
    clerk = ready(db)
    header = ["Action", "Deadline", "Progress"]
    first = [
        ["Katie Davis to present a proposal for a steering group", "Ongoing", "Plan in place"],
        ["Home Office to share the site analytics", "June", "On track"],
    ]
    clerk.ok(
        "tracker",
        "import",
        "hf-send-2019",
        str(write_csv(tmp_path / "a.csv", [header, *first])),
        "--on",
        "2019-06-12",
    )
    second = [
        ["New: publish the data", "August", "Plan in place"],
        ["Home Office to share the site analytics", "June", "Complete"],
        ["Tim Kelsey to present a proposal for a steering group", "September", "Plan in place"],
    ]
    out = clerk.ok(
        "tracker",
        "import",
        "hf-send-2019",
        str(write_csv(tmp_path / "b.csv", [header, *second])),
        "--verbose",
    ).output
    assert "Recorded 3 events" in out and "(1 new actions, 1 timescales, 1 updates)" in out
    assert (
        "differs from the ledger and was not recorded (use govledger correct): hf-send-2019#1"
        in out
    )
    rows = {r["no"]: (r["action"], r["timescale"], r["update"]) for r in shown(clerk)}
    assert rows == {
        "1": (first[0][0], "September", "Plan in place"),
        "2": (first[1][0], "June", "Complete"),
        "3": tuple(second[0]),
    }


cells = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)
tables = st.lists(
    st.lists(
        st.one_of(
            cells, st.sampled_from(["No.", "Action", "RAG", "Owner", "Red", "1.1", "A2", ""])
        ),
        max_size=6,
    ),
    max_size=8,
)


def as_csv(rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return out.getvalue().encode("utf-8", errors="surrogatepass")


@settings(
    suppress_health_check=[HealthCheck.function_scoped_fixture],
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "40")),
)
@given(
    content=st.one_of(st.binary(max_size=600), tables.map(as_csv)),
    ending=st.sampled_from([".csv", ".tsv", ".txt", ".xlsx", ".pdf", ".ods", ".odt", ""]),
    options=st.lists(
        st.one_of(
            st.tuples(st.just("--map"), cells.map(lambda c: f"{c}=action")),
            st.tuples(st.just("--map"), cells),
            st.tuples(st.just("--key"), cells),
            st.tuples(st.just("--sheet"), cells),
            st.tuples(
                st.just("--format"),
                st.sampled_from(["csv", "tsv", "xlsx", "pdf", "pdf-text", "ods", "odt"]),
            ),
        ),
        max_size=2,
    ),
)
@example(content=b":", ending=".tsv", options=[("--key", "{")])  # a one-cell "header" line
def test_any_file_and_options_get_an_import_or_one_line(tmp_path, content, ending, options):
    db = str(tmp_path / "fuzz.db")
    if not Path(db).exists():
        ready(db)
    path = tmp_path / f"tracker{ending}"
    path.write_bytes(content)
    args = [a for pair in options for a in pair]
    result = Clerk(db)("tracker", "import", "hf-send-2019", str(path), "--dry-run", *args)
    assert result.exit_code in (0, 1, 2), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    if result.exit_code:
        assert result.output.count("\n") == 1 and result.output.startswith("Error:"), result.output
