"""A board: any body that meets and decides (a committee, panel, partnership board)."""

from __future__ import annotations

from datetime import date

from eventsourcing.domain import Aggregate

from ledger.record import Record
from ledger.refs import board_id


class Board(Record):
    """A board known to the ledger by a short ref such as ``seb``."""

    TOPIC = "govledger:Board"
    CORRECTABLE = {"registered": ("name",)}

    class Created(Aggregate.Created, Record.Event):
        TOPIC = "govledger:Board.Created"

    class BoardRegistered(Created):
        """A board was registered under a short ref, from the day it took effect."""

        TOPIC = "govledger:Board.BoardRegistered"
        board: str
        name: str

        @property
        def subject(self) -> str:
            return self.board

        def apply(self, aggregate: Board) -> None:
            aggregate.board = self.board
            aggregate.enter(self, "registered", name=self.name)

    class EntryCorrected(Record.EntryCorrected):
        """A mistaken entry on a board was put right; both stay in the log."""

        TOPIC = "govledger:Board.EntryCorrected"

    @classmethod
    def register(cls, ref: str, name: str, *, actor: str, on: date, reason: str) -> Board:
        return cls._create(
            cls.BoardRegistered,
            id=board_id(ref),
            board=ref,
            name=name,
            actor=actor,
            on=on,
            reason=reason,
        )

    @property
    def ref(self) -> str:
        return self.board

    @property
    def name(self) -> str:
        return self.entries[self.INITIAL_VERSION].values["name"]
