"""What a panel member shares: whole HTML pages, spreadsheet-safe CSV, Markdown that
keeps its table, with every word from the ledger escaped."""

from __future__ import annotations

import csv
import io
import re

import pytest

from tests.test_panel import ago, set_up

HOSTILE = '<script>alert("x")</script> | =HYPERLINK("http://evil") & more'
READ_COMMANDS = (
    ["tracker", "show", "wsoa"],
    ["action", "history", "wsoa#1"],
    ["changes", "wsoa", "--from", ago(90)],
    ["board", "history", "seb"],
    ["due"],
    ["log"],
    ["projections", "status"],
)


def with_hostile_text(clerk) -> None:
    """A ledger holding the panel's story and a minute action whose words are markup and
    a spreadsheet formula."""
    set_up(clerk)
    meeting = ("minute-action", "add", "seb", "--meeting", ago(30))
    clerk.ok(*meeting, "--owner", "=cmd|' /C calc'!A0", "--text", "Send the figures")
    clerk.ok(*meeting, "--owner", "Ann", "--text", HOSTILE)


def page_head(out: str) -> str:
    return out[: out.index("<body>")]


@pytest.mark.parametrize("args", READ_COMMANDS, ids=lambda a: " ".join(a[:2]))
def test_panel_html_of_every_read_command_is_a_whole_styled_page(clerk, args):
    with_hostile_text(clerk)
    out = clerk.ok(*args, "--format", "html").output
    assert out.startswith("<!DOCTYPE html>")
    head = page_head(out)
    assert '<meta charset="utf-8">' in head
    title = re.search(r"<title>(.+)</title>", head).group(1)
    assert title.strip() and title != "govledger"
    assert "<style>" in head and ".rag-red" in head  # the same styles on every page
    assert "<table>" in out and out.rstrip().endswith("</html>")
    assert "Produced by govledger on" in out


def test_panel_tracker_page_colours_each_rating_and_keeps_its_word(clerk):
    set_up(clerk)
    out = clerk.ok("tracker", "show", "wsoa", "--format", "html").output
    assert '<td class="rag rag-amber">amber</td>' in out
    assert '<td class="rag rag-green">green</td>' in out
    assert "<title>Tracker wsoa</title>" in out


def test_panel_changes_page_holds_both_tables_once(clerk):
    set_up(clerk)
    out = clerk.ok("changes", "wsoa", "--from", ago(90), "--format", "html").output
    assert out.count("<!DOCTYPE html>") == 1 and out.count("<table>") == 2
    assert "<h2>Changes</h2>" in out and "<h2>Actions by rating</h2>" in out


def test_words_from_the_ledger_are_escaped_on_every_html_page(clerk):
    with_hostile_text(clerk)
    for args in (["board", "history", "seb"], ["due"], ["log"]):
        out = clerk.ok(*args, "--format", "html").output
        assert "<script>" not in out, args
        assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in out, args


def test_csv_a_spreadsheet_opens_runs_no_formula(clerk):
    with_hostile_text(clerk)
    for args in (["due"], ["board", "history", "seb"], ["log"]):
        rows = list(csv.DictReader(io.StringIO(clerk.ok(*args, "--format", "csv").output)))
        cells = [value for row in rows for value in row.values() if value]
        assert not [c for c in cells if c[0] in "=+-@"], args
    due = list(csv.DictReader(io.StringIO(clerk.ok("due", "--format", "csv").output)))
    assert "'=cmd|' /C calc'!A0" in [row["owner"] for row in due]


def test_csv_keeps_a_formula_like_reason_readable_as_text(clerk):
    set_up(clerk)
    clerk.ok("action", "rate", "wsoa#3", "red", "--reason", "-20% on last quarter")
    rows = list(csv.DictReader(io.StringIO(clerk.ok("log", "--format", "csv").output)))
    assert rows[-1]["reason"] == "'-20% on last quarter"
    history = clerk.ok("action", "history", "wsoa#3", "--format", "json").output
    assert '"reason": "-20% on last quarter"' in history  # json keeps the exact words


def test_markdown_keeps_its_table_when_the_ledger_holds_pipes_and_markup(clerk):
    with_hostile_text(clerk)
    out = clerk.ok("due", "--format", "markdown").output
    lines = out.splitlines()
    header_cells = lines[0].count(" | ")
    hostile_line = next(line for line in lines if "alert" in line)
    assert hostile_line.replace("\\|", "").count(" | ") == header_cells
    assert "&lt;script&gt;" in hostile_line and "<script>" not in out
    assert "\\| =HYPERLINK" in hostile_line
