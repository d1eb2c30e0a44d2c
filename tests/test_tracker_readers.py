"""Tracker readers on files alone: any council's IDs, headers, ratings and layouts, and every
bad file refused in one line, in bounded time and memory."""

from __future__ import annotations

import csv
import os
import re
import zipfile
from datetime import date
from pathlib import Path

import pytest

from ledger.errors import InvalidEntry
from ledger.rating import Rating, read_rating
from ledger.readers import tracker_draft
from ledger.readers.tracker_files import read_tracker
from ledger.refs import ActionRef, action_id, item_id


def write_csv(path: Path, rows: list[list[str]], delimiter: str = ",", encoding="utf-8") -> str:
    with path.open("w", encoding=encoding, newline="") as handle:
        csv.writer(handle, delimiter=delimiter).writerows(rows)
    return str(path)


def write_xlsx(path: Path, rows: list[list[object]], title: str = "Tracker", merges=()) -> str:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    for cells in merges:
        sheet.merge_cells(cells)
    book.save(path)
    return str(path)


# -- item IDs ------------------------------------------------------------------------------


SHAPES = ["15.", "1.1", "2.3a", "A2", "R-07", "BEIS_0005_1920-Q4", "KPI 3"]


def test_item_ids_of_every_shape_are_read_as_the_tracker_writes_them(tmp_path):
    rows = [["Ref", "Action"], *([shape, f"Do thing {i}"] for i, shape in enumerate(SHAPES))]
    draft = read_tracker(write_csv(tmp_path / "t.csv", rows))
    assert [i.id for i in draft.items] == [
        "15",
        "1.1",
        "2.3a",
        "A2",
        "R-07",
        "BEIS_0005_1920-Q4",
        "KPI 3",
    ]
    assert draft.keyed == "column"


@pytest.mark.parametrize("given", SHAPES)
def test_a_ref_of_any_shape_reads_back_as_printed(given):
    ref = ActionRef.parse(f"plan#{given}")
    assert ActionRef.parse(str(ref)) == ref and ref.number == item_id(given)


def test_numbered_actions_keep_the_ids_they_were_recorded_with():
    """Refs recorded before other shapes were accepted name the same event streams."""
    for spelled in ("hf-send-2019#15", "hf-send-2019#15.", "hf-send-2019#015"):
        assert str(action_id(ActionRef.parse(spelled))) == "25a5c403-aeaa-50bf-a224-ccfefd215495"
    assert str(action_id(ActionRef.parse("hf-send-2019#4A"))) == (
        "c4f16fa8-de98-5b30-8fd0-0998aa2cd26b"
    )


@pytest.mark.parametrize("bad", ["", "  ", "#", "# ", "x" * 201])
def test_ids_that_cannot_be_a_ref_are_refused(bad):
    with pytest.raises(InvalidEntry, match="item ID"):
        item_id(bad)


def test_a_repeated_id_is_an_error_unless_it_continues_the_item_above(tmp_path):
    rows = [["No", "Action", "Owner"], ["1", "First", "Ann"], ["1", "", "Bob"], ["2", "Two", ""]]
    draft = read_tracker(write_csv(tmp_path / "t.csv", rows))
    assert [len(i.lines) for i in draft.items] == [2, 1]
    rows.append(["1", "Again", ""])
    with pytest.raises(InvalidEntry, match=r"row 5, column No: ID '1' is already used by row 2"):
        read_tracker(write_csv(tmp_path / "t.csv", rows))


# -- headers by meaning ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Action No", "id"),
        ("ID", "id"),
        ("Recommendation", "action"),
        ("Commitment", "action"),
        ("Risk", "action"),
        ("Lead officer", "who"),
        ("Led by", "who"),
        ("SRO", "who"),
        ("Target date", "timescale"),
        ("By when", "timescale"),
        ("BRAG", "ragb"),
        ("Progress rating", "ragb"),
        ("Current", "ragb"),
        ("Commentary", "update"),
        ("Comments", "update"),
        ("Ownership", "who"),
        ("Issue Title", "issue"),
    ],
)
def test_headers_are_read_by_their_meaning(tmp_path, header, field):
    other = "Owner" if field == "action" else "Description"
    rows = [[other, header], ["Jo", "Green" if field == "ragb" else "7"]]
    draft = read_tracker(write_csv(tmp_path / "t.csv", rows))
    assert draft.columns[header] == field


