"""How a decision was reached: the counts for, against and abstaining, the members' named
votes where the minutes record them, and the result.

A vote is kept in the same shape the minutes reader gives (``said``, ``result``,
``votes_for``, ``against``, ``abstained``, ``names_for``, ``names_against``,
``names_abstained``), so that a vote typed by a clerk and one read from the minutes read alike.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ledger.errors import InvalidEntry, Refused

SIDES = ("for", "against", "abstain")
COUNT_KEYS = {"for": "votes_for", "against": "against", "abstain": "abstained"}
NAME_KEYS = {"for": "names_for", "against": "names_against", "abstain": "names_abstained"}
RESULTS = ("carried", "lost")


def tallied(
    counts: dict[str, int | None], members: Sequence[tuple[str, str]], result: str | None
) -> dict[str, Any]:
    """The vote as recorded, once its counts and names agree; refuses what does not add up."""
    names: dict[str, list[str]] = {side: [] for side in SIDES}
    seen: set[str] = set()
    for name, side in members:
        if side not in SIDES:
            raise InvalidEntry(f"{name}={side}: a member votes for, against or abstain")
        if name.casefold() in seen:
            raise InvalidEntry(f"{name} is named twice; give each member's vote once")
        seen.add(name.casefold())
        names[side].append(name)
    given = dict(counts)
    for side in SIDES:
        if members and given.get(side) is None:
            given[side] = len(names[side])
        if members and given[side] != len(names[side]):
            named = len(names[side])
            raise Refused(
                f"{given[side]} {side} but {named} member{'s' if named != 1 else ''} named "
                f"{side}; a named vote must add up to its counts"
            )
    if all(given.get(side) is None for side in SIDES):
        raise InvalidEntry("give the counts (--for, --against, --abstain) or --member NAME=for")
    yes, no = given.get("for") or 0, given.get("against") or 0
    if result == "carried" and yes < no:
        raise Refused(
            f"{yes} for and {no} against cannot have carried; check the counts, or give "
            "--result lost (a motion short of a special majority is lost with more for)"
        )
    return {
        "said": "",
        "result": result or outcome(given),
        **{COUNT_KEYS[side]: given.get(side) for side in SIDES},
        **{NAME_KEYS[side]: names[side] for side in SIDES},
    }


def outcome(counts: dict[str, int | None]) -> str:
    """Carried when more voted for than against, lost when fewer; a tie is the chair's."""
    yes, no = counts.get("for") or 0, counts.get("against") or 0
    if yes == no:
        raise Refused(
            f"{yes} for and {no} against is a tie, settled by the chair's casting vote; "
            "say how with --result carried or --result lost"
        )
    return "carried" if yes > no else "lost"
