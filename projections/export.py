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
from typing import Any, TextIO
from uuid import uuid5

from pydantic import BaseModel, Field

from ledger.integrity import as_uuid, stored_with_witness
from ledger.refs import NAMESPACE
from ledger.verify import Frontier, Report, canonical, check_records, leaf_hash, readable

FORMATS = ("jsonl", "csv", "cloudevents")
ITEM_SUFFIX = {"DecisionRecorded": "D", "MinuteActionRaised": "A", "MinuteActionCompleted": "A"}


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
    tree_root: str = Field(description="Merkle root of the log up to and including this event")


def schema() -> dict[str, Any]:
    return ExportRecord.model_json_schema()


def records(
    ledger: Any, progress: Callable[[int, int], None] | None = None, missing: bool = False
) -> Iterator[dict[str, Any]]:
    """Every stored event as an export record, in log order; memory stays flat.

    With ``missing``, a position whose hash was written but whose event is gone comes
    back as ``{"position": P, "missing": True}``, so verification can name it.
    """
    subjects: dict[str, str] = {}
    frontier = Frontier()
    head = ledger.recorder.max_notification_id() or 0
    for count, (notification, witness) in enumerate(stored_with_witness(ledger), start=1):
        if progress and count % 5000 == 0:
            progress(count, head)
        if notification is None:
            if missing:
                yield {"position": witness[0], "missing": True}
            continue
        yield record(ledger, notification, witness, subjects, frontier)
    if progress:
        progress(head, head)


def record(
    ledger: Any, n: Any, witness: Any, subjects: dict[str, str], frontier: Frontier
) -> dict[str, Any]:
    aggregate_id = as_uuid(n.originator_id)
    state = n.state.decode("utf-8", "surrogateescape")
    try:
        said = readable(state, n.topic)
    except ValueError:
        said = {
            "type": n.topic.rpartition(".")[2],
            "effective": None,
            "recorded": None,
            "actor": None,
            "reason": None,
            "payload": {},
        }
    if n.originator_version == 1 or aggregate_id not in subjects:
        subjects[aggregate_id] = ledger.subject_of(n.originator_id)
    suffix = ITEM_SUFFIX.get(said["type"]) if "number" in said["payload"] else None
    subject = subjects[aggregate_id] + (f"/{suffix}{said['payload']['number']}" if suffix else "")
    leaf = (
        witness[2]
        if witness
        else leaf_hash(canonical(n.id, aggregate_id, n.originator_version, n.topic, state))
    )
    frontier.append(leaf)
    return {
        "position": n.id,
        "event_id": str(uuid5(NAMESPACE, f"{aggregate_id}:{n.originator_version}")),
        "type": said["type"],
        "schema_version": int(said["payload"].get("class_version", 1)),
        "subject": subject,
        "aggregate_id": aggregate_id,
        "aggregate_version": n.originator_version,
        "effective": said["effective"],
        "recorded": said["recorded"],
        "actor": said["actor"],
        "reason": said["reason"],
        "payload": said["payload"],
        "stored": {"topic": n.topic, "state": state},
        "leaf_index": witness[1] if witness else None,
        "leaf_hash": witness[2].hex() if witness else None,
        "tree_size": frontier.size,
        "tree_root": frontier.root().hex(),
    }


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
    """The export's filters. A gap marker (an event gone from the database) is kept only
    in an unfiltered export, where it shows the auditor the damage."""
    if record.get("missing"):
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


def verify_ledger(
    ledger: Any,
    digest: tuple[int, bytes] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Report:
    """Recompute every hash from the stored events; check each seal and a trusted digest."""
    sealed = seals(ledger)
    checkpoints = {s["size"]: (s["position"], bytes.fromhex(s["root"])) for s in sealed}
    report = check_records(records(ledger, progress, missing=True), digest, checkpoints)
    if not report.ok:
        return report
    for seal in sealed:
        if seal["size"] > report.size:
            return report.fail(
                seal["position"],
                f"this seal covers {seal['size']} events but the log holds {report.size}",
            )
    written = ledger.recorder.frontier().size
    if written != report.size:
        return report.fail(
            None,
            f"{written} events were written to this ledger but "
            f"{report.size} are stored: events were removed",
        )
    return report


def write(rows: Iterator[dict[str, Any]], fmt: str, out: TextIO, source: str) -> int:
    """Write records as jsonl, csv (RFC 4180) or CloudEvents 1.0 (one JSON a line)."""
    count = 0
    if fmt == "csv":
        writer = csv.DictWriter(
            out, fieldnames=[*ExportRecord.model_fields, "missing"], lineterminator="\r\n"
        )
        writer.writeheader()
    for row in rows:
        if fmt == "csv":
            writer.writerow(
                {
                    k: json.dumps(v, ensure_ascii=False)
                    if isinstance(v, dict)
                    else ""
                    if v is None
                    else v
                    for k, v in row.items()
                }
            )
        elif fmt == "cloudevents":
            out.write(line(cloud_event(row, source)))
        else:
            out.write(line(row))
        count += 1
    return count


def line(value: dict[str, Any]) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")) + "\n"


def cloud_event(row: dict[str, Any], source: str) -> dict[str, Any]:
    if row.get("missing"):
        return {
            "specversion": "1.0",
            "id": f"missing-{row['position']}",
            "source": source,
            "type": "govledger.missing",
            "sequence": str(row["position"]),
            "data": row,
        }
    return {
        "specversion": "1.0",
        "id": row["event_id"],
        "source": source,
        "type": row["type"],
        "subject": row["subject"],
        "time": f"{row['effective']}T00:00:00Z",
        "recordedtime": row["recorded"],
        "sequence": str(row["position"]),
        "datacontenttype": "application/json",
        "data": row,
    }
