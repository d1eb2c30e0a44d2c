"""The fair floor of ``govledger verify``: its essential work in plain Python and the driver.

For each stored event, in log order, with the leaf written beside it: a form-2 event's free
text committed again (each salted field's salted SHA-256 over its sorted JSON, an erased
field's kept commitment, then the state without salts as sorted JSON); the canonical bytes
(position, aggregate id and version, topic, state: sorted JSON); the leaf hash compared
with the stored leaf; and the node hashes of the growing tree (RFC 6962). Written from the
format's description (ledger/verify.py's docstring), not by calling the ledger's code.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Iterable
from contextlib import closing
from json.encoder import encode_basestring as string  # the C encoder json.dumps uses
from typing import Any

SALTS, ERASED, COMMITMENTS = "_salts_", "_erased_", "_commitments_"
COMMIT_PREFIX = b"govledger-commit/v1\n"
SORTED = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode


def committed(state: str) -> str | None:
    """A form-2 state as it is hashed; None for form 1 (hashed as stored)."""
    if f'"{SALTS}":' not in state:
        return None
    said = json.loads(state)
    salts = said.pop(SALTS)
    commitments = {}
    for name in [n for n, v in said.items() if n in salts or (type(v) is dict and ERASED in v)]:
        value = said.pop(name)
        if name in salts:
            text = SORTED(value).encode()
            value = hashlib.sha256(COMMIT_PREFIX + bytes.fromhex(salts[name]) + text).hexdigest()
        else:
            value = value[ERASED]
        commitments[name] = value
    said[COMMITMENTS] = commitments
    return SORTED(said)


def as_text(aggregate_id: Any) -> str:
    text = str(aggregate_id)
    if len(text) == 32:  # SQLite keeps the 32 hex digits
        return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"
    return text


def leaf_of(position: int, aggregate_id: Any, version: int, topic: str, text: str) -> bytes:
    """An event's leaf: the hash of its canonical bytes, its form-2 text committed."""
    hashed = committed(text)
    form, hashed = ("", text) if hashed is None else ('"form":2,', hashed)
    canonical = (  # the sorted JSON of the fields, written out in their sorted order
        f'{{"aggregate_id":{string(as_text(aggregate_id))},"aggregate_version":{version},'
        f'{form}"position":{position},"state":{string(hashed)},"topic":{string(topic)}}}'
    )
    return hashlib.sha256(b"\x00" + canonical.encode()).digest()


def verified(rows: Iterable[tuple[Any, ...]]) -> int:
    """How many events were verified; raises at the first whose leaf does not match."""
    sha256 = hashlib.sha256
    hashes: list[bytes] = []
    size = 0
    for position, aggregate_id, version, topic, state, leaf in rows:
        computed = leaf_of(position, aggregate_id, version, topic, bytes(state).decode("utf-8"))
        if computed != bytes(leaf):
            raise AssertionError(f"the floor's leaf at {position} does not match the stored one")
        hashes.append(computed)
        size += 1
        n = size
        while n % 2 == 0:
            right, left = hashes.pop(), hashes.pop()
            hashes.append(sha256(b"\x01" + left + right).digest())
            n //= 2
    return size


def sqlite_floor(path: str) -> float:
    """Events/s of the floor on an SQLite ledger."""
    import sqlite3

    with closing(sqlite3.connect(path)) as conn:
        started = time.perf_counter()
        count = verified(
            conn.execute(
                "SELECT e.rowid, e.originator_id, e.originator_version, e.topic, e.state, "
                "i.leaf FROM stored_events e JOIN gl_integrity i ON i.position = e.rowid "
                "ORDER BY e.rowid"
            )
        )
        return count / (time.perf_counter() - started)


def postgres_floor(url: str) -> float:
    """Events/s of the floor on a PostgreSQL ledger (a streamed, server-side cursor)."""
    import psycopg

    from ledger.storage import locate

    schema = locate(url).settings["POSTGRES_SCHEMA"]
    with psycopg.connect(url.partition("?")[0]) as conn:
        conn.execute(  # the server's cache warmed first, as for every PostgreSQL floor
            f'SELECT count(*), sum(length(e.state)), sum(length(i.leaf)) FROM "{schema}".'
            f'ledger_events e JOIN "{schema}".gl_integrity i ON i.position = e.notification_id'
        ).fetchone()
        conn.commit()
    with psycopg.connect(url.partition("?")[0]) as conn, conn.cursor(name="floor") as cur:
        cur.itersize = 5000  # rows a round trip, as the ledger reads them
        started = time.perf_counter()
        cur.execute(
            "SELECT e.notification_id, e.originator_id::text, e.originator_version, e.topic, "
            f'e.state, i.leaf FROM "{schema}".ledger_events e JOIN "{schema}".gl_integrity i '
            "ON i.position = e.notification_id ORDER BY e.notification_id"
        )
        count = verified(cur)
        return count / (time.perf_counter() - started)
