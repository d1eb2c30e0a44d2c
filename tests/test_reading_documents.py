"""A clerk hands govledger the minutes as the council published them: a Word file, a PDF, a
ModernGov page, text in whatever encoding the office PC saved. Each is read into text in the
order it was written; anything that cannot be minutes is refused in one line.

The realdocs (real minutes with hand-made text beside each) are read from /work/shared and
skipped, with a message, where they are absent.
"""

from __future__ import annotations

import json
import os
import re
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ledger.errors import InvalidEntry
from ledger.readers import document, docx_file, pdf_file
from ledger.readers.document import read_document
from ledger.readers.pdf_file import pdf_text
from ledger.readers.text_file import decode

REALDOCS = Path(__file__).resolve().parents[2] / "shared" / "data" / "realdocs"
REAL_PDFS = sorted(REALDOCS.glob("*/*.pdf"))
REAL_PAGES = sorted(REALDOCS.glob("minutes/*.md"))
NO_REALDOCS = f"the realdocs are not at {REALDOCS}; they are read from there, never copied"


def lines(text: str) -> list[str]:
    return text.split("\n")


def refusal(path: Path | str) -> str:
    """The one line a bad file is refused with."""
    with pytest.raises(InvalidEntry) as refused:
        read_document(str(path))
    message = str(refused.value)
    assert "\n" not in message
    assert message.startswith(f"{path}: ")
    return message


# --- Word -------------------------------------------------------------------------------------


def word_minutes(path: Path) -> Path:
    import docx

    doc = docx.Document()
    doc.core_properties.title = "Audit Committee 12 March 2024"
    doc.add_heading("Minutes of the Audit Committee", level=1)
    doc.add_paragraph("1. Apologies")
    doc.add_paragraph("Apologies were received from Cllr Brown.")
    actions = doc.add_table(rows=3, cols=3)
    for row, cells in zip(
        actions.rows,
        [("Action", "Owner", "Due"), ("Write to the auditors", "Jane Smith", "30 April 2024"),
         ("Publish the register", "Clerk", "next meeting")],
        strict=True,
    ):  # fmt: skip
        for cell, words in zip(row.cells, cells, strict=True):
            cell.text = words
    doc.add_paragraph("2. Internal audit plan")
    doc.add_paragraph("RESOLVED: That the plan be approved.")
    doc.save(path)
    return path


def test_clerks_word_minutes_read_in_the_order_written_with_owners_beside_actions(tmp_path):
    minutes = read_document(str(word_minutes(tmp_path / "audit.docx")))

    assert (minutes.kind, minutes.name) == ("docx", "audit.docx")
    assert minutes.title == "Audit Committee 12 March 2024"
    text = minutes.text
    assert "Write to the auditors\tJane Smith\t30 April 2024" in lines(text)
    assert "Publish the register\tClerk\tnext meeting" in lines(text)
    order = ["1. Apologies", "Cllr Brown", "Action\tOwner\tDue", "2. Internal audit plan"]
    positions = [text.index(words) for words in order]
    assert positions == sorted(positions)
    assert "RESOLVED: That the plan be approved." in lines(text)


def test_a_merged_cell_in_a_word_table_is_read_once(tmp_path):
    import docx

    doc = docx.Document()
    table = doc.add_table(rows=2, cols=3)
    merged = table.cell(0, 0).merge(table.cell(0, 1))
    merged.text = "Finance and resources"
    table.cell(0, 2).text = "Owner"
    table.cell(1, 0).text = "Review the budget"
    table.cell(1, 1).text = "monthly"
    table.cell(1, 2).text = "Treasurer"
    doc.save(tmp_path / "merged.docx")

    text = read_document(str(tmp_path / "merged.docx")).text

    assert text.count("Finance and resources") == 1
    assert "Finance and resources\tOwner" in lines(text)
    assert "Review the budget\tmonthly\tTreasurer" in lines(text)


def test_a_word_draft_with_tracked_changes_reads_as_if_they_were_accepted(tmp_path):
    import docx
    from lxml import etree

    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    doc = docx.Document()
    paragraph = doc.add_paragraph("RESOLVED: that the report be ")
    paragraph._p.append(
        etree.fromstring(
            f'<w:del xmlns:w="{w}" w:id="1" w:author="Clerk"><w:r><w:delText>noted'
            f"</w:delText></w:r></w:del>"
        )
    )
    paragraph._p.append(
        etree.fromstring(
            f'<w:ins xmlns:w="{w}" w:id="2" w:author="Clerk"><w:r><w:t>approved</w:t></w:r></w:ins>'
        )
    )
    doc.save(tmp_path / "draft.docx")

    assert read_document(str(tmp_path / "draft.docx")).text == (
        "RESOLVED: that the report be approved\n"
    )


