"""Many events recorded at once (a tracker import, a bulk load): the stored rows and their
integrity rows written together in one transaction that takes the write lock first, by the
recorder's ``insert_in_bulk`` (SQLite: ``executemany``; PostgreSQL: COPY, after the same
table lock and notice to followers as the library's insert).

The rows are byte for byte what the library's path (``Ledger.save``: the committing mapper,
the recorder's insert, our write-time leaves) writes for the same events: the same stored
JSON, the same salts, the same canonical bytes and leaf hashes, the same frontier
(tests/test_bulk_record.py records the same events both ways, on SQLite and PostgreSQL,
and compares every byte). What differs is the cost: each event's state is encoded once by
orjson (with the library's own transcodings for dates and times), its form-2 commitments
are taken from the values in hand rather than from the stored JSON parsed again, and the
rows go in together. An event holding a value orjson might write otherwise than ``json``
(a float, a UUID, a subclass other than a text enum) is encoded by the library's mapper
instead. Signed batches take the library's path (the signature covers the batch).
"""

from __future__ import annotations

import gc
import hashlib
import os
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from json.encoder import encode_basestring as string  # type: ignore[attr-defined]
from typing import Any, NamedTuple

import orjson
from eventsourcing.persistence import IntegrityError
from eventsourcing.utils import get_topic

from ledger.commitments import EMPTY, FREE_TEXT, SALT_BYTES
from ledger.errors import ChangedMeanwhile
from ledger.record import Recorded
from ledger.verify import COMMIT_PREFIX, COMMITMENTS, SALTS, leaf_hash

PLAIN = (str, int, bool, type(None))
EXACT = orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_DATACLASS
EXACT_SORTED = EXACT | orjson.OPT_SORT_KEYS
SAFE_INT = 2**63  # orjson writes 64-bit integers; a larger one is left to the library
FORM_2 = '"form":2,'


def record_in_bulk(ledger: Any, *aggregates: Any, subject: str) -> Recorded:
    """Record the pending events of ``aggregates`` in one transaction, as ``Ledger.store``
    does, with the rows written in bulk; the same refusal when one changed meanwhile."""
    signer = ledger.signer_source() if ledger.signer_source else None
    if signer is not None or ledger.signing_required():
        return ledger.store(*aggregates, subject=subject)
    events = [e for a in aggregates for e in pending(a)]
    if not events:
        return Recorded(subject=subject, events=[], positions=[])
    try:
        with collector_paused():
            stored, hashed = encoded(ledger, events)
            positions = ledger.recorder.insert_in_bulk(
                stored, lambda positions: leaves(stored, hashed, positions)
            )
    except IntegrityError:
        raise ChangedMeanwhile(
            f"{subject} was changed meanwhile by someone else; nothing was recorded, try again"
        ) from None
    return Recorded(subject=subject, events=[type(e).__name__ for e in events], positions=positions)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector paused while many rows are made (an import's
    actions, the rows and the written events): they are many new objects, none in a cycle,
    and each full collection they set off would walk every object the caller holds to free
    nothing. It runs again after, unless the caller had paused it."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def pending(item: Any) -> list[Any]:
    """An aggregate's pending events (taken from it), or an event given as it is."""
    collect = getattr(item, "collect_events", None)
    return list(collect()) if collect is not None else [item]


class Row(NamedTuple):
    """A stored event's row, as the library's ``StoredEvent`` (lighter to make)."""

    originator_id: Any
    originator_version: int
    topic: str
    state: bytes


Hashed = tuple[str, str] | None  # (the canonical bytes' form field, the state hashed)


def encoded(ledger: Any, events: Sequence[Any]) -> tuple[list[Any], list[Hashed]]:
    """Each event's stored row and what its leaf is hashed from (None: read it from the
    stored JSON, for an event the library's mapper wrote)."""
    mapper = ledger.mapper
    plain = mapper.compressor is None and mapper.cipher is None
    typed = typed_by(mapper.transcoder)
    topics: dict[type, str] = {}
    stored: list[Any] = []
    hashed: list[Hashed] = []
    dumps, salts = orjson.dumps, Salts()
    for event in events:
        drawn = salt(event, salts)
        state = dict(vars(event))
        originator_id = state.pop("originator_id")
        version = state.pop("originator_version")
        kind = type(event)
        class_version = getattr(kind, "class_version", 1)
        if class_version > 1:
            state["class_version"] = class_version
        if plain and exact_typing_dates(state, typed):
            # A copy: orjson's own bytes keep its whole 8 KB write buffer while held.
            body = bytes(memoryview(dumps(state, default=typed, option=EXACT)))
            topic = topics.get(kind) or topics.setdefault(kind, get_topic(kind))
            stored.append(Row(originator_id, version, topic, body))
            text = committed(state, typed, drawn)
            hashed.append(("", body.decode("utf-8")) if text is None else (FORM_2, text))
        else:  # the library's mapper writes it; its leaf is taken from the stored JSON
            stored.append(mapper.to_stored_event(event))
            hashed.append(None)
    return stored, hashed


