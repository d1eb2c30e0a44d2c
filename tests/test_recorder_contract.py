"""The library's own promises for an application recorder, checked against ours.

Our recorders subclass the library's (to write each event's hash with it and to guard
the table), so the library's contract test cases run against them on both backends.
"""

from __future__ import annotations

import os
import tempfile
import threading
import uuid
from pathlib import Path

import pytest
from eventsourcing.postgres import PostgresDatastore
from eventsourcing.sqlite import SQLiteDatastore
from eventsourcing.tests.persistence import ApplicationRecorderTestCase

from ledger.integrity import SQLiteLedgerRecorder
from ledger.integrity_postgres import PostgresLedgerRecorder
from tests.conftest import postgres_answers


def settle_threads() -> None:
    """The library's concurrency case stops its reader threads without joining them; wait
    for them before closing the database under them (closing first crashes SQLite)."""
    for thread in threading.enumerate():
        if "read_continuously" in thread.name:
            thread.join(timeout=10)


class TestSQLiteLedgerRecorder(ApplicationRecorderTestCase):
    def setUp(self) -> None:
        self.folder = tempfile.TemporaryDirectory()
        self.datastore = SQLiteDatastore(db_name=str(Path(self.folder.name) / "ledger.db"))

    def tearDown(self) -> None:
        settle_threads()
        self.datastore.close()
        self.folder.cleanup()

    def create_recorder(self) -> SQLiteLedgerRecorder:
        recorder = SQLiteLedgerRecorder(self.datastore)
        recorder.create_table()
        return recorder


@pytest.mark.postgres
class TestPostgresLedgerRecorder(ApplicationRecorderTestCase):
    def setUp(self) -> None:
        reason = postgres_answers()
        if reason is not None:
            if os.environ.get("GOVLEDGER_REQUIRE_PG") == "1":
                self.fail(f"GOVLEDGER_REQUIRE_PG=1 but PostgreSQL is absent: {reason}")
            self.skipTest(f"no PostgreSQL server ({reason})")
        self.schema = f"c_{uuid.uuid4().hex[:12]}"
        self.datastore = PostgresDatastore(
            dbname="test",
            host="127.0.0.1",
            port=5432,
            user="postgres",
            password="",
            schema=self.schema,
            pool_size=12,
        )
        import psycopg

        with psycopg.connect("postgresql://postgres@127.0.0.1:5432/test", autocommit=True) as c:
            c.execute(f'CREATE SCHEMA "{self.schema}"')

    def tearDown(self) -> None:
        settle_threads()
        self.datastore.close()
        import psycopg

        with psycopg.connect("postgresql://postgres@127.0.0.1:5432/test", autocommit=True) as c:
            c.execute(f'DROP SCHEMA "{self.schema}" CASCADE')

    def create_recorder(self) -> PostgresLedgerRecorder:
        recorder = PostgresLedgerRecorder(self.datastore, events_table_name="ledger_events")
        recorder.create_table()
        return recorder


del ApplicationRecorderTestCase