def test_a_column_nobody_recognises_is_kept_word_for_word(tmp_path):
    rows = [["Action", "Cost (£m)", "Directorate"], ["Build it", "1,200.5", "Place & Growth"]]
    draft = read_tracker(write_csv(tmp_path / "t.csv", rows))
    assert draft.items[0].fields == {"Cost (£m)": "1,200.5"}
    assert draft.items[0].lines[0].who == "Place & Growth"
    assert "column 'Cost (£m)' kept as an extra field of each item" in draft.notes


def test_map_names_a_column_the_synonyms_do_not_know(tmp_path):
    rows = [["Action", "Q2 position"], ["Build it", "Amber"]]
    path = write_csv(tmp_path / "t.csv", rows)
    assert read_tracker(path).items[0].fields == {"Q2 position": "Amber"}
    assert read_tracker(path, mapping={"Q2 position": "ragb"}).items[0].rating == "Amber"


def test_without_an_id_column_items_are_numbered_in_order(tmp_path):
    rows = [["Action", "Owner"], ["First", "Ann"], ["", "Bob"], ["Second", "Cy"]]
    draft = read_tracker(write_csv(tmp_path / "t.csv", rows))
    assert [(i.id, [ln.who for ln in i.lines]) for i in draft.items] == [
        ("1", ["Ann", "Bob"]),
        ("2", ["Cy"]),
    ]
    assert draft.keyed == "order"


def test_key_names_the_column_that_identifies_each_item(tmp_path):
    rows = [
        ["KPI name", "Target", "Q1"],
        ["Days to pay invoices", "30", "28"],
        ["Calls answered", "95%", "91%"],
    ]
    draft = read_tracker(write_csv(tmp_path / "t.csv", rows), key="KPI name")
    assert [i.id for i in draft.items] == ["Days to pay invoices", "Calls answered"]
    assert draft.items[1].fields == {"Target": "95%", "Q1": "91%"}
    with pytest.raises(InvalidEntry, match="has no column 'Indicator' \\(given with --key\\)"):
        read_tracker(write_csv(tmp_path / "t.csv", rows), key="Indicator")


def test_section_rows_become_the_theme_of_the_rows_under_them(tmp_path):
    rows = [
        ["Ref", "Action", "Owner", "RAG"],
        ["Leadership and governance", "", "", ""],
        ["1.1", "Set up the board", "Chief Executive", "G"],
        ["1.2", "Agree terms of reference", "Monitoring Officer", "A"],
        ["Inclusion", "", "", ""],
        ["2.1", "Publish the local offer", "Head of SEND", "R"],
    ]
    draft = read_tracker(write_csv(tmp_path / "t.csv", rows))
    assert [(i.id, i.theme) for i in draft.items] == [
        ("1.1", "Leadership and governance"),
        ("1.2", "Leadership and governance"),
        ("2.1", "Inclusion"),
    ]


# -- a table with no header row ------------------------------------------------------------------


HEADERLESS = [
    ["Audit actions agreed 4 March"],
    ["Finance"],
    ["F-01", "Reconcile the bank accounts every month", "Head of Finance", "31/05/2024", "G"],
    ["F-02", "Publish spending over £500", "JB/KL", "June 2024", "Amber"],
    ["People"],
    ["P-01", "Refresh the workforce strategy", "Director of HR", "Q3 2024", "Complete"],
]


def test_a_table_without_a_header_row_is_read_by_what_its_columns_hold(tmp_path):
    draft = read_tracker(write_csv(tmp_path / "t.csv", HEADERLESS))
    assert draft.heading == "Audit actions agreed 4 March"
    assert [
        (i.id, i.theme, i.action, i.lines[0].who, i.lines[0].timescale, i.rating)
        for i in draft.items
    ] == [
        ("F-01", "Finance", *HEADERLESS[2][1:]),
        ("F-02", "Finance", *HEADERLESS[3][1:]),
        ("P-01", "People", *HEADERLESS[5][1:]),
    ]
    assert draft.keyed == "column" and not draft.extra
    assert any(n.startswith("no header row: columns read by what they hold") for n in draft.notes)


