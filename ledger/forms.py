"""What a clerk may enter: pydantic types that check each command's input first.

Every recording method of the ledger is wrapped by :func:`checked`, so nothing reaches
an aggregate until its arguments have passed these types. Text is kept exactly as
given; only the checks look at it stripped.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from datetime import date
from enum import Enum
from typing import Annotated, Any, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    ValidationError,
    validate_call,
)

from ledger.errors import InvalidEntry
from ledger.meeting import Outcome
from ledger.rating import NAMES, Rating
from ledger.refs import parse_day, short_ref

F = TypeVar("F", bound=Callable[..., Any])


def not_blank(text: str) -> str:
    if not text.strip():
        raise ValueError("must not be blank")
    return text


def reason_given(text: str) -> str:
    if not text.strip():
        raise ValueError("a reason is required; say why with --reason TEXT")
    return text


def parse_rating(value: Any) -> Rating:
    try:
        return Rating(str(value).strip().lower())
    except ValueError:
        raise ValueError(f"unknown rating {value!r}; use one of {', '.join(NAMES)}") from None


def parse_outcome(value: Any) -> Outcome:
    try:
        return Outcome(str(value).strip().lower())
    except ValueError:
        names = ", ".join(o.value for o in Outcome)
        raise ValueError(f"unknown outcome {value!r}; use one of {names}") from None


def parse_kloe(value: Any) -> list[int]:
    """'1,2', '1 & 2' or '1 and 2': the key lines of enquiry an item answers to."""
    if isinstance(value, list | tuple):
        parts = [str(v) for v in value]
    else:
        parts = re.split(r"\s*(?:,|&|\band\b)\s*", str(value).strip())
    parts = [p for p in parts if p.strip()]
    if not all(p.strip().isdigit() and int(p) > 0 for p in parts):
        raise ValueError(f"KLOE {value!r} is not a list of numbers; write e.g. 1,2")
    return [int(p) for p in parts]


def owners_given(owners: list[str]) -> list[str]:
    if not owners or not all(o.strip() for o in owners):
        raise ValueError("name at least one owner, and no blank ones, e.g. --to 'Anita Parkin'")
    return owners


Text = Annotated[str, AfterValidator(not_blank)]
Reason = Annotated[str, AfterValidator(reason_given)]
Day = Annotated[date, BeforeValidator(parse_day)]
RatingName = Annotated[Rating, BeforeValidator(parse_rating)]
OutcomeName = Annotated[Outcome, BeforeValidator(parse_outcome)]
Kloe = Annotated[list[int], BeforeValidator(parse_kloe)]
Owners = Annotated[list[str], AfterValidator(owners_given)]
BoardRef = Annotated[str, AfterValidator(lambda r: short_ref(r, "board"))]
TrackerRef = Annotated[str, AfterValidator(lambda r: short_ref(r, "tracker"))]


def one_line(error: ValidationError) -> str:
    first = error.errors()[0]
    message = first["msg"].removeprefix("Value error, ")
    where = ".".join(str(p) for p in first["loc"] if not isinstance(p, int))
    if message.startswith(("must not be blank", "Input should", "Field required")):
        return f"{where.replace('_', ' ')}: {message}"
    return message


def checked(method: F) -> F:
    """Validate a ledger method's arguments with pydantic; a failure is an InvalidEntry.

    The validator is built on the first call, so a command pays only for the method it runs.
    """
    built: list[Callable[..., Any]] = []

    @functools.wraps(method)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if not built:
            built.append(validate_call(config=ConfigDict(arbitrary_types_allowed=True))(method))
        try:
            return built[0](*args, **kwargs)
        except ValidationError as error:
            raise InvalidEntry(one_line(error)) from None

    return wrapper  # type: ignore[return-value]


class CorrectedValues(BaseModel):
    """The fields a correction may set; which of them apply depends on the entry."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    rating: RatingName | None = None
    evidence: str | None = None
    owners: Owners | None = None
    timescale: str | None = None
    text: Text | None = None
    issue: Text | None = None
    theme: str | None = None
    kloe: Kloe | None = None
    health: str | None = None
    la: str | None = None
    action: str | None = None
    update: str | None = None
    fields: dict[str, str] | None = None
    name: Text | None = None
    title: str | None = None
    item: Text | None = None
    outcome: OutcomeName | None = None
    follow_up: Day | None = None
    owner: Text | None = None
    due: Day | None = None

    def changes(self) -> dict[str, Any]:
        """The fields given, with ratings and outcomes as the words stored in events."""
        given = self.model_dump(exclude_none=True)
        return {k: v.value if isinstance(v, Enum) else v for k, v in given.items()}
