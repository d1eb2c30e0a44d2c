"""``govledger redact``: remove a field's words from a recorded event, every proof kept."""

from __future__ import annotations

import click

from commands.session import Session, pass_session, progress_reporter, reason_option, report


@click.command()
@click.argument("position", type=click.IntRange(min=1, max=2**62))
@click.option(
    "--field",
    required=True,
    metavar="NAME",
    help="The free-text field whose words must go: reason, text, owners, owner, note, "
    "evidence, title, item, issue, action, update, ... (see govledger log --format json).",
)
@reason_option()
@pass_session
def redact(session: Session, position: int, field: str, reason: str) -> None:
    """Remove a field's words from the event at POSITION, keeping every proof.

    For a data subject's request, or an entry that named a child by mistake. The redaction
    is recorded first, as an event (who, when, why); then the field's text and its salt are
    replaced by the commitment the log's hashes were made over, so verify, seals, signed
    checkpoints, cosignatures and signatures all still hold, and verify lists the field as
    redacted. The views are rebuilt without the words. It cannot be undone. On PostgreSQL
    only the ledger's administrator (its owner role) may redact.

    \b
    Example:
      govledger redact 42 --field reason --reason "Named a child; DPO request 2026/14"
    """
    from projections.views import Views

    recorded = session.ledger.redact(position, field, actor=session.actor, reason=reason)
    if recorded.events:
        report(recorded)
    Views(session.ledger).rebuild(None, progress_reporter("Rebuilding the views"))
    click.echo(
        f"Removed the words of {field} from the event at position {position}; its hash, "
        "and every seal, checkpoint and signature over it, still hold. The views were rebuilt."
    )
