"""A web page's list items as a reader sees them: a bullet, or the number a browser prints.

Minutes put a resolution's parts in an ordered list (``<ol type="a">``); the letters are not
in the page's text, only in how it is shown, so they are written here ("a. ", "b. ") for the
parser that looks for lettered parts.
"""

from __future__ import annotations

from dataclasses import dataclass

BULLET = "• "
STYLES = ("1", "a", "A", "i", "I")
ROMAN = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)  # fmt: skip


@dataclass
class ListMarkers:
    """The markers of one list, item after item."""

    ordered: bool
    style: str = "1"
    number: int = 1

    @classmethod
    def of(cls, tag: str, style: str | None, start: str | None) -> ListMarkers:
        """A ``<ul>`` or an ``<ol>`` with its ``type`` and ``start`` attributes."""
        first = _number(start)
        return cls(
            ordered=tag == "ol",
            style=style if style in STYLES else "1",
            number=1 if first is None else first,
        )

    def marker(self, value: str | None = None) -> str:
        """The next item's marker; ``value`` is the item's own number, where it gives one."""
        if not self.ordered:
            return BULLET
        given = _number(value)
        if given is not None:
            self.number = given
        marker = numbered(self.number, self.style)
        self.number += 1
        return f"{marker}. "


def numbered(number: int, style: str) -> str:
    """An ordered list's marker as a browser shows it: 3, c, C, iii or III."""
    if style in ("a", "A") and number >= 1:
        letters = ""
        while number:
            number, rest = divmod(number - 1, 26)
            letters = chr(ord("a") + rest) + letters
        return letters.upper() if style == "A" else letters
    if style in ("i", "I") and 1 <= number < 4000:
        numeral = ""
        for value, letters in ROMAN:
            count, number = divmod(number, value)
            numeral += letters * count
        return numeral.upper() if style == "I" else numeral
    return str(number)


def _number(value: str | None) -> int | None:
    value = (value or "").strip()
    return int(value) if value.isdigit() and len(value) <= 6 else None
