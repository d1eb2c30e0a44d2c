"""Shared fixtures: a real ledger on SQLite (a tmp file) and on PostgreSQL (a fresh schema).

The PostgreSQL cases skip, with the reason, when no server answers, unless
GOVLEDGER_REQUIRE_PG=1 (as in CI), where an absent server fails the run.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from hypothesis import settings

from commands.main import cli
from commands.session import Session
from ledger.application import Ledger, open_ledger

# Tables wrap to the terminal's width; pin it, so a test reads the same table at any
# terminal and in a pytest-xdist worker as in CI.
os.environ["COLUMNS"] = "120"

settings.register_profile("default", max_examples=60, deadline=None)
settings.register_profile("thorough", max_examples=1000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

PG_URL = os.environ.get("GOVLEDGER_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def postgres_answers() -> str | None:
    """None if the server answers, else why not."""
    try:
        import psycopg

        with psycopg.connect(PG_URL, connect_timeout=3):
            return None
    except Exception as error:  # any failure to connect means: no server for these tests
        return f"{type(error).__name__}: {str(error).strip().splitlines()[0]}"


@pytest.fixture(autouse=True)
def today(monkeypatch: pytest.MonkeyPatch) -> date:
    """The day the commands take as today, held still for the test: a test that runs across
    midnight reads in its own dates the same day as the commands it runs."""
    day = date.today()
    monkeypatch.setattr(Session, "clock", staticmethod(lambda: day))
    return day


@pytest.fixture(scope="session")
def pg_reason() -> str | None:
    return postgres_answers()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db(request: pytest.FixtureRequest, tmp_path: Path, pg_reason: str | None) -> Iterator[str]:
    """Where a test's ledger lives: a new SQLite file, or a new PostgreSQL schema."""
    if request.param == "sqlite":
        yield str(tmp_path / "ledger.db")
        return
    if pg_reason is not None:
        if os.environ.get("GOVLEDGER_REQUIRE_PG") == "1":
            pytest.fail(f"GOVLEDGER_REQUIRE_PG=1 but PostgreSQL at {PG_URL} is absent: {pg_reason}")
        pytest.skip(
            f"no PostgreSQL server at {PG_URL} ({pg_reason}); "
            "set GOVLEDGER_REQUIRE_PG=1 to require it"
        )
    schema = f"t_{uuid.uuid4().hex[:12]}"
    yield f"{PG_URL}?schema={schema}"
    import psycopg

    with psycopg.connect(PG_URL, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


@pytest.fixture
def ledger(db: str) -> Iterator[Ledger]:
    """A new, empty ledger at ``db``."""
    app = open_ledger(db, create=True)
    yield app
    app.close()


def event_count(db: str) -> int:
    """How many events the ledger at ``db`` holds, read afresh."""
    app = open_ledger(db)
    try:
        return len(app.recorder.select_notifications(start=None, limit=10**9))
    finally:
        app.close()


class Clerk:
    """Runs govledger commands against one ledger, as one clerk, through click."""

    def __init__(self, db: str, name: str = "Jo Clerk") -> None:
        self.db = db
        self.name = name
        self.runner = CliRunner()

    def __call__(self, *args: str) -> Result:
        return self.runner.invoke(cli, ["--db", self.db, "--as", self.name, *args])

    def ok(self, *args: str) -> Result:
        result = self(*args)
        assert result.exit_code == 0, result.output
        return result


@pytest.fixture
def clerk(db: str) -> Clerk:
    """A clerk at a terminal, with a freshly created ledger."""
    clerk = Clerk(db)
    clerk.ok("init")
    return clerk


@pytest.fixture
def keys(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A key folder of the test's own, with no key or passphrase taken from outside."""
    folder = tmp_path / "keys"
    monkeypatch.setenv("GOVLEDGER_KEYS", str(folder))
    monkeypatch.delenv("GOVLEDGER_KEY", raising=False)
    monkeypatch.delenv("GOVLEDGER_KEY_PASSPHRASE", raising=False)
    return folder


@pytest.fixture
def seeds() -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"the seed documents are not beside the project ({SEEDS})")
    return SEEDS


@pytest.fixture(scope="session")
def pg_required(pg_reason: str | None) -> None:
    """For tests that make their own PostgreSQL schemas: skip or fail as ``db`` does."""
    if pg_reason is None:
        return
    if os.environ.get("GOVLEDGER_REQUIRE_PG") == "1":
        pytest.fail(f"GOVLEDGER_REQUIRE_PG=1 but PostgreSQL at {PG_URL} is absent: {pg_reason}")
    pytest.skip(f"no PostgreSQL server at {PG_URL} ({pg_reason}); set GOVLEDGER_REQUIRE_PG=1")
