"""Check a govledger export, or an inclusion proof, without govledger or trust in it.

This module uses only the Python standard library: an auditor may copy this one file
and run ``python verify.py EXPORT --digest SIZE:ROOT`` (or ``python -m ledger.verify``).

The log is an RFC 6962 Merkle tree (SHA-256; leaf hash ``H(0x00 || bytes)``, node hash
``H(0x01 || left || right)``) over the canonical bytes of each event, in log order. The
canonical bytes of an event are the UTF-8 JSON object, keys sorted, no spaces:
``{"aggregate_id","aggregate_version","position","state","topic"}`` where ``state`` is the
stored event state exactly as stored (text), and ``aggregate_id`` the UUID with dashes.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

_string = json.encoder.encode_basestring  # type: ignore[attr-defined]
LEAF_PREFIX, NODE_PREFIX = b"\x00", b"\x01"
BASE_FIELDS = ("originator_topic", "timestamp", "actor", "on", "reason")
JSON_COLUMNS = ("payload", "stored")
CONTAINERS = (dict, list)
MISSING = "the event written at this position is missing (deleted)"
UNWITNESSED = "no hash was written with this event (it was added outside govledger)"
ALTERED = "the event does not match the hash recorded when it was written (altered)"
INT_COLUMNS = ("position", "aggregate_version", "schema_version", "leaf_index", "tree_size")


# -- the tree -----------------------------------------------------------------------


def leaf_hash(data: bytes) -> bytes:
    return hashlib.sha256(LEAF_PREFIX + data).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    return hashlib.sha256(NODE_PREFIX + left + right).digest()


def empty_root() -> bytes:
    return hashlib.sha256(b"").digest()


class Frontier:
    """The roots of the perfect subtrees of a growing log: O(log n) to append or to root."""

    def __init__(self, size: int = 0, hashes: list[bytes] | None = None) -> None:
        self.size = size
        self.hashes = list(hashes or [])

    def append(self, leaf: bytes) -> None:
        self.hashes.append(leaf)
        self.size += 1
        size = self.size
        while size % 2 == 0:
            right, left = self.hashes.pop(), self.hashes.pop()
            self.hashes.append(node_hash(left, right))
            size //= 2

    def root(self) -> bytes:
        if not self.hashes:
            return empty_root()
        acc = self.hashes[-1]
        for left in reversed(self.hashes[:-1]):
            acc = node_hash(left, acc)
        return acc


def split(n: int) -> int:
    """The largest power of two smaller than n (RFC 6962 section 2.1)."""
    k = 1
    while k * 2 < n:
        k *= 2
    return k


def tree_root(leaves: list[bytes]) -> bytes:
    if not leaves:
        return empty_root()
    if len(leaves) == 1:
        return leaves[0]
    k = split(len(leaves))
    return node_hash(tree_root(leaves[:k]), tree_root(leaves[k:]))


def inclusion_proof(leaves: list[bytes], index: int) -> list[bytes]:
    """RFC 6962 PATH(m, D[n]): the audit path of leaf ``index`` in the tree of ``leaves``."""
    if len(leaves) <= 1:
        return []
    k = split(len(leaves))
    if index < k:
        return [*inclusion_proof(leaves[:k], index), tree_root(leaves[k:])]
    return [*inclusion_proof(leaves[k:], index - k), tree_root(leaves[:k])]


def verify_inclusion(index: int, size: int, leaf: bytes, proof: list[bytes], root: bytes) -> bool:
    """RFC 9162 section 2.1.3.2."""
    if index >= size or index < 0:
        return False
    fn, sn, r = index, size - 1, leaf
    for p in proof:
        if sn == 0:
            return False
        if fn % 2 == 1 or fn == sn:
            r = node_hash(p, r)
            if fn % 2 == 0:
                while fn % 2 == 0 and fn != 0:
                    fn, sn = fn >> 1, sn >> 1
        else:
            r = node_hash(r, p)
        fn, sn = fn >> 1, sn >> 1
    return sn == 0 and r == root


def consistency_proof(leaves: list[bytes], m: int) -> list[bytes]:
    """RFC 6962 PROOF(m, D[n]): shows the tree of the first m leaves is a prefix."""

    def subproof(m: int, d: list[bytes], whole: bool) -> list[bytes]:
        n = len(d)
        if m == n:
            return [] if whole else [tree_root(d)]
        k = split(n)
        if m <= k:
            return [*subproof(m, d[:k], whole), tree_root(d[k:])]
        return [*subproof(m - k, d[k:], False), tree_root(d[:k])]

    return subproof(m, leaves, True) if 0 < m <= len(leaves) else []


def verify_consistency(m: int, n: int, root_m: bytes, root_n: bytes, proof: list[bytes]) -> bool:
    """RFC 9162 section 2.1.4.2."""
    if m <= 0 or m > n:
        return False
    if m == n:
        return not proof and root_m == root_n
    if not proof:
        return False
    if m & (m - 1) == 0:
        proof = [root_m, *proof]
    fn, sn = m - 1, n - 1
    while fn % 2 == 1:
        fn, sn = fn >> 1, sn >> 1
    fr = sr = proof[0]
    for c in proof[1:]:
        if sn == 0:
            return False
        if fn % 2 == 1 or fn == sn:
            fr, sr = node_hash(c, fr), node_hash(c, sr)
            while fn % 2 == 0 and fn != 0:
                fn, sn = fn >> 1, sn >> 1
        else:
            sr = node_hash(sr, c)
        fn, sn = fn >> 1, sn >> 1
    return fr == root_m and sr == root_n and sn == 0


# -- events -------------------------------------------------------------------------


def canonical(
    position: int, aggregate_id: str, aggregate_version: int, topic: str, state: str
) -> bytes:
    """The bytes an event is hashed as (see the module docstring).

    The same bytes as ``json.dumps`` of the five fields with ``sort_keys=True``,
    ``separators=(",", ":")`` and ``ensure_ascii=False``, written out in that order with
    the encoder json.dumps uses for strings, because this runs once per event.
    """
    return (
        f'{{"aggregate_id":{_string(aggregate_id)},"aggregate_version":{int(aggregate_version)},'
        f'"position":{int(position)},"state":{_string(state)},"topic":{_string(topic)}}}'
    ).encode()


def plain(value: Any) -> Any:
    """The stored JSON with the library's typed values (dates, times) as plain text."""
    if type(value) is dict:
        if len(value) == 2 and "_type_" in value and "_data_" in value:
            return plain(value["_data_"])
        return {k: plain(v) if type(v) in CONTAINERS else v for k, v in value.items()}
    if type(value) is list:
        return [plain(v) if type(v) in CONTAINERS else v for v in value]
    return value


