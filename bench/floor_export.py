"""The fair floor of ``govledger export`` (JSON lines): its essential work, from a new process.

``fair(db)`` runs ``python bench/floor_export.py DB OUT`` and returns events/s. That process
imports nothing of govledger: the database driver (sqlite3 or psycopg) and orjson, the JSON
codec the export writes with (the same codec, so the floor measures the work, not a slower
codec, and its lines can be the export's bytes). On a recorded ledger it:

- reads the seals' sizes (a root is given at each) and the last checkpoint (the trailer's);
- reads every stored event in log order beside the leaf index and leaf written with it,
  in one streamed query;
- makes each event's record, the same as the export's: its fields read from the stored
  state (base fields, typed dates as text, free text erased shown as such, salts left out),
  its event id (uuid5 of aggregate id and version), its subject (from the aggregate's first
  event, and a meeting item's own ref), its stored form, its leaf, the tree's size, and the
  root every 1,000th event, at each seal's size and on the last;
- writes each record as one JSON line to the file, then the trailer.

Its output is byte for byte what the export writes (tests/test_export_floor.py checks it),
so nothing is skipped. PostgreSQL: ``fair`` reads the tables once before timing, so both
the floor and ours (measured after it) find the cache warm.
"""

from __future__ import annotations

import hashlib
import sys

import orjson

NAMESPACE = bytes.fromhex("473dea85a2455811916215bbda53fe99")  # uuid5(URL, govledger.org/ids)
VARIANT = {c: "89ab"[int(c, 16) & 3] for c in "0123456789abcdef"}
SEALED = "govledger:Seal.LogSealed"
CHECKPOINTS = ("govledger:Seal.CheckpointSigned", "govledger:Seal.CheckpointCosigned")
ITEM_LETTER = {
    "DecisionRecorded": "D",
    "FollowUpClosed": "D",
    "VoteRecorded": "D",
    "DecisionCalledIn": "D",
    "CallInConcluded": "D",
    "MinuteActionRaised": "A",
    "MinuteActionCompleted": "A",
}
#: The ref an aggregate is told under, from its first event's fields (payload, effective day).
SUBJECTS = {
    "Action.ActionAdded": lambda p, on: f"{p['tracker']}#{p['number']}",
    "Board.BoardRegistered": lambda p, on: p["board"],
    "Meeting.MeetingScheduled": lambda p, on: f"{p['board']}@{p['held_on']}",
    "Tracker.TrackerAdopted": lambda p, on: p["tracker"],
    "Owner.OwnerEmailRecorded": lambda p, on: f"owner:{p['owner']}",
    "ReminderRun.RemindersSent": lambda p, on: f"reminders@{on}",
    "Redaction.FieldRedacted": lambda p, on: f"redaction:{p['position']}/{p['field']}",
    "Seal.LogSealed": lambda p, on: f"seal@{p['size']}",
    "SigningKey.KeyRegistered": lambda p, on: f"key:{p['name']}",
    "SigningPolicy.SigningRequired": lambda p, on: "signing-policy",
    "Signature.BatchSigned": lambda p, on: f"signature:{p['key']}",
}
ERASED_AS = {"str": "[erased]", "list": ["[erased]"], "dict": {}}


def plain(value):
    """Typed values ({"_type_": ..., "_data_": ...}) as their text, at any depth."""
    if type(value) is dict:
        if len(value) == 2 and "_type_" in value and "_data_" in value:
            return plain(value["_data_"])
        return {k: plain(v) if type(v) in (dict, list) else v for k, v in value.items()}
    if type(value) is list:
        return [plain(v) if type(v) in (dict, list) else v for v in value]
    return value


def read(value):
    """A stored field as the export shows it: erased text as '[erased]', dates as text."""
    if type(value) is dict and "_erased_" in value and len(value) == 2 and "was" in value:
        return ERASED_AS.get(value["was"])
    return plain(value)


def root_of(hashes: list[bytes]) -> bytes:
    if not hashes:
        return hashlib.sha256(b"").digest()
    acc = hashes[-1]
    for left in reversed(hashes[:-1]):
        acc = hashlib.sha256(b"\x01" + left + acc).digest()
    return acc


