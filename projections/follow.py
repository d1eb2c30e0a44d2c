"""Views kept current while events are recorded (``govledger projections follow``).

On PostgreSQL the library's subscription (``recorder.subscribe``: LISTEN on the events'
channel, which every recording transaction NOTIFYs) hands over each event once it is
committed; on SQLite, which cannot notify, the log is polled at a short interval. Either
way the events reach the views through their own batches (``View.process_batch``), each
applied with its tracking position in one transaction, and the follower starts from the
positions the views store. So a follower killed at any moment, or cut off from the server,
resumes where the views stand: no event applied twice, none skipped. Nobody waits for a
follower: a reader that finds the views behind still brings them level itself.

A stop (``Follower.stop``, safe to call from a signal handler: it only sets a flag) takes
effect between batches, so the batch under way is applied whole, or, if the process is
interrupted harder, rolled back whole.
"""

from __future__ import annotations

import contextlib
import queue
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from eventsourcing.persistence import IntegrityError, PersistenceError

from ledger.contention import kind_of
from ledger.errors import LedgerBusy, StorageError
from projections.view import BATCH, decoded

IDLE = 2.0  # seconds without news from the subscription before the head is looked at
PAUSES = (0.5, 1.0, 2.0, 5.0)  # between attempts to reach a database that went away
TICK = 0.1  # how often a wait looks whether a stop was asked


class Stopping(Exception):
    """A stop was asked: raised between batches, never inside one."""


class ViewsMovedBack(Exception):
    """A view stands before where the follower left it (someone rebuilt it): start again
    from where the views now stand."""


@dataclass(frozen=True)
class Caught:
    """One catch-up: how many events were applied and where the views then stand."""

    events: int
    position: int
    head: int


@dataclass
class Ended:
    """What the subscription's reader thread leaves when it stops: the error, if any."""

    error: BaseException | None


