"""A view rebuilt from the first event: its rows made from raw events, a batch at a time.

Event by event (``projections.view.catch_up``), each handler reads what it needs back from
the view's tables and a correction sends every held insert before it reads its target. A
rebuild from the first event knows all it needs: it reads the stored rows raw
(``projections.replay``), keeps in memory what the handlers would read back (each subject's
ref, tracker and board; each action's lines), and sends each batch's rows with one
``executemany`` per table. A batch's corrections are applied after its rows are in: their
targets read in one query per 500, their changes folded in memory, and each changed row
written once. Each batch is committed with the view's position, as on the event-by-event
path, so a rebuild cut short leaves a view that a catch-up carries on from.

The rows are those of ``projections.audit_trail.AuditTrail`` and ``projections.tracker.
TrackerView``, made by the same definitions (``ENTRY_KIND``, ``facts_of``, ``corrected``,
``item_ref``); tests/test_rebuild.py proves the tables equal to the event-by-event path's.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from copy import copy
from operator import itemgetter
from typing import Any

import orjson

from projections.audit_trail import ENTRY_KIND, AuditTrail
from projections.replay import Decoder, Plain, stored_rows
from projections.tracker import FOREVER, TrackerView, corrected, facts_of, natural_key
from projections.view import View, dumps
from projections.wording import ITEM_LETTER, item_ref

BATCH = 100_000
# the events the trail's handlers do more for than write the event's row
SPECIAL = frozenset(
    {"BoardRegistered", "TrackerAdopted", "MeetingScheduled", "ActionAdded", "EntryCorrected"}
)
LOOKUP = 500  # targets read per query
Sql = Callable[[str], str]
OPTIONS = orjson.OPT_SORT_KEYS | orjson.OPT_NON_STR_KEYS  # as ``projections.view.dumps``


def subject_of(event: Plain) -> str:
    """What the event's own class names as its subject (``MeetingScheduled.subject``)."""
    made = object.__new__(event.kind)
    object.__setattr__(made, "__dict__", dict(event.said))
    return str(made.subject)


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


