"""Who is owed a reminder, and what it says: each owner's due and overdue items, from the
rows ``govledger due`` lists, addressed to the email the clerk recorded for them.

An item's owners are read as the trackers and minutes write them, several joined by " / ";
each owner is matched to an address by name, case and spacing aside, and an owner written
with a job title ("Anita Parkin, Head of Service") by the name before the comma when no
address is recorded for the whole. Any kind of row ``due`` gives flows through.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from typing import Any

from ledger.owners import ADDRESS_TOPICS, owner_key

ERASED = "[erased]"  # what a redacted address reads as: never written to
OWED = ("overdue", "due")  # what a reminder lists; "open" items have no day to fall due by


@dataclass(frozen=True)
class OwnerAddress:
    owner: str
    address: str
    recorded_on: str
    actor: str
    position: int


@dataclass
class Reminder:
    """One message: an owner, their address, and the items they owe."""

    owner: str
    address: str
    items: list[dict[str, Any]] = field(default_factory=list)

    @property
    def overdue(self) -> int:
        return sum(1 for item in self.items if item["status"] == "overdue")


def addresses(ledger: Any) -> dict[str, OwnerAddress]:
    """Each owner's address now, keyed by ``owner_key``: the last recorded for them."""
    found = ledger.recorder.select_notifications(
        start=None, limit=10**9, topics=list(ADDRESS_TOPICS)
    )
    known: dict[str, OwnerAddress] = {}
    by_id: dict[Any, str] = {}
    for notification in found:
        event = ledger.mapper.to_domain_event(notification)
        old = by_id.get(event.originator_id)
        if old is not None:
            known.pop(old, None)  # a changed spelling of the name replaces the old one
        key = owner_key(event.owner)
        by_id[event.originator_id] = key
        known[key] = OwnerAddress(
            owner=event.owner,
            address=event.address,
            recorded_on=event.on.isoformat(),
            actor=event.actor,
            position=notification.id,
        )
    return known


def owners_of(row: dict[str, Any]) -> list[str]:
    """The owners an item names, as written (several joined by " / ")."""
    return [name.strip() for name in (row.get("owner") or "").split(" / ") if name.strip()]


def address_of(owner: str, known: dict[str, OwnerAddress]) -> OwnerAddress | None:
    """The address for an owner as an item writes them; by the name before a comma when the
    whole (name and job title) has none."""
    found = known.get(owner_key(owner))
    if found is None and "," in owner:
        found = known.get(owner_key(owner.split(",")[0]))
    return found


def reminders(
    rows: Sequence[dict[str, Any]], known: dict[str, OwnerAddress]
) -> tuple[list[Reminder], list[str]]:
    """One reminder per owner with an address (their items, overdue first), and the owners
    of due items who have no address (by the name before a job title, the name to record an
    address for), in the order first met."""
    by_address: dict[str, Reminder] = {}
    unaddressed: list[str] = []
    for row in rows:
        if row.get("status") not in OWED:
            continue
        for owner in owners_of(row):
            found = address_of(owner, known)
            person = owner.split(",")[0].strip() or owner  # as the item writes them
            if found is None or found.address == ERASED:
                if owner_key(person) not in map(owner_key, unaddressed):
                    unaddressed.append(person)
                continue
            reminder = by_address.setdefault(
                owner_key(found.owner), Reminder(person, found.address)
            )
            if row not in reminder.items:
                reminder.items.append(row)
    return list(by_address.values()), unaddressed


def item_line(row: dict[str, Any]) -> str:
    """'seb@2019-06-12/A1 (board seb, minute action): Public Health update; overdue by 12
    days (due 2019-09-10)'."""
    if row["status"] == "overdue":
        days = row.get("days_overdue")
        late = f"overdue by {days} day{'s' if days != 1 else ''}" if days is not None else "overdue"
        when = f"{late} (due {row['due']})"
    else:
        when = f"due {row['due']}" if row.get("due") else "due"
    return f"{row['ref']} (board {row['board']}, {row['kind']}): {row['what']}; {when}"


def body(reminder: Reminder, today: date) -> str:
    """The message's text, in lines of at most 76 characters (words are never split), so
    that it reads the same in any mail program and travels unencoded where it is ASCII."""
    count = len(reminder.items)
    paragraphs = [
        [f"Dear {reminder.owner},"],
        wrapped(
            f"The ledger names you as owner of {count} item{'s' if count != 1 else ''} due or "
            f"overdue as of {today.isoformat()}:"
        ),
        [line for item in reminder.items for line in wrapped(item_line(item), "- ", "  ")],
        wrapped(
            "Each item's story: govledger action history REF (tracker actions) or govledger "
            "board history BOARD. When an item is done, tell the clerk, who records it."
        ),
        ["Sent by govledger remind."],
    ]
    return "\n\n".join("\n".join(lines) for lines in paragraphs) + "\n"


def wrapped(text: str, first: str = "", rest: str = "") -> list[str]:
    import textwrap

    return textwrap.wrap(
        text, 76, initial_indent=first, subsequent_indent=rest, break_long_words=False,
        break_on_hyphens=False,
    )  # fmt: skip


def subject(reminder: Reminder) -> str:
    """'Reminder: 2 overdue, 1 due' (what the ledger names them owner of)."""
    overdue = reminder.overdue
    due = len(reminder.items) - overdue
    counts = [f"{n} {word}" for n, word in ((overdue, "overdue"), (due, "due")) if n]
    return f"Reminder: {', '.join(counts)}"


def message(reminder: Reminder, sender: str, today: date, now: Any) -> EmailMessage:
    """The email for one reminder (plain text, UTF-8), ready to send."""
    mail = EmailMessage()
    mail["From"] = Address(addr_spec=sender)
    mail["To"] = Address(display_name=one_line(reminder.owner), addr_spec=reminder.address)
    mail["Subject"] = subject(reminder)
    mail["Date"] = format_datetime(now)
    mail["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2])
    mail.set_content(body(reminder, today), cte="quoted-printable")
    return mail


def one_line(text: str) -> str:
    """A name as a header may carry it: no line breaks."""
    return " ".join(text.split())


def shown(mail: EmailMessage) -> str:
    """A message as a person reads it: its headers, then its text (not the wire's encoding)."""
    heads = "\n".join(f"{name}: {mail[name]}" for name in ("From", "To", "Subject", "Date"))
    content = mail.get_content()
    return f"{heads}\n\n{content}"
