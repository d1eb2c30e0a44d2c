"""What reads like a new action but is none: progress on an earlier meeting's matter told
in the passive under "Matters arising" ("A report will be forwarded to Highways."), what
follows from a decision ("Andrew will therefore take over the role"), and the plans a
presenter reports in the bullets of their update ("Outcomes will be anonymised ...")."""

from __future__ import annotations

import re

from ledger.readers.minutes_earlier_actions import PREVIOUS_ACTIONS

CONSEQUENCE = re.compile(r"\b(?:will|would)\s+therefore\b", re.IGNORECASE)
PRESENTER = re.compile(  # "Adam Thompson updated the panel on work to deliver ..."
    r"^\W*(?:[A-Z][\w'’-]+\s+){1,3}(?:updated|briefed|informed|told|gave\s+(?:an?\s+|the\s+)?"
    r"(?:update|overview|presentation|briefing)\s+(?:to\s+)?)\s*(?:the\s+)?(?:panel|board|"
    r"committee|meeting|group|council|members|forum)\b"
)


def presenting(paragraph: str) -> bool:
    """Whether a paragraph opens someone's update to the meeting."""
    return bool(PRESENTER.match(paragraph))


def not_new(names: list[str], deed: str, *, title: str, reported: bool) -> bool:
    """Whether an action a sentence seems to give is none of this meeting's: a consequence,
    or an unnamed passive deed in a presenter's update or under matters arising (``title``
    is the item's title, or empty for a decision's sentence, whose deed is new anywhere)."""
    if CONSEQUENCE.search(deed):
        return True
    return not names and (reported or bool(PREVIOUS_ACTIONS.search(title)))
