"""The fair floors of a command, each run as a new Python process with the standard library
alone: ``python -m bench.floor_processes KIND ARGS``. Each does the essential work of its
operation on the same ledger file, writing into its own floor tables (never the ledger's).

- ``clerk DB ACTION_ID``: open the database, read the action's latest stored row, encode one
  event (its free text salted, as the ledger commits it), hash it as the ledger does (its
  form-2 commitments and canonical bytes, bench.verify_floor.leaf_of), insert the event and
  its integrity row and move the frontier, in one transaction.
- ``read DB TRACKER``: open the database, check the views are level with the log, read the
  tracker's actions and their current facts, print them.
- ``import DB CSV TRACKER``: read the tracker file, read which actions exist (one query),
  encode two events per new row (added, rated), hash each as the ledger does (commitments,
  canonical bytes), insert events and integrity rows with ``executemany`` and move the
  frontier, in one transaction.
- ``bare DB CSV``: the physical limit: read the file and insert its rows as they are.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import sqlite3
import sys
import uuid
from datetime import UTC, datetime

from bench.verify_floor import leaf_of

NAMESPACE = uuid.UUID("6f1c9d1e-5b7a-4c1e-9a53-2a0c5e1d7b15")  # any fixed namespace will do

FLOOR_TABLES = (
    "CREATE TABLE IF NOT EXISTS floor_events (originator_id TEXT, originator_version INTEGER, "
    "topic TEXT, state BLOB, PRIMARY KEY (originator_id, originator_version))",
    "CREATE TABLE IF NOT EXISTS floor_integrity (position INTEGER PRIMARY KEY, "
    "leaf_index INTEGER NOT NULL UNIQUE, leaf BLOB NOT NULL)",
    "CREATE TABLE IF NOT EXISTS floor_frontier (id INTEGER PRIMARY KEY, size INTEGER, hashes BLOB)",
)


def make_tables(db: str) -> None:
    with sqlite3.connect(db) as conn:
        for statement in FLOOR_TABLES:
            conn.execute(statement)


def drop_tables(db: str) -> None:
    with sqlite3.connect(db) as conn:
        for table in ("floor_events", "floor_integrity", "floor_frontier"):
            conn.execute(f"DROP TABLE IF EXISTS {table}")


def salted(event: dict, texts: tuple[str, ...]) -> bytes:
    """The event's stored JSON, each free text given its own salt (as commitments need)."""
    event["_salts_"] = {name: os.urandom(16).hex() for name in texts if event.get(name)}
    return json.dumps(event, separators=(",", ":"), ensure_ascii=False).encode()


def stamp() -> dict:
    return {"_type_": "datetime_iso", "_data_": datetime.now(UTC).isoformat()}


class Frontier:
    """The Merkle tree's right edge, moved one leaf at a time (RFC 6962 node hashes)."""

    def __init__(self, size: int, hashes: bytes) -> None:
        self.size = size
        self.hashes = [hashes[i : i + 32] for i in range(0, len(hashes), 32)]

    def append(self, leaf: bytes) -> None:
        node, size = leaf, self.size
        while size & 1:
            node = hashlib.sha256(b"\x01" + self.hashes.pop() + node).digest()
            size >>= 1
        self.hashes.append(node)
        self.size += 1


def store(conn: sqlite3.Connection, rows: list[tuple]) -> None:
    """Insert the events and their integrity rows and move the frontier (in the caller's
    transaction)."""
    found = conn.execute("SELECT size, hashes FROM floor_frontier WHERE id = 1").fetchone()
    frontier = Frontier(*(found or (0, b"")))
    first = conn.execute("SELECT coalesce(max(rowid), 0) FROM floor_events").fetchone()[0] + 1
    leaves = []
    for offset, (aggregate_id, version, topic, state) in enumerate(rows):
        leaf = leaf_of(first + offset, aggregate_id, version, topic, state.decode("utf-8"))
        leaves.append((first + offset, frontier.size, leaf))
        frontier.append(leaf)
    conn.executemany("INSERT INTO floor_events VALUES (?, ?, ?, ?)", rows)
    conn.executemany("INSERT INTO floor_integrity VALUES (?, ?, ?)", leaves)
    conn.execute(
        "INSERT INTO floor_frontier VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET "
        "size = excluded.size, hashes = excluded.hashes",
        (frontier.size, b"".join(frontier.hashes)),
    )


