"""The clerk's command line, through click's CliRunner, on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import click
import pytest

from commands.main import cli
from tests.conftest import Clerk, event_count


def set_up(clerk: Clerk) -> None:
    clerk.ok("board", "add", "seb", "SEND Executive Board", "--on", "2019-01-10")
    clerk.ok("meeting", "add", "seb", "2019-06-12", "--title", "June board", "--on", "2019-05-01")
    clerk.ok(
        "tracker", "add", "hf-send-2019", "SEND actions", "--board", "seb", "--on", "2019-06-01"
    )
    clerk.ok(
        "action",
        "add",
        "hf-send-2019",
        "15",
        "--issue",
        "Checks not integrated",
        "--kloe",
        "1",
        "--theme",
        "Identification",
        "--who",
        "Anita Parkin",
        "--who",
        "Angela Cody",
        "--timescale",
        "Q2",
        "--health",
        "Pilot in January",
        "--on",
        "2019-06-01",
    )


def log_rows(clerk: Clerk, limit: int = 100) -> list[dict]:
    return json.loads(clerk.ok("log", "--limit", str(limit), "--format", "json").output)


def test_clerk_records_every_kind_of_fact_and_reads_it_back(clerk):
    set_up(clerk)
    steps = [
        (
            "decision",
            "record",
            "seb",
            "--meeting",
            "2019-06-12",
            "--item",
            "SEND inspection",
            "--text",
            "Noted the report",
            "--outcome",
            "noted",
            "--follow-up",
            "2019-09-10",
        ),
        (
            "minute-action",
            "add",
            "seb",
            "--meeting",
            "2019-06-12",
            "--owner",
            "Anita Parkin",
            "--text",
            "Public Health update",
            "--due",
            "2019-09-10",
        ),
        ("minute-action", "done", "seb@2019-06-12/A1", "--on", "2019-09-10"),
        (
            "action",
            "add-line",
            "hf-send-2019#15",
            "--la",
            "Early years input",
            "--who",
            "Jan Parnell",
            "--timescale",
            "End Q3",
            "--on",
            "2019-06-01",
        ),
        ("action", "rate", "hf-send-2019#15", "red", "--on", "2019-06-12", "--reason", "Minutes"),
        (
            "action",
            "reassign",
            "hf-send-2019#15",
            "--line",
            "1",
            "--to",
            "Peter Woods",
            "--on",
            "2019-07-01",
            "--reason",
            "Left the council",
        ),
        (
            "action",
            "retime",
            "hf-send-2019#15",
            "Q3",
            "--line",
            "1",
            "--on",
            "2019-07-01",
            "--reason",
            "Pilot extended",
        ),
        (
            "action",
            "note",
            "hf-send-2019#15",
            "Pilot evaluated",
            "--on",
            "2019-08-01",
            "--reason",
            "Board update",
        ),
        (
            "action",
            "rate",
            "hf-send-2019#15",
            "blue",
            "--evidence",
            "Evaluation report",
            "--on",
            "2019-09-01",
            "--reason",
            "Completed",
        ),
        (
            "action",
            "reopen",
            "hf-send-2019#15",
            "--rating",
            "amber",
            "--on",
            "2019-09-10",
            "--reason",
            "Evaluation disputed",
        ),
    ]
    for step in steps:
        assert clerk.ok(*step).output.startswith("Recorded ")
    rows = log_rows(clerk)
    assert [r["event"] for r in rows][-10:] == [
        "DecisionRecorded",
        "MinuteActionRaised",
        "MinuteActionCompleted",
        "ActionLineAdded",
        "RatingChanged",
        "OwnerReassigned",
        "TimescaleRevised",
        "NoteAdded",
        "RatingChanged",
        "ActionReopened",
    ]
    assert rows[-5]["summary"] == "line 1: Anita Parkin / Angela Cody → Peter Woods"
    assert {r["actor"] for r in rows} == {"Jo Clerk"}
    assert rows[-6]["subject"] == "hf-send-2019#15" and rows[-8]["subject"] == "seb@2019-06-12/A1"


def test_correcting_a_rating_keeps_the_mistake_and_shows_the_fix(clerk):
    set_up(clerk)
    out = clerk.ok(
        "action", "rate", "hf-send-2019#15", "red", "--on", "2019-06-12", "--reason", "Minutes"
    ).output
    position = out.rstrip(".\n").rsplit(" ", 1)[-1]
    clerk.ok("correct", position, "--rating", "amber", "--reason", "Minutes say amber")
    rows = log_rows(clerk)
    assert rows[-2]["summary"] == "unrated → red"
    assert rows[-1]["event"] == "EntryCorrected"
    assert rows[-1]["summary"] == f"corrects position {position}: rating=amber"


def test_log_prints_in_every_format(clerk):
    set_up(clerk)
    table = clerk.ok("log").output
    assert "BoardRegistered" in table and "position" in table
    parsed = list(csv.DictReader(io.StringIO(clerk.ok("log", "--format", "csv").output)))
    assert [r["event"] for r in parsed][:2] == ["BoardRegistered", "MeetingScheduled"]
    assert clerk.ok("log", "--format", "markdown").output.startswith("|   position | effective")
    assert "<table>" in clerk.ok("log", "--format", "html").output
    assert len(log_rows(clerk, limit=2)) == 2


def test_an_empty_ledger_says_so(clerk):
    assert "ledger is empty" in clerk.ok("log").output


BAD = [
    (["action", "rate", "hf-send-2019#15", "purple", "--reason", "x"], 2, "'purple'"),
    (["action", "rate", "hf-send-2019#15", "red"], 2, "Missing option '--reason'"),
    (["action", "rate", "hf-send-2019#15", "red", "--reason", "  "], 2, "reason is required"),
    (
        ["action", "rate", "hf-send-2019#16", "red", "--reason", "x"],
        1,
        "did you mean hf-send-2019#15?",
    ),
    (["action", "rate", "hf-send-2091#15", "red", "--reason", "x"], 1, "did you mean"),
    (["meeting", "add", "sbe", "2019-07-01"], 1, "did you mean seb?"),
    (["board", "add", "seb", "Again"], 1, "already exists"),
    (["action", "add", "hf-send-2019", "15", "--issue", "Again"], 1, "already exists"),
    (
        ["action", "rate", "hf-send-2019#15", "red", "--reason", "x", "--on", "12 June"],
        2,
        "not a date",
    ),
    (
        ["action", "rate", "hf-send-2019#15", "red", "--reason", "x", "--on", "2999-01-01"],
        1,
        "lies in the future",
    ),
    (["action", "rate", "hf-send-2019#15", "blue", "--reason", "x"], 2, "needs evidence"),
    (
        ["action", "rate", "hf-send-2019#15", "red", "--reason", "x", "--on", "2019-05-01"],
        1,
        "before hf-send-2019#15 existed",
    ),
    (["action", "reassign", "hf-send-2019#15", "--to", " ", "--reason", "x"], 2, "owner"),
    (["correct", "999", "--rating", "red", "--reason", "x"], 1, "no event at position 999"),
    (
        ["correct", "4", "--timescale", "Q4", "--outcome", "agreed", "--reason", "x"],
        2,
        "no outcome to correct",
    ),
    (
        ["decision", "record", "seb", "--meeting", "2019-06-13", "--item", "I", "--text", "T"],
        1,
        "no meeting",
    ),
    (["minute-action", "done", "seb@2019-06-12/A9"], 1, "no minute action A9"),
]


@pytest.mark.parametrize(("args", "code", "message"), BAD, ids=[" ".join(b[0][:3]) for b in BAD])
def test_bad_input_gets_one_line_and_writes_nothing(clerk, db, args, code, message):
    set_up(clerk)
    clerk.ok("action", "rate", "hf-send-2019#15", "red", "--reason", "x", "--on", "2019-06-12")
    before = event_count(db)
    result = clerk(*args)
    assert result.exit_code == code, result.output
    assert message in result.output
    assert result.output.startswith("Error: ") and result.output.count("\n") == 1
    assert "Traceback" not in result.output
    assert event_count(db) == before


def test_a_repeated_rating_is_refused(clerk, db):
    set_up(clerk)
    clerk.ok("action", "rate", "hf-send-2019#15", "red", "--reason", "x", "--on", "2019-06-12")
    before = event_count(db)
    result = clerk("action", "rate", "hf-send-2019#15", "red", "--reason", "again")
    assert result.exit_code == 1 and "already red" in result.output
    assert event_count(db) == before


def test_a_directory_is_not_a_ledger(tmp_path):
    result = Clerk(str(tmp_path))("log")
    assert result.exit_code == 1
    assert "is a directory" in result.output and "Traceback" not in result.output


def test_a_file_that_is_not_a_ledger_is_refused_and_left_alone(tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("minutes draft\n")
    for args in (["log"], ["board", "add", "seb", "SEB"], ["init"]):
        result = Clerk(str(notes))(*args)
        assert result.exit_code == 1, result.output
        assert "not a" in result.output and "ledger" in result.output
    assert notes.read_text() == "minutes draft\n"


def test_a_missing_ledger_is_not_created_by_accident(tmp_path):
    result = Clerk(str(tmp_path / "new.db"))("board", "add", "seb", "SEB")
    assert result.exit_code == 1 and "govledger --db" in result.output and "init" in result.output
    assert not (tmp_path / "new.db").exists()


def test_init_twice_is_refused(clerk):
    result = clerk("init")
    assert result.exit_code == 1 and "already exists" in result.output


def test_a_postgresql_url_that_does_not_answer_gets_a_clear_error():
    result = Clerk("postgresql://postgres@127.0.0.1:1/nothing")("log")
    assert result.exit_code == 1
    assert "did not answer" in result.output and "Traceback" not in result.output


def test_the_ledger_reads_the_same_from_a_new_process(clerk, db):
    set_up(clerk)
    clerk.ok("action", "rate", "hf-send-2019#15", "amber", "--reason", "x", "--on", "2019-06-12")
    here = log_rows(clerk)
    there = subprocess.run(
        [sys.executable, "-m", "commands", "--db", db, "log", "--format", "json"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(there.stdout) == here


def test_who_records_comes_from_as_then_environment(db, monkeypatch):
    clerk = Clerk(db)
    clerk.ok("init")
    monkeypatch.setenv("GOVLEDGER_USER", "Env Clerk")
    clerk.runner.invoke(cli, ["--db", db, "board", "add", "seb", "SEB"])
    clerk.ok("board", "add", "hwb", "Health and Wellbeing Board")
    assert [r["actor"] for r in log_rows(clerk)] == ["Env Clerk", "Jo Clerk"]


def test_the_ledger_location_comes_from_the_environment(db, monkeypatch):
    monkeypatch.setenv("GOVLEDGER_DB", db)
    runner = Clerk(db).runner
    assert runner.invoke(cli, ["init"]).exit_code == 0
    assert runner.invoke(cli, ["board", "add", "seb", "SEB"]).exit_code == 0
    assert event_count(db) == 1


def walk(command: click.Command, path: tuple[str, ...] = ()):
    yield path, command
    if isinstance(command, click.Group):
        for name, sub in command.commands.items():
            yield from walk(sub, (*path, name))


@pytest.mark.parametrize(
    ("path", "command"),
    list(walk(cli)),
    ids=lambda p: " ".join(p) or "govledger" if isinstance(p, tuple) else "",
)
def test_every_command_explains_itself_with_an_example(path, command):
    result = Clerk("unused.db").runner.invoke(cli, [*path, "--help"])
    assert result.exit_code == 0
    if isinstance(command, click.Group) and path:
        assert command.help and len(command.commands) > 0
    else:
        assert "Example:" in result.output and "govledger" in result.output.split("Example:")[1]


@pytest.mark.parametrize("group", ["action", "board", "decision", "tracker"])
def test_a_group_named_alone_shows_its_commands_not_an_error(group):
    result = Clerk("unused.db").runner.invoke(cli, [group])
    assert result.output.startswith(f"Usage: cli {group} [OPTIONS] COMMAND")
    assert "Error:" not in result.output and "Commands:" in result.output


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["export", "-o", "no/such/folder/out.jsonl"], "does not exist; create it"),
        (["tracker", "show", "wsoa", "--stale", "740000"], "not in the range"),
        (["log", "--limit", "9223372036854775808"], "not in the range"),
        (["correct", "9223372036854775808", "--rating", "red", "--reason", "x"], "range"),
        (["action", "rate", "wsoa#1"], "Missing argument 'RATING'. Choose from: red, amber"),
        (["log", "a\nb"], "unexpected extra argument (a b)"),
    ],
)
def test_out_of_range_and_misplaced_input_gets_one_line(clerk, args, says, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    clerk.ok("board", "add", "seb", "SEND Executive Board", "--on", "2019-01-10")
    result = clerk(*args)
    assert result.exit_code == 2, result.output
    assert says in result.output and len(result.output.strip().split("\n")) == 1


@pytest.mark.parametrize(
    "content",
    [b"\xff\xfe", b"a,b\n\xff,1\n", b"{\n", b'{"position": 1e999}\n', b"[1]\n", b"x,y\n1,2\n"],
    ids=["utf-16", "bad byte in csv", "cut json", "infinite position", "a list", "other csv"],
)
def test_verify_of_a_file_that_is_no_export_fails_in_one_line(clerk, tmp_path, content):
    from ledger.verify import main as standalone

    bad = tmp_path / "export.jsonl"
    bad.write_bytes(content)
    result = clerk("verify", str(bad))
    assert result.exit_code == 1 and result.output.startswith("FAILED: ")
    assert len(result.output.strip().split("\n")) == 1
    assert standalone([str(bad)]) == 1


def test_text_that_is_not_utf8_is_refused_and_nothing_recorded(clerk, db):
    result = clerk("board", "add", "hwb", "Health \udce9", "--on", "2019-01-10")
    assert result.exit_code == 2 and "not valid UTF-8" in result.output
    assert "hwb" not in clerk.ok("log").output
