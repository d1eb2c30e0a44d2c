"""Organisation mode on PostgreSQL: set the roles up, grant and revoke them, and whoami."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from commands.session import Session, pass_session

if TYPE_CHECKING:
    from ledger.storage import Location

ROLE_OPTION = click.option(
    "--role",
    "kind",
    required=True,
    type=click.Choice(["clerk", "panel", "auditor"]),
    help="clerk records; panel and auditor read (the views; the events, hashes, exports).",
)
DB_OPTION = click.option(
    "--db", "db", metavar="URL", help="The ledger's postgresql:// URL (else the global --db)."
)


@click.group(no_args_is_help=True)
def admin() -> None:
    """Roles on a PostgreSQL ledger, held by the database: for its administrator."""


def postgres_location(session: Session, db: str | None, what: str) -> Location:
    from ledger.errors import InvalidEntry
    from ledger.storage import locate

    location = locate(db or session.db)
    if not location.is_postgres:
        raise InvalidEntry(
            f"admin {what} is for a PostgreSQL ledger (give --db postgresql://...); an SQLite "
            "ledger is single-user, and govledger init creates one"
        )
    return location


@admin.command()
@DB_OPTION
@pass_session
def setup(session: Session, db: str | None) -> None:
    """Set a ledger up for an organisation (run once, as an administrator who may create
    roles): its tables owned by a role nobody logs in as, and three groups, clerk, panel
    and auditor, whose rights the database enforces. An existing ledger is taken over.
    Run it again after upgrading govledger.

    \b
    Example:
      govledger admin setup --db "postgresql://postgres@db.council.local/ledger?schema=send"
    """
    from ledger.application import open_ledger
    from ledger.errors import AlreadyExists
    from ledger.organisation import GROUPS, Roles, identify
    from ledger.organisation_setup import create_roles, hand_over
    from projections.views import Views

    location = postgres_location(session, db, "setup")
    before = identify(location).organised
    created = create_roles(location)
    try:
        ledger = open_ledger(location.text, create=True)
        taken = False
    except AlreadyExists:
        ledger = open_ledger(location.text)
        taken = True
    try:
        Views(ledger)  # the views' tables, made now by the administrator
    finally:
        ledger.close()
    hand_over(location)
    roles = Roles.of(location)
    where = f"{location.label} (schema {roles.schema})"
    done = "Set up a new ledger"
    if taken:
        done = "Brought the roles' rights up to date on" if before else "Took over the ledger"
    click.echo(f"{done} at {where}: its tables belong to {roles.owner}, which nobody logs in as.")
    for kind in GROUPS:
        new = " (created)" if roles.name(kind) in created else ""
        click.echo(f"  {kind}: {roles.name(kind)}{new}")
    click.echo("Next: govledger admin grant NAME --role clerk|panel|auditor")


@admin.command()
@DB_OPTION
@pass_session
def upgrade(session: Session, db: str | None) -> None:
    """Bring a ledger made by an older govledger up to this one's tables. On PostgreSQL with
    roles, run it as an administrator: the new tables go to the owner role and the groups'
    rights are granted again.

    \b
    Example:
      govledger admin upgrade --db council.db
    """
    from ledger.application import open_ledger
    from ledger.errors import NotPermitted
    from ledger.organisation import identify
    from ledger.organisation_setup import hand_over
    from ledger.schema import upgrade_schema
    from ledger.storage import locate
    from projections.views import Views

    location = locate(db or session.db)
    identity = identify(location) if location.is_postgres else None
    administrator = identity is None or identity.login in identity.administrators
    if identity and identity.organised and not administrator:
        raise NotPermitted(
            f"upgrading the ledger's tables is not allowed to {identity.described()}: it "
            f"needs an administrator; ask {identity.granted_by()} to run it"
        )
    before, after = upgrade_schema(location)
    said = f"was at schema version {before}; it is now at {after}"
    if before == after:
        said = f"is at schema version {after} already; its tables were checked"
    click.echo(f"The ledger at {location.shown} {said}.")
    if identity and identity.organised:
        ledger = open_ledger(location.text)
        try:
            Views(ledger)  # views whose tables changed are made again, by the administrator
        finally:
            ledger.close()
        hand_over(location)
        click.echo("Its tables belong to its owner role again, and each group's rights hold.")


@admin.command()
@click.argument("name")
@ROLE_OPTION
@DB_OPTION
@pass_session
def grant(session: Session, name: str, kind: str, db: str | None) -> None:
    """Give NAME (a database login) a role on this ledger, creating the login when it does
    not exist. No password is set: the server's own authentication applies.

    \b
    Example:
      govledger admin grant jo_clerk --role clerk
    """
    from ledger.organisation import Roles
    from ledger.organisation import grant as grant_role

    location = postgres_location(session, db, "grant")
    created, already = grant_role(location, name, kind)
    group = Roles.of(location).name(kind)
    if already:
        click.echo(f"{name} already has the {kind} role on this ledger ({group}); nothing changed.")
        return
    made = (
        f"Created the login {name} (no password set: the server's authentication applies) and "
        if created
        else ""
    )
    click.echo(f"{made}{'g' if made else 'G'}ave {name} the {kind} role on this ledger ({group}).")


@admin.command()
@click.argument("name")
@ROLE_OPTION
@DB_OPTION
@pass_session
def revoke(session: Session, name: str, kind: str, db: str | None) -> None:
    """Take a role on this ledger away from NAME; the login itself stays.

    \b
    Example:
      govledger admin revoke jo_clerk --role clerk
    """
    from ledger.organisation import revoke as revoke_role

    location = postgres_location(session, db, "revoke")
    revoke_role(location, name, kind)
    click.echo(
        f"{name} no longer has the {kind} role on this ledger; the login {name} stays (it may "
        "serve other ledgers)."
    )


@click.command()
@pass_session
def whoami(session: Session) -> None:
    """Who you are on this ledger, and what you may do.

    \b
    Example:
      govledger --db "postgresql://jo_clerk@db.council.local/ledger?schema=send" whoami
    """
    from ledger.organisation import MAY
    from ledger.storage import locate

    location = locate(session.db)
    identity = session.identity
    if not location.is_postgres:
        return single_user(session, location.shown)
    if identity is None:
        from ledger.organisation import identify

        login = identify(location).login
        click.echo(f"You: {login}, connected to {location.label}.")
        click.echo(
            "This ledger has no roles: whoever connects as its tables' owner records, under "
            "the name --as gives. An administrator sets roles up with: govledger admin setup"
        )
        return
    click.echo(
        f"You: {identity.login}, the database user you logged in as; every entry you record "
        "carries that name."
    )
    click.echo(f"Ledger: {location.label} (schema {identity.roles.schema}), with roles.")
    if identity.superuser:
        click.echo("Role: administrator (database superuser): may set up, grant and revoke.")
    for kind in identity.groups:
        click.echo(f"Role: {kind} ({identity.roles.name(kind)}): may {MAY[kind]}.")
    if not identity.groups and not identity.superuser:
        click.echo("Role: none on this ledger: you may neither read nor record.")
    click.echo(f"Roles are granted by: {identity.granted_by()} (govledger admin grant).")


def single_user(session: Session, shown: str) -> None:
    from projections.keyring import published

    actor = session.actor
    click.echo(f"You: {actor} (from --as, GOVLEDGER_USER or your login), on {shown}.")
    click.echo(
        "An SQLite ledger is single-user: whoever can write the file records, under the name "
        "they give. What proves who made an entry is a signing key (--key NAME)."
    )
    mine = [k["name"] for k in published(session.ledger)["keys"] if k["owner"] == actor]
    if mine:
        click.echo(f"Your signing keys: {', '.join(mine)} (govledger keys list).")
    else:
        click.echo("You have no signing key here; make one with: govledger keys new NAME")


def register(cli: click.Group) -> None:
    cli.add_command(admin)
    cli.add_command(whoami)
