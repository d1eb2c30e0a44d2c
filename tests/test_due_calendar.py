"""What is due, in the panel's calendar: `govledger due --ics FILE` writes an RFC 5545
file of one all-day event per dated item, read back here with icalendar field by field;
importing it again updates the same events. SQLite and PostgreSQL."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar

from projections.calendar import calendar
from tests.conftest import Clerk, event_count


def owed(clerk: Clerk, today: date) -> str:
    """A minute action overdue, a tracker action with two dated lines (one due by the next
    meeting), a follow-up due at the next meeting, and a report-back with no day. Returns
    the meeting's date."""
    held = (today - timedelta(days=30)).isoformat()
    ahead = (today + timedelta(days=20)).isoformat()
    clerk.ok("board", "add", "seb", "SEND Executive Board", "--on", "2019-01-10")
    clerk.ok("meeting", "add", "seb", held)
    clerk.ok("meeting", "add", "seb", ahead)
    clerk.ok(
        "minute-action", "add", "seb", "--meeting", held, "--owner", "Anita Parkin",
        "--text", 'Public Health update; "checks", 2-2.5 years\\notes',
        "--due", (today - timedelta(days=12)).isoformat(),
    )  # fmt: skip
    clerk.ok(
        "decision", "record", "seb", "--meeting", held, "--item", "SEND",
        "--text", "An update to the next meeting", "--outcome", "noted", "--follow-up", ahead,
    )  # fmt: skip
    clerk.ok("tracker", "add", "hf", "SEND actions", "--board", "seb", "--on", "2019-06-01")
    clerk.ok(
        "action", "add", "hf", "15", "--kloe", "1", "--issue", "Checks not integrated",
        "--who", "Anita Parkin", "--who", "Angela Cody CLCH",
        "--timescale", (today - timedelta(days=3)).strftime("%d/%m/%Y"), "--on", "2019-06-01",
    )  # fmt: skip
    clerk.ok(
        "action", "add-line", "hf#15", "--who", "Bob Lee", "--health", "Second line",
        "--timescale", (today + timedelta(days=5)).strftime("%d/%m/%Y"), "--on", "2019-06-01",
    )  # fmt: skip
    return held


def due_rows(clerk: Clerk) -> list[dict]:
    return json.loads(clerk.ok("due", "--format", "json").output)


def events_in(path: Path) -> list:
    return list(Calendar.from_ical(path.read_bytes()).walk("VEVENT"))


def test_calendar_has_one_event_per_due_item_with_its_ref(clerk, today, tmp_path):
    held = owed(clerk, today)
    done = clerk.ok("due", "--ics", str(tmp_path / "due.ics"))
    assert "Wrote 4 events to" in done.output
    rows = due_rows(clerk)
    events = events_in(tmp_path / "due.ics")
    assert len(events) == len([r for r in rows if r["due"]]) == 4
    summaries = sorted(str(e["SUMMARY"]) for e in events)
    assert summaries == sorted(
        [
            f'OVERDUE 12 days: seb@{held}/A1 [seb] Public Health update; "checks", '
            "2-2.5 years\\notes (Anita Parkin)",
            "OVERDUE 3 days: hf#15 [seb] Checks not integrated (timescale: "
            f"{(today - timedelta(days=3)).strftime('%d/%m/%Y')}) "
            "(Anita Parkin / Angela Cody CLCH)",
            f"Due: hf#15 [seb] Second line (timescale: "
            f"{(today + timedelta(days=5)).strftime('%d/%m/%Y')}) (Bob Lee)",
            f"Due: seb@{held}/D1 [seb] SEND: An update to the next meeting",
        ]
    )
    assert len({str(e["UID"]) for e in events}) == 4


