"""Inclusion proofs: one event shown to be in the sealed log without handing over all."""

from __future__ import annotations

from typing import Any

from ledger.errors import NotFound, Refused
from ledger.verify import inclusion_proof, tree_root
from projections.export import record_at, seals


def inclusion(session: Any, target: str) -> dict[str, Any]:
    """The proof for the event at a position, or for the latest event of an action ref."""
    ledger = session.ledger
    latest = seals(ledger)
    if not latest:
        raise Refused("no seal has been recorded yet; seal the log first with govledger seal")
    sealed = latest[-1]
    position = resolve(session, target, sealed["size"])
    row = record_at(ledger, position)
    if row is None or row["leaf_index"] is None or row["leaf_index"] >= sealed["size"]:
        raise Refused(
            f"position {position} is not in the sealed log of {sealed['size']} "
            "events; seal again to include it"
        )
    leaves = ledger.recorder.leaves(sealed["size"])
    if tree_root(leaves).hex() != sealed["root"]:
        raise Refused("the log no longer matches its latest seal; run govledger verify")
    index = row["leaf_index"]
    return {
        "position": position,
        "leaf_index": index,
        "tree_size": sealed["size"],
        "root": sealed["root"],
        "seal_position": sealed["position"],
        "proof": [h.hex() for h in inclusion_proof(leaves, index)],
        "record": row,
    }


def resolve(session: Any, target: str, size: int) -> int:
    if target.isdigit():
        return session.ledger.notification_at(int(target)).id
    from ledger.refs import ActionRef

    ref = str(ActionRef.parse(target))
    views = session.views()
    subject = views.trail.subject_of("action", ref)
    if subject is None:
        raise NotFound("action", ref, views.trail.refs("action"))
    return views.trail.trail(subject["id"])[-1]["position"]
