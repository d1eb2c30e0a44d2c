"""Checkpoints signed by the log's sealing officer, and cosigned by independent witnesses.

A witness (the monitoring officer, the scrutiny chair, a parent carer forum) keeps, in its
own key folder, the last checkpoint it cosigned for each log. It cosigns a new one only
after checking, with an RFC 6962 consistency proof computed from the log, that the new tree
extends the old one: a log rewritten since, or an old checkpoint replayed, is refused.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from uuid import uuid5

from eventsourcing.application import AggregateNotFoundError

from ledger.errors import Refused
from ledger.keys import Signer
from ledger.refs import NAMESPACE
from ledger.verify import (
    COSIGNATURE_KEY,
    LOG_KEY,
    NOTE_SIGNATURE,
    b64,
    check_checkpoint,
    checkpoint_body,
    consistency_proof,
    cosigned_message,
    key_id,
    parse_checkpoint,
    tree_root,
    verify_consistency,
)


def signed_checkpoint(origin: str, size: int, root: bytes, signer: Signer) -> str:
    """A C2SP signed note: the checkpoint body, a blank line, the officer's signature."""
    body = checkpoint_body(origin, size, root)
    blob = key_id(signer.name, signer.public, LOG_KEY) + signer.sign(body.encode())
    return f"{body}\n{NOTE_SIGNATURE}{signer.name} {b64(blob)}\n"


def cosignature(body: str, signer: Signer, timestamp: int) -> str:
    """A C2SP tlog-cosignature/v1 line over a checkpoint body."""
    blob = (
        key_id(signer.name, signer.public, COSIGNATURE_KEY)
        + timestamp.to_bytes(8, "big")
        + signer.sign(cosigned_message(body, timestamp))
    )
    return f"{NOTE_SIGNATURE}{signer.name} {b64(blob)}"


@dataclass
class WitnessMemory:
    """What a witness last cosigned, per log: kept by the witness, never by the log."""

    path: Path

    def last(self, origin: str) -> tuple[int, bytes] | None:
        try:
            seen = json.loads(self.path.read_text(encoding="utf-8")).get(origin)
        except FileNotFoundError:
            return None
        except (OSError, ValueError, AttributeError):
            raise Refused(
                f"the witness's record {self.path} cannot be read; restore it from a backup"
            ) from None
        return (int(seen["size"]), bytes.fromhex(seen["root"])) if seen else None

    def remember(self, origin: str, size: int, root: bytes) -> None:
        try:
            known = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            known = {}
        known[origin] = {"size": size, "root": root.hex()}
        temporary = self.path.with_suffix(".tmp")
        temporary.write_text(json.dumps(known, indent=2) + "\n", encoding="utf-8")
        temporary.replace(self.path)


def cosign(ledger: Any, text: str, signer: Signer, memory: WitnessMemory, actor: str) -> str:
    """Check the checkpoint against the log and the witness's memory, cosign it, record the
    cosignature with the seal, and return the checkpoint with every signature."""
    try:
        checkpoint = parse_checkpoint(text)
    except ValueError as error:
        raise Refused(f"{error}; give the checkpoint as govledger checkpoint prints it") from None
    if checkpoint.origin != ledger.origin():
        raise Refused(f"the checkpoint is of the log {checkpoint.origin}, not this one")
    signers = check_checkpoint(checkpoint, ledger.keyring())
    if signers.problem:
        raise Refused(f"the checkpoint does not verify: {signers.problem}")
    leaves = ledger.recorder.leaves(checkpoint.size)
    if len(leaves) < checkpoint.size or tree_root(leaves) != checkpoint.root:
        raise Refused(
            f"the log's first {checkpoint.size} events do not match the checkpoint: "
            "it was rewritten, or the checkpoint is forged. Not cosigned"
        )
    check_extends(memory.last(checkpoint.origin), checkpoint.size, checkpoint.root, leaves)
    line = cosignature(checkpoint.body, signer, int(time.time()))
    signed = text.replace("\r\n", "\n").rstrip("\n") + "\n" + line + "\n"
    try:
        seal = ledger.repository.get(
            uuid5(NAMESPACE, f"seal:{checkpoint.size}:{checkpoint.root.hex()}")
        )
    except AggregateNotFoundError:
        raise Refused(f"this ledger has no seal of {checkpoint.size} events to cosign") from None
    seal.cosign(signer.name, signed, actor=actor, on=ledger.today())
    ledger.store(seal, subject=seal.ref)
    memory.remember(checkpoint.origin, checkpoint.size, checkpoint.root)
    return signed


def check_extends(last: tuple[int, bytes] | None, size: int, root: bytes, leaves: list) -> None:
    """Refuse unless the tree of ``size`` leaves extends what the witness cosigned last."""
    if last is None:
        return
    seen_size, seen_root = last
    if size < seen_size:
        raise Refused(
            f"this checkpoint of {size} events is older than the one you last cosigned "
            f"({seen_size} events): an old checkpoint replayed is never cosigned"
        )
    if (size, root) == (seen_size, seen_root):
        raise Refused(f"you have already cosigned this checkpoint of {size} events")
    proof = consistency_proof(leaves, seen_size)
    if not verify_consistency(seen_size, size, seen_root, root, proof):
        raise Refused(
            f"the log was rewritten since you cosigned its first {seen_size} events "
            f"(root {seen_root.hex()[:16]}…): not cosigned; tell the auditors"
        )
