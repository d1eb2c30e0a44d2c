"""The checkpoint at the foot of a page a reader may want to check: the log's size and root
when it was made, the latest seal, and the leaf hash of each event the page stands on."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Checkpoint:
    """The log's size and root when the pack was made, the latest seal, and the leaf hash
    of each event a row of the pack stands on (a reader finds it in an export)."""

    size: int
    root: str
    seal: dict[str, Any] | None
    leaves: dict[int, str]


def checkpoint(ledger: Any, positions: list[int]) -> Checkpoint:
    from projections.export import seals

    frontier = ledger.recorder.frontier()
    sealed = seals(ledger)
    leaves = ledger.recorder.leaves_at(positions)
    return Checkpoint(
        frontier.size,
        frontier.root().hex(),
        sealed[-1] if sealed else None,
        {position: leaf.hex() for position, leaf in leaves.items()},
    )
