"""A council keeps its tracker in LibreOffice: a Calc sheet (.ods), or a table in a Writer
document (.odt). Either is read into the same rows a CSV or a workbook gives, so every layout
rule applies unchanged; a sheet declaring a million empty rows costs nothing, and anything
broken or hostile is refused in one line.
"""

from __future__ import annotations

import csv
import json
import os
import time
import tracemalloc
from dataclasses import asdict
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ledger.errors import InvalidEntry
from ledger.readers import tracker_odf
from ledger.readers.tracker_files import read_tracker
from ledger.readers.tracker_odf import odf_rows
from tests.conftest import Clerk
from tests.opendocument_files import (
    SHEET_TYPE,
    TEXT_TYPE,
    VAST_EMPTY,
    cell,
    content_xml,
    ods,
    odt,
    p,
    package,
    row,
    table,
)

REALDOCS = Path(__file__).resolve().parents[2] / "shared" / "data" / "realdocs" / "trackers"
MERGED_TITLE = cell("Highways actions 2024", 'table:number-columns-spanned="3"') + (
    '<table:covered-table-cell table:number-columns-repeated="2"/>'
)
DUE = cell("31/03/24", 'office:value-type="date" office:date-value="2024-03-31T00:00:00"')
ROWS = [
    ["Highways actions 2024"],
    ["No.", "Action", "Owner", "Due", "RAG", "Update"],
    ["Roads"],
    ["1.1", "Repair potholes on Mill Lane", "Jo Smith", "2024-03-31", "Amber/Green",
     "Contractor booked\nWork starts in March"],
    ["1.2", "Resurface the car park", "Clerk", "June", "Complete", "Done in May"],
]  # fmt: skip


def calc_sheet(*more: str) -> str:
    """The rows above as Calc saves them: a merged title, a date cell, a number cell, two
    paragraphs in a cell, and the sheet's unused rest as one vast repeat."""
    number = cell("1.1", 'office:value-type="float" office:value="1.1"')
    return "".join(
        [
            row(MERGED_TITLE),
            row(cell(), attributes='table:number-rows-repeated="2"'),
            row(*ROWS[1]),
            row("Roads"),
            row(number, *ROWS[3][1:3], DUE, *ROWS[3][4:]),
            row(*ROWS[4], cell(attributes='table:number-columns-repeated="1018"')),
            *more,
            VAST_EMPTY,
        ]
    )


def items_of(draft) -> list[dict]:
    """The items as read, leaving out where they stand in the file."""
    return [asdict(item) | {"row": 0, "rating_row": 0} for item in draft.items]


def as_csv(path: Path, rows: list[list[str]]) -> str:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return str(path)


def test_a_clerks_calc_tracker_reads_as_the_same_table_saved_as_csv(tmp_path):
    sheet = read_tracker(str(ods(tmp_path / "highways.ods", ("Tracker", calc_sheet()))))
    same = read_tracker(as_csv(tmp_path / "highways.csv", ROWS))

    assert (sheet.kind, sheet.heading) == ("ods", "Highways actions 2024")
    assert items_of(sheet) == items_of(same)
    assert (sheet.columns, sheet.extra) == (same.columns, same.extra)
    first = sheet.items[0]
    assert (first.id, first.theme, first.lines[0].timescale) == ("1.1", "Roads", "2024-03-31")
    assert first.update == "Contractor booked\nWork starts in March"
    assert [item.row for item in sheet.items] == [6, 7]  # numbered as Calc shows them


def test_the_sheet_a_clerk_names_is_read_and_an_unknown_one_is_listed(tmp_path):
    path = ods(tmp_path / "t.ods", ("Summary", row("Notes only")), ("June 2024", calc_sheet()))

    draft = read_tracker(str(path), sheet="June 2024")
    with pytest.raises(InvalidEntry) as unknown:
        read_tracker(str(path), sheet="July")

    assert [item.id for item in draft.items] == ["1.1", "1.2"]
    assert str(unknown.value) == (
        f"{path}: has no sheet 'July'; give --sheet one of: 'Summary', 'June 2024'"
    )


def test_a_sheet_declaring_a_million_empty_rows_costs_neither_memory_nor_time(tmp_path):
    path = ods(tmp_path / "t.ods", ("Tracker", calc_sheet(*[VAST_EMPTY] * 20)))
    tracemalloc.start()
    started = time.perf_counter()

    rows = odf_rows(str(path), "ods")

    seconds, (_, peak) = time.perf_counter() - started, tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert [number for number, _ in rows] == [1, 4, 5, 6, 7]
    assert seconds < 2 and peak < 5 * 2**20


