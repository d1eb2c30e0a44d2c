"""The scrutiny panel's agenda pack (govledger report), on SQLite and PostgreSQL: the
counts, what moved, the exceptions, the tracker with its trend marks, and the checkpoint
a reader checks it against."""

from __future__ import annotations

import json
import re
from datetime import timedelta
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.conftest import Clerk, event_count
from tests.test_panel import ago, set_up, today

HOSTILE = '<img src=x onerror="alert(1)"> & co'


def with_the_panels_story(clerk: Clerk) -> None:
    """The panel's tracker (meetings 60 and 30 days ago, one 30 days ahead), then: action 3
    amber 50 days ago and red 45 days ago, action 1 green 10 days ago, and action 2's
    timescale a date 10 days past."""
    set_up(clerk)
    clerk.ok("action", "rate", "wsoa#3", "amber", "--on", ago(50), "--reason", "Drafting")
    clerk.ok("action", "rate", "wsoa#3", "red", "--on", ago(45), "--reason", HOSTILE)
    clerk.ok("action", "rate", "wsoa#1", "green", "--on", ago(10), "--reason", "Pilot done")
    due = (today() - timedelta(days=10)).strftime("%d/%m/%Y")
    clerk.ok("action", "retime", "wsoa#2", due, "--on", ago(25), "--reason", "Date agreed")


