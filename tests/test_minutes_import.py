"""Minutes in through the CLI: the seed minutes as they are, plain-text minutes with lettered
parts, and a draft built by hand (as any reader hands one over) reviewed and then recorded."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ledger.meeting import Outcome
from tests.conftest import Clerk, event_count
from tests.test_minutes_recording import therapies_minutes

MINUTES = """Agenda item

Therapies review

Minutes:

The Panel noted the report. Members asked about waiting times.

RESOLVED:
(a) that the therapy redesign proceed;
(b) that an update on waiting times be provided to the meeting of the Panel on 7 March 2022.

ACTION: Jan Parnell

Agenda item

Local Offer

AGREED: to publish the new Local Offer pages in January.
"""
SEED = "hf-2019-send-inspection-minutes.txt"


def ready(db: str) -> Clerk:
    clerk = Clerk(db)
    clerk.ok("init")
    clerk.ok("board", "add", "cepac", "Children and Education PAC", "--on", "2019-01-01")
    clerk.ok("meeting", "add", "cepac", "2019-07-02", "--on", "2019-06-01")
    clerk.ok("meeting", "add", "cepac", "2019-09-10", "--on", "2019-06-01")
    clerk.ok(
        "tracker", "add", "hf-send-2019", "SEND actions", "--board", "cepac", "--on", "2019-06-01"
    )
    return clerk


@pytest.fixture
def handed(monkeypatch: pytest.MonkeyPatch):
    """The command reads whatever file it is given into this hand-built draft."""
    import ledger.readers.minutes

    def read(path: str):
        return therapies_minutes()

    monkeypatch.setattr(ledger.readers.minutes, "read_minutes", read)


def test_the_seed_minutes_are_reviewed_recorded_once_and_their_action_is_due(seeds, db):
    clerk = ready(db)
    path = str(seeds / SEED)
    before = event_count(db)
    draft = clerk.ok(
        "minutes", "import", "cepac", path, "--meeting", "2019-07-02", "--dry-run"
    ).output
    assert event_count(db) == before
    assert "Item Outcome of the Joint Local Area SEND Inspection" in draft
    assert "action cepac@2019-07-02/A1: Anita Parkin: " in draft
    assert (
        "report-back cepac@2019-07-02/D1: REQUESTED: The Chair asked for Public Health to "
        "provide an update on this at the next meeting." in draft
    )
    assert 'report back: 2019-09-10 ("the next meeting")' in draft
    assert draft.endswith(
        "Would record on the meeting cepac@2019-07-02: 0 decisions, 1 minute action, "
        "1 report-back (2 events).\n"
    )
    assert "do not say when the meeting was held" not in draft
    assert clerk.ok("minutes", "import", "cepac", path, "--meeting", "2019-07-02").output.endswith(
        "Recorded on the meeting cepac@2019-07-02: 0 decisions, 1 minute action, 1 report-back "
        "(2 events).\n"
    )
    log = json.loads(clerk.ok("log", "--format", "json", "--limit", "2").output)
    assert [(r["event"], r["subject"]) for r in log] == [
        ("DecisionRecorded", "cepac@2019-07-02/D1"),
        ("MinuteActionRaised", "cepac@2019-07-02/A1"),
    ]
    assert event_count(db) == before + 2
    again = clerk.ok("minutes", "import", "cepac", path, "--meeting", "2019-07-02").output
    assert again.endswith("Nothing new to record: all 2 entries are already in the ledger.\n")
    assert event_count(db) == before + 2
    due = json.loads(clerk.ok("due", "--format", "json").output)
    assert ("minute action", "Anita Parkin") in {(d["kind"], d["owner"]) for d in due}


def test_a_rating_in_the_seed_minutes_is_suggested_not_recorded(seeds, db):
    clerk = ready(db)
    draft = clerk.ok(
        "minutes", "import", "cepac", str(seeds / SEED), "--meeting", "2019-07-02", "--dry-run"
    ).output
    assert "govledger action rate hf-send-2019#15 red --on 2019-07-02" in draft


def test_minutes_that_do_not_say_when_need_the_meeting_date(seeds, db):
    clerk = ready(db)
    before = event_count(db)
    result = clerk("minutes", "import", "cepac", str(seeds / SEED))
    assert result.exit_code == 2
    assert result.output == (
        f"Error: {SEED} does not say when the meeting was held; give --meeting YYYY-MM-DD\n"
    )
    assert event_count(db) == before


def test_lettered_parts_stay_one_decision_beside_the_noting_and_the_action(db, tmp_path):
    clerk = ready(db)
    path = tmp_path / "minutes.txt"
    path.write_text(MINUTES, encoding="utf-8")
    clerk.ok("minutes", "import", "cepac", str(path), "--meeting", "2019-07-02")
    history = json.loads(clerk.ok("board", "history", "cepac", "--format", "json").output)
    decisions = [r["what"] for r in history if r["kind"] == "decision"]
    assert decisions == [
        "NOTED: Therapies review: The Panel noted the report.",
        "RESOLVED: Therapies review: (a) that the therapy redesign proceed; (b) that an update "
        "on waiting times be provided to the meeting of the Panel on 7 March 2022.",
        "AGREED: Local Offer: to publish the new Local Offer pages in January.",
    ]
    actions = [r["what"] for r in history if r["kind"] == "minute action"]
    assert [a.split(":")[1].strip() for a in actions] == ["Jan Parnell"]


def test_a_dated_report_back_in_a_lettered_part_is_a_follow_up(db, tmp_path):
    clerk = ready(db)
    path = tmp_path / "minutes.txt"
    path.write_text(MINUTES, encoding="utf-8")
    clerk.ok("minutes", "import", "cepac", str(path), "--meeting", "2019-07-02")
    history = json.loads(clerk.ok("board", "history", "cepac", "--format", "json").output)
    assert "follow-up 2022-03-07" in [r["status"] for r in history if r["kind"] == "decision"]


@pytest.mark.parametrize(("content", "message"), [(b"", "is empty"), (b"\x00\x01binary", "")])
def test_unreadable_minutes_are_refused_in_one_line_and_nothing_is_recorded(
    db, tmp_path, content, message
):
    clerk = ready(db)
    path = tmp_path / "minutes.txt"
    path.write_bytes(content)
    before = event_count(db)
    result = clerk("minutes", "import", "cepac", str(path), "--meeting", "2019-07-02")
    assert result.exit_code == 2 and message in result.output and path.name in result.output
    assert result.output.startswith("Error: ") and result.output.count("\n") == 1
    assert event_count(db) == before


# -- a draft handed over as any reader would ------------------------------------------------


def therapies_ledger(db: str) -> Clerk:
    clerk = Clerk(db)
    clerk.ok("init")
    clerk.ok("board", "add", "cepac", "Children and Education PAC")
    for day in ("2022-02-07", "2022-03-14"):
        clerk.ok("meeting", "add", "cepac", day)
    return clerk


def test_a_clerk_reviews_then_records_minutes_with_parts_a_vote_and_report_backs(db, handed):
    clerk = therapies_ledger(db)
    before = event_count(db)
    draft = clerk.ok("minutes", "import", "cepac", "therapies.pdf", "--dry-run").output
    assert event_count(db) == before
    listing = """