def test_repeated_cells_and_rows_with_words_are_read_where_they_stand(tmp_path):
    twice = row("A7", cell("Green", 'table:number-columns-repeated="2"'), attributes=(
        'table:number-rows-repeated="2"'))  # fmt: skip
    path = ods(tmp_path / "t.ods", ("S", row("Ref", "Q1", "Q2") + twice + row("A9", "", "Red")))

    assert odf_rows(str(path), "ods") == [
        (1, ["Ref", "Q1", "Q2"]),
        (2, ["A7", "Green", "Green"]),
        (3, ["A7", "Green", "Green"]),
        (4, ["A9", "", "Red"]),
    ]


def test_a_tracker_kept_as_a_table_in_a_writer_document_reads_with_its_title(tmp_path):
    body = (
        p("LOCAL PANEL – ACTIONS REPORT", "h")
        + p("The table below summarises the actions.")
        + table(
            row("Issue", "Action", "Latest Position"),
            row("FOI", "Janet to make a submission on FOI.", "Completed,\nand published"),
            row("CIPFA datasets", "DCLG to clarify with CIPFA.", "Ongoing."),
        )
        + p("Next report in May.")
    )
    keyed = body + p("Key") + p("Green: on track") + p("Red: off track")
    draft = read_tracker(str(odt(tmp_path / "actions", body)))
    with_key = read_tracker(str(odt(tmp_path / "keyed.odt", keyed)))

    assert draft.kind == "odt" and draft.heading.startswith("LOCAL PANEL – ACTIONS REPORT")
    assert [(i.issue, i.action, i.update) for i in draft.items] == [
        ("FOI", "Janet to make a submission on FOI.", "Completed,\nand published"),
        ("CIPFA datasets", "DCLG to clarify with CIPFA.", "Ongoing."),
    ]
    assert len(with_key.items) == 2 and "Green" in json.dumps(with_key.key)


def test_a_clerk_imports_a_calc_tracker_and_sees_it_in_the_ledger(db, tmp_path):
    clerk = Clerk(db)
    clerk.ok("init")
    clerk.ok("board", "add", "hc", "Highways Committee", "--on", "2024-01-01")
    clerk.ok("tracker", "add", "roads", "Roads actions", "--board", "hc", "--on", "2024-01-01")
    path = ods(tmp_path / "roads.ods", ("Tracker", calc_sheet()))

    said = clerk.ok("tracker", "import", "roads", str(path), "--on", "2024-03-01").output
    shown = json.loads(clerk.ok("tracker", "show", "roads", "--format", "json").output)

    assert "Recorded" in said
    assert [(r["no"], r["action"], r["timescale"]) for r in shown] == [
        ("1.1", "Repair potholes on Mill Lane", "2024-03-31"),
        ("1.2", "Resurface the car park", "June"),
    ]


def zip_bomb(path: Path) -> Path:
    return ods(path, ("S", row("Ref", "Action") + row("1", "Mow" + " " * 200_000)))


BAD = {
    "no table": (lambda d: odt(d / "t.odt", p("Actions to follow")), "has no table with words"),
    "damaged": (lambda d: package(d / "t.ods", SHEET_TYPE, "<office:doc"), "is damaged ("),
    "not a zip": (lambda d: _written(d / "t.ods", b"No.,Action\n1,Mow"), "not a whole zip"),
    "cut short": (lambda d: _written(d / "t.ods", b"PK\x03\x04garbage"), "not an OpenDocument"),
    "empty sheet": (lambda d: ods(d / "t.ods", ("S", VAST_EMPTY)), "has no words in its first"),
    "too many words": (
        lambda d: ods(d / "t.ods", ("S", row(cell("x", 'table:number-columns-repeated="200"'),
                                         attributes='table:number-rows-repeated="90000"'))),
        "holds more than 1,000,000 cells",
    ),
    "too wide": (
        lambda d: ods(d / "t.ods", ("S", row(cell("x", 'table:number-columns-repeated="300"')))),
        "has cells past column 256",
    ),
    "rows past the limit": (
        lambda d: ods(d / "t.ods", ("S", VAST_EMPTY + row("1", "Late"))),
        "has rows past row 100,000",
    ),
}  # fmt: skip