class Follower:
    """Keeps ``views`` level with their ledger's log until :meth:`stop` is called."""

    def __init__(
        self,
        views: Any,
        *,
        interval: float = 0.5,
        caught: Callable[[Caught], None] | None = None,
        trouble: Callable[[str], None] | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> None:
        self.views = views
        self.ledger = views.ledger
        self.interval = interval
        self.caught = caught or (lambda _: None)
        self.trouble = trouble or (lambda _: None)
        self.progress = progress
        self.stop_asked = False
        self.answering = True  # False while the database is not answering
        self.positions: dict[str, int] = {}
        self.head = 0
        self.live = type(self.ledger.factory).__module__ == "eventsourcing.postgres"

    @property
    def position(self) -> int:
        """Where every view stands at least (as last read)."""
        return min(self.positions.values(), default=0)

    def stop(self) -> None:
        self.stop_asked = True

    def run(self) -> int:
        """Follow until stopped; returns the position the views were left at. A database
        that goes away is waited for (one line each time), then followed again from where
        the views stand."""
        failures = 0
        while not self.stop_asked:
            try:
                self.catch_up()
                failures, self.answering = 0, True
                if self.live:
                    self.listen()
                else:
                    self.poll()
            except (Stopping, ViewsMovedBack):
                continue
            except (PersistenceError, StorageError, LedgerBusy) as error:
                if not passing(error):
                    raise
                pause = PAUSES[min(failures, len(PAUSES) - 1)]
                failures, self.answering = failures + 1, False
                self.trouble(
                    f"the database did not answer ({first_line(error)}); "
                    f"following again in {pause:g} s"
                )
                self.wait(pause)
        return self.position

    # -- the two ways of hearing of new events --------------------------------------

    def poll(self) -> None:
        """SQLite: look at the log every ``interval`` seconds."""
        while not self.stop_asked:
            self.wait(self.interval)
            if not self.stop_asked:
                self.catch_up()

    def listen(self) -> None:
        """PostgreSQL: the library's subscription from where the views stand. Returns
        (to be caught up and subscribed again) when it has heard nothing for a while
        although the log moved on: a notification missed while (re)connecting."""
        subscription = self.ledger.recorder.subscribe(gt=self.position)
        inbox: queue.Queue[Any] = queue.Queue(maxsize=BATCH)
        closing = threading.Event()
        reader = threading.Thread(
            target=forward, args=(subscription, inbox, closing), name="follow", daemon=True
        )
        with subscription:
            reader.start()
            try:
                self.take_from(inbox)
            finally:
                closing.set()
                subscription.stop()
        reader.join(timeout=5)

    def take_from(self, inbox: queue.Queue[Any]) -> None:
        quiet = 0.0
        while not self.stop_asked:
            found, ended = drained(inbox)
            if found:
                quiet = 0.0
                self.apply(found)
            if ended is not None:
                if ended.error is not None:
                    raise ended.error
                return
            if not found:
                quiet += TICK
                if quiet >= IDLE:
                    quiet = 0.0
                    if (self.ledger.recorder.max_notification_id() or 0) > self.position:
                        return

    # -- applying -------------------------------------------------------------------

    def catch_up(self) -> None:
        """Bring the views level in batches, as a reader does; a stop asked in between
        takes effect after the batch under way."""

        if not self.positions:
            self.read_positions()
        start, progress = self.position, self.progress
        self.progress = None  # a bar for the first catch-up only, when it is a long one

        def between_batches(done: int, head: int) -> None:
            if progress and head - start > BATCH:
                progress(done, head - start)
            if self.stop_asked:
                raise Stopping

        done = 0
        try:
            done = self.views.catch_up(between_batches)
        finally:
            self.read_positions()
            if done:
                self.caught(Caught(done, self.position, self.head))

    def apply(self, found: Sequence[Any]) -> None:
        """Hand events the subscription delivered to each view that has not seen them,
        in one transaction per view (the view skips what a reader applied meanwhile)."""
        stored = {view.name: view.position() for view in self.views.all}
        if any(stored[name] < at for name, at in self.positions.items()):
            raise ViewsMovedBack
        events = decoded(self.ledger, found, self.views.damaged)
        upto = found[-1].id
        for view in self.views.all:
            at = stored[view.name]
            if upto <= at:
                continue
            with contextlib.suppress(IntegrityError):  # a reader applied it first
                view.process_batch([(e, p) for e, p in events if p > at], upto, after=at)
            self.positions[view.name] = upto
        self.head = max(self.head, upto)
        self.caught(Caught(len(found), self.position, self.head))

    def read_positions(self) -> None:
        for status in self.views.status():
            self.positions[status.name] = status.position
            self.head = status.head

    def wait(self, seconds: float) -> None:
        """Sleep in short steps, so that a stop is seen at once."""
        until = time.monotonic() + seconds
        while not self.stop_asked and time.monotonic() < until:
            time.sleep(min(TICK, max(until - time.monotonic(), 0)))


def forward(subscription: Any, inbox: queue.Queue[Any], closing: threading.Event) -> None:
    """The subscription's notifications into ``inbox``, then how it ended."""
    error: BaseException | None = None
    try:
        for notification in subscription:
            while not closing.is_set():
                try:
                    inbox.put(notification, timeout=TICK)
                    break
                except queue.Full:
                    continue
            if closing.is_set():
                return
    except BaseException as failure:  # handed to the main thread, which decides
        error = failure
    while not closing.is_set():
        try:
            inbox.put(Ended(error), timeout=TICK)
            return
        except queue.Full:
            continue


def drained(inbox: queue.Queue[Any]) -> tuple[list[Any], Ended | None]:
    """Up to a batch of notifications waiting in ``inbox`` (waiting at most a tick for
    the first), and the end of the subscription if it came."""
    found: list[Any] = []
    try:
        item = inbox.get(timeout=TICK)
        while True:
            if isinstance(item, Ended):
                return found, item
            found.append(item)
            if len(found) >= BATCH:
                return found, None
            item = inbox.get_nowait()
    except queue.Empty:
        return found, None


def passing(error: BaseException) -> bool:
    """Whether ``error`` is the database going away or being busy for a while (followed
    again once it answers), rather than something waiting would not mend."""
    return isinstance(error, (StorageError, LedgerBusy)) or kind_of(error) is not None


def first_line(error: BaseException) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0]
