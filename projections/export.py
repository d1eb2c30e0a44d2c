"""The export: every event in log order with its integrity fields, streamed.

Each record is made from the stored row alone (no domain objects): its readable fields
are read from the stored state by ``ledger.verify.readable``, the same code an auditor's
verifier runs, so that a record edited by hand no longer matches its own stored state; its
subject from the aggregate's first event (projections.subjects). The fields are listed in
projections.export_formats, which writes them, and described in projections.export_schema
(``govledger export --schema``). Memory stays flat: rows are read in batches and each
record is written as it is made.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from hashlib import sha1
from typing import Any

import orjson

from ledger.refs import NAMESPACE
from ledger.verify import Frontier, canonical, leaf_hash, readable
from projections.seals import last_checkpoint, seals
from projections.stored_log import Row, log_of, uuid_text
from projections.subjects import first_subject, item_subject

__all__ = ["event_id", "last_checkpoint", "record_at", "records", "seals"]

NAMESPACE_BYTES = NAMESPACE.bytes
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
    row = found[0]
    lone = record(log_of(ledger), (row[0], uuid_text(row[1]), *row[2:]), {})  # type: ignore[arg-type]
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
    state = as_stored(stored)
    said = said_by(stored if type(stored) is bytes else state, topic)
    payload = said["payload"]
    if version == 1:
        subject = first_subject(topic, payload, said["effective"])
        subjects[aggregate_id] = subject or f"(unreadable {aggregate_id})"
    elif aggregate_id not in subjects:
        subjects[aggregate_id] = subject_of(log, aggregate_id)
    kind = said["type"]
    return {
        "position": position,
        "event_id": event_id(aggregate_id, version),
        "type": kind,
        "schema_version": int(payload.get("class_version", 1)),
        "subject": item_subject(subjects[aggregate_id], kind, payload),
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


def subject_of(log: Any, aggregate_id: str) -> str:
    """The subject of an aggregate whose first event was not read before its others."""
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
