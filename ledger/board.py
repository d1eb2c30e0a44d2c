"""A board: any body that meets and decides (a committee, panel, partnership board)."""

from __future__ import annotations

from datetime import date
from typing import Any

from eventsourcing.domain import Aggregate

from ledger.call_in import DEFAULT_NATION
from ledger.errors import Refused
from ledger.record import Record
from ledger.refs import board_id


class Board(Record):
    """A board known to the ledger by a short ref such as ``seb``.

    A board registered with the day it took effect (``established``) refuses meetings and
    trackers dated before it. One registered without that day has an unknown start: it
    refuses no earlier history, since a clerk often enters a board's old minutes first.

    Its constitution's call-in period (how many working days, in which nation's calendar)
    is set by ``CallInPeriodSet`` and may change; a decision takes the one in effect on the
    day it is published.
    """

    TOPIC = "govledger:Board"
    CORRECTABLE = {"registered": ("name",), "call_in_period": ()}

    class Created(Aggregate.Created, Record.Event):
        TOPIC = "govledger:Board.Created"

    class BoardRegistered(Created):
        """A board was registered under a short ref; ``established`` is the day it took
        effect, or None when the clerk did not say (its history may reach back before)."""

        TOPIC = "govledger:Board.BoardRegistered"
        class_version = 2
        board: str
        name: str
        established: date | None

        @staticmethod
        def upcast_v1_v2(state: dict[str, Any]) -> None:
            """Before version 2 every board took effect on the day its event says."""
            state["established"] = state["on"]

        @property
        def subject(self) -> str:
            return self.board

        def apply(self, aggregate: Board) -> None:
            aggregate.board = self.board
            aggregate.enter(self, "registered", name=self.name, established=self.established)

    class CallInPeriodSet(Record.Event):
        """The board's constitution was said to allow ``days`` working days (of ``nation``'s
        calendar) for calling in its executive decisions, from the day it took effect."""

        TOPIC = "govledger:Board.CallInPeriodSet"
        days: int
        nation: str

        def apply(self, aggregate: Board) -> None:
            aggregate.enter(self, "call_in_period", days=self.days, nation=self.nation)

    class EntryCorrected(Record.EntryCorrected):
        """A mistaken entry on a board was put right; both stay in the log."""

        TOPIC = "govledger:Board.EntryCorrected"

    @classmethod
    def register(
        cls,
        ref: str,
        name: str,
        *,
        actor: str,
        on: date,
        reason: str,
        start_known: bool = True,
    ) -> Board:
        """Register a board from ``on``; with ``start_known=False``, ``on`` is only the day
        it was registered, and its earlier history is not refused."""
        return cls._create(
            cls.BoardRegistered,
            id=board_id(ref),
            board=ref,
            name=name,
            established=on if start_known else None,
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

    @property
    def established(self) -> date | None:
        """The day the board took effect, as corrected; None when it is not known."""
        return self.entries[self.INITIAL_VERSION].values["established"]

    def set_call_in_period(
        self, days: int, nation: str | None, *, actor: str, on: date, reason: str
    ) -> None:
        """The constitution's call-in period from ``on``; the nation stays as it was when
        not given (England when never given)."""
        self.check_exists_by(on)
        self.trigger_event(
            self.CallInPeriodSet,
            days=days,
            nation=nation or self.nation,
            actor=actor,
            on=on,
            reason=reason,
        )

    def call_in_period(self, at: date) -> tuple[int, str] | None:
        """(working days, nation) of the call-in period in effect on ``at``, if any."""
        found = self.live("call_in_period", at=at)
        return (found[-1].values["days"], found[-1].values["nation"]) if found else None

    @property
    def nation(self) -> str:
        """The nation whose bank holidays its working days skip: as last set, or England."""
        found = self.live("call_in_period")
        return found[-1].values["nation"] if found else DEFAULT_NATION

    def no_call_in_period(self, at: date) -> Refused:
        """Why a key decision published on ``at`` has no call-in period, and what to do."""
        later = self.live("call_in_period")
        since = f" (it has one from {later[0].on.isoformat()})" if later else ""
        return Refused(
            f"{self.ref} has no call-in period in effect on {at.isoformat()}{since}; set the "
            f"constitution's figure with govledger board set-call-in {self.ref} 5 --on DATE, "
            "or give --call-in-days N"
        )

    def check_exists_by(self, on: date) -> None:
        """Refuse a meeting or tracker dated before the board's known start. What is wrong
        may be that start (registered with today's date, its old minutes then imported),
        so the refusal says how to correct it as well as how to date the entry."""
        if self.established is not None and on < self.established:
            raise Refused(
                f"{on.isoformat()} is before {self.ref} existed (from "
                f"{self.established.isoformat()}); date the entry on or after that day, or, if "
                f"{self.ref} met earlier, correct its start: govledger correct POSITION "
                f"--effective {on.isoformat()} --reason WHY (POSITION: its BoardRegistered "
                "in govledger log)"
            )

    def apply_correction(self, event: Record.EntryCorrected) -> None:
        """Correcting the day a board took effect says when it was established."""
        super().apply_correction(event)
        if event.corrects == self.INITIAL_VERSION and event.effective is not None:
            self.entries[self.INITIAL_VERSION].values["established"] = event.effective
