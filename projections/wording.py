"""The words every view uses for what an entry holds, so that the story of an action, the
log and the panel's changes say the same thing the same way: owners as ``A / B``, a
tracker's own columns as ``Name: value`` and their changes as ``Name: from → to``; a
meeting's entries under their own refs (``BOARD@DATE/D1``, ``BOARD@DATE/A2``)."""

from __future__ import annotations

from typing import Any

NONE = "(none)"
# A meeting's entries each have a ref of their own: a decision (and the closing of its
# follow-up, its vote, its call-in) ``/D<n>``, a minute action (and its completion) ``/A<n>``.
ITEM_LETTER = {
    "DecisionRecorded": "D",
    "FollowUpClosed": "D",
    "VoteRecorded": "D",
    "DecisionCalledIn": "D",
    "CallInConcluded": "D",
    "MinuteActionRaised": "A",
    "MinuteActionCompleted": "A",
}


def item_ref(subject: str, event: str, number: Any) -> str:
    """The ref an event is told under: a meeting's decision or minute action by its own
    ref (``seb@2019-06-12/D1``); any other event by its subject's."""
    letter = ITEM_LETTER.get(event)
    return f"{subject}/{letter}{number}" if letter and number is not None else subject


def follow_up_closed(reason: str) -> str:
    """A decision's follow-up closed, with why: the update it asked for was heard."""
    return f"follow-up closed: {reason}" if reason else "follow-up closed"


def owners(names: list[str] | None) -> str:
    return " / ".join(names or []) or "nobody"


def added_text(values: dict[str, Any]) -> str:
    """What an added action says: its issue, else its own text (trackers other than the
    seed's have an action and no issue)."""
    return values.get("issue") or values.get("action") or ""


def columns_moved(previous: dict[str, str], now: dict[str, str]) -> str:
    """Each of the tracker's own columns that changed, as ``Name: from → to``."""
    moved = [
        f"{name}: {previous.get(name) or NONE} → {now.get(name) or NONE}"
        for name in [*now, *(n for n in previous if n not in now)]
        if previous.get(name, "") != now.get(name, "")
    ]
    return "; ".join(moved) or "unchanged"


def shown(value: Any) -> str:
    """A value as a clerk writes it: owners joined, a tracker's own columns as
    ``Name: value``, nothing as (none); never a Python list or dict."""
    if value is None:
        return NONE
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return owners(value)
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or NONE
    if isinstance(value, dict):
        return "; ".join(f"{k}: {v}" for k, v in value.items()) or NONE
    return str(value)


def vote_said(vote: dict[str, Any]) -> str:
    """'carried: 7 for, 2 against, 1 abstained; for: A, B; against: C', as far as known;
    '[erased]' for a vote whose words were redacted (it reads back as an empty object)."""
    if not vote:
        return "[erased]"
    counts = [
        f"{vote[key]} {word}"
        for key, word in (("votes_for", "for"), ("against", "against"), ("abstained", "abstained"))
        if vote.get(key) is not None
    ]
    names = [
        f"{word}: {', '.join(vote[key])}"
        for key, word in (
            ("names_for", "for"),
            ("names_against", "against"),
            ("names_abstained", "abstained"),
        )
        if vote.get(key)
    ]
    said = ", ".join(counts) or vote.get("said", "")
    return "; ".join(p for p in (f"{vote.get('result') or 'result not said'}: {said}", *names) if p)


def call_in_period(days: int, nation: str) -> str:
    """'5 working days (England)', or 'not subject to call-in' for 0."""
    if not days:
        return "not subject to call-in"
    from ledger.call_in import NATION_NAMES  # loaded only where a call-in is worded

    return f"{days} working day{'s' if days != 1 else ''} ({NATION_NAMES.get(nation, nation)})"


def call_in_said(key_decision: bool, call_in: dict[str, Any] | None) -> str:
    """What a decision was published with: 'key decision; call-in closes 2019-06-19; may be
    implemented from 2019-06-20' (empty for a decision neither key nor subject to call-in)."""
    said = ["key decision"] if key_decision else []
    if call_in:
        said += [
            f"call-in closes {call_in['closes']}",
            f"may be implemented from {call_in['implementable_from']}",
        ]
    elif key_decision:
        said.append("not subject to call-in")
    return "; ".join(said)


def called_in_by(members: list[str], on: str) -> str:
    """'called in by Cllr Ann Lee and Cllr Bo Chan on 2019-06-14'."""
    if not members:
        return f"called in on {on}"
    names = ", ".join(members[:-1]) + " and " + members[-1] if len(members) > 1 else members[0]
    return f"called in by {names} on {on}"


def call_in_outcome(outcome: str, on: str) -> str:
    """Scrutiny's outcome on a decision called in, and what it means for implementing it."""
    if outcome == "upheld":
        return f"call-in upheld on {on}: may be implemented from {on}"
    return f"referred back to the decision-maker on {on}: not to be implemented as it stands"