def test_each_event_reads_back_field_by_field(clerk, today, tmp_path):
    held = owed(clerk, today)
    clerk.ok("due", "--ics", str(tmp_path / "due.ics"))
    raw = (tmp_path / "due.ics").read_bytes()
    cal = Calendar.from_ical(raw)
    assert str(cal["VERSION"]) == "2.0" and str(cal["PRODID"]) == "-//govledger//due//EN"
    [action] = [e for e in cal.walk("VEVENT") if f"seb@{held}/A1" in str(e["SUMMARY"])]
    due_on = today - timedelta(days=12)
    assert action.decoded("DTSTART") == due_on and type(action.decoded("DTSTART")) is date
    assert action.decoded("DTEND") == due_on + timedelta(days=1)  # all day, end exclusive
    assert action["DTSTART"].params["VALUE"] == "DATE"
    stamp = action.decoded("DTSTAMP")
    assert isinstance(stamp, datetime) and stamp.utcoffset() == timedelta(0)
    assert str(action["UID"]).startswith(f"minute-action:seb@{held}/A1@")
    assert str(action["TRANSP"]) == "TRANSPARENT"
    assert str(action["DESCRIPTION"]).splitlines() == [
        f"Ref: seb@{held}/A1",
        "Board: seb",
        "Kind: minute action",
        "Owner: Anita Parkin",
        f"Status: overdue by 12 days as of {today.isoformat()}",
        f"Due: {due_on.isoformat()}",
        f"Next meeting: {(today + timedelta(days=20)).isoformat()}",
        'What: Public Health update; "checks", 2-2.5 years\\notes',
    ]
    # escaped and folded as RFC 5545 says: ; , \ escaped, lines of at most 75 octets, CRLF
    assert b'Public Health update\\; "checks"\\, 2-2.5 years\\\\notes' in raw.replace(b"\r\n ", b"")
    lines = raw.split(b"\r\n")
    assert all(len(line) <= 75 for line in lines) and raw.endswith(b"END:VCALENDAR\r\n")
    assert b"\n" not in raw.replace(b"\r\n", b"")


def test_the_calendar_imported_again_updates_the_same_events(clerk, today, tmp_path):
    held = owed(clerk, today)
    clerk.ok("due", "--ics", str(tmp_path / "first.ics"))
    clerk.ok(
        "minute-action", "add", "seb", "--meeting", held, "--owner", "Bob Lee",
        "--text", "Write to the schools", "--due", (today - timedelta(days=1)).isoformat(),
    )  # fmt: skip
    clerk.ok("decision", "follow-up", "done", f"seb@{held}/D1", "--reason", "Update heard")
    clerk.ok("due", "--ics", str(tmp_path / "second.ics"))
    first = {str(e["UID"]): e for e in events_in(tmp_path / "first.ics")}
    second = {str(e["UID"]): e for e in events_in(tmp_path / "second.ics")}
    kept = set(first) & set(second)
    assert len(kept) == 3  # the same items, the same UIDs
    assert [u for u in set(first) - set(second)] == [
        u for u in first if u.startswith(f"follow-up:seb@{held}/D1@")
    ]
    [new] = set(second) - set(first)
    assert new.startswith(f"minute-action:seb@{held}/A2@")


def test_two_ledgers_never_share_an_events_uid(tmp_path, today):
    uids = []
    for name in ("one.db", "two.db"):
        clerk = Clerk(str(tmp_path / name))
        clerk.ok("init")
        owed(clerk, today)
        clerk.ok("due", "--ics", str(tmp_path / f"{name}.ics"))
        uids.append({str(e["UID"]) for e in events_in(tmp_path / f"{name}.ics")})
    assert uids[0].isdisjoint(uids[1])


def test_the_calendar_goes_to_standard_output_with_a_dash(clerk, today):
    owed(clerk, today)
    done = clerk.ok("due", "--board", "seb", "--ics", "-")
    text = done.stdout_bytes
    assert text.startswith(b"BEGIN:VCALENDAR\r\n") and text.endswith(b"END:VCALENDAR\r\n")
    assert b"X-WR-CALNAME:govledger: due at seb" in text
    assert len(list(Calendar.from_ical(text).walk("VEVENT"))) == 4


