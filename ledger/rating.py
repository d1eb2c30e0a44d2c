"""The RAGB rating an action carries."""

from __future__ import annotations

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
