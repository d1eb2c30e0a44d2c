"""A board's history (meetings, decisions, minute actions, its trackers' ratings) and
what is due at its next meeting."""

from __future__ import annotations

from datetime import date
from typing import Any

from projections.call_ins import CallIn, call_in_due, call_ins, told
from projections.call_ins import standing as call_in_standing
from projections.due_dates import days_overdue, standing, tracker_actions_due
from projections.history import Stories
from projections.log import with_parts
from projections.views import Views
from projections.wording import vote_said

HISTORY_COLUMNS = ("date", "kind", "ref", "what", "status", "actor", "reason")
DUE_COLUMNS = (
    "board",
    "next_meeting",
    "due",
    "status",
    "days_overdue",
    "kind",
    "ref",
    "owner",
    "what",
)
UNTITLED = "(untitled item)"  # what an import names an item the minutes give no heading
# open: owed, with no date to fall due by; called in: a decision waiting for scrutiny's
# outcome; call-in: a decision in its call-in period (due: the day the period closes)
STATUS_ORDER = {"overdue": 0, "called in": 1, "due": 2, "call-in": 3, "open": 4}


def history(
    views: Views, board: str, start: date | None, end: date | None, today: date
) -> list[dict[str, Any]]:
    """The board's record in date order; meetings by the day they sit."""
    rows = [r for r in views.trail.of_board(board, start, end) if not r["voided"]]
    done = completions(rows)
    closed = views.trail.closed_follow_ups(board)
    called = call_ins(views.trail, board)
    stories = Stories(views.trail, rows, end or today)
    said = []
    for row in rows:
        entry = describe(row, done, closed, today, stories, called)
        if entry is None:
            continue
        day = date.fromisoformat(entry["date"])
        if (start and day < start) or (end and day > end):
            continue
        said.append(
            {
                **entry,
                "ref": row["ref"],
                "actor": row["actor"],
                "reason": row["reason"],
                "position": row["position"],
            }
        )
    return sorted(said, key=lambda r: (r["date"], r["position"]))


def describe(
    row: dict[str, Any],
    done: dict[str, str],
    closed: dict[str, str],
    today: date,
    stories: Stories,
    called: dict[str, CallIn],
) -> dict[str, Any] | None:
    c, kind = row["current"], row["kind"]
    if kind == "scheduled":
        held = date.fromisoformat(c["held_on"])
        status = "held" if held <= today else "to come"
        return {"date": c["held_on"], "kind": "meeting", "what": c["title"], "status": status}
    if kind == "decision":
        parts = c.get("parts")
        return {
            "date": row["effective_on"],
            "kind": "decision",
            "what": f"{c['outcome'].upper()}: {under(c['item'], with_parts(c['text'], parts))}",
            "status": "; ".join(
                said
                for said in (
                    call_in_standing(c, called.get(row["ref"]), today),
                    follow_up_status(c, closed.get(row["ref"])),
                )
                if said
            ),
        }
    if kind == "vote":
        return {
            "date": row["effective_on"],
            "kind": "vote",
            "what": f"VOTE on D{c['number']}: {vote_said(c['vote'])}",
            "status": "",
        }
    if kind == "minute_action":
        return {
            "date": row["effective_on"],
            "kind": "minute action",
            "what": f"ACTION: {c['owner']}: {c['text']}",
            "status": action_status(row, done, today),
        }
    if kind in ("called_in", "call_in_outcome", "call_in_period"):
        return told(row)
    if kind in ("rating", "reopen"):
        moved = stories.change(row)
        return {
            "date": row["effective_on"],
            "kind": "rating",
            "what": f"{moved['from'] or 'unrated'} → {moved['to']}",
            "status": "",
        }
    return None


def follow_up_status(c: dict[str, Any], closed_on: str | None) -> str:
    """A decision's follow-up: its date, or the minutes' words while it has none (rows
    stored before the words were kept have no ``report_back``); and the day it closed."""
    words = c.get("report_back")
    if c["follow_up"]:
        asked = f"follow-up {c['follow_up']}"
    else:
        asked = f"open follow-up: {words}" if words else ""
    if asked and closed_on:
        return f"{asked.removeprefix('open ')}, closed {closed_on}"
    return asked


