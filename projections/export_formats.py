"""An export's records written out: JSON lines, CSV (RFC 4180) or CloudEvents 1.0, each
followed by the trailer that says the file is whole."""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import Any, BinaryIO

import orjson

from ledger.verify import TRAILER_TYPE, empty_root

#: The fields of an export record, in order (the columns of a CSV export, before
#: ``missing``); projections.export_schema describes each.
FIELDS = (
    "position",
    "event_id",
    "type",
    "schema_version",
    "subject",
    "aggregate_id",
    "aggregate_version",
    "effective",
    "recorded",
    "actor",
    "reason",
    "payload",
    "stored",
    "leaf_index",
    "leaf_hash",
    "tree_size",
    "tree_root",
)
NEWLINE = orjson.OPT_APPEND_NEWLINE


def write(
    rows: Iterable[dict[str, Any]], fmt: str, out: BinaryIO, source: str, trailer: dict[str, Any]
) -> int:
    """Write records as jsonl, csv or cloudevents to the binary ``out`` (UTF-8), then the
    trailer: how many records, the size and root reached, and the log's last checkpoint. A
    file that does not end with it was cut off, and verification says so."""
    if fmt == "csv":
        return write_csv(rows, out, trailer)
    count, last, dumps, put = 0, None, orjson.dumps, out.write
    if fmt == "cloudevents":
        for row in rows:
            put(dumps(cloud_event(row, source), option=NEWLINE))
            count, last = count + 1, row
    else:
        for row in rows:
            put(dumps(row, option=NEWLINE))
            count, last = count + 1, row
    ending = trailer_of(count, last, trailer)
    if fmt == "cloudevents":
        put(line({**cloud_head(source, "trailer", TRAILER_TYPE), "data": ending}))
    else:
        put(line({"trailer": ending}))
    return count


def write_csv(rows: Iterable[dict[str, Any]], out: BinaryIO, trailer: dict[str, Any]) -> int:
    import csv

    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=False)
    writer = csv.DictWriter(text, fieldnames=[*FIELDS, "missing"], lineterminator="\r\n")
    writer.writeheader()
    count, last = 0, None
    for row in rows:
        writer.writerow({k: csv_cell(v) for k, v in row.items()})
        count, last = count + 1, row
    ending = trailer_of(count, last, trailer)
    writer.writerow({"type": TRAILER_TYPE, "payload": csv_cell(ending)})
    text.flush()
    text.detach()
    return count


def trailer_of(count: int, last: dict[str, Any] | None, trailer: dict[str, Any]) -> dict[str, Any]:
    return {
        "count": count,
        "tree_size": (last or {}).get("tree_size") or 0,
        "tree_root": (last or {}).get("tree_root") or empty_root().hex(),
        **trailer,
    }


def csv_cell(value: Any) -> Any:
    if isinstance(value, dict):
        import json

        return json.dumps(value, ensure_ascii=False)
    return "" if value is None else value


def cloud_head(source: str, id: str, type: str) -> dict[str, Any]:
    return {"specversion": "1.0", "id": id, "source": source, "type": type}


def line(value: dict[str, Any]) -> bytes:
    return orjson.dumps(value, option=NEWLINE)


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