def export(rows, seal_sizes: set[int], head: int, checkpoint, out) -> int:
    """Write every row's record, then the trailer; how many records were written."""
    sha1, sha256, dumps, loads = hashlib.sha1, hashlib.sha256, orjson.dumps, orjson.loads
    newline = orjson.OPT_APPEND_NEWLINE
    subjects: dict[str, str] = {}
    hashes: list[bytes] = []
    size, record = 0, None
    write = out.write
    for position, aggregate_id, version, topic, state, index, leaf in rows:
        if len(aggregate_id) == 32:  # SQLite keeps the 32 hex digits
            a = aggregate_id
            aggregate_id = f"{a[:8]}-{a[8:12]}-{a[12:16]}-{a[16:20]}-{a[20:]}"
        text = state.decode("utf-8")
        payload = loads(state)  # the payload is what remains once the base fields are out
        payload.pop("_salts_", None), payload.pop("originator_topic", None)
        effective, stamp = plain(payload.pop("on", None)), plain(payload.pop("timestamp", ""))
        actor, reason = payload.pop("actor", None), payload.pop("reason", None)
        for name, value in payload.items():
            if type(value) in (dict, list):
                payload[name] = read(value)
        kind = topic.rpartition(".")[2].rpartition(":")[2]
        if version == 1:
            subjects[aggregate_id] = SUBJECTS[topic.partition(":")[2]](payload, effective)
        subject = subjects[aggregate_id]
        letter = ITEM_LETTER.get(kind)
        if letter and payload.get("number") is not None:
            subject = f"{subject}/{letter}{payload['number']}"
        h = sha1(NAMESPACE + f"{aggregate_id}:{version}".encode()).hexdigest()
        leaf = bytes(leaf)
        hashes.append(leaf)
        size += 1
        n = size
        while n % 2 == 0:
            right = hashes.pop()
            hashes[-1] = sha256(b"\x01" + hashes[-1] + right).digest()
            n //= 2
        record = {
            "position": position,
            "event_id": f"{h[:8]}-{h[8:12]}-5{h[13:16]}-{VARIANT[h[16]]}{h[17:20]}-{h[20:32]}",
            "type": kind,
            "schema_version": int(payload.get("class_version", 1)),
            "subject": subject,
            "aggregate_id": aggregate_id,
            "aggregate_version": version,
            "effective": effective,
            "recorded": stamp.replace("+00:00", "Z"),
            "actor": read(actor) if type(actor) is dict else actor,
            "reason": read(reason) if type(reason) is dict else reason,
            "payload": payload,
            "stored": {"topic": topic, "state": text},
            "leaf_index": index,
            "leaf_hash": leaf.hex(),
            "tree_size": size,
            "tree_root": root_of(hashes).hex()
            if size % 1000 == 0 or size in seal_sizes or position >= head
            else None,
        }
        write(dumps(record, option=newline))
    trailer = {
        "count": size,
        "tree_size": size,
        "tree_root": (record or {}).get("tree_root") or root_of([]).hex(),
        "checkpoint": checkpoint,
        "filtered": False,
    }
    write(dumps({"trailer": trailer}, option=newline))
    return size


def sqlite_export(path: str, out) -> int:
    import sqlite3

    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    seals = conn.execute("SELECT state FROM stored_events WHERE topic = ?", (SEALED,))
    sizes = {orjson.loads(s)["size"] for (s,) in seals}
    found = conn.execute(
        "SELECT state FROM stored_events WHERE topic IN (?, ?) ORDER BY rowid DESC LIMIT 1",
        CHECKPOINTS,
    ).fetchone()
    head = conn.execute("SELECT coalesce(max(rowid), 0) FROM stored_events").fetchone()[0]
    rows = conn.execute(
        "SELECT e.rowid, e.originator_id, e.originator_version, e.topic, e.state, i.leaf_index, "
        "i.leaf FROM stored_events e JOIN gl_integrity i ON i.position = e.rowid ORDER BY e.rowid"
    )
    checkpoint = orjson.loads(found[0])["checkpoint"] if found else None
    return export(rows, sizes, head, checkpoint, out)


def postgres_export(url: str, out) -> int:
    import psycopg

    base, schema = url.partition("?")[0], url.partition("schema=")[2].partition("&")[0]
    events = f'"{schema}".ledger_events'
    with psycopg.connect(base) as conn:
        seals = conn.execute(f"SELECT state FROM {events} WHERE topic = %s", (SEALED,))
        sizes = {orjson.loads(s)["size"] for (s,) in seals}
        found = conn.execute(
            f"SELECT state FROM {events} WHERE topic IN (%s, %s) "
            "ORDER BY notification_id DESC LIMIT 1",
            CHECKPOINTS,
        ).fetchone()
        head = conn.execute(f"SELECT coalesce(max(notification_id), 0) FROM {events}").fetchone()
        checkpoint = orjson.loads(found[0])["checkpoint"] if found else None
        with conn.cursor(name="floor") as cur:
            cur.itersize = 5000
            cur.execute(
                "SELECT e.notification_id, e.originator_id::text, e.originator_version, e.topic, "
                f'e.state, i.leaf_index, i.leaf FROM {events} e JOIN "{schema}".gl_integrity i '
                "ON i.position = e.notification_id ORDER BY e.notification_id"
            )
            return export(cur, sizes, head[0], checkpoint, out)


def warm(url: str) -> None:
    """Read the events and leaves once, so that the server's cache holds them."""
    import psycopg

    schema = url.partition("schema=")[2].partition("&")[0]
    with psycopg.connect(url.partition("?")[0]) as conn:
        conn.execute(
            f'SELECT count(*), sum(length(e.state)), sum(length(i.leaf)) FROM "{schema}".'
            f'ledger_events e JOIN "{schema}".gl_integrity i ON i.position = e.notification_id'
        ).fetchone()


def fair(db: str) -> float:
    """Events/s of the floor as a new process, writing to a scratch file."""
    import subprocess
    import tempfile
    import time
    from pathlib import Path

    if db.startswith("postgresql://"):
        warm(db)
    with tempfile.TemporaryDirectory(prefix="govledger-floor-export-") as folder:
        out = Path(folder) / "floor.jsonl"
        started = time.perf_counter()
        done = subprocess.run(
            [sys.executable, __file__, db, str(out)], capture_output=True, text=True, check=True
        )
        seconds = time.perf_counter() - started
    return int(done.stdout) / seconds


def main(db: str, path: str) -> None:
    with open(path, "wb", buffering=1 << 16) as out:
        made = postgres_export if db.startswith("postgresql://") else sqlite_export
        print(made(db, out))


if __name__ == "__main__":
    main(*sys.argv[1:])
