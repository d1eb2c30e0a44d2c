"""The scrutiny panel's agenda pack: a board's trackers as they stood at a date, what moved
since the last meeting, the exceptions (red and overdue actions), counts by rating, theme
and KLOE, the board's key decisions and where their call-in stands, and the checkpoint
that lets a reader check every rating against the log.

Everything here is read from the views; ``commands/report.py`` turns it into a page.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from projections.call_ins import key_decisions
from projections.changes import movement
from projections.checkpoint import Checkpoint, checkpoint
from projections.tracker import LATEST, ActionState, Rated
from projections.views import Views

ORDER: tuple[str | None, ...] = ("red", "amber", "green", "blue", None)
RANK = {None: 0, "red": 1, "amber": 2, "green": 3, "blue": 4}


@dataclass(frozen=True)
class Meeting:
    held_on: date
    title: str


@dataclass(frozen=True)
class Period:
    """What the pack is as of: effective ``at``, as recorded by ``known``, compared with
    ``since`` (the last meeting, or a date the clerk gave), for the ``meeting`` ahead."""

    at: date
    known: str = LATEST
    since: date | None = None
    last: Meeting | None = None
    meeting: Meeting | None = None


@dataclass(frozen=True)
class Tally:
    """Actions by rating (None: not started), now and at the last meeting."""

    label: str
    now: Counter[str | None]
    before: Counter[str | None] = field(default_factory=Counter)

    @property
    def total(self) -> int:
        return sum(self.now.values())


@dataclass(frozen=True)
class Flagged:
    ref: str
    number: str
    what: str
    owner: str
    reason: str
    since: str
    days: int
    position: int | None
    timescale: str = ""


@dataclass
class TrackerPack:
    ref: str
    title: str
    overall: Tally
    by_theme: list[Tally]
    by_kloe: list[Tally]
    moved: list[dict[str, Any]]
    reds: list[Flagged]
    overdue: list[Flagged]
    rows: list[dict[str, Any]]
    columns: frozenset[str] = frozenset()
    fields: list[str] = field(default_factory=list)


OPTIONAL = ("kloe", "theme", "action", "update")
LINE_OPTIONAL = ("health", "la")


@dataclass
class Pack:
    trackers: list[TrackerPack]
    checkpoint: Checkpoint
    decisions: list[dict[str, Any]] = field(default_factory=list)  # key decisions, call-in


def build(views: Views, ledger: Any, trackers: list[dict[str, Any]], when: Period) -> Pack:
    """The whole pack: the board's key decisions and call-ins, each tracker's part, and the
    checkpoint behind its events."""
    parts = [tracker_pack(views, t["ref"], t["title"], when) for t in trackers]
    known = None if when.known == LATEST else when.known
    boards = dict.fromkeys(t["board"] for t in trackers if t.get("board"))
    decisions = [
        d for board in boards for d in key_decisions(views.trail, board, when.since, when.at, known)
    ]
    positions = [
        p
        for part in parts
        for p in [*(r["event"] for r in part.rows), *(m["position"] for m in part.moved)]
        if p
    ]
    positions += [d["position"] for d in decisions]
    return Pack(parts, checkpoint(ledger, positions), decisions)


def meetings(views: Views, board: str) -> list[Meeting]:
    """The board's meetings in date order."""
    held = {
        r["current"]["held_on"]: r["current"].get("title") or ""
        for r in views.trail.of_board(board)
        if r["kind"] == "scheduled" and not r["voided"]
    }
    return [Meeting(date.fromisoformat(day), held[day]) for day in sorted(held)]


def period(views: Views, board: str, at: date, known: str, since: date | None) -> Period:
    """The pack's dates: ``since`` as given, else the board's last meeting before ``at``
    (``--since-last-meeting`` asks for that explicitly; it is also the default)."""
    held = meetings(views, board)
    last = next((m for m in reversed(held) if m.held_on < at), None)
    ahead = next((m for m in held if m.held_on >= at), None)
    if since is None and last is not None:
        since = last.held_on
    elif since is not None:  # a date the clerk gave: the meeting held that day, if any
        last = next((m for m in held if m.held_on == since), None)
    return Period(at, known, since, last, ahead)


def tracker_pack(views: Views, ref: str, title: str, when: Period) -> TrackerPack:
    """One tracker's part of the pack."""
    actions = views.tracker.state(ref, when.at, when.known)
    history = views.tracker.ratings(ref, when.at, when.known)
    before = (
        {a.ref: a.rating for a in views.tracker.state(ref, when.since, when.known)}
        if when.since
        else {}
    )
    rows = [{**row_of(action), "trend": trend(before, action, when.since)} for action in actions]
    return TrackerPack(
        ref=ref,
        title=title,
        overall=Tally("All actions", Counter(a.rating for a in actions), Counter(before.values())),
        by_theme=grouped(actions, before, theme_of),
        by_kloe=grouped(actions, before, kloes_of),
        moved=movement(views, ref, when.since, when.at, when.known).changes if when.since else [],
        reds=reds(views, actions, history, when.at),
        overdue=overdue(actions, when.at),
        rows=rows,
        columns=frozenset(
            [c for c in OPTIONAL if any(r[c] for r in rows)]
            + [c for c in LINE_OPTIONAL if any(ln[c] for r in rows for ln in r["lines"])]
        ),
        fields=list(dict.fromkeys(name for r in rows for name in r["fields"])),
    )