def _written(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("kind", BAD)
def test_a_tracker_file_that_cannot_be_read_is_refused_in_one_line(tmp_path, kind):
    make, says = BAD[kind]
    path = make(tmp_path)

    with pytest.raises(InvalidEntry) as refused:
        read_tracker(str(path))

    assert says in str(refused.value) and "\n" not in str(refused.value)


def test_a_zip_bomb_is_refused_by_its_stated_size_before_it_is_read(tmp_path, monkeypatch):
    monkeypatch.setattr(tracker_odf, "MAX_UNZIPPED", 100_000)
    with pytest.raises(InvalidEntry) as refused:
        read_tracker(str(zip_bomb(tmp_path / "t.ods")))

    assert "beyond the 0 MB (0 MB of text) an OpenDocument file may hold" in str(refused.value)


def test_sheet_is_refused_for_a_writer_document(tmp_path):
    path = odt(tmp_path / "t.odt", table(row("No.", "Action"), row("1", "Mow")))

    with pytest.raises(InvalidEntry, match="--sheet is for a spreadsheet"):
        read_tracker(str(path), sheet="Sheet1")


@pytest.mark.skipif(not REALDOCS.is_dir(), reason=f"the realdocs are not at {REALDOCS}")
@pytest.mark.parametrize(
    "name", ["T3a_lpdp_actions-report_2012-03", "T3b_lpdp_actions-report_2012-05"]
)
def test_a_real_panels_writer_tracker_gives_the_rows_of_its_csv(name):
    document = read_tracker(str(REALDOCS / f"{name}.odt"))
    saved = read_tracker(str(REALDOCS / f"{name}.csv"))

    assert len(document.items) >= 12
    assert items_of(document) == items_of(saved)
    assert document.heading.startswith("LOCAL PUBLIC DATA PANEL – ACTIONS REPORT")


labels = st.sampled_from(["No.", "Action", "RAG", "Owner", "Red", "1.1", "", "x\ny", "é"])
cells = st.one_of(
    labels.map(cell),
    st.tuples(labels, st.integers(1, 10**9)).map(
        lambda c: cell(c[0], f'table:number-columns-repeated="{c[1]}"')
    ),
    st.sampled_from(
        ["<table:covered-table-cell/>", DUE, '<table:table-cell office:value-type="date" '
         'office:date-value="nonsense"/>', "<text:p>", "&amp;", "<table:table-cell>"]
    ),
)  # fmt: skip
rows = st.lists(cells, max_size=5).map(lambda cs: row(*cs) if cs else VAST_EMPTY)


@settings(
    suppress_health_check=[HealthCheck.function_scoped_fixture],
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "40")),
)
@given(
    body=st.lists(rows, max_size=6),
    mimetype=st.sampled_from([SHEET_TYPE, TEXT_TYPE, "", "application/zip"]),
    ending=st.sampled_from([".ods", ".odt", ""]),
    options=st.lists(
        st.sampled_from([("--format", "ods"), ("--format", "odt"), ("--sheet", "Tracker")]),
        max_size=2,
    ),
)
def test_any_opendocument_file_and_options_get_an_import_or_one_line(
    tmp_path, body, mimetype, ending, options
):
    db = str(tmp_path / "fuzz.db")
    if not Path(db).exists():
        clerk = Clerk(db)
        clerk.ok("init")
        clerk.ok("board", "add", "hc", "Highways Committee", "--on", "2024-01-01")
        clerk.ok("tracker", "add", "roads", "Roads", "--board", "hc", "--on", "2024-01-01")
    wrapped = (
        table(*body)
        if mimetype == TEXT_TYPE
        else f'<table:table table:name="Tracker">{"".join(body)}</table:table>'
    )
    kind = "text" if mimetype == TEXT_TYPE else "spreadsheet"
    path = package(tmp_path / f"roads{ending}", mimetype, content_xml(wrapped, kind))
    args = [a for pair in options for a in pair]

    result = Clerk(db)("tracker", "import", "roads", str(path), "--dry-run", *args)

    assert result.exit_code in (0, 1, 2), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    if result.exit_code:
        assert result.output.count("\n") == 1 and result.output.startswith("Error:"), result.output


def test_a_formula_safe_cell_saved_in_calc_reads_as_the_text_the_tracker_held(tmp_path):
    """A csv export opened in Calc and saved as .ods keeps the apostrophe that stopped
    '=SUM(A1)' running as a formula; the import takes it off again, as for csv and xlsx."""
    path = ods(
        tmp_path / "t.ods",
        (
            "Tracker",
            row("No", "Action", "Who", "Cost centre") + row("1", "Audit", "Jo", "'=SUM(A1)"),
        ),
    )

    [item] = read_tracker(str(path)).items

    assert item.fields == {"Cost centre": "=SUM(A1)"}
