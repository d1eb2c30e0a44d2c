"""What the root group hands every command: the ledger (opened once) and who is recording."""

from __future__ import annotations

import getpass
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from ledger.application import Ledger, Recorded


class Session:
    """Opens the ledger the first time a command needs it, and closes it at exit."""

    def __init__(self, db: str | None, actor: str | None) -> None:
        self.db = db
        self._actor = actor
        self._ledger: Ledger | None = None

    @property
    def actor(self) -> str:
        if self._actor is None:
            try:
                self._actor = getpass.getuser()
            except (KeyError, OSError):
                self._actor = ""
        return self._actor

    @property
    def ledger(self) -> Ledger:
        if self._ledger is None:
            from ledger.application import open_ledger

            self._ledger = open_ledger(self.db)
        return self._ledger

    def create(self) -> Ledger:
        from ledger.application import open_ledger

        self._ledger = open_ledger(self.db, create=True)
        return self._ledger

    def close(self) -> None:
        if self._ledger is not None:
            self._ledger.close()


pass_session = click.make_pass_decorator(Session)


def on_option(help_text: str = "Day it took effect (YYYY-MM-DD); default today.") -> click.Option:
    return click.option("--on", "on", metavar="DATE", default=None, help=help_text)


def reason_option(required: bool = True) -> click.Option:
    if required:
        return click.option(
            "--reason",
            required=True,
            metavar="TEXT",
            help="Why (required): the minute, report or decision behind it.",
        )
    return click.option("--reason", default="", metavar="TEXT", help="Why, if worth saying.")


def report(recorded: Recorded) -> None:
    """One line a clerk can check: what was stored, about what, at which position."""
    events = ", ".join(recorded.events)
    positions = ", ".join(str(p) for p in recorded.positions)
    click.echo(f"Recorded {events} for {recorded.subject} at position {positions}.")
