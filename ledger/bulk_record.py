"""Many events recorded at once (a tracker import): the stored rows and their integrity rows
written with ``executemany`` in one transaction that holds the write lock from its start.

The rows are byte for byte what the library's path (``Ledger.save``: the committing mapper,
the recorder's insert, our write-time leaves) writes for the same events: the same stored
JSON, the same salts, the same canonical bytes and leaf hashes, the same frontier
(tests/test_bulk_record.py records the same events both ways and compares every byte).
What differs is the cost: each event's state is encoded once by orjson (with the library's
own transcodings for dates and times), its form-2 commitments are taken from the values in
hand rather than from the stored JSON parsed again, and the rows go in by ``executemany``.
An event holding a value orjson might write otherwise than ``json`` (a float, a UUID, a
subclass other than a text enum) is encoded by the library's mapper instead. Signed batches
and PostgreSQL (whose recorder already inserts with ``executemany`` under its table lock,
and notifies followers) take the library's path.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from json.encoder import encode_basestring as string  # type: ignore[attr-defined]
from typing import Any

import orjson
from eventsourcing.persistence import IntegrityError, StoredEvent
from eventsourcing.utils import get_topic

from ledger.commitments import EMPTY, FREE_TEXT, SALT_BYTES
from ledger.contention import immediate, queued
from ledger.errors import ChangedMeanwhile
from ledger.integrity import append_leaves, taken
from ledger.record import Recorded
from ledger.verify import COMMIT_PREFIX, COMMITMENTS, SALTS, leaf_hash

PLAIN = (str, int, bool, type(None))
EXACT = orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_DATACLASS
EXACT_SORTED = EXACT | orjson.OPT_SORT_KEYS
SAFE_INT = 2**63  # orjson writes 64-bit integers; a larger one is left to the library


def record_in_bulk(ledger: Any, *aggregates: Any, subject: str) -> Recorded:
    """Record the pending events of ``aggregates`` in one transaction, as ``Ledger.store``
    does, with the rows written in bulk; the same refusal when one changed meanwhile."""
    signer = ledger.signer_source() if ledger.signer_source else None
    on_postgres = type(ledger.factory).__module__ == "eventsourcing.postgres"
    if signer is not None or ledger.signing_required() or on_postgres:
        return ledger.store(*aggregates, subject=subject)
    events = [e for a in aggregates for e in pending(a)]
    stored, hashed = encoded(ledger, events)
    try:
        positions = write(ledger.recorder, stored, hashed)
    except IntegrityError:
        raise ChangedMeanwhile(
            f"{subject} was changed meanwhile by someone else; nothing was recorded, try again"
        ) from None
    return Recorded(subject=subject, events=[type(e).__name__ for e in events], positions=positions)


def pending(item: Any) -> list[Any]:
    """An aggregate's pending events (taken from it), or an event given as it is."""
    collect = getattr(item, "collect_events", None)
    return list(collect()) if collect is not None else [item]


def encoded(ledger: Any, events: Sequence[Any]) -> tuple[list[StoredEvent], list[str | None]]:
    """Each event's stored row and, for form 2, the text its leaf is hashed from."""
    mapper = ledger.mapper
    transcoder = mapper.transcoder
    plain = mapper.compressor is None and mapper.cipher is None
    typed = typed_by(transcoder)
    stored, hashed = [], []
    for event in events:
        salt(event)
        state = dict(vars(event))
        originator_id = state.pop("originator_id")
        version = state.pop("originator_version")
        class_version = getattr(type(event), "class_version", 1)
        if class_version > 1:
            state["class_version"] = class_version
        if plain and exact(state.values()):
            for name, value in state.items():  # the event's own dates: typed here, at once
                if type(value) is datetime or type(value) is date:
                    state[name] = typed(value)
            body = orjson.dumps(state, default=typed, option=EXACT)
            stored.append(StoredEvent(originator_id, version, get_topic(type(event)), body))
            hashed.append(committed(state, typed))
        else:  # the library's mapper writes it; its leaf is taken from the stored JSON
            stored.append(mapper.to_stored_event(event))
            hashed.append(None)
    return stored, hashed


def salt(event: Any) -> None:
    """Draw the event's salts as the committing mapper does, unless it carries them."""
    said = vars(event)
    if SALTS in said:
        return
    names = [name for name in said if name in FREE_TEXT and said[name] not in EMPTY]
    if names:
        drawn = os.urandom(SALT_BYTES * len(names))
        salts = {n: drawn[i * SALT_BYTES : (i + 1) * SALT_BYTES].hex() for i, n in enumerate(names)}
        object.__setattr__(event, SALTS, salts)


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


def committed(state: dict[str, Any], typed: Any) -> str | None:
    """What a form-2 state is hashed as (``ledger.verify.committed_state``): its salted
    fields replaced by their commitments, as sorted JSON; None for form 1."""
    salts = state.get(SALTS)
    if not salts:
        return None
    said = {k: v for k, v in state.items() if k not in salts and k != SALTS}
    said[COMMITMENTS] = {
        name: hashlib.sha256(
            COMMIT_PREFIX
            + bytes.fromhex(salts[name])
            + orjson.dumps(state[name], option=EXACT_SORTED)
        ).hexdigest()
        for name in state
        if name in salts
    }
    return orjson.dumps(said, default=typed, option=EXACT_SORTED).decode("utf-8")


def leaves(
    stored: Sequence[StoredEvent], hashed: Sequence[str | None], positions: Sequence[int]
) -> list[bytes]:
    """Each event's leaf: the hash of its canonical bytes (``ledger.verify.canonical``)."""
    found = []
    for s, text, position in zip(stored, hashed, positions, strict=True):
        if text is None:
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
        found.append(
            leaf_hash(
                (
                    f'{{"aggregate_id":{string(str(s.originator_id))},'
                    f'"aggregate_version":{int(s.originator_version)},"form":2,'
                    f'"position":{int(position)},"state":{string(text)},'
                    f'"topic":{string(s.topic)}}}'
                ).encode()
            )
        )
    return found


def write(recorder: Any, stored: list[StoredEvent], hashed: list[str | None]) -> list[int]:
    """Insert the events, their integrity rows and the frontier in one transaction that
    holds the write lock from its BEGIN; a busy file is waited for and tried again."""

    def once() -> list[int]:
        with immediate(recorder.datastore) as c:
            c.execute("SELECT coalesce(max(rowid), 0) FROM stored_events")
            (last,) = c.fetchone()
            c.executemany(
                "INSERT INTO stored_events (originator_id, originator_version, topic, state) "
                "VALUES (?, ?, ?, ?)",
                [(s.originator_id.hex, s.originator_version, s.topic, s.state) for s in stored],
            )
            c.execute("SELECT rowid FROM stored_events WHERE rowid > ? ORDER BY rowid", (last,))
            positions = [row[0] for row in c.fetchall()]
            assert len(positions) == len(stored), "another writer inserted under our lock"
            append_leaves(c, zip(positions, leaves(stored, hashed, positions), strict=True))
            return positions

    return queued(once, clash=lambda: taken(recorder, stored))