def test_status_words_that_are_no_ratings_are_the_update_and_a_group_heading_stays(tmp_path):
    rows = [
        ["Action log"],
        ["Secretariat"],
        ["Circulate the minutes", "Completed"],
        ["Benefits cases"],
        ["Address data"],
        ["Survey small firms on their use of address data", "Carried forward"],
        ["Clarify the list of postcodes", "New"],
        ["Weather data"],
        ["Hold the working group", "Ongoing"],
    ]
    draft = read_tracker(write_csv(tmp_path / "t.csv", rows))
    assert [(i.id, i.theme, i.action, i.update, i.rating) for i in draft.items] == [
        ("1", "Secretariat", rows[2][0], "Completed", ""),
        ("2", "Benefits cases > Address data", rows[5][0], "Carried forward", ""),
        ("3", "Benefits cases > Address data", rows[6][0], "New", ""),
        ("4", "Weather data", rows[8][0], "Ongoing", ""),
    ]


def test_map_names_columns_by_position_when_there_is_no_header(tmp_path):
    rows = [["7", "Close the old depot", "1200", "Done"], ["8", "Sell the land", "3400", "Open"]]
    path = write_csv(tmp_path / "t.csv", rows)
    assert read_tracker(path).items[1].fields == {"Column 3": "3400"}
    draft = read_tracker(path, mapping={"3": "update", "Column 4": "ragb"})
    assert [(i.id, i.update, i.rating) for i in draft.items] == [
        ("7", "1200", "Done"),
        ("8", "3400", "Open"),
    ]


@pytest.mark.parametrize(
    ("rows", "fix"),
    [
        (
            [["Quarterly report"], ["Nothing to track here"]],
            "save the tracker's table with a header row",
        ),
        ([["12", "2024-01-05"], ["13", "2024-02-01"]], "--map 1=id --map 2=action"),
    ],
)
def test_a_table_whose_columns_cannot_be_told_says_how_to_name_them(tmp_path, rows, fix):
    with pytest.raises(InvalidEntry, match="has no header row naming its columns") as refused:
        read_tracker(write_csv(tmp_path / "t.csv", rows))
    assert fix in str(refused.value) and "--map COLUMN=FIELD" not in str(refused.value)


# -- ratings as councils write them -------------------------------------------------------------


@pytest.mark.parametrize(
    ("said", "rating"),
    [
        ("R", Rating.RED),
        ("RED", Rating.RED),
        ("amber", Rating.AMBER),
        ("G", Rating.GREEN),
        ("Blue", Rating.BLUE),
        ("Complete", Rating.BLUE),
        ("Completed", Rating.BLUE),
        ("Done", Rating.BLUE),
        ("Closed", Rating.BLUE),
        ("On track", Rating.GREEN),
        ("At risk", Rating.AMBER),
        ("Off track", Rating.RED),
        ("Not started", None),
        ("Amber/Green", Rating.AMBER),
        ("Amber / Red", Rating.RED),
        ("A/G", Rating.AMBER),
    ],
)
def test_ratings_as_councils_write_them(said, rating):
    assert read_rating(said).rating is rating


def test_a_split_rating_is_recorded_as_the_worse_and_shown_as_written():
    said = read_rating("Amber/Green")
    assert said.split and said.shown() == "amber (Amber/Green)"
    assert read_rating("Not started").shown() == "unrated (Not started)"


@pytest.mark.parametrize("bad", ["Purple", "Green/Blue", "Red/Red", "Ongoing"])
def test_a_word_that_is_no_rating_is_refused_with_the_accepted_words(bad):
    with pytest.raises(ValueError, match="is not a rating; use R, A, G, B"):
        read_rating(bad)


# -- CSV -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1252"])
def test_csv_delimiter_and_encoding_are_found(tmp_path, delimiter, encoding):
    rows = [
        ["Ref", "Action", "Owner"],
        ["1", "Review the café’s licence; report", "Zoë Ball, Lead"],
    ]
    path = tmp_path / "t.csv"
    write_csv(path, rows, delimiter=delimiter, encoding=encoding)
    item = read_tracker(str(path)).items[0]
    assert [item.action, item.lines[0].who] == rows[1][1:]


