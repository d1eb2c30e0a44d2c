"""An earlier meeting's actions told again in these minutes, and their progress: an item
headed "Matters arising" or "Actions from the last meeting", a paragraph opening "Action
3:", and its status ("Complete.", "Ongoing") below it. None of these is a new action."""

from __future__ import annotations

import re

PREVIOUS_ACTIONS = re.compile(
    r"\b(?:matters\s+arising|action\s+points?\s+(?:at|from|of)\s+(?:the\s+)?(?:last|previous)|"
    r"actions?\s+(?:from|of|arising\s+from)\s+(?:the\s+)?(?:last|previous|earlier)|"
    r"previous\s+actions?|action\s+log|actions?\s+update|review\s+of\s+(?:the\s+)?actions|"
    r"outstanding\s+actions)\b",
    re.IGNORECASE,
)
RESTATED = re.compile(  # "Action 3: X to ...", "- 17/06. Ask the owners ...": a numbered action
    r"^\W*(?:action\s+(?:no\.?\s*)?\d+[a-z]?|\d{1,4}/\d{1,4}[a-z]?)\s*[:.)-]", re.IGNORECASE
)
STATUS = re.compile(  # "• Partially complete. Simon will ...": progress on the action above
    r"^(?:partially\s+|not\s+(?:yet\s+)?|now\s+)?(?:complete[d]?|done|ongoing|in\s+progress|closed|"
    r"outstanding|carried\s+forward|superseded|to\s+be\s+taken\s+forward|taken\s+forward)"
    r"\s*(?:[.:;–-]|$)",
    re.IGNORECASE,
)
SETTLED = re.compile(  # "... the storage area. COMPLETED – NO REPLY", "... objected to. ONGOING"
    r"[.;:]\s+(?:(?:partially\s+)?complete[d]?|done|ongoing|in\s+progress|closed|outstanding|"
    r"no\s+reply|chase(?:\s+up)?|carried\s+forward)(?:\s*[–—-]\s*(?:no\s+reply|chase(?:\s+up)?|"
    r"ongoing|complete[d]?|in\s+progress))*\W*$",
    re.IGNORECASE,
)


def settled(paragraph: str) -> bool:
    """An earlier meeting's numbered action with its progress at its end ("- 17/06. Ask the
    owners ... COMPLETED – NO REPLY"): its state read again, no new action."""
    bare = re.sub(r"^[-*•●]\s+", "", paragraph)
    return bool(RESTATED.match(bare) and SETTLED.search(bare))
