"""Opening a ledger that has roles (``admin setup``) as the person who logged in.

Nothing here changes a table: the tables were made by the administrator and belong to the
owner role. The write lock is taken through the owner's function (``gl_write_lock``), so a
clerk needs no UPDATE privilege on the events; and a refusal by the database (a panel member
recording, an actor that is not the login) comes back as one line naming the role.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from eventsourcing.persistence import PersistenceError, StoredEvent

from ledger.errors import NotPermitted
from ledger.integrity_postgres import PostgresLedgerRecorder
from ledger.organisation import Identity, refusal
from ledger.storage import Location, prepare

RECORDER = "ledger.organisation_postgres:OrganisationRecorder"


class OrganisationRecorder(PostgresLedgerRecorder):
    """The ledger's PostgreSQL recorder, as a login with only its group's privileges."""

    identity: Identity | None = None
    recorded = False  # whether this process stored events (clerks then bring views level)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        from psycopg.sql import SQL, Identifier

        super().__init__(*args, **kwargs)
        lock = SQL("SELECT {0}.gl_write_lock()").format(Identifier(self.datastore.schema))
        self.lock_table_statements = [
            lock if "LOCK TABLE" in statement.as_string() else statement  # type: ignore[union-attr]
            for statement in self.lock_table_statements
        ]

    def create_table(self) -> None:
        """Tables change only through ``admin setup``, run by an administrator."""

    def insert_events(self, stored_events: Sequence[StoredEvent], **kwargs: Any) -> Any:
        """Store the events; a role that may not record is told so before anything is sent
        (the database would refuse it anyway, but in a pipeline its words can be lost)."""
        names = list(dict.fromkeys(e.topic.rpartition(".")[2] for e in stored_events))
        if self.identity is not None and not self.identity.may_record:
            raise refusal(self.identity, f"recording {', '.join(names)}")
        try:
            ids = super().insert_events(stored_events, **kwargs)
        except PersistenceError as error:
            refused = privilege_refused(error)
            if refused is None or self.identity is None:
                raise
            if refused.startswith("govledger: "):  # the actor guard's own words
                raise NotPermitted(refused.removeprefix("govledger: ")) from None
            raise refusal(self.identity, f"recording {', '.join(names)}") from None
        self.recorded = True
        return ids


def privilege_refused(error: BaseException) -> str | None:
    """The database's words when ``error`` (or what caused it) is a refused privilege
    (SQLSTATE 42501, or 'must be owner'), else None."""
    seen: BaseException | None = error
    while seen is not None:
        state = getattr(getattr(seen, "diag", None), "sqlstate", None) or getattr(
            seen, "sqlstate", None
        )
        if state == "42501" or "permission denied" in str(seen) or "must be owner" in str(seen):
            return (str(seen).strip().splitlines() or [""])[0]
        seen = seen.__cause__ or seen.__context__
    return None


def open_organisation_ledger(
    location: Location, identity: Identity, *, today: Callable[[], date] = date.today
) -> Any:
    """The ledger at ``location``, opened as ``identity`` with no schema changes."""
    from ledger.application import Ledger

    prepare(location, create=False)
    env = {**location.settings, "APPLICATION_RECORDER_TOPIC": RECORDER, "CREATE_TABLE": "no"}
    ledger = Ledger(env=env, today=today)
    ledger.recorder.identity = identity  # type: ignore[attr-defined]
    return ledger