class Cells(HTMLParser):
    """Each table of the page as rows of cell texts, keyed by the table's class, and
    every element's data-* attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: dict[str, list[list[str]]] = {}
        self.data: list[dict[str, str]] = []
        self.table: str | None = None
        self.cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        found = dict(attrs)
        if any(k.startswith("data-") for k in found):
            self.data.append({k: v or "" for k, v in found.items()})
        if tag == "table":
            self.table = found.get("class") or "table"
            self.tables.setdefault(self.table, [])
        elif tag == "tr" and self.table:
            self.tables[self.table].append([])
        elif tag in ("td", "th") and self.table:
            self.cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self.cell is not None and self.table:
            self.tables[self.table][-1].append(" ".join("".join(self.cell).split()))
            self.cell = None
        elif tag == "table":
            self.table = None

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append(data)


def pack(clerk: Clerk, *args: str) -> tuple[str, Cells]:
    out = clerk.ok("report", "wsoa", *args).output
    cells = Cells()
    cells.feed(out)
    return out, cells


def test_panel_pack_counts_ratings_now_beside_the_last_meeting(clerk):
    with_the_panels_story(clerk)
    _, cells = pack(clerk)
    counts = cells.tables["counts"]
    everything = next(row for row in counts if row[0] == "All actions")
    # red, amber, green, blue, not started, total; the last meeting (30 days ago) in brackets
    assert everything == ["All actions", "1 (1)", "0 (1)", "2 (1)", "0 (0)", "0 (0)", "3"]


def test_panel_pack_says_what_it_is_for_and_what_it_compares_with(clerk):
    with_the_panels_story(clerk)
    out, _ = pack(clerk)
    ahead = today() + timedelta(days=30)
    assert f"{ahead.day} {ahead:%B %Y}" in out  # the meeting it is for
    last = today() - timedelta(days=30)
    assert f"the last meeting (Meeting, {last.day} {last:%B %Y})" in out


def test_panel_pack_shows_what_moved_since_the_last_meeting_with_who_and_why(clerk):
    with_the_panels_story(clerk)
    _, cells = pack(clerk)
    moved = {(r[1], r[2], r[3]): r for r in cells.tables["moved"][1:]}
    assert ("1", "rating up", "amber → green") in moved
    assert moved[("1", "rating up", "amber → green")][4:6] == ["Jo Clerk", "Pilot done"]
    assert ("2", "retimed", "Q2 → " + (today() - timedelta(days=10)).strftime("%d/%m/%Y")) in moved
    assert len(moved) == 2  # nothing from before the last meeting


def test_panel_pack_lists_every_red_action_with_owner_reason_and_how_long_red(clerk):
    with_the_panels_story(clerk)
    out, cells = pack(clerk)
    reds = cells.tables["reds"][1:]
    assert len(reds) == 1
    number, letter, issue, owner, since, reason, _ = reds[0]
    assert (number, letter, issue, owner) == ("3", "R", "Issue 3", "Peter Woods")
    assert since == f"{ago(45)} 45 days"
    assert reason == HOSTILE
    assert "<img src=x" not in out and "&lt;img src=x onerror=" in out


def test_panel_pack_lists_overdue_dated_timescales_with_their_words(clerk):
    with_the_panels_story(clerk)
    _, cells = pack(clerk)
    overdue = cells.tables["overdue"][1:]
    words = (today() - timedelta(days=10)).strftime("%d/%m/%Y")
    assert overdue == [["2", "Issue 2", "Mandy Lawson", words, ago(10), "10"]]


def test_panel_pack_marks_each_actions_trend_and_letters_its_rating(clerk):
    with_the_panels_story(clerk)
    _, cells = pack(clerk)
    table = cells.tables["tracker-table"]
    heading = table[0]
    assert heading[:3] == ["No.", "KLOE", "Theme"]
    assert heading[-5:] == ["Who", "Timescale", "RAGB", "Trend", "Event"]
    marks = {row[0]: (row[-3], row[-2]) for row in table[1:]}
    assert marks == {"1": ("G", "▲"), "2": ("G", "▬"), "3": ("R", "▬")}


def test_panel_pack_of_an_earlier_meeting_shows_the_tracker_as_it_stood_then(clerk):
    with_the_panels_story(clerk)
    _, cells = pack(clerk, "--at", ago(30))
    everything = next(row for row in cells.tables["counts"] if row[0] == "All actions")
    # at the meeting 30 days ago, against the one 60 days ago: 1 red then amber; 3 red since
    assert everything == ["All actions", "1 (1)", "1 (0)", "1 (1)", "0 (0)", "0 (1)", "3"]
    assert {r[0]: r[-2] for r in cells.tables["tracker-table"][1:]} == {
        "1": "▲",
        "2": "▬",
        "3": "★",
    }


def test_reader_checks_the_pack_against_the_export_with_the_standalone_verifier(clerk, tmp_path):
    from ledger.verify import main as verify

    with_the_panels_story(clerk)
    out, _ = pack(clerk)
    size = int(re.search(r'data-fact="size">(\d+)<', out).group(1))
    root = re.search(r'data-fact="root">([0-9a-f]{64})<', out).group(1)
    assert size == event_count(clerk.db)
    export = tmp_path / "log.jsonl"
    clerk.ok("export", "-o", str(export))
    assert verify([str(export), "--digest", f"{size}:{root}"]) == 0
    leaves = {}
    for line in export.read_text().splitlines():
        record = json.loads(line)
        if "trailer" not in record:
            leaves[record["position"]] = record["leaf_hash"]
    cited = re.findall(r"#(\d+)·([0-9a-f]{8})", out)
    assert len(cited) >= 6  # every rated action and every change names its event
    for position, prefix in cited:
        assert leaves[int(position)].startswith(prefix)


def test_pack_written_to_a_file_says_so_and_is_a_whole_page(clerk, tmp_path):
    with_the_panels_story(clerk)
    (tmp_path / "out").mkdir()
    target = tmp_path / "out" / "pack.html"
    result = clerk.ok("report", "--board", "seb", "-o", str(target))
    assert result.output.strip() == f"Wrote the agenda pack to {target}."
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page
    assert "@media print" in page and "SEND Executive Board" in page
    assert [p.name for p in target.parent.iterdir()] == ["pack.html"]  # no temporary left


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--since", ago(5), "--since-last-meeting"], "not both"),
        (["-o", "pack.txt"], "neither in .html nor .pdf"),
        (["-o", "no/such/folder/pack.html"], "does not exist"),
        (["--since", ago(1), "--at", ago(3)], "is after --at"),
        (["--known", "last tuesday"], "is not a date"),
    ],
)
def test_bad_report_options_get_one_line_and_nothing_written(
    clerk, args, says, tmp_path, monkeypatch
):
    with_the_panels_story(clerk)
    (tmp_path / "work").mkdir()
    monkeypatch.chdir(tmp_path / "work")
    result = clerk("report", "wsoa", *args)
    assert result.exit_code == 2
    assert says in result.output and len(result.output.strip().splitlines()) == 1
    assert "Traceback" not in result.output
    assert list(Path().iterdir()) == []


def test_report_of_an_unknown_tracker_or_a_board_without_one_is_refused(clerk):
    with_the_panels_story(clerk)
    unknown = clerk("report", "wsao")
    assert unknown.exit_code == 1 and "wsoa" in unknown.output  # the closest is suggested
    empty = clerk("report", "--board", "hwb", "wsoa")
    assert empty.exit_code == 1 and "not one of board hwb's trackers" in empty.output


def test_report_needs_a_tracker_or_a_board(clerk):
    with_the_panels_story(clerk)
    result = clerk("report")
    assert result.exit_code == 2 and "name a TRACKER" in result.output
