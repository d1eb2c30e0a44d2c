"""A council's own tracker goes out as it came in: the import records the columns of the
file (its headings, in order, and what each was read as), the export writes the tracker
in them, and the export imported again records nothing; a cell like a formula goes out
as text and comes back as the same text."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from ledger.readers.tracker_csv import csv_rows, formula_text
from ledger.readers.tracker_files import read_tracker
from ledger.tracker import Tracker
from projections.tracker_export import tracker_sheet
from projections.views import Views
from tests.conftest import Clerk, event_count

# A council's own tracker: its own headings, a column of its own ("Cost centre") between
# two the import reads, and a cell someone typed as a sum.
HEADINGS = [
    "Ref", "Action required", "Lead officer", "Cost centre", "Target date", "RAG", "Comments",
]  # fmt: skip
ROWS = [
    ["1", "Publish the register of interests", "Jo Bloggs", "=SUM(A1)", "2024-03-31",
     "Green", "Draft ready"],
    ["2", "Review the scheme of delegation", "Sam Patel / Ann Lee", "C-200", "Q2", "Ongoing",
     "Met twice"],
    ["3", "Train members on the code", "Ann Lee", "", "2024-06-30", "Complete", ""],
]  # fmt: skip
LAYOUT = [
    {"heading": "Ref", "field": "id"},
    {"heading": "Action required", "field": "action"},
    {"heading": "Lead officer", "field": "who"},
    {"heading": "Cost centre", "field": ""},
    {"heading": "Target date", "field": "timescale"},
    {"heading": "RAG", "field": "ragb"},
    {"heading": "Comments", "field": "update"},
]


def council_csv(path: Path, rows: list[list[str]] = ROWS) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([HEADINGS, *rows])
    return path


def ready(db: str) -> Clerk:
    clerk = Clerk(db)
    clerk.ok("init")
    clerk.ok("board", "add", "audit", "Audit and Standards Committee", "--on", "2024-01-01")
    clerk.ok("tracker", "add", "aud", "Audit actions", "--board", "audit", "--on", "2024-01-01")
    return clerk


def adopted(ledger) -> None:
    ledger.register_board("audit", "Audit", actor="Jo", on=date(2024, 1, 1), reason="")
    ledger.adopt_tracker("aud", "Audit", board="audit", actor="Jo", on=date(2024, 1, 1), reason="")


def csv_of(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))


def fields_of(clerk: Clerk) -> dict[str, dict[str, str]]:
    shown = json.loads(clerk.ok("tracker", "show", "aud", "--format", "json").output)
    return {r["no"]: r["fields"] for r in shown if r["line"] == 1}


# -- the domain: a tracker's layout, and the draft that gives it -------------------------


def test_a_tracker_records_the_columns_of_its_file_once_and_as_they_stood():
    plan = Tracker.adopt("aud", "Audit", board="audit", actor="Jo", on=date(2024, 1, 1), reason="")
    assert plan.columns() == []

    first = plan.record_columns(LAYOUT, actor="Jo", on=date(2024, 4, 2), reason="imported")
    again = plan.record_columns(LAYOUT, actor="Jo", on=date(2024, 5, 2), reason="imported")
    changed = [*LAYOUT, {"heading": "Directorate", "field": ""}]
    later = plan.record_columns(changed, actor="Jo", on=date(2024, 6, 2), reason="imported")

    assert (first, again, later) == (True, False, True)
    recorded = [e for e in plan.collect_events() if isinstance(e, Tracker.ColumnsRecorded)]
    assert [(e.on, e.actor, e.reason) for e in recorded] == [
        (date(2024, 4, 2), "Jo", "imported"),
        (date(2024, 6, 2), "Jo", "imported"),
    ]
    assert Tracker.ColumnsRecorded.TOPIC == "govledger:Tracker.ColumnsRecorded"
    assert plan.columns() == changed
    assert plan.columns(date(2024, 5, 1)) == LAYOUT
    assert plan.columns(date(2024, 4, 1)) == []


def test_headings_whose_words_were_erased_leave_the_tracker_no_layout():
    plan = Tracker.adopt("aud", "Audit", board="audit", actor="Jo", on=date(2024, 1, 1), reason="")
    plan.trigger_event(
        Tracker.ColumnsRecorded, columns=["[erased]"], actor="Jo", on=date(2024, 4, 2), reason=""
    )
    assert plan.columns() == []


def test_the_draft_gives_the_files_columns_in_its_order_with_what_each_was_read_as(tmp_path):
    draft = read_tracker(str(council_csv(tmp_path / "council.csv")))
    assert draft.layout() == LAYOUT


BARE = (
    "1,Publish the register of interests and the gifts,Jo Bloggs,2024-03-31,Green\n"
    "2,Review the scheme of delegation for officers,Sam Patel,2024-06-30,Amber\n"
    "3,Train all members on the code of conduct,Ann Lee,2024-09-30,Red\n"
)


def test_a_table_with_no_header_row_gives_its_columns_as_read_by_what_they_hold(tmp_path):
    path = tmp_path / "bare.csv"
    path.write_text(BARE, encoding="utf-8")
    draft = read_tracker(str(path))
    assert draft.notes[0].startswith("no header row")
    assert draft.layout() == [
        {"heading": "Column 1", "field": "id"},
        {"heading": "Column 2", "field": "action"},
        {"heading": "Column 3", "field": "who"},
        {"heading": "Column 4", "field": "timescale"},
        {"heading": "Column 5", "field": "ragb"},
    ]


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("'=SUM(A1)", "=SUM(A1)"),
        ("'+44 20 7946 0000", "+44 20 7946 0000"),
        ("'-5", "-5"),
        ("'@once", "@once"),
        ("'\tindented", "\tindented"),
        ("'tis the season", "'tis the season"),  # an apostrophe of the tracker's own
        ("''=x", "''=x"),
        ("=SUM(A1)", "=SUM(A1)"),
        ("'", "'"),
    ],
)
def test_a_formula_safe_cell_is_read_as_the_text_before_it_was_made_safe(written, read):
    assert formula_text(written) == read
    out = io.StringIO()
    csv.writer(out).writerow(["a", written])
    assert csv_rows(out.getvalue(), "t.csv") == [(1, ["a", read])]


# -- the application: SQLite file and PostgreSQL -----------------------------------------


def test_an_import_records_the_columns_with_the_actions_and_a_reimport_nothing(ledger, tmp_path):
    adopted(ledger)
    path = council_csv(tmp_path / "council.csv")

    done = ledger.import_tracker("aud", str(path), actor="Jo", on=date(2024, 4, 2))

    kinds = [type(e).__name__ for _, e in done.events]
    assert kinds.count("ColumnsRecorded") == 1 and kinds.count("ActionAdded") == 3
    recorded = dict(zip(done.recorded.events, done.recorded.positions, strict=True))
    assert "ColumnsRecorded" in recorded  # in the same transaction as the actions
    assert ledger.tracker("aud").columns() == LAYOUT
    again = ledger.import_tracker("aud", str(path), actor="Jo", on=date(2024, 4, 3))
    assert (again.events, again.recorded) == ([], None)


def test_the_export_is_the_councils_sheet_with_its_own_columns_last_imported(ledger, tmp_path):
    adopted(ledger)
    ledger.import_tracker(
        "aud", str(council_csv(tmp_path / "c.csv")), actor="Jo", on=date(2024, 4, 2)
    )
    later = [row[:] for row in ROWS]
    later[1][3] = "C-210"  # the cost centre changed
    later[2][3] = ""  # a blank cell never erases anything
    ledger.import_tracker(
        "aud", str(council_csv(tmp_path / "next.csv", later)), actor="Jo", on=date(2024, 5, 2)
    )
    views = Views(ledger)
    views.catch_up()

    sheet = tracker_sheet(ledger, views, "aud", date(2024, 5, 2))

    assert sheet.header == HEADINGS
    assert sheet.body == [
        ROWS[0],
        ["2", "Review the scheme of delegation", "Sam Patel / Ann Lee", "C-210", "Q2",
         "Ongoing", "Met twice"],
        ROWS[2],
    ]  # fmt: skip
    assert sheet.fills == ["Green", "", "Blue"]  # "Ongoing" is no rating; "Complete" is blue
    assert tracker_sheet(ledger, views, "aud", date(2024, 4, 2)).body[1][3] == "C-200"


def test_a_table_with_no_header_row_goes_out_with_none_and_reads_back_unchanged(ledger, tmp_path):
    adopted(ledger)
    path = tmp_path / "bare.csv"
    path.write_text(BARE, encoding="utf-8")
    ledger.import_tracker("aud", str(path), actor="Jo", on=date(2024, 4, 2))
    views = Views(ledger)
    views.catch_up()

    sheet = tracker_sheet(ledger, views, "aud", date(2024, 4, 2))

    assert sheet.rows() == list(csv.reader(io.StringIO(BARE)))  # no header row added
    out = tmp_path / "out.csv"
    out.write_text("\n".join(",".join(r) for r in sheet.rows()) + "\n", encoding="utf-8")
    again = ledger.import_tracker("aud", str(out), actor="Jo", on=date(2024, 4, 3))
    assert again.events == []


def test_themes_given_as_section_rows_go_out_as_section_rows(ledger, tmp_path):
    adopted(ledger)
    path = tmp_path / "sections.csv"
    path.write_text(
        "Ref,Action required,Lead officer,RAG\nGovernance,,,\n1,Publish the register,Jo,Green\n"
        "2,Review delegation,Sam,Amber\nMember development,,,\n3,Train members,Ann,Red\n",
        encoding="utf-8",
    )
    ledger.import_tracker("aud", str(path), actor="Jo", on=date(2024, 4, 2))
    views = Views(ledger)
    views.catch_up()

    sheet = tracker_sheet(ledger, views, "aud", date(2024, 4, 2))

    assert sheet.header == ["Ref", "Action required", "Lead officer", "RAG"]
    assert [row[0] for row in sheet.body] == ["Governance", "1", "2", "Member development", "3"]
    out = tmp_path / "out.csv"
    out.write_text("\n".join(",".join(r) for r in sheet.rows()) + "\n", encoding="utf-8")
    again = ledger.import_tracker("aud", str(out), actor="Jo", on=date(2024, 4, 3))
    assert (again.events, again.text_differs) == ([], [])


# -- the command line: the council's story ----------------------------------------------


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_a_councils_own_tracker_goes_out_in_its_own_columns_and_comes_back_unchanged(
    db, tmp_path, kind
):
    clerk = ready(db)
    source = council_csv(tmp_path / "council.csv")
    first = clerk.ok("tracker", "import", "aud", str(source), "--on", "2024-04-02")
    assert "(3 new actions, 2 ratings, 1 columns)" in first.output
    before = event_count(db)
    out = tmp_path / f"aud.{kind}"

    clerk.ok("tracker", "export", "aud", "-o", str(out))

    if kind == "csv":
        rows = csv_of(out.read_text(encoding="utf-8-sig"))
    else:
        rows = [
            ["" if c is None else c for c in row]
            for row in load_workbook(out).worksheets[0].iter_rows(values_only=True)
        ]
    assert rows[0] == HEADINGS
    assert [r[3] for r in rows[1:]] == [
        "'=SUM(A1)" if kind == "csv" else "=SUM(A1)",
        "C-200",
        "",
    ]
    dry = clerk.ok("tracker", "import", "aud", str(out), "--dry-run")
    assert "Would record 0 events; 3 actions unchanged." in dry.output
    again = clerk.ok("tracker", "import", "aud", str(out))
    assert "Recorded 0 events; 3 actions unchanged." in again.output
    assert event_count(db) == before
    assert fields_of(clerk)["1"]["Cost centre"] == "=SUM(A1)"
    assert fields_of(clerk)["2"] == {"Cost centre": "C-200", "RAG": "Ongoing"}


def test_a_sum_in_a_cell_never_runs_as_a_formula_in_either_format(db, tmp_path):
    clerk = ready(db)
    clerk.ok("tracker", "import", "aud", str(council_csv(tmp_path / "c.csv")), "--on", "2024-04-02")

    done = clerk.ok("tracker", "export", "aud", "-o", str(tmp_path / "aud.csv"))
    clerk.ok("tracker", "export", "aud", "-o", str(tmp_path / "aud.xlsx"))

    assert "1 cell starts with =, +, -, @, a tab or a carriage return and begins with" in (
        done.output
    )
    assert "tracker import takes the apostrophe off again" in done.output
    text = (tmp_path / "aud.csv").read_text(encoding="utf-8-sig")
    assert ",'=SUM(A1)," in text and ",=SUM" not in text
    sheet = load_workbook(tmp_path / "aud.xlsx").worksheets[0]
    cell = sheet.cell(row=2, column=4)
    assert (cell.value, cell.data_type) == ("=SUM(A1)", "s")  # text, not a formula ("f")
    assert not [c for row in sheet.iter_rows() for c in row if c.data_type == "f"]


def test_the_csv_export_saved_as_a_workbook_reads_back_unchanged(db, tmp_path):
    """A clerk opens the csv in a spreadsheet and saves it as .xlsx: the cell keeps the
    apostrophe as text, and the import takes it off as it does in a csv."""
    clerk = ready(db)
    clerk.ok("tracker", "import", "aud", str(council_csv(tmp_path / "c.csv")), "--on", "2024-04-02")
    text = clerk.ok("tracker", "export", "aud", "--format", "csv").stdout
    book = Workbook()
    for row in csv_of(text):
        book.active.append(row)
    book.save(tmp_path / "saved.xlsx")
    before = event_count(db)

    done = clerk.ok("tracker", "import", "aud", str(tmp_path / "saved.xlsx"))

    assert "Recorded 0 events; 3 actions unchanged." in done.output
    assert event_count(db) == before


def test_a_next_version_with_a_column_more_records_the_new_columns_once(db, tmp_path):
    clerk = ready(db)
    clerk.ok("tracker", "import", "aud", str(council_csv(tmp_path / "c.csv")), "--on", "2024-04-02")
    path = tmp_path / "next.csv"
    path.write_text(
        "Ref,Budget code,Action required,Lead officer,RAG\n"
        "1,B-17,Publish the register of interests,Jo Bloggs,Green\n",
        encoding="utf-8",
    )

    done = clerk.ok("tracker", "import", "aud", str(path), "--verbose")

    assert "ColumnsRecorded" in done.output
    assert "Recorded 2 events" in done.output and "(1 changed fields, 1 columns)" in done.output
    assert "Recorded 0 events" in clerk.ok("tracker", "import", "aud", str(path)).output
    exported = csv_of(clerk.ok("tracker", "export", "aud", "--format", "csv").stdout)
    assert exported[0][:5] == ["Ref", "Budget code", "Action required", "Lead officer", "RAG"]
    assert exported[0][5:] == ["Target date", "Comments", "Cost centre"]  # still held


def test_a_column_read_with_map_is_named_again_for_the_next_import(db, tmp_path):
    clerk = ready(db)
    path = tmp_path / "mapped.csv"
    path.write_text(
        "Ref,Action required,Lead officer,Progress\n1,Publish,Jo,Green\n2,Review,Sam,Red\n",
        encoding="utf-8",
    )
    clerk.ok("tracker", "import", "aud", str(path), "--map", "Progress=ragb", "--on", "2024-04-02")
    out = tmp_path / "aud.csv"

    done = clerk.ok("tracker", "export", "aud", "-o", str(out))

    assert csv_of(out.read_text(encoding="utf-8-sig"))[0] == [
        "Ref", "Action required", "Lead officer", "Progress",
    ]  # fmt: skip
    assert 'import this file with --map "Progress=ragb", as the tracker was' in done.output
    again = clerk.ok("tracker", "import", "aud", str(out), "--map", "Progress=ragb")
    assert "Recorded 0 events" in again.output


def test_the_log_says_which_columns_the_import_read_and_which_were_the_councils_own(db, tmp_path):
    clerk = ready(db)
    clerk.ok("tracker", "import", "aud", str(council_csv(tmp_path / "c.csv")), "--on", "2024-04-02")

    rows = json.loads(clerk.ok("log", "--format", "json").output)

    said = [row["summary"] for row in rows if row["event"] == "ColumnsRecorded"]
    assert said == [
        "columns: Ref (id), Action required (action), Lead officer (who), "
        "Cost centre (own column), Target date (timescale), RAG (ragb), Comments (update)"
    ]


def test_a_tracker_never_imported_goes_out_and_comes_back_without_a_columns_entry(db, tmp_path):
    clerk = ready(db)
    clerk.ok(
        "action", "add", "aud", "1", "--issue", "Register of interests out of date",
        "--who", "Jo Bloggs", "--timescale", "2024-03-31", "--on", "2024-02-01",
    )  # fmt: skip
    clerk.ok("tracker", "export", "aud", "-o", str(tmp_path / "aud.csv"))
    before = event_count(db)

    again = clerk.ok("tracker", "import", "aud", str(tmp_path / "aud.csv"), "--on", "2024-04-02")

    assert "Recorded 0 events" in again.output, again.output
    assert event_count(db) == before


def test_every_heading_the_export_may_write_is_read_back_as_its_field():
    from ledger.readers.tracker_headers import field_of
    from projections.tracker_export import HEADERS

    read = {
        (name, spelling): field_of(spelling, {})
        for name, said in HEADERS.items()
        for spelling in said
    }

    assert read == {(name, spelling): name for name, spelling in read}
