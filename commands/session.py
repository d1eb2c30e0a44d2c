"""What the root group hands every command: the ledger (opened once) and who is recording."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from ledger.application import Ledger, Recorded
    from ledger.keys import Signer
    from ledger.organisation import Identity
    from projections.stored_views import StoredViews
    from projections.views import Views

UNKNOWN: Any = object()  # identity not looked up yet


class Session:
    """Opens the ledger the first time a command needs it, and closes it at exit."""

    #: The calendar day every command takes as today, read from one place so that a
    #: command's "days overdue" and the ledger's "not after today" agree.
    clock: Callable[[], date] = staticmethod(date.today)

    def __init__(self, db: str | None, actor: str | None, key: str | None = None) -> None:
        self.db = db
        self._actor = actor
        self.key = key
        self._signer: Signer | None = None
        self._ledger: Ledger | None = None
        self._views: Views | None = None
        self._identity: Identity | None = UNKNOWN

    @property
    def actor(self) -> str:
        """Who records. On a PostgreSQL ledger with roles, the database user who logged in,
        whatever --as says: the database refuses any other name, so --as is refused unless
        it names that user."""
        identity = self.identity
        if identity is not None:
            if self._actor is not None and self._actor != identity.login:
                from ledger.errors import InvalidEntry

                raise InvalidEntry(
                    f"--as {self._actor!r} (or GOVLEDGER_USER) cannot name who records on this "
                    f"ledger: each entry carries the database user who logged in "
                    f"({identity.login}); leave --as and GOVLEDGER_USER unset, or log in as "
                    "that person"
                )
            return identity.login
        if self._actor is None:
            try:
                import getpass

                self._actor = getpass.getuser()
            except (KeyError, OSError):
                self._actor = ""
        return self._actor

    @property
    def identity(self) -> Identity | None:
        """Who the database says you are, on a PostgreSQL ledger set up with roles
        (``admin setup``); None on SQLite and on a PostgreSQL ledger without roles."""
        if self._identity is UNKNOWN:
            from ledger.storage import locate

            location = locate(self.db)
            self._identity = None
            if location.is_postgres:
                from ledger.organisation import identify

                found = identify(location)
                self._identity = found if found.organised else None
        return self._identity

    @property
    def ledger(self) -> Ledger:
        if self._ledger is None:
            identity = self.identity
            if identity is None:
                from ledger.application import open_ledger

                self._ledger = open_ledger(self.db, today=self.today)
            else:
                self._ledger = open_as(self.db, identity, self.today)
            self._ledger.signer_source = self.signer
        return self._ledger

    def today(self) -> date:
        return self.clock()

    def signer(self) -> Signer | None:
        """The clerk's signing key (--key or GOVLEDGER_KEY), opened when first used."""
        if self.key and self._signer is None:
            self._signer = open_key(self.key, None)
        return self._signer

    def views(self) -> Views:
        """The panel's views, brought level with the log before they are read: as stored,
        through a plain connection, when they already are (no event library loaded)."""
        if self._views is None and self._ledger is None:
            self._views = self.stored_views()  # type: ignore[assignment]
        if self._views is None:
            from projections.views import Views

            if self.identity is None:
                self._views = Views(self.ledger)
                self._views.catch_up(progress_reporter("Bringing the views up to date"))
            else:
                self._views = organisation_views(self.ledger, self.identity)
            for position, problem in sorted(self._views.damaged.items()):
                click.echo(
                    f"Warning: the event at position {position} cannot be read ({problem}); "
                    "the views leave it out. Run govledger verify.",
                    err=True,
                )
        return self._views

    def stored_views(self) -> StoredViews | None:
        """The stored views if one query finds them level with the log, on a ledger this
        login writes without roles (an auditor's read-only copy builds its own, in memory)."""
        from ledger.storage import locate, prepare
        from projections.stored_views import level_views

        location = locate(self.db)
        if location.read_only or self.identity is not None:
            return None
        prepare(location, create=False)  # refused in one line as the ledger would be
        return level_views(location)

    def signature_marks(self, positions: list[int]) -> dict[int, str]:
        """Which key signed the entry at each position ("signed by NAME", "unsigned"): read
        with the stored views when they answer this command, else through the ledger."""
        views = self._views
        if views is not None and hasattr(views, "marks_at"):
            return views.marks_at(positions)
        from projections.signatures import marks_at

        return marks_at(self.ledger, positions)

    def create(self) -> Ledger:
        from ledger.application import open_ledger

        self._ledger = open_ledger(self.db, create=True, today=self.today)
        return self._ledger

    def close(self) -> None:
        if self._views is not None and hasattr(self._views, "close"):
            self._views.close()
        if self._ledger is not None:
            if self._identity is not UNKNOWN and getattr(self._ledger.recorder, "recorded", False):
                level_stored_views(self._ledger)
            self._ledger.close()