def test_a_word_file_too_big_when_unpacked_is_refused_before_it_is_parsed(tmp_path, monkeypatch):
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", b"<w:document>" + b" " * 3_000_000)
    monkeypatch.setattr(docx_file, "MAX_MAIN_PART", 1_000_000)

    assert bomb.stat().st_size < 50_000
    assert "unpacks to 3 MB" in refusal(bomb)


# --- PDF --------------------------------------------------------------------------------------


def pdf_bytes(*pages: list[str], user_password: str = "", rotated: str = "") -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    for page in pages:
        pdf.add_page()
        for line in page:
            pdf.cell(text=line, new_x="LMARGIN", new_y="NEXT")
        if rotated:
            with pdf.rotation(angle=90, x=150, y=150):
                pdf.text(x=150, y=150, text=rotated)
    if user_password:
        from fpdf.enums import EncryptionMethod

        pdf.set_encryption(
            owner_password="owner",
            user_password=user_password,
            encryption_method=EncryptionMethod.AES_128,
        )
    return bytes(pdf.output())


def test_pdf_minutes_read_page_by_page_as_laid_out(tmp_path):
    path = tmp_path / "parish.pdf"
    path.write_bytes(
        pdf_bytes(
            ["Milltown Parish Council", "21.01.03 Precept", "RESOLVED: that the precept be set."],
            ["21.01.04 Footpaths", "ACTION: Clerk to report the stile"],
        )
    )

    minutes = read_document(str(path))

    assert minutes.kind == "pdf"
    first, second = minutes.text.split("\n\f\n")
    assert "RESOLVED: that the precept be set." in [line.strip() for line in lines(first)]
    assert "ACTION: Clerk to report the stile" in [line.strip() for line in lines(second)]
    assert minutes.text.endswith("the stile\n")


def test_reading_a_pdf_prints_none_of_the_pdf_librarys_warnings(tmp_path, caplog, capfd):
    path = tmp_path / "rotated.pdf"
    path.write_bytes(pdf_bytes(["Board minutes with a rotated stamp"], rotated="DRAFT COPY"))

    with caplog.at_level("DEBUG"):
        read_document(str(path))

    assert [r for r in caplog.records if r.name.startswith("pypdf")] == []
    assert capfd.readouterr().err == ""


def test_a_pdf_saved_with_a_text_name_is_still_read_as_a_pdf(tmp_path):
    path = tmp_path / "minutes.txt"
    path.write_bytes(pdf_bytes(["Minutes of the Licensing Committee, agreed as a true record"]))

    assert read_document(str(path)).kind == "pdf"


@pytest.mark.skipif(not REAL_PDFS, reason=NO_REALDOCS)
@pytest.mark.parametrize("pdf", REAL_PDFS, ids=[p.stem[:24] for p in REAL_PDFS])
def test_real_council_pdfs_read_exactly_as_their_reference_text(pdf):
    reference = pdf.with_suffix(".txt").read_text(encoding="utf-8")

    assert pdf_text(pdf.read_bytes(), pdf.name) == reference
    minutes = read_document(str(pdf))
    assert minutes.text == re.sub(r"[\x00-\x08\x0b\x0e-\x1f]", "", reference)


# --- Web pages --------------------------------------------------------------------------------

MODERNGOV_PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<title>Agenda for Cabinet on Monday, 3rd March, 2025, 6.30 pm - Anytown Council</title>
<script>var menu = "<p>Home</p>";</script><style>.mgHide { display: none }</style>
</head><body>
<nav><ul><li><a href="/">Home</a></li>
<li><a href="/mgListCommittees.aspx">Committees</a></li></ul></nav>
<header class="siteHeader">Anytown Council &ndash; democracy</header>
<form method="post" action="./ieListDocuments.aspx?CId=130&amp;MId=7115" id="aspnetForm">
<div id="mgContent">
<h1 class="mgMainTitleTxt">Agenda and minutes</h1>
<h2 class="mgSubTitleTxt">Cabinet - Monday, 3rd March, 2025 6.30 pm</h2>
<table class="mgItemTable" id="mgItemTable" summary="Agenda items">
<tr><td class="mgItemNumberCell"><p class="mgAiTitleTxt">4.</p></td>
<td><p class="mgAiTitleTxt"><a class="mgAiTitleLnk" href="documents/s1/Potholes.pdf">Pothole
   repair&nbsp;programme <span class="mgHide">(Opens in new window)</span></a></p>
