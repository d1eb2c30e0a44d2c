"""The audit trail's rows for a rebuild (``projections.rebuild``), a batch at a time.

Made as ``projections.audit_trail.AuditTrail``'s handlers make them, from the events as
``projections.replay`` decodes them: the subjects the trail's rows need kept in memory, and
each correction folded into its target before the batch is written when the target is in
the batch, or read once (500 a query) and written once when an earlier batch wrote it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from copy import copy
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
SORTED = orjson.OPT_SORT_KEYS  # the same text where every key is text, a little sooner


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
        self.events: list[Sequence[Any]] = []
        self.corrections: list[Plain] = []
        self.targeted: set[int] = set()  # the positions this batch's corrections correct

    def add(self, events: Sequence[Any]) -> None:
        """A batch's events, their rows made as they are written (:meth:`rows`); its
        corrections, and the positions they correct, noted now."""
        self.events.append(events)
        for e in events:
            if e[1] == "EntryCorrected":
                e = Plain._make(e)
                self.corrections.append(e)
                self.targeted.add(e.said["position"])

    def rows(self, held: dict[int, list[Any]]) -> Iterator[tuple[Any, ...]]:
        """Each event's row, as ``AuditTrail.entry`` makes it, made as it is written, so that
        it is sent while it is fresh in memory and freed at once; a row a correction of the
        batch corrects is held in ``held`` instead, to be written once corrected. A loop
        written out, since it runs for every event of the log."""
        handled, subjects, targeted = self.handled, self.subjects, self.targeted
        kinds, letters, encode, options = ENTRY_KIND, ITEM_LETTER, orjson.dumps, OPTIONS
        for events in self.events:
            for e in events:
                position, name, _, uuid, said, on, at, actor, reason = e
                if name not in handled:
                    continue
                if name in SPECIAL:
                    if name == "EntryCorrected":
                        continue
                    self.created(Plain._make(e))
                subject = subjects.get(uuid)
                assert subject is not None, f"event {position} of an unknown subject"
                ref = subject[0]
                letter = letters.get(name)
                if letter:
                    number = said.get("number")
                    if number is not None:
                        ref = f"{ref}/{letter}{number}"
                try:  # text keys and JSON values, as nearly always: orjson's quicker way
                    fields = encode(said, option=SORTED).decode()
                except TypeError:  # the same bytes, as ``projections.view.dumps`` makes them
                    fields = encode(said, default=str, option=options).decode()
                row = (
                    position, uuid, ref, subject[1], subject[2], name,
                    kinds.get(name, "correction"), on, on, at, actor, reason, fields, fields, 0,
                    None, "[]",
                )  # fmt: skip
                if position in targeted:
                    held[position] = list(row)
                else:
                    yield row

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
        """This batch's rows, its corrections folded in (in the view's transaction): the
        rows no correction of the batch touches first, made as they are sent; then the
        corrected ones and the corrections' own. Run again, it writes the same."""
        self.new_subjects = []  # made again with the rows
        held: dict[int, list[Any]] = {}
        curs.executemany(sql(self.insert), self.rows(held))
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
            made, updates = self.correct(curs, sql, held)
        if held or made:
            curs.executemany(sql(self.insert), [*held.values(), *made])
        if updates:
            curs.executemany(
                sql(
                    "UPDATE gl_trail SET current=?, effective_on=?, voided=?, corrected_by=? "
                    "WHERE position=?"
                ),
                updates,
            )

    def correct(
        self, curs: Any, sql: Sql, held: dict[int, list[Any]]
    ) -> tuple[list[list[Any]], list[list[Any]]]:
        """Fold each correction into its target, as ``on_EntryCorrected`` does one at a time:
        a target of this batch (``held``, by position) in its row before it is written, one
        of an earlier batch read once and written once. Returns the corrections' own rows
        and the updates."""
        targets: dict[int, dict[str, Any]] = {}
        elsewhere = []
        for position in sorted(self.targeted):
            if position in held:
                targets[position] = target(held[position], position)
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
                row = held[found["at"]]
                row[13], row[7], row[14], row[16] = values
            else:
                updates.append([*values, position])
        return list(made.values()), updates

    def take(self) -> TrailRows:
        """This batch's rows, to write; the next batch is made afresh."""
        taken = copy(self)
        self.new_subjects, self.events, self.corrections, self.targeted = [], [], [], set()
        return taken
