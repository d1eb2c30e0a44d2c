"""Signed entries: each command's batch of events carries its recorder's signature.

When a clerk records with a key, the ledger signs the canonical bytes of every event of the
command's batch (each without its position, which is given only when stored) and stores the
signature as one more event, last in the same transaction: a batch is stored signed or not at
all. The verifier checks each signature against the keyring, and that the actor named in
every signed event is the key's owner.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any
from uuid import uuid5

from eventsourcing.application import AggregateNotFoundError, ProcessingEvent

from ledger.errors import InvalidEntry, Refused
from ledger.refs import NAMESPACE
from ledger.verify import KEY_REGISTERED, Keyring, batch_message, entry_digest, parse_vkey

if TYPE_CHECKING:
    from ledger.keys import Signer

#: ``SigningPolicy.ID``, here so that an unsigned command can check that no policy stands
#: without importing the keyring's aggregates (tests/test_topics.py checks they agree).
POLICY_ID = uuid5(NAMESPACE, "signing-policy")


class SignedBatches:
    """The ledger's signing of what it records (a mixin of ``Ledger``)."""

    signer_source: Callable[[], Signer | None] | None = None
    _signing_required = False

    def _record(self, processing_event: ProcessingEvent) -> Any:  # type: ignore[type-arg]
        signer = self.signer_source() if self.signer_source else None
        if signer is not None:
            self.sign_batch(processing_event, signer)
        elif self.signing_required():
            raise Refused(
                "this ledger requires every entry to be signed; record with your key "
                "(--key NAME or GOVLEDGER_KEY). Nothing was recorded"
            )
        return super()._record(processing_event)  # type: ignore[misc]

    def sign_batch(self, processing_event: ProcessingEvent, signer: Signer) -> None:  # type: ignore[type-arg]
        from ledger.keyring import Signature

        events = processing_event.events
        actors = {getattr(e, "actor", None) for e in events}
        owner = self.key_owner(signer)
        if actors != {owner}:
            named = ", ".join(sorted(repr(a) for a in actors if a is not None))
            raise Refused(
                f"the key {signer.name} is registered to {owner!r}, but you record as {named}; "
                f"record as {owner!r} (--as), or with your own key"
            )
        stored = [self.mapper.to_stored_event(e) for e in events]  # type: ignore[attr-defined]
        digests = [
            entry_digest(str(s.originator_id), s.originator_version, s.topic, s.state.decode())
            for s in stored
        ]
        signature = base64.b64encode(signer.sign(batch_message(digests))).decode("ascii")
        covers: list[list[str | int]] = [
            [str(s.originator_id), s.originator_version] for s in stored
        ]
        signed = Signature.sign(
            signer.name,
            covers,
            signature,
            actor=owner,
            on=self.today(),  # type: ignore[attr-defined]
        )
        processing_event.collect_events(signed)

    def key_owner(self, signer: Signer) -> str:
        """Whose the key is, as the ledger's keyring says; refuses a key it does not hold."""
        from ledger.keyring import SigningKey, key_id

        try:
            key = self.repository.get(key_id(signer.name))  # type: ignore[attr-defined]
        except AggregateNotFoundError:
            key = None
        if not isinstance(key, SigningKey) or key.vkey != signer.vkey:
            raise Refused(
                f"the key {signer.name} is not in this ledger's keyring; register it first "
                f"with govledger keys new {signer.name} (or keys add)"
            )
        return key.owner

    def signing_required(self) -> bool:
        if not self._signing_required:
            self._signing_required = POLICY_ID in self.repository  # type: ignore[attr-defined]
        return self._signing_required

    def register_key(self, vkey: str, owner: str, *, actor: str) -> Any:
        """Record a public key in the keyring, as its owner's."""
        from ledger.keyring import SigningKey

        name, _ = parse_vkey(vkey)
        if not owner.strip():
            raise InvalidEntry("say whose key it is: --owner NAME, as they record (--as)")
        key = SigningKey.register(name, owner, vkey, actor=actor, on=self.today())  # type: ignore[attr-defined]
        return self.save_new(key)  # type: ignore[attr-defined]

    def require_signing(self, *, actor: str, reason: str) -> Any:
        """From now on, refuse unsigned entries; the verifier fails any after this one."""
        from ledger.keyring import SigningPolicy

        if self.signing_required():
            raise Refused("this ledger already requires signed entries")
        if not self.keyring().keys:
            raise Refused("no key is registered yet; make one first with govledger keys new NAME")
        policy = SigningPolicy.require(actor=actor, on=self.today(), reason=reason)  # type: ignore[attr-defined]
        return self.save_new(policy)  # type: ignore[attr-defined]

    def keyring(self) -> Keyring:
        """The keys this ledger registered (not trusted: an auditor brings the published one)."""
        ring = Keyring()
        found = self.recorder.select_notifications(  # type: ignore[attr-defined]
            start=None, limit=10**9, topics=[KEY_REGISTERED]
        )
        for n in found:
            said = json.loads(n.state)
            ring.add(said["name"], said["owner"], parse_vkey(said["vkey"])[1])
        return ring