def test_a_csv_cell_of_any_size_is_read_whole(tmp_path):
    long = "word " * 60_000  # 300 KB, past the csv module's default 128 KB
    path = write_csv(tmp_path / "t.csv", [["Ref", "Action", "Update"], ["1", "Act", long]])
    assert read_tracker(path).items[0].update == long.strip()


# -- XLSX ----------------------------------------------------------------------------------------


def test_xlsx_header_below_title_rows_merged_cells_and_dates(tmp_path):
    rows = [
        ["Corporate Plan Action Tracker", None, None, None, None],
        ["As at 30 June 2024", None, None, None, None],
        [],
        ["Ref", "Action", "Lead", "Due", "RAG"],
        ["Theme 1: Housing", None, None, None, None],
        ["A1", "Build 500 homes", "Head of Housing", date(2025, 3, 31), "Green"],
        [None, None, "Head of Planning", 45930, None],
        ["A2", "Cut temporary accommodation", "Head of Housing", "Q3", "Amber/Green"],
    ]
    merges = ["A1:E1", "A5:E5", "A6:A7", "B6:B7", "E6:E7"]
    draft = read_tracker(write_xlsx(tmp_path / "t.xlsx", rows, merges=merges))
    assert draft.heading == "Corporate Plan Action Tracker As at 30 June 2024"
    first, second = draft.items
    assert (first.id, first.theme, first.action, first.rating) == (
        "A1",
        "Theme 1: Housing",
        "Build 500 homes",
        "Green",
    )
    assert [(ln.who, ln.timescale) for ln in first.lines] == [
        ("Head of Housing", "2025-03-31"),
        ("Head of Planning", "2025-09-30"),
    ]
    assert (second.id, second.rating) == ("A2", "Amber/Green")


def test_xlsx_sheet_is_chosen_by_name(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["Notes"])
    other = book.create_sheet("Q2 2024")
    other.append(["ID", "Action"])
    other.append(["7", "Do it"])
    path = tmp_path / "t.xlsx"
    book.save(path)
    assert read_tracker(str(path), sheet="Q2 2024").items[0].id == "7"
    with pytest.raises(
        InvalidEntry, match="has no sheet 'Q3'; give --sheet one of: 'Sheet', 'Q2 2024'"
    ):
        read_tracker(str(path), sheet="Q3")


def declaring_the_whole_grid(path: Path) -> str:
    """A tiny workbook whose sheet declares 16,384 x 1,048,576 and holds a cell at the end."""
    write_xlsx(path, [["ID", "Action"], ["1", "Do it"]])
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    sheet = re.sub(r'<dimension ref="[^"]+"', '<dimension ref="A1:XFD1048576"', sheet)
    sheet = sheet.replace(
        "</sheetData>", '<row r="1048576"><c r="XFD1048576" s="0"/></row></sheetData>'
    )
    parts["xl/worksheets/sheet1.xml"] = sheet.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)
    return str(path)


def test_a_sheet_declaring_the_whole_grid_is_read_by_its_real_cells(tmp_path):
    import resource
    import time

    path = declaring_the_whole_grid(tmp_path / "grid.xlsx")
    assert os.path.getsize(path) < 8_000
    before, started = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, time.monotonic()
    draft = read_tracker(path)
    assert [i.id for i in draft.items] == ["1"]
    assert time.monotonic() - started < 5
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 100_000  # KB


# -- PDF -----------------------------------------------------------------------------------------


def write_pdf(path: Path, title: str, rows: list[list[str]]) -> str:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=10)
    pdf.cell(0, 10, title, new_x="LMARGIN", new_y="NEXT")
    with pdf.table() as table:
        for row in rows:
            cells = table.row()
            for text in row:
                cells.cell(text)
    pdf.output(str(path))
    return str(path)


