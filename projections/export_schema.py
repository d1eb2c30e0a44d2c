"""The export record described for readers: ``govledger export --schema`` prints this
model's JSON Schema. Only ``--schema`` loads it (pydantic is slow to import); the records
themselves are made in projections.export, with the fields of projections.export_formats,
which tests/test_export_floor.py holds equal to this model's."""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import BaseModel, Field

ROOT_EVERY = 1000


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
