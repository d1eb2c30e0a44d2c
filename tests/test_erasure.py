"""A name recorded by mistake is erased, and every proof still holds: the seal, the checkpoint
pasted in the minutes, the witness's cosignature and the clerk's signatures. Editing the text
instead of erasing it is caught. Events written before form 2 keep verifying. SQLite and
PostgreSQL."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from eventsourcing.persistence import JSONTranscoder, Mapper

from ledger.application import Ledger
from ledger.commitments import erased
from ledger.errors import Refused
from ledger.storage import locate
from ledger.verify import committed_state
from ledger.verify import main as standalone
from tests.conftest import Clerk, event_count
from tests.test_signed_checkpoints import audit, exported, signed_ledger
from tests.test_tamper import Tamperer, panel_ledger, positions

CHILD = "Amy Jones (aged 9)"


def named_by_mistake(clerk: Clerk, *signs: str) -> int:
    """The clerk minutes a reassignment that names a child; returns its position."""
    clerk.ok(
        *signs, "action", "reassign", "hf#2", "--to", "Jan Parnell", "--on", "2019-07-02",
        "--reason", f"Complaint from the parent of {CHILD}",
    )  # fmt: skip
    return positions(clerk)["OwnerReassigned hf#2"]


def erase(db: str, position: int, *fields: str) -> None:
    """What the ledger's owner does on a data subject's request: each field's text and salt
    are replaced by its commitment, outside the ledger's rules (its guards are lifted)."""
    tamperer = Tamperer(db)
    state = tamperer.state(position).decode()
    for field in fields:
        state = erased(state, field)
    tamperer.unguard()
    tamperer.run(
        f"UPDATE {tamperer.events} SET state=? WHERE {tamperer.pos}=?",
        (state.encode(), position),
    )


def test_a_child_named_by_mistake_is_redacted_and_the_signed_witnessed_log_still_proves(
    db, keys, tmp_path, capsys
):
    jo, _, checkpoint = signed_ledger(db, tmp_path)
    at = named_by_mistake(jo, "--key", "jo.clerk")
    jo.ok("--key", "jo.clerk", "seal", "--note", "July board")
    before = exported(jo, tmp_path, "before.jsonl")
    assert CHILD in before.read_text()
    count = event_count(db)

    done = jo.ok(
        "--key", "jo.clerk", "redact", str(at), "--field", "reason",
        "--reason", "Named a child; DPO request 2026/14",
    )  # fmt: skip
    assert f"Recorded FieldRedacted for redaction:{at}/reason at position {count + 1}" in (
        done.output
    )
    assert "still hold" in done.output
    logged = json.loads(jo.ok("log", "--limit", "200", "--format", "json").output)
    assert f"the words of reason removed from position {at}, commitment kept" in [
        r["summary"] for r in logged
    ]
    for shown in (
        jo.ok("log", "--limit", "200").output,
        jo.ok("action", "history", "hf#2").output,
        exported(jo, tmp_path, "after.jsonl").read_text(),
    ):
        assert CHILD not in shown
    code, out = audit(
        tmp_path / "after.jsonl", "--checkpoint", checkpoint, "--keyring",
        tmp_path / "keyring.json", "--witnesses", "1", capsys=capsys,
    )  # fmt: skip
    assert code == 0, out
    assert f"1 field redacted, the commitment kept: position {at} (reason, by Jo Clerk)." in out
    assert "every entry after position" in out  # the signatures over it still verify
    sealed = [json.loads(line) for line in before.read_text().splitlines()][-1]["trailer"]
    code, out = audit(  # the log before the redaction is a prefix of the log after it
        tmp_path / "after.jsonl", "--digest", f"{sealed['tree_size']}:{sealed['tree_root']}",
        capsys=capsys,
    )  # fmt: skip
    assert code == 0, out
    told = json.loads(jo.ok("action", "history", "hf#2", "--format", "json").output)
    assert told[-1]["reason"] == "[erased]" and "Jan Parnell" in told[-1]["change"]


def test_a_redaction_refused_writes_nothing_and_says_why(db, keys):
    clerk, _ = panel_ledger(db)
    at = named_by_mistake(clerk)
    clerk.ok("redact", str(at), "--field", "reason", "--reason", "DPO request")
    count = event_count(db)
    for args, said in (
        ((str(at), "--field", "reason"), "already redacted"),
        ((str(at), "--field", "actor"), "'actor' is not a committed field"),
        (("9999", "--field", "reason"), "no event at position 9999"),
    ):
        refused = clerk("redact", *args, "--reason", "DPO request")
        assert refused.exit_code == 1, refused.output
        assert said in refused.output and len(refused.output.strip().splitlines()) == 1
    assert event_count(db) == count


