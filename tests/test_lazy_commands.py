"""`govledger --help` lists every command from a table, importing none of them; the table
must say what the commands themselves say."""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys

import click
import pytest

from commands.lazy import LazyGroup
from commands.main import cli


def lazy_groups(group: click.Group, path: tuple[str, ...] = ()):
    if isinstance(group, LazyGroup):
        yield path, group
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            yield from lazy_groups(command, (*path, name))


TABLES = [
    ((*path, name), entry) for path, group in lazy_groups(cli) for name, entry in group.lazy.items()
]


@pytest.mark.parametrize(("path", "entry"), TABLES, ids=lambda p: " ".join(p) if p else "")
def test_the_command_table_says_what_each_command_says_of_itself(path, entry):
    command = getattr(importlib.import_module(entry.module), entry.attribute)
    assert isinstance(command, click.Command)
    assert entry.short_help == command.get_short_help_str(10**6)


def test_the_table_covers_the_groups_we_expect():
    named = {" ".join(path) for path, _ in TABLES}
    assert {"log", "due", "action history", "board history", "tracker import"} <= named


def listing(*args: str, lazy: bool) -> str:
    """The help as printed from a fresh process, with or without every module imported first."""
    preload = "import commands.main as m; m.cli.commands; " if not lazy else ""
    code = (
        f"import sys; {preload}from commands.main import cli; "
        f"cli(args={list(args)!r}, prog_name='govledger', standalone_mode=False); "
        "import json; print(json.dumps(sorted(sys.modules)), file=sys.stderr)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "COLUMNS": "80"},
    )
    return done.stdout, done.stderr


@pytest.mark.parametrize("group", [(), ("action",), ("board",), ("tracker",)])
def test_help_lists_every_command_without_importing_them(group):
    shown, imported = listing(*group, "--help", lazy=True)
    assert shown == listing(*group, "--help", lazy=False)[0]
    tabled = {entry.module for _, entry in TABLES} - {f"commands.{name}" for name in group}
    assert not tabled & set(json.loads(imported))


def test_a_command_imports_its_own_module_alone(tmp_path):
    _, imported = listing("--db", str(tmp_path / "none.db"), "log", "--help", lazy=True)
    tabled = {entry.module for _, entry in TABLES}
    assert tabled & set(json.loads(imported)) == {"commands.log"}


def test_a_mistyped_command_is_told_the_nearest_one():
    done = subprocess.run(
        [sys.executable, "-m", "commands", "lgo"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 2
    assert (
        done.stderr == "Error: No such command 'lgo'. Did you mean 'log'? See 'govledger --help'.\n"
    )
