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