pass_session = click.make_pass_decorator(Session)


def open_as(db: str | None, identity: Identity, today: Callable[[], date]) -> Ledger:
    """A ledger with roles, opened as the person the database says logged in."""
    from ledger.errors import NotPermitted
    from ledger.organisation_postgres import open_organisation_ledger
    from ledger.storage import locate

    if not identity.may_read:
        raise NotPermitted(
            f"{identity.login} holds no role on this ledger, so may neither read nor record; "
            f"{identity.granted_by()} can grant one with: govledger admin grant "
            f"{identity.login} --role clerk|panel|auditor"
        )
    return open_organisation_ledger(locate(db), identity, today=today)


class ReadingCopy:
    """A ledger seen by someone who may not write its views: they are built in memory."""

    read_only = True

    def __init__(self, ledger: Ledger) -> None:
        self._ledger = ledger

    def __getattr__(self, name: str) -> Any:
        return getattr(self._ledger, name)


def organisation_views(ledger: Ledger, identity: Identity) -> Views:
    """The stored views when they are level with the log (or the reader may bring them
    level: clerks); otherwise, for a read-only panel or auditor, views built afresh in
    memory from the events for this run: they see what is recorded now, and write nothing."""
    from eventsourcing.persistence import PersistenceError

    from projections.views import Views

    try:
        views = Views(ledger)
        if identity.may_record:
            views.catch_up(progress_reporter("Bringing the views up to date"))
            return views
        if all(s.behind == 0 for s in views.status()):
            return views
    except PersistenceError:
        pass  # views this login may not open or write: build them for this run
    views = Views(ReadingCopy(ledger))
    views.catch_up(progress_reporter("Reading the log"))
    return views


def level_stored_views(ledger: Ledger) -> None:
    """After a clerk records, bring the stored views level, so that the panel (who may
    not write them) reads them current. A failure leaves them for the next reader."""
    from eventsourcing.persistence import PersistenceError

    from ledger.errors import LedgerError
    from projections.views import Views

    with contextlib.suppress(PersistenceError, LedgerError):
        Views(ledger).catch_up()


def open_key(name: str, folder: str | None) -> Signer:
    """A private key from the key folder; its passphrase from GOVLEDGER_KEY_PASSPHRASE, or
    asked for on a terminal."""
    import os

    from ledger.keys import is_protected, key_folder, load_signer

    where = key_folder(folder)
    passphrase = os.environ.get("GOVLEDGER_KEY_PASSPHRASE")
    if passphrase is None and is_protected(name, where) and sys.stdin.isatty():
        passphrase = click.prompt(f"Passphrase for the key {name}", hide_input=True, err=True)
    return load_signer(name, where, passphrase.encode() if passphrase else None)


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
    """One line a clerk can check: what was stored, about what, at which position, and
    whether it was signed (the batch's signature is stored last, at its own position)."""
    pairs = list(zip(recorded.events, recorded.positions, strict=True))
    signed = pairs[-1][1] if pairs and pairs[-1][0] == "BatchSigned" else None
    if signed is not None:
        pairs = pairs[:-1]
    events = ", ".join(e for e, _ in pairs)
    positions = ", ".join(str(p) for _, p in pairs)
    note = f", signed (signature at {signed})" if signed is not None else ""
    click.echo(f"Recorded {events} for {recorded.subject} at position {positions}{note}.")


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
