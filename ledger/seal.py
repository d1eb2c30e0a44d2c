"""A seal: a checkpoint of the whole log (its size and Merkle root) for the minutes."""

from __future__ import annotations

from datetime import date
from uuid import uuid5

from eventsourcing.domain import Aggregate

from ledger.record import Record
from ledger.refs import NAMESPACE


class Seal(Record):
    """The log's size and root at one moment; a clerk pastes its line into the minutes."""

    TOPIC = "govledger:Seal"

    class Created(Aggregate.Created, Record.Event):
        TOPIC = "govledger:Seal.Created"

    class LogSealed(Created):
        """The log's size and root digest were sealed, to be published in the minutes."""

        TOPIC = "govledger:Seal.LogSealed"
        size: int
        root: str
        note: str

        @property
        def subject(self) -> str:
            return f"seal@{self.size}"

        def apply(self, aggregate: Seal) -> None:
            aggregate.size, aggregate.root = self.size, self.root
            aggregate.enter(self, "sealed", note=self.note)

    class CheckpointSigned(Record.Event):
        """The sealing officer signed the seal as a checkpoint, to be pasted in the minutes."""

        TOPIC = "govledger:Seal.CheckpointSigned"
        checkpoint: str

        def apply(self, aggregate: Seal) -> None:
            aggregate.checkpoint = self.checkpoint
            aggregate.enter(self, "checkpoint signed")

    class CheckpointCosigned(Record.Event):
        """A witness found the log consistent with what it cosigned before, and cosigned."""

        TOPIC = "govledger:Seal.CheckpointCosigned"
        witness: str
        checkpoint: str

        def apply(self, aggregate: Seal) -> None:
            aggregate.checkpoint = self.checkpoint
            aggregate.enter(self, "cosigned", witness=self.witness)

    class EntryCorrected(Record.EntryCorrected):
        """Seals are never corrected; the class exists for the common base only."""

        TOPIC = "govledger:Seal.EntryCorrected"

    @classmethod
    def record(cls, size: int, root: str, note: str, *, actor: str, on: date) -> Seal:
        return cls._create(
            cls.LogSealed,
            id=uuid5(NAMESPACE, f"seal:{size}:{root}"),
            size=size,
            root=root,
            note=note,
            actor=actor,
            on=on,
            reason=note,
        )

    checkpoint: str | None = None

    def sign(self, checkpoint: str, *, actor: str, on: date, note: str) -> None:
        self.trigger_event(
            self.CheckpointSigned, checkpoint=checkpoint, actor=actor, on=on, reason=note
        )

    def cosign(self, witness: str, checkpoint: str, *, actor: str, on: date) -> None:
        self.trigger_event(
            self.CheckpointCosigned,
            witness=witness,
            checkpoint=checkpoint,
            actor=actor,
            on=on,
            reason=f"cosigned by the witness {witness}",
        )

    @property
    def ref(self) -> str:
        return f"seal@{self.size}"

    @property
    def digest(self) -> str:
        return f"{self.size}:{self.root}"
