"""How a decision was reached: a clerk records the counts and the named votes, the panel
reads them in the board's history, and open-data tools get them as Open Civic Data
vote_events. SQLite and PostgreSQL."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from ledger.errors import InvalidEntry, Refused
from ledger.votes import tallied
from projections.board_history import history
from projections.ocd import vote_events
from projections.views import Views
from tests.conftest import Clerk, event_count

BUDGET = "seb@2019-06-12/D1"


def budget_meeting(clerk: Clerk) -> None:
    clerk.ok("board", "add", "seb", "SEND Executive Board", "--on", "2019-01-10")
    clerk.ok("meeting", "add", "seb", "2019-06-12", "--on", "2019-05-01")
    clerk.ok(
        "decision", "record", "seb", "--meeting", "2019-06-12", "--item", "Budget",
        "--text", "The SEND budget for 2019/20 be approved", "--outcome", "resolved",
    )  # fmt: skip


def told(clerk: Clerk) -> list[dict]:
    return json.loads(clerk.ok("board", "history", "seb", "--format", "json").output)


def test_clerk_records_a_divided_vote_and_the_panel_reads_it_under_the_decision(clerk):
    budget_meeting(clerk)
    done = clerk.ok("vote", "record", BUDGET, "--for", "7", "--against", "2", "--abstain", "1")
    assert f"Recorded VoteRecorded for {BUDGET}" in done.output
    [vote] = [r for r in told(clerk) if r["kind"] == "vote"]
    assert vote["ref"] == BUDGET and vote["date"] == "2019-06-12"
    assert vote["what"] == "VOTE on D1: carried: 7 for, 2 against, 1 abstained"


def test_a_recorded_vote_names_each_member_and_its_counts_follow_from_the_names(clerk):
    budget_meeting(clerk)
    clerk.ok(
        "vote", "record", BUDGET, "--member", "Cllr Ann Lee=for", "--member", "Cllr Bo Chan=for",
        "--member", "Cllr Cy Dee=against",
    )  # fmt: skip
    [vote] = [r for r in told(clerk) if r["kind"] == "vote"]
    assert vote["what"] == (
        "VOTE on D1: carried: 2 for, 1 against, 0 abstained; "
        "for: Cllr Ann Lee, Cllr Bo Chan; against: Cllr Cy Dee"
    )


@pytest.mark.parametrize(
    ("args", "said", "code"),
    [
        (("--for", "3", "--member", "Ann=for"), "3 for but 1 member named for", 1),
        (("--for", "2", "--against", "2"), "a tie, settled by the chair's casting vote", 1),
        (("--member", "Ann=maybe"), "write NAME=for, NAME=against or NAME=abstain", 2),
        (("--member", "Ann=for", "--member", "ann=against"), "ann is named twice", 2),
        ((), "give the counts (--for, --against, --abstain) or --member", 2),
        (("--for", "-1"), "-1 is not in the range", 2),
        (("--for", "1", "--against", "3", "--result", "carried"), "cannot have carried", 1),
    ],
)
def test_a_vote_that_does_not_add_up_is_refused_in_one_line_and_nothing_is_written(
    clerk, args, said, code
):
    budget_meeting(clerk)
    before = event_count(clerk.db)
    refused = clerk("vote", "record", BUDGET, *args)
    assert refused.exit_code == code, refused.output
    assert said in refused.output and len(refused.output.strip().splitlines()) == 1
    assert event_count(clerk.db) == before


def test_a_tie_carried_on_the_chairs_casting_vote(clerk):
    budget_meeting(clerk)
    clerk.ok("vote", "record", BUDGET, "--for", "4", "--against", "4", "--result", "carried")
    assert "VOTE on D1: carried: 4 for, 4 against" in [r["what"] for r in told(clerk)][-1]


def test_a_decision_has_one_vote_and_a_wrong_one_is_voided_then_recorded_again(clerk):
    budget_meeting(clerk)
    wrong = clerk.ok("vote", "record", BUDGET, "--for", "9", "--against", "2").output
    again = clerk("vote", "record", BUDGET, "--for", "7", "--against", "2")
    assert again.exit_code == 1 and "already has its vote" in again.output
    position = wrong.split("at position ")[1].split(".")[0]
    clerk.ok("correct", position, "--void", "--reason", "Miscounted: 7 for, not 9")
    clerk.ok("vote", "record", BUDGET, "--for", "7", "--against", "2")
    assert [r["what"] for r in told(clerk) if r["kind"] == "vote"] == [
        "VOTE on D1: carried: 7 for, 2 against"
    ]


def test_a_vote_on_a_decision_the_meeting_did_not_take_is_refused(clerk):
    budget_meeting(clerk)
    refused = clerk("vote", "record", "seb@2019-06-12/D4", "--for", "3")
    assert refused.exit_code == 1
    assert "seb@2019-06-12 has no decision D4; it has: D1" in refused.output


def test_open_data_tools_get_each_voted_decision_as_a_vote_event(clerk, tmp_path: Path):
    budget_meeting(clerk)
    clerk.ok(
        "vote", "record", BUDGET, "--member", "Ann Lee=for", "--member", "Bo Chan=against",
        "--member", "Cy Dee=for", "--abstain", "0",
    )  # fmt: skip
    minutes = tmp_path / "minutes.txt"
    minutes.write_text(
        "SEND Executive Board\nMinutes of the meeting held on 10 September 2019\n\n"
        "1. Transport policy\nIt was proposed that the revised transport policy be adopted. "
        "On being put to the vote there were 4 votes for and 5 votes against and the motion "
        "was LOST.\n",
        encoding="utf-8",
    )
    clerk.ok("minutes", "import", "seb", str(minutes))
    out = tmp_path / "votes.jsonl"
    told = clerk.ok("export", "--format", "ocd", "-o", str(out))
    assert "Exported 2 vote events (Open Civic Data)" in told.output
    first, second = (json.loads(line) for line in out.read_text().splitlines())
    assert first["identifier"] == BUDGET and first["result"] == "pass"
    assert first["start_date"] == "2019-06-12" and first["organization"] == "seb"
    assert first["counts"] == [
        {"option": "yes", "value": 2},
        {"option": "no", "value": 1},
        {"option": "abstain", "value": 0},
    ]
    assert {"option": "no", "voter_name": "Bo Chan"} in first["votes"]
    assert second["identifier"] == "seb@2019-09-10/D1" and second["result"] == "fail"
    assert second["counts"][:2] == [{"option": "yes", "value": 4}, {"option": "no", "value": 5}]
    only_june = clerk.ok("export", "--format", "ocd", "--to", "2019-06-30").output
    assert [json.loads(line)["identifier"] for line in only_june.splitlines()] == [BUDGET]


def test_counts_alone_or_names_alone_make_a_vote_and_a_side_left_out_is_unknown():
    assert tallied({"for": 5, "against": None, "abstain": None}, [], None)["against"] is None
    named = tallied({"for": None, "against": None, "abstain": None}, [("A", "against")], "lost")
    assert (named["votes_for"], named["against"], named["result"]) == (0, 1, "lost")
    with pytest.raises(Refused):
        tallied({"for": 1, "against": 1, "abstain": None}, [], None)
    with pytest.raises(InvalidEntry):
        tallied({"for": None, "against": None, "abstain": None}, [], None)
    with pytest.raises(Refused, match="1 for and 3 against cannot have carried"):
        tallied({"for": 1, "against": 3, "abstain": None}, [], "carried")


def test_a_motion_short_of_a_special_majority_is_lost_with_more_for_than_against():
    vote = tallied({"for": 6, "against": 4, "abstain": 0}, [], "lost")
    assert (vote["result"], vote["votes_for"], vote["against"]) == ("lost", 6, 4)


# -- the ledger itself: application level, on a real SQLite file and PostgreSQL ----------


def test_the_ledger_keeps_a_named_vote_with_its_decision_and_refuses_a_second(ledger, db):
    ledger.today = lambda: date(2019, 6, 20)
    ledger.register_board("seb", "SEND Executive Board", actor="Jo Clerk", on="2019-01-10")
    ledger.schedule_meeting("seb", "2019-06-12", actor="Jo Clerk", on="2019-01-10")
    ledger.record_decision("seb", "2019-06-12", item="Budget", text="Approved", actor="Jo Clerk")
    recorded = ledger.record_vote(
        BUDGET,
        counts={"for": None, "against": None, "abstain": 1},
        members=[("Cllr Ann Lee", "for"), ("Cllr Bo Chan", "for"), ("Cllr Cy Dee", "abstain")],
        actor="Jo Clerk",
    )
    assert recorded.events == ["VoteRecorded"] and recorded.subject == BUDGET
    before = event_count(db)
    with pytest.raises(Refused, match="already has its vote"):
        ledger.record_vote(
            BUDGET, counts={"for": 3, "against": 0, "abstain": 0}, members=[], actor="Jo Clerk"
        )
    assert event_count(db) == before
    views = Views(ledger)
    views.catch_up()
    [told] = [
        r for r in history(views, "seb", None, None, date(2019, 6, 20)) if r["kind"] == "vote"
    ]
    assert (told["date"], told["ref"]) == ("2019-06-12", BUDGET)
    assert told["what"] == (
        "VOTE on D1: carried: 2 for, 0 against, 1 abstained; for: Cllr Ann Lee, Cllr Bo Chan; "
        "abstained: Cllr Cy Dee"
    )
    [event] = list(vote_events(ledger, "seb", None, None))
    assert event["votes"][2] == {"option": "abstain", "voter_name": "Cllr Cy Dee"}
