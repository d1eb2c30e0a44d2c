"""Free text committed by salted hashes, so that it can one day be erased without a proof breaking.

A name or a sentence may have to be erased from the log (a data subject's request; a child
named by mistake). Every event recorded from this version on is stored in form 2 (see
``ledger.verify``): each free-text field is hashed only as a commitment to its text under a
random salt, which is stored beside it. Erasing a field (``erased``) replaces its text and
salt by the commitment; the leaf, seals, checkpoints and signatures do not change, and
nobody can recover the text from the commitment. Events stored before this stay in form 1,
hashed as stored, and keep verifying.
"""

from __future__ import annotations

import json
import os
from typing import Any

from eventsourcing.persistence import JSONTranscoder, Mapper, StoredEvent

from ledger.errors import Refused
from ledger.verify import ERASED, SALTS, commitment, erased_as, is_erased

SALT_BYTES = 16
EMPTY = ("", None, [], {}, ())  # nothing to erase: stored as it is

#: The fields people write in their own words, or that name people: what could ever have to
#: be erased. Refs, numbers, ratings, days and the log's own hashes and keys are not.
FREE_TEXT = frozenset(
    {
        "action", "address", "addresses", "columns", "due_said", "evidence", "fields", "health",
        "issue", "item", "la", "members", "note", "owner", "owners", "parts", "previous",
        "proposer", "reason", "report_back", "seconder", "text", "theme", "timescale", "title",
        "update", "values", "vote", "who",
    }
)  # fmt: skip


class CommittingMapper(Mapper):  # type: ignore[type-arg]
    """The library's mapper, writing form 2: a salt beside each free-text field.

    The salts are drawn once and kept on the event, so that the bytes a batch signature
    covers are the bytes then stored."""

    def to_stored_event(self, domain_event: Any) -> StoredEvent:
        if SALTS not in vars(domain_event):
            said = vars(domain_event)
            names = [name for name in said if name in FREE_TEXT and said[name] not in EMPTY]
            if names:
                drawn = os.urandom(SALT_BYTES * len(names))
                salts = {
                    n: drawn[i * SALT_BYTES : (i + 1) * SALT_BYTES].hex()
                    for i, n in enumerate(names)
                }
                object.__setattr__(domain_event, SALTS, salts)
        return super().to_stored_event(domain_event)


class CommittingTranscoder(JSONTranscoder):
    """The library's JSON transcoder, reading form 2: salts set aside, erased text empty."""

    def decode(self, data: bytes) -> Any:
        said = super().decode(data)
        if type(said) is dict and SALTS in said:
            del said[SALTS]
            for name, value in said.items():
                if is_erased(value):
                    said[name] = erased_as(value["was"])
        return said


def erased(state: str, field: str) -> str:
    """The stored state with ``field``'s text and salt replaced by its commitment: what an
    erasure writes in place of the event (outside the ledger's own rules, by its owner)."""
    said = json.loads(state)
    salts = said.get(SALTS) if type(said) is dict else None
    if type(salts) is not dict or field not in salts:
        these = ", ".join(sorted(salts)) if type(salts) is dict and salts else "none"
        raise Refused(
            f"{field!r} is not a committed field of this event; it cannot be erased "
            f"(the fields that can: {these})"
        )
    value = said[field]
    kind = {str: "str", list: "list", dict: "dict"}.get(type(value), "str")
    said[field] = {ERASED: commitment(salts.pop(field), value), "was": kind}
    return json.dumps(said, separators=(",", ":"), ensure_ascii=False)
