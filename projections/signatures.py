"""Which key signed each entry, as the log's batch signatures say (``govledger verify``
checks the signatures themselves): for the "signed" column of ``log`` and ``action history``."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from ledger.verify import BATCH_SIGNED


def signed_by(notifications: Iterable[Any]) -> dict[tuple[str, int], str]:
    """(aggregate id, version) of every entry the batch signatures among ``notifications``
    cover, to the name of the key that signed it."""
    signed = {}
    for n in notifications:
        if n.topic != BATCH_SIGNED:
            continue
        said = json.loads(n.state)
        for aggregate_id, version in said["covers"]:
            signed[(str(aggregate_id), int(version))] = said["key"]
    return signed


def mark(signed: dict[tuple[str, int], str], aggregate_id: Any, version: int, topic: str) -> str:
    if topic == BATCH_SIGNED:
        return "(signature)"
    key = signed.get((str(aggregate_id), int(version)))
    return f"signed by {key}" if key else "unsigned"


def marks_at(ledger: Any, positions: Iterable[int]) -> dict[int, str]:
    """The mark of the entry at each position. A batch's signature is stored after its
    events, so only the signatures from the first position on are read."""
    positions = sorted(positions)
    if not positions:
        return {}
    recorder = ledger.recorder
    after = recorder.select_notifications(start=positions[0], limit=10**9, topics=[BATCH_SIGNED])
    signed = signed_by(after)
    found = {}
    for position in positions:
        at = ledger.recorder.select_notifications(start=position, limit=1)
        if at and at[0].id == position:
            n = at[0]
            found[position] = mark(signed, n.originator_id, n.originator_version, n.topic)
    return found