def test_an_item_with_no_day_is_left_out_and_said_so(clerk, today, tmp_path):
    clerk.ok("board", "add", "seb", "SEND Executive Board", "--on", "2019-01-10")
    clerk.ok("meeting", "add", "seb", "2019-06-12")
    clerk.ok(
        "minute-action", "add", "seb", "--meeting", "2019-06-12", "--owner", "Anita Parkin",
        "--text", "In due course",
    )  # fmt: skip
    done = clerk.ok("due", "--ics", str(tmp_path / "due.ics"))
    assert "Wrote 0 events to" in done.output
    assert "1 open item with no day (and no meeting ahead) left out of the calendar" in done.output
    assert events_in(tmp_path / "due.ics") == []


def test_a_calendar_that_cannot_be_written_is_one_line_and_leaves_nothing(clerk, today, db):
    owed(clerk, today)
    before = event_count(db)
    done = clerk("due", "--ics", "/no/such/folder/due.ics")
    assert done.exit_code == 2
    assert "the folder '/no/such/folder' does not exist" in done.output
    assert len(done.output.strip().splitlines()) == 1 and event_count(db) == before


def test_a_calendar_is_not_also_a_table_format(clerk):
    done = clerk("due", "--ics", "-", "--format", "csv")
    assert done.exit_code == 2
    assert done.output.startswith("Error: --ics writes a calendar, not csv; give one or the other")


@pytest.mark.parametrize("status", ["call-in", "called in"])
def test_any_kind_of_row_due_gives_becomes_an_event(status):
    """Rows of kinds this module does not know (a decision's call-in) flow through, their
    own fields in the description."""
    row = {
        "board": "cab", "next_meeting": "2026-12-01", "due": "2026-11-30", "status": status,
        "days_overdue": None, "kind": "call-in", "ref": "cab@2026-11-23/D2", "owner": "",
        "what": "Library closures", "may_implement": "2026-12-01",
    }  # fmt: skip
    text = calendar([row], "abc", date(2026, 11, 25), datetime(2026, 11, 25, 9), "test")
    [event] = Calendar.from_ical(text).walk("VEVENT")
    assert str(event["UID"]) == "call-in:cab@2026-11-23/D2@abc.govledger"
    assert str(event["SUMMARY"]).startswith(f"{status.capitalize()}: cab@2026-11-23/D2 [cab]")
    assert "may_implement: 2026-12-01" in str(event["DESCRIPTION"]).splitlines()


def test_the_calendar_is_made_from_what_the_stored_views_hold_on_sqlite_and_postgres(ledger):
    """Application level: a key decision in its call-in period and a minute action, read
    from the views as `due` reads them, become one all-day event each."""
    from projections.board_history import due
    from projections.views import Views

    ledger.today = lambda: date(2019, 6, 17)
    ledger.register_board("cab", "Cabinet", actor="Jo Clerk", on="2019-01-10", call_in_days=5)
    ledger.schedule_meeting("cab", "2019-06-12", actor="Jo Clerk", on="2019-01-10")
    ledger.record_decision(
        "cab", "2019-06-12", item="Budget", text="Approved", key_decision=True, actor="Jo Clerk"
    )
    ledger.raise_minute_action(
        "cab", "2019-06-12", owner="Anita Parkin", text="Report", due="2019-06-14", actor="Jo"
    )
    views = Views(ledger)
    views.catch_up()
    rows = due(views, "cab", date(2019, 6, 17))
    text = calendar(rows, "abc", date(2019, 6, 17), datetime(2019, 6, 17, 9), "cab")
    told = {str(e["UID"]): e for e in Calendar.from_ical(text).walk("VEVENT")}
    assert set(told) == {
        "call-in:cab@2019-06-12/D1@abc.govledger",
        "minute-action:cab@2019-06-12/A1@abc.govledger",
    }
    assert told["call-in:cab@2019-06-12/D1@abc.govledger"]["DTSTART"].dt == date(2019, 6, 19)
    late = told["minute-action:cab@2019-06-12/A1@abc.govledger"]
    assert str(late["SUMMARY"]).startswith("OVERDUE 3 days: cab@2019-06-12/A1 [cab] Report")
