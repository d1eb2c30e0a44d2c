"""How clerks name things, and the stable ids derived from those names.

Boards and trackers have short refs (``seb``, ``hf-send-2019``). An action is
``TRACKER#ID``, its ID as the tracker writes it: a number (``15``, ``15.``), a number and a
letter for an item without a number in the source (``4a``), or any other shape councils
use (``1.1``, ``2.3a``, ``A2``, ``R-07``, ``BEIS_0005_1920-Q4``, a KPI's name). A ticket's
number written ``#119`` is the ID ``119``: its ``#`` says "number", as in ``TRACKER#119``,
so ``audit#119`` and ``audit##119`` name the same item. A meeting is
``BOARD@DATE``; its decisions and minute actions are ``BOARD@DATE/D1`` and ``BOARD@DATE/A1``.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any
from uuid import NAMESPACE_URL, UUID, uuid5

from ledger.errors import InvalidEntry

NAMESPACE = uuid5(NAMESPACE_URL, "https://govledger.org/ids")
REF = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,62}")
NUMBER = re.compile(r"(\d{1,6})\.?([a-z]{0,2})")
ID_LENGTH = 200
# Compiled when first used (re keeps them): most commands read neither.
UK_DATE = r"(\d{1,2})/(\d{1,2})/(\d{4})"
ITEM = r"(?P<meeting>[^/]+@\d{4}-\d{2}-\d{2})/(?P<kind>[DA])(?P<n>\d+)"


def short_ref(ref: str, kind: str) -> str:
    """A board or tracker ref: letters, digits, dot, dash, underscore."""
    if not REF.fullmatch(ref or ""):
        raise InvalidEntry(
            f"{kind} ref {ref!r} is not valid; use letters, digits, '.', '-' or '_' "
            "(up to 63 characters), e.g. seb or hf-send-2019"
        )
    return ref


def action_number(number: str) -> str:
    """The one spelling of a numbered ID: '15', '15.' and '015' are 15 (a trailing dot and
    leading zeros are decoration), '4A' is 4a (an unnumbered item after 4). IDs of any
    other shape are read by :func:`item_id`, which keeps them as written."""
    found = NUMBER.fullmatch(str(number).strip().lower())
    if not found:
        raise InvalidEntry(
            f"action number {number!r} is not a number such as 15 or 4a; an ID of "
            "another shape (1.1, A2, R-07) is valid as the tracker writes it: give it "
            "as the item's ID"
        )
    return str(int(found.group(1))) + found.group(2)


def item_id(text: str) -> str:
    """An item's ID as a tracker writes it, in one canonical spelling.

    Numbers keep the spelling they always had (``15.`` and ``015`` are ``15``, ``4A`` is
    ``4a``), so refs and ids recorded before other shapes were accepted never change. Any
    other ID keeps its letters and case; a trailing dot, a leading ``#`` (a ticket's
    ``#119``) and runs of spaces are decoration. A ``#`` inside an ID (``REC#4``) is kept:
    a ref is split at its first ``#``, and tracker refs hold none.
    """
    given = " ".join(str(text).split()).lstrip("#").lstrip()
    if NUMBER.fullmatch(given.lower()):
        return action_number(given)
    trimmed = given.removesuffix(".").strip()
    if not trimmed or len(trimmed) > ID_LENGTH or not trimmed.isprintable():
        raise InvalidEntry(
            f"item ID {text!r} is not valid; write it as the tracker does, e.g. 15, 1.1, "
            f"A2, R-07 or #119 (up to {ID_LENGTH} characters)"
        )
    return trimmed


class Value:
    """A value (a ref, an action line): equal, hashed and shown by its fields (its
    ``__slots__``, in the constructor's order), never changed once made.

    A plain class rather than a frozen dataclass: every command that names a thing imports
    this module, and each dataclass costs a new process ~0.3 ms to build."""

    __slots__: tuple[str, ...] = ()

    def values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self.__slots__)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self.values() == other.values()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash(self.values())

    def __repr__(self) -> str:
        shown = ", ".join(f"{n}={getattr(self, n)!r}" for n in self.__slots__)
        return f"{type(self).__name__}({shown})"

    def __reduce__(self) -> tuple[type, tuple[Any, ...]]:  # copies and pickles
        return type(self), self.values()

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"a {type(self).__name__} is never changed; make a new one")

    __delattr__ = __setattr__  # type: ignore[assignment]


class ActionRef(Value):
    __slots__ = ("tracker", "number")  # noqa: RUF023 (the constructor's order)
    tracker: str
    number: str

    def __init__(self, tracker: str, number: str) -> None:
        object.__setattr__(self, "tracker", tracker)
        object.__setattr__(self, "number", number)

    @classmethod
    def parse(cls, text: str) -> ActionRef:
        tracker, sep, number = (text or "").partition("#")
        if not sep:
            raise InvalidEntry(
                f"action ref {text!r} is not valid; write TRACKER#ID, e.g. hf-send-2019#15"
            )
        return cls(short_ref(tracker, "tracker"), item_id(number))

    def __str__(self) -> str:
        return f"{self.tracker}#{self.number}"


class ItemRef(Value):
    """A decision (D) or minute action (A) of one meeting."""

    __slots__ = ("board", "held_on", "kind", "number")
    board: str
    held_on: date
    kind: str
    number: int

    def __init__(self, board: str, held_on: date, kind: str, number: int) -> None:
        object.__setattr__(self, "board", board)
        object.__setattr__(self, "held_on", held_on)
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "number", number)

    @classmethod
    def parse(cls, text: str, kind: str) -> ItemRef:
        found = re.fullmatch(ITEM, text or "")
        example = f"seb@2019-06-12/{kind}1"
        if not found or found.group("kind") != kind:
            raise InvalidEntry(f"{text!r} is not a valid ref here; write e.g. {example}")
        board, _, day = found.group("meeting").partition("@")
        try:
            held_on = date.fromisoformat(day)
        except ValueError:
            raise InvalidEntry(f"{text!r} has no valid date; write e.g. {example}") from None
        return cls(short_ref(board, "board"), held_on, kind, int(found.group("n")))

    def __str__(self) -> str:
        return f"{meeting_ref(self.board, self.held_on)}/{self.kind}{self.number}"


def meeting_ref(board: str, held_on: date) -> str:
    return f"{board}@{held_on.isoformat()}"


def board_id(ref: str) -> UUID:
    return uuid5(NAMESPACE, f"board:{ref}")


def tracker_id(ref: str) -> UUID:
    return uuid5(NAMESPACE, f"tracker:{ref}")


def action_id(ref: ActionRef) -> UUID:
    return uuid5(NAMESPACE, f"action:{ref}")


def meeting_id(board: str, held_on: date) -> UUID:
    return uuid5(NAMESPACE, f"meeting:{meeting_ref(board, held_on)}")


def parse_day(value: Any) -> date:
    """A date as YYYY-MM-DD or as the minutes write it, DD/MM/YYYY."""
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        found = re.fullmatch(UK_DATE, text)
        if found:
            day, month, year = (int(g) for g in found.groups())
            return date(year, month, day)
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{value!r} is not a date; write YYYY-MM-DD, e.g. 2019-06-12") from None
