"""The tracker back out: exported as xlsx or csv, it imports again recording nothing, and a
change made in the ledger is the one change a re-import of the export sees."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from ledger.application import Ledger, open_ledger
from projections.tracker_export import tracker_sheet
from projections.views import Views
from tests.conftest import PG_URL, Clerk, event_count

# A council's audit tracker, as its officers keep it: their own headers, an item of two
# action lines, a second status column beside the RAG, and columns of its own.
HEADER = [
    "Ref",
    "Recommendation",
    "Lead officer",
    "Target date",
    "RAG",
    "Progress",
    "Directorate",
    "Cost (£k)",
    "Status",
]
ROWS = [
    ["R-01", "Publish the register of interests", "Jo Bloggs / Head of Audit", "2024-03-31",
     "Green", "Draft ready", "Corporate", "12", ""],
    ["R-02", "Review the scheme of delegation", "Sam Patel", "Q2", "Amber",
     "Working group met", "Legal", "", "On hold"],
    ["", "", "Ann Lee", "Q3", "", "", "", "", ""],
    ["R-03", "Train members on the code of conduct", "Ann Lee", "2024-06-30", "Red", "",
     "HR", "3.5", ""],
    ["R-04", "Close the audit actions", "Ann Lee", "", "Complete", "All closed", "Finance",
     "", ""],
]  # fmt: skip
HEADING = "Audit actions March 2024"
LEGEND = [["Key"], ["Red: overdue"], ["Amber: at risk"], ["Green: on track"]]


def ready(db: str) -> Clerk:
    clerk = Clerk(db)
    clerk.ok("init")
    clerk.ok("board", "add", "audit", "Audit and Standards Committee", "--on", "2024-01-01")
    clerk.ok("tracker", "add", "aud", "Audit actions", "--board", "audit", "--on", "2024-01-01")
    return clerk


def council_xlsx(path: Path) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append([HEADING])
    sheet.append(HEADER)
    for row in ROWS:
        sheet.append([cell or None for cell in row])
    sheet.append([])
    for line in LEGEND:
        sheet.append(line)
    book.save(path)
    return path


def council_csv(path: Path) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([HEADER, *ROWS])
    return path


@pytest.fixture
def copy_db(db: str, tmp_path: Path) -> Iterator[str]:
    """A second ledger on the same kind of database as ``db``."""
    if "://" not in db:
        yield str(tmp_path / "copy.db")
        return
    base, _, schema = db.rpartition("schema=")
    yield f"{base}schema={schema}_copy"
    import psycopg

    with psycopg.connect(PG_URL, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA IF EXISTS "{schema}_copy" CASCADE')


def caught_up(ledger: Ledger) -> Views:
    views = Views(ledger)
    views.catch_up()
    return views


def sheet_of(path: Path) -> list[list[str]]:
    rows = load_workbook(path).worksheets[0].iter_rows(values_only=True)
    return [["" if c is None else str(c) for c in row] for row in rows]


# -- the round trip ------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_a_tracker_exported_and_imported_again_records_nothing(db, tmp_path, kind):
    clerk = ready(db)
    source = council_xlsx(tmp_path / "council.xlsx")
    clerk.ok("tracker", "import", "aud", str(source), "--on", "2024-04-02")
    before = event_count(db)
    out = tmp_path / f"aud.{kind}"

    done = clerk.ok("tracker", "export", "aud", "-o", str(out))

    assert f"Exported aud as it stood on {date.today().isoformat()}: 4 actions in 5 rows" in (
        done.output
    )
    dry = clerk.ok("tracker", "import", "aud", str(out), "--dry-run")
    assert "Would record 0 events; 4 actions unchanged." in dry.output
    again = clerk.ok("tracker", "import", "aud", str(out))
    assert "Recorded 0 events" in again.output
    assert event_count(db) == before


def test_the_export_keeps_the_trackers_own_columns_heading_and_key(db, tmp_path):
    clerk = ready(db)
    clerk.ok(
        "tracker", "import", "aud", str(council_xlsx(tmp_path / "c.xlsx")), "--on", "2024-04-02"
    )

    clerk.ok("tracker", "export", "aud", "-o", str(tmp_path / "aud.xlsx"))

    rows = sheet_of(tmp_path / "aud.xlsx")
    assert rows[0][0] == HEADING
    assert rows[1] == HEADER  # the council's own headings, in its order
    assert rows[2] == [
        "R-01", "Publish the register of interests", "Jo Bloggs / Head of Audit",
        "2024-03-31", "Green", "Draft ready", "Corporate", "12", "",
    ]  # fmt: skip
    assert rows[4] == ["", "", "Ann Lee", "Q3", "", "", "", "", ""]  # R-02's second line
    assert rows[6][4] == "Blue"  # "Complete"
    assert [r[0] for r in rows[7:]] == [
        "",
        "Key",
        "Red: overdue",
        "Amber: at risk",
        "Green: on track",
    ]


def test_rating_cells_are_filled_with_their_colour_in_xlsx(db, tmp_path):
    clerk = ready(db)
    clerk.ok("tracker", "import", "aud", str(council_csv(tmp_path / "c.csv")), "--on", "2024-04-02")

    clerk.ok("tracker", "export", "aud", "-o", str(tmp_path / "aud.xlsx"))

    sheet = load_workbook(tmp_path / "aud.xlsx").worksheets[0]
    fills = {
        row[0].value: row[4].fill.fgColor.rgb
        for row in sheet.iter_rows(min_row=2)
        if row[0].value and row[4].value
    }
    assert fills == {
        "R-01": "0000B050",  # green
        "R-02": "00FFC000",  # amber
        "R-03": "00FF0000",  # red
        "R-04": "000070C0",  # blue
    }
    assert sheet.title == "aud"


def test_one_rating_changed_in_the_ledger_is_the_one_change_the_copy_records(db, copy_db, tmp_path):
    source = council_csv(tmp_path / "council.csv")
    ours, copy = ready(db), ready(copy_db)
    for clerk in (ours, copy):
        clerk.ok("tracker", "import", "aud", str(source), "--on", "2024-04-02")
    ours.ok(
        "action", "rate", "aud#R-03", "amber", "--on", "2024-05-01", "--reason", "Trainer booked"
    )
    out = tmp_path / "aud.csv"
    ours.ok("tracker", "export", "aud", "-o", str(out))
    before = event_count(copy_db)

    dry = copy.ok("tracker", "import", "aud", str(out), "--dry-run", "--on", "2024-05-01")

    assert "Would record 1 events (1 ratings); 3 actions unchanged." in dry.output
    assert "aud#R-03" in dry.output and "RatingChanged" in dry.output
    copy.ok("tracker", "import", "aud", str(out), "--on", "2024-05-01")
    assert event_count(copy_db) == before + 1
    shown = json.loads(copy.ok("tracker", "show", "aud", "--format", "json").output)
    assert {r["no"]: r["ragb"] for r in shown if r["line"] == 1}["R-03"] == "amber"
    assert (
        copy.ok("tracker", "export", "aud", "--format", "csv").stdout
        == ours.ok("tracker", "export", "aud", "--format", "csv").stdout
    )


def test_at_a_date_the_tracker_as_it_stood_that_day(db, tmp_path):
    clerk = ready(db)
    clerk.ok("tracker", "import", "aud", str(council_csv(tmp_path / "c.csv")), "--on", "2024-04-02")
    clerk.ok("action", "rate", "aud#R-03", "amber", "--on", "2024-05-01", "--reason", "Booked")
    clerk.ok(
        "action", "add", "aud", "R-05", "--issue", "Refresh the risk register", "--who", "Ann Lee",
        "--timescale", "Q4", "--on", "2024-05-10",
    )  # fmt: skip

    def ratings(*options: str) -> dict[str, str]:
        text = clerk.ok("tracker", "export", "aud", "--format", "csv", *options).stdout
        rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
        rag = rows[0].index("RAG")
        return {r[0]: r[rag] for r in rows[1:] if r[0]}

    assert ratings("--at", "2024-04-30") == {
        "R-01": "Green", "R-02": "Amber", "R-03": "Red", "R-04": "Blue",
    }  # fmt: skip
    assert ratings()["R-03"] == "Amber"
    assert ratings()["R-05"] == ""
    refused = clerk("tracker", "export", "aud", "--at", "2024-03-01", "-o", str(tmp_path / "x.csv"))
    assert refused.exit_code == 1
    assert refused.output.strip().splitlines() == [
        "Error: aud had no actions on 2024-03-01; nothing written (give a later --at, or "
        "import the tracker first)"
    ]
    assert not (tmp_path / "x.csv").exists()


# -- formulas, and what is refused -------------------------------------------------------


def test_a_cell_like_a_formula_never_runs_as_one(db, tmp_path):
    clerk = ready(db)
    clerk.ok("tracker", "import", "aud", str(council_csv(tmp_path / "c.csv")), "--on", "2024-04-02")
    clerk.ok(
        "action", "note", "aud#R-01", "=HYPERLINK(\"http://evil.example\",\"click\")",
        "--reason", "Pasted", "--on", "2024-04-03",
    )  # fmt: skip

    done = clerk.ok("tracker", "export", "aud", "-o", str(tmp_path / "aud.csv"))
    clerk.ok("tracker", "export", "aud", "-o", str(tmp_path / "aud.xlsx"))

    text = (tmp_path / "aud.csv").read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK(" in text
    assert "1 cell starts with =, +, -, @, a tab or a carriage return" in done.output
    cell = next(
        c
        for row in load_workbook(tmp_path / "aud.xlsx").worksheets[0].iter_rows()
        for c in row
        if isinstance(c.value, str) and "HYPERLINK" in c.value
    )
    assert cell.data_type == "s" and cell.value.startswith("=HYPERLINK(")
    again = clerk.ok("tracker", "import", "aud", str(tmp_path / "aud.xlsx"), "--dry-run")
    assert "Would record 0 events" in again.output  # xlsx keeps the text exactly


@pytest.mark.parametrize(
    ("args", "code", "said"),
    [
        (["nope", "-o", "{tmp}/x.csv"], 1, "no tracker 'nope'"),
        (["aud", "--format", "xlsx"], 2, "give -o FILE.xlsx"),
        (["aud", "--format", "csv", "-o", "{tmp}/x.xlsx"], 2, "names a workbook"),
        (["aud", "-o", "{tmp}/missing/x.csv"], 2, "does not exist"),
        (["aud", "--at", "2999-01-01", "-o", "{tmp}/x.csv"], 2, "lies in the future"),
        (["aud", "--at", "31/02/2024"], 2, "--at"),
        (["aud", "--format", "pdf"], 2, "'pdf' is not one of"),
        (["aud", "-o", "{tmp}"], 1, "Is a directory"),
        (["aud", "-o", "-", "--format", "xlsx"], 2, "give -o FILE.xlsx"),
    ],
)
def test_bad_input_gets_one_line_and_nothing_written(db, tmp_path, args, code, said):
    clerk = ready(db)
    clerk.ok("tracker", "import", "aud", str(council_csv(tmp_path / "c.csv")), "--on", "2024-04-02")

    done = clerk("tracker", "export", *[a.replace("{tmp}", str(tmp_path)) for a in args])

    assert done.exit_code == code, done.output
    assert said in done.output
    assert "Traceback" not in done.output
    assert len(done.output.strip().splitlines()) == 1
    assert done.output.startswith("Error")
    assert not [p.name for p in tmp_path.rglob("*") if p.name.startswith(("x.", ".govledger-"))]


def test_a_dash_sends_the_csv_to_standard_output_and_writes_no_file(db, tmp_path, monkeypatch):
    clerk = ready(db)
    clerk.ok("tracker", "import", "aud", str(council_csv(tmp_path / "c.csv")), "--on", "2024-04-02")
    monkeypatch.chdir(tmp_path)

    done = clerk.ok("tracker", "export", "aud", "-o", "-")

    assert done.stdout.splitlines()[0].startswith("Ref,")
    assert "4 actions in" in done.stderr and " to -" not in done.stderr
    assert not (tmp_path / "-").exists()


def test_help_gives_an_example():
    from click.testing import CliRunner

    from commands.main import cli

    done = CliRunner().invoke(cli, ["tracker", "export", "--help"])
    assert done.exit_code == 0
    assert "govledger tracker export hf-send-2019 -o hf-send-2019.xlsx" in done.output


# -- the application: the sheet a tracker makes ------------------------------------------


def test_a_key_of_sections_is_laid_out_as_the_seed_lays_it(ledger, tmp_path):
    ledger.register_board("audit", "Audit", actor="Jo", on=date(2024, 1, 1), reason="")
    ledger.adopt_tracker("aud", "Audit", board="audit", actor="Jo", on=date(2024, 1, 1), reason="")
    path = tmp_path / "seedlike.csv"
    path.write_text(
        "No.,Issue,Who,RAGB\n1,Checks not integrated,Anita Parkin,Red\n2,Transport,Becky Powell,\n"
        ",,,\nKEY,RAGB,,KLOE,\n,Red,Urgent,1,Identifying needs\n,Green,On track,,\n",
        encoding="utf-8",
    )
    ledger.import_tracker("aud", str(path), actor="Jo", on=date(2024, 4, 2))

    sheet = tracker_sheet(ledger, caught_up(ledger), "aud", date(2024, 4, 2))

    assert sheet.header == ["No.", "Issue", "Who", "RAGB"]
    assert sheet.body == [
        ["1", "Checks not integrated", "Anita Parkin", "Red"],
        ["2", "Transport", "Becky Powell", ""],
    ]
    assert sheet.below == [
        [""],
        ["KEY", "RAGB", "", "KLOE", ""],
        ["", "Red", "Urgent", "1", "Identifying needs"],
        ["", "Green", "On track", "", ""],
    ]
    assert sheet.rating_column == 3


def test_the_trackers_own_columns_come_in_the_order_its_file_gave_them(ledger, tmp_path):
    ledger.register_board("audit", "Audit", actor="Jo", on=date(2024, 1, 1), reason="")
    ledger.adopt_tracker("aud", "Audit", board="audit", actor="Jo", on=date(2024, 1, 1), reason="")
    path = tmp_path / "kpis.csv"
    path.write_text(
        "ID,Action,Zeta,Alpha,Owner,Middle\n1,First,,a1,Jo,\n2,Second,z2,a2,Sam,m2\n",
        encoding="utf-8",
    )
    ledger.import_tracker("aud", str(path), actor="Jo", on=date(2024, 4, 2))

    sheet = tracker_sheet(ledger, caught_up(ledger), "aud", date(2024, 4, 2))

    assert sheet.header == ["ID", "Action", "Zeta", "Alpha", "Owner", "Middle"]
    assert sheet.body == [
        ["1", "First", "", "a1", "Jo", ""],
        ["2", "Second", "z2", "a2", "Sam", "m2"],
    ]
    assert sheet.above == [] and sheet.below == []
    with pytest.raises(Exception, match="no tracker 'other'"):
        tracker_sheet(ledger, caught_up(ledger), "other", date(2024, 4, 2))

    # The next file drops three of its own columns: the ledger still holds their words, so
    # they follow the new file's columns, in the order the first file gave them.
    path.write_text("ID,Action,Owner,New\n1,First,Jo,n1\n", encoding="utf-8")
    ledger.import_tracker("aud", str(path), actor="Jo", on=date(2024, 4, 3))

    sheet = tracker_sheet(ledger, caught_up(ledger), "aud", date(2024, 4, 3))

    assert sheet.header == ["ID", "Action", "Owner", "New", "Zeta", "Alpha", "Middle"]
    assert sheet.body[1] == ["2", "Second", "Sam", "", "z2", "a2", "m2"]
    assert tracker_sheet(ledger, caught_up(ledger), "aud", date(2024, 4, 2)).header == [
        "ID", "Action", "Zeta", "Alpha", "Owner", "Middle",
    ]  # fmt: skip


def test_a_copy_ledger_reads_the_export_as_the_same_tracker(db, copy_db, tmp_path):
    """The export of a ledger, imported into an empty one, gives the same tracker."""
    ours, copy = ready(db), ready(copy_db)
    ours.ok(
        "tracker", "import", "aud", str(council_xlsx(tmp_path / "c.xlsx")), "--on", "2024-04-02"
    )
    ours.ok("tracker", "export", "aud", "-o", str(tmp_path / "aud.xlsx"))

    copy.ok("tracker", "import", "aud", str(tmp_path / "aud.xlsx"), "--on", "2024-04-02")

    def table(clerk: Clerk) -> list[dict]:
        rows = json.loads(clerk.ok("tracker", "show", "aud", "--format", "json").output)
        return [{k: v for k, v in r.items() if k != "rated_on"} for r in rows]

    assert table(copy) == table(ours)
    keys = []
    for where in (db, copy_db):
        app = open_ledger(where)
        try:
            keys.append(app.tracker("aud").key)
        finally:
            app.close()
    assert (
        keys[0]
        == keys[1]
        == (HEADING, {"Key": {"Red": "overdue", "Amber": "at risk", "Green": "on track"}})
    )