def test_a_pdf_trackers_tables_are_read_directly(tmp_path):
    rows = [
        ["Rec No.", "Recommendation", "Responsible", "Status"],
        ["R-01", "Publish the audit plan on the council's website", "Head of Audit", "Complete"],
        ["R-02", "Review the risk register every quarter", "Risk Manager", "On track"],
    ]
    draft = read_tracker(write_pdf(tmp_path / "recs.pdf", "Audit recommendations tracker", rows))
    assert draft.kind == "pdf" and draft.heading == "Audit recommendations tracker"
    assert [(i.id, i.action, i.lines[0].who, i.rating) for i in draft.items] == [
        ("R-01", rows[1][1], "Head of Audit", "Complete"),
        ("R-02", rows[2][1], "Risk Manager", "On track"),
    ]


# -- headers over two rows ------------------------------------------------------------------------


CAPTION_BELOW = [
    ["Progress report"],
    ["Ref", "Action", "Lead", "Target", "Progress", "", "RAG"],
    ["", "", "", "date", "Q1", "Q2", ""],
    ["1.1", "Open the new library", "Head of Libraries", "2024-09-30", "Site found", "", "G"],
    ["1.2", "Close the old depot", "Head of Estates", "2025-03-31", "Agreed", "Sold", "A"],
]
GROUP_ABOVE = [
    ["Risk register"],
    ["", "", "Owner", "", "Current"],
    ["Risk ID", "Risk", "Name", "Role", "RAG"],
    ["R-07", "Cyber attack on payroll", "Sam Patel", "Head of IT", "Red"],
]


@pytest.mark.parametrize("kind", ["csv", "xlsx", "pdf"])
def test_a_caption_carried_on_the_row_below_is_one_header(tmp_path, kind):
    """'Target' over 'date' is a due date; 'Progress' over Q1 and Q2 names both."""
    path = write_table(tmp_path, kind, CAPTION_BELOW)
    draft = read_tracker(path)
    assert draft.heading == "Progress report"
    assert draft.columns["Target date"] == "timescale" and draft.columns["RAG"] == "ragb"
    assert [(i.id, i.lines[0].timescale, i.update, i.fields, i.rating) for i in draft.items] == [
        ("1.1", "2024-09-30", "Site found", {}, "G"),
        ("1.2", "2025-03-31", "Agreed", {"Progress Q2": "Sold"}, "A"),
    ]


@pytest.mark.parametrize("kind", ["csv", "xlsx", "pdf"])
def test_a_row_grouping_the_columns_above_the_header_names_them(tmp_path, kind):
    draft = read_tracker(write_table(tmp_path, kind, GROUP_ABOVE))
    assert draft.heading == "Risk register"
    (item,) = draft.items
    assert (item.id, item.action, item.lines[0].who, item.rating) == (
        "R-07",
        "Cyber attack on payroll",
        "Sam Patel",
        "Red",
    )
    assert item.fields == {"Owner Role": "Head of IT"}


def write_table(folder: Path, kind: str, rows: list[list[str]]) -> str:
    if kind == "csv":
        return write_csv(folder / "t.csv", rows)
    if kind == "xlsx":
        return write_xlsx(folder / "t.xlsx", rows)
    return write_pdf(folder / "t.pdf", rows[0][0], rows[1:])


# -- files that are no tracker: one line each ------------------------------------------------------


def refusal(path: str, **options: object) -> str:
    with pytest.raises(InvalidEntry) as caught:
        read_tracker(path, **options)  # type: ignore[arg-type]
    message = str(caught.value)
    assert "\n" not in message and message.startswith(path)
    return message


def test_devices_pipes_directories_and_empty_files_get_one_line(tmp_path):
    assert "not a regular file" in refusal("/dev/zero")
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    assert "not a regular file" in refusal(str(fifo))
    assert "is a directory" in refusal(str(tmp_path))
    (tmp_path / "empty.csv").write_bytes(b"")
    assert "is empty" in refusal(str(tmp_path / "empty.csv"))
    assert "does not exist" in refusal(str(tmp_path / "missing.csv"))
    (tmp_path / "blank.csv").write_text("\n\n  \n")
    assert "is empty" in refusal(str(tmp_path / "blank.csv"))


