"""The RAGB rating and the tracker's own key for it."""

from __future__ import annotations

from enum import StrEnum


class Rating(StrEnum):
    """Red/Amber/Green/Blue, as on the seed tracker's key."""

    RED = "red"
    AMBER = "amber"
    GREEN = "green"
    BLUE = "blue"

    @property
    def meaning(self) -> str:
        return KEY[self]

    @property
    def completes(self) -> bool:
        """Blue means completed, which the tracker key says needs evidence."""
        return self is Rating.BLUE


KEY = {
    Rating.RED: "Major risks and barriers to achieving – requires urgent attention.",
    Rating.AMBER: "In progress – some risks and barriers to completion",
    Rating.GREEN: "On track",
    Rating.BLUE: "Completed",
}

NAMES = [r.value for r in Rating]
