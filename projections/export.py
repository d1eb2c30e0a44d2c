"""The export: every event in log order with its integrity fields, streamed.

Each record is made from the stored row alone (no domain objects): its readable fields
are read from the stored state by ``ledger.verify.readable``, the same code an auditor's
verifier runs, so that a record edited by hand no longer matches its own stored state; its
subject from the aggregate's first event (projections.subjects). The fields are listed in
projections.export_formats, which writes them, and described in projections.export_schema
(``govledger export --schema``). Memory stays flat: rows are streamed by one cursor, in
one read snapshot (projections.stored_log), and each record is written as it is made.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from hashlib import sha1
from typing import Any

import orjson

from ledger.verify import Frontier, canonical, leaf_hash, readable
from projections.seals import last_checkpoint, seals
from projections.stored_log import Row, log_of, uuid_text
from projections.subjects import first_subject, item_subject
from projections.wording import ITEM_LETTER

__all__ = ["event_id", "last_checkpoint", "record_at", "records", "seals"]

#: ledger.refs.NAMESPACE (uuid5 of the URL namespace and https://govledger.org/ids), as
#: bytes, so that an export does not load the refs' parsers (tests/test_export_floor.py).
NAMESPACE_BYTES = bytes.fromhex("473dea85a2455811916215bbda53fe99")
ROOT_EVERY = 1000
VARIANT = {c: "89ab"[int(c, 16) & 3] for c in "0123456789abcdef"}
UNREADABLE = {"effective": None, "recorded": None, "actor": None, "reason": None}


def records(
    source: Any,
    progress: Callable[[int, int], None] | None = None,
    missing: bool = False,
) -> Iterator[dict[str, Any]]:
    """Every stored event as an export record, in log order; memory stays flat. ``source``
    is a stored log (projections.stored_log) or an open ledger.

    With ``missing``, an event whose hash was written but which is gone from the database
    comes back as ``{"position": P, "missing": True}``, so verification can name it. A
    tree root is given every ROOT_EVERY events, at each seal's size and on the last event:
    folding a root costs log n hashes.
    """
    log = log_of(source)
    head = log.head
    marks = {s["size"] for s in seals(log)}
    subjects: dict[str, str] = {}
    frontier = Frontier()
    expected = 0
    for count, row in enumerate(log.rows(), start=1):
        index = row[5]
        if index is not None:
            if missing and index != expected:
                yield from gaps(log, expected, index)
            expected = index + 1
        if progress and count % 5000 == 0:
            progress(row[0], head)
        item = record(log, row, subjects)
        frontier.append(row[6] or leaf_of(item))
        item["tree_size"] = size = frontier.size
        if size % ROOT_EVERY == 0 or size in marks or row[0] >= head:
            item["tree_root"] = frontier.root().hex()
        yield item
    if missing:
        yield from gaps(log, expected, log.written())
    if progress:
        progress(head, head)


def record_at(ledger: Any, position: int) -> dict[str, Any] | None:
    """The export record of the event at one position (its tree root left out)."""
    found = ledger.recorder.witnessed(position - 1, 1)
    if not found or found[0][0] != position:
        return None
    lone = record(log_of(ledger), found[0], {})
    lone["tree_size"] = (lone["leaf_index"] or 0) + 1
    return lone


def gaps(log: Any, start: int, stop: int) -> Iterator[dict[str, Any]]:
    """Markers for events written at leaf indexes start..stop-1 and gone since."""
    for index in range(start, stop):
        position = log.position_of_leaf(index)
        if position is not None:
            yield {"position": position, "missing": True}


def record(log: Any, row: Row, subjects: dict[str, str]) -> dict[str, Any]:
    """One export record, its tree size and root left for ``records`` to fill in."""
    position, aggregate_id, version, topic, stored, index, witness = row
    if type(aggregate_id) is str and len(aggregate_id) == 32:  # as SQLite stores it
        a = aggregate_id
        aggregate_id = f"{a[:8]}-{a[8:12]}-{a[12:16]}-{a[16:20]}-{a[20:]}"
    elif type(aggregate_id) is not str or len(aggregate_id) != 36:
        aggregate_id = uuid_text(aggregate_id)  # damaged: verify names it
    if type(stored) is bytes:
        state = stored.decode("utf-8", "surrogateescape")
        said = said_by(stored, topic)
    else:
        state = as_stored(stored)
        said = said_by(state, topic)
    payload = said["payload"]
    kind = said["type"]
    if version == 1:
        subject = first_subject(topic, payload, said["effective"])
        subjects[aggregate_id] = subject = subject or f"(unreadable {aggregate_id})"
    else:
        subject = subjects.get(aggregate_id) or subject_of(log, aggregate_id, subjects)
    if kind in ITEM_LETTER:
        subject = item_subject(subject, kind, payload)
    return {
        "position": position,
        "event_id": event_id(aggregate_id, version),
        "type": kind,
        "schema_version": int(payload.get("class_version", 1)),
        "subject": subject,
        "aggregate_id": aggregate_id,
        "aggregate_version": version,
        "effective": said["effective"],
        "recorded": said["recorded"],
        "actor": said["actor"],
        "reason": said["reason"],
        "payload": payload,
        "stored": {"topic": topic, "state": state},
        "leaf_index": index,
        "leaf_hash": witness.hex() if witness else None,
        "tree_size": None,
        "tree_root": None,
    }


def subject_of(log: Any, aggregate_id: str, subjects: dict[str, str]) -> str:
    """The subject of an aggregate whose first event was not read before its others,
    remembered in ``subjects``."""
    subjects[aggregate_id] = subject = first_of(log, aggregate_id)
    return subject


def first_of(log: Any, aggregate_id: str) -> str:
    try:
        first = log.first(aggregate_id)
    except Exception:  # an id the database cannot look up: verify names the damage
        return f"(unreadable {aggregate_id})"
    if first is None:
        return f"(unknown {aggregate_id})"
    topic, stored = first
    said = said_by(as_stored(stored), topic)
    subject = first_subject(topic, said["payload"], said["effective"])
    return subject or f"(unreadable {aggregate_id})"


def leaf_of(item: dict[str, Any]) -> bytes:
    """The leaf hash of a record whose event was stored without one."""
    stored = item["stored"]
    return leaf_hash(
        canonical(
            item["position"],
            item["aggregate_id"],
            item["aggregate_version"],
            stored["topic"],
            stored["state"],
        )
    )


def as_stored(stored: Any) -> str:
    """The stored state as text, exactly as found, so that verification can judge it: a
    value written over as text (or NULL) is exported as it is, and then fails there."""
    if stored is None:
        return ""
    if isinstance(stored, str):
        return stored
    return bytes(stored).decode("utf-8", "surrogateescape")


def said_by(state: str | bytes, topic: str) -> dict[str, Any]:
    try:
        return readable(state, topic, orjson.loads)  # type: ignore[arg-type]
    except (ValueError, KeyError, TypeError, AttributeError):
        return {"type": topic.rpartition(".")[2], **UNREADABLE, "payload": {}}


def event_id(aggregate_id: str, version: int) -> str:
    """uuid5(NAMESPACE, "<aggregate id>:<version>") as text, without building UUID objects."""
    h = sha1(NAMESPACE_BYTES + f"{aggregate_id}:{version}".encode()).hexdigest()
    return f"{h[:8]}-{h[8:12]}-5{h[13:16]}-{VARIANT[h[16]]}{h[17:20]}-{h[20:32]}"
