"""Redaction: a field's words removed from the event that stored them, every proof kept.

A data subject's request, or an entry that named a child, may require words to leave the
log. Events are stored in form 2 (``ledger.commitments``): each free-text field is hashed
only as a salted commitment. Redacting a field replaces its text and salt by that
commitment, so the event's leaf, every seal, checkpoint and signature stay valid, and the
words cannot be recovered or guessed. The redaction itself is recorded first, as an event
(who, when, why, which field of which position), so that nothing leaves the log unseen.

This is the one change ever made to a stored event. The guards that refuse UPDATE are lifted
for that one row inside the transaction that rewrites it, and only by whoever may alter the
events table: the file's owner on SQLite; on PostgreSQL the ledger's owner role, which in
organisation mode only its administrator holds.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any
from uuid import UUID, uuid5

from eventsourcing.domain import Aggregate

from ledger.commitments import EMPTY, FREE_TEXT, erased
from ledger.errors import AlreadyExists, InvalidEntry, Refused
from ledger.record import Record, Recorded
from ledger.refs import NAMESPACE
from ledger.verify import ERASED, SALTS, canonical, is_erased


class Redaction(Record):
    """The removal of one field's words from the event at one position of the log."""

    TOPIC = "govledger:Redaction"

    class Created(Aggregate.Created, Record.Event):
        TOPIC = "govledger:Redaction.Created"

    class FieldRedacted(Created):
        """A field's words were removed from a recorded event; its commitment stays."""

        TOPIC = "govledger:Redaction.FieldRedacted"
        position: int
        field: str
        commitment: str

        @property
        def subject(self) -> str:
            return f"redaction:{self.position}/{self.field}"

        def apply(self, aggregate: Redaction) -> None:
            aggregate.position, aggregate.field = self.position, self.field
            aggregate.enter(self, "redacted", field=self.field)

    class EntryCorrected(Record.EntryCorrected):
        """A redaction cannot be undone; the class exists for the common base only."""

        TOPIC = "govledger:Redaction.EntryCorrected"

    @classmethod
    def record(
        cls, position: int, field: str, commitment: str, *, actor: str, on: date, reason: str
    ) -> Redaction:
        return cls._create(
            cls.FieldRedacted,
            id=redaction_id(position, field),
            position=position,
            field=field,
            commitment=commitment,
            actor=actor,
            on=on,
            reason=reason,
        )

    @property
    def ref(self) -> str:
        return f"redaction:{self.position}/{self.field}"


def redaction_id(position: int, field: str) -> UUID:
    return uuid5(NAMESPACE, f"redaction:{position}/{field}")


class Redactions:
    """The ledger's part: record the redaction, then rewrite the one stored row."""

    recorder: Any
    repository: Any

    def redact(self, position: int, field: str, *, actor: str, reason: str) -> Recorded:
        if not reason.strip():
            raise InvalidEntry(
                "say why the words must go (--reason), e.g. a data subject's request"
            )
        state, said = self.stored_state(position, field)
        if is_erased(said.get(field)):
            if redaction_id(position, field) in self.repository:
                raise AlreadyExists(f"{field} at position {position} is already redacted")
            raise Refused(
                f"{field} at position {position} was erased outside govledger, with no "
                "redaction recorded; govledger verify lists it"
            )
        if redaction_id(position, field) in self.repository:
            self.rewrite(position, state, erased(state, field))  # recorded, not yet done
            return Recorded(f"redaction:{position}/{field}", [], [])
        rewritten = erased(state, field)  # refuses a field that is not committed free text
        self.may_rewrite()
        commitment = json.loads(rewritten)[field][ERASED]
        redaction = Redaction.record(
            position, field, commitment, actor=actor, on=self.today(), reason=reason
        )  # type: ignore[attr-defined]
        done = self.store(redaction, subject=redaction.ref)  # type: ignore[attr-defined]
        self.rewrite(position, state, rewritten)
        return done

    def stored_state(self, position: int, field: str) -> tuple[str, dict[str, Any]]:
        """The stored state at ``position`` as text, and as read; refuses one not in form 2."""
        notification = self.notification_at(position)  # type: ignore[attr-defined]
        try:
            state = bytes(notification.state).decode("utf-8")
            said = json.loads(state)
        except ValueError:
            raise Refused(f"the event at position {position} cannot be read; run verify") from None
        if type(said) is not dict or SALTS not in said:
            if type(said) is dict and said.get(field) not in EMPTY and field in FREE_TEXT:
                raise Refused(
                    f"the event at position {position} was recorded before free text was "
                    "committed (form 1): its words cannot be removed without breaking the proof"
                )
            raise Refused(
                f"the event at position {position} holds no words in {field!r} to remove "
                "(it holds no free text at all); see govledger log for the position"
            )
        return state, said

    def may_rewrite(self) -> None:
        """Refuse, before anything is recorded, one who may not lift the guards."""
        if not self.on_postgres():
            return
        with self.recorder.datastore.transaction(commit=False) as curs:
            curs.execute(
                "SELECT pg_has_role(session_user, c.relowner, 'MEMBER') AS may FROM pg_class c "
                "WHERE c.oid = to_regclass(%s)",
                (self.events_table(),),
            )
            row = curs.fetchone()
        if not row or not row["may"]:  # the library's connections give rows as dicts
            raise Refused(
                "only the ledger's administrator (its owner role) may redact; nothing was "
                "recorded. Ask them to run this command"
            )

    def on_postgres(self) -> bool:
        from eventsourcing.sqlite import SQLiteDatastore

        return not isinstance(self.recorder.datastore, SQLiteDatastore)

    def events_table(self) -> str:
        schema = getattr(self.recorder.datastore, "schema", "") or ""
        table = f'"{self.recorder.events_table_name}"'
        return f'"{schema}".{table}' if schema else table

    def rewrite(self, position: int, old: str, new: str) -> None:
        """Write ``new`` over the stored state at ``position``, guards lifted for that row."""
        kept = canonical(0, "", 0, "", old) == canonical(0, "", 0, "", new)
        if not kept:  # never write what would change the event's hash
            raise Refused(f"the redaction would alter the event at position {position}")
        if self.on_postgres():
            self.rewrite_postgres(position, new)
        else:
            self.rewrite_sqlite(position, new)

    def rewrite_sqlite(self, position: int, new: str) -> None:
        table = self.recorder.events_table_name
        with self.recorder.datastore.transaction(commit=True) as cursor:
            cursor.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?",
                (table,),
            )
            guards = [(row[0], row[1]) for row in cursor.fetchall()]
            for name, _ in guards:
                cursor.execute(f'DROP TRIGGER "{name}"')
            cursor.execute(
                f"UPDATE {table} SET state = ? WHERE rowid = ?", (new.encode(), position)
            )
            for _, sql in guards:
                cursor.execute(sql)

    def rewrite_postgres(self, position: int, new: str) -> None:
        table = self.events_table()
        with self.recorder.datastore.transaction(commit=True) as curs:
            curs.execute(f"ALTER TABLE {table} DISABLE TRIGGER USER")
            curs.execute(
                f"UPDATE {table} SET state = %s WHERE notification_id = %s",
                (new.encode(), position),
            )
            curs.execute(f"ALTER TABLE {table} ENABLE TRIGGER USER")
