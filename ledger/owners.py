"""Owners' email addresses, and the reminders sent to them.

An owner is named as the trackers and minutes name them ("Anita Parkin"); the clerk records
an address for that name (``OwnerEmailRecorded``, later ``OwnerEmailChanged``), and
``govledger remind`` writes to it. Each run that sent reminders is recorded
(``RemindersSent``: who was reminded of which items, when, through which server), so that
the log shows who was told what was owed, and when. An address is personal data: its field
(``address``) is committed free text, which ``govledger redact`` can remove.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any
from uuid import UUID, uuid4, uuid5

from eventsourcing.application import AggregateNotFoundError
from eventsourcing.domain import Aggregate

from ledger.errors import InvalidEntry, Refused
from ledger.record import Record, Recorded
from ledger.refs import NAMESPACE, parse_day

# An address as mail servers take it: one local part, one domain with a dot, no spaces,
# no display name, nothing a mail header could be split at.
ADDRESS = re.compile(r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+")
ADDRESS_LENGTH = 254


def owner_key(name: str) -> str:
    """How an owner is matched: as written, case and spacing aside."""
    return " ".join(name.split()).casefold()


def owner_id(name: str) -> UUID:
    return uuid5(NAMESPACE, f"owner:{owner_key(name)}")


def checked_address(address: str, what: str = "the address") -> str:
    """The address, or a one-line refusal naming what is wrong and an example."""
    given = address.strip()
    parts = given.rsplit("@", 1)
    if (
        len(given) > ADDRESS_LENGTH
        or not ADDRESS.fullmatch(given)
        or ".." in given
        or parts[0].startswith(".")
        or parts[0].endswith(".")
    ):
        raise InvalidEntry(
            f"{what} {address!r} is not an email address; give one such as "
            "anita.parkin@council.gov.uk (no name or <>, no spaces)"
        )
    return given


def checked_name(name: str) -> str:
    """One owner's name, spaces tidied; several owners ("A / B") each get their own address."""
    tidy = " ".join(name.split())
    if not tidy:
        raise InvalidEntry("name the owner, as the tracker or minutes write them")
    if " / " in f" {tidy} " or tidy in ("/",):
        raise InvalidEntry(
            f"{name!r} names several owners; record an address for each of them, one at a time"
        )
    return tidy


class Owner(Record):
    """Someone who owns actions, known by the name the trackers and minutes give them."""

    TOPIC = "govledger:Owner"

    class Created(Aggregate.Created, Record.Event):
        TOPIC = "govledger:Owner.Created"

    class OwnerEmailRecorded(Created):
        """The clerk recorded the email address where an owner is reminded of what they owe."""

        TOPIC = "govledger:Owner.OwnerEmailRecorded"
        owner: str
        address: str

        @property
        def subject(self) -> str:
            return f"owner:{self.owner}"

        def apply(self, aggregate: Owner) -> None:
            aggregate.owner, aggregate.address = self.owner, self.address
            aggregate.enter(self, "email", owner=self.owner, address=self.address)

    class OwnerEmailChanged(Record.Event):
        """An owner's email address changed (a new post, a mistyped address put right)."""

        TOPIC = "govledger:Owner.OwnerEmailChanged"
        owner: str
        address: str
        previous: str

        def apply(self, aggregate: Owner) -> None:
            aggregate.owner, aggregate.address = self.owner, self.address
            aggregate.enter(self, "email", owner=self.owner, address=self.address)

    class EntryCorrected(Record.EntryCorrected):
        """An address is changed by recording the new one; the class is for the base only."""

        TOPIC = "govledger:Owner.EntryCorrected"

    owner: str = ""
    address: str = ""

    @classmethod
    def record(cls, name: str, address: str, *, actor: str, on: date, reason: str) -> Owner:
        return cls._create(
            cls.OwnerEmailRecorded,
            id=owner_id(name),
            owner=name,
            address=address,
            actor=actor,
            on=on,
            reason=reason,
        )

    def change_email(self, name: str, address: str, *, actor: str, on: date, reason: str) -> None:
        if address.casefold() == self.address.casefold() and name == self.owner:
            raise Refused(f"{self.owner}'s address is already {self.address}; nothing was recorded")
        self.trigger_event(
            self.OwnerEmailChanged,
            owner=name,
            address=address,
            previous=self.address,
            actor=actor,
            on=on,
            reason=reason,
        )

    @property
    def ref(self) -> str:
        return f"owner:{self.owner}"


class ReminderRun(Record):
    """One run of ``govledger remind`` that sent owners their due and overdue items."""

    TOPIC = "govledger:ReminderRun"

    class Created(Aggregate.Created, Record.Event):
        TOPIC = "govledger:ReminderRun.Created"

    class RemindersSent(Created):
        """Reminders of due and overdue items were emailed to these owners (one each)."""

        TOPIC = "govledger:ReminderRun.RemindersSent"
        count: int
        owners: list[str]
        addresses: list[str]
        refs: list[str]
        server: str

        @property
        def subject(self) -> str:
            return f"reminders@{self.on.isoformat()}"

        def apply(self, aggregate: ReminderRun) -> None:
            aggregate.sent_on = self.on
            aggregate.enter(self, "reminded", owners=self.owners, refs=self.refs)

    class EntryCorrected(Record.EntryCorrected):
        """Mail sent cannot be unsent; the class exists for the common base only."""

        TOPIC = "govledger:ReminderRun.EntryCorrected"

    sent_on: date | None = None

    @property
    def ref(self) -> str:
        return f"reminders@{self.sent_on.isoformat() if self.sent_on else '?'}"


def record_owner_email(
    ledger: Any, name: str, address: str, *, actor: str, on: date | str | None, reason: str
) -> Recorded:
    """Record (or change) the address where owner ``name`` is reminded."""
    name, address = checked_name(name), checked_address(address)
    if not actor.strip():
        raise InvalidEntry("actor: must not be blank")
    try:
        day = ledger.effective(None if on is None else parse_day(on))
    except ValueError as error:
        raise InvalidEntry(f"--on: {error}") from None
    try:
        owner = ledger.repository.get(owner_id(name))
    except AggregateNotFoundError:
        owner = Owner.record(name, address, actor=actor, on=day, reason=reason)
    else:
        owner.change_email(name, address, actor=actor, on=day, reason=reason)
    return ledger.store(owner, subject=owner.ref)


def record_reminders_sent(
    ledger: Any,
    sent: list[tuple[str, str, list[str]]],
    *,
    server: str,
    actor: str,
    reason: str = "",
) -> Recorded:
    """Record that a reminder went to each (owner, address, refs) in ``sent``."""
    if not sent:
        raise Refused("no reminder was sent; there is nothing to record")
    refs = sorted({ref for _, _, owed in sent for ref in owed})
    run = ReminderRun._create(
        ReminderRun.RemindersSent,
        id=uuid4(),
        count=len(sent),
        owners=[owner for owner, _, _ in sent],
        addresses=[address for _, address, _ in sent],
        refs=refs,
        server=server,
        actor=actor,
        on=ledger.today(),
        reason=reason or f"reminded of {len(refs)} due or overdue item(s)",
    )
    return ledger.store(run, subject=run.ref)


#: The topics an address is recorded under, in the order an owner's story is told.
ADDRESS_TOPICS = (Owner.OwnerEmailRecorded.TOPIC, Owner.OwnerEmailChanged.TOPIC)
