"""What a correction of an action's entry may say, beyond what every record allows.

A line's changes cannot come before the line itself; a completed rating keeps its
evidence and a reopening is never blue; a correction of the tracker's own columns names
only those it puts right, each by a name the tracker already uses (a misspelt name would
otherwise quietly start a new column).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from ledger.errors import InvalidEntry, Refused
from ledger.rating import Rating
from ledger.record import Entry


class ActionCorrections:
    """Mixed into :class:`ledger.action.Action`, ahead of ``Record``."""

    def check_effective(self, version: int, effective: date) -> None:
        """A line's changes cannot come before the line itself, whichever entry moves."""
        super().check_effective(version, effective)
        entry = self.entries[version]
        starts = [
            e
            for e in sorted(self.entries.values(), key=lambda e: e.version)
            if e.kind in ("added", "line")
        ]
        if entry.kind in ("reassign", "retime"):
            start = starts[entry.values["line"] - 1]
            if effective < start.on:
                raise Refused(
                    f"line {entry.values['line']} of {self.ref} was added on "
                    f"{start.on.isoformat()}; a change to it cannot take effect before"
                )
        if entry.kind == "line":
            number = starts.index(entry) + 1
            changes = [e.on for e in self.live("reassign", "retime") if e.values["line"] == number]
            if changes and min(changes) < effective:
                raise Refused(
                    f"line {number} of {self.ref} has changes from {min(changes).isoformat()}; "
                    "it cannot have been added later"
                )

    def correct(self, version: int, **kwargs: Any) -> None:
        """A correction of the tracker's own columns names only those it puts right; the
        others stay as the entry had them."""
        entry = self.entries.get(version)
        values = kwargs.get("values", {})
        if entry is not None and {"owner", "due"} & set(values):
            raise InvalidEntry(
                f"{self.ref} is a tracker's action: correct its owners with --to OWNER "
                "(repeat for several) and its due date with --timescale; --owner and --due "
                "are a minute action's"
            )
        if entry is not None and "fields" in values and "fields" in entry.values:
            kwargs["values"] = {**values, "fields": {**entry.values["fields"], **values["fields"]}}
        super().correct(version, **kwargs)

    def check_entry(self, entry: Entry, values: dict[str, Any]) -> None:
        if entry.kind == "rating":
            self.check_evidence(Rating(values["rating"]), values.get("evidence", ""))
        if entry.kind == "reopen" and values["rating"] == Rating.BLUE.value:
            raise InvalidEntry("a reopened action cannot be blue; give red, amber or green")

    def columns(self) -> set[str]:
        """Every column of the tracker's own this action has held, in any entry."""
        return {name for entry in self.entries.values() for name in entry.values.get("fields", {})}


def check_columns(tracker: str, named: Iterable[str], columns: set[str]) -> None:
    """Refuse a column the tracker does not have, naming the closest it does."""
    for name in named:
        if name in columns:
            continue
        if not columns:
            raise InvalidEntry(
                f"{tracker} has no columns of its own to correct; --field corrects a column "
                "kept from an imported tracker"
            )
        import difflib  # only for a column name that is not the tracker's

        close = difflib.get_close_matches(name, sorted(columns), n=1, cutoff=0.5)
        advice = (
            f"did you mean {close[0]!r}?"
            if close
            else "its columns are " + ", ".join(repr(c) for c in sorted(columns))
        )
        raise InvalidEntry(f"{tracker} has no column {name!r}; {advice}")