def test_editing_a_name_instead_of_erasing_it_is_caught(db, tmp_path):
    clerk, digest = panel_ledger(db)
    at = named_by_mistake(clerk)
    Tamperer(db).unguard()
    Tamperer(db).edit(at, b"Jan Parnell", b"Jan Parnel")
    failed = clerk("verify", "--digest", digest)
    assert failed.exit_code == 1
    assert f"position {at}" in failed.output and "altered" in failed.output


def test_an_erased_owner_reads_as_erased_and_the_rest_of_the_action_stands(db, tmp_path):
    clerk, digest = panel_ledger(db)
    at = named_by_mistake(clerk)
    erase(db, at, "owners", "previous")
    told = clerk.ok("verify", "--digest", digest).output
    assert "OK" in told and "2 fields erased outside govledger" in told
    assert f"position {at} (owners); position {at} (previous)" in told
    shown = json.loads(clerk.ok("tracker", "show", "hf", "--format", "json").output)
    assert {r["no"]: r["who"] for r in shown}["2"] == ["[erased]"]
    assert "Jan Parnell" not in clerk.ok("log", "--limit", "100").output
    exported = tmp_path / "log.jsonl"
    clerk.ok("export", "-o", str(exported))
    assert standalone([str(exported), "--digest", digest]) == 0


def test_a_field_that_is_not_free_text_cannot_be_erased(ledger):
    clerk_state = json.dumps({"rating": "red", "_salts_": {"reason": "00" * 16}, "reason": "x"})
    with pytest.raises(Refused, match="'rating' is not a committed field"):
        erased(clerk_state, "rating")


def test_salts_that_do_not_name_the_fields_are_hashed_as_written_so_they_fail():
    assert committed_state('{"reason":"x","_salts_":{"owner":"00"}}') is None
    assert committed_state('{"reason":"x","_salts_":{"reason":7}}') is None
    assert committed_state('{"reason":"x","_salts_":"no"}') is None
    assert committed_state('{"text":"a \\"_salts_\\": b"}') is None


class FormOneLedger(Ledger):
    """The ledger as it wrote events before form 2: the library's plain mapper."""

    name = "Ledger"  # the same tables

    def construct_mapper(self) -> Mapper:  # type: ignore[type-arg]
        transcoder = JSONTranscoder()
        self.register_transcodings(transcoder)
        return Mapper(transcoder=transcoder)


def test_a_ledger_begun_before_form_2_verifies_across_both_forms(db, tmp_path):
    clerk, digest = panel_ledger(db)
    older = FormOneLedger(env=locate(db).settings)
    older.rate_action("hf#3", "amber", actor="Jo Clerk", reason="Slipped at the July board")
    older.close()
    named_by_mistake(clerk)
    stored = Tamperer(db).run(f"SELECT state FROM {Tamperer(db).events}")
    forms = {b'"_salts_":' in bytes(s) for (s,) in stored}
    assert forms == {True, False}
    assert "OK" in clerk.ok("verify", "--digest", digest).output
    exported_log = Path(tmp_path / "log.jsonl")
    clerk.ok("export", "-o", str(exported_log))
    assert standalone([str(exported_log), "--digest", digest]) == 0


def test_the_ledger_redacts_an_address_on_sqlite_and_postgres_and_the_log_still_verifies(
    ledger, db
):
    from ledger.owners import record_owner_email
    from projections.reminders import addresses
    from projections.verification import verify_ledger

    done = record_owner_email(
        ledger, "Anita Parkin", "anita.parkin@council.gov.uk", actor="Jo Clerk", on=None, reason=""
    )
    [at] = done.positions
    redacted = ledger.redact(at, "address", actor="Jo Clerk", reason="DPO request 2026/14")
    assert redacted.events == ["FieldRedacted"] and redacted.subject == f"redaction:{at}/address"
    assert addresses(ledger)["anita parkin"].address == "[erased]"
    assert b"anita.parkin" not in bytes(ledger.notification_at(at).state)
    assert verify_ledger(ledger).ok
    count = event_count(db)
    with pytest.raises(Refused, match="already redacted"):
        ledger.redact(at, "address", actor="Jo Clerk", reason="Again")
    assert event_count(db) == count