def test_files_beyond_the_limits_get_one_line(tmp_path, monkeypatch):
    path = write_csv(tmp_path / "t.csv", [["ID", "Action"], *([str(n), "x"] for n in range(1, 40))])
    monkeypatch.setattr(tracker_draft, "MAX_BYTES", 100)
    monkeypatch.setattr("ledger.readers.tracker_files.MAX_BYTES", 100)
    assert "beyond the 0 MB a tracker may be" in refusal(path)
    monkeypatch.undo()
    monkeypatch.setattr("ledger.readers.tracker_csv.MAX_ROWS", 10)
    assert "more than 10 rows" in refusal(path)
    monkeypatch.setattr("ledger.readers.tracker_csv.MAX_COLUMNS", 1)
    monkeypatch.setattr("ledger.readers.tracker_csv.MAX_ROWS", 1000)
    assert "more than 1 columns" in refusal(path)


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("t.xlsx", b"PK\x03\x04 not really a zip", "is not an XLSX workbook"),
        ("t.pdf", b"%PDF-1.4 broken", "is not a PDF that can be read"),
        ("t.csv", bytes(range(256)) * 8, "is not text"),
        ("t.csv", b"Quarterly report\nNothing to track here\n", "has no header row"),
    ],
)
def test_damaged_files_get_one_line(tmp_path, name, data, message):
    path = tmp_path / name
    path.write_bytes(data)
    assert message in refusal(str(path))


LAID_OUT = """\
                         OFFICIAL
Audit Committee - Recommendations Tracker

Ref        Recommendation                         Owner              Status
R-01       Publish the annual audit plan on       Head of Audit      Complete
           the council's website.
R-02       Review the risk register every         Risk Manager       On track
           quarter and report to the              (from May)
           committee.
                         OFFICIAL
\f
                         OFFICIAL
R-03       Train members on treasury              S151 Officer       Not started
           management.
                         OFFICIAL
"""


def test_text_laid_out_in_columns_is_read_by_where_each_column_starts(tmp_path):
    path = tmp_path / "recs.txt"
    path.write_text(LAID_OUT, encoding="utf-8")
    draft = read_tracker(str(path))
    assert draft.heading == "Audit Committee - Recommendations Tracker"
    assert [(i.id, i.action, i.lines[0].who, i.rating) for i in draft.items] == [
        (
            "R-01",
            "Publish the annual audit plan on the council's website.",
            "Head of Audit",
            "Complete",
        ),
        (
            "R-02",
            "Review the risk register every quarter and report to the committee.",
            "Risk Manager (from May)",
            "On track",
        ),
        ("R-03", "Train members on treasury management.", "S151 Officer", "Not started"),
    ]


NO_HEADER_LAID_OUT = """\
                              OFFICIAL
                 Board action log - 14 May

Secretariat
Circulate the minutes and actions from the last meeting            New
Publish the note of the meeting on the website                     Carried
                                                                   forward
Data workstream
Write to two departments about progress on data publication        Carried
commitments in the pipeline and their Open Data                    forward
Strategy Commitments
                              OFFICIAL
\f
                              OFFICIAL
Meet the data team about updates to the                              Carried
Board's pages on the website                                         forward
Other
Launch a recruitment campaign                                        Completed
                              OFFICIAL
"""


def test_text_laid_out_without_a_header_is_read_by_where_its_columns_start(tmp_path):
    """Columns found where runs of text start on many lines (shifted from page to page);
    a status wrapped over two lines, and a cell's wrapped line starting in capitals, stay
    in their row; a heading over items is their section."""
    path = tmp_path / "log.txt"
    path.write_text(NO_HEADER_LAID_OUT, encoding="utf-8")
    draft = read_tracker(str(path))
    assert draft.heading == "Board action log - 14 May"
    assert [(i.theme, i.action, i.update) for i in draft.items] == [
        ("Secretariat", "Circulate the minutes and actions from the last meeting", "New"),
        ("Secretariat", "Publish the note of the meeting on the website", "Carried forward"),
        (
            "Data workstream",
            "Write to two departments about progress on data publication commitments in "
            "the pipeline and their Open Data Strategy Commitments",
            "Carried forward",
        ),
        (
            "Data workstream",
            "Meet the data team about updates to the Board's pages on the website",
            "Carried forward",
        ),
        ("Other", "Launch a recruitment campaign", "Completed"),
    ]
