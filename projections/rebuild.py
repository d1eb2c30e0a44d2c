"""A view rebuilt from the first event: its rows made from raw events, a batch at a time.

Event by event (``projections.view_catch_up``), each handler reads what it needs back from
the view's tables and a correction sends every held insert before it reads its target. A
rebuild from the first event knows all it needs: it reads the stored rows raw
(``projections.replay``), keeps in memory what the handlers would read back (each subject's
ref, tracker and board; each action's lines), folds each batch's corrections into its rows
in memory, and sends the batch with one ``executemany`` per table
(``projections.rebuild_trail``, ``projections.rebuild_tracker``). Each batch is committed
with the views' positions, as on the event-by-event path, so a rebuild cut short leaves
views that a catch-up carries on from; the views are emptied in the first batch's
transaction and their read indexes built in the last one's.

The rows are those of ``projections.audit_trail.AuditTrail`` and ``projections.tracker.
TrackerView``, made by the same definitions (``ENTRY_KIND``, ``facts_of``, ``corrected``,
``item_ref``); tests/test_rebuild.py proves the tables equal to the event-by-event path's.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from projections.audit_trail import AuditTrail
from projections.rebuild_tracker import FactRows
from projections.rebuild_trail import TrailRows
from projections.replay import Decoder, stored_rows
from projections.tracker import TrackerView
from projections.view import View

BATCH = 100_000
BUILDERS: dict[str, type[TrailRows] | type[FactRows]] = {
    AuditTrail.name: TrailRows,
    TrackerView.name: FactRows,
}


def rebuild(
    ledger: Any,
    views: Sequence[View],
    progress: Callable[[int, int], None] | None = None,
    damaged: dict[int, str] | None = None,
) -> tuple[int, bool]:
    """Empty ``views`` and replay them from the first event; returns how many events were
    read, and whether every view was carried to the head of the log. A view another reader
    moved meanwhile stops the replay: the caller catches it up."""
    import gc

    paused = gc.isenabled()
    gc.disable()  # a batch holds many objects, none in a cycle: counting references frees them
    try:
        return replayed(ledger, views, progress, damaged if damaged is not None else {})
    finally:
        if paused:
            gc.enable()


def replayed(
    ledger: Any,
    views: Sequence[View],
    progress: Callable[[int, int], None] | None,
    damaged: dict[int, str],
) -> tuple[int, bool]:
    """The views emptied in the first batch's transaction and their read indexes built in
    the last one's, so that a log of one batch is rebuilt in one transaction."""
    from projections.view import Writer

    def opening(curs: Any) -> None:
        for view in views:
            view.empty(curs)

    def closing(curs: Any) -> None:
        for view in views:
            view.create_missing_indexes(Writer(view.view, curs))

    builders = [(view, BUILDERS[view.name]()) for view in views]
    decoder = Decoder(ledger)
    head = ledger.recorder.max_notification_id() or 0
    last = done = 0
    while last < head:
        left = head - last  # a little more than a batch is taken whole
        with stored_rows(ledger, last, head, BATCH if left > BATCH * 5 // 4 else left) as rows:
            events = decoder.events(rows, damaged)
        if not decoder.read:
            break
        upto = decoder.last
        for _, builder in builders:
            builder.add(events)
        taken = [(view, builder.take()) for view, builder in builders]
        if not written(
            taken, last, upto, opening if not last else None, closing if upto >= head else None
        ):
            return done, False
        last = upto
        done += decoder.read
        if progress:
            progress(done, head)
    if not last:  # nothing to replay
        with views[0].writing(also=views[1:]) as curs:
            opening(curs)
    return done, True


def written(
    builders: Sequence[tuple[View, TrailRows | FactRows]],
    after: int,
    upto: int,
    opening: Callable[[Any], None] | None = None,
    closing: Callable[[Any], None] | None = None,
) -> bool:
    """One batch of every view with their positions, in one transaction (``opening`` and
    ``closing`` run in it first and last), tried again while busy; False when a view no
    longer stands where this replay left it."""
    from eventsourcing.persistence import Tracking

    from ledger.contention import queued

    views = [view for view, _ in builders]

    def attempt() -> bool:
        with views[0].writing(also=views[1:]) as curs:
            if opening is not None:
                opening(curs)
            found = [view.view._max_tracking_id(view.key, curs) or 0 for view in views]
            if any(at != after for at in found):
                return all(at == upto for at in found)  # our commit landed; else moved
            for view, builder in builders:
                builder.write(curs, view.view.sql)
                view.view._insert_tracking(curs, Tracking(view.key, upto))
            if closing is not None:
                closing(curs)
            return True

    names = " and ".join(view.name for view in views)
    return queued(attempt, undone=f"the {names} views could not be rebuilt")
