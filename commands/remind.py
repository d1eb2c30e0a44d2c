"""``govledger remind``: email each owner their due and overdue items."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

import click

from commands.session import Session, pass_session

if TYPE_CHECKING:
    from email.message import EmailMessage

    from projections.reminders import Reminder

PASSWORD_VARIABLE = "GOVLEDGER_SMTP_PASSWORD"


def server_option(_ctx: click.Context, _param: click.Parameter, value: str | None) -> Any:
    """``HOST:PORT`` (``[::1]:25`` for an IPv6 address) as (host, port)."""
    if value is None:
        return None
    host, sep, port = value.rpartition(":")
    host = host.removeprefix("[").removesuffix("]")
    if not sep or not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise click.BadParameter(f"{value!r}; write HOST:PORT, e.g. --smtp mail.council.gov.uk:587")
    return host, int(port)


@click.command("remind")
@click.option("--board", metavar="BOARD", help="Only the items of this board.")
@click.option(
    "--smtp",
    "server",
    metavar="HOST:PORT",
    callback=server_option,
    help="The mail server to send through (e.g. mail.council.gov.uk:587).",
)
@click.option("--from", "sender", metavar="ADDR", help="The address the reminders come from.")
@click.option("--starttls", is_flag=True, help="Encrypt the connection (STARTTLS) before sending.")
@click.option(
    "--user",
    metavar="NAME",
    help=f"Log in to the server as NAME (needs --starttls); the password is read from "
    f"{PASSWORD_VARIABLE}, never from an option.",
)
@click.option("--dry-run", is_flag=True, help="Print the messages; send and record nothing.")
@pass_session
def remind(
    session: Session,
    board: str | None,
    server: tuple[str, int] | None,
    sender: str | None,
    starttls: bool,
    user: str | None,
    dry_run: bool,
) -> None:
    """Email each owner one message listing their due and overdue items (ref, board, what,
    days overdue), to the address recorded with govledger owner email. Owners of an item
    with several owners each get their own message; owners with no address are named in a
    warning. Each run that sent mail is recorded (RemindersSent: who, which items, when).

    \b
    Example:
      govledger remind --from clerk@council.gov.uk --dry-run
      GOVLEDGER_SMTP_PASSWORD=... govledger remind --smtp mail.council.gov.uk:587 \\
        --starttls --user clerk --from clerk@council.gov.uk
    """
    from ledger.errors import InvalidEntry
    from ledger.owners import checked_address

    if sender is None:
        raise click.UsageError("give --from ADDR, the address the reminders come from")
    sender = checked_address(sender, "--from")
    if not dry_run and server is None:
        raise click.UsageError("give --smtp HOST:PORT to send, or --dry-run to see the messages")
    password = None
    if user is not None and not dry_run:
        if not starttls:
            raise click.UsageError("--user needs --starttls: a password is never sent in clear")
        password = os.environ.get(PASSWORD_VARIABLE)
        if not password:
            raise InvalidEntry(f"--user {user} needs the password in {PASSWORD_VARIABLE}")
    reminders, messages = composed(session, board, sender)
    if not reminders:
        click.echo("No owner with an email address has anything due or overdue.")
        return
    if dry_run:
        print_messages(reminders, messages)
        return
    if session.ledger.read_only:
        raise click.ClickException(
            "this ledger is read-only here (a copy to read); send reminders from the clerk's "
            "ledger, which records them. Nothing was sent"
        )
    assert server is not None
    sent, failure = deliver(messages, server, starttls, user, password)
    recorded = record(session, reminders[: len(sent)], server) if sent else None
    if failure is not None:
        raise click.ClickException(stopped(failure, reminders, len(sent), server, recorded))
    names = ", ".join(f"{r.owner} ({len(r.items)})" for r in reminders)
    click.echo(f"Sent {plural(len(sent), 'reminder')} through {server[0]}:{server[1]}: {names}.")
    if recorded:
        click.echo(recorded)


def composed(
    session: Session, board: str | None, sender: str
) -> tuple[list[Reminder], list[EmailMessage]]:
    """Each owner's reminder and its message; owners with no address named on stderr."""
    import datetime as dt

    from ledger.errors import NotFound
    from projections.board_history import due
    from projections.reminders import addresses, message, reminders

    views = session.views()
    if board is not None and board not in views.trail.refs("board"):
        raise NotFound("board", board, views.trail.refs("board"))
    today = session.today()
    found, unaddressed = reminders(due(views, board, today), addresses(session.ledger))
    if unaddressed:
        click.echo(
            f"Warning: no email address for {plural(len(unaddressed), 'owner')} of due items "
            f"({'; '.join(unaddressed)}); record one with: govledger owner email NAME ADDR",
            err=True,
        )
    now = dt.datetime.now(dt.UTC)
    return found, [message(r, sender, today, now) for r in found]


