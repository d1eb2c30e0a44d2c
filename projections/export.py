"""The export: every event in log order with its integrity fields, streamed.

The record is defined by the pydantic model below (``govledger export --schema`` prints
its JSON Schema). The readable fields are read from the stored state by
``ledger.verify.readable``, the same code an auditor's verifier runs, so that a record
edited by hand no longer matches its own stored state.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterator
from datetime import date
from hashlib import sha1
from typing import Any, TextIO
from uuid import UUID

import orjson
from pydantic import BaseModel, Field

from ledger.integrity import Witnessed, as_uuid, witnessed
from ledger.refs import NAMESPACE
from ledger.verify import (
    CHECKPOINTED,
    COSIGNED,
    TRAILER_TYPE,
    Frontier,
    canonical,
    empty_root,
    leaf_hash,
    readable,
)
from projections.wording import item_ref

FORMATS = ("jsonl", "csv", "cloudevents")
NAMESPACE_BYTES = NAMESPACE.bytes
ROOT_EVERY = 1000
VARIANT = {c: "89ab"[int(c, 16) & 3] for c in "0123456789abcdef"}


class StoredForm(BaseModel):
    """The event exactly as stored: what its hash is computed over."""

    topic: str = Field(
        description="The event class's stable topic, e.g. govledger:Action.RatingChanged"
    )
    state: str = Field(description="The stored event state, exactly as stored (JSON text)")


class ExportRecord(BaseModel):
    """One event of a govledger log, with what an auditor needs to check it."""

    position: int = Field(description="Global position in the log (increasing; may have gaps)")
    event_id: str = Field(description="UUID of the event (derived from aggregate id and version)")
    type: str = Field(description="Event type, e.g. RatingChanged")
    schema_version: int = Field(description="Version of the event's schema")
    subject: str = Field(
        description="Ref of what the event is about: board, meeting item, "
        "tracker or action (e.g. hf-send-2019#15)"
    )
    aggregate_id: str
    aggregate_version: int
    effective: date = Field(description="The day it took effect")
    recorded: str = Field(description="When it was recorded (UTC, RFC 3339)")
    actor: str = Field(description="Who recorded it")
    reason: str = Field(description="Why")
    payload: dict[str, Any] = Field(description="The event's own fields")
    stored: StoredForm
    leaf_index: int | None = Field(
        description="Index of the event's leaf in the Merkle tree, as written with the event"
    )
    leaf_hash: str | None = Field(description="SHA-256 leaf hash written with the event (hex)")
    tree_size: int = Field(description="Leaves in the tree up to and including this event")
    tree_root: str | None = Field(
        description="Merkle root of the log up to and including this event: given on every "
        f"{ROOT_EVERY:,}th event, at the size of each seal and on the last event; null between"
    )


def schema() -> dict[str, Any]:
    return ExportRecord.model_json_schema()


def records(
    ledger: Any,
    progress: Callable[[int, int], None] | None = None,
    missing: bool = False,
) -> Iterator[dict[str, Any]]:
    """Every stored event as an export record, in log order; memory stays flat.

    With ``missing``, an event whose hash was written but which is gone from the database
    comes back as ``{"position": P, "missing": True}``, so verification can name it.
    """
    recorder = ledger.recorder
    head = recorder.max_notification_id() or 0
    marks = {s["size"] for s in seals(ledger)}
    subjects: dict[str, str] = {}
    frontier = Frontier()
    expected = 0
    for count, row in enumerate(witnessed(recorder), start=1):
        index = row[5]
        if index is not None:
            if missing:
                yield from gaps(recorder, expected, index)
            expected = index + 1
        if progress and count % 5000 == 0:
            progress(row[0], head)
        item = record(ledger, row, subjects)
        frontier.append(row[6] or leaf_of(item))
        item["tree_size"] = size = frontier.size
        if size % ROOT_EVERY == 0 or size in marks or row[0] >= head:
            item["tree_root"] = frontier.root().hex()
        yield item
    if missing:
        yield from gaps(recorder, expected, recorder.frontier().size)
    if progress:
        progress(head, head)


def record_at(ledger: Any, position: int) -> dict[str, Any] | None:
    """The export record of the event at one position (its tree root left out)."""
    found = ledger.recorder.witnessed(position - 1, 1)
    if not found or found[0][0] != position:
        return None
    lone = record(ledger, found[0], {})
    lone["tree_size"] = (lone["leaf_index"] or 0) + 1
    return lone


def gaps(recorder: Any, start: int, stop: int) -> Iterator[dict[str, Any]]:
    """Markers for events written at leaf indexes start..stop-1 and gone since."""
    for index in range(start, stop):
        position = recorder.position_of_leaf(index)
        if position is not None:
            yield {"position": position, "missing": True}


def record(ledger: Any, row: Witnessed, subjects: dict[str, str]) -> dict[str, Any]:
    """One export record. Its tree root is filled in by ``records`` only every ROOT_EVERY
    events, at each seal's size and on the last event: folding a root costs log n hashes."""
    position, aggregate, version, topic, stored, index, witness = row
    aggregate_id = as_uuid(aggregate)
    state = as_stored(stored)
    said = said_by(state, topic)
    if version == 1 or aggregate_id not in subjects:
        try:
            subjects[aggregate_id] = ledger.subject_of(UUID(aggregate_id))
        except Exception:  # its first event is damaged: verify names it; export goes on
            subjects[aggregate_id] = f"(unreadable {aggregate_id})"
    payload = said["payload"]
    subject = item_ref(subjects[aggregate_id], said["type"], payload.get("number"))
    return {
        "position": position,
        "event_id": event_id(aggregate_id, version),
        "type": said["type"],
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


def said_by(state: str, topic: str) -> dict[str, Any]:
    try:
        return readable(state, topic, orjson.loads)
    except (ValueError, KeyError, TypeError, AttributeError):
        return {
            "type": topic.rpartition(".")[2],
            "effective": None,
            "recorded": None,
            "actor": None,
            "reason": None,
            "payload": {},
        }


def event_id(aggregate_id: str, version: int) -> str:
    """uuid5(NAMESPACE, "<aggregate id>:<version>") as text, without building UUID objects."""
    h = sha1(NAMESPACE_BYTES + f"{aggregate_id}:{version}".encode()).hexdigest()
    return f"{h[:8]}-{h[8:12]}-5{h[13:16]}-{VARIANT[h[16]]}{h[17:20]}-{h[20:32]}"


def within(prefixes: list[str]) -> Callable[[str], bool]:
    """A subject filter: a board (its ref, meetings and trackers) or a tracker (and actions)."""

    def matches(subject: str) -> bool:
        base = subject.split("@")[0].split("#")[0]
        return base in prefixes

    return matches


def keep(
    record: dict[str, Any],
    start: date | None,
    end: date | None,
    subject: Callable[[str], bool] | None,
) -> bool:
    """The export's filters. A gap marker (an event gone from the database), or an event
    that cannot be read, is kept only in an unfiltered export, where it shows the auditor
    the damage."""
    if record.get("missing") or not record["effective"]:  # gone, or unreadable: damage
        return start is None and end is None and subject is None
    effective = date.fromisoformat(record["effective"])
    if (start and effective < start) or (end and effective > end):
        return False
    return subject is None or subject(record["subject"])


def seals(ledger: Any) -> list[dict[str, Any]]:
    """Every seal in the log: position, size, root, who and when."""
    from ledger.seal import Seal

    found = ledger.recorder.select_notifications(
        start=None, limit=10**9, topics=[Seal.LogSealed.TOPIC]
    )
    listed = []
    for n in found:
        said = readable(n.state.decode("utf-8"), n.topic)
        listed.append(
            {
                "position": n.id,
                "size": said["payload"]["size"],
                "root": said["payload"]["root"],
                "sealed_on": said["effective"],
                "recorded": said["recorded"],
                "actor": said["actor"],
                "note": said["payload"]["note"],
                "digest": f"{said['payload']['size']}:{said['payload']['root']}",
            }
        )
    return listed


def write(
    rows: Iterator[dict[str, Any]], fmt: str, out: TextIO, source: str, trailer: dict[str, Any]
) -> int:
    """Write records as jsonl, csv (RFC 4180) or CloudEvents 1.0 (one JSON a line), then the
    trailer: how many records, the size and root reached, and the log's last checkpoint. A
    file that does not end with it was cut off, and verification says so."""
    count, last = 0, None
    if fmt == "csv":
        writer = csv.DictWriter(
            out, fieldnames=[*ExportRecord.model_fields, "missing"], lineterminator="\r\n"
        )
        writer.writeheader()
    for row in rows:
        if fmt == "csv":
            writer.writerow({k: csv_cell(v) for k, v in row.items()})
        elif fmt == "cloudevents":
            out.write(line(cloud_event(row, source)))
        else:
            out.write(line(row))
        count, last = count + 1, row
    ending = {
        "count": count,
        "tree_size": (last or {}).get("tree_size") or 0,
        "tree_root": (last or {}).get("tree_root") or empty_root().hex(),
        **trailer,
    }
    if fmt == "csv":
        writer.writerow({"type": TRAILER_TYPE, "payload": csv_cell(ending)})
    elif fmt == "cloudevents":
        out.write(line({**cloud_head(source, "trailer", TRAILER_TYPE), "data": ending}))
    else:
        out.write(line({"trailer": ending}))
    return count


def csv_cell(value: Any) -> Any:
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return "" if value is None else value


def cloud_head(source: str, id: str, type: str) -> dict[str, Any]:
    return {"specversion": "1.0", "id": id, "source": source, "type": type}


def last_checkpoint(ledger: Any) -> str | None:
    """The latest checkpoint the log holds (signed, and cosigned since), as text."""
    found = ledger.recorder.select_notifications(
        start=None, limit=10**9, topics=[CHECKPOINTED, COSIGNED]
    )
    if not found:
        return None
    return orjson.loads(found[-1].state)["checkpoint"]


def line(value: dict[str, Any]) -> str:
    return orjson.dumps(value, option=orjson.OPT_APPEND_NEWLINE).decode("utf-8")


def cloud_event(row: dict[str, Any], source: str) -> dict[str, Any]:
    if row.get("missing"):
        return {
            **cloud_head(source, f"missing-{row['position']}", "govledger.missing"),
            "sequence": str(row["position"]),
            "data": row,
        }
    return {
        **cloud_head(source, row["event_id"], row["type"]),
        "subject": row["subject"],
        "time": f"{row['effective']}T00:00:00Z",
        "recordedtime": row["recorded"],
        "sequence": str(row["position"]),
        "datacontenttype": "application/json",
        "data": row,
    }
