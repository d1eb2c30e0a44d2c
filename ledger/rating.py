"""The RAGB rating an action carries, and the words councils write it in."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum


class Rating(StrEnum):
    """Red/Amber/Green/Blue: at risk, in progress, on track, completed."""

    RED = "red"
    AMBER = "amber"
    GREEN = "green"
    BLUE = "blue"

    @property
    def completes(self) -> bool:
        """Blue means completed, which the tracker key says needs evidence."""
        return self is Rating.BLUE


NAMES = [r.value for r in Rating]

# The words trackers use for a rating, case and spacing aside. None is "not rated yet".
WORDS: dict[str, Rating | None] = {
    "r": Rating.RED,
    "red": Rating.RED,
    "offtrack": Rating.RED,
    "a": Rating.AMBER,
    "amber": Rating.AMBER,
    "atrisk": Rating.AMBER,
    "g": Rating.GREEN,
    "green": Rating.GREEN,
    "ontrack": Rating.GREEN,
    "b": Rating.BLUE,
    "blue": Rating.BLUE,
    "complete": Rating.BLUE,
    "completed": Rating.BLUE,
    "done": Rating.BLUE,
    "closed": Rating.BLUE,
    "notstarted": None,
    "notyetstarted": None,
    "unrated": None,
}
ACCEPTED = (
    "R, A, G, B; Red, Amber, Green, Blue; On track, At risk, Off track; Complete, "
    "Completed, Done, Closed (blue); Not started (unrated); a split such as Amber/Green"
)
# Words of progress that are no rating: a status column's "Ongoing" or "Paused" says where
# an item stands without a colour, so it is kept as written rather than guessed at.
PROGRESS_SAID = (
    "new open ongoing inprogress underway started pending paused onhold delayed "
    "seriousdelay overdue late deferred superseded cancelled withdrawn carriedforward "
    "met notmet partiallymet achieved notachieved partiallyachieved agreed noted blocked "
    "planned scheduled proposed notdue continuing progressing slipped slippage "
    "partiallycomplete notcomplete incomplete rejected accepted implemented"
)
PROGRESS = frozenset(PROGRESS_SAID.split())
PROGRESS_WORDS = 5
WORSE_FIRST = (Rating.RED, Rating.AMBER, Rating.GREEN, Rating.BLUE)
SPLIT = re.compile(r"\s*[/\\-]\s*|\s+")


@dataclass(frozen=True)
class RatingSaid:
    """A rating as a tracker wrote it: the rating it means (None: not rated) and the words."""

    rating: Rating | None
    said: str

    @property
    def split(self) -> bool:
        """A split rating such as Amber/Green: it is recorded as the worse of the two."""
        return squeezed(self.said) not in WORDS

    def shown(self) -> str:
        """How an import shows it: the rating, with the tracker's words where they differ."""
        name = self.rating.value if self.rating else "unrated"
        return name if squeezed(self.said) == name else f"{name} ({self.said.strip()})"


def squeezed(word: str) -> str:
    return re.sub(r"[^a-z]", "", word.lower())


def read_rating(word: str) -> RatingSaid:
    """The rating a tracker's word means; ValueError naming the accepted words if none."""
    key = squeezed(word)
    if key in WORDS:
        return RatingSaid(WORDS[key], word)
    parts = [squeezed(p) for p in SPLIT.split(word.strip()) if p.strip()]
    colours = [WORDS.get(p) for p in parts]
    if len(parts) == 2 and all(c in WORSE_FIRST[:3] for c in colours) and colours[0] != colours[1]:
        return RatingSaid(min(colours, key=WORSE_FIRST.index), word)  # type: ignore[arg-type]
    raise ValueError(f"{word.strip()!r} is not a rating; use {ACCEPTED}")


def is_progress(word: str) -> bool:
    """A status that is no rating ("Ongoing", "On hold", "e.g. Paused", "Partially
    complete"): a few words, one of them, or all of them together, a word of progress."""
    if not word.strip() or len(word.split()) > PROGRESS_WORDS:
        return False
    try:
        read_rating(word)
    except ValueError:
        words = [squeezed(w) for w in word.split()]
        return squeezed(word) in PROGRESS or any(w in PROGRESS for w in words)
    return False
