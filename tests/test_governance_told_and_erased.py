"""A vote, a call-in and an owner's address, as the panel and an auditor read them (log,
board history, due, export, Open Civic Data), and the same after a data subject's request
has erased the members' names and the address: the words never show again anywhere, and
every proof still holds. CLI level, on a real SQLite file and PostgreSQL."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.conftest import Clerk, event_count

DIVIDED = "seb@2019-06-12/D1"
TRANSPORT = "seb@2019-06-12/D2"
ADDRESS = "anita.parkin@council.gov.uk"
MEMBERS = ("Cllr Ann Lee", "Cllr Bo Chan", "Cllr Cy Dee")


def at(output: str) -> int:
    return int(re.search(r"at position (\d+)", output).group(1))


def governance(clerk: Clerk) -> dict[str, int]:
    """A board with a call-in period, a divided named vote, a key decision called in and
    upheld, and an owner's address; returns where each was recorded."""
    clerk.ok("board", "add", "seb", "SEND Executive Board", "--on", "2019-01-10")
    clerk.ok("board", "set-call-in", "seb", "5", "--on", "2019-01-10", "--reason", "Part 4")
    clerk.ok("meeting", "add", "seb", "2019-06-12", "--on", "2019-05-01")
    clerk.ok(
        "minute-action", "add", "seb", "--meeting", "2019-06-12", "--owner", "Anita Parkin",
        "--text", "Public Health update", "--due", "2019-09-10",
    )  # fmt: skip
    clerk.ok(
        "decision", "record", "seb", "--meeting", "2019-06-12", "--item", "Budget",
        "--text", "The SEND budget be approved",
    )  # fmt: skip
    vote = clerk.ok(
        "vote", "record", DIVIDED, "--member", f"{MEMBERS[0]}=for", "--member",
        f"{MEMBERS[1]}=for", "--member", f"{MEMBERS[2]}=against",
    ).output  # fmt: skip
    clerk.ok(
        "decision", "record", "seb", "--meeting", "2019-06-12", "--item", "Transport",
        "--text", "The transport policy be adopted", "--key-decision",
    )  # fmt: skip
    call_in = clerk.ok(
        "decision", "call-in", TRANSPORT, "--by", MEMBERS[0], "--by", MEMBERS[1],
        "--on", "2019-06-14", "--reason", "Parents were not consulted",
    ).output  # fmt: skip
    clerk.ok(
        "decision", "call-in-outcome", TRANSPORT, "--outcome", "upheld", "--on", "2019-07-01",
        "--reason", "Scrutiny: no further action",
    )  # fmt: skip
    address = clerk.ok("owner", "email", "Anita Parkin", ADDRESS).output
    return {"vote": at(vote), "call-in": at(call_in), "address": at(address)}


def everything_shown(clerk: Clerk, tmp_path: Path) -> str:
    """What every reading of the ledger shows, in every format a reader can ask for."""
    said = [
        clerk.ok("log", "--limit", "1000", "--format", fmt).output
        for fmt in ("table", "csv", "json", "markdown", "html")
    ]
    said += [
        clerk.ok("board", "history", "seb", "--format", fmt).output for fmt in ("json", "html")
    ]
    said.append(clerk.ok("due", "--format", "json").output)
    said.append(clerk.ok("due", "--ics", "-").output)
    said.append(clerk.ok("owner", "list", "--format", "json").output)
    said.append(clerk.ok("remind", "--from", "clerk@council.gov.uk", "--dry-run").output)
    for fmt in ("jsonl", "csv", "cloudevents", "ocd"):
        out = tmp_path / f"export.{fmt}"
        clerk.ok("export", "--format", fmt, "-o", str(out))
        said.append(out.read_text(encoding="utf-8"))
    return "\n".join(said)


