"""A parish clerk keeps the minutes in LibreOffice and hands govledger the .odt as saved:
headings, numbered items, lettered parts, an action table. It is read in the order written,
list numbers as LibreOffice shows them, and anything hostile or broken refused in one line.
"""

from __future__ import annotations

import json
import time
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ledger.errors import InvalidEntry
from ledger.readers import document
from ledger.readers.document import read_document
from tests.conftest import Clerk, event_count
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

NUMBERED = (  # a list style as LibreOffice writes it: 1. 2. at level 1, a) b) at level 2
    '<text:list-style style:name="L1">'
    '<text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1"/>'
    '<text:list-level-style-number text:level="2" style:num-suffix=")" style:num-format="a"/>'
    "</text:list-style>"
    '<text:list-style style:name="L2"><text:list-level-style-bullet text:level="1" '
    'text:bullet-char="•"/></text:list-style>'
)


def items(*entries: str, attributes: str = 'text:style-name="L1"') -> str:
    return f"<text:list {attributes}>{''.join(entries)}</text:list>"


def item(text: str, *parts: str) -> str:
    inner = items(*(f"<text:list-item>{p(part)}</text:list-item>" for part in parts), attributes="")
    return f"<text:list-item>{p(text)}{inner if parts else ''}</text:list-item>"


PARISH_MINUTES = (
    p("Minutes of Ashby Parish Council", "h")
    + p("Held on 12 March 2024 at the Village Hall")
    + items(item("Apologies"), item("Finance"))
    + "<text:p>Cllr Reid proposed<text:s text:c=\"2\"/>and Cllr Khan seconded:<text:line-break/>"
    "<office:annotation><text:p>check the spelling</text:p></office:annotation>"
    "all agreed.<text:note><text:note-body><text:p>Footnote words</text:p></text:note-body>"
    "</text:note></text:p>"
    + items(item("Village green", "to mow monthly", "to plant bulbs"), attributes=(
        'text:style-name="L1" text:continue-numbering="true"'))
    + table(
        f"<table:table-header-rows>{row('Action', 'By whom', 'By when')}</table:table-header-rows>",
        row("Write to the highways team", "Clerk", "30 April 2024"),
        row(cell("Order the bulbs", 'table:number-columns-spanned="2"'),
            "<table:covered-table-cell><text:p>hidden</text:p></table:covered-table-cell>", "May"),
        VAST_EMPTY,
    )
    + items("<text:list-item>" + p("Next meeting 9 April") + "</text:list-item>",
            attributes='text:style-name="L2"')
    + "<text:tracked-changes><text:changed-region><text:deletion>"
    "<text:p>Deleted sentence</text:p></text:deletion></text:changed-region></text:tracked-changes>"
)  # fmt: skip


def test_clerks_libreoffice_minutes_read_in_order_with_numbers_parts_and_owners(tmp_path):
    path = odt(tmp_path / "march.odt", PARISH_MINUTES, "Ashby PC 12 March 2024", NUMBERED)

    minutes = read_document(str(path))

    assert (minutes.kind, minutes.name, minutes.title) == (
        "odt",
        "march.odt",
        "Ashby PC 12 March 2024",
    )
    assert minutes.text.split("\n\n") == [
        "Minutes of Ashby Parish Council",
        "Held on 12 March 2024 at the Village Hall",
        "1. Apologies",
        "2. Finance",
        "Cllr Reid proposed  and Cllr Khan seconded:\nall agreed.",
        "3. Village green",
        "a) to mow monthly",
        "b) to plant bulbs",
        "Action\tBy whom\tBy when\n"
        "Write to the highways team\tClerk\t30 April 2024\n"
        "Order the bulbs\t\tMay",
        "• Next meeting 9 April\n",
    ]  # fmt: skip


def test_an_odt_saved_without_its_ending_is_still_read_as_one(tmp_path):
    path = odt(tmp_path / "minutes", p("RESOLVED: That the budget be approved."))

    assert read_document(str(path)).kind == "odt"


def test_a_parish_clerks_odt_minutes_are_imported_with_their_decision_and_action(db, tmp_path):
    clerk = Clerk(db)
    clerk.ok("init")
    clerk.ok("board", "add", "ashby", "Ashby Parish Council")
    body = (
        p("Minutes of the meeting held on 12 March 2024", "h")
        + p("4. Village green")
        + p("RESOLVED: That the green be mown monthly.")
        + p("ACTION: Clerk to order the bulbs by 30 April 2024.")
    )
    path = odt(tmp_path / "march.odt", body)

    review = json.loads(
        clerk.ok("minutes", "import", "ashby", str(path), "--dry-run", "--format", "json").output
    )
    before = event_count(db)
    clerk.ok("minutes", "import", "ashby", str(path))

    assert (review["draft"]["kind"], review["meeting"]) == ("odt", "2024-03-12")
    assert [(e["event"], e.get("text")) for e in review["planned"][1:]] == [
        ("DecisionRecorded", "That the green be mown monthly."),
        ("MinuteActionRaised", "Clerk to order the bulbs by 30 April 2024."),
    ]
    assert event_count(db) == before + 3


