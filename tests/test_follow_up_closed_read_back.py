"""A closed follow-up reads back under its decision's own ref, in the log, the audit trail
and the export; an export refuses a reversed period and says what its CSV does with cells a
spreadsheet would run; the demo closes its follow-up and tells its story to the end."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ledger.application import open_ledger
from projections.views import Views
from tests.test_panel import ago, rows_of, set_up
from tests.test_panel_due import with_follow_up

REASON = "Waiting times heard, minute 12"
ROOT = Path(__file__).resolve().parents[1]


def closed_follow_up(clerk) -> str:
    """The board asked, 30 days ago, to hear back 10 days ago, and heard it 2 days ago."""
    ref = with_follow_up(clerk)
    clerk.ok("decision", "follow-up", "done", ref, "--on", ago(2), "--reason", REASON)
    return ref


def exported(clerk, *args: str) -> list[dict]:
    """The export's records, without the trailer that ends it."""
    *records, trailer = [json.loads(line) for line in clerk.ok("export", *args).stdout.splitlines()]
    assert "trailer" in trailer or trailer["type"] == "govledger.trailer"
    return records


def test_clerk_reads_the_closing_in_the_log_under_the_decisions_ref(clerk):
    ref = closed_follow_up(clerk)
    last = rows_of(clerk, "log")[-1]
    assert (last["event"], last["subject"], last["effective"]) == ("FollowUpClosed", ref, ago(2))
    assert last["summary"] == f"follow-up closed: {REASON}"
    assert last["reason"] == REASON


def test_the_audit_trail_keeps_the_closing_under_the_decision(clerk):
    ref = closed_follow_up(clerk)
    ledger = open_ledger(clerk.db)
    try:
        views = Views(ledger)
        views.catch_up()
        meeting = views.trail.subject_of("meeting", f"seb@{ago(30)}")
        rows = views.trail.trail(meeting["id"])
    finally:
        ledger.close()
    closing = rows[-1]
    assert (closing["event"], closing["kind"], closing["ref"]) == (
        "FollowUpClosed",
        "follow_up_closed",
        ref,
    )
    assert (closing["reason"], closing["effective_on"]) == (REASON, ago(2))
    decided = next(r for r in rows if r["event"] == "DecisionRecorded")
    assert decided["ref"] == ref


def test_a_rebuilt_trail_still_knows_the_follow_up_is_closed(clerk):
    ref = closed_follow_up(clerk)
    clerk.ok("projections", "rebuild")
    assert ref not in [d["ref"] for d in rows_of(clerk, "due")]
    told = next(r for r in rows_of(clerk, "board", "history", "seb") if r["ref"] == ref)
    assert told["status"].endswith(f"closed {ago(2)}")


@pytest.mark.parametrize("fmt", ["jsonl", "cloudevents"])
def test_auditor_finds_the_closing_under_the_decision_in_the_export(clerk, fmt):
    ref = closed_follow_up(clerk)
    last = exported(clerk, "--format", fmt)[-1]
    record = last.get("data", last)
    assert (record["type"], record["subject"], record["reason"]) == ("FollowUpClosed", ref, REASON)
    assert record["payload"] == {"number": 1}
    if fmt == "cloudevents":
        assert last["subject"] == ref


def test_auditor_filtering_by_board_keeps_the_closing(clerk):
    ref = closed_follow_up(clerk)
    subjects = [r["subject"] for r in exported(clerk, "--board", "seb", "--from", ago(2))]
    assert subjects == [ref]


@pytest.mark.parametrize(
    ("start", "end"),
    [(ago(1), ago(5)), (ago(0), ago(1))],
)
def test_auditor_is_refused_a_reversed_export_period(clerk, tmp_path, start, end):
    closed_follow_up(clerk)
    out = tmp_path / "extract.jsonl"
    result = clerk("export", "--from", start, "--to", end, "-o", str(out))
    assert result.exit_code == 2, result.output
    (said,) = result.output.strip().splitlines()
    assert f"--from {start} is after --to {end}; give the earlier date as --from" in said
    assert not out.exists()


def test_an_export_of_one_day_is_not_refused(clerk):
    ref = closed_follow_up(clerk)
    assert [r["subject"] for r in exported(clerk, "--from", ago(2), "--to", ago(2))] == [ref]


def test_csv_export_keeps_formula_cells_exact_says_so_and_still_verifies(clerk, tmp_path):
    set_up(clerk)
    clerk.ok("--as", "=HYPERLINK(1)", "decision", "record", "seb", "--meeting", ago(30),
             "--item", "A", "--text", "Noted", "--reason", "-1 on the target")  # fmt: skip
    out = tmp_path / "ledger.csv"
    result = clerk.ok("export", "--format", "csv", "-o", str(out))
    assert "2 cells start with =, +, -, @" in result.stderr
    assert "import the file as text" in result.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert rows[-1]["type"] == "govledger.trailer"
    assert (rows[-2]["actor"], rows[-2]["reason"]) == ("=HYPERLINK(1)", "-1 on the target")
    assert clerk.ok("verify", str(out)).output.startswith("OK:")


def test_csv_export_without_formula_cells_says_none_and_jsonl_says_nothing(clerk):
    closed_follow_up(clerk)
    as_csv = clerk.ok("export", "--format", "csv")
    assert as_csv.stderr.strip().endswith(
        "none starts with =, +, -, @, a tab or a carriage return."
    )
    assert as_csv.stdout.startswith("position,event_id,type")
    assert clerk.ok("export").stderr == ""


def test_export_help_says_csv_cells_are_kept_exactly(clerk):
    said = " ".join(clerk.ok("export", "--help").output.split())
    assert "not neutralised" in said and "import such a file into a spreadsheet as text" in said


@pytest.mark.skipif(shutil.which("bash") is None, reason="the demo is a bash script")
def test_the_demo_closes_its_follow_up_and_ends_verified(tmp_path):
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "GOVLEDGER_DB": str(tmp_path / "demo.db"),
        "PYTHONPATH": str(ROOT),
    }
    ran = subprocess.run(
        ["bash", str(ROOT / "demo" / "story.sh")],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert ran.returncode == 0, ran.stderr[-2000:]
    story = ran.stdout
    assert "Recorded FollowUpClosed for hsb@2025-10-14/D1" in story
    owed = story.split("$ govledger due --board hsb", 1)[1].split("\x1b[1m#", 1)[0]
    assert "hsb@2025-10-14/D1" not in owed
    verified = story.split("$ python -m ledger.verify demo-export.jsonl", 1)[1].splitlines()
    assert verified[1].startswith("OK: 60 events"), verified
    assert verified[2].endswith("signed by sam.clerk, witnessed by ruth.witness."), verified
    assert "every entry after position 3 is signed" in verified[3]
    assert "Wrote the agenda pack to demo-pack.html." in story
    assert "ICB budget for 2026/27 not agreed" in (tmp_path / "demo-pack.html").read_text()
