"""Where each decision subject to call-in stands on a day: in its call-in period (closing
when, how many working days left), called in and waiting for scrutiny's outcome, or free
to be implemented, and from when. ``board history``, ``due`` and the agenda pack say it
in these words.

A decision keeps its call-in period as published (``ledger.call_in.Window.stored``); its
call-in and scrutiny's outcome are rows of the audit trail under the decision's ref.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import orjson

from ledger.call_in import Window
from projections.audit_trail import ENTRY_KIND
from projections.wording import call_in_outcome, call_in_period, call_in_said, called_in_by

CALLED_IN = ENTRY_KIND["DecisionCalledIn"]
CONCLUDED = ENTRY_KIND["CallInConcluded"]
PERIOD = ENTRY_KIND["CallInPeriodSet"]
NOT_YET = "not to be implemented until scrutiny's outcome is recorded"


@dataclass(frozen=True)
class CallIn:
    """A decision's call-in (the trail's row) and scrutiny's outcome on it, if any."""

    called: dict[str, Any]
    concluded: dict[str, Any] | None = None

    @property
    def said(self) -> str:
        """'called in by Cllr Ann Lee on 2019-06-14', then the outcome or that it waits."""
        called = called_in_by(self.called["current"]["members"], self.called["effective_on"])
        if self.concluded is None:
            return f"{called}; {NOT_YET}"
        outcome = self.concluded["current"]["outcome"]
        return f"{called}; {call_in_outcome(outcome, self.concluded['effective_on'])}"


def call_ins(
    trail: Any, board: str, until: date | None = None, known: str | None = None
) -> dict[str, CallIn]:
    """Decision ref → its live call-in (and outcome) in effect by ``until``, as recorded
    by ``known`` (a UTC time as the trail writes it)."""
    rows = trail.rows(
        "SELECT ref, kind, effective_on, recorded_at, reason, current FROM gl_trail "
        "WHERE board=? AND kind IN (?, ?) AND voided=0 ORDER BY position",
        [board, CALLED_IN, CONCLUDED],
    )
    found: dict[str, CallIn] = {}
    for row in rows:
        if (until is not None and row["effective_on"] > until.isoformat()) or (
            known is not None and row["recorded_at"] > known
        ):
            continue
        row["current"] = orjson.loads(row["current"])
        if row["kind"] == CALLED_IN and row["ref"] not in found:
            found[row["ref"]] = CallIn(row)
        elif row["kind"] == CONCLUDED and row["ref"] in found:
            found[row["ref"]] = CallIn(found[row["ref"]].called, row)
    return found


def window_of(decision: dict[str, Any]) -> Window | None:
    """A decision's call-in period (its trail row's ``current``), if it has one."""
    said = decision.get("call_in")
    return Window.from_stored(said) if said else None


def days_left(window: Window, today: date) -> str:
    left = window.working_days_left(today)
    if today >= window.closes:
        return "its last day"
    return f"{left} working day{'s' if left != 1 else ''} left"


def standing(decision: dict[str, Any], called: CallIn | None, today: date) -> str:
    """Where the decision stands on ``today``: key or not, its call-in period, its call-in
    and scrutiny's outcome; empty for a decision neither key nor subject to call-in."""
    key = bool(decision.get("key_decision"))
    window = window_of(decision)
    if window is None:
        return call_in_said(key, None)
    said = ["key decision"] if key else []
    if called is not None:
        said.append(called.said)
    elif today <= window.closes:
        said.append(f"call-in closes {window.closes.isoformat()} ({days_left(window, today)})")
        said.append(f"may be implemented from {window.implementable_from.isoformat()}")
    else:
        said.append(f"call-in closed {window.closes.isoformat()}, not called in")
        said.append(f"may be implemented from {window.implementable_from.isoformat()}")
    return "; ".join(said)


def open_on(decision: dict[str, Any], called: CallIn | None, today: date) -> bool:
    """In its call-in period on ``today``, or called in with no outcome yet."""
    window = window_of(decision)
    if window is None:
        return False
    if called is not None:
        return called.concluded is None
    return today <= window.closes


def call_in_due(
    decision: dict[str, Any], called: CallIn | None, today: date, what: str
) -> dict[str, Any] | None:
    """A ``due`` row for a decision in its call-in period (due: the day it closes) or
    called in and waiting for scrutiny's outcome (no date); None otherwise."""
    if not open_on(decision, called, today):
        return None
    window = window_of(decision)
    assert window is not None
    key = "key decision: " if decision.get("key_decision") else ""
    if called is not None:
        row = called.called
        why = f" ({row['reason']})" if row["reason"] else ""
        by = called_in_by(row["current"]["members"], row["effective_on"])
        return {
            "due": "",
            "status": "called in",
            "days_overdue": None,
            "kind": "call-in",
            "owner": "",
            "what": f"{key}{by}{why}; {NOT_YET}: {what}",
        }
    return {
        "due": window.closes.isoformat(),
        "status": "call-in",
        "days_overdue": None,
        "kind": "call-in",
        "owner": "",
        "what": f"{key}call-in closes {window.closes.isoformat()}, {days_left(window, today)}; "
        f"may be implemented from {window.implementable_from.isoformat()}: {what}",
    }


def told(row: dict[str, Any]) -> dict[str, Any] | None:
    """``board history``'s line for a call-in, scrutiny's outcome or a call-in period."""
    c = row["current"]
    if row["kind"] == CALLED_IN:
        what = f"D{c['number']} {called_in_by(c['members'], row['effective_on'])}"
        return {"date": row["effective_on"], "kind": "call-in", "what": what, "status": ""}
    if row["kind"] == CONCLUDED:
        what = f"D{c['number']}: {call_in_outcome(c['outcome'], row['effective_on'])}"
        return {"date": row["effective_on"], "kind": "call-in outcome", "what": what, "status": ""}
    if row["kind"] == PERIOD:
        what = f"call-in period: {call_in_period(c['days'], c['nation'])}"
        return {"date": row["effective_on"], "kind": "call-in period", "what": what, "status": ""}
    return None


def key_decisions(
    trail: Any, board: str, since: date | None, at: date, known: str | None = None
) -> list[dict[str, Any]]:
    """For the agenda pack: the board's key decisions and those subject to call-in taken
    after ``since`` up to ``at``, and any earlier one still in its call-in period or called
    in on ``at``; each with where it stands on ``at``."""
    called = call_ins(trail, board, at, known)
    found = []
    for row in trail.of_board(board, None, at):
        c = row["current"]
        if (
            row["kind"] != "decision"
            or row["voided"]
            or not (c.get("key_decision") or c.get("call_in"))
        ):
            continue
        if known is not None and row["recorded_at"] > known:
            continue
        taken = date.fromisoformat(row["effective_on"])
        state = called.get(row["ref"])
        if since is not None and taken <= since and not open_on(c, state, at):
            continue
        found.append(
            {
                "ref": row["ref"],
                "date": row["effective_on"],
                "item": c["item"],
                "text": c["text"],
                "standing": standing(c, state, at),
                "open": open_on(c, state, at),
                "called_in": state is not None and state.concluded is None,
                "position": row["position"],
            }
        )
    return found
