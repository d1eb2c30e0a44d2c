"""The stored events read raw, in log order, and decoded to their values: what a rebuild reads.

The library's mapper makes each event a domain object through ``json``'s object hook, in
Python, a call per JSON object. A rebuild needs only each event's values, so here each
stored row is decoded with orjson and then made exactly what the mapper would make of it:
the transcoded values (days, times, ids) turned by the ledger's own transcodings, the salts
set aside and erased text read as ``ledger.commitments.CommittingTranscoder`` reads it, and
an older version of an event brought up to date by its class's own upcasters. A row that
does not decode so is handed to the library's mapper, so that a damaged event is named in
the same words as on the event-by-event path (``projections.view.decoded``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from typing import Any, NamedTuple
from uuid import UUID

import orjson

from ledger.integrity import as_uuid
from ledger.verify import SALTS, erased_as, is_erased

MARKER = b'"_type_"'  # a transcoded value's key
ERASED_KEY = b'"_erased_"'
BASE_FIELDS = ("originator_topic", "timestamp", "actor", "on", "reason")
Row = tuple[int, Any, int, str, Any]  # position, aggregate id, version, topic, stored state


class Plain(NamedTuple):
    """One event's values: its own fields (``said``) as ``vars(event)`` holds them on the
    domain object, and the base fields apart, as the views write them."""

    position: int
    name: str  # its class's name, which says which handler applies it
    kind: type  # its class
    id: str  # the aggregate's id, as UUID text with dashes
    said: dict[str, Any]
    on: str  # the day it took effect, ISO 8601
    at: str  # when it was recorded, as ``projections.audit_trail.recorded_at`` writes it
    actor: str
    reason: str

    @classmethod
    def of(cls, position: int, event: Any) -> Plain:
        """From a domain event the library's mapper made."""
        from projections.audit_trail import recorded_at as stamped

        state = {k: v for k, v in vars(event).items() if k not in BASE_FIELDS}
        del state["originator_id"], state["originator_version"]
        return cls(
            position, type(event).__name__, type(event), str(event.originator_id), state,
            event.on.isoformat(), stamped(event), event.actor, event.reason,
        )  # fmt: skip


def subject_of(event: Plain) -> str:
    """What the event's own class names as its subject (``MeetingScheduled.subject``)."""
    made = object.__new__(event.kind)
    object.__setattr__(made, "__dict__", event.said)  # read, never written, through ``made``
    return str(made.subject)


