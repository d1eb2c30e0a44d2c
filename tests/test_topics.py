"""A clerk command imports only the aggregates it needs, and every event recorded still
reads back: its stable topic resolves, from a process that imported none of them, to the
very class whose TOPIC it is (ledger/topics.py); the ledger's other parts answer as if
inherited (ledger/parts.py)."""

from __future__ import annotations

import importlib
import json
import os
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import ledger
from ledger.parts import PARTS
from ledger.topics import located

#: What `action note` must not import: aggregates and parts it never uses.
NOT_FOR_A_NOTE = (
    "ledger.board",
    "ledger.tracker",
    "ledger.keyring",
    "ledger.keys",
    "ledger.owners",
    "ledger.seal",
    "ledger.witness",
    "ledger.redaction",
    "ledger.minutes",
    "ledger.tracker_import",
    "ledger.minutes_import",
    "ledger.meeting",
)


def ledger_modules() -> list[str]:
    return [
        m.name
        for m in pkgutil.walk_packages(ledger.__path__, "ledger.")
        if not m.name.startswith("ledger.readers")
    ]


def topics_defined() -> dict[str, str]:
    """Every class in ledger/ with its own govledger topic: topic -> module:qualname."""
    found: dict[str, type] = {}

    def walk(cls: type) -> None:
        topic = getattr(cls, "TOPIC", None)  # the library keeps it off the class's own dict
        if (
            isinstance(topic, str)
            and topic.startswith("govledger:")
            and (topic not in found or issubclass(cls, found[topic]))
        ):  # the class the aggregate holds, not the one it was rebuilt from
            found[topic] = cls
        for inner in vars(cls).values():
            if isinstance(inner, type) and inner.__qualname__.startswith(cls.__qualname__ + "."):
                walk(inner)

    for name in ledger_modules():
        module = importlib.import_module(name)
        for value in vars(module).values():
            if isinstance(value, type) and value.__module__ == name:
                walk(value)
    return {topic: f"{cls.__module__}:{cls.__qualname__}" for topic, cls in found.items()}


def fresh_process(code: str) -> str:
    root = Path(__file__).resolve().parent.parent
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=root, env=os.environ
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_every_event_topic_reads_back_as_its_class_in_a_process_that_imported_none():
    defined = topics_defined()
    assert len(defined) > 60  # every aggregate and event of the ledger
    code = (
        "import json, sys\n"
        "import ledger.application\n"
        "from eventsourcing.utils import resolve_topic\n"
        f"early = [m for m in {NOT_FOR_A_NOTE!r} if m in sys.modules]\n"
        f"topics = {sorted(defined)!r}\n"
        "from ledger.topics import located\n"
        "found = {}\n"
        "for t in topics:\n"
        "    c = resolve_topic(t)\n"
        "    place = f'{c.__module__}:{c.__qualname__}'\n"
        "    found[t] = place if located(place) is c and c.TOPIC == t else repr(c)\n"
        "print(json.dumps({'early': early, 'found': found}))\n"
    )
    said = json.loads(fresh_process(code))
    assert said["early"] == []
    assert said["found"] == defined


def test_an_unknown_govledger_topic_is_refused_not_guessed():
    from eventsourcing.utils import TopicError, resolve_topic

    with pytest.raises(TopicError):
        resolve_topic("govledger:Nothing.Happened")


def test_a_clerk_noting_progress_imports_no_meeting_minutes_or_keyring_machinery(tmp_path):
    from ledger.application import open_ledger

    db = str(tmp_path / "l.db")
    made = open_ledger(db, create=True)
    made.register_board("seb", "SEB", actor="Jo", on="2019-01-10")
    made.adopt_tracker("t", "T", board="seb", actor="Jo", on="2019-06-01")
    made.add_action("t", "1", issue="Review the plan", actor="Jo", on="2019-06-02")
    made.close()
    code = (
        "import json, sys\n"
        "from commands.main import cli\n"
        f"cli(['--db', {db!r}, '--as', 'Jo', 'action', 'note', 't#1', 'Costed', "
        "'--reason', 'r'], standalone_mode=False)\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    out = fresh_process(code)
    assert "Recorded NoteAdded for t#1" in out
    imported = set(json.loads(out.splitlines()[-1]))
    assert imported.isdisjoint(NOT_FOR_A_NOTE)


@pytest.mark.parametrize("place", PARTS)
def test_the_ledger_answers_every_method_of_its_later_parts_as_if_inherited(place, ledger):
    part = located(place)
    names = [n for n, raw in vars(part).items() if not n.startswith("__") and callable(raw)]
    assert names
    for name in names:
        raw = vars(part)[name]
        assert getattr(ledger, name).__func__ is raw, name
        assert getattr(type(ledger), name) is raw, name  # asked on the class, unbound
        code = getattr(raw, "__wrapped__", raw).__code__
        assert "__class__" not in code.co_freevars, f"{place}.{name} calls super()"


def test_the_signing_policy_checked_on_every_save_is_the_keyrings():
    from ledger.keyring import SigningPolicy
    from ledger.signing import POLICY_ID

    assert POLICY_ID == SigningPolicy.ID
