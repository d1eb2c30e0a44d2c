"""The ledger's parts a single command seldom needs, imported when first used.

``Ledger`` is one application whose methods come from several mixins. Importing a mixin
imports the aggregates it records (the library builds every event's dataclass then), so
`action note` would pay for meetings, minutes, redactions and tracker imports it never
touches. The parts named here are not base classes of ``Ledger`` at run time: a method of
theirs is found, the first time it is asked for, in the mixin that defines it, and bound to
the ledger as if inherited. For type checkers ``Ledger`` inherits them as usual.

A part's methods must not call ``super()`` (the ledger is not an instance of the mixin);
tests/test_topics.py checks that, and that the ledger answers every one of their names.
"""

from __future__ import annotations

from typing import Any

from ledger.topics import located

#: Mixins of ``Ledger`` imported on first use, in the order the class would list them.
PARTS = (
    "ledger.redaction:Redactions",
    "ledger.minutes:Minutes",
    "ledger.tracker_import:TrackerImport",
    "ledger.minutes_import:MinutesImport",
)


def defined_in(name: str) -> Any:
    """The attribute ``name`` as a part defines it (unbound), or raise AttributeError."""
    for place in PARTS:
        for cls in located(place).__mro__[:-1]:  # not object's
            if name in vars(cls):
                return vars(cls)[name]
    raise AttributeError(name)


class LaterPartsType(type):
    """Asked on the class (``Ledger.register_board``), a part's method is found unbound."""

    def __getattr__(cls, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        try:
            return defined_in(name)
        except AttributeError:
            raise AttributeError(
                f"type object {cls.__name__!r} has no attribute {name!r}"
            ) from None


class LaterParts(metaclass=LaterPartsType):
    """Finds a method of a part when the ledger is first asked for it."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        try:
            found = defined_in(name)
        except AttributeError:
            raise AttributeError(
                f"{type(self).__name__!r} object has no attribute {name!r}"
            ) from None
        if hasattr(found, "__get__"):
            return found.__get__(self, type(self))
        return found