def row_of(action: ActionState) -> dict[str, Any]:
    """An action as the tracker table shows it: its own cells once, then each line's."""
    details = action.details
    return {
        "no": action.number,
        "kloe": " & ".join(str(k) for k in details.get("kloe", [])),
        "theme": details.get("theme", ""),
        "issue": details.get("issue", ""),
        "action": details.get("action", ""),
        "update": action.update,
        "fields": action.fields,
        "rating": action.rating,
        "rated_on": action.rated_on or "",
        "event": action.rated_by,
        "lines": [
            {
                "health": line["health"],
                "la": line["la"],
                "who": " / ".join(line["owners"]),
                "timescale": line["timescale"],
            }
            for line in action.lines
        ],
    }


def trend(before: dict[str, str | None], action: ActionState, since: date | None) -> str:
    """``up`` (towards completed), ``down``, ``same``, ``new`` (first rated, or added, since
    the last meeting), or ``""`` when there is nothing to compare with."""
    if since is None:
        return ""
    if action.ref not in before or (before[action.ref] is None and action.rating is not None):
        return "new"
    was, now = RANK[before[action.ref]], RANK[action.rating]
    return "up" if now > was else "down" if now < was else "same"


def grouped(actions: list[ActionState], before: dict[str, str | None], keys: Any) -> list[Tally]:
    """Counts per theme (or KLOE): an action under two KLOEs counts under each."""
    now: dict[str, Counter[str | None]] = {}
    then: dict[str, Counter[str | None]] = {}
    for action in actions:
        for key in keys(action):
            now.setdefault(key, Counter())[action.rating] += 1
            if action.ref in before:  # empty when there is nothing to compare with
                then.setdefault(key, Counter())[before[action.ref]] += 1
    if len(now) < 2:
        return []  # one group is the overall count again
    return [Tally(key, now[key], then.get(key, Counter())) for key in now]


def theme_of(action: ActionState) -> list[str]:
    return [action.details.get("theme") or "(no theme)"]


def kloes_of(action: ActionState) -> list[str]:
    return [f"KLOE {k}" for k in action.details.get("kloe", [])] or ["(no KLOE)"]


def reds(
    views: Views, actions: list[ActionState], history: dict[str, list[Rated]], at: date
) -> list[Flagged]:
    """Every red action, with its owners, the reason it was rated red and since when."""
    red = [a for a in actions if a.rating == "red"]
    turned = {a.ref: red_since(history.get(a.ref, [])) for a in red}
    reasons = views.trail.reasons([r.entry for r in turned.values() if r is not None])
    found = []
    for action in red:
        first = turned[action.ref]
        found.append(
            Flagged(
                ref=action.ref,
                number=action.number,
                what=text_of(action),
                owner=owners(action),
                reason=reasons.get(action.rated_by or 0) or action.evidence,
                since=first.on.isoformat() if first else "",
                days=(at - first.on).days if first else 0,
                position=action.rated_by,
            )
        )
    return sorted(found, key=lambda e: -e.days)


def red_since(ratings: list[Rated]) -> Rated | None:
    """The rating that began the action's present run of red."""
    first = None
    for rated in reversed(ratings):
        if rated.rating != "red":
            break
        first = rated
    return first


def overdue(actions: list[ActionState], at: date) -> list[Flagged]:
    """Lines whose timescale names a day before ``at``, on actions not completed."""
    from projections.timescales import due_on

    found = []
    for action in actions:
        if action.rating == "blue":
            continue
        for line in action.lines:
            when = due_on(line["timescale"])
            if when is not None and when < at:
                found.append(
                    Flagged(
                        ref=action.ref,
                        number=action.number,
                        what=text_of(action),
                        owner=" / ".join(line["owners"]),
                        reason="",
                        since=when.isoformat(),
                        days=(at - when).days,
                        position=action.rated_by,
                        timescale=line["timescale"],
                    )
                )
    return sorted(found, key=lambda e: -e.days)


def text_of(action: ActionState) -> str:
    details = action.details
    return details.get("issue") or details.get("action") or "(no text)"


def owners(action: ActionState) -> str:
    named = dict.fromkeys(o for line in action.lines for o in line["owners"])
    return " / ".join(named)
