"""Call-in: for a set number of working days after an executive decision is published,
scrutiny members may call it in for review, and until then it may not be implemented; a
decision called in waits for scrutiny's outcome.

Working days skip Saturdays, Sundays and the bank holidays of the council's nation (the
``holidays`` package's subdivisions of GB). The day the period closes is reckoned when the
decision is recorded and kept with it, so the record says what was published then, whatever
a later calendar says. The rules a meeting's call-ins follow are :class:`CallIns`.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from ledger.errors import InvalidEntry, Refused

#: The nations whose bank holidays a board's working days skip, as the holidays package
#: names them (subdivisions of GB).
NATIONS = {"england": "ENG", "wales": "WLS", "scotland": "SCT", "northern-ireland": "NIR"}
NATION_NAMES = {
    "england": "England",
    "wales": "Wales",
    "scotland": "Scotland",
    "northern-ireland": "Northern Ireland",
}
DEFAULT_NATION = "england"
MOST_DAYS = 30  # no constitution allows more; a larger figure is a typing slip
OUTCOMES = ("upheld", "referred-back")


def nation_named(text: str) -> str:
    """``Northern Ireland``, ``northern-ireland`` or ``NIR``: the nation's key."""
    key = "-".join(text.strip().lower().replace("_", " ").replace("-", " ").split())
    by_code = {code.lower(): name for name, code in NATIONS.items()}
    key = by_code.get(key, key)
    if key not in NATIONS:
        raise InvalidEntry(
            f"unknown nation {text!r}; use one of england, wales, scotland, northern-ireland"
        )
    return key


def days_checked(days: int) -> int:
    if not 0 <= days <= MOST_DAYS:
        raise InvalidEntry(
            f"a call-in period of {days} working days is not one a constitution sets; "
            f"give 0 (not subject to call-in) to {MOST_DAYS}"
        )
    return days


@functools.cache
def bank_holidays(nation: str, year: int) -> frozenset[date]:
    import holidays  # about 0.1 s: only for the commands that count working days

    return frozenset(holidays.country_holidays("GB", subdiv=NATIONS[nation], years=year))


def is_working_day(day: date, nation: str) -> bool:
    return day.weekday() < 5 and day not in bank_holidays(nation, day.year)


def working_days_after(start: date, count: int, nation: str) -> date:
    """The ``count``-th working day after ``start`` (``start`` itself when ``count`` is 0)."""
    day = start
    while count:
        day += timedelta(days=1)
        count -= is_working_day(day, nation)
    return day


def working_days_between(after: date, until: date, nation: str) -> int:
    """How many working days fall after ``after``, up to and including ``until``."""
    days = (until - after).days
    return sum(is_working_day(after + timedelta(days=n), nation) for n in range(1, days + 1))


@dataclass(frozen=True)
class Window:
    """A decision's call-in period: published on ``published``, open for ``days`` working
    days of ``nation``, closing at the end of ``closes``; the decision may be implemented
    from the day after, unless it was called in."""

    published: date
    days: int
    nation: str
    closes: date

    @classmethod
    def reckoned(cls, published: date, days: int, nation: str) -> Window:
        return cls(published, days, nation, working_days_after(published, days, nation))

    @property
    def implementable_from(self) -> date:
        return self.closes + timedelta(days=1)

    def stored(self) -> dict[str, Any]:
        """As the decision keeps it: plain JSON, the days as ISO dates."""
        return {
            "published": self.published.isoformat(),
            "days": self.days,
            "nation": self.nation,
            "closes": self.closes.isoformat(),
            "implementable_from": self.implementable_from.isoformat(),
        }

    @classmethod
    def from_stored(cls, said: dict[str, Any]) -> Window:
        return cls(
            date.fromisoformat(said["published"]),
            said["days"],
            said["nation"],
            date.fromisoformat(said["closes"]),
        )

    def working_days_left(self, today: date) -> int:
        return working_days_between(today, self.closes, self.nation)


class CallIns:
    """A meeting's rules for calling its decisions in (mixed into ``Meeting``)."""

    ref: Any
    numbered: Any
    live: Any
    trigger_event: Any
    DecisionCalledIn: Any
    CallInConcluded: Any

    def window(self, number: int) -> Window | None:
        """Decision D<number>'s call-in period; None when it is not subject to call-in."""
        said = self.decided(number).values.get("call_in")
        return Window.from_stored(said) if said else None

    def decided(self, number: int) -> Any:
        decided = self.numbered("decision").get(number)
        if decided is None or decided.voided:
            known = ", ".join(f"D{n}" for n in self.numbered("decision")) or "none"
            raise Refused(f"{self.ref} has no decision D{number}; it has: {known}")
        return decided

    def called_in(self, number: int) -> Any:
        """The live call-in of D<number>, or None."""
        return next((e for e in self.live("called_in") if e.values["number"] == number), None)

    def call_in(
        self, number: int, members: list[str], *, actor: str, on: date, reason: str
    ) -> None:
        """Scrutiny members call decision D<number> in, within its call-in period."""
        ref = f"{self.ref}/D{number}"
        window = self.window(number)
        if window is None:
            raise Refused(
                f"{ref} is not subject to call-in (it was recorded without a call-in period)"
            )
        if on < window.published:
            raise Refused(
                f"{ref} was published on {window.published.isoformat()}; it cannot be called "
                f"in before, on {on.isoformat()}"
            )
        if on > window.closes:
            raise Refused(
                f"the call-in period of {ref} closed on {window.closes.isoformat()}; it may be "
                f"implemented from {window.implementable_from.isoformat()} and can no longer "
                "be called in (if it was called in by then, give that day with --on)"
            )
        earlier = self.called_in(number)
        if earlier is not None:
            raise Refused(
                f"{ref} was already called in by {' and '.join(earlier.values['members'])} "
                f"on {earlier.on.isoformat()}; a decision is called in once"
            )
        self.trigger_event(
            self.DecisionCalledIn, number=number, members=members, actor=actor, on=on, reason=reason
        )

    def conclude_call_in(
        self, number: int, outcome: str, *, actor: str, on: date, reason: str
    ) -> None:
        """Scrutiny's outcome on decision D<number>, called in: upheld (it may be
        implemented) or referred back to the decision-maker."""
        ref = f"{self.ref}/D{number}"
        self.decided(number)
        if outcome not in OUTCOMES:
            raise InvalidEntry(f"unknown outcome {outcome!r}; use upheld or referred-back")
        called = self.called_in(number)
        if called is None:
            raise Refused(f"{ref} has not been called in; there is no call-in to conclude")
        if on < called.on:
            raise Refused(
                f"{ref} was called in on {called.on.isoformat()}; scrutiny's outcome cannot "
                f"come before, on {on.isoformat()}"
            )
        concluded = [e for e in self.live("call_in_outcome") if e.values["number"] == number]
        if concluded:
            raise Refused(
                f"the call-in of {ref} was already concluded ({concluded[0].values['outcome']} "
                f"on {concluded[0].on.isoformat()}); void a wrong outcome with govledger "
                "correct POSITION --void"
            )
        self.trigger_event(
            self.CallInConcluded, number=number, outcome=outcome, actor=actor, on=on, reason=reason
        )
