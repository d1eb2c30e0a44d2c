"""Where each stored topic lives, so that a command imports only the aggregates it reads.

Every event is stored under a stable topic, ``govledger:Aggregate.Event`` (never the
module path, so classes can move). The event library resolves a topic it has not seen by
importing its module; ours name no module, so this table says where each aggregate lives,
and :func:`install` lets the library find it there the first time one of its events is
read. Importing an aggregate builds the dataclasses of all its events (several ms each
aggregate): `action note` builds Action's and Tracker's, not the Meeting's or the keyring's.

tests/test_topics.py proves the table complete (every event class in ``ledger/`` resolves,
in a fresh process, to the class whose TOPIC it is) so a new aggregate cannot be forgotten.
"""

from __future__ import annotations

import importlib
from types import SimpleNamespace
from typing import Any

from eventsourcing.utils import register_topic

PREFIX = "govledger"

#: Aggregate topic -> "module:qualname" of its class; an event's topic is its aggregate's
#: followed by ".EventName", found as an attribute of the aggregate class.
AGGREGATES: dict[str, str] = {
    "govledger:Action": "ledger.action:Action",
    "govledger:Board": "ledger.board:Board",
    "govledger:Meeting": "ledger.meeting:Meeting",
    "govledger:Tracker": "ledger.tracker:Tracker",
    "govledger:Owner": "ledger.owners:Owner",
    "govledger:ReminderRun": "ledger.owners:ReminderRun",
    "govledger:Redaction": "ledger.redaction:Redaction",
    "govledger:Seal": "ledger.seal:Seal",
    "govledger:SigningKey": "ledger.keyring:SigningKey",
    "govledger:SigningPolicy": "ledger.keyring:SigningPolicy",
    "govledger:Signature": "ledger.keyring:Signature",
}


def located(place: str) -> Any:
    """The object at ``module:qualname``, its module imported."""
    module, _, qualname = place.partition(":")
    found: Any = importlib.import_module(module)
    for part in qualname.split("."):
        found = getattr(found, part)
    return found


class Aggregates(SimpleNamespace):
    """Stands in the library's topic cache for ``govledger``: ``govledger:Action.NoteAdded``
    resolves as attribute ``Action`` of this, then ``NoteAdded`` of the class found."""

    def __getattr__(self, name: str) -> Any:
        place = AGGREGATES.get(f"{PREFIX}:{name}")
        if place is None:
            raise AttributeError(f"no aggregate has the topic {PREFIX}:{name}")
        return located(place)


_installed = False


def install() -> None:
    """Let the event library resolve our topics from :data:`AGGREGATES` (once a process)."""
    global _installed
    if not _installed:
        register_topic(PREFIX, Aggregates())  # type: ignore[arg-type]
        _installed = True
