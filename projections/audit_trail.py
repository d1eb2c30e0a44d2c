"""The audit trail: every event, by subject, with corrections shown beside what they correct.

Serves ``action history``, the events behind ``changes``, ``board history`` and ``due``.
Each row keeps the event as recorded and, separately, its values as corrected since.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import orjson

from projections.view import View, Writer, dumps
from projections.wording import item_ref

BASE_FIELDS = {
    "originator_id",
    "originator_version",
    "timestamp",
    "actor",
    "on",
    "reason",
    "originator_topic",
}
ENTRY_KIND = {
    "ActionAdded": "added",
    "ActionLineAdded": "line",
    "RatingChanged": "rating",
    "ActionReopened": "reopen",
    "OwnerReassigned": "reassign",
    "TimescaleRevised": "retime",
    "NoteAdded": "note",
    "FieldsRevised": "fields",
    "BoardRegistered": "registered",
    "TrackerAdopted": "adopted",
    "MeetingScheduled": "scheduled",
    "DecisionRecorded": "decision",
    "MinuteActionRaised": "minute_action",
    "MinuteActionCompleted": "completed",
    "FollowUpClosed": "follow_up_closed",
    "VoteRecorded": "vote",
    "DecisionCalledIn": "called_in",
    "CallInConcluded": "call_in_outcome",
    "CallInPeriodSet": "call_in_period",
}


def recorded_at(event: Any) -> str:
    """A fixed-width UTC time, so that text order is time order on both backends."""
    return event.timestamp.isoformat(timespec="microseconds")[:26] + "Z"


def payload(event: Any) -> dict[str, Any]:
    """The event's own fields, as JSON-ready values."""
    fields = {k: v for k, v in vars(event).items() if k not in BASE_FIELDS}
    return orjson.loads(dumps(fields))


