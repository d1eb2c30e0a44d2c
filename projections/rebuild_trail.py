"""The audit trail's rows for a rebuild (``projections.rebuild``), a batch at a time.

Made as ``projections.audit_trail.AuditTrail``'s handlers make them, from the events as
``projections.replay`` decodes them: the subjects the trail's rows need kept in memory, and
each correction folded into its target before the batch is written when the target is in
the batch, or read once (500 a query) and written once when an earlier batch wrote it.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from copy import copy
from operator import itemgetter
from typing import Any

import orjson

from projections.audit_trail import ENTRY_KIND, AuditTrail
from projections.replay import Plain, subject_of
from projections.view import dumps
from projections.wording import ITEM_LETTER, item_ref

# the events the trail's handlers do more for than write the event's row
SPECIAL = frozenset(
    {"BoardRegistered", "TrackerAdopted", "MeetingScheduled", "ActionAdded", "EntryCorrected"}
)
LOOKUP = 500  # targets read per query
Sql = Callable[[str], str]
OPTIONS = orjson.OPT_SORT_KEYS | orjson.OPT_NON_STR_KEYS  # as ``projections.view.dumps``


def day(value: Any) -> str:
    return value.isoformat()  # type: ignore[no-any-return]


def looked_up(curs: Any, sql: Sql, statement: str, keys: Sequence[Any]) -> list[dict[str, Any]]:
    """``statement`` (ending ``IN``) for each 500 of ``keys``: the rows found, as dicts."""
    found = []
    for start in range(0, len(keys), LOOKUP):
        chunk = list(keys[start : start + LOOKUP])
        curs.execute(sql(f"{statement} ({', '.join('?' * len(chunk))})"), chunk)
        found += [dict(row) for row in curs.fetchall()]
    return found


def target(row: Sequence[Any], at: int | None) -> dict[str, Any]:
    """What a correction changes of a trail row (``at``: where it is in the batch's rows)."""
    return {
        "ref": row[2],
        "current": orjson.loads(row[13]),
        "effective_on": row[7],
        "voided": row[14],
        "corrected_by": orjson.loads(row[16]),
        "at": at,
    }


class TrailRows:
    """The audit trail's rows, as ``AuditTrail``'s handlers make them."""

    handled = frozenset(n[3:] for n in dir(AuditTrail) if n.startswith("on_")) - {"change"}
    insert = (
        "INSERT INTO gl_trail (position, subject_id, ref, tracker, board, event, kind, "
        "effective_on, recorded_on, recorded_at, actor, reason, recorded, current, voided, "
        "corrects, corrected_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    )

    def __init__(self) -> None:
        self.subjects: dict[str, tuple[str, str | None, str | None]] = {}
        self.boards: dict[str, str | None] = {}  # a tracker's ref -> its board
        self.new_subjects: list[tuple[str, str, str, str | None, str | None]] = []
        self.rows: list[tuple[Any, ...]] = []
        self.corrections: list[Plain] = []

    def add(self, events: Sequence[Plain]) -> None:
        """Each event's row, as ``AuditTrail.entry`` makes it; a loop written out, since it
        runs for every event of the log."""
        handled, subjects, append = self.handled, self.subjects, self.rows.append
        kinds, letters, encode, options = ENTRY_KIND, ITEM_LETTER, orjson.dumps, OPTIONS
        for e in events:
            position, name, _, uuid, said, on, at, actor, reason = e
            if name not in handled:
                continue
            if name in SPECIAL:
                e = Plain._make(e)
                if name == "EntryCorrected":
                    self.corrections.append(e)
                    continue
                self.created(e)
            subject = subjects.get(uuid)
            assert subject is not None, f"event {position} of an unknown subject"
            ref = subject[0]
            letter = letters.get(name)
            if letter:
                number = said.get("number")
                if number is not None:
                    ref = f"{ref}/{letter}{number}"
            fields = encode(said, default=str, option=options).decode()
            kind = kinds.get(name, "correction")
            append(
                (
                    position, uuid, ref, subject[1], subject[2], name, kind, on, on, at, actor,
                    reason, fields, fields, 0, None, "[]",
                )
            )  # fmt: skip

    def created(self, e: Plain) -> None:
        """The subject an event starts: a board, a tracker, a meeting or an action."""
        said = e.said
        if e.name == "BoardRegistered":
            self.subject(e, "board", said["board"], None, said["board"])
        elif e.name == "TrackerAdopted":
            self.subject(e, "tracker", said["tracker"], said["tracker"], said["board"])
            self.boards.setdefault(said["tracker"], said["board"])
        elif e.name == "MeetingScheduled":
            self.subject(e, "meeting", subject_of(e), None, said["board"])
        elif e.name == "ActionAdded":
            board = self.boards.get(said["tracker"])
            self.subject(e, "action", subject_of(e), said["tracker"], board)

    def subject(
        self, e: Plain, kind: str, ref: str, tracker: str | None, board: str | None
    ) -> None:
        self.subjects[e.id] = (ref, tracker, board)
        self.new_subjects.append((e.id, kind, ref, tracker, board))

    def entry(self, e: Plain, name: str, ref: str = "", corrects: int | None = None) -> list[Any]:
        subject = self.subjects.get(e.id)
        assert subject is not None, f"event {e.position} of an unknown subject"
        fields = orjson.dumps(e.said, default=str, option=OPTIONS).decode()
        on = e.on
        return [
            e.position,
            e.id,
            ref or item_ref(subject[0], name, e.said.get("number")),
            subject[1],
            subject[2],
            name,
            ENTRY_KIND.get(name, "correction"),
            on,
            on,
            e.at,
            e.actor,
            e.reason,
            fields,
            fields,
            0,
            corrects,
            "[]",
        ]

    def write(self, curs: Any, sql: Sql) -> None:
        """This batch's rows, its corrections folded in first (in the view's transaction)."""
        if self.new_subjects:
            curs.executemany(
                sql(
                    "INSERT INTO gl_subjects (id, kind, ref, tracker, board) VALUES (?, ?, ?, ?, ?)"
                ),
                self.new_subjects,
            )
        made: list[list[Any]] = []
        updates: list[list[Any]] = []
        if self.corrections:
            made, updates = self.correct(curs, sql)
        if self.rows or made:
            curs.executemany(sql(self.insert), [*self.rows, *made])
        if updates:
            curs.executemany(
                sql(
                    "UPDATE gl_trail SET current=?, effective_on=?, voided=?, corrected_by=? "
                    "WHERE position=?"
                ),
                updates,
            )

    def correct(self, curs: Any, sql: Sql) -> tuple[list[list[Any]], list[list[Any]]]:
        """Fold each correction into its target, as ``on_EntryCorrected`` does one at a time:
        a target of this batch in its row before it is written, one of an earlier batch
        read once and written once. Returns the corrections' own rows and the updates."""
        rows = self.rows
        targets: dict[int, dict[str, Any]] = {}
        elsewhere = []
        for position in sorted({e.said["position"] for e in self.corrections}):
            at = bisect_left(rows, position, key=itemgetter(0))
            if at < len(rows) and rows[at][0] == position:
                targets[position] = target(rows[at], at)
            else:
                elsewhere.append(position)
        for row in looked_up(
            curs,
            sql,
            "SELECT position, ref, current, effective_on, voided, corrected_by FROM gl_trail "
            "WHERE position IN",
            elsewhere,
        ):
            targets[row["position"]] = target(
                (row["position"], None, row["ref"], *[None] * 4, row["effective_on"],
                 *[None] * 5, row["current"], row["voided"], None, row["corrected_by"]),
                None,
            )  # fmt: skip
        changed: set[int] = set()
        made: dict[int, list[Any]] = {}  # the corrections' own rows, by position
        for e in self.corrections:
            said = e.said
            found = targets.get(said["position"])
            assert found is not None, (
                f"correction {e.position} of unknown position {said['position']}"
            )
            found["current"].update(orjson.loads(dumps(said["values"])))
            if said["effective"]:
                found["effective_on"] = day(said["effective"])
            found["voided"] = int(bool(found["voided"]) or said["void"])
            found["corrected_by"].append(e.position)
            changed.add(said["position"])
            row = self.entry(e, e.name, ref=found["ref"], corrects=said["position"])
            made[e.position] = row
            targets[e.position] = target(row, None)
        updates = []
        for position in sorted(changed):
            found = targets[position]
            values = [
                dumps(found["current"]),
                found["effective_on"],
                found["voided"],
                dumps(found["corrected_by"]),
            ]
            if position in made:  # a correction corrected in the same batch
                row = made[position]
                row[13], row[7], row[14], row[16] = values
            elif found["at"] is not None:
                row = list(rows[found["at"]])
                row[13], row[7], row[14], row[16] = values
                rows[found["at"]] = tuple(row)
            else:
                updates.append([*values, position])
        return list(made.values()), updates

    def take(self) -> TrailRows:
        """This batch's rows, to write; the next batch is made afresh."""
        taken = copy(self)
        self.new_subjects, self.rows, self.corrections = [], [], []
        return taken
