"""The panel's views against the event stream: random histories, crashes, rebuilds.

(a) views kept live, batch by batch, equal the same views rebuilt from scratch;
(b) the tracker at effective date D as known at time K equals a brute-force fold of
the domain model over exactly the events recorded by K.
"""

from __future__ import annotations

import contextlib
import json
import tempfile
import uuid
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ledger.application import Ledger, open_ledger
from ledger.errors import LedgerError
from projections.audit_trail import AuditTrail, recorded_at
from projections.tracker import LATEST
from projections.view import View
from projections.views import Views
from tests.conftest import PG_URL

START = date(2024, 1, 1)
RATINGS = ["red", "amber", "green", "blue"]
OWNERS = [["Anita Parkin"], ["Jan Parnell"], ["Peter Woods", "CLCH"]]
CLERK = {"actor": "Jo Clerk"}

day = st.integers(0, 400).map(lambda n: START + timedelta(days=n))
action = st.integers(0, 2)
operation = st.one_of(
    st.tuples(st.just("rate"), action, st.sampled_from(RATINGS), day),
    st.tuples(st.just("reassign"), action, st.integers(0, 2), day),
    st.tuples(st.just("retime"), action, st.sampled_from(["Q1", "Q2", "end of Q3"]), day),
    st.tuples(st.just("line"), action, day),
    st.tuples(st.just("note"), action, day),
    st.tuples(st.just("correct"), st.integers(0, 50), st.sampled_from(RATINGS)),
    st.tuples(st.just("void"), st.integers(0, 50)),
    st.tuples(st.just("move"), st.integers(0, 50), day),
    st.tuples(st.just("catch_up")),
)


@contextlib.contextmanager
def fresh_ledger(backend: str) -> Iterator[Ledger]:
    """A new ledger for one hypothesis example."""
    if backend == "sqlite":
        with tempfile.TemporaryDirectory() as folder:
            ledger = open_ledger(str(Path(folder) / "ledger.db"), create=True)
            yield ledger
            ledger.close()
        return
    import psycopg

    schema = f"p_{uuid.uuid4().hex[:12]}"
    ledger = open_ledger(f"{PG_URL}?schema={schema}", create=True)
    try:
        yield ledger
    finally:
        ledger.close()
        with psycopg.connect(PG_URL, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


def set_up(ledger: Ledger) -> None:
    ledger.register_board("seb", "SEND Executive Board", on=START, **CLERK)
    ledger.adopt_tracker("t", "Tracker", board="seb", on=START, **CLERK)
    for n in range(3):
        ledger.add_action(
            "t",
            str(n + 1),
            issue=f"Issue {n + 1}",
            kloe=[1],
            who=OWNERS[0],
            timescale="Q4",
            health="Health text",
            on=START,
            **CLERK,
        )


def apply(ledger: Ledger, views: Views, op: tuple, positions: list[int]) -> None:
    kind, *args = op
    ref = f"t#{args[0] + 1}" if kind in ("rate", "reassign", "retime", "line", "note") else ""
    try:
        if kind == "rate":
            done = ledger.rate_action(
                ref,
                args[1],
                evidence="Report" if args[1] == "blue" else "",
                on=args[2],
                reason="Board",
                **CLERK,
            )
        elif kind == "reassign":
            done = ledger.reassign_action(
                ref, OWNERS[args[1]], line=1, on=args[2], reason="Moved", **CLERK
            )
        elif kind == "retime":
            done = ledger.retime_action(ref, args[1], line=1, on=args[2], reason="Slipped", **CLERK)
        elif kind == "line":
            done = ledger.add_action_line(ref, la="Extra line", who=OWNERS[2], on=args[1], **CLERK)
        elif kind == "note":
            done = ledger.note_action(ref, "Progress", on=args[1], reason="Update", **CLERK)
        elif kind == "catch_up":
            views.catch_up()
            return
        elif positions:
            target = positions[args[0] % len(positions)]
            values = {"rating": args[1]} if kind == "correct" else {}
            done = ledger.correct(
                target,
                values,
                void=kind == "void",
                effective=args[1] if kind == "move" else None,
                reason="Minutes amended",
                **CLERK,
            )
        else:
            return
    except LedgerError:
        return
    positions.extend(done.positions)


def dump(views: Views) -> dict[str, list[dict]]:
    tables = [*views.trail.tables, *views.tracker.tables]
    return {
        t: sorted(
            views.trail.rows(f"SELECT * FROM {t}"), key=lambda r: json.dumps(r, sort_keys=True)
        )
        for t in tables
    }


def brute_force(ledger: Ledger, at: date, known: str) -> list[tuple]:
    """Replay the domain model over the events recorded by ``known``; read it at ``at``."""
    aggregates: dict = {}
    for n in ledger.recorder.select_notifications(start=None, limit=10**6):
        event = ledger.mapper.to_domain_event(n)
        if recorded_at(event) <= known:
            aggregates[event.originator_id] = event.mutate(aggregates.get(event.originator_id))
    found = []
    for agg in aggregates.values():
        if type(agg).__name__ == "Action" and agg.since <= at:
            rating = agg.rating(at)
            lines = [(ln.health, ln.la, list(ln.owners), ln.timescale) for ln in agg.lines(at)]
            found.append((agg.ref, rating.value if rating else None, lines))
    return sorted(found)


def from_view(views: Views, at: date, known: str) -> list[tuple]:
    return sorted(
        (
            a.ref,
            a.rating,
            [(ln["health"], ln["la"], ln.get("owners"), ln.get("timescale")) for ln in a.lines],
        )
        for a in views.tracker.state("t", at, known)
    )


def check_history(backend: str, ops: list[tuple], probe_day: date, probe_known: int) -> None:
    with fresh_ledger(backend) as ledger:
        set_up(ledger)
        views = Views(ledger)
        positions: list[int] = []
        for op in ops:
            apply(ledger, views, op, positions)
        views.catch_up()
        live = dump(views)
        views.rebuild()
        assert dump(views) == live
        stamps = [
            recorded_at(ledger.mapper.to_domain_event(n))
            for n in ledger.recorder.select_notifications(start=None, limit=10**6)
        ]
        known = [*stamps, LATEST][probe_known % (len(stamps) + 1)]
        assert from_view(views, probe_day, known) == brute_force(ledger, probe_day, known)


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(operation, max_size=30), day, st.integers(0, 10**6))
def test_views_equal_a_rebuild_and_a_brute_force_fold_on_sqlite(ops, probe_day, probe_known):
    check_history("sqlite", ops, probe_day, probe_known)


