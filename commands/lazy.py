"""A command group that imports a command's module only when that command is named.

`govledger --help` lists every command from a static table (name -> module, attribute and
short help) without importing any of them; `govledger X ...` imports X's module alone. A test
(tests/test_lazy_commands.py) checks each table against the commands' real help.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from typing import Any, NamedTuple

import click


class Entry(NamedTuple):
    """Where a command lives and what `--help` says of it before it is imported."""

    module: str
    attribute: str
    short_help: str


class LazyGroup(click.Group):
    """A click group whose commands are listed from a table and imported when first named."""

    def __init__(self, *args: Any, lazy: Mapping[str, Entry] | None = None, **kwargs: Any) -> None:
        self.lazy: dict[str, Entry] = dict(lazy or {})
        self._commands: dict[str, click.Command] = {}
        super().__init__(*args, **kwargs)

    @property
    def commands(self) -> dict[str, click.Command]:  # type: ignore[override]
        """Every command, imported: for whatever walks the whole tree (tests, completion)."""
        for name in self.lazy:
            self._load(name)
        return self._commands

    @commands.setter
    def commands(self, value: dict[str, click.Command]) -> None:
        self._commands = value

    def add_command(self, cmd: click.Command, name: str | None = None) -> None:
        name = name or cmd.name
        if name is None:
            raise TypeError("Command has no name.")
        self._commands[name] = cmd

    def _load(self, name: str) -> click.Command | None:
        if name not in self._commands and name in self.lazy:
            entry = self.lazy[name]
            command = getattr(importlib.import_module(entry.module), entry.attribute)
            self._commands[name] = command
        return self._commands.get(name)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        return self._load(cmd_name)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self._commands, *self.lazy})

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The commands' short help, from the table for those not imported."""
        names = self.list_commands(ctx)
        if not names:
            return
        limit = formatter.width - 6 - max(len(name) for name in names)
        rows = []
        for name in names:
            command = self._commands.get(name)
            if command is None:
                stand_in = click.Command(name, help=self.lazy[name].short_help)
                rows.append((name, stand_in.get_short_help_str(limit)))
            elif not command.hidden:
                rows.append((name, command.get_short_help_str(limit)))
        with formatter.section("Commands"):
            formatter.write_dl(rows)
