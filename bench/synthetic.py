"""A synthetic national ledger, from a seeded random generator, recorded as a bulk load.

Many councils, each with boards, meetings and one tracker of actions per board; then a
realistic stream of changes: rating changes (mostly one step), some backdated, owner
reassignments, retimings, notes, decisions, minute actions, corrections and seals.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from ledger.action import Action, ActionLine
from ledger.board import Board
from ledger.meeting import Meeting, Outcome
from ledger.rating import Rating
from ledger.record import Record
from ledger.refs import ActionRef
from ledger.tracker import Tracker

START = date(2019, 1, 1)
RATINGS = [Rating.RED, Rating.AMBER, Rating.GREEN]
NAMES = [
    "Anita Parkin",
    "Jan Parnell",
    "Peter Woods",
    "Mandy Lawson",
    "Alison Markwell",
    "Robert Holman",
    "Corina Christos",
    "Jo Baty",
    "Becky Powell",
    "Keith Tysoe",
]
CLERKS = ["Sam Okafor", "Jo Clerk", "Priya Shah", "Tom Reed"]
TIMESCALES = ["Q1", "Q2", "Q3", "Q4", "end of Q2", "31/3/2026", "Next board"]
ACTIONS_PER_TRACKER = 40


@dataclass
class Shape:
    """What was generated: refs for the benchmark's random picks."""

    boards: list[str] = field(default_factory=list)
    trackers: list[str] = field(default_factory=list)
    actions: list[str] = field(default_factory=list)
    first_day: date = START
    last_day: date = START
    save_seconds: float = 0.0
    events: int = 0


