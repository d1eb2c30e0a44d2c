"""Verification of a ledger in its database: every hash recomputed from the stored events.

It reads the stored rows directly (no domain objects, no export records): each event's
canonical bytes are hashed and compared with the leaf written with it, the leaves are
folded into the tree, and the root is taken only where a seal or a trusted digest names
a size, so the cost per event is one row, one leaf hash and, amortised, one node hash.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ledger.integrity import as_uuid
from ledger.verify import (
    ALTERED,
    MISSING,
    UNWITNESSED,
    LogAudit,
    Report,
    canonical,
    leaf_hash,
    misplaced,
)
from projections.stored_log import plain_log_of


def verify_ledger(
    ledger: Any,
    audit: LogAudit | None = None,
    progress: Callable[[int, int], None] | None = None,
    digest_given: bool = False,
) -> Report:
    """Recompute every hash from the stored events; check what the log says of itself
    (seals, checkpoints, signatures) and what ``audit`` was told to trust."""
    audit = audit or LogAudit()
    log = plain_log_of(ledger)  # one read snapshot for every row and check
    try:
        report = check_stored(log, audit, progress)
        if not report.ok:
            return report
        written = log.written()
        gone = log.position_of_leaf(report.size) if written > report.size else None
    finally:
        log.close()
    if gone is not None:
        return report.fail(gone, MISSING)
    problem = audit.finish()
    if problem:
        return report.fail(audit.where, problem)
    if written != report.size:
        return report.fail(
            None,
            f"{written} events were written to this ledger but "
            f"{report.size} are stored: events were removed",
        )
    report.notes = audit.notes(digest_given)
    return report


def damaged(
    aggregate_id: Any, version: Any, topic: Any, state: Any, leaf: Any, index: Any
) -> str | None:
    """What is wrong with a stored row whose values are not of the kinds the ledger writes
    (text where bytes belong, a NULL, bytes that are not UTF-8), or None."""
    if state is None or topic is None or aggregate_id is None or version is None:
        return "a stored value is NULL where the ledger wrote one (altered outside govledger)"
    if not isinstance(state, bytes | bytearray | memoryview):
        return (
            f"the event is stored as {type(state).__name__}, not the bytes the ledger wrote "
            "(altered outside govledger)"
        )
    if not isinstance(topic, str) or not isinstance(version, int) or isinstance(version, bool):
        return "the event's topic or version is not of the kind the ledger wrote (altered)"
    if not isinstance(leaf, bytes | bytearray | memoryview) or len(leaf) != 32:
        return "the hash written with this event is not a 32-byte hash (altered)"
    if not isinstance(index, int) or isinstance(index, bool):
        return "the leaf index written with this event is not a number (altered)"
    try:
        bytes(state).decode("utf-8")
        as_uuid(aggregate_id)
    except (UnicodeDecodeError, ValueError, TypeError, AttributeError):
        return ALTERED
    return None


def as_written(
    aggregate_id: Any, version: Any, topic: Any, state: Any, leaf: Any, index: Any
) -> tuple[str, str] | None:
    """The event's text and aggregate id, when the row holds exactly the kinds the ledger
    writes (the fast path: one decode per event); None sends it to :func:`damaged`."""
    if (
        type(state) is bytes
        and type(leaf) is bytes
        and len(leaf) == 32
        and type(topic) is str
        and type(version) is int
        and type(index) is int
        and aggregate_id is not None
    ):
        try:
            return state.decode("utf-8"), as_uuid(aggregate_id)
        except (UnicodeDecodeError, ValueError, TypeError, AttributeError):
            return None
    return None


def check_stored(log: Any, audit: LogAudit, progress: Callable[[int, int], None] | None) -> Report:
    """The stored events, in log order, against their write-time leaves and ``audit``."""
    report, roots = Report(), audit.roots
    frontier = roots.frontier  # the leaves folded as they come: the log's root at the end
    head, check = log.head, audit.check
    for position, aggregate_id, version, topic, state, index, leaf in log.rows():
        if leaf is None:
            return report.fail(position, UNWITNESSED)
        if (
            type(state) is bytes
            and type(aggregate_id) is str
            and type(leaf) is bytes
            and len(leaf) == 32
            and type(topic) is str
            and type(version) is int
            and type(index) is int
        ):  # as SQLite holds what the ledger writes: the text and the id, read once each
            try:
                text = state.decode("utf-8")
            except UnicodeDecodeError:
                return report.fail(position, ALTERED)
            a = aggregate_id
            if len(a) == 32:  # SQLite keeps the 32 hex digits
                uuid = f"{a[:8]}-{a[8:12]}-{a[12:16]}-{a[16:20]}-{a[20:]}"
            elif len(a) == 36 and a == a.lower():  # PostgreSQL's text of a uuid
                uuid = a
            else:
                uuid = as_uuid(a)
        else:
            read = as_written(aggregate_id, version, topic, state, leaf, index)
            if read is None:  # not of the kinds the ledger writes: say what is wrong
                damage = damaged(aggregate_id, version, topic, state, leaf, index)
                if damage:
                    return report.fail(position, damage)
                read = bytes(state).decode("utf-8"), as_uuid(aggregate_id)
            (text, uuid), leaf = read, bytes(leaf)
        if index != frontier.size:
            gone = log.position_of_leaf(frontier.size)
            if index > frontier.size and gone is not None:
                return report.fail(gone, MISSING)
            return report.fail(position, misplaced(index, frontier.size))
        if leaf_hash(canonical(position, uuid, version, topic, text)) != leaf:
            return report.fail(position, ALTERED)
        roots.append(leaf)
        problem = check(position, uuid, version, topic, text, leaf)
        if problem:
            return report.fail(audit.where or position, problem)
        if progress and frontier.size % 5000 == 0:
            progress(position, head)
    if progress:
        progress(head, head)
    report.size, report.root = frontier.size, frontier.root()
    return report
