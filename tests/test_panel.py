"""The scrutiny panel's commands through the CLI, on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, date, datetime, timedelta

import pytest

from commands.session import Session
from tests.conftest import Clerk

FORMATS = ("table", "csv", "json", "markdown", "html")


def today() -> date:
    """The day the commands take as today in this test (see the ``today`` fixture)."""
    return Session.clock()


def ago(days: int) -> str:
    return (today() - timedelta(days=days)).isoformat()


def set_up(clerk: Clerk) -> None:
    clerk.ok("board", "add", "seb", "SEND Executive Board", "--on", ago(400))
    clerk.ok("board", "add", "hwb", "Health and Wellbeing Board", "--on", ago(400))
    for days in (60, 30):
        clerk.ok("meeting", "add", "seb", ago(days), "--on", ago(90))
    clerk.ok("meeting", "add", "seb", (today() + timedelta(days=30)).isoformat(), "--on", ago(90))
    clerk.ok(
        "tracker", "add", "wsoa", "Written statement of action", "--board", "seb", "--on", ago(90)
    )
    clerk.ok("tracker", "add", "hwb-plan", "Health plan", "--board", "hwb", "--on", ago(90))
    for no, kloe, who in (
        ("1", "1", "Anita Parkin"),
        ("2", "2", "Jan Parnell"),
        ("3", "1,2", "Peter Woods"),
    ):
        clerk.ok(
            "action",
            "add",
            "wsoa",
            no,
            "--issue",
            f"Issue {no}",
            "--kloe",
            kloe,
            "--theme",
            "Theme",
            "--who",
            who,
            "--timescale",
            "Q2",
            "--on",
            ago(90),
        )
    clerk.ok(
        "action", "add", "hwb-plan", "1", "--issue", "Health issue", "--who", "CCG", "--on", ago(90)
    )
    clerk.ok("action", "rate", "wsoa#1", "red", "--on", ago(60), "--reason", "Pilot stalled")
    clerk.ok("action", "rate", "wsoa#2", "green", "--on", ago(60), "--reason", "On track")
    clerk.ok("action", "rate", "wsoa#1", "amber", "--on", ago(30), "--reason", "Pilot restarted")
    clerk.ok(
        "action",
        "reassign",
        "wsoa#2",
        "--to",
        "Mandy Lawson",
        "--on",
        ago(30),
        "--reason",
        "Jan Parnell moved",
    )


def rows_of(clerk: Clerk, *args: str) -> list[dict]:
    return json.loads(clerk.ok(*args, "--format", "json").output)


def test_panel_sees_the_tracker_now_in_the_seed_layout(clerk):
    set_up(clerk)
    out = clerk.ok("tracker", "show", "wsoa").output
    headings = out.splitlines()[0].split()
    for heading in ("no", "kloe", "theme", "issue", "who", "timescale", "ragb"):
        assert heading in headings
    for empty in ("health", "la", "action", "update", "fields"):  # empty in every row
        assert empty not in headings
    rows = rows_of(clerk, "tracker", "show", "wsoa")
    assert [(r["no"], r["ragb"], r["who"]) for r in rows] == [
        ("1", "amber", ["Anita Parkin"]),
        ("2", "green", ["Mandy Lawson"]),
        ("3", "", ["Peter Woods"]),
    ]
    assert rows[0]["kloe"] == "1" and rows[2]["kloe"] == "1 & 2"


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (["--rag", "amber,green"], ["1", "2"]),
        (["--rag", "unrated"], ["3"]),
        (["--kloe", "2"], ["2", "3"]),
        (["--owner", "mandy"], ["2"]),
        (["--stale", "45"], ["2", "3"]),
    ],
)
def test_panel_narrows_the_tracker(clerk, filters, expected):
    set_up(clerk)
    assert [r["no"] for r in rows_of(clerk, "tracker", "show", "wsoa", *filters)] == expected


def test_panel_sees_all_trackers_of_a_board(clerk):
    set_up(clerk)
    rows = rows_of(clerk, "tracker", "show", "--board", "hwb")
    assert [(r["tracker"], r["no"]) for r in rows] == [("hwb-plan", "1")]


def test_a_late_backdated_rating_shows_at_its_date_but_not_in_what_was_known(clerk):
    set_up(clerk)
    clerk.ok("action", "rate", "wsoa#3", "red", "--reason", "Today's board")
    known = datetime.now(UTC).isoformat()
    clerk.ok("action", "rate", "wsoa#3", "green", "--on", ago(20), "--reason", "Found in minutes")
    rating = {
        r["no"]: r["ragb"] for r in rows_of(clerk, "tracker", "show", "wsoa", "--at", ago(10))
    }
    assert rating["3"] == "green"
    told = {
        r["no"]: r["ragb"]
        for r in rows_of(clerk, "tracker", "show", "wsoa", "--at", ago(10), "--known", known)
    }
    assert told["3"] == ""
    assert {r["no"]: r["ragb"] for r in rows_of(clerk, "tracker", "show", "wsoa")}["3"] == "red"
    story = rows_of(clerk, "action", "history", "wsoa#3")
    late = next(r for r in story if r["reason"] == "Found in minutes")
    on_the_day = next(r for r in story if r["reason"] == "Today's board")
    # 20 days late, or 21 if the test ran across midnight: the gap from the effective day
    # to the day the entry was recorded.
    late_by = (date.fromisoformat(late["recorded"][:10]) - date.fromisoformat(ago(20))).days
    assert late_by in (20, 21)
    assert late["marks"] == f"backdated {late_by} days" and on_the_day["marks"] == ""
    assert (
        rows_of(clerk, "action", "history", "wsoa#3", "--backdated-days", "30")[-1]["marks"] == ""
    )


def test_panel_sees_who_turned_action_1_red_and_the_correction_beside_it(clerk):
    set_up(clerk)
    story = rows_of(clerk, "action", "history", "wsoa#1")
    red = story[1]
    assert (red["actor"], red["effective"], red["change"], red["reason"]) == (
        "Jo Clerk",
        ago(60),
        "rating: unrated → red",
        "Pilot stalled",
    )
    clerk.ok(
        "correct",
        str(red["position"]),
        "--effective",
        ago(59),
        "--reason",
        "Minutes dated the day after",
    )
    story = rows_of(clerk, "action", "history", "wsoa#1")
    assert story[1]["marks"].endswith(f"corrected by #{story[-1]['position']}")
    assert story[-1]["change"] == f"corrects #{red['position']}: effective {ago(60)} → {ago(59)}"


def test_changes_between_meetings_list_moves_and_counts(clerk):
    set_up(clerk)
    moved = rows_of(clerk, "changes", "wsoa", "--from", ago(45), "--to", ago(15))
    assert [(c["ref"], c["change"], c["from"], c["to"]) for c in moved["changes"]] == [
        ("wsoa#1", "rating up", "red", "amber"),
        ("wsoa#2", "reassigned", "Jan Parnell", "Mandy Lawson"),
    ]
    counts = {c["rating"]: (c["before"], c["after"]) for c in moved["counts"]}
    assert counts["red"] == (1, 0) and counts["amber"] == (0, 1) and counts["unrated"] == (1, 1)


def test_board_history_and_what_is_due(clerk):
    set_up(clerk)
    clerk.ok(
        "decision",
        "record",
        "seb",
        "--meeting",
        ago(30),
        "--item",
        "Therapies",
        "--text",
        "Report back",
        "--follow-up",
        (today() + timedelta(days=30)).isoformat(),
    )
    clerk.ok(
        "minute-action",
        "add",
        "seb",
        "--meeting",
        ago(60),
        "--owner",
        "Anita Parkin",
        "--text",
        "Public Health update",
        "--due",
        ago(30),
    )
    clerk.ok(
        "minute-action",
        "add",
        "seb",
        "--meeting",
        ago(30),
        "--owner",
        "Jan Parnell",
        "--text",
        "Circulate plan",
    )
    history = rows_of(clerk, "board", "history", "seb")
    kinds = [r["kind"] for r in history]
    assert kinds.count("meeting") == 3 and "decision" in kinds and kinds.count("rating") == 3
    assert [r["date"] for r in history] == sorted(r["date"] for r in history)
    assert next(r for r in history if "Anita" in r["what"])["status"] == f"overdue since {ago(30)}"
    windowed = rows_of(clerk, "board", "history", "seb", "--from", ago(40), "--to", ago(20))
    assert {r["date"] for r in windowed} == {ago(30)}
    due = rows_of(clerk, "due", "--board", "seb")
    assert [(d["status"], d["kind"], d["owner"]) for d in due] == [
        ("overdue", "minute action", "Anita Parkin"),
        ("due", "minute action", "Jan Parnell"),
        ("due", "follow-up", ""),
    ]
    clerk.ok("minute-action", "done", f"seb@{ago(60)}/A1")
    assert len(rows_of(clerk, "due")) == 2


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_read_command_prints_in_every_format(clerk, fmt):
    set_up(clerk)
    clerk.ok(
        "minute-action",
        "add",
        "seb",
        "--meeting",
        ago(30),
        "--owner",
        "Anita Parkin",
        "--text",
        'Update, with a comma and "quotes"\non two lines',
    )
    for args in (
        ["tracker", "show", "wsoa"],
        ["action", "history", "wsoa#1"],
        ["changes", "wsoa", "--from", ago(90)],
        ["board", "history", "seb"],
        ["due"],
        ["log"],
        ["projections", "status"],
    ):
        out = clerk.ok(*args, "--format", fmt).output
        if fmt == "json":
            json.loads(out)
        elif fmt == "csv":
            assert len(list(csv.reader(io.StringIO(out)))) >= 2
        elif fmt == "html":
            assert "<table>" in out


def test_unknown_refs_in_read_commands_suggest_the_closest(clerk):
    set_up(clerk)
    for args, hint in (
        (["tracker", "show", "wsao"], "did you mean wsoa?"),
        (["action", "history", "wsoa#9"], "did you mean wsoa#"),
        (["board", "history", "sbe"], "did you mean seb?"),
        (["tracker", "show", "--board", "hbw"], "did you mean hwb?"),
    ):
        result = clerk(*args)
        assert result.exit_code == 1 and hint in result.output, result.output


def test_views_report_their_position_and_rebuild(clerk):
    set_up(clerk)
    status = rows_of(clerk, "projections", "status")
    assert {s["view"] for s in status} == {"audit_trail", "tracker"}
    before = rows_of(clerk, "tracker", "show", "wsoa")
    status = rows_of(clerk, "projections", "status")
    assert all(s["behind"] == 0 for s in status)
    assert "Rebuilt tracker from" in clerk.ok("projections", "rebuild", "tracker").output
    assert rows_of(clerk, "tracker", "show", "wsoa") == before
    result = clerk("projections", "rebuild", "nope")
    assert result.exit_code == 2 and "audit_trail, tracker" in result.output