Item 107/20 Therapies review
  decision cepac@2022-01-10/D1: RESOLVED: That the Panel:
      (a) agree that the therapy redesign proceed;
      (b) note the waiting times.
      proposed by Cllr Alexandra Sanderson, seconded by Cllr Lucy Richardson
      vote: carried: 7 for, 2 against, 1 abstained; against: Cllr Mark Loveday, Cllr Adronie Alford
      report back: 2022-02-07 ("the next meeting")
  decision cepac@2022-01-10/D2: NOTED: The Panel noted the report.
  report-back cepac@2022-01-10/D3: REQUESTED: An update on waiting times
      report back: 2022-03-07 ("7 March 2022")
  report-back cepac@2022-01-10/D4: REQUESTED: The Local Offer pages
      report back: 2022-02-07 ("the next meeting")
  report-back cepac@2022-01-10/D5: REQUESTED: The audit of EHCPs
      report back: 2022-03-14 ("the March meeting")
  report-back cepac@2022-01-10/D6: REQUESTED: The final evaluation
      report back: open, no date yet ("in due course")
  action cepac@2022-01-10/A1: Jan Parnell / Sam Lee: Review waiting times for speech therapy
      due: 2022-03-14 ("the March meeting")

"""
    summary = (
        "on cepac@2022-01-10, a meeting added with these minutes: 2 decisions, "
        "1 minute action, 4 report-backs (8 events).\n"
    )
    open_one = "1 follow-up {} no date yet; govledger due lists it as open.\n"
    read = "The meeting's date, 2022-01-10, is the one the minutes give; if it is not right, "
    assert draft == (
        f"{listing}Would record {summary}{open_one.format('would have')}"
        f"{read}give --meeting YYYY-MM-DD.\n"
    )
    recorded = clerk.ok("minutes", "import", "cepac", "therapies.pdf").output
    assert recorded == f"Recorded {summary}{open_one.format('has')}"
    assert event_count(db) == before + 8
    again = clerk.ok("minutes", "import", "cepac", "therapies.pdf").output
    assert again == "Nothing new to record: all 7 entries are already in the ledger.\n"
    listed = clerk.ok("minutes", "import", "cepac", "therapies.pdf", "--verbose").output
    assert listed.count("(already recorded)") == 7
    assert event_count(db) == before + 8


def test_the_summary_names_the_meeting_already_in_the_ledger_and_what_was_new(db, handed):
    clerk = therapies_ledger(db)
    clerk.ok("meeting", "add", "cepac", "2022-01-10")
    clerk.ok(
        "decision", "record", "cepac", "--meeting", "2022-01-10",
        "--item", "107/20 Therapies review", "--text", "The Panel noted the report.",
        "--outcome", "noted",
    )  # fmt: skip
    before = event_count(db)
    recorded = clerk.ok("minutes", "import", "cepac", "therapies.pdf").output
    assert recorded.splitlines() == [
        "1 entry already in the ledger, not recorded again.",
        "Recorded on the meeting cepac@2022-01-10: 1 decision, 1 minute action, 4 report-backs "
        "(6 events).",
        "1 follow-up has no date yet; govledger due lists it as open.",
    ]
    assert event_count(db) == before + 6


def test_an_open_follow_up_is_due_with_no_date_until_it_is_given_one(db, handed):
    clerk = therapies_ledger(db)
    clerk.ok("minutes", "import", "cepac", "therapies.pdf")
    due = json.loads(clerk.ok("due", "--board", "cepac", "--format", "json").output)
    evaluation = next(d for d in due if d["ref"] == "cepac@2022-01-10/D6")
    assert (evaluation["status"], evaluation["due"], evaluation["kind"]) == (
        "open",
        "",
        "follow-up",
    )
    assert evaluation["what"] == (
        "107/20 Therapies review: The final evaluation (report back: in due course)"
    )
    assert due[-1] == evaluation
    for fmt in ("table", "csv", "markdown", "html"):
        shown = clerk.ok("due", "--board", "cepac", "--format", fmt).output
        assert "cepac@2022-01-10/D6" in shown and "open" in shown and "None" not in shown
    position = next(
        r["position"]
        for r in json.loads(clerk.ok("log", "--format", "json").output)
        if r["subject"] == "cepac@2022-01-10/D6"
    )
    clerk.ok("correct", str(position), "--follow-up", "2099-01-01", "--reason", "agenda planned")
    due = json.loads(clerk.ok("due", "--board", "cepac", "--format", "json").output)
    dated = next(d for d in due if d["ref"] == "cepac@2022-01-10/D6")
    assert (dated["status"], dated["due"]) == ("due", "2099-01-01")


def test_the_draft_as_json_is_what_a_clerk_reviews(db, handed):
    clerk = therapies_ledger(db)
    args = ("minutes", "import", "cepac", "therapies.pdf", "--format", "json")
    review = json.loads(clerk.ok(*args, "--dry-run").output)
    assert (review["board"], review["meeting"], review["recorded"]) == (
        "cepac",
        "2022-01-10",
        False,
    )
    assert review["draft"] == therapies_minutes().as_data()
    assert [p["ref"] for p in review["planned"]][:3] == [
        "cepac@2022-01-10",
        "cepac@2022-01-10/D1",
        "cepac@2022-01-10/D2",
    ]
    voted = review["planned"][1]
    assert (voted["event"], voted["follow_up"], voted["vote"]["votes_for"]) == (
        "DecisionRecorded",
        "2022-02-07",
        7,
    )
    open_one = next(p for p in review["planned"] if p.get("report_back") == "in due course")
    assert open_one["follow_up"] is None
    assert review["already_recorded"] == 0
    assert json.loads(clerk.ok(*args).output)["recorded"] is True
    again = json.loads(clerk.ok(*args).output)
    assert (again["planned"], again["already_recorded"], again["recorded"]) == ([], 7, False)


def test_a_dry_run_on_a_ledger_without_the_board_says_what_to_do_first(db, handed):
    clerk = Clerk(db)
    clerk.ok("init")
    before = event_count(db)
    result = clerk.ok("minutes", "import", "cepac", "therapies.pdf", "--dry-run")
    assert result.output.startswith(
        "A real import needs: the board cepac is not in the ledger; register the board "
        'first: govledger board add cepac "FULL NAME"\n'
    )
    assert "decision cepac@2022-01-10/D1: RESOLVED" in result.output
    assert "no meeting of cepac in the ledger matches 'the next meeting'" in result.output
    assert result.output.endswith(
        "Would record on cepac@2022-01-10, a meeting added with these minutes: 2 decisions, "
        "1 minute action, 4 report-backs (8 events).\n"
        "4 follow-ups would have no date yet; govledger due lists them as open.\n"
        'No meeting of cepac in the ledger matches "the next meeting" or "the March meeting"; '
        "to date these, add the meeting first: govledger meeting add cepac YYYY-MM-DD\n"
        "The meeting's date, 2022-01-10, is the one the minutes give; if it is not right, "
        "give --meeting YYYY-MM-DD.\n"
    )
    assert event_count(db) == before
    refused = clerk("minutes", "import", "cepac", "therapies.pdf")
    assert (refused.exit_code, refused.output.count("\n")) == (1, 1)
    assert "no board 'cepac'" in refused.output
    assert event_count(db) == before


def test_a_board_registered_from_today_is_told_how_to_take_its_older_minutes(clerk, handed):
    clerk.ok("board", "add", "cepac", "Children and Education PAC", "--on", "2024-01-01")
    before = event_count(clerk.db)
    refused = clerk("minutes", "import", "cepac", "therapies.pdf")
    assert (refused.exit_code, refused.output.count("\n")) == (1, 1)
    assert "2022-01-10 is before cepac existed (from 2024-01-01)" in refused.output
    assert "correct its start: govledger correct POSITION --effective 2022-01-10" in refused.output
    assert event_count(clerk.db) == before
    clerk.ok("correct", "1", "--effective", "2022-01-10", "--reason", "it met before 2024")
    recorded = clerk.ok("minutes", "import", "cepac", "therapies.pdf").output
    assert "Recorded on cepac@2022-01-10, a meeting added with these minutes" in recorded


def test_board_history_shows_parts_and_open_follow_ups(db, handed):
    clerk = therapies_ledger(db)
    clerk.ok("minutes", "import", "cepac", "therapies.pdf")
    history = json.loads(clerk.ok("board", "history", "cepac", "--format", "json").output)
    decisions = {r["ref"]: (r["what"], r["status"]) for r in history if r["kind"] == "decision"}
    assert decisions["cepac@2022-01-10/D1"] == (
        "RESOLVED: 107/20 Therapies review: That the Panel: (a) agree that the therapy "
        "redesign proceed; (b) note the waiting times.",
        "follow-up 2022-02-07",
    )
    assert decisions["cepac@2022-01-10/D6"][1] == "open follow-up: in due course"
    log = json.loads(clerk.ok("log", "--format", "json", "--limit", "2").output)
    assert log[0]["summary"].endswith("The final evaluation (open follow-up: in due course)")


def test_a_clerk_records_an_open_follow_up_and_an_action_of_two_owners_by_hand(clerk):
    clerk.ok("board", "add", "seb", "SEND Executive Board")
    clerk.ok("meeting", "add", "seb", "2021-06-12")
    clerk.ok(
        "decision", "record", "seb", "--meeting", "2021-06-12", "--item", "Therapies",
        "--text", "A review of waiting times to come back", "--outcome", "requested",
        "--report-back", "in due course",
    )  # fmt: skip
    clerk.ok(
        "minute-action", "add", "seb", "--meeting", "2021-06-12", "--owner", "Jan Parnell",
        "--owner", "Sam Lee", "--text", "Review waiting times",
    )  # fmt: skip
    history = json.loads(clerk.ok("board", "history", "seb", "--format", "json").output)
    assert [(r["kind"], r["status"]) for r in history][1] == (
        "decision",
        "open follow-up: in due course",
    )
    assert history[2]["what"] == "ACTION: Jan Parnell / Sam Lee: Review waiting times"


def test_the_decision_command_offers_every_outcome_the_ledger_knows():
    from commands.decision import OUTCOMES

    assert list(OUTCOMES) == [o.value for o in Outcome]


def test_minutes_import_help_documents_every_option_with_an_example():
    result = Clerk(str(Path("unused.db")))("minutes", "import", "--help")
    assert result.exit_code == 0
    for option in ("--meeting", "--dry-run", "--format", "Example:"):
        assert option in result.output