TRACKER_KINDS = {
    "ActionAdded": "added",
    "ActionLineAdded": "line",
    "RatingChanged": "rating",
    "ActionReopened": "reopen",
    "OwnerReassigned": "reassign",
    "TimescaleRevised": "retime",
    "NoteAdded": "note",
    "FieldsRevised": "fields",
}
FACT_COLUMNS = (
    "entry", "attr", "rev", "action_id", "effective_on", "value", "voided", "known_from", "known_to"
)  # fmt: skip
EARLIER = -1  # a fact read from the table, written by an earlier batch
FACT_INSERT = (
    "INSERT INTO gl_facts (entry, attr, rev, action_id, effective_on, value, voided, "
    "known_from, known_to) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


class FactRows:
    """The tracker view's rows, as ``TrackerView``'s handlers make them."""

    def __init__(self) -> None:
        self.lines: dict[str, int] = {}  # each action's lines
        self.pending: dict[str, list[Any]] = {}  # this batch's new actions' rows, by id
        self.moved: set[str] = set()  # actions of earlier batches given a line
        self.trackers: list[tuple[str, str, str]] = []
        self.facts: list[list[Any]] = []
        self.corrections: list[Plain] = []

    def add(self, events: Sequence[Plain]) -> None:
        """Each event's facts, as ``TrackerView``'s handlers assert them (a loop written out,
        since it runs for every event of the log)."""
        append, kinds, encode, options = self.facts.append, TRACKER_KINDS, orjson.dumps, OPTIONS
        lines = self.lines
        for e in events:
            position, name, _, uuid, said, on, at, _, _ = e
            kind = kinds.get(name)
            if kind is None:
                if name == "TrackerAdopted":
                    self.trackers.append((said["tracker"], said["board"], said["title"]))
                elif name == "EntryCorrected":
                    self.corrections.append(e)
                continue
            if kind in ("rating", "reopen", "note", "fields"):
                line = 0
            elif kind in ("reassign", "retime"):
                line = said["line"]
            elif kind == "added":
                line = lines[uuid] = 1
                number = said["number"]
                self.pending[uuid] = [
                    uuid, said["tracker"], subject_of(e), number, natural_key(number), position, 1,
                ]  # fmt: skip
            else:
                assert uuid in lines
                line = lines[uuid] = lines[uuid] + 1
                if uuid in self.pending:
                    self.pending[uuid][6] = line
                else:
                    self.moved.add(uuid)
            for attr, value in facts_of(kind, said, line).items():
                value = encode(value, default=str, option=options).decode()
                append((position, attr, 1, uuid, on, value, 0, at, FOREVER))

    def write(self, curs: Any, sql: Sql) -> None:
        if self.trackers:
            curs.executemany(
                sql("INSERT INTO gl_trackers (ref, board, title) VALUES (?, ?, ?)"), self.trackers
            )
        if self.pending:
            curs.executemany(
                sql(
                    "INSERT INTO gl_actions (id, tracker, ref, number, sort_key, added_at, lines) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)"
                ),
                list(self.pending.values()),
            )
        if self.moved:
            curs.executemany(
                sql("UPDATE gl_actions SET lines=? WHERE id=?"),
                [(self.lines[i], i) for i in sorted(self.moved)],
            )  # ``lines`` as taken with this batch
        closed: list[tuple[Any, ...]] = []
        opened: list[list[Any]] = []
        if self.corrections:
            closed, opened = self.correct(curs, sql)
        if self.facts or opened:
            curs.executemany(sql(FACT_INSERT), [*self.facts, *opened])
        if closed:
            curs.executemany(
                sql("UPDATE gl_facts SET known_to=? WHERE entry=? AND attr=? AND rev=?"), closed
            )

    def correct(self, curs: Any, sql: Sql) -> tuple[list[tuple[Any, ...]], list[list[Any]]]:
        """Close each current fact a correction changes and open its next version, as
        ``on_EntryCorrected`` does one at a time: a fact of this batch closed before it is
        written, one of an earlier batch read once and closed by one UPDATE. Returns those
        UPDATEs and the facts opened."""
        facts = self.facts
        current: dict[int, list[list[Any]]] = {}
        elsewhere = []
        for entry in sorted({e.said["position"] for e in self.corrections}):
            start = bisect_left(facts, entry, key=itemgetter(0))
            stop = bisect_right(facts, entry, lo=start, key=itemgetter(0))
            if start == stop:
                elsewhere.append(entry)
            for at in range(start, stop):
                fact = list(facts[at])
                fact[5] = orjson.loads(fact[5])
                current.setdefault(entry, []).append([*fact, at])
        for row in looked_up(
            curs,
            sql,
            "SELECT entry, attr, rev, action_id, effective_on, value, voided, known_from, "
            f"known_to FROM gl_facts WHERE known_to='{FOREVER}' AND entry IN",
            elsewhere,
        ):
            fact = [row[k] for k in FACT_COLUMNS]
            fact[5] = orjson.loads(fact[5])
            current.setdefault(row["entry"], []).append([*fact, EARLIER])
        closed, opened = [], []
        for e in self.corrections:
            said = e.said
            known = e.at
            changes = orjson.loads(dumps(said["values"]))
            effective = day(said["effective"]) if said["effective"] else None
            following = []
            for fact in current.get(said["position"], ()):
                fact[8] = known
                if fact[9] == EARLIER:
                    closed.append((known, fact[0], fact[1], fact[2]))
                elif fact[9] is not None:
                    facts[fact[9]] = (*facts[fact[9]][:8], known)
                following.append(
                    [
                        fact[0],
                        fact[1],
                        fact[2] + 1,
                        fact[3],
                        effective or fact[4],
                        corrected(fact[1], fact[5], changes),
                        int(bool(fact[6]) or said["void"]),
                        known,
                        FOREVER,
                        None,  # opened now: written with the batch
                    ]
                )
            if following:
                current[said["position"]] = following
                opened += following
        return closed, [[*f[:5], dumps(f[5]), *f[6:9]] for f in opened]

    def take(self) -> FactRows:
        """This batch's rows, to write; the next batch is made afresh."""
        taken = copy(self)
        taken.lines = {i: self.lines[i] for i in self.moved}  # as they stand at this batch
        self.pending, self.moved, self.trackers, self.facts, self.corrections = (
            {},
            set(),
            [],
            [],
            [],
        )
        return taken


BUILDERS: dict[str, type[TrailRows] | type[FactRows]] = {
    AuditTrail.name: TrailRows,
    TrackerView.name: FactRows,
}


def rebuild(
    ledger: Any,
    views: Sequence[View],
    progress: Callable[[int, int], None] | None = None,
    damaged: dict[int, str] | None = None,
) -> tuple[int, bool]:
    """Empty ``views`` and replay them from the first event; returns how many events were
    read, and whether every view was carried to the head of the log. A view another reader
    moved meanwhile stops the replay: the caller catches it up."""
    import gc

    paused = gc.isenabled()
    gc.disable()  # a batch holds many objects, none in a cycle: counting references frees them
    try:
        return replayed(ledger, views, progress, damaged if damaged is not None else {})
    finally:
        if paused:
            gc.enable()


def replayed(
    ledger: Any,
    views: Sequence[View],
    progress: Callable[[int, int], None] | None,
    damaged: dict[int, str],
) -> tuple[int, bool]:
    """The views emptied in the first batch's transaction and their read indexes built in
    the last one's, so that a log of one batch is rebuilt in one transaction."""
    from projections.view import Writer

    def opening(curs: Any) -> None:
        for view in views:
            view.empty(curs)

    def closing(curs: Any) -> None:
        for view in views:
            view.create_missing_indexes(Writer(view.view, curs))

    builders = [(view, BUILDERS[view.name]()) for view in views]
    decoder = Decoder(ledger)
    head = ledger.recorder.max_notification_id() or 0
    last = done = 0
    while last < head:
        left = head - last  # a little more than a batch is taken whole
        rows = stored_rows(ledger, last, head, BATCH if left > BATCH * 5 // 4 else left)
        if not rows:
            break
        events = decoder.events(rows, damaged)
        upto = rows[-1][0]
        for _, builder in builders:
            builder.add(events)
        taken = [(view, builder.take()) for view, builder in builders]
        if not written(
            taken, last, upto, opening if not last else None, closing if upto >= head else None
        ):
            return done, False
        last = upto
        done += len(rows)
        if progress:
            progress(done, head)
    if not last:  # nothing to replay
        with views[0].writing(also=views[1:]) as curs:
            opening(curs)
    return done, True


def written(
    builders: Sequence[tuple[View, TrailRows | FactRows]],
    after: int,
    upto: int,
    opening: Callable[[Any], None] | None = None,
    closing: Callable[[Any], None] | None = None,
) -> bool:
    """One batch of every view with their positions, in one transaction (``opening`` and
    ``closing`` run in it first and last), tried again while busy; False when a view no
    longer stands where this replay left it."""
    from eventsourcing.persistence import Tracking

    from ledger.contention import queued

    views = [view for view, _ in builders]

    def attempt() -> bool:
        with views[0].writing(also=views[1:]) as curs:
            if opening is not None:
                opening(curs)
            found = [view.view._max_tracking_id(view.key, curs) or 0 for view in views]
            if any(at != after for at in found):
                return all(at == upto for at in found)  # our commit landed; else moved
            for view, builder in builders:
                builder.write(curs, view.view.sql)
                view.view._insert_tracking(curs, Tracking(view.key, upto))
            if closing is not None:
                closing(curs)
            return True

    names = " and ".join(view.name for view in views)
    return queued(attempt, undone=f"the {names} views could not be rebuilt")
