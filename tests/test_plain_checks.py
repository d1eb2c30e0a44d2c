"""A clerk's input is checked by plain functions, without pydantic, and refused exactly as
the pydantic checks refused it; a clerk command starts without loading pydantic."""

from __future__ import annotations

import inspect
import json
import os
import subprocess
import sys

import pytest

from ledger.application import Ledger
from ledger.corrected_values import CorrectedValues
from ledger.errors import InvalidEntry
from ledger.forms import plain_validator, pydantic_validator

CLERK = {"actor": "Jo Clerk"}

ATTEMPTS = [
    ("rate_action", ("t#1", "purple"), {"reason": "x", **CLERK}),
    ("rate_action", ("t#1", "RED "), {"reason": "x", **CLERK}),
    ("rate_action", ("t#1", "red"), {"reason": "  ", **CLERK}),
    ("rate_action", ("t#1", "red"), {"reason": "x", "on": "2019-13-01", **CLERK}),
    ("rate_action", ("t#1", "red"), {"reason": "x", "on": "12/06/2019", **CLERK}),
    ("rate_action", ("t#1", "red"), {"reason": "x", "actor": " "}),
    ("rate_action", ("t#1", "red"), {"reason": 5, **CLERK}),
    ("note_action", ("t#1",), {"text": "", "reason": "x", **CLERK}),
    ("register_board", ("s b", "Spaces"), CLERK),
    ("register_board", ("seb", "SEB"), {"reason": None, **CLERK}),
    ("adopt_tracker", ("t", "T"), {"board": "s/b", **CLERK}),
    ("add_action", ("t", "1"), {"issue": "I", "kloe": "1 & two", **CLERK}),
    ("add_action", ("t", "1"), {"issue": "I", "kloe": "1 and 2", "who": ("A", "B"), **CLERK}),
    ("add_action", ("t", "1"), {"issue": "I", "who": "A", **CLERK}),
    ("reassign_action", ("t#1", ["A", " "]), {"reason": "x", **CLERK}),
    ("reassign_action", ("t#1", ("A",)), {"line": "2", "reason": "x", **CLERK}),
    ("reassign_action", ("t#1", ("A",)), {"line": "two", "reason": "x", **CLERK}),
    ("record_decision", ("seb", "2019-06-12"), {"item": "I", "text": "T", "outcome": "x", **CLERK}),
    ("record_decision", ("seb", "2019-06-12"), {"item": "I", "text": "T", **CLERK}),
    ("correct", (3, {"rating": "purple"}), {"reason": "x", **CLERK}),
    ("correct", (3, {"colour": "red"}), {"reason": "x", **CLERK}),
    ("correct", (3, {"owners": []}), {"reason": "x", **CLERK}),
    ("correct", (3, {"name": " "}), {"reason": "x", **CLERK}),
    ("correct", (3, {"due": "31/03/2020", "kloe": "1,2"}), {"reason": "x", **CLERK}),
]


def outcome(validator, args, kwargs):
    """What a check does with the arguments: the one-line refusal, or what the method gets."""
    try:
        called = validator(None, *args, **kwargs)
    except InvalidEntry as refused:
        return ("refused", str(refused))
    args, kwargs = called
    shown = {k: v.changes() if hasattr(v, "changes") else v for k, v in kwargs.items()}
    return ("passed", [a.changes() if hasattr(a, "changes") else a for a in args], shown)


def stand_in(method):
    """A function with the method's signature and names in scope, returning its arguments."""
    names = {**vars(sys.modules[method.__module__]), "CorrectedValues": CorrectedValues}
    signature = inspect.signature(method)

    def given(*args, **kwargs):  # what the method would be called with, defaults filled in
        bound = signature.bind(*args, **kwargs)
        bound.apply_defaults()
        return bound.args[1:], bound.kwargs

    names["given"] = given
    exec("def recorder(*args, **kwargs):\n    return given(*args, **kwargs)\n", names)
    recorder = names["recorder"]
    recorder.__signature__ = signature
    recorder.__annotations__ = method.__annotations__
    return recorder


@pytest.mark.parametrize(("name", "args", "kwargs"), ATTEMPTS)
def test_plain_checks_refuse_and_accept_as_pydantic_did(name, args, kwargs, monkeypatch):
    # pydantic reads the annotations in the method's module, where the model is only typed
    monkeypatch.setattr(
        sys.modules["ledger.corrections"], "CorrectedValues", CorrectedValues, raising=False
    )
    method = getattr(Ledger, name).__wrapped__
    recorder = stand_in(method)
    plain = plain_validator(recorder)
    assert plain is not None, f"{name} has an argument with no plain check"
    assert outcome(plain, args, kwargs) == outcome(pydantic_validator(recorder), args, kwargs)


def test_a_clerk_command_starts_without_pydantic_or_the_readers(tmp_path):
    db = str(tmp_path / "ledger.db")
    code = (
        "import json, sys\n"
        "from commands.main import cli\n"
        f"for args in (['init'], ['board', 'add', 'seb', 'SEB', '--on', '2019-01-10']):\n"
        f"    cli(['--db', {db!r}, '--as', 'Jo Clerk', *args], standalone_mode=False)\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=os.environ
    )
    loaded = json.loads(done.stdout.splitlines()[-1])
    assert "Recorded BoardRegistered for seb" in done.stdout
    heavy = [m for m in loaded if m.split(".")[0] in ("pydantic", "tabulate")]
    heavy += [m for m in loaded if m.startswith(("ledger.readers", "importlib.metadata"))]
    assert heavy == []


def test_a_blank_text_given_in_its_place_is_named():
    with pytest.raises(InvalidEntry, match=r"^text: must not be blank$"):
        Ledger.note_action(None, "t#1", " ", actor="Jo Clerk", reason="x")