def rfc3339(text: str) -> str:
    """'2026-11-23T09:03:23.123456+00:00' as '2026-11-23T09:03:23.123456Z'."""
    return text.replace("+00:00", "Z")


def readable(state: str, topic: str, loads: Any = json.loads) -> dict[str, Any]:
    """What an export record says in plain fields, read from the stored state alone."""
    base: dict[str, Any] = {}
    payload: dict[str, Any] = {}
    for name, value in loads(state).items():
        if type(value) in CONTAINERS:
            value = plain(value)
        (base if name in BASE_FIELDS else payload)[name] = value
    return {
        "type": topic.rpartition(".")[2].rpartition(":")[2],
        "effective": base.get("on"),
        "recorded": rfc3339(base.get("timestamp", "")),
        "actor": base.get("actor"),
        "reason": base.get("reason"),
        "payload": payload,
    }


# -- checking a file ----------------------------------------------------------------


@dataclass
class Report:
    """What a check found: the size and root it reached, and the first problem, if any."""

    size: int = 0
    root: bytes = field(default_factory=empty_root)
    problem: str = ""
    position: int | None = None

    @property
    def ok(self) -> bool:
        return not self.problem

    def fail(self, position: int | None, problem: str) -> Report:
        if self.ok:
            self.position, self.problem = position, problem
        return self

    def line(self) -> str:
        if self.ok:
            return f"OK: {self.size} events, root {self.root.hex()}"
        where = f"position {self.position}: " if self.position is not None else ""
        return f"FAILED: {where}{self.problem}"


def parse_digest(text: str) -> tuple[int, bytes]:
    size, _, root = text.strip().partition(":")
    try:
        parsed = int(size), bytes.fromhex(root)
    except ValueError:
        parsed = (0, b"")
    if parsed[0] <= 0 or len(parsed[1]) != 32:
        raise ValueError(f"digest {text!r} is not SIZE:ROOT (a count and 64 hex digits)")
    return parsed


def check_records(
    records: Iterable[dict[str, Any]],
    digest: tuple[int, bytes] | None = None,
    seals: dict[int, tuple[int, bytes]] | None = None,
) -> Report:
    """Recompute every hash of an export, in order; stop at the first thing that is wrong.

    ``seals`` maps a log size to the (position, root) of a seal taken at that size.
    """
    report, frontier, last = Report(), Frontier(), 0
    seals = seals or {}
    for record in records:
        position = record.get("position")
        problem = check_record(record, frontier.size, last)
        if problem:
            return report.fail(position, problem)
        frontier.append(bytes.fromhex(record["leaf_hash"]))  # checked against the event above
        claimed = record.get("tree_root")
        if claimed is not None and claimed != frontier.root().hex():
            return report.fail(
                position,
                "the log up to here differs from the log as sealed "
                "when exported (an event before it was removed, "
                "added or reordered)",
            )
        mismatch = checkpoint(frontier, seals, digest)
        if mismatch:
            return report.fail(mismatch[0] or position, mismatch[1])
        last = record["position"]
    report.size, report.root = frontier.size, frontier.root()
    if digest and frontier.size < digest[0]:
        return report.fail(
            None,
            f"the file holds {frontier.size} events but the trusted "
            f"digest covers {digest[0]}: events were removed",
        )
    return report


