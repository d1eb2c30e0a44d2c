"""What a clerk may enter: the checks each recording method's arguments pass first.

Every recording method of the ledger is wrapped by :func:`checked`, so nothing reaches
an aggregate until its arguments have passed these checks. Text is kept exactly as
given; only the checks look at it stripped. The checks are plain functions, run without
pydantic (a command starts faster without it); the same forms are pydantic types where a
model needs them (:mod:`ledger.corrected_values`).
"""

from __future__ import annotations

import functools
import inspect
import re
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

from ledger.errors import InvalidEntry
from ledger.outcome import Outcome
from ledger.rating import NAMES, Rating
from ledger.refs import parse_day, short_ref

if TYPE_CHECKING:
    from pydantic import GetCoreSchemaHandler
    from pydantic_core import CoreSchema

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


class Check:
    """A form's check: ``before`` turns what was given into the type (a day from its text),
    an after-check looks at a value already of the type (text that must not be blank)."""

    def __init__(self, function: Callable[[Any], Any], *, before: bool = False) -> None:
        self.function = function
        self.before = before

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        from pydantic_core import core_schema

        if self.before:
            return core_schema.no_info_before_validator_function(self.function, handler(source))
        return core_schema.no_info_after_validator_function(self.function, handler(source))


def board_ref(ref: str) -> str:
    return short_ref(ref, "board")


def tracker_ref(ref: str) -> str:
    return short_ref(ref, "tracker")


Text = Annotated[str, Check(not_blank)]
Reason = Annotated[str, Check(reason_given)]
Day = Annotated[date, Check(parse_day, before=True)]
RatingName = Annotated[Rating, Check(parse_rating, before=True)]
OutcomeName = Annotated[Outcome, Check(parse_outcome, before=True)]
Kloe = Annotated[list[int], Check(parse_kloe, before=True)]
Owners = Annotated[list[str], Check(owners_given)]
BoardRef = Annotated[str, Check(board_ref)]
TrackerRef = Annotated[str, Check(tracker_ref)]


class Unfit(ValueError):
    """A value not of the type asked for; told as pydantic told it ('Input should ...')."""


def a_string(value: Any) -> str:
    if not isinstance(value, str):
        raise Unfit("Input should be a valid string")
    return value


def an_integer(value: Any) -> int:
    if isinstance(value, bool | int):
        return int(value)
    if isinstance(value, str):
        if value.strip().lstrip("+-").isdigit():
            return int(value)
        raise Unfit("Input should be a valid integer, unable to parse string as an integer")
    raise Unfit("Input should be a valid integer")


def a_flag(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    raise Unfit("Input should be a valid boolean")


def strings(value: Any) -> list[str]:
    if not isinstance(value, list | tuple):
        raise Unfit("Input should be a valid list")
    return [a_string(v) for v in value]


def string_pairs(value: Any) -> dict[str, str]:
    if not isinstance(value, dict):
        raise Unfit("Input should be a valid dictionary")
    return {a_string(k): a_string(v) for k, v in value.items()}


def corrected_values(value: Any) -> Any:
    """The one form that is a model: a correction's values, checked by pydantic."""
    from ledger.corrected_values import CorrectedValues, one_line

    if isinstance(value, CorrectedValues):
        return value
    from pydantic import ValidationError

    try:
        return CorrectedValues.model_validate(value)
    except ValidationError as error:
        raise InvalidEntry(one_line(error)) from None


#: Each annotation the recording methods use, as written, and its plain check.
PLAIN: dict[str, Callable[[Any], Any]] = {
    "str": a_string,
    "int": an_integer,
    "bool": a_flag,
    "list[str]": strings,
    "dict[str, str]": string_pairs,
    "Text": lambda v: not_blank(a_string(v)),
    "Reason": lambda v: reason_given(a_string(v)),
    "Day": parse_day,
    "RatingName": parse_rating,
    "OutcomeName": parse_outcome,
    "Kloe": parse_kloe,
    "Owners": lambda v: owners_given(strings(v)),
    "BoardRef": lambda v: board_ref(a_string(v)),
    "TrackerRef": lambda v: tracker_ref(a_string(v)),
    "CorrectedValues": corrected_values,
}
UNCHECKED = re.compile(r"Annotated\[\w+, SkipValidation\]")


def plain_check(annotation: Any) -> Callable[[Any], Any] | None:
    """The check for an annotation written as ``Form``, ``Form | None`` or ``Annotated[X,
    SkipValidation]``; None for any other (the method is then checked by pydantic)."""
    if not isinstance(annotation, str):
        return None
    if UNCHECKED.fullmatch(annotation):
        return lambda value: value
    parts = [part.strip() for part in annotation.split("|")]
    optional = "None" in parts
    named = [part for part in parts if part != "None"]
    if len(named) != 1 or named[0] not in PLAIN:
        return None
    check = PLAIN[named[0]]
    if optional:
        return lambda value: None if value is None else check(value)
    return check


def told(name: str, error: ValueError) -> str:
    """One line, as the pydantic checks said it: the argument named for a generic message."""
    message = str(error)
    if message.startswith(("must not be blank", "Input should", "Field required")):
        return f"{name.replace('_', ' ')}: {message}"
    return message


def plain_validator(method: Callable[..., Any]) -> Callable[..., Any] | None:
    """A wrapper that checks each argument given with its form, or None when a parameter's
    annotation has no plain check."""
    signature = inspect.signature(method)
    checks: dict[str, Callable[[Any], Any]] = {}
    for name, parameter in signature.parameters.items():
        if name == "self":
            continue
        if parameter.kind in (parameter.VAR_POSITIONAL, parameter.VAR_KEYWORD):
            return None
        check = plain_check(parameter.annotation)
        if check is None:
            return None
        checks[name] = check

    def validated(*args: Any, **kwargs: Any) -> Any:
        try:
            bound = signature.bind(*args, **kwargs)
        except TypeError as error:
            raise InvalidEntry(str(error)) from None
        given = bound.arguments
        for name, value in given.items():
            if name in checks:
                try:
                    given[name] = checks[name](value)
                except ValueError as error:
                    raise InvalidEntry(told(name, error)) from None
        return method(*bound.args, **bound.kwargs)

    return validated


def pydantic_validator(method: Callable[..., Any]) -> Callable[..., Any]:
    from pydantic import ConfigDict, ValidationError, validate_call

    from ledger.corrected_values import one_line

    validating = validate_call(config=ConfigDict(arbitrary_types_allowed=True))(method)

    def validated(*args: Any, **kwargs: Any) -> Any:
        try:
            return validating(*args, **kwargs)
        except ValidationError as error:
            raise InvalidEntry(one_line(error)) from None

    return validated


def checked(method: F) -> F:
    """Check a ledger method's arguments with their forms; a failure is an InvalidEntry.

    The checks are built on the first call, so a command pays only for the method it runs;
    a method whose parameters have no plain check is checked by pydantic.
    """
    built: list[Callable[..., Any]] = []

    @functools.wraps(method)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if not built:
            built.append(plain_validator(method) or pydantic_validator(method))
        return built[0](*args, **kwargs)

    return wrapper  # type: ignore[return-value]