def print_messages(reminders: list[Reminder], messages: list[EmailMessage]) -> None:
    from projections.reminders import shown

    for number, mail in enumerate(messages, 1):
        click.echo(f"----- message {number} of {len(messages)} -----")
        click.echo(shown(mail))
    items = sum(len(r.items) for r in reminders)
    click.echo(
        f"Dry run: {plural(len(messages), 'message')} for {plural(items, 'item')}; "
        "nothing was sent or recorded."
    )


def deliver(
    messages: list[EmailMessage],
    server: tuple[str, int],
    starttls: bool,
    user: str | None,
    password: str | None,
) -> tuple[list[EmailMessage], str | None]:
    """Send each message in turn; stop at the first failure. Returns those sent and, if it
    stopped, why (one line, never the password)."""
    import smtplib
    import ssl

    from commands.session import progress_reporter

    sent: list[EmailMessage] = []
    progress = progress_reporter("Sending reminders")
    try:
        with smtplib.SMTP(server[0], server[1], timeout=30) as smtp:
            if starttls:
                smtp.starttls(context=ssl.create_default_context())
            if user is not None and password is not None:
                smtp.login(user, password)
            for mail in messages:
                smtp.send_message(mail)
                sent.append(mail)
                if progress:
                    progress(len(sent), len(messages))
    except smtplib.SMTPResponseException as error:
        said = error.smtp_error.decode("utf-8", "replace") if error.smtp_error else ""
        return sent, f"the mail server said {error.smtp_code} {' '.join(said.split())}"
    except smtplib.SMTPRecipientsRefused as error:
        codes = "; ".join(
            f"{code} {said.decode('utf-8', 'replace')}" for code, said in error.recipients.values()
        )
        return sent, f"the mail server refused the recipient ({codes})"
    except (smtplib.SMTPException, ssl.SSLError, OSError) as error:
        why = getattr(error, "strerror", None) or str(error) or type(error).__name__
        return sent, f"could not talk to the mail server ({why})"
    return sent, None


def record(session: Session, sent: list[Reminder], server: tuple[str, int]) -> str | None:
    """Record the reminders sent; a failure to record is said, since the mail has gone."""
    from eventsourcing.persistence import PersistenceError

    from ledger.errors import LedgerError
    from ledger.owners import record_reminders_sent

    done = [(r.owner, r.address, [str(item["ref"]) for item in r.items]) for r in sent]
    try:
        recorded = record_reminders_sent(
            session.ledger, done, server=f"{server[0]}:{server[1]}", actor=session.actor
        )
    except (LedgerError, PersistenceError) as error:  # a role that may not write, say
        said = " ".join(str(error).split())[:200] or type(error).__name__
        click.echo(f"Warning: the reminders went but could not be recorded: {said}", err=True)
        return None
    return f"Recorded RemindersSent for {recorded.subject} at position {recorded.positions[0]}."


def stopped(
    why: str, reminders: list[Reminder], sent: int, server: tuple[str, int], recorded: str | None
) -> str:
    """One line: what failed, which messages went before it stopped, what was recorded."""
    went = ", ".join(r.owner for r in reminders[:sent])
    if sent:
        before = f"sent {sent} of {len(reminders)} ({went}); the other {len(reminders) - sent} not"
        again = " (those sent get theirs again)"
    else:
        before, again = f"none of {len(reminders)} was sent", ""
    kept = f"; {recorded.removesuffix('.')}" if recorded else ""
    return (
        f"sending through {server[0]}:{server[1]} stopped: {why}; {before}{kept}. Run "
        f"govledger remind again once the server answers{again}"
    )


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' if count != 1 else ''}"
