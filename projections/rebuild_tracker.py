"""The tracker view's rows for a rebuild (``projections.rebuild``), a batch at a time.

Made as ``projections.tracker.TrackerView``'s handlers make them: each action's lines kept
in memory, each correction closing the facts it changes and opening their next versions,
in the batch's rows when they are in the batch, else read once and closed by one UPDATE.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from copy import copy
from operator import itemgetter
from typing import Any

import orjson

from projections.rebuild_trail import OPTIONS, SORTED, Sql, day, looked_up
from projections.replay import Plain, subject_of
from projections.tracker import FOREVER, corrected, facts_of, natural_key
from projections.view import dumps

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
        self.ratings: dict[tuple[Any, Any], str] = {}  # a rating fact's value, as encoded

    def rating(self, rated: tuple[Any, Any], keep: bool = True) -> str:
        """The rating fact's value (as ``facts_of`` makes it) of a rating and its evidence,
        kept for the next of the same text."""
        value = facts_of("rating", {"rating": rated[0], "evidence": rated[1]}, 0)["rating"]
        found = orjson.dumps(value, default=str, option=OPTIONS).decode()
        if keep:
            self.ratings[rated] = found
        return found

    def add(self, events: Sequence[Plain]) -> None:
        """Each event's facts, as ``TrackerView``'s handlers assert them (a loop written out,
        since it runs for every event of the log)."""
        append, kinds, encode, options = self.facts.append, TRACKER_KINDS, orjson.dumps, OPTIONS
        lines, ratings = self.lines, self.ratings
        for e in events:
            position, name, _, uuid, said, on, at, _, _ = e
            kind = kinds.get(name)
            if kind == "rating":  # the commonest event: one fact, of few distinct values
                rated = said["rating"], said.get("evidence", "")
                if type(rated[0]) is str and type(rated[1]) is str:  # text alone, as a key
                    value = ratings.get(rated) or self.rating(rated)
                else:
                    value = self.rating(rated, keep=False)
                append((position, "rating", 1, uuid, on, value, 0, at, FOREVER))
                continue
            if kind is None:
                if name == "TrackerAdopted":
                    self.trackers.append((said["tracker"], said["board"], said["title"]))
                elif name == "EntryCorrected":
                    self.corrections.append(Plain._make(e))
                continue
            if kind in ("rating", "reopen", "note", "fields"):
                line = 0
            elif kind in ("reassign", "retime"):
                line = said["line"]
            elif kind == "added":
                line = lines[uuid] = 1
                number = said["number"]
                ref = subject_of(Plain._make(e))
                self.pending[uuid] = [
                    uuid, said["tracker"], ref, number, natural_key(number), position, 1,
                ]  # fmt: skip
            else:
                assert uuid in lines
                line = lines[uuid] = lines[uuid] + 1
                if uuid in self.pending:
                    self.pending[uuid][6] = line
                else:
                    self.moved.add(uuid)
            for attr, value in facts_of(kind, said, line).items():
                try:  # text keys and JSON values, as nearly always: orjson's quicker way
                    value = encode(value, option=SORTED).decode()
                except TypeError:  # the same bytes, as ``projections.view.dumps`` makes them
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