class AuditTrail(View):
    """One row per event: who, when it took effect, when recorded, why, and what it said."""

    name = "audit_trail"
    tables = ("gl_trail", "gl_subjects")
    read_indexes = ("gl_trail_subject", "gl_trail_board", "gl_trail_tracker")
    ddl = (
        "CREATE TABLE IF NOT EXISTS gl_subjects (id TEXT PRIMARY KEY, kind TEXT NOT NULL, "
        "ref TEXT NOT NULL, tracker TEXT, board TEXT)",
        "CREATE INDEX IF NOT EXISTS gl_subjects_ref ON gl_subjects (kind, ref)",
        "CREATE TABLE IF NOT EXISTS gl_trail (position INTEGER PRIMARY KEY, "
        "subject_id TEXT NOT NULL, ref TEXT NOT NULL, tracker TEXT, board TEXT, "
        "event TEXT NOT NULL, kind TEXT NOT NULL, effective_on TEXT NOT NULL, "
        "recorded_on TEXT NOT NULL, "
        "recorded_at TEXT NOT NULL, actor TEXT NOT NULL, reason TEXT NOT NULL, "
        "recorded TEXT NOT NULL, current TEXT NOT NULL, voided INTEGER NOT NULL, "
        "corrects INTEGER, corrected_by TEXT NOT NULL) /* with FieldsRevised */",
        "CREATE INDEX IF NOT EXISTS gl_trail_subject ON gl_trail (subject_id, position)",
        "CREATE INDEX IF NOT EXISTS gl_trail_board ON gl_trail (board, effective_on)",
        "CREATE INDEX IF NOT EXISTS gl_trail_tracker ON gl_trail (tracker, effective_on)",
    )

    def __init__(self, ledger: Any, factory: Any = None) -> None:
        super().__init__(ledger, factory)
        self.cached: dict[str, dict[str, Any]] = {}

    def drop(self) -> None:
        self.cached.clear()
        super().drop()

    # -- applying events -----------------------------------------------------------

    def on_BoardRegistered(self, w: Writer, e: Any, position: int) -> None:
        self.subject(w, e, "board", e.board, None, e.board)
        self.entry(w, e, position)

    def on_TrackerAdopted(self, w: Writer, e: Any, position: int) -> None:
        self.subject(w, e, "tracker", e.tracker, e.tracker, e.board)
        self.entry(w, e, position)

    def on_MeetingScheduled(self, w: Writer, e: Any, position: int) -> None:
        self.subject(w, e, "meeting", e.subject, None, e.board)
        self.entry(w, e, position)

    def on_ActionAdded(self, w: Writer, e: Any, position: int) -> None:
        board = w.one("SELECT board FROM gl_subjects WHERE kind='tracker' AND ref=?", e.tracker)
        self.subject(w, e, "action", e.subject, e.tracker, board["board"] if board else None)
        self.entry(w, e, position)

    def on_change(self, w: Writer, e: Any, position: int) -> None:
        self.entry(w, e, position)

    on_ActionLineAdded = on_RatingChanged = on_ActionReopened = on_change
    on_OwnerReassigned = on_TimescaleRevised = on_NoteAdded = on_FieldsRevised = on_change
    # A meeting's decisions and minute actions, their completions and closed follow-ups,
    # are kept under the entry's own ref (seb@2019-06-12/D1): see ``entry``.
    on_DecisionRecorded = on_FollowUpClosed = on_VoteRecorded = on_change
    on_DecisionCalledIn = on_CallInConcluded = on_CallInPeriodSet = on_change
    on_MinuteActionRaised = on_MinuteActionCompleted = on_change

    def on_EntryCorrected(self, w: Writer, e: Any, position: int) -> None:
        target = w.one("SELECT * FROM gl_trail WHERE position=?", e.position)
        assert target is not None, f"correction {position} of unknown position {e.position}"
        current = {**orjson.loads(target["current"]), **payload(e)["values"]}
        effective = e.effective.isoformat() if e.effective else target["effective_on"]
        corrected_by = [*orjson.loads(target["corrected_by"]), position]
        w.run(
            "UPDATE gl_trail SET current=?, effective_on=?, voided=?, corrected_by=? "
            "WHERE position=?",
            dumps(current),
            effective,
            int(bool(target["voided"]) or e.void),
            dumps(corrected_by),
            e.position,
        )
        self.entry(w, e, position, ref=target["ref"], corrects=e.position)

    def subject(
        self, w: Writer, e: Any, kind: str, ref: str, tracker: str | None, board: str | None
    ) -> None:
        w.run(
            "INSERT INTO gl_subjects (id, kind, ref, tracker, board) VALUES (?, ?, ?, ?, ?)",
            str(e.originator_id),
            kind,
            ref,
            tracker,
            board,
        )

    def entry(
        self,
        w: Writer,
        e: Any,
        position: int,
        ref: str = "",
        corrects: int | None = None,
    ) -> None:
        subject = self.cached.get(str(e.originator_id)) or w.one(
            "SELECT * FROM gl_subjects WHERE id=?", str(e.originator_id)
        )
        assert subject is not None, f"event {position} of an unknown subject"
        self.cached[subject["id"]] = subject
        fields = dumps({k: v for k, v in vars(e).items() if k not in BASE_FIELDS})
        w.run(
            "INSERT INTO gl_trail (position, subject_id, ref, tracker, board, event, kind, "
            "effective_on, recorded_on, recorded_at, actor, reason, recorded, current, voided, "
            "corrects, corrected_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, '[]')",
            position,
            subject["id"],
            ref or item_ref(subject["ref"], type(e).__name__, getattr(e, "number", None)),
            subject["tracker"],
            subject["board"],
            type(e).__name__,
            ENTRY_KIND.get(type(e).__name__, "correction"),
            e.on.isoformat(),
            e.on.isoformat(),
            recorded_at(e),
            e.actor,
            e.reason,
            fields,
            fields,
            corrects,
        )

    # -- reading ---------------------------------------------------------------------

    def refs(self, kind: str) -> list[str]:
        return [r["ref"] for r in self.rows("SELECT ref FROM gl_subjects WHERE kind=?", [kind])]

    def subject_of(self, kind: str, ref: str) -> dict[str, Any] | None:
        found = self.rows("SELECT * FROM gl_subjects WHERE kind=? AND ref=?", [kind, ref])
        return found[0] if found else None

    def trail(self, subject_id: str) -> list[dict[str, Any]]:
        return decode(
            self.rows("SELECT * FROM gl_trail WHERE subject_id=? ORDER BY position", [subject_id])
        )

    def reasons(self, positions: Sequence[int]) -> dict[int, str]:
        """The reason recorded with each entry at ``positions``."""
        wanted, found = sorted(set(positions)), {}
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            for row in self.rows(
                "SELECT position, reason FROM gl_trail "
                f"WHERE position IN ({', '.join('?' * len(chunk))})",
                chunk,
            ):
                found[row["position"]] = row["reason"]
        return found

    def timelines(
        self, subject_ids: set[str], kinds: Sequence[str], until: date
    ) -> dict[str, list[dict[str, Any]]]:
        """What ``Stories`` needs of many subjects' trails, in one query per 500 subjects:
        their rows of ``kinds`` in effect by ``until``, and every line-creating row (which
        numbers the lines)."""
        found: dict[str, list[dict[str, Any]]] = {key: [] for key in subject_ids}
        ids = sorted(subject_ids)
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            for row in self.rows(
                "SELECT subject_id, position, kind, effective_on, voided, current FROM gl_trail "
                f"WHERE subject_id IN ({', '.join('?' * len(chunk))}) "
                f"AND kind IN ({', '.join('?' * len(kinds))}) "
                "AND (effective_on<=? OR kind IN ('added', 'line')) ORDER BY position",
                [*chunk, *kinds, until.isoformat()],
            ):
                row["current"] = orjson.loads(row["current"])
                row["voided"] = bool(row["voided"])
                found[row["subject_id"]].append(row)
        return found

    def of_board(
        self, board: str, start: date | None = None, end: date | None = None
    ) -> list[dict[str, Any]]:
        """A board's rows in effect within the dates, with every meeting and completion
        (a meeting is dated by the day it sits; a completion tells an older action's status)."""
        return decode(
            self.rows(
                "SELECT * FROM gl_trail WHERE board=? AND ((effective_on>=? AND effective_on<=?) "
                "OR kind IN ('scheduled', 'completed')) ORDER BY effective_on, position",
                [board, (start or date.min).isoformat(), (end or date.max).isoformat()],
            )
        )

    def of_tracker(self, tracker: str, after: date, until: date) -> list[dict[str, Any]]:
        return decode(
            self.rows(
                "SELECT * FROM gl_trail WHERE tracker=? AND effective_on>? AND effective_on<=? "
                "ORDER BY effective_on, position",
                [tracker, after.isoformat(), until.isoformat()],
            )
        )


def decode(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    for row in rows:
        for column in ("recorded", "current", "corrected_by"):
            row[column] = orjson.loads(row[column])
        row["voided"] = bool(row["voided"])
    return rows
