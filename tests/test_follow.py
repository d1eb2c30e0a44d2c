"""`govledger projections follow` (issue 14): the views kept current while clerks record.

Follow runs as a real process beside the test, which records as a clerk's program does
through the ledger itself (so that nothing but the follower brings the views level), on a
real SQLite file and on PostgreSQL. Each story ends by rebuilding the views from the first
event and finding every row the follower wrote equal to the rebuilt ones: nothing applied
twice, nothing skipped.
"""

from __future__ import annotations

import random
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import PG_URL
from tests.ledger_processes import (
    govledger,
    ledger_with_trackers,
    level,
    positions,
    start,
    tracker_file,
    view_rows,
    wait_until,
)
from tests.test_organisation_roles import Organisation, one_line_refusal, recorded_plan, run

FOLLOW = ("projections", "follow", "--interval", "0.1")
WAIT = 90  # seconds a follower may take to bring the views level on a busy machine


def imported(ledger: object, tracker: str, path: Path, day: str) -> None:
    ledger.import_tracker(tracker, str(path), actor="Jo Clerk", on=day)  # type: ignore[attr-defined]


def test_follow_brings_the_views_level_as_a_clerk_records_and_they_equal_a_rebuild(
    db: str, tmp_path: Path
) -> None:
    ledger = ledger_with_trackers(db, 2)
    follow = start(db, *FOLLOW, folder=tmp_path)
    try:
        wait_until(lambda: level(db), WAIT, "the new ledger's views brought level")
        for n in range(3):
            imported(
                ledger, f"t{n % 2}", tracker_file(tmp_path / f"{n}.csv", 40, n), f"2019-06-1{n}"
            )
            wait_until(lambda: level(db), WAIT, f"import {n} followed")
        assert follow.process.poll() is None, follow.output
    finally:
        code = follow.terminate()
        ledger.close()
    _, head = positions(db)
    assert code == 0, follow.output
    assert follow.out.read_text().splitlines()[-1] == (
        f"Stopped at position {head}; the views are level with the log."
    )
    assert view_rows(db) == view_rows(db, rebuilt=True)


def test_the_panel_reads_while_follow_runs_and_never_depends_on_it(db: str, tmp_path: Path) -> None:
    ledger = ledger_with_trackers(db, 1)
    imported(ledger, "t0", tracker_file(tmp_path / "first.csv", 200, 0), "2019-06-02")
    follow = start(db, *FOLLOW, folder=tmp_path)
    try:
        for n in range(1, 4):
            readers = [start(db, "tracker", "show", "t0", folder=tmp_path) for _ in range(2)]
            imported(ledger, "t0", tracker_file(tmp_path / f"{n}.csv", 200, n), f"2019-06-0{n + 2}")
            for reader in readers:
                assert reader.process.wait(timeout=WAIT) == 0, reader.output
                assert reader.out.read_text().count("SEND Service") == 200  # every action
        wait_until(lambda: level(db), WAIT, "the last import followed")
        shown = govledger(db, "tracker", "show", "t0", "--wide", folder=tmp_path)
        assert shown.returncode == 0, shown.stderr
    finally:
        assert follow.terminate() == 0, follow.output
        ledger.close()
    assert "Traceback" not in follow.output
    assert view_rows(db) == view_rows(db, rebuilt=True)
    again = govledger(db, "tracker", "show", "t0", "--wide", folder=tmp_path)
    assert again.stdout == shown.stdout


def test_follow_killed_with_9_and_started_again_picks_up_exactly_where_the_views_stood(
    db: str, tmp_path: Path
) -> None:
    ledger = ledger_with_trackers(db, 5)
    pick = random.Random(14)
    behind_at_kill = []
    follow = start(db, *FOLLOW, folder=tmp_path)
    try:
        for n in range(5):
            imported(ledger, f"t{n}", tracker_file(tmp_path / f"{n}.csv", 400, n), "2019-06-02")
            # at once after even imports (the follower has surely not caught up), else at a
            # random moment while it may be catching up or have done so
            time.sleep(0.0 if n % 2 == 0 else pick.uniform(0.0, 1.5))
            follow.kill()
            at, head = positions(db)
            behind_at_kill.append(head - min(at.values()))
            follow = start(db, *FOLLOW, folder=tmp_path)
        wait_until(lambda: level(db), WAIT, "the restarted follower levels the views")
    finally:
        assert follow.terminate() == 0, follow.output
        ledger.close()
    assert any(behind_at_kill), f"no kill left the views behind: {behind_at_kill}"
    assert view_rows(db) == view_rows(db, rebuilt=True)


