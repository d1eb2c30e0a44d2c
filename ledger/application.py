"""The ledger: every governance fact a clerk records, as immutable events."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError, Application
from eventsourcing.persistence import (
    IntegrityError,
    JSONTranscoder,
    Mapper,
    Notification,
    Transcoding,
)

from ledger.action import Action
from ledger.commitments import CommittingMapper, CommittingTranscoder
from ledger.corrections import Corrections
from ledger.errors import AlreadyExists, ChangedMeanwhile, NotFound, Refused
from ledger.forms import Text, checked
from ledger.plans import ActionPlans
from ledger.record import Record, Recorded
from ledger.refs import ActionRef, action_id, board_id, meeting_id, meeting_ref, tracker_id
from ledger.signing import SignedBatches
from ledger.storage import locate, prepare
from ledger.topics import install

if TYPE_CHECKING:
    from ledger.board import Board
    from ledger.meeting import Meeting
    from ledger.minutes import Minutes
    from ledger.minutes_import import MinutesImport
    from ledger.redaction import Redactions
    from ledger.tracker import Tracker
    from ledger.tracker_import import TrackerImport

    class Parts(Redactions, Minutes, TrackerImport, MinutesImport):
        """The parts as base classes, for type checkers."""

else:
    from ledger.parts import LaterParts as Parts

install()  # every stored topic resolves, its aggregate imported when first read

R = TypeVar("R", bound=Record)
__all__ = ["DateAsISO", "Ledger", "Recorded", "open_ledger"]


class DateAsISO(Transcoding):
    """Effective dates are stored as ISO 8601 text (the library has no date transcoding)."""

    type = date
    name = "date"

    def encode(self, obj: date) -> str:
        return obj.isoformat()

    def decode(self, data: str) -> date:
        return date.fromisoformat(data)


class Ledger(SignedBatches, ActionPlans, Corrections, Parts, Application):
    """The write side: boards, meetings, trackers and actions, each an event stream.

    Meetings and minutes, redactions and imports (``Parts``, ledger/parts.py) are imported
    when a command first uses them; every event still reads (ledger/topics.py)."""

    name = "Ledger"

    def __init__(
        self, env: dict[str, str] | None = None, *, today: Callable[[], date] = date.today
    ) -> None:
        super().__init__(env)
        self.today = today
        self.read_only = False  # a copy to read: views are kept elsewhere, nothing written

    def construct_mapper(self) -> Mapper:  # type: ignore[type-arg]
        """Events are written in form 2: free text committed by salted hashes (erasable)."""
        return self.factory.mapper(self.construct_transcoder(), CommittingMapper)

    def construct_transcoder(self) -> JSONTranscoder:
        transcoder = CommittingTranscoder()
        self.register_transcodings(transcoder)
        return transcoder

    def register_transcodings(self, transcoder: JSONTranscoder) -> None:
        super().register_transcodings(transcoder)
        transcoder.register(DateAsISO())

    # -- finding things by ref -----------------------------------------------------

    def board(self, ref: str) -> Board:
        from ledger.board import Board

        return self.load(board_id(ref), Board, "board", ref, Board.BoardRegistered)

    def tracker(self, ref: str) -> Tracker:
        from ledger.tracker import Tracker

        return self.load(tracker_id(ref), Tracker, "tracker", ref, Tracker.TrackerAdopted)

    def action(self, ref: str | ActionRef) -> Action:
        parsed = ActionRef.parse(ref) if isinstance(ref, str) else ref
        try:
            return self.load(
                action_id(parsed),
                Action,
                "action",
                str(parsed),
                Action.ActionAdded,
                within=f"{parsed.tracker}#",
            )
        except NotFound:  # the tracker is looked for only when its action is not found
            if not self.recorder.select_events(tracker_id(parsed.tracker), limit=1):
                self.tracker(parsed.tracker)  # refused, naming the trackers there are
            raise

    def meeting(self, board: str, held_on: date) -> Meeting:
        from ledger.meeting import Meeting

        self.board(board)
        ref = meeting_ref(board, held_on)
        hint = f"add it with: govledger meeting add {board} {held_on.isoformat()}"
        return self.load(
            meeting_id(board, held_on),
            Meeting,
            "meeting",
            ref,
            Meeting.MeetingScheduled,
            within=f"{board}@",
            hint=hint,
        )

    def load(
        self,
        id: UUID,
        cls: type[R],
        kind: str,
        ref: str,
        created: type,
        within: str = "",
        hint: str = "",
    ) -> R:
        try:
            found = self.repository.get(id, projector_func=replay)
        except AggregateNotFoundError:
            known = [r for r in self.known_refs(created) if r.startswith(within)]
            raise NotFound(kind, ref, known, hint) from None
        assert isinstance(found, cls)
        return found

    def known_refs(self, created: type) -> list[str]:
        """Refs of everything created by events of this class (used to suggest a ref)."""
        topic = created.TOPIC  # type: ignore[attr-defined]
        found = self.recorder.select_notifications(start=None, limit=10**9, topics=[topic])
        return [self.mapper.to_domain_event(n).subject for n in found]  # type: ignore[attr-defined]

    # -- recording -------------------------------------------------------------------

    def effective(self, on: date | None, *, since: Record | None = None) -> date:
        """The day an entry took effect: today by default, never ahead of today."""
        today = self.today()
        day = on or today
        if day > today:
            raise Refused(
                f"{day.isoformat()} lies in the future; the day something took effect "
                f"cannot be after today ({today.isoformat()})"
            )
        if since is not None:
            since.check_exists_by(day)
        return day

    def save_new(self, new: Record, *others: Record) -> Recorded:
        if new.id in self.repository:
            raise AlreadyExists(f"{new.ref} already exists; choose another ref")
        return self.store(new, *others, subject=new.ref)

    def store(self, *aggregates: Record, subject: str) -> Recorded:
        try:
            recordings = self.save(*aggregates)
        except IntegrityError:
            raise ChangedMeanwhile(
                f"{subject} was changed meanwhile by someone else; nothing was recorded, try again"
            ) from None
        return Recorded(
            subject=subject,
            events=[type(r.domain_event).__name__ for r in recordings],
            positions=[r.notification.id for r in recordings],
        )

    def store_in_bulk(self, *aggregates: Record, subject: str) -> Recorded:
        """As :meth:`store`, for many events at once (a tracker import): the same rows,
        written with ``executemany`` under one lock (``ledger.bulk_record``)."""
        from ledger.bulk_record import record_in_bulk

        return record_in_bulk(self, *aggregates, subject=subject)

    # -- reading the log -------------------------------------------------------------

    def notification_at(self, position: int) -> Notification:
        found = self.recorder.select_notifications(start=position, limit=1)
        if not found or found[0].id != position:
            head = self.recorder.max_notification_id() or 0
            raise Refused(
                f"no event at position {position}; the log runs from 1 to {head} "
                "(see govledger log)"
            )
        return found[0]

    def subject_of(self, originator_id: UUID) -> str:
        """The ref of the thing an event belongs to, read from its first event."""
        first = self.recorder.select_events(originator_id, lte=Record.INITIAL_VERSION)
        if not first:
            return f"(unknown {originator_id})"
        return self.mapper.to_domain_event(first[0]).subject  # type: ignore[attr-defined]

    # -- seals -----------------------------------------------------------------------

    @checked
    def seal(self, note: str = "", *, actor: Text) -> tuple[Recorded, str, str | None]:
        """Record the log's present size and root: the digest for the minutes, and with a
        signing key, the signed checkpoint (C2SP tlog-checkpoint) to paste there."""
        from ledger.seal import Seal
        from ledger.witness import signed_checkpoint

        frontier = self.recorder.frontier()  # type: ignore[attr-defined]
        if frontier.size == 0:
            raise Refused("the ledger is empty; there is nothing to seal yet")
        root = frontier.root()
        seal = Seal.record(frontier.size, root.hex(), note, actor=actor, on=self.today())
        signer = self.signer_source() if self.signer_source else None
        checkpoint = None
        if signer is not None:
            checkpoint = signed_checkpoint(self.origin(), frontier.size, root, signer)
            seal.sign(checkpoint, actor=actor, on=self.today(), note=note)
        return self.store(seal, subject=seal.ref), seal.digest, checkpoint

    def origin(self) -> str:
        """The log's checkpoint origin, named by its first leaf."""
        from ledger.verify import origin_of

        first = self.recorder.leaves(1)  # type: ignore[attr-defined]
        if not first:
            raise Refused("the ledger is empty; it has no checkpoint yet")
        return origin_of(first[0])


def replay(aggregate: Any, events: Iterable[Any]) -> Any:
    """The aggregate after its events: the library's projector without its check of each
    event against a runtime protocol (slow in Python 3.11: ~10 µs an event replayed)."""
    for event in events:
        aggregate = event.mutate(aggregate)
    return aggregate


def open_ledger(
    db: str | None = None, *, create: bool = False, today: Callable[[], date] = date.today
) -> Ledger:
    """Open the ledger at ``db`` (path or PostgreSQL URL), or create it with ``create``."""
    location = locate(db)
    prepare(location, create=create)
    ledger = Ledger(env=location.settings, today=today)
    ledger.read_only = location.read_only
    return ledger
