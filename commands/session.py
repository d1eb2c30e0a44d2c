"""What the root group hands every command: the ledger (opened once) and who is recording."""

from __future__ import annotations

import getpass
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from ledger.application import Ledger, Recorded
    from projections.views import Views


class Session:
    """Opens the ledger the first time a command needs it, and closes it at exit."""

    def __init__(self, db: str | None, actor: str | None) -> None:
        self.db = db
        self._actor = actor
        self._ledger: Ledger | None = None
        self._views: Views | None = None

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

    def views(self) -> Views:
        """The panel's views, brought level with the log before they are read."""
        if self._views is None:
            from projections.views import Views

            self._views = Views(self.ledger)
            self._views.catch_up(progress_reporter("Bringing the views up to date"))
            for position, problem in sorted(self._views.damaged.items()):
                click.echo(
                    f"Warning: the event at position {position} cannot be read ({problem}); "
                    "the views leave it out. Run govledger verify.",
                    err=True,
                )
        return self._views

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


class Day(click.ParamType):
    """A date on the command line: YYYY-MM-DD or DD/MM/YYYY."""

    name = "DATE"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        from ledger.refs import parse_day

        try:
            return parse_day(value)
        except ValueError as error:
            self.fail(str(error), param, ctx)


DAY = Day()


def progress_reporter(label: str) -> Callable[[int, int], None] | None:
    """A progress bar on a terminal for long work; nothing at all when output is piped."""
    if not sys.stderr.isatty():
        return None
    bar: Any = None

    def report_progress(done: int, total: int) -> None:
        nonlocal bar
        if bar is None:
            bar = click.progressbar(length=total, label=label, file=sys.stderr)
            bar.__enter__()
        bar.update(done - bar.pos)
        if done >= total:
            bar.__exit__(None, None, None)

    return report_progress
