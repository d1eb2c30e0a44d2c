"""``govledger log``: read back what was stored."""

from __future__ import annotations

import click

from commands.output import format_option, render
from commands.session import Session, pass_session


@click.command()
@click.option(
    "--limit",
    type=click.IntRange(min=1, max=2**62),
    default=20,
    show_default=True,
    help="How many of the latest events to show.",
)
@format_option
@pass_session
def log(session: Session, limit: int, fmt: str) -> None:
    """List the latest events, oldest first: position, effective date, recorded
    time (UTC), actor, event, subject and a summary.

    \b
    Example:
      govledger log --limit 5
      govledger log --format csv > log.csv
    """
    from projections.log import COLUMNS, latest

    rows = [line.as_row() for line in latest(session.ledger, limit)]
    if not rows and fmt == "table":
        click.echo("The ledger is empty; record something first, e.g. govledger board add.")
        return
    click.echo(render(rows, COLUMNS, fmt, wrap=("actor", "summary", "reason")))
