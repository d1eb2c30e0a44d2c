"""The tracker as it stood: every action's attributes on both axes of time.

Each fact (an action's details, a line's text, its owners, its timescale, the rating)
is kept as versions: ``effective_on`` is when it took effect in the world, and
``known_from``/``known_to`` bound when the ledger held that version (a correction
closes one version and opens the next). "The tracker at D as known at K" is then one
indexed query over a tracker's facts, whatever the size of the ledger.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import orjson

from projections.audit_trail import recorded_at
from projections.view import View, Writer, dumps

FOREVER = "9999-12-31T23:59:59.999999Z"
LATEST = "9999-12-30T00:00:00.000000Z"
FAMILIES = {
    "details": ("issue", "theme", "kloe", "action"),
    "line": ("health", "la"),
    "owners": ("owners",),
    "timescale": ("timescale",),
    "rating": ("rating", "evidence"),
    "update": ("update",),
    "fields": ("fields",),
}
DIGITS = re.compile(r"\d+")


def facts_of(kind: str, values: dict[str, Any], line: int) -> dict[str, Any]:
    """The facts an entry asserts, by attribute name (``owners.2`` is line 2's owners)."""
    if kind in ("added", "line"):
        found = {
            f"line.{line}": {"health": values["health"], "la": values["la"]},
            f"owners.{line}": values["owners"],
            f"timescale.{line}": values["timescale"],
        }
        if kind == "added":
            found["details"] = {k: values[k] for k in FAMILIES["details"]}
            found["update"] = {"update": values["update"]}
            found["fields"] = {"fields": values["fields"]}
        return found
    if kind in ("rating", "reopen"):
        return {"rating": {"rating": values["rating"], "evidence": values.get("evidence", "")}}
    if kind == "reassign":
        return {f"owners.{values['line']}": values["owners"]}
    if kind == "retime":
        return {f"timescale.{values['line']}": values["timescale"]}
    if kind == "note":
        return {"update": {"update": values["text"]}}
    if kind == "fields":
        return {"fields": {"fields": values["fields"]}}
    return {}


def corrected(attr: str, value: Any, changes: dict[str, Any]) -> Any:
    if attr == "update" and "text" in changes:  # a note's text is the action's update
        changes = {"update": changes["text"]}
    family = FAMILIES[attr.partition(".")[0]]
    if isinstance(value, dict):
        return {**value, **{k: v for k, v in changes.items() if k in family}}
    return changes.get(family[0], value)


@dataclass
class ActionState:
    """One action as it stood: what the tracker table shows for it."""

    ref: str
    number: str
    details: dict[str, Any]
    lines: list[dict[str, Any]] = field(default_factory=list)
    rating: str | None = None
    evidence: str = ""
    rated_on: str | None = None
    rated_by: int | None = None  # the position of the event behind the rating
    update: str = ""
    fields: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Rated:
    """One rating in an action's history: when it took effect, what, and its event."""

    on: date
    rating: str | None
    entry: int


def natural_key(number: str) -> str:
    """An item ID that sorts as people read it: 2 before 10, 4 before 4a before 5, A2 before
    A10, 1.2 before 1.10 (each run of digits padded to the same width)."""
    return DIGITS.sub(lambda m: m.group().zfill(20), number)


class TrackerView(View):
    """Trackers, their actions, and the versioned facts behind every cell of the table."""

    name = "tracker"
    tables = ("gl_facts", "gl_actions", "gl_trackers")
    read_indexes = ("gl_facts_action", "gl_facts_latest")
    ddl = (
        "CREATE TABLE IF NOT EXISTS gl_trackers (ref TEXT PRIMARY KEY, board TEXT NOT NULL, "
        "title TEXT NOT NULL)",
        "CREATE INDEX IF NOT EXISTS gl_trackers_board ON gl_trackers (board)",
        "CREATE TABLE IF NOT EXISTS gl_actions (id TEXT PRIMARY KEY, tracker TEXT NOT NULL, "
        "ref TEXT NOT NULL, number TEXT NOT NULL, sort_key TEXT NOT NULL, "
        "added_at INTEGER NOT NULL, lines INTEGER NOT NULL)",
        "CREATE INDEX IF NOT EXISTS gl_actions_tracker ON gl_actions (tracker)",
        "CREATE TABLE IF NOT EXISTS gl_facts (entry INTEGER NOT NULL, attr TEXT NOT NULL, "
        "rev INTEGER NOT NULL, action_id TEXT NOT NULL, effective_on TEXT NOT NULL, "
        "value TEXT NOT NULL, voided INTEGER NOT NULL, known_from TEXT NOT NULL, "
        "known_to TEXT NOT NULL, PRIMARY KEY (entry, attr, rev))",
        "CREATE INDEX IF NOT EXISTS gl_facts_action ON gl_facts (action_id, known_from)",
        "CREATE INDEX IF NOT EXISTS gl_facts_latest ON gl_facts "
        "(action_id, attr, effective_on, entry)",
    )

    # -- applying events -----------------------------------------------------------

    def on_TrackerAdopted(self, w: Writer, e: Any, position: int) -> None:
        w.run(
            "INSERT INTO gl_trackers (ref, board, title) VALUES (?, ?, ?)",
            e.tracker,
            e.board,
            e.title,
        )

    def on_ActionAdded(self, w: Writer, e: Any, position: int) -> None:
        w.run(
            "INSERT INTO gl_actions (id, tracker, ref, number, sort_key, added_at, lines) "
            "VALUES (?, ?, ?, ?, ?, ?, 1)",
            str(e.originator_id),
            e.tracker,
            e.subject,
            e.number,
            natural_key(e.number),
            position,
        )
        self.assert_facts(w, e, position, "added", vars(e), line=1)

    def on_ActionLineAdded(self, w: Writer, e: Any, position: int) -> None:
        action = w.one("SELECT lines FROM gl_actions WHERE id=?", str(e.originator_id))
        assert action is not None
        line = action["lines"] + 1
        w.run("UPDATE gl_actions SET lines=? WHERE id=?", line, str(e.originator_id))
        self.assert_facts(w, e, position, "line", vars(e), line=line)

    def on_RatingChanged(self, w: Writer, e: Any, position: int) -> None:
        self.assert_facts(w, e, position, "rating", vars(e), line=0)

    def on_ActionReopened(self, w: Writer, e: Any, position: int) -> None:
        self.assert_facts(w, e, position, "reopen", vars(e), line=0)

    def on_OwnerReassigned(self, w: Writer, e: Any, position: int) -> None:
        self.assert_facts(w, e, position, "reassign", vars(e), line=e.line)

    def on_TimescaleRevised(self, w: Writer, e: Any, position: int) -> None:
        self.assert_facts(w, e, position, "retime", vars(e), line=e.line)

    def on_NoteAdded(self, w: Writer, e: Any, position: int) -> None:
        self.assert_facts(w, e, position, "note", vars(e), line=0)

    def on_FieldsRevised(self, w: Writer, e: Any, position: int) -> None:
        self.assert_facts(w, e, position, "fields", vars(e), line=0)

    def on_EntryCorrected(self, w: Writer, e: Any, position: int) -> None:
        """Close the current version of each fact the corrected entry asserted; open the next."""
        known = recorded_at(e)
        changes = orjson.loads(dumps(e.values))
        for fact in w.all(
            "SELECT * FROM gl_facts WHERE entry=? AND known_to=?", e.position, FOREVER
        ):
            value = corrected(fact["attr"], orjson.loads(fact["value"]), changes)
            effective = e.effective.isoformat() if e.effective else fact["effective_on"]
            voided = int(bool(fact["voided"]) or e.void)
            w.run(
                "UPDATE gl_facts SET known_to=? WHERE entry=? AND attr=? AND rev=?",
                known,
                fact["entry"],
                fact["attr"],
                fact["rev"],
            )
            w.run(
                "INSERT INTO gl_facts (entry, attr, rev, action_id, effective_on, value, "
                "voided, known_from, known_to) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                fact["entry"],
                fact["attr"],
                fact["rev"] + 1,
                fact["action_id"],
                effective,
                dumps(value),
                voided,
                known,
                FOREVER,
            )

    def assert_facts(
        self, w: Writer, e: Any, position: int, kind: str, values: dict[str, Any], line: int
    ) -> None:
        for attr, value in facts_of(kind, values, line).items():
            w.run(
                "INSERT INTO gl_facts (entry, attr, rev, action_id, effective_on, value, "
                "voided, known_from, known_to) VALUES (?, ?, 1, ?, ?, ?, 0, ?, ?)",
                position,
                attr,
                str(e.originator_id),
                e.on.isoformat(),
                dumps(value),
                recorded_at(e),
                FOREVER,
            )

    # -- reading ---------------------------------------------------------------------

    def trackers(self, board: str | None = None) -> list[dict[str, Any]]:
        if board is None:
            return self.rows("SELECT * FROM gl_trackers ORDER BY ref")
        return self.rows("SELECT * FROM gl_trackers WHERE board=? ORDER BY ref", [board])

    def state(self, tracker: str, at: date, known: str = LATEST) -> list[ActionState]:
        """Every action of ``tracker`` as in effect on ``at``, as recorded by ``known``."""
        statement = NEWEST_FACTS[self.dialect]
        facts = self.rows(statement, [tracker, at.isoformat(), known, known])
        return fold({(fact["ref"], fact["attr"]): fact for fact in facts})

    def ratings(self, tracker: str, at: date, known: str = LATEST) -> dict[str, list[Rated]]:
        """Each action's ratings in effect by ``at`` as recorded by ``known``, oldest first
        (corrections applied, voided ones left out): how long an action has been red."""
        found: dict[str, list[Rated]] = {}
        for fact in self.rows(
            "SELECT a.ref, f.entry, f.effective_on, f.value FROM gl_actions a "
            "JOIN gl_facts f ON f.action_id = a.id WHERE a.tracker=? AND f.attr='rating' "
            "AND f.effective_on<=? AND f.known_from<=? AND f.known_to>? AND f.voided=0 "
            "ORDER BY f.effective_on, f.entry",
            [tracker, at.isoformat(), known, known],
        ):
            rating = orjson.loads(fact["value"])["rating"]
            found.setdefault(fact["ref"], []).append(
                Rated(date.fromisoformat(fact["effective_on"]), rating, fact["entry"])
            )
        return found


# For each (action, attribute) of the tracker, one index seek (gl_facts_latest) for the
# newest fact in effect by the date and known by the time, rather than a scan of them all:
# a correlated subquery on SQLite, which has no LATERAL; LATERAL joins on PostgreSQL, whose
# planner otherwise scans all facts (for the pairs, and per pair for the subquery).
PAIRS = (
    "WITH k AS (SELECT DISTINCT f.action_id, f.attr, a.ref, a.number, a.sort_key, "
    "a.added_at FROM gl_actions a JOIN gl_facts f ON f.action_id = a.id WHERE a.tracker=?) "
)
PAIRS_LATERAL = (
    "WITH k AS (SELECT a.id AS action_id, p.attr, a.ref, a.number, a.sort_key, a.added_at "
    "FROM gl_actions a CROSS JOIN LATERAL (SELECT DISTINCT f.attr FROM gl_facts f "
    "WHERE f.action_id = a.id) p WHERE a.tracker=?) "
)
SELECTED = (
    "SELECT k.ref, k.number, k.sort_key, k.added_at, k.attr, f.entry, f.effective_on, f.value "
)
NEWEST = (
    "FROM gl_facts g WHERE g.action_id = k.action_id AND g.attr = k.attr "
    "AND g.effective_on<=? AND g.known_from<=? AND g.known_to>? AND g.voided=0 "
    "ORDER BY g.effective_on DESC, g.entry DESC LIMIT 1"
)
NEWEST_FACTS = {
    "sqlite": PAIRS + SELECTED + "FROM k JOIN gl_facts f ON (f.entry, f.attr, f.rev) = "
    f"(SELECT g.entry, g.attr, g.rev {NEWEST})",
    "postgres": PAIRS_LATERAL
    + SELECTED
    + f"FROM k CROSS JOIN LATERAL (SELECT g.entry, g.effective_on, g.value {NEWEST}) f",
}


def fold(latest: dict[tuple[str, str], dict[str, Any]]) -> list[ActionState]:
    """Assemble each action's row from the facts in effect."""
    actions: dict[str, ActionState] = {}
    order: dict[str, tuple[str, int]] = {}
    for (ref, attr), fact in latest.items():
        if attr == "details":
            actions[ref] = ActionState(ref, fact["number"], orjson.loads(fact["value"]))
            order[ref] = (fact["sort_key"], fact["added_at"])
    lines: dict[str, dict[int, dict[str, Any]]] = {ref: {} for ref in actions}
    for (ref, attr), fact in latest.items():
        family, _, number = attr.partition(".")
        if ref in actions and family == "line":
            lines[ref][int(number)] = {"line": int(number), **orjson.loads(fact["value"])}
    for (ref, attr), fact in latest.items():
        action = actions.get(ref)
        family, _, number = attr.partition(".")
        if action is None or family in ("details", "line"):
            continue
        value = orjson.loads(fact["value"])
        if family == "rating":
            action.rating, action.evidence = value["rating"], value["evidence"]
            action.rated_on, action.rated_by = fact["effective_on"], fact["entry"]
        elif family == "update":
            action.update = value["update"]
        elif family == "fields":
            action.fields = value["fields"]
        elif int(number) in lines[ref]:
            lines[ref][int(number)][family] = value
    for ref, action in actions.items():
        action.lines = [lines[ref][n] for n in sorted(lines[ref])]
    return sorted(actions.values(), key=lambda a: order[a.ref])
