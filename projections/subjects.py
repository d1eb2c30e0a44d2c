"""The ref each aggregate is told under (``hf-send-2019#15``, ``seb@2019-06-12``,
``seal@1207``), read from the plain fields of its first event, without the event library.

Each entry is the ``subject`` of that first event's class in ``ledger/``, written over the
fields as an export record holds them (typed dates as their ISO text, erased text as
``[erased]``); tests/test_export_subjects.py checks that every aggregate's first event is
here and that each gives what its class gives.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from projections.wording import ITEM_LETTER

Fields = dict[str, Any]

#: First event's topic (without ``govledger:``) -> its subject from (payload, effective day).
SUBJECTS: dict[str, Callable[[Fields, Any], str]] = {
    "Action.ActionAdded": lambda p, on: f"{p['tracker']}#{p['number']}",
    "Board.BoardRegistered": lambda p, on: p["board"],
    "Meeting.MeetingScheduled": lambda p, on: f"{p['board']}@{p['held_on']}",
    "Tracker.TrackerAdopted": lambda p, on: p["tracker"],
    "Owner.OwnerEmailRecorded": lambda p, on: f"owner:{p['owner']}",
    "ReminderRun.RemindersSent": lambda p, on: f"reminders@{on}",
    "Redaction.FieldRedacted": lambda p, on: f"redaction:{p['position']}/{p['field']}",
    "Seal.LogSealed": lambda p, on: f"seal@{p['size']}",
    "SigningKey.KeyRegistered": lambda p, on: f"key:{p['name']}",
    "SigningPolicy.SigningRequired": lambda p, on: "signing-policy",
    "Signature.BatchSigned": lambda p, on: f"signature:{p['key']}",
}


def first_subject(topic: str, payload: Fields, effective: Any) -> str | None:
    """The subject an aggregate's first event gives it; None when that event is not one an
    aggregate begins with, or lacks the fields its subject is made of (damaged)."""
    made = SUBJECTS.get(topic.partition(":")[2])
    if made is None:
        return None
    try:
        return str(made(payload, effective))
    except (KeyError, TypeError):
        return None


def item_subject(subject: str, kind: str, payload: Fields) -> str:
    """A meeting's decision or minute action under its own ref (``seb@2019-06-12/D1``);
    any other event under its aggregate's."""
    letter = ITEM_LETTER.get(kind)
    if letter is None:
        return subject
    number = payload.get("number")
    return subject if number is None else f"{subject}/{letter}{number}"
