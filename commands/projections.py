"""``govledger projections``: the views behind the panel's commands."""

from __future__ import annotations

from typing import Any

import click

from commands.output import format_option, render
from commands.session import Session, pass_session, progress_reporter


@click.group("projections")
def projections() -> None:
    """The views (projections) that read commands use, rebuilt from the event log."""


@projections.command("status")
@format_option
@pass_session
def status(session: Session, fmt: str) -> None:
    """Show each view's position against the head of the log (without catching up).

    \b
    Example:
      govledger projections status
    """
    from projections.views import Views

    rows = [
        {"view": s.name, "position": s.position, "head": s.head, "behind": s.behind}
        for s in Views(session.ledger).status()
    ]
    click.echo(render(rows, ("view", "position", "head", "behind"), fmt))


@projections.command("rebuild")
@click.argument("name", required=False)
@pass_session
def rebuild(session: Session, name: str | None) -> None:
    """Drop view NAME (or all of them) and replay it from the first event.

    \b
    Example:
      govledger projections rebuild
      govledger projections rebuild tracker
    """
    from projections.views import Views

    done = Views(session.ledger).rebuild(name, progress_reporter("Replaying the log"))
    click.echo(f"Rebuilt {name or 'all views'} from {done} events.")


@projections.command("follow")
@click.option(
    "--interval",
    type=click.FloatRange(min=0.05, max=3600),
    default=0.5,
    show_default=True,
    metavar="SECONDS",
    help="On SQLite, how often to look for new events (PostgreSQL tells the follower at once).",
)
@pass_session
def follow(session: Session, interval: float) -> None:
    """Keep the views current as events are recorded, until stopped.

    Run it beside the clerks (a terminal, a service): the panel's reads then find the
    views level and need not catch them up. On PostgreSQL each recording is heard at
    once; on SQLite the log is looked at every --interval seconds. Killed or cut off, it
    starts again from where the views stand (they keep their own position): nothing is
    applied twice or skipped. Ctrl-C or SIGTERM stops it after the batch under way
    (a second Ctrl-C abandons that batch whole). Readers never depend on it: one that
    finds the views behind brings them level itself, as without a follower. On a ledger
    with roles only a clerk (or its administrator) may run it: it writes the views.

    \b
    Example:
      govledger projections follow
      govledger --db postgresql://clerk@db.council.local/ledger projections follow
    """
    import os
    import signal
    import sys

    from projections.follow import Follower
    from projections.views import Views

    on_terminal = sys.stdout.isatty()
    asked: list[Follower] = []  # the follower, once made; a stop asked before waits for it
    stops = []

    def stop(signum: int, _frame: object) -> None:
        if stops or any(not follower.answering for follower in asked):
            # asked twice (abandon the batch under way), or no database to wait for
            raise KeyboardInterrupt
        stops.append(signum)
        for follower in asked:
            follower.stop()
        if on_terminal:
            click.echo("Stopping after the batch under way (Ctrl-C again abandons it).", err=True)

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    os.environ.setdefault("PGAPPNAME", "govledger projections follow")
    refuse_unless_writable(session)
    follower = Follower(
        Views(session.ledger),
        interval=interval,
        caught=announce if on_terminal else None,
        trouble=lambda line: click.echo(f"Warning: {line}.", err=True),
        progress=progress_reporter("Bringing the views up to date"),
    )
    asked.append(follower)
    if stops:
        follower.stop()
    where = session.ledger.factory.env.get("SQLITE_DBNAME") or "PostgreSQL"
    how = "as each event is recorded" if follower.live else f"every {interval:g} s"
    click.echo(f"Following the log of {where}, {how}; Ctrl-C or SIGTERM stops.")
    abandoned = ""
    try:
        follower.run()
    except KeyboardInterrupt:
        if follower.answering:
            abandoned = " (the batch under way was abandoned whole)"
    stopped_at(follower, abandoned)


def refuse_unless_writable(session: Session) -> None:
    """Follow writes the stored views: a read-only copy or a login that may not record
    cannot keep them."""
    from ledger.errors import NotPermitted, Refused

    identity = session.identity
    if identity is not None and not identity.may_record:
        raise NotPermitted(
            f"projections follow writes the stored views, which only clerks may; "
            f"{identity.described()} may not. {identity.granted_by()} can grant it with: "
            f"govledger admin grant {identity.login} --role clerk"
        )
    if getattr(session.ledger, "read_only", False):
        raise Refused(
            "this ledger is read-only here (a copy to read and verify), so its views cannot "
            "be kept; run projections follow where the ledger may be written"
        )


def announce(caught: object) -> None:
    from datetime import datetime

    c: Any = caught
    click.echo(
        f"{datetime.now():%H:%M:%S} applied {c.events} event{'s' if c.events != 1 else ''}; "
        f"the views stand at position {c.position} (head {c.head})."
    )


def stopped_at(follower: Any, abandoned: str) -> None:
    """Say where the views were left, read afresh when the database answers."""
    if not follower.answering:
        click.echo(
            f"Stopped; the views stood at position {follower.position} when last read (the "
            "database is not answering, so where they stand now is not known)."
        )
        return
    import contextlib

    from eventsourcing.persistence import PersistenceError

    from ledger.errors import LedgerError

    with contextlib.suppress(PersistenceError, LedgerError):
        follower.read_positions()
    behind = max(follower.head - follower.position, 0)
    level = "level with the log" if not behind else f"{behind} behind the log"
    click.echo(f"Stopped at position {follower.position}{abandoned}; the views are {level}.")
