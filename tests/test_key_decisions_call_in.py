"""Key decisions and call-in, as a council works them: a cabinet's key decision is published,
scrutiny members may call it in within the constitution's working days, and a decision
called in waits for scrutiny's outcome. The clerk records; the panel reads it in `due`,
`board history`, `log` and the agenda pack. CLI level, on a real SQLite file and PostgreSQL
(the ledger's own rules: tests/test_call_in_ledger.py)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from commands.session import Session
from tests.conftest import Clerk, event_count

TRANSPORT = "cab@2019-06-12/D1"  # Wednesday 12 June 2019: call-in closes Wednesday 19th


def today_is(monkeypatch: pytest.MonkeyPatch, day: date) -> None:
    monkeypatch.setattr(Session, "clock", staticmethod(lambda: day))


def cabinet(clerk: Clerk, held: str = "2019-06-12") -> None:
    clerk.ok("board", "add", "cab", "Cabinet", "--on", "2019-01-10")
    clerk.ok(
        "board", "set-call-in", "cab", "5", "--on", "2019-01-10",
        "--reason", "Constitution, Part 4E, rule 16: five working days",
    )  # fmt: skip
    clerk.ok("meeting", "add", "cab", held, "--on", "2019-01-10")


def key_decision(clerk: Clerk, held: str = "2019-06-12", *more: str) -> str:
    return clerk.ok(
        "decision", "record", "cab", "--meeting", held, "--item", "Home to school transport",
        "--text", "The revised SEND transport policy be adopted", "--outcome", "resolved",
        "--key-decision", *more,
    ).output  # fmt: skip


def due_rows(clerk: Clerk) -> list[dict]:
    return json.loads(clerk.ok("due", "--board", "cab", "--format", "json").output)


def history(clerk: Clerk) -> list[dict]:
    return json.loads(clerk.ok("board", "history", "cab", "--format", "json").output)


def decision_status(clerk: Clerk, ref: str = TRANSPORT) -> str:
    return next(r["status"] for r in history(clerk) if r["ref"] == ref and r["kind"] == "decision")


# -- CLI: the stories ---------------------------------------------------------------------


def test_scrutiny_calls_in_a_key_decision_within_five_working_days(clerk, monkeypatch):
    today_is(monkeypatch, date(2019, 6, 14))
    cabinet(clerk)
    said = key_decision(clerk)
    assert f"Recorded DecisionRecorded for {TRANSPORT}" in said
    assert (
        "Key decision: call-in closes 2019-06-19 (5 working days in England after it was "
        "published on 2019-06-12); may be implemented from 2019-06-20 unless it is called in."
    ) in said
    [waiting] = due_rows(clerk)
    assert waiting["kind"] == "call-in" and waiting["status"] == "call-in"
    assert waiting["due"] == "2019-06-19" and waiting["ref"] == TRANSPORT
    assert waiting["what"].startswith(
        "key decision: call-in closes 2019-06-19, 3 working days left; "
        "may be implemented from 2019-06-20: Home to school transport: The revised"
    )

    called = clerk.ok(
        "decision", "call-in", TRANSPORT, "--by", "Cllr Ann Lee", "--by", "Cllr Bo Chan",
        "--on", "2019-06-14", "--reason", "Parents were not consulted",
    )  # fmt: skip
    assert f"Recorded DecisionCalledIn for {TRANSPORT}" in called.output
    assert "not to be implemented until scrutiny's outcome is recorded" in called.output
    [waiting] = due_rows(clerk)
    assert waiting["status"] == "called in" and waiting["due"] == ""
    assert waiting["what"].startswith(
        "key decision: called in by Cllr Ann Lee and Cllr Bo Chan on 2019-06-14 (Parents were "
        "not consulted); not to be implemented until scrutiny's outcome is recorded"
    )
    assert decision_status(clerk) == (
        "key decision; called in by Cllr Ann Lee and Cllr Bo Chan on 2019-06-14; "
        "not to be implemented until scrutiny's outcome is recorded"
    )

    today_is(monkeypatch, date(2019, 7, 2))
    upheld = clerk.ok(
        "decision", "call-in-outcome", TRANSPORT, "--outcome", "upheld", "--on", "2019-07-01",
        "--reason", "Overview and Scrutiny: no further action (minute 12)",
    )  # fmt: skip
    assert "Upheld: the decision may now be implemented." in upheld.output
    assert due_rows(clerk) == []
    assert decision_status(clerk) == (
        "key decision; called in by Cllr Ann Lee and Cllr Bo Chan on 2019-06-14; "
        "call-in upheld on 2019-07-01: may be implemented from 2019-07-01"
    )
    told = [(r["kind"], r["what"], r["reason"]) for r in history(clerk) if r["ref"] == TRANSPORT]
    assert told[1:] == [
        ("call-in", "D1 called in by Cllr Ann Lee and Cllr Bo Chan on 2019-06-14",
         "Parents were not consulted"),
        ("call-in outcome", "D1: call-in upheld on 2019-07-01: may be implemented from 2019-07-01",
         "Overview and Scrutiny: no further action (minute 12)"),
    ]  # fmt: skip


def test_the_log_says_what_each_call_in_event_recorded(clerk, monkeypatch):
    today_is(monkeypatch, date(2019, 6, 14))
    cabinet(clerk)
    key_decision(clerk)
    clerk.ok("decision", "call-in", TRANSPORT, "--by", "Cllr Ann Lee", "--reason", "Cost")
    log = json.loads(clerk.ok("log", "--format", "json").output)
    said = {r["event"]: (r["subject"], r["summary"]) for r in log}
    assert said["CallInPeriodSet"] == ("cab", "call-in period: 5 working days (England)")
    assert said["DecisionRecorded"][1].endswith(
        "[key decision; call-in closes 2019-06-19; may be implemented from 2019-06-20]"
    )
    assert said["DecisionCalledIn"] == (TRANSPORT, "called in by Cllr Ann Lee on 2019-06-14")


def test_a_bank_holiday_inside_the_window_keeps_it_open_until_the_thursday(clerk, monkeypatch):
    today_is(monkeypatch, date(2019, 5, 30))
    cabinet(clerk, "2019-05-22")  # Wednesday; Monday 27 May 2019 was a bank holiday
    said = key_decision(clerk, "2019-05-22")
    assert "call-in closes 2019-05-30" in said and "implemented from 2019-05-31" in said
    [waiting] = due_rows(clerk)
    assert waiting["what"].startswith("key decision: call-in closes 2019-05-30, its last day;")
    clerk.ok(
        "decision", "call-in", "cab@2019-05-22/D1", "--by", "Cllr Cy Dee", "--on", "2019-05-30",
        "--reason", "Called in on the last day",
    )  # fmt: skip
    assert due_rows(clerk)[0]["status"] == "called in"


def test_the_window_closes_and_a_late_call_in_is_refused_in_one_line(clerk, monkeypatch):
    today_is(monkeypatch, date(2019, 6, 20))
    cabinet(clerk)
    key_decision(clerk)
    assert due_rows(clerk) == []
    assert decision_status(clerk) == (
        "key decision; call-in closed 2019-06-19, not called in; may be implemented from 2019-06-20"
    )
    before = event_count(clerk.db)
    late = clerk("decision", "call-in", TRANSPORT, "--by", "Cllr Ann Lee", "--reason", "Late")
    assert late.exit_code == 1
    assert late.output.strip() == (
        f"Error: the call-in period of {TRANSPORT} closed on 2019-06-19; it may be implemented "
        "from 2019-06-20 and can no longer be called in (if it was called in by then, give "
        "that day with --on)"
    )
    assert event_count(clerk.db) == before


@pytest.mark.parametrize(
    ("first", "then", "said", "code"),
    [
        ((), ("--by", "Cllr Ann Lee", "--reason", "Cost"), "is not subject to call-in", 1),
        (("--key-decision",), ("--by", "Cllr Bo Chan", "--reason", "Again"),
         "already called in by Cllr Ann Lee on 2019-06-13; a decision is called in once", 1),
        (("--key-decision",), ("--by", "Cllr Bo Chan"), "Missing option '--reason'", 2),
        (("--key-decision",), ("--by", " ", "--reason", "Cost"), "name who called it in", 2),
    ],
)  # fmt: skip
def test_a_call_in_the_rules_refuse_writes_nothing(clerk, monkeypatch, first, then, said, code):
    today_is(monkeypatch, date(2019, 6, 14))
    cabinet(clerk)
    clerk.ok(
        "decision", "record", "cab", "--meeting", "2019-06-12", "--item", "Budget",
        "--text", "The budget be approved", *first,
    )  # fmt: skip
    if first:
        clerk.ok(
            "decision", "call-in", TRANSPORT, "--by", "Cllr Ann Lee", "--on", "2019-06-13",
            "--reason", "Cost",
        )  # fmt: skip
    before = event_count(clerk.db)
    refused = clerk("decision", "call-in", TRANSPORT, *then)
    assert refused.exit_code == code, refused.output
    assert said in refused.output and len(refused.output.strip().splitlines()) == 1
    assert event_count(clerk.db) == before


def test_a_decision_referred_back_is_not_to_be_implemented_as_it_stands(clerk, monkeypatch):
    today_is(monkeypatch, date(2019, 7, 2))
    cabinet(clerk)
    key_decision(clerk)
    clerk.ok(
        "decision", "call-in", TRANSPORT, "--by", "Cllr Ann Lee", "--on", "2019-06-18",
        "--reason", "Parents were not consulted",
    )  # fmt: skip
    told = clerk.ok(
        "decision", "call-in-outcome", TRANSPORT, "--outcome", "referred-back",
        "--on", "2019-07-01", "--reason", "Referred back to Cabinet (minute 12)",
    ).output  # fmt: skip
    assert "Referred back: not to be implemented as it stands" in told
    assert decision_status(clerk).endswith(
        "referred back to the decision-maker on 2019-07-01: not to be implemented as it stands"
    )
    assert due_rows(clerk) == []
    again = clerk("decision", "call-in-outcome", TRANSPORT, "--outcome", "upheld", "--reason", "x")
    assert (
        again.exit_code == 1 and "already concluded (referred-back on 2019-07-01)" in again.output
    )


def test_a_mistaken_call_in_is_voided_and_the_decision_is_back_in_its_period(clerk, monkeypatch):
    today_is(monkeypatch, date(2019, 6, 14))
    cabinet(clerk)
    key_decision(clerk)
    wrong = clerk.ok(
        "decision", "call-in", TRANSPORT, "--by", "Cllr Ann Lee", "--reason", "Wrong decision"
    ).output
    position = wrong.split("at position ")[1].split(".")[0]
    clerk.ok("correct", position, "--void", "--reason", "Cllr Lee called in D2, not D1")
    assert due_rows(clerk)[0]["status"] == "call-in"
    clerk.ok("decision", "call-in", TRANSPORT, "--by", "Cllr Bo Chan", "--reason", "Cost")
    assert "called in by Cllr Bo Chan on 2019-06-14" in decision_status(clerk)


def test_call_in_days_on_the_decision_override_the_boards_figure(clerk, monkeypatch):
    today_is(monkeypatch, date(2019, 6, 14))
    cabinet(clerk)
    said = key_decision(clerk, "2019-06-12", "--call-in-days", "10", "--published", "2019-06-13")
    assert (
        "call-in closes 2019-06-27 (10 working days in England after it was published on " in said
    )
    urgent = key_decision(clerk, "2019-06-12", "--call-in-days", "0")
    assert "Key decision: not subject to call-in; it may be implemented now." in urgent
    assert decision_status(clerk, "cab@2019-06-12/D2") == "key decision; not subject to call-in"


def test_a_key_decision_with_no_call_in_period_is_refused_with_the_fix(clerk, monkeypatch):
    today_is(monkeypatch, date(2019, 6, 14))
    clerk.ok("board", "add", "cab", "Cabinet", "--on", "2019-01-10")
    clerk.ok("meeting", "add", "cab", "2019-06-12", "--on", "2019-01-10")
    before = event_count(clerk.db)
    refused = clerk(
        "decision", "record", "cab", "--meeting", "2019-06-12", "--item", "Budget",
        "--text", "Approved", "--key-decision",
    )  # fmt: skip
    assert refused.exit_code == 1
    assert refused.output.strip() == (
        "Error: cab has no call-in period in effect on 2019-06-12; set the constitution's "
        "figure with govledger board set-call-in cab 5 --on DATE, or give --call-in-days N"
    )
    published = clerk(
        "decision", "record", "cab", "--meeting", "2019-06-12", "--item", "Budget",
        "--text", "Approved", "--published", "2019-06-13",
    )  # fmt: skip
    assert (
        published.exit_code == 2 and "give --key-decision or --call-in-days N" in published.output
    )
    assert event_count(clerk.db) == before


def test_a_scottish_board_skips_scotlands_bank_holidays(clerk, monkeypatch):
    today_is(monkeypatch, date(2019, 8, 8))
    clerk.ok(
        "board", "add", "cab", "Cabinet", "--on", "2019-01-10", "--call-in-days", "5",
        "--nation", "scotland",
    )  # fmt: skip
    clerk.ok("meeting", "add", "cab", "2019-07-31", "--on", "2019-01-10")
    said = key_decision(clerk, "2019-07-31")
    assert "call-in closes 2019-08-08 (5 working days in Scotland" in said
    assert due_rows(clerk)[0]["due"] == "2019-08-08"


def test_the_agenda_pack_shows_key_decisions_and_where_their_call_in_stands(
    clerk, monkeypatch, tmp_path: Path
):
    today_is(monkeypatch, date(2019, 6, 14))
    cabinet(clerk)
    clerk.ok("tracker", "add", "cab-plan", "Cabinet plan", "--board", "cab", "--on", "2019-06-01")
    key_decision(clerk)
    clerk.ok(
        "decision", "record", "cab", "--meeting", "2019-06-12", "--item", "Libraries",
        "--text", "Opening hours <to> be reduced", "--key-decision",
    )  # fmt: skip
    clerk.ok("decision", "call-in", "cab@2019-06-12/D2", "--by", "Cllr Ann Lee", "--reason", "x")
    pack = tmp_path / "pack.html"
    clerk.ok("report", "cab-plan", "-o", str(pack))
    page = pack.read_text(encoding="utf-8")
    assert "<h2>Key decisions and call-in</h2>" in page
    assert (
        f'data-ref="{TRANSPORT}" data-call-in="open"' in page
        and "key decision; call-in closes 2019-06-19 (3 working days left); may be implemented "
        "from 2019-06-20"
        in page
    )
    assert 'data-ref="cab@2019-06-12/D2" data-call-in="called in"' in page
    assert "Opening hours &lt;to&gt; be reduced" in page
    before = clerk.ok("report", "cab-plan", "--at", "2019-06-11").output
    assert "Key decisions and call-in" not in before
