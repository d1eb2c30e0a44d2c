"""Signing keys: make one, register it in the ledger's keyring, publish the keyring."""

from __future__ import annotations

import json
import os
import sys

import click

from commands.output import format_option, render
from commands.session import Session, pass_session

DIR_OPTION = click.option(
    "--dir",
    "folder",
    metavar="DIR",
    help="The key folder (else GOVLEDGER_KEYS, else ~/.config/govledger/keys).",
)


@click.group(no_args_is_help=True)
def keys() -> None:
    """Signing keys: who signs entries, seals and cosignatures."""


@keys.command()
@click.argument("name")
@DIR_OPTION
@click.option("--owner", metavar="NAME", help="Whose key it is, as they record (default --as).")
@click.option(
    "--passphrase/--no-passphrase",
    default=False,
    help="Protect the private key with a passphrase (asked for, or GOVLEDGER_KEY_PASSPHRASE).",
)
@pass_session
def new(
    session: Session, name: str, folder: str | None, owner: str | None, passphrase: bool
) -> None:
    """Make an Ed25519 key pair NAME in the key folder and register its public key.

    The private key is written readable only by you and never leaves the folder; the
    public key is recorded in the ledger's keyring as OWNER's.

    \b
    Example:
      govledger --as "Jo Clerk" keys new jo.clerk --passphrase
    """
    from ledger.keys import checked_name, files, key_folder, new_key

    checked_name(name)
    secret = None
    if passphrase:
        secret = os.environ.get("GOVLEDGER_KEY_PASSPHRASE")
        if not secret and not sys.stdin.isatty():
            from ledger.errors import InvalidEntry

            raise InvalidEntry(
                "--passphrase needs a passphrase: run at a terminal to be asked for it, or set "
                "GOVLEDGER_KEY_PASSPHRASE"
            )
        secret = secret or click.prompt(
            "Passphrase", hide_input=True, confirmation_prompt=True, err=True
        )
    ledger = session.ledger
    if ledger.read_only:
        from ledger.errors import Refused

        raise Refused("this ledger is read-only here; make keys on the clerk's own ledger")
    where = key_folder(folder)
    signer = new_key(name, where, secret.encode() if secret else None)
    try:
        ledger.register_key(signer.vkey, owner or session.actor, actor=session.actor)
    except Exception:
        for path in files(where, name):
            path.unlink(missing_ok=True)
        raise
    click.echo(f"Made the key {name} in {where} and registered it to {owner or session.actor!r}.")
    click.echo(f"Public key: {signer.vkey}")


@keys.command()
@click.argument("vkey", metavar="PUBLIC_KEY")
@click.option("--owner", required=True, metavar="NAME", help="Whose key it is.")
@pass_session
def add(session: Session, vkey: str, owner: str) -> None:
    """Register someone else's public key (NAME+ID+KEY, as keys new prints it), such as
    an outside witness's.

    \b
    Example:
      govledger keys add "pcf.witness+1a2b3c4d+AX...=" --owner "Parent Carer Forum"
    """
    from ledger.errors import InvalidEntry

    try:
        session.ledger.register_key(vkey, owner, actor=session.actor)
    except ValueError as error:
        raise InvalidEntry(str(error)) from None
    click.echo(f"Registered the key {vkey.partition('+')[0]} to {owner!r}.")


@keys.command(name="list")
@format_option
@pass_session
def listed(session: Session, fmt: str) -> None:
    """List the keys in the ledger's keyring.

    \b
    Example:
      govledger keys list
    """
    from projections.keyring import published

    ring = published(session.ledger)
    if not ring["keys"] and fmt == "table":
        click.echo("No key is registered yet; make one with govledger keys new NAME.")
        return
    click.echo(render(ring["keys"], ("name", "owner", "position", "vkey"), fmt, wrap=("owner",)))


@keys.command()
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to this file.")
@pass_session
def export(session: Session, output: str | None) -> None:
    """Write the keyring an auditor checks signatures with: every public key, its owner,
    the log's origin and from which position every entry must be signed. Publish it.

    \b
    Example:
      govledger keys export -o keyring.json
    """
    from pathlib import Path

    from projections.keyring import published

    text = json.dumps(published(session.ledger), indent=2) + "\n"
    if not output:
        sys.stdout.write(text)
        return
    from commands.written_file import written_whole

    with written_whole(Path(output), "-o") as temporary:
        temporary.write_text(text, encoding="utf-8")
    click.echo(f"Wrote the keyring to {output}.", err=True)


@keys.command(name="require-signing")
@click.option("--reason", required=True, metavar="TEXT", help="Why (the decision that set it).")
@pass_session
def require_signing(session: Session, reason: str) -> None:
    """From now on, every entry must be signed: unsigned recording is refused, and verify
    fails any unsigned entry after this point.

    \b
    Example:
      govledger keys require-signing --reason "Board decision 12/2026"
    """
    recorded = session.ledger.require_signing(actor=session.actor, reason=reason)
    click.echo(f"Every entry after position {recorded.positions[0]} must now be signed.")