def checkpoint(
    frontier: Frontier, seals: dict[int, tuple[int, bytes]], digest: tuple[int, bytes] | None
) -> tuple[int | None, str] | None:
    """Where a seal or the trusted digest names the tree's present size, its root must match:
    (the seal's position, or None for the digest; the problem), or None if all is well."""
    sealed = seals.get(frontier.size)
    named = digest is not None and frontier.size == digest[0]
    if not sealed and not named:
        return None
    root = frontier.root()
    if sealed and root != sealed[1]:
        return (
            sealed[0],
            f"this seal of the first {frontier.size} events does not match them "
            "(a forged seal, or the events before it were altered)",
        )
    if digest and named and root != digest[1]:
        return (
            None,
            f"the first {digest[0]} events do not match the "
            f"trusted digest {digest[0]}:{digest[1].hex()}",
        )
    return None


def misplaced(index: Any, expected: int) -> str:
    return (
        f"leaf index {index} where {expected} was expected "
        "(an event before it is missing or was added)"
    )


def check_record(record: dict[str, Any], index: int, last: int) -> str:
    """The first thing wrong with one record, or ''."""
    if record.get("missing"):
        return MISSING
    try:
        position, stored = int(record["position"]), record["stored"]
        leaf = leaf_hash(
            canonical(
                position,
                record["aggregate_id"],
                int(record["aggregate_version"]),
                stored["topic"],
                stored["state"],
            )
        )
    except (KeyError, TypeError, ValueError, OverflowError) as error:
        return f"the record is incomplete or malformed ({type(error).__name__}: {error})"
    if position <= last:
        return f"positions are out of order ({position} after {last})"
    if record.get("leaf_hash") is None:
        return UNWITNESSED
    if record.get("leaf_index") != index:
        return misplaced(record.get("leaf_index"), index)
    if record.get("leaf_hash") != leaf.hex():
        return ALTERED
    try:
        said = readable(stored["state"], stored["topic"])
    except ValueError:
        return "the stored event is not valid JSON"
    for name, value in said.items():
        if record.get(name) != value:
            return f"the {name} field says {record.get(name)!r} but the stored event says {value!r}"
    return ""


def read_records(path: str) -> Iterator[dict[str, Any]]:
    """Records of a jsonl, cloudevents or csv export, as plain dicts."""
    with open(path, encoding="utf-8", newline="") as handle:
        first = handle.readline()
        handle.seek(0)
        if first.startswith("{"):
            for number, line in enumerate(handle, start=1):
                if line.strip():
                    item = json.loads(line)
                    if type(item) is dict and item.get("specversion"):
                        item = item.get("data")
                    if type(item) is not dict:
                        raise ValueError(f"line {number} is not an export record")
                    yield item
            return
        rows = csv.DictReader(handle)
        if "position" not in (rows.fieldnames or []):
            raise ValueError("neither JSON lines nor a CSV export with a position column")
        for row in rows:
            yield {k: cell(k, v) for k, v in row.items()}


def cell(column: str, text: str) -> Any:
    """A CSV cell as the value a JSON export would hold."""
    if column == "missing":
        return text == "True"
    if text == "" and column not in ("reason", "actor"):
        return None
    if column in JSON_COLUMNS:
        return json.loads(text)
    return int(text) if column in INT_COLUMNS else text


def check_proof(proof: dict[str, Any], digest: tuple[int, bytes] | None = None) -> Report:
    """An inclusion proof from ``govledger prove``: the event is in the sealed log."""
    report = Report(size=proof["tree_size"], root=bytes.fromhex(proof["root"]))
    record = proof["record"]
    problem = check_record(record, proof["leaf_index"], 0)
    if problem:
        return report.fail(record.get("position"), problem)
    path = [bytes.fromhex(h) for h in proof["proof"]]
    if not verify_inclusion(
        proof["leaf_index"],
        proof["tree_size"],
        bytes.fromhex(record["leaf_hash"]),
        path,
        report.root,
    ):
        return report.fail(record["position"], "the inclusion proof does not lead to the root")
    if digest and (digest[0], digest[1]) != (proof["tree_size"], report.root):
        return report.fail(None, "the proof is against a root other than the trusted digest")
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m ledger.verify",
        description="Check a govledger export file, or a proof, using only the standard "
        "library. Exit 0 when everything checks, 1 when something does not.",
    )
    parser.add_argument("file", nargs="?", help="an export (jsonl, cloudevents or csv)")
    parser.add_argument("--digest", help="SIZE:ROOT from the minutes, trusted from elsewhere")
    parser.add_argument("--proof", help="an inclusion proof printed by govledger prove")
    args = parser.parse_args(argv)
    if not args.file and not args.proof:
        parser.error("give an export FILE, or --proof PROOF")
    try:
        digest = parse_digest(args.digest) if args.digest else None
    except ValueError as error:
        parser.error(str(error))
    try:
        if args.proof:
            with open(args.proof, encoding="utf-8") as handle:
                report = check_proof(json.load(handle), digest)
        else:
            report = check_records(read_records(args.file), digest)
    except OSError as error:
        parser.error(f"cannot read {error.filename}: {error.strerror}")
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        print(f"FAILED: the file is not a govledger export or proof ({error})")
        return 1
    print(report.line())
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
