"""A correction's values: the one form that is a model, checked by pydantic.

Imported only by a correction, so no other command loads pydantic.
"""

from __future__ import annotations

from enum import Enum
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from ledger.forms import Day, Kloe, OutcomeName, Owners, RatingName, Text


def one_line(error: ValidationError) -> str:
    """pydantic's first complaint as one line, naming the field for a generic message."""
    first = error.errors()[0]
    message = first["msg"].removeprefix("Value error, ")
    where = ".".join(str(p) for p in first["loc"] if not isinstance(p, int))
    if message.startswith(("must not be blank", "Input should", "Field required")):
        return f"{where.replace('_', ' ')}: {message}"
    return message


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
