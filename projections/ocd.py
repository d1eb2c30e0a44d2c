"""Decisions and their votes as Open Civic Data ``vote_event`` objects, one JSON object a
line, for the open-data tools that read them (the OCD vote_event schema: identifier,
motion_text, start_date, result, organization, counts, votes, sources)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

RESULTS = {"carried": "pass", "unanimous": "pass", "passed": "pass", "lost": "fail"}
OPTIONS = (("yes", "votes_for", "names_for"), ("no", "against", "names_against"))
ABSTAIN = ("abstain", "abstained", "names_abstained")


def vote_events(
    ledger: Any, board: str | None, start: date | None, end: date | None
) -> Iterator[dict[str, Any]]:
    """Every decision with a vote, meeting by meeting in date order."""
    from ledger.meeting import Meeting

    meetings = sorted(
        (m for m in map(ledger.repository.get, meeting_ids(ledger)) if isinstance(m, Meeting)),
        key=lambda m: (m.held_on, m.board),
    )
    for sitting in meetings:
        if (board and sitting.board != board) or not within(sitting.held_on, start, end):
            continue
        votes = {e.values["number"]: e.values["vote"] for e in sitting.live("vote")}
        for decided in sitting.live("decision"):
            number = decided.values["number"]
            vote = votes.get(number) or decided.values.get("vote")
            if vote:
                yield vote_event(sitting, decided.values, vote)


def meeting_ids(ledger: Any) -> list[Any]:
    from ledger.meeting import Meeting

    found = ledger.recorder.select_notifications(
        start=None, limit=10**9, topics=[Meeting.MeetingScheduled.TOPIC]
    )
    return [n.originator_id for n in found]


def within(day: date, start: date | None, end: date | None) -> bool:
    return (start is None or day >= start) and (end is None or day <= end)


def vote_event(sitting: Any, decided: dict[str, Any], vote: dict[str, Any]) -> dict[str, Any]:
    ref = f"{sitting.ref}/D{decided['number']}"
    options = (*OPTIONS, ABSTAIN)
    return {
        "identifier": ref,
        "motion_text": decided["text"],
        "motion_classification": [],
        "start_date": sitting.held_on.isoformat(),
        "result": RESULTS.get((vote.get("result") or "").lower(), ""),
        "organization": sitting.board,
        "legislative_session": "",
        "bill": None,
        "counts": [
            {"option": option, "value": vote[count]}
            for option, count, _ in options
            if vote.get(count) is not None
        ],
        "votes": [
            {"option": option, "voter_name": name}
            for option, _, names in options
            for name in vote.get(names) or []
        ],
        "sources": [{"url": "", "note": f"govledger {ref}"}],
        "extras": {"item": decided["item"], "outcome": decided["outcome"]},
    }