def under(item: str, text: str) -> str:
    """A decision's words under its item; minutes without item headings have none to name."""
    return text if item in ("", UNTITLED) else f"{item}: {text}"


def completions(rows: list[dict[str, Any]]) -> dict[str, str]:
    """Minute action ref → the day it was done."""
    return {r["ref"]: r["effective_on"] for r in rows if r["kind"] == "completed"}


def action_status(row: dict[str, Any], done: dict[str, str], today: date) -> str:
    if row["ref"] in done:
        return f"done {done[row['ref']]}"
    due = row["current"]["due"]
    if due and date.fromisoformat(due) < today:
        return f"overdue since {due}"
    said = row["current"].get("due_said")
    return f"open, due {due or said}" if due or said else "open"


def due(views: Views, board: str | None, today: date) -> list[dict[str, Any]]:
    """What each board is owed: follow-ups and minute actions until closed or done, and
    tracker actions whose timescale names a day until completed; each overdue, due by the
    board's next meeting, or open (owed with no date). And decisions in their call-in
    period (due the day it closes), or called in and waiting for scrutiny's outcome."""
    boards = [board] if board else sorted(views.trail.refs("board"))
    found = []
    for name in boards:
        rows = [r for r in views.trail.of_board(name) if not r["voided"]]
        meetings = sorted(r["current"]["held_on"] for r in rows if r["kind"] == "scheduled")
        upcoming = next((m for m in meetings if m >= today.isoformat()), None)
        done = {**completions(rows), **views.trail.closed_follow_ups(name)}
        called = call_ins(views.trail, name)
        items = [
            {"ref": row["ref"], **item}
            for row in rows
            if (item := due_item(row, done, today, upcoming)) is not None
        ]
        items += [
            {"ref": row["ref"], **item}
            for row in rows
            if row["kind"] == "decision"
            and (item := call_in_due(row["current"], called.get(row["ref"]), today, said_of(row)))
        ]
        items += tracker_actions_due(views, name, today, upcoming)
        found += [{"board": name, "next_meeting": upcoming or "none scheduled", **i} for i in items]
    return sorted(found, key=lambda r: (STATUS_ORDER[r["status"]], r["due"], ref_order(r["ref"])))


def ref_order(ref: str) -> tuple[str, int]:
    """``seb@2019-07-02/A10`` after ``/A9``: the meeting, then its entry's number."""
    meeting, _, entry = ref.rpartition("/")
    return (f"{meeting}/{entry[:1]}", int(entry[1:]) if entry[1:].isdigit() else 0)


def due_item(
    row: dict[str, Any], done: dict[str, str], today: date, upcoming: str | None
) -> dict[str, Any] | None:
    """A follow-up not closed or a minute action not done: due by the next meeting,
    overdue, or open (no date: "in due course", or an undated action while no meeting is
    scheduled)."""
    c = row["current"]
    if row["ref"] in done or row["kind"] not in ("decision", "minute_action"):
        return None
    if row["kind"] == "decision":
        return follow_up_due(c, today, upcoming)
    when = c["due"] or ""
    status = standing(when, today, upcoming)
    if status is None:
        return None
    return {
        "due": when or upcoming or "",
        "status": status,
        "days_overdue": days_overdue(status, when, today),
        "kind": "minute action",
        "owner": c["owner"],
        "what": c["text"],
    }


def said_of(decision: dict[str, Any]) -> str:
    """A decision's item and words, as ``due`` names it."""
    c = decision["current"]
    return under(c["item"], with_parts(c["text"], c.get("parts")))


def follow_up_due(c: dict[str, Any], today: date, upcoming: str | None) -> dict[str, Any] | None:
    """A decision's follow-up, until it is closed: due when its date falls by the next
    meeting, overdue once its date has passed, open with the minutes' words while it has
    no date ("in due course")."""
    what = under(c["item"], c["text"])
    if not c["follow_up"]:
        words = c.get("report_back")
        if not words:
            return None
        follow_up = {"due": "", "status": "open", "what": f"{what} (report back: {words})"}
    else:
        status = standing(c["follow_up"], today, upcoming)
        if status is None:
            return None
        follow_up = {"due": c["follow_up"], "status": status, "what": what}
    late = days_overdue(follow_up["status"], follow_up["due"], today)
    return {**follow_up, "days_overdue": late, "kind": "follow-up", "owner": ""}