@pytest.mark.postgres
@settings(max_examples=15, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(operation, max_size=30), day, st.integers(0, 10**6))
def test_views_equal_a_rebuild_and_a_brute_force_fold_on_postgres(
    pg_required, ops, probe_day, probe_known
):
    check_history("postgres", ops, probe_day, probe_known)


def test_a_crash_inside_a_view_update_leaves_it_at_its_last_position(ledger, monkeypatch):
    set_up(ledger)
    views = Views(ledger)
    views.catch_up()
    settled = views.trail.position()
    ledger.rate_action("t#1", "red", on=START, reason="Board", **CLERK)
    ledger.rate_action("t#2", "amber", on=START, reason="Board", **CLERK)

    def power_cut(*args: object) -> None:
        raise RuntimeError("power cut")

    monkeypatch.setattr(AuditTrail, "on_RatingChanged", power_cut)
    with pytest.raises(RuntimeError, match="power cut"):
        views.catch_up()
    assert views.trail.position() == settled
    assert views.trail.rows("SELECT COUNT(*) AS n FROM gl_trail")[0]["n"] == settled
    monkeypatch.undo()
    views.catch_up()
    assert views.trail.position() == settled + 2
    caught = dump(views)
    views.rebuild()
    assert dump(views) == caught


def test_two_readers_catching_up_at_once_neither_fails_nor_applies_twice(ledger, monkeypatch):
    set_up(ledger)
    first, second = Views(ledger), Views(ledger)
    ledger.rate_action("t#1", "red", on=START, reason="Board", **CLERK)
    stale = first.trail.position()
    first.catch_up()
    real = View.position
    asked: dict[int, int] = {}

    def stale_once(self: View) -> int:
        """The second reader read its positions just before the first one committed."""
        asked[id(self)] = asked.get(id(self), 0) + 1
        return stale if asked[id(self)] <= 2 else real(self)

    monkeypatch.setattr(View, "position", stale_once)
    second.catch_up()  # both batches refused by the tracking guard; no error, no double rows
    monkeypatch.undo()
    trail = second.trail.rows("SELECT COUNT(*) AS n FROM gl_trail")[0]["n"]
    assert trail == second.trail.position() == ledger.recorder.max_notification_id()


def test_a_rebuild_cut_short_leaves_the_panel_its_indexes_at_the_next_open(ledger, monkeypatch):
    set_up(ledger)
    ledger.rate_action("t#1", "red", on=START, reason="Board", **CLERK)
    views = Views(ledger)
    views.catch_up()

    def power_cut(*args: object) -> None:
        raise RuntimeError("power cut")

    from projections.rebuild_trail import TrailRows

    monkeypatch.setattr(TrailRows, "write", power_cut)
    with pytest.raises(RuntimeError, match="power cut"):
        views.rebuild("audit_trail")
    monkeypatch.undo()
    assert indexes(views) >= set(AuditTrail.read_indexes)
    views.trail.drop_read_indexes()
    assert not indexes(views) & set(AuditTrail.read_indexes)
    reopened = Views(ledger)
    assert indexes(reopened) >= set(AuditTrail.read_indexes)
    reopened.catch_up()
    assert reopened.trail.position() == ledger.recorder.max_notification_id()


def indexes(views: Views) -> set[str]:
    if views.trail.view.dialect == "sqlite":
        found = views.trail.rows("SELECT name FROM sqlite_master WHERE type = 'index'")
        return {r["name"] for r in found}
    found = views.trail.rows(
        "SELECT indexname AS name FROM pg_indexes WHERE schemaname = ?",
        [views.trail.view.datastore.schema],
    )
    return {r["name"] for r in found}


def test_a_reader_catching_up_while_a_view_is_rebuilt_leaves_no_event_out(ledger, monkeypatch):
    """A reader reads the trail's position, then a rebuild empties the trail before the
    reader applies its batch: the batch must not stamp the empty trail past the events it
    lacks, or the rebuild would find it level and the panel would never see them."""
    set_up(ledger)
    reader, rebuilder = Views(ledger), Views(ledger)
    reader.catch_up()
    ledger.rate_action("t#1", "red", on=START, reason="Board", **CLERK)
    real = View.process_batch
    dropped = []

    def rebuilt_meanwhile(self: View, *args: object, **kwargs: object) -> None:
        if self.name == "audit_trail" and not dropped:
            rebuilder.trail.drop()
            dropped.append(True)
        real(self, *args, **kwargs)

    monkeypatch.setattr(View, "process_batch", rebuilt_meanwhile)
    reader.catch_up()
    monkeypatch.undo()

    head = ledger.recorder.max_notification_id()
    trail = reader.trail.rows("SELECT COUNT(*) AS n FROM gl_trail")[0]["n"]
    assert dropped and trail == reader.trail.position() == head