class Decoder:
    """Stored rows to :class:`Plain` events, for one ledger (its transcodings and mapper)."""

    def __init__(self, ledger: Any) -> None:
        self.ledger = ledger
        self.turns: dict[str, Callable[[Any], Any]] = {
            name: transcoding.decode for name, transcoding in ledger.mapper.transcoder.names.items()
        }
        self.classes: dict[str, tuple[type, int, str]] = {}
        self.ids: dict[Any, str] = {}
        self.days: dict[str, str] = {}  # each day's stored text, read and written as ISO
        self.read, self.last = 0, 0  # of the rows last decoded: how many, the last position

    def day(self, text: str) -> str:
        """A stored day read as the mapper reads it (a malformed one fails here), as ISO."""
        found = date.fromisoformat(text).isoformat()
        self.days[text] = found
        return found

    def events(self, rows: Iterable[Row], damaged: dict[int, str]) -> list[Plain]:
        """Each row's event; a row that does not decode is left out and named in ``damaged``.
        ``read`` and ``last`` say how many rows were read and the last one's position.
        Each event is a plain tuple in :class:`Plain`'s order (``Plain._make`` names its
        fields), one object less per event of the log.

        One loop, written out, since it runs for every event of the log: each row is
        decoded here, or (whatever goes wrong) read again by the library's mapper."""
        found: list[Plain] = []
        append = found.append
        classes, ids, days = self.classes, self.ids, self.days
        loads, moment = orjson.loads, datetime.fromisoformat
        left_out, row = len(damaged), None
        for row in rows:
            try:
                position, aggregate, _, topic, stored = row
                kind, class_version, name = classes.get(topic) or self.resolve(topic)
                state = loads(stored)
                on, stamp = state["on"], state["timestamp"]
                del state["on"], state["timestamp"]
                if on["_type_"] != "date" or stamp["_type_"] != "datetime_iso" or len(on) != 2:
                    raise ValueError("not a day and a time")
                on = days.get(on["_data_"]) or self.day(on["_data_"])
                stamp = stamp["_data_"]
                moment(stamp)  # read, so a malformed time fails here as in the mapper
                if len(stamp) == 32 and stamp[19] == "." and stamp[10] == "T":
                    at = stamp[:26] + "Z"
                else:
                    at = recorded_at(stamp)
                # a third transcoded value (beyond those two) is one of the event's own
                second = stored.find(MARKER, stored.find(MARKER) + 1)
                if stored.rfind(MARKER) != second:
                    for field, value in state.items():
                        if type(value) is dict or type(value) is list:
                            state[field] = self.revive(value)
                if state.pop(SALTS, None) is not None and stored.find(ERASED_KEY) >= 0:
                    for field, value in state.items():
                        if is_erased(value):
                            state[field] = erased_as(value["was"])
                said_version = state.pop("class_version", 1)
                if said_version < class_version:
                    upcast(kind, said_version, class_version, state, on)
                actor, reason = state["actor"], state["reason"]
                del state["actor"], state["reason"]
                state.pop("originator_topic", None)
                uuid = ids.get(aggregate) or ids.setdefault(aggregate, as_uuid(aggregate))
                append((position, name, kind, uuid, state, on, at, actor, reason))
            except Exception:  # read again by the library, which names what is wrong
                event = self.by_mapper(row, damaged)
                if event is not None:
                    append(event)
        self.read = len(found) + len(damaged) - left_out
        self.last = row[0] if row is not None else self.last
        return found

    def revive(self, value: Any) -> Any:
        """A JSON value with each transcoded object made its Python value again."""
        if type(value) is dict:
            if len(value) == 2 and "_type_" in value and "_data_" in value:
                return self.turns[value["_type_"]](value["_data_"])
            return {k: self.revive(v) for k, v in value.items()}
        if type(value) is list:
            return [self.revive(v) for v in value]
        return value

    def resolve(self, topic: str) -> tuple[type, int, str]:
        from eventsourcing.utils import resolve_topic

        kind = resolve_topic(topic)
        self.classes[topic] = found = (kind, getattr(kind, "class_version", 1), kind.__name__)
        return found

    def by_mapper(self, row: Row, damaged: dict[int, str]) -> Plain | None:
        from eventsourcing.persistence import StoredEvent

        position, aggregate, version, topic, stored = row
        try:
            stored_event = StoredEvent(
                originator_id=UUID(str(aggregate)),
                originator_version=version,
                topic=topic,
                state=bytes(stored) if stored is not None else stored,
            )
            return Plain.of(position, self.ledger.mapper.to_domain_event(stored_event))
        except Exception as error:  # whatever a damaged row raises, it is named, not fatal
            damaged[position] = f"{type(error).__name__}: {str(error)[:80]}"
            return None


def upcast(kind: type, version: int, class_version: int, state: dict[str, Any], on: str) -> None:
    """An older version of an event brought up to date by its class's upcasters, as the
    library's mapper does (they may read the day it took effect)."""
    state["on"] = on
    while version < class_version:
        getattr(kind, f"upcast_v{version}_v{version + 1}")(state)
        version += 1
    del state["on"]


def recorded_at(stamp: str) -> str:
    """``projections.audit_trail.recorded_at`` of a stored time, read from its text: the
    first 26 characters where it has microseconds (as ``isoformat`` writes them), else
    through ``datetime``. Either way the time is read, so a malformed one fails here."""
    moment = datetime.fromisoformat(stamp)
    if len(stamp) in (26, 32) and stamp[19] == "." and stamp[10] == "T":
        return stamp[:26] + "Z"
    return moment.isoformat(timespec="microseconds")[:26] + "Z"


@contextmanager
def stored_rows(ledger: Any, after: int, upto: int, limit: int) -> Iterator[Iterable[Row]]:
    """The stored events after position ``after`` up to ``upto``, at most ``limit``, raw, as
    they come from the cursor (read while the caller decodes them, none kept)."""
    recorder = ledger.recorder
    with recorder.datastore.transaction(commit=False) as curs:
        if type(ledger.factory).__module__ == "eventsourcing.postgres":
            from psycopg.rows import tuple_row

            curs.row_factory = tuple_row
            curs.execute(
                "SELECT notification_id, originator_id::text, originator_version, topic, state "
                f'FROM "{recorder.datastore.schema}".{recorder.events_table_name} '
                "WHERE notification_id > %s AND notification_id <= %s "
                "ORDER BY notification_id LIMIT %s",
                [after, upto, limit],
            )
        else:
            curs = getattr(curs, "sqlite_cursor", curs)  # the library's wrapper's own
            curs.row_factory = None  # plain tuples
            curs.execute(
                "SELECT rowid, originator_id, originator_version, topic, state "
                f"FROM {recorder.events_table_name} WHERE rowid > ? AND rowid <= ? "
                "ORDER BY rowid LIMIT ?",
                [after, upto, limit],
            )
        yield curs
