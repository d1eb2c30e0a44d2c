"""``govledger projections``: the views behind the panel's commands."""

from __future__ import annotations

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