class Generator:
    def __init__(self, ledger: Any, target: int, seed: int = 7, batch: int = 5000) -> None:
        self.ledger, self.target, self.batch = ledger, target, batch
        self.rng = random.Random(seed)
        self.shape = Shape()
        self.dirty: dict[Any, Record] = {}
        self.pending = 0
        self.day = START
        self.positions: dict[tuple[Any, int], int] = {}
        self.after_batch: Callable[[], None] | None = None

    def run(
        self,
        progress: Callable[[int, int], None] | None = None,
        after_batch: Callable[[], None] | None = None,
    ) -> Shape:
        """Generate and record the ledger; ``after_batch()`` is called, untimed, after each
        batch is recorded (the benchmark's fair floor records the same batch then)."""
        self.after_batch = after_batch
        councils = max(1, self.target // (ACTIONS_PER_TRACKER * 2 * 60))
        actions: list[Action] = []
        meetings: list[Meeting] = []
        for c in range(councils):
            for b in ("seb", "hwb"):
                actions_, meeting = self.council_board(f"c{c}-{b}")
                actions += actions_
                meetings.append(meeting)
        per_day = max(1, self.target // 2000)
        while self.shape.events + self.pending < self.target:
            if self.rng.random() < 1 / per_day:
                self.day = min(self.day + timedelta(days=1), date.today())
            if self.rng.random() < 0.03:
                self.meeting_business(self.rng.choice(meetings))
            else:
                self.change(self.rng.choice(actions))
            if self.pending >= self.batch:
                self.flush()
                if progress:
                    progress(self.shape.events, self.target)
        self.flush()
        self.shape.last_day = self.day
        return self.shape

    def touch(self, record: Record, added: int) -> None:
        self.dirty[record.id] = record
        self.pending += added

    def flush(self) -> None:
        """Record what is pending as a bulk load does (``Ledger.store_in_bulk``: the rows
        the library's path would write, in one transaction), and a seal every 100,000
        events; the time they take is the benchmark's bulk recording."""
        if not self.dirty:
            return
        keys = [  # each event's place, for corrections to name: not the recording's work
            (e.originator_id, e.originator_version)
            for record in self.dirty.values()
            for e in record.pending_events
        ]
        started = time.perf_counter()
        recorded = self.ledger.store_in_bulk(*self.dirty.values(), subject="benchmark")
        if (self.shape.events + len(keys)) // 100_000 != self.shape.events // 100_000:
            self.ledger.seal("benchmark checkpoint", actor="Bench Clerk")
            self.shape.events += 1
        self.shape.save_seconds += time.perf_counter() - started
        self.positions.update(zip(keys, recorded.positions, strict=True))
        self.shape.events += len(keys)
        self.dirty, self.pending = {}, 0
        if self.after_batch:
            self.after_batch()

    def council_board(self, ref: str) -> tuple[list[Action], Meeting]:
        who = {"actor": self.rng.choice(CLERKS), "on": START, "reason": "set up"}
        board = Board.register(ref, f"Board {ref}", **who)
        tracker = Tracker.adopt(f"{ref}-plan", f"Action plan of {ref}", board=ref, **who)
        meeting = Meeting.schedule(ref, START + timedelta(days=30), "Board", **who)
        self.shape.boards.append(ref)
        self.shape.trackers.append(tracker.ref)
        for record in (board, tracker, meeting):
            self.touch(record, 1)
        actions = []
        for n in range(1, ACTIONS_PER_TRACKER + 1):
            line = ActionLine(
                f"Health action {n} of {ref}",
                f"LA action {n}",
                (self.rng.choice(NAMES),),
                self.rng.choice(["Q1", "Q2", "Q3"]),
            )
            action = Action.add(
                ActionRef(tracker.ref, str(n)),
                issue=f"Issue {n} of {ref}",
                kloe=[self.rng.randint(1, 3)],
                theme="Theme",
                line=line,
                **who,
            )
            self.shape.actions.append(action.ref)
            actions.append(action)
            self.touch(action, 1)
        return actions, meeting

    def when(self, record: Record) -> date:
        """Mostly the current day; one in twenty backdated by up to two months."""
        day = self.day
        if self.rng.random() < 0.05:
            day -= timedelta(days=self.rng.randint(8, 60))
        return max(day, record.since)

    def change(self, action: Action) -> None:
        on = self.when(action)
        who = {"actor": self.rng.choice(CLERKS), "on": on, "reason": "board"}
        roll = self.rng.random()
        if roll < 0.55:
            current = action.rating(on)
            if self.rng.random() < 0.02:
                action.rate(
                    Rating.BLUE, evidence="Closure report", **who
                ) if current is not Rating.BLUE else action.rate(Rating.AMBER, evidence="", **who)
            else:
                index = RATINGS.index(current) if current in RATINGS else 1
                step = self.rng.choice([-1, 1]) if self.rng.random() < 0.9 else 2
                rating = RATINGS[(index + step) % 3]
                action.rate(rating, evidence="", **who)
        elif roll < 0.7:
            owners = action.line_at(1, on).owners
            action.reassign([self.rng.choice([n for n in NAMES if (n,) != owners])], line=1, **who)
        elif roll < 0.8:
            current = action.line_at(1, on).timescale
            action.retime(self.rng.choice([t for t in TIMESCALES if t != current]), line=1, **who)
        elif roll < 0.97:
            action.note(f"Progress reported on {self.day.isoformat()}", **who)
        else:
            self.correct(action, who)
        self.touch(action, 1)

    def correct(self, action: Action, who: dict[str, Any]) -> None:
        ratings = [e for e in action.live("rating") if (action.id, e.version) in self.positions]
        if not ratings:
            action.note("No correction needed", **who)
            return
        entry = self.rng.choice(ratings)
        other = next(r for r in RATINGS if r.value != entry.values["rating"])
        action.correct(
            entry.version,
            position=self.positions[(action.id, entry.version)],
            values={"rating": other.value},
            effective=None,
            void=False,
            actor=who["actor"],
            on=self.day,
            reason="minutes amended",
        )

    def meeting_business(self, meeting: Meeting) -> None:
        who = {"actor": self.rng.choice(CLERKS), "on": max(self.day, meeting.held_on), "reason": ""}
        if self.rng.random() < 0.6:
            meeting.record_decision(
                item="Performance report",
                text="The board noted the report",
                outcome=Outcome.NOTED,
                follow_up=None,
                **who,
            )
        else:
            meeting.raise_action(
                owner=self.rng.choice(NAMES), text="Update the board", due=None, **who
            )
        self.touch(meeting, 1)