def clerk(db: str, action_id: str) -> None:
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    version, state = conn.execute(
        "SELECT originator_version, state FROM stored_events WHERE originator_id = ? "
        "ORDER BY originator_version DESC LIMIT 1",
        (action_id,),
    ).fetchone()
    json.loads(state)
    (written,) = conn.execute(  # earlier runs of this floor wrote their versions here
        "SELECT max(originator_version) FROM floor_events WHERE originator_id = ?", (action_id,)
    ).fetchone()
    version = max(version, written or 0)
    event = {"timestamp": stamp(), "actor": "Bench", "on": "2019-06-12", "reason": "benchmark"}
    event["text"] = "a note from the floor"
    store(conn, [(action_id, version + 1, "govledger:Action.NoteAdded", salted(event, ("text",)))])
    conn.execute("COMMIT")
    print(f"Recorded NoteAdded at version {version + 1}.")


def read(db: str, tracker: str) -> None:
    conn = sqlite3.connect(db)
    conn.execute("SELECT max(rowid) FROM stored_events").fetchone()
    conn.execute("SELECT * FROM gl_views").fetchall()
    rows = conn.execute(
        "SELECT a.ref, f.attr, f.value FROM gl_actions a JOIN gl_facts f ON f.action_id = a.id "
        "WHERE a.tracker = ? AND f.known_to = (SELECT max(known_to) FROM gl_facts) "
        "ORDER BY a.sort_key, f.attr, f.effective_on",
        (tracker,),
    ).fetchall()
    current: dict[str, dict[str, str]] = {}
    for ref, attr, value in rows:
        current.setdefault(ref, {})[attr] = value
    for ref, facts in current.items():
        print(ref, " ".join(f"{k}={v}" for k, v in sorted(facts.items())))


def import_file(db: str, path: str, tracker: str) -> None:
    with open(path, newline="", encoding="utf-8") as f:
        body = list(csv.reader(f))[1:]
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    existing = {
        r[0]
        for r in conn.execute(
            "SELECT originator_id FROM stored_events WHERE topic = 'govledger:Action.ActionAdded'"
        )
    }
    rows = []
    reason = f"imported from {os.path.basename(path)}"
    for number, (item, text, owner, due, rag, update) in enumerate(body, start=2):
        action_id = uuid.uuid5(NAMESPACE, f"action:{tracker}#{item}").hex
        if action_id in existing:
            continue
        added = {"timestamp": stamp(), "actor": "Bench", "on": "2019-06-12", "reason": reason}
        added.update(tracker=tracker, number=item, owners=[owner], timescale=due)
        added.update(action=text, update=update, fields={})
        rated = {"timestamp": stamp(), "actor": "Bench", "on": "2019-06-12", "reason": reason}
        rated.update(rating=rag.lower(), previous=None, evidence=f"{path}, row {number}")
        texts = ("reason", "owners", "timescale", "action", "update")
        rows.append((action_id, 1, "govledger:Action.ActionAdded", salted(added, texts)))
        rows.append(
            (action_id, 2, "govledger:Action.RatingChanged", salted(rated, ("reason", "evidence")))
        )
    store(conn, rows)
    conn.execute("COMMIT")
    print(f"Recorded {len(rows)} events.")


def bare(db: str, path: str) -> None:
    with open(path, newline="", encoding="utf-8") as f:
        body = list(csv.reader(f))[1:]
    conn = sqlite3.connect(db)
    with conn:
        conn.executemany(
            "INSERT INTO floor_events VALUES (?, 1, 'row', ?)", [(r[0], ",".join(r)) for r in body]
        )


if __name__ == "__main__":
    kind, *args = sys.argv[1:]
    {"clerk": clerk, "read": read, "import": import_file, "bare": bare}[kind](*args)
