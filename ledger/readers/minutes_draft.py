"""The draft every minutes reader produces: what the minutes say, before anything is recorded.

A draft keeps the words as minuted. Dates are read where the minutes give one; a
report-back "at the next meeting" or "the March meeting" stays relative (``When.relative``)
until the ledger resolves it against the board's meetings, and "in due course" stays an
open follow-up with no date.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any


@dataclass(frozen=True)
class When:
    """When something is due or will be reported back, as the minutes put it.

    ``day`` is a date read from the words; ``relative`` is ``"next"`` for the board's next
    meeting or a month's name (``"march"``) for "the March meeting"; neither for "in due
    course" or "asap".
    """

    said: str
    day: date | None = None
    relative: str = ""


@dataclass(frozen=True)
class Vote:
    """How a decision was reached, where the minutes say: counts, names, or both."""

    said: str
    result: str = ""  # "carried", "lost", "unanimous", or "" when not said
    votes_for: int | None = None
    against: int | None = None
    abstained: int | None = None
    names_for: list[str] = field(default_factory=list)
    names_against: list[str] = field(default_factory=list)
    names_abstained: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class DraftDecision:
    """A decision as minuted: its outcome word, the whole text, and its lettered parts."""

    outcome: str  # agreed, resolved, noted, received, approved, deferred, carried, lost, ...
    text: str
    parts: list[str] = field(default_factory=list)
    proposer: str = ""
    seconder: str = ""
    vote: Vote | None = None
    follow_up: When | None = None
    line: int = 0  # where it starts in the document's text, 1-based, for review


@dataclass(frozen=True)
class DraftAction:
    """A minute action: who owes what, and by when if the minutes say."""

    owners: list[str]
    text: str
    due: When | None = None
    line: int = 0


@dataclass(frozen=True)
class ReportBack:
    """The board asked to hear about something again, at a later meeting or in due course."""

    what: str
    when: When
    line: int = 0


@dataclass
class DraftItem:
    """One minuted item: its number as printed (``107/20``, ``45``, ``4.4``) and title."""

    number: str
    title: str
    decisions: list[DraftDecision] = field(default_factory=list)
    actions: list[DraftAction] = field(default_factory=list)
    report_backs: list[ReportBack] = field(default_factory=list)
    ratings: list[tuple[str, str, str]] = field(default_factory=list)  # (action no, rating, why)

    @property
    def heading(self) -> str:
        """The item as a clerk names it: number and title, whichever are known."""
        return " ".join(p for p in (self.number, self.title) if p) or "(untitled item)"


@dataclass
class MinutesDraft:
    """Everything one document of minutes holds, in the order it holds it."""

    source: str  # the file's name
    kind: str  # "pdf", "html", "docx" or "text"
    title: str = ""
    meeting_date: date | None = None
    items: list[DraftItem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what the reader noticed and left alone

    @property
    def decisions(self) -> list[DraftDecision]:
        return [d for item in self.items for d in item.decisions]

    @property
    def actions(self) -> list[DraftAction]:
        return [a for item in self.items for a in item.actions]

    @property
    def report_backs(self) -> list[ReportBack]:
        return [r for item in self.items for r in item.report_backs]

    def as_data(self) -> dict[str, Any]:
        """The draft as plain data (dates as ISO strings), for ``--format json``."""
        return _plain(asdict(self))


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value
