"""The keyring as the ledger publishes it (``govledger keys export``): read from the log's
key registrations and signing policy, in the form the standalone verifier reads."""

from __future__ import annotations

import json
from typing import Any

from ledger.verify import KEY_REGISTERED, SIGNING_REQUIRED, origin_of


def published(ledger: Any) -> dict[str, Any]:
    recorder = ledger.recorder
    found = recorder.select_notifications(
        start=None, limit=10**9, topics=[KEY_REGISTERED, SIGNING_REQUIRED]
    )
    keys, signed_from = [], None
    for n in found:
        said = json.loads(n.state)
        if n.topic == SIGNING_REQUIRED:
            signed_from = signed_from or n.id
        else:
            keys.append(
                {
                    "name": said["name"],
                    "owner": said["owner"],
                    "vkey": said["vkey"],
                    "position": n.id,
                }
            )
    first = recorder.leaves(1)
    return {
        "keyring": "govledger/1",
        "origin": origin_of(first[0]) if first else None,
        "signed_from": signed_from,
        "keys": keys,
    }
