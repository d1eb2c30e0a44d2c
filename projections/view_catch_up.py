"""Views brought level with the log event by event: each batch read and decoded once by the
library's mapper, and applied by each view's handlers in one transaction with its position.

A view's rebuild from the first event does not come this way (``projections.rebuild``);
catching up after it, and following the log live (``projections.follow``), do.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from projections.view import View

BATCH = 10_000
Progress = Callable[[int, int], None]


def catch_up(
    ledger: Any,
    *views: View,
    progress: Progress | None = None,
    damaged: dict[int, str] | None = None,
) -> int:
    """Apply what the views have not seen yet, in batches; returns how many events.

    Views that stand at the same position share one read and one decoding of each batch.
    An event whose stored bytes no longer decode is left out and named in ``damaged``
    (position: what failed), so the views go on; ``govledger verify`` tells the rest.
    """
    from eventsourcing.persistence import IntegrityError

    done = 0
    head = ledger.recorder.max_notification_id() or 0
    while True:
        last = min(view.position() for view in views)
        if last >= head:
            return done
        found = ledger.recorder.select_notifications(
            start=last, limit=BATCH, inclusive_of_start=False
        )
        if not found:
            return done
        events = decoded(ledger, found, damaged if damaged is not None else {})
        upto = found[-1].id
        for view in views:
            behind = view.position()
            unseen = [(e, p) for e, p in events if p > behind]
            if unseen or upto > behind:
                try:
                    view.process_batch(unseen, upto, after=last)
                except IntegrityError:
                    continue  # another reader applied this batch first; its work stands
        done += len(found)
        if progress:
            progress(done, head)


def decoded(ledger: Any, found: Sequence[Any], damaged: dict[int, str]) -> list[tuple[Any, int]]:
    events = []
    for n in found:
        try:
            events.append((ledger.mapper.to_domain_event(n), n.id))
        except Exception as error:  # whatever a damaged row raises, it is named, not fatal
            damaged[n.id] = f"{type(error).__name__}: {str(error)[:80]}"
    return events
