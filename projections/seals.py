"""What the log says of itself, as an export and a proof read it: its seals (the size and
root recorded, who and when) and its last signed checkpoint."""

from __future__ import annotations

from typing import Any

import orjson

from ledger.verify import CHECKPOINTED, COSIGNED, SEALED, readable
from projections.stored_log import log_of


def seals(source: Any) -> list[dict[str, Any]]:
    """Every seal in the log, oldest first: position, size, root, who and when. ``source``
    is an open ledger or a stored log (``projections.stored_log``)."""
    listed = []
    for position, state in log_of(source).with_topics([SEALED]):
        said = readable(bytes(state).decode("utf-8"), SEALED, orjson.loads)
        payload = said["payload"]
        listed.append(
            {
                "position": position,
                "size": payload["size"],
                "root": payload["root"],
                "sealed_on": said["effective"],
                "recorded": said["recorded"],
                "actor": said["actor"],
                "note": payload["note"],
                "digest": f"{payload['size']}:{payload['root']}",
            }
        )
    return listed


def last_checkpoint(source: Any) -> str | None:
    """The latest checkpoint the log holds (signed, and cosigned since), as text."""
    found = log_of(source).with_topics([CHECKPOINTED, COSIGNED])
    if not found:
        return None
    return orjson.loads(found[-1][1])["checkpoint"]
