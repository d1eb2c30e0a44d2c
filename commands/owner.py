"""``govledger owner``: where each owner is reminded of what they owe."""

from __future__ import annotations

import click

from commands.output import format_option, render
from commands.session import Session, on_option, pass_session, reason_option, report

COLUMNS = ("owner", "address", "recorded_on", "actor", "position")


@click.group("owner")
def owner() -> None:
    """Owners: the email addresses govledger remind writes to.

    \b
    Example:
      govledger owner email "Anita Parkin" anita.parkin@council.gov.uk
      govledger owner list
    """


@owner.command("email")
@click.argument("name")
@click.argument("address")
@on_option()
@reason_option(required=False)
@pass_session
def email(session: Session, name: str, address: str, on: str | None, reason: str) -> None:
    """Record ADDRESS as where owner NAME is reminded (govledger remind). Name the owner as
    the trackers and minutes write them; an owner written with a job title ("Anita Parkin,
    Head of Service") is found by the name before the comma. Recording again changes it.

    \b
    Example:
      govledger owner email "Anita Parkin" anita.parkin@council.gov.uk
    """
    from ledger.owners import record_owner_email

    recorded = record_owner_email(
        session.ledger, name, address, actor=session.actor, on=on, reason=reason
    )
    report(recorded)
    named_by_due_items(session, name)


def named_by_due_items(session: Session, name: str) -> None:
    """A note when no item due now names this owner: a name typed otherwise than the
    trackers write it is never matched."""
    from ledger.owners import owner_key
    from projections.board_history import due
    from projections.reminders import owners_of

    wanted = owner_key(name)
    for row in due(session.views(), None, session.today()):
        for named in owners_of(row):
            if wanted in (owner_key(named), owner_key(named.split(",")[0])):
                return
    click.echo(
        f"Note: no item due now names {' '.join(name.split())} as owner; reminders match "
        "owners as the trackers and minutes write them (see govledger due).",
        err=True,
    )


@owner.command("list")
@format_option
@pass_session
def list_owners(session: Session, fmt: str) -> None:
    """Every owner with an email address: the address, when and by whom it was recorded,
    and its position in the log (govledger redact POSITION --field address removes it).

    \b
    Example:
      govledger owner list
    """
    from projections.reminders import addresses

    rows = [vars(found) for found in addresses(session.ledger).values()]
    rows.sort(key=lambda r: r["owner"].casefold())
    if not rows and fmt == "table":
        click.echo(
            "No owner has an email address yet; record one with: govledger owner email NAME ADDRESS"
        )
        return
    click.echo(render(rows, COLUMNS, fmt, title="Owners' email addresses"))
