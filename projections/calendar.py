"""What is due, as an iCalendar file (RFC 5545): one all-day event per item ``due`` lists.

Each event's UID is made from the ledger's identity, the item's kind and its ref (and a
tracker action's line), never from its dates or words, so a calendar imported again
updates its events instead of adding copies. The ref, board, owner and whether the item is
overdue are in the summary and the description; the icalendar library escapes and folds
the text as the RFC says. Items with no day (open, no meeting ahead) are left out: a
calendar event needs one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import Any

PRODID = "-//govledger//due//EN"
# A row's fields the description tells by name; any other field a row kind brings (a
# decision's call-in, say) follows as "name: value".
TOLD = {"board", "next_meeting", "due", "status", "days_overdue", "kind", "ref", "owner", "what"}


def uid(row: dict[str, Any], ledger_id: str, occurrence: int) -> str:
    """Stable for the item: its kind and ref (a tracker action's line, where the row says
    it, else its place among the rows of the same ref), at this ledger."""
    kind = "-".join(str(row.get("kind") or "item").split())
    part = f"/line-{row['line']}" if row.get("line") not in (None, "") else ""
    if not part and occurrence:
        part = f"/{occurrence + 1}"
    return f"{kind}:{row['ref']}{part}@{ledger_id}.govledger"


def summary(row: dict[str, Any]) -> str:
    """'OVERDUE 12 days: seb@2019-06-12/A1 [seb] Public Health update (Anita Parkin)'."""
    owner = f" ({row['owner']})" if row.get("owner") else ""
    if row["status"] == "overdue":
        days = row.get("days_overdue")
        state = (
            f"OVERDUE {days} day{'s' if days != 1 else ''}: " if days is not None else "OVERDUE: "
        )
    else:
        state = f"{str(row['status']).capitalize()}: "  # due, or a kind's own (call-in)
    return f"{state}{row['ref']} [{row['board']}] {row['what']}{owner}"


def description(row: dict[str, Any], today: date) -> str:
    late = row.get("days_overdue")
    status = {
        "overdue": f"overdue by {late} days as of {today.isoformat()}",
        "due": "due by the board's next meeting",
    }.get(row["status"], row["status"])
    lines = [
        f"Ref: {row['ref']}",
        f"Board: {row['board']}",
        f"Kind: {row['kind']}",
        f"Owner: {row.get('owner') or '(none named)'}",
        f"Status: {status}",
        f"Due: {row['due']}",
        f"Next meeting: {row.get('next_meeting') or 'none scheduled'}",
        f"What: {row['what']}",
    ]
    known = {"board", "next_meeting", "due", "status", "days_overdue", "kind", "ref", "owner"}
    extra = [
        f"{k}: {v}" for k, v in row.items() if k not in {*known, "what"} and v not in ("", None)
    ]
    return "\n".join([*lines, *extra])


def dated(rows: Sequence[dict[str, Any]]) -> tuple[list[dict[str, Any]], int]:
    """The rows with a day to put in a calendar, and how many had none."""
    found = [r for r in rows if r.get("due")]
    return found, len(rows) - len(found)


def calendar(
    rows: Sequence[dict[str, Any]], ledger_id: str, today: date, now: datetime, name: str
) -> bytes:
    """The iCalendar text (CRLF lines, folded, escaped) of the dated rows."""
    from icalendar import Calendar, Event

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    seen: Counter[tuple[str, str]] = Counter()
    for row in dated(rows)[0]:
        key = (str(row.get("kind")), str(row["ref"]))
        event = Event()
        event.add("uid", uid(row, ledger_id, seen[key]))
        seen[key] += 1
        event.add("dtstamp", now)
        day = date.fromisoformat(row["due"])
        event.add("dtstart", day)
        event.add("dtend", day + timedelta(days=1))
        event.add("summary", summary(row))
        event.add("description", description(row, today))
        event.add("categories", [str(row.get("kind") or "item"), row["status"]])
        event.add("transp", "TRANSPARENT")
        cal.add_component(event)
    return cal.to_ical()