def test_a_vote_a_call_in_and_an_address_read_alike_in_log_history_and_export(clerk, tmp_path):
    at_ = governance(clerk)
    log = {r["position"]: r for r in json.loads(clerk.ok("log", "--format", "json").output)}
    assert log[at_["vote"]]["subject"] == DIVIDED
    assert log[at_["vote"]]["summary"] == (
        "vote on D1: carried: 2 for, 1 against, 0 abstained; for: Cllr Ann Lee, Cllr Bo Chan; "
        "against: Cllr Cy Dee"
    )
    assert log[at_["call-in"]]["summary"] == (
        "called in by Cllr Ann Lee and Cllr Bo Chan on 2019-06-14"
    )
    assert log[at_["call-in"]]["reason"] == "Parents were not consulted"
    assert log[at_["address"]]["summary"] == f"email address of Anita Parkin recorded: {ADDRESS}"
    history = json.loads(clerk.ok("board", "history", "seb", "--format", "json").output)
    kinds = {(r["kind"], r["ref"]): r for r in history}
    assert kinds[("vote", DIVIDED)]["date"] == "2019-06-12"
    assert kinds[("call-in", TRANSPORT)]["what"] == (
        "D2 called in by Cllr Ann Lee and Cllr Bo Chan on 2019-06-14"
    )
    assert kinds[("call-in outcome", TRANSPORT)]["what"].startswith("D2: call-in upheld")
    assert kinds[("decision", TRANSPORT)]["status"].startswith("key decision; called in by")
    out = tmp_path / "log.jsonl"
    clerk.ok("export", "-o", str(out))
    records = {r.get("position"): r for r in map(json.loads, out.read_text().splitlines())}
    assert records[at_["vote"]]["type"] == "VoteRecorded"
    assert records[at_["vote"]]["payload"]["vote"]["names_against"] == ["Cllr Cy Dee"]
    assert records[at_["call-in"]]["payload"]["members"] == list(MEMBERS[:2])
    assert records[at_["call-in"]]["subject"] == TRANSPORT
    assert records[at_["address"]]["payload"]["address"] == ADDRESS


def test_erased_member_names_and_an_address_never_show_again_and_the_log_still_verifies(
    clerk, tmp_path
):
    at_ = governance(clerk)
    shown = everything_shown(clerk, tmp_path)
    assert all(name in shown for name in MEMBERS) and ADDRESS in shown  # before: all there
    for field, position in (("vote", at_["vote"]), ("members", at_["call-in"])):
        clerk.ok("redact", str(position), "--field", field, "--reason", "DPO request 2026/14")
    clerk.ok("redact", str(at_["address"]), "--field", "address", "--reason", "DPO 2026/15")
    shown = everything_shown(clerk, tmp_path)
    for words in (*MEMBERS, ADDRESS, "anita.parkin"):
        assert words not in shown, words
    verified = clerk.ok("verify").output
    assert verified.startswith("OK") and "3 fields redacted" in verified
    history = json.loads(clerk.ok("board", "history", "seb", "--format", "json").output)
    kinds = {(r["kind"], r["ref"]): r["what"] for r in history}
    assert kinds[("vote", DIVIDED)] == "VOTE on D1: [erased]"
    assert kinds[("call-in", TRANSPORT)] == "D2 called in by [erased] on 2019-06-14"
    owners = json.loads(clerk.ok("owner", "list", "--format", "json").output)
    assert [(o["owner"], o["address"]) for o in owners] == [("Anita Parkin", "[erased]")]


def test_a_redaction_the_ledger_refuses_writes_nothing_and_says_what_to_do(clerk):
    at_ = governance(clerk)
    count = event_count(clerk.db)
    for args, code, said in (
        ((str(at_["vote"]), "--field", "vote", "--reason", " "), 2, "say why the words must go"),
        (("1", "--field", "reason", "--reason", "DPO"), 1, "holds no words in 'reason'"),
        ((str(at_["vote"]), "--field", "owners", "--reason", "DPO"), 1, "(the fields that can: "),
        (("999", "--field", "vote", "--reason", "DPO"), 1, "no event at position 999"),
    ):
        refused = clerk("redact", *args)
        assert refused.exit_code == code, refused.output
        assert said in refused.output and len(refused.output.strip().splitlines()) == 1
    assert event_count(clerk.db) == count
