"""The PostgreSQL server restarting under govledger (issue 14): a tracker import under way
records all of its events or none and says so in one line, and a follower waits for the
server and goes on where the views stood.

The server restarted is one of the test's own: a cluster made with pg_createcluster on a
free port and dropped afterwards, so that no other test's server is disturbed. It needs
root and the Debian/Ubuntu PostgreSQL tools, so it is slow and skipped where they are not.
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.ledger_processes import (
    event_count,
    ledger_with_trackers,
    level,
    start,
    tracker_file,
    view_rows,
    wait_until,
)

pytestmark = [pytest.mark.slow, pytest.mark.postgres]
VERSION = "15"


def restart(cluster: str) -> None:
    subprocess.run(["pg_ctlcluster", VERSION, cluster, "restart", "-m", "fast"], check=True)


def free_port() -> int:
    listed = subprocess.run(["pg_lsclusters", "-h"], capture_output=True, text=True).stdout
    taken = {int(line.split()[2]) for line in listed.splitlines() if line.strip()}
    return next(port for port in range(5490, 5530) if port not in taken)


@pytest.fixture(scope="module")
def own_server() -> Iterator[tuple[str, str]]:
    """A PostgreSQL cluster of this test's own: (its name, the URL of its test database)."""
    if os.geteuid() != 0 or not shutil.which("pg_createcluster"):
        pytest.skip("restarting a server of our own needs root and pg_createcluster")
    name, port = f"govledger{os.getpid()}", free_port()
    subprocess.run(
        ["pg_createcluster", VERSION, name, "-p", str(port), "--start", "--",
         "--auth-host=trust", "--auth-local=trust"],
        check=True, capture_output=True,
    )  # fmt: skip
    try:
        subprocess.run(
            ["psql", "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "-qc",
             "CREATE DATABASE test"],
            check=True, capture_output=True,
        )  # fmt: skip
        yield name, f"postgresql://postgres@127.0.0.1:{port}/test"
    finally:
        subprocess.run(["pg_dropcluster", "--stop", VERSION, name], capture_output=True)


def test_an_import_under_way_when_the_server_restarts_records_all_or_nothing(
    own_server: tuple[str, str], tmp_path: Path
) -> None:
    cluster, url = own_server
    db = f"{url}?schema=restart_import"
    runs = 6
    ledger_with_trackers(db, runs + 1).close()
    path = str(tracker_file(tmp_path / "tracker.csv", 1500, 14))
    pick = random.Random(14)
    outcomes: Counter[str] = Counter()
    whole = None
    for n in range(runs):
        before = event_count(db)
        running = start(
            db, "tracker", "import", f"t{n}", path, "--on", "2019-06-02", folder=tmp_path
        )
        time.sleep(pick.uniform(0.3, 2.5))
        restart(cluster)
        code = running.process.wait(timeout=120)
        added = event_count(db) - before
        said = running.output.strip().splitlines()
        assert "Traceback" not in running.output, running.output
        if code == 0:
            assert said[-1].startswith("Recorded ") and added, said
            whole = whole or added
            assert added == whole
            outcomes["recorded whole"] += 1
        else:
            assert code == 1 and len(said) == 1 and said[0].startswith("Error: "), said
            assert added == 0, f"{added} events of a refused import"
            outcomes[f"refused, nothing recorded: {said[0][:110]}"] += 1
    print(f"import, server restarted {runs} times: {dict(outcomes)}")
    assert view_rows(db) == view_rows(db, rebuilt=True)


def test_follow_waits_out_a_server_restart_and_goes_on_where_the_views_stood(
    own_server: tuple[str, str], tmp_path: Path
) -> None:
    cluster, url = own_server
    db = f"{url}?schema=restart_follow"
    ledger = ledger_with_trackers(db, 3)
    follow = start(db, "projections", "follow", folder=tmp_path)
    try:
        wait_until(lambda: level(db), 120, "follow levels the new ledger")
        for n in range(3):
            restart(cluster)
            path = str(tracker_file(tmp_path / f"{n}.csv", 200, n))
            ledger.import_tracker(f"t{n}", path, actor="Jo Clerk", on="2019-06-02")
            wait_until(lambda: level(db), 120, f"follow catches up after restart {n + 1}")
        assert follow.process.poll() is None, follow.output
    finally:
        assert follow.terminate() == 0, follow.output
        ledger.close()
    assert "Traceback" not in follow.output
    assert view_rows(db) == view_rows(db, rebuilt=True)


def test_follow_stopped_while_the_server_is_down_exits_at_once_saying_so(
    own_server: tuple[str, str], tmp_path: Path
) -> None:
    cluster, url = own_server
    db = f"{url}?schema=down_follow"
    ledger_with_trackers(db, 1).close()
    follow = start(db, "projections", "follow", folder=tmp_path)
    try:
        wait_until(lambda: level(db), 120, "follow levels the new ledger")
        subprocess.run(["pg_ctlcluster", VERSION, cluster, "stop", "-m", "fast"], check=True)
        wait_until(lambda: "did not answer" in follow.err.read_text(), 120, "follow sees it")
        began = time.monotonic()
        assert follow.terminate() == 0, follow.output
        assert time.monotonic() - began < 10
    finally:
        subprocess.run(["pg_ctlcluster", VERSION, cluster, "start"], check=True)
    assert follow.out.read_text().splitlines()[-1] == (
        "Stopped; the views stood at position 2 when last read (the database is not "
        "answering, so where they stand now is not known)."
    )
    assert "Traceback" not in follow.output