class Salts:
    """Random salts, drawn from the system's generator many at a time (one ``os.urandom``
    call for thousands, not one per event)."""

    def __init__(self, many: int = 4096) -> None:
        self.many, self.pool, self.taken = many, b"", 0

    def take(self, count: int) -> list[bytes]:
        size = SALT_BYTES * count
        if self.taken + size > len(self.pool):
            self.pool, self.taken = os.urandom(SALT_BYTES * max(self.many, count)), 0
        start, self.taken = self.taken, self.taken + size
        return [self.pool[i : i + SALT_BYTES] for i in range(start, start + size, SALT_BYTES)]


def salt(event: Any, salts: Salts | None = None) -> dict[str, bytes] | None:
    """Draw the event's salts as the committing mapper does (from ``salts``, else from the
    system at once), unless it carries them; returns those drawn now, as bytes."""
    said = vars(event)
    if SALTS in said:
        return None
    names = [name for name, value in said.items() if name in FREE_TEXT and value not in EMPTY]
    if not names:
        return None
    drawn = dict(zip(names, (salts or Salts(many=0)).take(len(names)), strict=True))
    object.__setattr__(event, SALTS, {n: raw.hex() for n, raw in drawn.items()})
    return drawn


def exact_typing_dates(state: dict[str, Any], typed: Any) -> bool:
    """Whether orjson writes ``state`` exactly as ``json`` does (``exact``); if so, its
    own dates and times are put in their typed form here, at once."""
    for name, value in state.items():
        kind = type(value)
        if kind is str or value is None:
            continue
        if kind is datetime or kind is date:
            state[name] = typed(value)
        elif kind is list and all(type(item) is str for item in value):
            continue  # names, owners: the commonest list
        elif not isinstance(value, str) and not exact((value,)):
            return False  # (a text enum, a rating, is written as its text by both)
    return True


def exact(values: Iterable[Any]) -> bool:
    """Whether orjson writes these values exactly as ``json`` does: text (a text enum too),
    whole numbers,
    booleans, nulls, lists and text-keyed objects of them, and dates and times (which go
    through the library's transcodings)."""
    for value in values:
        kind = type(value)
        if kind in PLAIN:
            if kind is int and not -SAFE_INT <= value < SAFE_INT:
                return False
        elif kind is list or kind is tuple:
            if not exact(value):
                return False
        elif kind is dict:
            if not all(type(k) is str for k in value) or not exact(value.values()):
                return False
        elif kind is not date and kind is not datetime and not isinstance(value, str):
            return False  # a text enum (a rating) is written as its text by both
    return True


def typed_by(transcoder: Any) -> Any:
    """orjson's hook for what it passes through: the library's own typed form."""
    types = transcoder.types

    def typed(value: Any) -> dict[str, Any]:
        transcoding = types[type(value)]
        return {"_type_": transcoding.name, "_data_": transcoding.encode(value)}

    return typed


def committed(
    state: dict[str, Any], typed: Any, drawn: dict[str, bytes] | None = None
) -> str | None:
    """What a form-2 state is hashed as (``ledger.verify.committed_state``): its salted
    fields replaced by their commitments, as sorted JSON; None for form 1. ``drawn``: the
    salts as bytes, when they were drawn here."""
    salts = state.get(SALTS)
    if not salts:
        return None
    said = {k: v for k, v in state.items() if k not in salts and k != SALTS}
    sha256, dumps = hashlib.sha256, orjson.dumps
    said[COMMITMENTS] = {
        name: sha256(
            COMMIT_PREFIX
            + (drawn[name] if drawn else bytes.fromhex(salts[name]))
            + dumps(state[name], default=typed, option=EXACT_SORTED)
        ).hexdigest()
        for name in salts
    }
    return dumps(said, default=typed, option=EXACT_SORTED).decode("utf-8")


def leaves(
    stored: Sequence[Any], hashed: Sequence[Hashed], positions: Sequence[int]
) -> list[bytes]:
    """Each event's leaf: the hash of its canonical bytes (``ledger.verify.canonical``)."""
    found = []
    ids: dict[Any, str] = {}  # each aggregate's id as canonical JSON text, once
    for s, said, position in zip(stored, hashed, positions, strict=True):
        if said is None:
            from ledger.verify import canonical

            found.append(
                leaf_hash(
                    canonical(
                        position,
                        str(s.originator_id),
                        s.originator_version,
                        s.topic,
                        s.state.decode("utf-8"),
                    )
                )
            )
            continue
        aggregate = ids.get(s.originator_id) or ids.setdefault(
            s.originator_id, string(str(s.originator_id))
        )
        form, text = said
        found.append(
            leaf_hash(
                (
                    f'{{"aggregate_id":{aggregate},'
                    f'"aggregate_version":{int(s.originator_version)},{form}'
                    f'"position":{int(position)},"state":{string(text)},'
                    f'"topic":{string(s.topic)}}}'
                ).encode()
            )
        )
    return found
