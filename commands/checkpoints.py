"""Seals and checkpoints: the log's size and root, signed by the sealing officer, pasted in
the minutes and cosigned by independent witnesses."""

from __future__ import annotations

import click

from commands.output import format_option, render
from commands.session import Session, open_key, pass_session


@click.command()
@click.option("--note", default="", help="What the seal is for, e.g. 'Board, 21 April 2026'.")
@pass_session
def seal(session: Session, note: str) -> None:
    """Seal the log: record its size and Merkle root, and print it for the minutes.

    With a signing key (--key or GOVLEDGER_KEY) the seal is a signed checkpoint in the
    C2SP tlog-checkpoint format: a few lines to paste into the minutes, which anyone can
    later check with verify --checkpoint. Without one, it is a digest line for verify
    --digest.

    \b
    Example:
      govledger --key jo.clerk seal --note "Spring board, 21 April 2026" > checkpoint.txt
    """
    recorded, digest, checkpoint = session.ledger.seal(note, actor=session.actor)
    when = session.today().isoformat()
    if checkpoint is None:
        click.echo(f"govledger seal {when} {digest}  (position {recorded.positions[0]})")
        click.echo("Unsigned: give --key NAME to make the seal a signed checkpoint.", err=True)
        return
    click.echo(checkpoint, nl=False)
    click.echo(
        f"Sealed {digest} at position {recorded.positions[0]}; paste the checkpoint "
        "above into the minutes.",
        err=True,
    )


@click.command()
@pass_session
def checkpoint(session: Session) -> None:
    """Print the latest signed checkpoint, with every witness cosignature it has.

    \b
    Example:
      govledger checkpoint > checkpoint.txt
    """
    from ledger.errors import Refused
    from projections.export import last_checkpoint

    latest = last_checkpoint(session.ledger)
    if latest is None:
        raise Refused("no signed checkpoint yet; make one with govledger --key NAME seal")
    click.echo(latest, nl=False)


@click.command()
@format_option
@pass_session
def seals(session: Session, fmt: str) -> None:
    """List the seals recorded in the log, oldest first.

    \b
    Example:
      govledger seals --format csv
    """
    from projections.export import seals as listed

    rows = listed(session.ledger)
    if not rows and fmt == "table":
        click.echo("No seal has been recorded yet; record one with govledger seal.")
        return
    click.echo(
        render(
            rows,
            ("position", "sealed_on", "size", "root", "actor", "note"),
            fmt,
            wrap=("note", "actor"),
        )
    )


@click.group(no_args_is_help=True)
def witness() -> None:
    """Witness a log: cosign its checkpoints after checking it was never rewritten."""


@witness.command()
@click.argument("checkpoint_file", metavar="CHECKPOINT", type=click.File("r", encoding="utf-8"))
@click.option("--key", "key", required=True, metavar="NAME", help="The witness's own key.")
@click.option(
    "--dir", "folder", metavar="DIR", help="The witness's key folder (else GOVLEDGER_KEYS)."
)
@pass_session
def cosign(
    session: Session, checkpoint_file: click.utils.LazyFile, key: str, folder: str | None
) -> None:
    """Check CHECKPOINT against the log and against the last checkpoint this witness
    cosigned (a consistency proof), then cosign it.

    Refuses a checkpoint older than the last one cosigned, and a log rewritten since.
    The cosignature is recorded with the seal and exported; the witness keeps what it
    cosigned in its own key folder, never in the log.

    \b
    Example:
      govledger --as "Monitoring Officer" witness cosign checkpoint.txt --key mo.witness
    """
    from ledger.keys import files, key_folder
    from ledger.witness import WitnessMemory
    from ledger.witness import cosign as cosigned

    signer = open_key(key, folder)
    ledger = session.ledger
    if session.key is None and ledger.signing_required():
        ledger.signer_source = lambda: signer  # the cosignature's own entry, signed too
    memory = WitnessMemory(files(key_folder(folder), key)[0].with_suffix(".witnessed.json"))
    try:
        text = checkpoint_file.read()
    except UnicodeDecodeError:
        raise click.BadParameter(
            "the checkpoint is not UTF-8 text", param_hint="CHECKPOINT"
        ) from None
    click.echo(cosigned(ledger, text, signer, memory, session.actor), nl=False)