def refusal(path: Path) -> str:
    with pytest.raises(InvalidEntry) as refused:
        read_document(str(path))
    said = str(refused.value)
    assert "\n" not in said and said.startswith(f"{path}: ")
    return said


def zip_bomb(path: Path) -> Path:
    """An .odt of a few hundred KB whose content.xml unpacks beyond what minutes may hold."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), TEXT_TYPE, zipfile.ZIP_STORED)
        with archive.open("content.xml", "w", force_zip64=True) as part:
            chunk = b" " * 2**20
            for _ in range(70):
                part.write(chunk)
    return path


EXTERNAL = (
    '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY secret SYSTEM "file:///etc/hostname">'
    '<!ENTITY lol "lol"><!ENTITY lols "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
)
HOSTILE = (
    EXTERNAL + content_xml(p("Minutes") + "<text:p>&secret; &lols; read</text:p>").split("?>", 1)[1]
)

LOCKED = b"<manifest:manifest><manifest:encryption-data/></manifest:manifest>"
BAD_ODF = {
    "no content": (lambda d: package(d / "m.odt", TEXT_TYPE, None), "has no content.xml"),
    "damaged xml": (lambda d: package(d / "m.odt", TEXT_TYPE, "<office:document"), "is damaged"),
    "zip bomb": (lambda d: zip_bomb(d / "m.odt"), "beyond the 256 MB (64 MB of text)"),
    "spreadsheet": (
        lambda d: ods(d / "t.ods", ("Sheet1", row("Action", "RAG"))),
        "this is a spreadsheet; use govledger tracker import",
    ),
    "password": (
        lambda d: odt(d / "m.odt", p("x"), parts={"META-INF/manifest.xml": LOCKED}),
        "is password-protected; save a copy without the password",
    ),
    "body missing": (
        lambda d: package(d / "m.odt", TEXT_TYPE, content_xml("", "spreadsheet")),
        "holds no text document",
    ),
    "cut short": (lambda d: _cut(odt(d / "m.odt", p("Minutes " * 500))), "not a whole zip"),
}  # fmt: skip


def _cut(path: Path) -> Path:
    path.write_bytes(path.read_bytes()[:200])
    return path


@pytest.mark.parametrize("kind", BAD_ODF)
def test_an_odt_that_cannot_be_minutes_is_refused_in_one_line(tmp_path, kind):
    make, says = BAD_ODF[kind]

    assert says in refusal(make(tmp_path))


def test_an_odt_never_fetches_a_file_nor_expands_entities(tmp_path):
    path = package(tmp_path / "m.odt", TEXT_TYPE, HOSTILE)

    text = read_document(str(path)).text

    assert text == "Minutes\n\nread\n"


def test_an_odt_declaring_vast_repeated_tables_reads_in_bounded_time(tmp_path):
    body = p("Minutes") + table(row("Action", "Owner"), VAST_EMPTY, VAST_EMPTY)
    path = odt(tmp_path / "m.odt", body)
    started = time.perf_counter()

    assert read_document(str(path)).text == "Minutes\n\nAction\tOwner\n"
    assert time.perf_counter() - started < 2


def test_words_repeated_past_the_limit_are_refused_not_written_out(tmp_path):
    words = row(cell("Mow the green", 'table:number-columns-repeated="1000"'), attributes=(
        'table:number-rows-repeated="100000"'))  # fmt: skip
    path = odt(tmp_path / "m.odt", table(words))

    assert "cells once their repeats are read" in refusal(path)


fragments = st.sampled_from(
    [p("Item 4: RESOLVED"), "<text:p>", "</text:p>", row("a", "b"), "<table:table>",
     "</table:table>", '<text:s text:c="99999999"/>', "<text:list>", "<text:list-item>",
     VAST_EMPTY, "&amp;", "&nbsp;", "<![CDATA[x]]>", "<text:line-break/>", "\x00", "é"]
)  # fmt: skip


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=60)
@given(
    body=st.lists(fragments, max_size=12), mimetype=st.sampled_from([TEXT_TYPE, SHEET_TYPE, "x"])
)
def test_whatever_an_odt_holds_it_is_read_or_refused_in_one_line(tmp_path, body, mimetype):
    path = package(
        tmp_path / "m.odt", mimetype, content_xml("".join(body)).encode("utf-8", "replace")
    )
    try:
        minutes = read_document(str(path))
    except InvalidEntry as refused:
        assert "\n" not in str(refused)
    else:
        assert minutes.text.strip() and minutes.kind in document.KINDS
