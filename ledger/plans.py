"""What a clerk records about action plans: trackers, their actions, every change."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from ledger.action import Action, ActionLine
from ledger.errors import Refused
from ledger.forms import BoardRef, Day, Kloe, Owners, RatingName, Reason, Text, TrackerRef, checked
from ledger.rating import Rating
from ledger.record import Recorded
from ledger.refs import ActionRef


class ActionPlans:
    """The ledger's recording of trackers and actions (mixed into ``Ledger``)."""

    board: Any
    tracker: Any
    action: Any
    effective: Any
    save_new: Any
    store: Any

    @checked
    def adopt_tracker(
        self,
        ref: TrackerRef,
        title: Text,
        *,
        board: BoardRef,
        actor: Text,
        on: Day | None = None,
        reason: str = "",
    ) -> Recorded:
        from ledger.tracker import Tracker  # here: most commands only read actions

        owner = self.board(board)
        day = self.effective(on, since=owner)
        return self.save_new(
            Tracker.adopt(ref, title, board=board, actor=actor, on=day, reason=reason)
        )

    @checked
    def add_action(
        self,
        tracker: TrackerRef,
        number: str,
        *,
        issue: Text,
        kloe: Kloe = [],  # noqa: B006
        theme: str = "",
        who: list[str] | None = None,
        timescale: str = "",
        health: str = "",
        la: str = "",
        actor: Text,
        on: Day | None = None,
        reason: str = "",
    ) -> Recorded:
        if who is None:
            who = []
        plan = self.tracker(tracker)
        ref = ActionRef.parse(f"{tracker}#{number}")
        day = self.effective(on, since=plan)
        line = ActionLine(health, la, tuple(who), timescale)
        action = Action.add(
            ref, issue=issue, kloe=kloe, theme=theme, line=line, actor=actor, on=day, reason=reason
        )
        return self.save_new(action)

    def change(self, ref: str, on: date | None, apply: Callable[[Action, date], Any]) -> Recorded:
        action = self.action(ref)
        apply(action, self.effective(on, since=action))
        return self.store(action, subject=action.ref)

    @checked
    def add_action_line(
        self,
        ref: str,
        *,
        who: list[str] | None = None,
        timescale: str = "",
        health: str = "",
        la: str = "",
        actor: Text,
        on: Day | None = None,
        reason: str = "",
    ) -> Recorded:
        if who is None:
            who = []
        if not (health.strip() or la.strip()):
            raise Refused("an action line needs its text; give --health TEXT or --la TEXT")
        line = ActionLine(health, la, tuple(who), timescale)
        return self.change(ref, on, lambda a, d: a.add_line(line, actor=actor, on=d, reason=reason))

    @checked
    def rate_action(
        self,
        ref: str,
        rating: RatingName,
        *,
        evidence: str = "",
        actor: Text,
        on: Day | None = None,
        reason: Reason,
    ) -> Recorded:
        return self.change(
            ref,
            on,
            lambda a, d: a.rate(rating, evidence=evidence, actor=actor, on=d, reason=reason),
        )

    @checked
    def reopen_action(
        self,
        ref: str,
        rating: RatingName = Rating.AMBER,
        *,
        actor: Text,
        on: Day | None = None,
        reason: Reason,
    ) -> Recorded:
        return self.change(ref, on, lambda a, d: a.reopen(rating, actor=actor, on=d, reason=reason))

    @checked
    def reassign_action(
        self,
        ref: str,
        owners: Owners,
        *,
        line: int | None = None,
        actor: Text,
        on: Day | None = None,
        reason: Reason,
    ) -> Recorded:
        return self.change(
            ref, on, lambda a, d: a.reassign(owners, line=line, actor=actor, on=d, reason=reason)
        )

    @checked
    def retime_action(
        self,
        ref: str,
        timescale: Text,
        *,
        line: int | None = None,
        actor: Text,
        on: Day | None = None,
        reason: Reason,
    ) -> Recorded:
        return self.change(
            ref, on, lambda a, d: a.retime(timescale, line=line, actor=actor, on=d, reason=reason)
        )

    @checked
    def note_action(
        self, ref: str, text: Text, *, actor: Text, on: Day | None = None, reason: Reason
    ) -> Recorded:
        return self.change(ref, on, lambda a, d: a.note(text, actor=actor, on=d, reason=reason))