<div class="mgWordPara"><p>To consider the   programme for 2025/26.</p></div>
<p class="mgSubItemTitleTxt">Minutes:</p>
<div class="mgWordPara"><p>The Cabinet Member for Highways introduced the report.<br>
Councillor&rsquo;s questions were answered.</p></div>
<p class="mgSubItemTitleTxt">RESOLVED:</p>
<div class="mgWordPara"><ol type="a"><li><p>That the programme be approved;</p></li>
<li>That an update be given to the next meeting.</li></ol></div>
</td></tr>
<tr><td class="mgItemNumberCell"><p class="mgAiTitleTxt">5.</p></td>
<td><p class="mgAiTitleTxt">Action log</p>
<div class="mgWordPara"><table border="1">
<tr><th>Action</th><th>Owner</th><th>Due</th></tr>
<tr><td>Write to the bus company</td><td>Cllr Patel</td><td>April 2025</td></tr>
</table></div>
<p class="mgSubItemTitleTxt">Decision:</p><div class="mgWordPara">Noted.</div>
<ul class="mgBulletList"><li>Report back in June</li></ul>
</td></tr>
</table></div></form>
<footer>&copy; Anytown Council</footer>
</body></html>
"""


def test_a_moderngov_page_keeps_each_items_heading_labels_and_decisions(tmp_path):
    path = tmp_path / "ieListDocuments.aspx"
    path.write_text(MODERNGOV_PAGE, encoding="utf-8")

    page = read_document(str(path))

    assert page.kind == "html"
    assert page.title.startswith("Agenda for Cabinet on Monday, 3rd March, 2025")
    assert page.text.split("\n\n") == [
        "Agenda and minutes",
        "Cabinet - Monday, 3rd March, 2025 6.30 pm",
        "4.\tPothole repair programme",
        "To consider the programme for 2025/26.",
        "Minutes:",
        "The Cabinet Member for Highways introduced the report.\n"
        "Councillor’s questions were answered.",
        "RESOLVED:",
        "a. That the programme be approved;",
        "b. That an update be given to the next meeting.",
        "5.\tAction log",
        "Action\tOwner\tDue\nWrite to the bus company\tCllr Patel\tApril 2025",
        "Decision:",
        "Noted.",
        "• Report back in June\n",
    ]


def test_a_page_of_minutes_in_one_layout_cell_still_reads_line_by_line():
    from ledger.readers.html_page import page_text

    text, title = page_text(
        "<table><tr><td>7</td><td><h1>Budget</h1><p>RESOLVED:</p><ul><li>approved</li></ul>"
        "</td><td>JS</td></tr></table><p>Close</p>"
    )

    assert title == "Budget"
    assert text.split("\n\n") == ["7\tBudget", "RESOLVED:", "• approved\tJS", "Close\n"]


@pytest.mark.skipif(not REAL_PAGES, reason=NO_REALDOCS)
@pytest.mark.parametrize("page", REAL_PAGES, ids=[p.stem[:24] for p in REAL_PAGES])
def test_real_minutes_published_on_websites_keep_every_decision_and_action(page):
    minutes = read_document(str(page))
    answers = json.loads(page.with_suffix(".answers.json").read_text(encoding="utf-8"))
    said = [
        entry[key]
        for group in ("decisions", "actions", "report_backs", "votes")
        for entry in answers.get(group, [])
        for key in ("text", "evidence")
        if entry.get(key)
    ]

    def words(text: str) -> str:
        return " ".join(text.replace("\ufeff", "").split())

    assert said
    assert [s for s in said if words(s) not in words(minutes.text)] == []
    assert minutes.text.startswith(f"Title: {minutes.title}\n")
    if page.with_suffix(".txt").read_bytes() != page.read_bytes():  # converted: HTML bodies
        assert minutes.text == page.with_suffix(".txt").read_text(encoding="utf-8")


def test_minutes_held_in_a_pages_front_matter_are_read_with_its_title_and_date(tmp_path):
    path = tmp_path / "2024-03-04-board.md"
    path.write_text(
        "---\n"
        'title: "Board meeting, 4 March 2024"\n'
        "date: 2024-03-07 10:00:00 +0000\n"
        "layout: post\n"
        "tags:\n  - board\n"
        "minutes: >-\n"
        "  ## Minutes\n\n\n"
        "  The board agreed the plan.\n"
        "  KC to action\n\n"
        "  Next meeting in June\n"
        "---\n",
        encoding="utf-8",
    )

    minutes = read_document(str(path))

    assert (minutes.kind, minutes.title) == ("text", "Board meeting, 4 March 2024")
    assert minutes.text == (
        "Title: Board meeting, 4 March 2024\nDate: 2024-03-07\n\n"
        "## Minutes\n\nThe board agreed the plan. KC to action\nNext meeting in June\n"
    )


# --- Text in any encoding -----------------------------------------------------------------------

MINUTE = "Councillor’s motion – £5,000 for the café “agreed”\n"


@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1252", "utf-16-le"], ids=str
)
def test_minutes_saved_as_text_in_any_office_encoding_read_without_mojibake(tmp_path, encoding):
    path = tmp_path / "minutes.txt"
    path.write_bytes(("AGREED: " + MINUTE).replace("\n", "\r\n").encode(encoding))

    text = read_document(str(path)).text

    assert text == "AGREED: " + MINUTE
    assert "â€" not in text


def test_latin_1_minutes_read_right(tmp_path):
    path = tmp_path / "minutes.txt"
    path.write_bytes("Café committee: £5 agreed; Señor Núñez thanked".encode("latin-1"))

    assert read_document(str(path)).text == "Café committee: £5 agreed; Señor Núñez thanked"


def test_utf8_minutes_with_a_windows_quote_pasted_in_read_as_both():
    data = "The Chair’s report – noted.\n".encode() + b"The Clerk\x92s letter\n"

    assert decode(data, "mixed.txt") == "The Chair’s report – noted.\nThe Clerk’s letter\n"


def test_spaces_page_breaks_and_marks_are_normalised():
    data = "\ufeffItem\xa01\r\nNoted.\f\rNext\u00a0page\ufeff".encode("utf-8")

    assert decode(data, "a.txt") == "Item 1\nNoted.\f\nNext page"


# --- Files that are not minutes ---------------------------------------------------------------


def xlsx(path: Path) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["No.", "Action", "RAGB"])
    book.save(path)
    return path


def old_word(path: Path) -> Path:
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    path.write_bytes(header + "WordDocument".encode("utf-16-le") + bytes(1024))
    return path


def write(name: str, data: bytes | Callable[[], bytes]):
    """A bad file's maker; a PDF's bytes are made when the test runs, not when collected."""

    def make(path: Path) -> Path:
        (path / name).write_bytes(data() if callable(data) else data)
        return path / name

    return make


def in_zip(name: str, parts: dict[str, bytes]):
    def make(path: Path) -> Path:
        with zipfile.ZipFile(path / name, "w") as package:
            for part, data in parts.items():
                package.writestr(part, data)
        return path / name

    return make


def cut_short(data: bytes) -> bytes:
    return data[: len(data) // 2]


def fifo(path: Path) -> Path:
    os.mkfifo(path / "pipe")
    return path / "pipe"


BAD_FILES = {
    "empty": (write("minutes.txt", b""), "is empty"),
    "binary": (write("minutes.txt", bytes(range(256)) * 40), "is not text in a known encoding"),
    "control characters": (
        write("minutes.txt", bytes(range(1, 32)) * 40),
        "is not text in a known encoding (UTF-8, Windows-1252, Latin-1); save it as UTF-8 text",
    ),
    "old word": (lambda p: old_word(p / "minutes.doc"), "save it as .docx"),
    "spreadsheet": (
        lambda p: xlsx(p / "tracker.xlsx"),
        "this is a spreadsheet; use govledger tracker import",
    ),
    "odt without its text": (
        in_zip("minutes.odt", {"mimetype": b"application/vnd.oasis.opendocument.text"}),
        "has no content.xml (it is damaged); open it in LibreOffice and save again",
    ),
    "ods": (
        in_zip("minutes.ods", {"mimetype": b"application/vnd.oasis.opendocument.spreadsheet"}),
        "this is a spreadsheet; use govledger tracker import",
    ),
    "other zip": (in_zip("minutes.zip", {"a.txt": b"hello"}), "not a Word document"),
    "broken word": (
        in_zip("m.docx", {"word/document.xml": b"<w:document", "[Content_Types].xml": b"<x"}),
        "cannot be read as a Word document",
    ),
    "encrypted pdf": (
        write("locked.pdf", lambda: pdf_bytes(["Confidential minutes"], user_password="s3cret")),
        "password-protected",
    ),
    "truncated pdf": (write("cut.pdf", lambda: cut_short(pdf_bytes(["Minutes"]))), "cut short"),
    "damaged pdf": (write("bad.pdf", b"%PDF-1.7\n1 0 obj << /Kids [ >>\n%%EOF\n"), "damaged"),
    "scanned pdf": (write("scan.pdf", lambda: pdf_bytes([], [])), "OCR it first"),
    "image": (write("scan.png", b"\x89PNG\r\n\x1a\n" + bytes(200)), "OCR it first"),
    "rtf": (write("m.rtf", b"{\\rtf1\\ansi Minutes}"), "save it as .docx or as text"),
    "directory": (lambda p: p, "is a directory"),
    "missing": (lambda p: p / "nowhere.pdf", "no such file"),
    "fifo": (fifo, "is not a regular file"),
    "device": (lambda p: Path("/dev/zero"), "is not a regular file"),
}


@pytest.mark.parametrize("kind", BAD_FILES)
def test_a_file_that_is_not_minutes_is_refused_in_one_line(tmp_path, kind):
    make, says = BAD_FILES[kind]

    assert says in refusal(make(tmp_path))


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path, monkeypatch):
    monkeypatch.setattr(document, "MAX_BYTES", 1024)
    path = tmp_path / "pack.txt"
    path.write_text("Minutes " * 200, encoding="utf-8")

    assert refusal(path).endswith(
        "is 1 KB, over the 1 KB limit for a document; give the minutes alone, without appendices"
    )


def test_a_pdf_with_too_many_pages_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(pdf_file, "MAX_PAGES", 2)
    path = tmp_path / "pack.pdf"
    path.write_bytes(pdf_bytes(["Agenda"], ["Report"], ["Minutes"]))

    assert "has 3 pages, over the 2 a document may have" in refusal(path)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a file whatever its permissions")
def test_a_file_the_clerk_may_not_read_is_refused(tmp_path):
    path = tmp_path / "minutes.txt"
    path.write_text("Minutes", encoding="utf-8")
    path.chmod(0)

    assert refusal(path).endswith("cannot be read (Permission denied)")


def test_pathological_pages_read_in_time_linear_in_their_size():
    from ledger.readers.html_page import page_text

    pages = [
        "<div>" * 100_000,
        "<table><tr><td>" * 20_000 + "deep",
        "<ul><li>" * 20_000 + "item",
        "<p>" + "a " * 500_000 + "</p>" + "<td>x" * 50_000,
        "<!--" * 50_000 + "<p>unclosed comments</p>",
        "<a" * 50_000,
        "<![" * 50_000,
        "</" * 50_000,
    ]
    started = time.perf_counter()
    texts = [page_text(page)[0] for page in pages]

    assert time.perf_counter() - started < 20
    assert "deep" in texts[1] and "item" in texts[2]


ODT_START = (  # an .odt's first bytes: its stored mimetype part's header and the type
    b"PK\x03\x04\n\x00\x00\x00\x00\x00" + bytes(16) + b"\x08\x00\x00\x00mimetype"
    + b"application/vnd.oasis.opendocument.textPK\x03\x04"
)  # fmt: skip


@given(
    start=st.sampled_from(
        [b"", b"%PDF-1.7\n", b"PK\x03\x04", b"<html><p>", b"---\ntitle: x\n", ODT_START]
    ),
    rest=st.binary(max_size=3000),
    end=st.sampled_from([b"", b"\n%%EOF\n", b"</td></tr>"]),
)
def test_whatever_bytes_a_file_holds_it_is_read_or_refused_in_one_line(start, rest, end):
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "minutes"
        path.write_bytes(start + rest + end)
        try:
            minutes = read_document(str(path))
        except InvalidEntry as refused:
            assert "\n" not in str(refused)
        else:
            assert minutes.text.strip() and minutes.kind in document.KINDS
