"""The keyring the ledger publishes: who holds which signing key, and from when every
entry must be signed. And the signature each signing clerk's batch of events carries.

Only public keys are recorded here. A private key never reaches the ledger: it stays in
its holder's key folder (``ledger.keys``).
"""

from __future__ import annotations

from datetime import date
from uuid import UUID, uuid5

from eventsourcing.domain import Aggregate

from ledger.record import Record
from ledger.refs import NAMESPACE


class SigningKey(Record):
    """A clerk's, officer's or witness's public key, and whose it is."""

    TOPIC = "govledger:SigningKey"

    class Created(Aggregate.Created, Record.Event):
        TOPIC = "govledger:SigningKey.Created"

    class KeyRegistered(Created):
        """A public signing key was registered to its owner, who alone holds its private key."""

        TOPIC = "govledger:SigningKey.KeyRegistered"
        name: str
        owner: str
        vkey: str

        @property
        def subject(self) -> str:
            return f"key:{self.name}"

        def apply(self, aggregate: SigningKey) -> None:
            aggregate.name, aggregate.owner, aggregate.vkey = self.name, self.owner, self.vkey
            aggregate.enter(self, "registered", owner=self.owner)

    class EntryCorrected(Record.EntryCorrected):
        """Keys are never corrected; the class exists for the common base only."""

        TOPIC = "govledger:SigningKey.EntryCorrected"

    @classmethod
    def register(cls, name: str, owner: str, vkey: str, *, actor: str, on: date) -> SigningKey:
        return cls._create(
            cls.KeyRegistered,
            id=key_id(name),
            name=name,
            owner=owner,
            vkey=vkey,
            actor=actor,
            on=on,
            reason=f"signing key of {owner}",
        )

    @property
    def ref(self) -> str:
        return f"key:{self.name}"


def key_id(name: str) -> UUID:
    return uuid5(NAMESPACE, f"key:{name}")


class SigningPolicy(Record):
    """From this point in the log, every entry must be signed by its recorder's key."""

    TOPIC = "govledger:SigningPolicy"
    ID = uuid5(NAMESPACE, "signing-policy")

    class Created(Aggregate.Created, Record.Event):
        TOPIC = "govledger:SigningPolicy.Created"

    class SigningRequired(Created):
        """The body required every entry recorded after this one to be signed."""

        TOPIC = "govledger:SigningPolicy.SigningRequired"

        @property
        def subject(self) -> str:
            return "signing-policy"

        def apply(self, aggregate: SigningPolicy) -> None:
            aggregate.enter(self, "required")

    class EntryCorrected(Record.EntryCorrected):
        """The policy is never corrected; the class exists for the common base only."""

        TOPIC = "govledger:SigningPolicy.EntryCorrected"

    @classmethod
    def require(cls, *, actor: str, on: date, reason: str) -> SigningPolicy:
        return cls._create(cls.SigningRequired, id=cls.ID, actor=actor, on=on, reason=reason)

    @property
    def ref(self) -> str:
        return "signing-policy"


class Signature(Record):
    """The signature over one command's batch of events, stored last in the same batch."""

    TOPIC = "govledger:Signature"

    class Created(Aggregate.Created, Record.Event):
        TOPIC = "govledger:Signature.Created"

    class BatchSigned(Created):
        """A clerk signed the events they recorded in one command with their key."""

        TOPIC = "govledger:Signature.BatchSigned"
        key: str
        covers: list[list[str | int]]
        signature: str

        @property
        def subject(self) -> str:
            return f"signature:{self.key}"

        def apply(self, aggregate: Signature) -> None:
            aggregate.key = self.key
            aggregate.enter(self, "signed", key=self.key, covers=len(self.covers))

    class EntryCorrected(Record.EntryCorrected):
        """Signatures are never corrected; the class exists for the common base only."""

        TOPIC = "govledger:Signature.EntryCorrected"

    @classmethod
    def sign(
        cls, key: str, covers: list[list[str | int]], signature: str, *, actor: str, on: date
    ) -> Signature:
        return cls._create(
            cls.BatchSigned,
            id=uuid5(NAMESPACE, f"signature:{signature}"),
            key=key,
            covers=covers,
            signature=signature,
            actor=actor,
            on=on,
            reason="",
        )

    @property
    def ref(self) -> str:
        return f"signature:{self.key}"