@pytest.mark.slow
def test_sigterm_during_a_long_catch_up_stops_between_batches_with_exit_0(
    db: str, tmp_path: Path
) -> None:
    ledger = ledger_with_trackers(db, 1)
    imported(ledger, "t0", tracker_file(tmp_path / "big.csv", 6000, 0), "2019-06-02")
    ledger.close()
    follow = start(db, *FOLLOW, folder=tmp_path)
    wait_until(lambda: follow.out.read_text().startswith("Following"), WAIT, "follow started")
    code = follow.terminate(timeout=WAIT)
    assert code == 0, follow.output
    last = follow.out.read_text().splitlines()[-1]
    at, head = positions(db)
    assert last.startswith(f"Stopped at position {min(at.values())}"), (last, at)
    assert 0 < min(at.values()) < head, "stopped between the catch-up's batches"
    assert "Traceback" not in follow.output
    again = start(db, *FOLLOW, folder=tmp_path)
    wait_until(lambda: level(db), WAIT, "a second follower finishes the catch-up")
    assert again.terminate() == 0
    assert view_rows(db) == view_rows(db, rebuilt=True)


@pytest.fixture
def pg_db(pg_required: None) -> Iterator[str]:
    """A ledger's place in a new PostgreSQL schema, dropped afterwards."""
    import psycopg

    schema = f"t_{uuid.uuid4().hex[:12]}"
    yield f"{PG_URL}?schema={schema}"
    with psycopg.connect(PG_URL, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


def cut_connections(name: str) -> int:
    """pg_terminate_backend of every connection the follower opened (by its name)."""
    import psycopg

    with psycopg.connect(PG_URL, autocommit=True) as conn:
        found = conn.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE application_name = %s",
            [name],
        ).fetchone()
    return found[0] if found else 0


@pytest.mark.postgres
def test_follow_reconnects_when_its_database_connections_are_cut(
    pg_db: str, tmp_path: Path
) -> None:
    ledger = ledger_with_trackers(pg_db, 3)
    name = f"follow-{uuid.uuid4().hex[:8]}"
    follow = start(pg_db, *FOLLOW, folder=tmp_path, env={"PGAPPNAME": name})
    try:
        wait_until(lambda: level(pg_db), WAIT, "follow levels the new ledger")
        for n in range(3):
            assert cut_connections(name) >= 1
            imported(ledger, f"t{n}", tracker_file(tmp_path / f"{n}.csv", 50, n), "2019-06-02")
            wait_until(lambda: level(pg_db), WAIT, f"follow, cut off {n + 1} times, catches up")
        assert follow.process.poll() is None, follow.output
    finally:
        assert follow.terminate() == 0, follow.output
        ledger.close()
    assert "Warning: the database did not answer" in follow.err.read_text()
    assert "Traceback" not in follow.output
    assert view_rows(pg_db) == view_rows(pg_db, rebuilt=True)


@pytest.fixture
def org(pg_required: None) -> Iterator[Organisation]:
    """A ledger set up with roles (admin setup) in a schema of its own; dropped after."""
    made = Organisation(f"o_{uuid.uuid4().hex[:10]}")
    set_up = run(made.url(), "admin", "setup")
    assert set_up.exit_code == 0, set_up.output
    yield made
    made.drop()


@pytest.mark.postgres
def test_on_a_ledger_with_roles_a_clerk_follows_and_the_panel_is_told_only_clerks_may(
    org: Organisation, tmp_path: Path
) -> None:
    clerk = org.person("clerk")
    recorded_plan(org.as_(clerk))
    refused = one_line_refusal(org.as_(org.person("panel"))("projections", "follow"))
    assert refused.startswith("Error: projections follow writes the stored views, which only")
    assert "govledger admin grant p_" in refused and "--role clerk" in refused
    follow = start(org.url(clerk), *FOLLOW, folder=tmp_path)
    wait_until(lambda: follow.out.read_text().startswith("Following"), WAIT, "follow started")
    assert follow.terminate() == 0, follow.output
    assert follow.out.read_text().splitlines()[-1].endswith("the views are level with the log.")
