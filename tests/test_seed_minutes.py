"""The real minutes in ../shared/seeds, recorded by a clerk through the CLI.

The minutes discuss the 'red' action 15 of the SEND tracker, raise an ACTION for Anita
Parkin, and ask Public Health to update the next meeting. The minutes carry no date, so
the test picks one; every word recorded is taken from the documents as they are.
"""

from __future__ import annotations

import json
import re

from tests.conftest import Clerk

MEETING = "2019-07-02"
NEXT_MEETING = "2019-09-10"


def sentence(text: str, start: str) -> str:
    found = re.search(re.escape(start) + r"[^.]*\.", text)
    assert found, f"the seed minutes no longer say {start!r}"
    return found.group(0)


def tracker_row(tracker: str, number: str) -> list[str]:
    rows = [line.split("\t") for line in tracker.splitlines()]
    return next(r for r in rows if r[0] == f"{number}.")


def test_clerk_records_every_fact_of_the_seed_minutes(seeds, db):
    minutes = (seeds / "hf-2019-send-inspection-minutes.txt").read_text(encoding="utf-8")
    tracker = (seeds / "hf-2019-06-send-action-tracker.tsv.txt").read_text(encoding="utf-8")
    item = minutes.splitlines()[2]
    asked = sentence(minutes, "The Chair asked for Public Health")
    red = sentence(minutes, "Councillor Mark Loveday asked officers to talk through")
    owner = re.search(r"ACTION: (.+)", minutes).group(1).strip()
    number, kloe, theme, issue, health, la, who, timescale, _ = tracker_row(tracker, "15")

    clerk = Clerk(db, "Committee Clerk")
    clerk.ok("init")
    clerk.ok(
        "board",
        "add",
        "cepac",
        "Children and Education Policy and Accountability Committee",
        "--on",
        "2019-01-01",
    )
    clerk.ok("meeting", "add", "cepac", MEETING, "--on", "2019-06-01")
    clerk.ok("meeting", "add", "cepac", NEXT_MEETING, "--on", "2019-06-01")
    clerk.ok(
        "tracker",
        "add",
        "hf-send-2019",
        "Hammersmith and Fulham SEND Inspection - Health and LA Actions",
        "--board",
        "cepac",
        "--on",
        "2019-06-01",
    )
    clerk.ok(
        "action",
        "add",
        "hf-send-2019",
        number,
        "--kloe",
        kloe,
        "--theme",
        theme,
        "--issue",
        issue,
        "--health",
        health,
        "--la",
        la,
        *[arg for name in who.split("/") for arg in ("--who", name.strip())],
        "--timescale",
        timescale,
        "--on",
        "2019-06-01",
    )
    clerk.ok(
        "decision",
        "record",
        "cepac",
        "--meeting",
        MEETING,
        "--item",
        item,
        "--text",
        asked,
        "--outcome",
        "noted",
        "--follow-up",
        NEXT_MEETING,
    )
    clerk.ok(
        "minute-action",
        "add",
        "cepac",
        "--meeting",
        MEETING,
        "--owner",
        owner,
        "--text",
        asked,
        "--due",
        NEXT_MEETING,
    )
    clerk.ok("action", "rate", "hf-send-2019#15", "red", "--on", MEETING, "--reason", red)

    log = json.loads(clerk.ok("log", "--format", "json").output)
    by_event = {row["event"]: row for row in log}
    assert by_event["ActionAdded"]["subject"] == "hf-send-2019#15"
    assert by_event["DecisionRecorded"]["summary"] == (
        f"NOTED: Outcome of the Joint Local Area SEND Inspection: {asked} "
        f"(follow-up {NEXT_MEETING})"
    )
    assert by_event["MinuteActionRaised"]["summary"].startswith("ACTION: Anita Parkin: ")
    rating = by_event["RatingChanged"]
    assert (rating["subject"], rating["summary"], rating["effective"], rating["actor"]) == (
        "hf-send-2019#15",
        "unrated → red",
        MEETING,
        "Committee Clerk",
    )
    assert rating["reason"].startswith(
        "Councillor Mark Loveday asked officers to talk through "
        "the 'red' action on the tracker - action 15"
    )

    story = json.loads(clerk.ok("action", "history", "hf-send-2019#15", "--format", "json").output)
    red_row = story[-1]
    assert (red_row["actor"], red_row["effective"], red_row["change"]) == (
        "Committee Clerk",
        MEETING,
        "rating: unrated → red",
    )
    assert "action 15" in red_row["reason"]
    tracker_now = json.loads(clerk.ok("tracker", "show", "hf-send-2019", "--format", "json").output)
    assert [(r["no"], r["ragb"], r["kloe"]) for r in tracker_now] == [("15", "red", "1")]
    assert tracker_now[0]["who"] == [name.strip() for name in who.split("/")]
    due = json.loads(clerk.ok("due", "--format", "json").output)
    assert [(d["status"], d["kind"], d["owner"]) for d in due] == [
        ("overdue", "minute action", "Anita Parkin"),
        ("overdue", "follow-up", ""),  # stays in due until closed
    ]
