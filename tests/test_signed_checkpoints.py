"""An auditor proves, with the standalone verifier, a keyring and a checkpoint pasted in the
minutes, that the log is complete and unaltered up to that checkpoint and who recorded each
entry; and every forgery of the tamper matrix fails with one named line. SQLite and
PostgreSQL."""

from __future__ import annotations

import base64
import json
import stat
from datetime import date
from pathlib import Path

import pytest

from ledger.application import open_ledger
from ledger.keyring import Signature, SigningKey
from ledger.keys import key_folder, load_signer, new_key
from ledger.meeting import Meeting
from ledger.verify import (
    Frontier,
    batch_message,
    canonical,
    entry_digest,
    leaf_hash,
    parse_digest,
)
from ledger.verify import main as standalone
from ledger.witness import signed_checkpoint
from tests.conftest import Clerk
from tests.test_tamper import Tamperer, panel_ledger


def signed_ledger(db: str, tmp_path: Path) -> tuple[Clerk, Clerk, Path]:
    """Jo Clerk signs everything from the start; the Monitoring Officer witnesses.
    Returns both and the checkpoint file pasted in the minutes after the June board."""
    jo, mo = Clerk(db), Clerk(db, "Mo Officer")
    jo.ok("init")
    jo.ok("keys", "new", "jo.clerk")
    mo.ok("keys", "new", "mo.witness")
    jo.ok("keys", "require-signing", "--reason", "Board decision 12/2026")
    signs = ("--key", "jo.clerk")
    jo.ok(*signs, "board", "add", "seb", "SEND Executive Board", "--on", "2019-01-10")
    jo.ok(*signs, "meeting", "add", "seb", "2019-06-12", "--on", "2019-05-01")
    jo.ok(*signs, "tracker", "add", "hf", "SEND actions", "--board", "seb", "--on", "2019-06-01")
    for no in ("1", "2"):
        jo.ok(*signs, "action", "add", "hf", no, "--issue", f"Issue {no}", "--on", "2019-06-01")
    jo.ok(*signs, "action", "rate", "hf#1", "red", "--on", "2019-06-12", "--reason", "Stalled")
    checkpoint = tmp_path / "checkpoint.txt"
    checkpoint.write_text(jo.ok(*signs, "seal", "--note", "June board").stdout)
    cosigned = mo.ok("witness", "cosign", str(checkpoint), "--key", "mo.witness").stdout
    checkpoint.write_text(cosigned)
    jo.ok(*signs, "action", "rate", "hf#2", "green", "--on", "2019-07-01", "--reason", "Done")
    jo.ok("keys", "export", "-o", str(tmp_path / "keyring.json"))
    return jo, mo, checkpoint


def exported(clerk: Clerk, tmp_path: Path, name: str = "log.jsonl") -> Path:
    out = tmp_path / name
    clerk.ok("export", "-o", str(out))
    return out


def audit(*args: object, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = standalone([str(a) for a in args])
    return code, capsys.readouterr().out


def test_auditor_proves_the_export_against_the_checkpoint_in_the_minutes(
    db, keys, tmp_path, capsys
):
    jo, _, checkpoint = signed_ledger(db, tmp_path)
    export = exported(jo, tmp_path)
    code, said = audit(
        export, "--checkpoint", checkpoint, "--keyring", tmp_path / "keyring.json",
        "--witnesses", "1", capsys=capsys,
    )  # fmt: skip
    assert code == 0, said
    assert "extends the checkpoint of" in said and "signed by jo.clerk" in said
    assert "witnessed by mo.witness" in said
    assert "every entry after position" in said and "self" not in said
    assert jo.ok("verify", "--checkpoint", str(checkpoint)).output.startswith("OK:")


def test_checkpoint_reads_as_c2sp_lines_to_paste_in_the_minutes(db, keys, tmp_path):
    jo, _, checkpoint = signed_ledger(db, tmp_path)
    origin, size, root, blank, officer, witness = checkpoint.read_text().splitlines()
    assert origin.startswith("govledger/") and int(size) > 0 and len(root) == 44
    assert blank == "" and officer.startswith("— jo.clerk ") and witness.startswith("— mo.witness ")
    assert jo.ok("checkpoint").stdout == checkpoint.read_text()


def test_without_a_checkpoint_an_ok_says_it_proves_self_consistency_only(
    db, keys, tmp_path, capsys
):
    jo, _, _ = signed_ledger(db, tmp_path)
    code, said = audit(exported(jo, tmp_path), capsys=capsys)
    assert code == 0 and "agrees with itself" in said and "--checkpoint" in said


def forge(export: Path, position: int, old: str, new: str) -> Path:
    """What a forger with verify.py's own functions does: change one event, then recompute
    every leaf hash, root and the trailer so the file agrees with itself again."""
    *records, trailer = [json.loads(line) for line in export.read_text().splitlines()]
    frontier = Frontier()
    for record in records:
        if record["position"] == position:
            assert old in record["stored"]["state"]
            record["stored"]["state"] = record["stored"]["state"].replace(old, new)
            record["payload"] = json.loads(json.dumps(record["payload"]).replace(old, new))
        stored = record["stored"]
        leaf = leaf_hash(
            canonical(
                record["position"],
                record["aggregate_id"],
                record["aggregate_version"],
                stored["topic"],
                stored["state"],
            )
        )
        record["leaf_hash"] = leaf.hex()
        frontier.append(leaf)
        if record["tree_root"] is not None:
            record["tree_root"] = frontier.root().hex()
    trailer["trailer"]["tree_root"] = frontier.root().hex()
    forged = export.with_name("forged.jsonl")
    forged.write_text("".join(json.dumps(r) + "\n" for r in [*records, trailer]))
    return forged


def red_rating(export: Path) -> int:
    return next(
        json.loads(line)["position"]
        for line in export.read_text().splitlines()
        if '"RatingChanged"' in line and '"red"' in line
    )


def sealed_unsigned(db: str, tmp_path: Path) -> tuple[Clerk, Path]:
    """The panel's ledger with unsigned entries and a plain seal after the June board; the
    sealing officer signs that seal's size and root as the checkpoint for the minutes."""
    clerk, digest = panel_ledger(db)
    clerk.ok("keys", "new", "jo.clerk")
    clerk.ok("keys", "export", "-o", str(tmp_path / "keyring.json"))
    size, root = parse_digest(digest)
    ledger = open_ledger(db)
    try:
        origin = ledger.origin()
    finally:
        ledger.close()
    checkpoint = tmp_path / "checkpoint.txt"
    checkpoint.write_text(
        signed_checkpoint(origin, size, root, load_signer("jo.clerk", key_folder()))
    )
    return clerk, checkpoint


def test_a_forged_export_with_recomputed_hashes_fails_against_its_own_seal(
    db, keys, tmp_path, capsys
):
    clerk, _ = sealed_unsigned(db, tmp_path)
    export = exported(clerk, tmp_path)
    forged = forge(export, red_rating(export), '"red"', '"green"')
    code, said = audit(forged, capsys=capsys)
    assert code == 1 and "this seal of the first" in said and "does not match them" in said


def test_a_forged_export_fails_against_the_checkpoint_even_with_its_seal_rewritten(
    db, keys, tmp_path, capsys
):
    clerk, checkpoint = sealed_unsigned(db, tmp_path)
    export = exported(clerk, tmp_path)
    seal = next(json.loads(line) for line in export.read_text().splitlines() if "LogSealed" in line)
    forged = forge(export, red_rating(export), '"red"', '"green"')
    records = [json.loads(line) for line in forged.read_text().splitlines()]
    frontier = Frontier()
    for record in records[: seal["payload"]["size"]]:
        frontier.append(bytes.fromhex(record["leaf_hash"]))
    forged = forge(forged, seal["position"], seal["payload"]["root"], frontier.root().hex())
    code, said = audit(forged, capsys=capsys)
    assert code == 0, said  # it agrees with itself now; only the minutes can tell
    code, said = audit(forged, "--checkpoint", checkpoint, "--keyring",
                       tmp_path / "keyring.json", capsys=capsys)  # fmt: skip
    assert code == 1
    size = seal["payload"]["size"]
    assert said.strip().endswith(
        f"the first {size} events do not match the checkpoint of {size} events (altered)"
    )


def test_a_signed_entry_altered_with_recomputed_hashes_fails_its_signature(
    db, keys, tmp_path, capsys
):
    jo, _, _ = signed_ledger(db, tmp_path)
    export = exported(jo, tmp_path)
    forged = forge(export, red_rating(export), '"red"', '"green"')
    code, said = audit(forged, capsys=capsys)
    assert code == 1 and "the signature by jo.clerk does not match the events at positions" in said


def test_a_checkpoint_signed_by_a_key_not_in_the_keyring_fails(db, keys, tmp_path, capsys):
    jo, _, checkpoint = signed_ledger(db, tmp_path)
    stranger = new_key("stranger", tmp_path / "elsewhere")
    from ledger.verify import parse_checkpoint

    real = parse_checkpoint(checkpoint.read_text())
    fake = tmp_path / "fake.txt"
    fake.write_text(signed_checkpoint(real.origin, real.size, real.root, stranger))
    code, said = audit(exported(jo, tmp_path), "--checkpoint", fake, "--keyring",
                       tmp_path / "keyring.json", capsys=capsys)  # fmt: skip
    assert code == 1
    assert (
        said.strip()
        == "FAILED: the checkpoint is signed by stranger: no key in the keyring signed it"
    )


def test_the_checkpoint_needs_as_many_witnesses_as_the_auditor_asks(db, keys, tmp_path, capsys):
    jo, _, checkpoint = signed_ledger(db, tmp_path)
    code, said = audit(exported(jo, tmp_path), "--checkpoint", checkpoint, "--keyring",
                       tmp_path / "keyring.json", "--witnesses", "2", capsys=capsys)  # fmt: skip
    assert code == 1 and "1 witness cosignatures (mo.witness); 2 required" in said


def append_forged(
    db: str, actor: str, signer_name: str | None, folder: Path, *made: object
) -> None:
    """Someone who can write the database appends entries without govledger's rules:
    straight into the event store, signed with ``signer_name``'s key or not at all. By
    default the entry is a meeting; ``made`` gives other aggregates instead."""
    ledger = open_ledger(db)
    try:
        made = made or (
            Meeting.schedule(
                "seb", date(2019, 9, 9), "", actor=actor, on=ledger.today(), reason=""
            ),
        )
        events = [e for aggregate in made for e in aggregate.collect_events()]
        if signer_name is not None:
            signer = load_signer(signer_name, folder)
            stored = [ledger.mapper.to_stored_event(e) for e in events]
            message = batch_message(
                entry_digest(str(s.originator_id), s.originator_version, s.topic, s.state.decode())
                for s in stored
            )
            signature = Signature.sign(
                signer.name,
                [[str(s.originator_id), s.originator_version] for s in stored],
                base64.b64encode(signer.sign(message)).decode(),
                actor=actor,
                on=ledger.today(),
            )
            events += list(signature.collect_events())
        ledger.events.put(events)
    finally:
        ledger.close()


def test_an_unsigned_entry_appended_behind_govledgers_back_fails_without_a_checkpoint(
    db, keys, tmp_path, capsys
):
    jo, _, _ = signed_ledger(db, tmp_path)
    append_forged(db, "Jo Clerk", None, keys)
    code, said = audit(exported(jo, tmp_path), "--keyring", tmp_path / "keyring.json",
                       capsys=capsys)  # fmt: skip
    assert code == 1 and "this entry is not signed, but the keyring requires" in said
    assert "not signed" in jo("verify").output


def test_an_entry_signed_by_another_clerks_key_fails(db, keys, tmp_path, capsys):
    jo, _, _ = signed_ledger(db, tmp_path)
    append_forged(db, "Jo Clerk", "mo.witness", keys)  # Mo signs an entry made to look like Jo's
    code, said = audit(exported(jo, tmp_path), "--keyring", tmp_path / "keyring.json",
                       capsys=capsys)  # fmt: skip
    assert code == 1
    assert "names 'Jo Clerk' as recording it, but is signed with mo.witness" in said


def test_a_key_the_forger_registered_in_the_log_is_not_in_the_published_keyring(
    db, keys, tmp_path, capsys
):
    jo, _, _ = signed_ledger(db, tmp_path)
    mallory = new_key("mallory", keys)
    key = SigningKey.register(
        "mallory", "Jo Clerk", mallory.vkey, actor="Jo Clerk", on=date.today()
    )
    append_forged(db, "Jo Clerk", "mallory", keys, key)  # registers it, signed with itself
    append_forged(db, "Jo Clerk", "mallory", keys)
    export = exported(jo, tmp_path)
    code, said = audit(export, capsys=capsys)
    assert code == 0 and "checked against the keys the log itself registered" in said
    code, said = audit(export, "--keyring", tmp_path / "keyring.json", capsys=capsys)
    assert code == 1 and "signed with the key mallory, which is not in the keyring" in said


def test_clerk_cannot_sign_as_someone_else(db, keys, tmp_path):
    jo, _, _ = signed_ledger(db, tmp_path)
    before = jo.ok("log", "--format", "json").stdout
    result = Clerk(db, "Sam Clerk")("--key", "jo.clerk", "meeting", "add", "seb", "2019-10-01")
    assert result.exit_code == 1
    assert "registered to 'Jo Clerk', but you record as 'Sam Clerk'" in result.output
    assert jo.ok("log", "--format", "json").stdout == before


def test_unsigned_recording_is_refused_once_signing_is_required(db, keys, tmp_path):
    jo, _, _ = signed_ledger(db, tmp_path)
    result = jo("meeting", "add", "seb", "2019-10-01")
    assert result.exit_code == 1 and "requires every entry to be signed" in result.output


def test_witness_refuses_a_replayed_old_checkpoint(db, keys, tmp_path):
    jo, mo, first = signed_ledger(db, tmp_path)
    later = tmp_path / "later.txt"
    later.write_text(jo.ok("--key", "jo.clerk", "seal", "--note", "July").stdout)
    mo.ok("witness", "cosign", str(later), "--key", "mo.witness")
    replayed = mo("witness", "cosign", str(first), "--key", "mo.witness")
    assert replayed.exit_code == 1
    assert "older than the one you last cosigned" in replayed.output


def test_witness_refuses_to_cosign_a_log_rewritten_since(keys, tmp_path):
    db = str(tmp_path / "ledger.db")  # the rewrite is raw SQLite; PostgreSQL's is in test_tamper
    jo, mo, _ = signed_ledger(db, tmp_path)
    tamper = Tamperer(db)
    tamper.unguard()
    # rewrite event 2's leaf and rebuild the frontier over the rewritten leaves, so that a
    # new seal is signed over a tree that does not extend the one the witness cosigned
    tamper.run("UPDATE gl_integrity SET leaf=? WHERE leaf_index=1", (b"\x07" * 32,))
    frontier = Frontier()
    for (leaf,) in tamper.run("SELECT leaf FROM gl_integrity ORDER BY leaf_index"):
        frontier.append(bytes(leaf))
    tamper.run("UPDATE gl_frontier SET size=?, hashes=?",
               (frontier.size, b"".join(frontier.hashes)))  # fmt: skip
    rewritten = tmp_path / "rewritten.txt"
    rewritten.write_text(jo.ok("--key", "jo.clerk", "seal", "--note", "After").stdout)
    refused = mo("witness", "cosign", str(rewritten), "--key", "mo.witness")
    assert refused.exit_code == 1 and "the log was rewritten since you cosigned" in refused.output


def test_a_cut_off_export_is_reported_incomplete(db, keys, tmp_path, capsys):
    jo, _, _ = signed_ledger(db, tmp_path)
    export = exported(jo, tmp_path)
    cut = tmp_path / "cut.jsonl"
    cut.write_text("".join(export.read_text().splitlines(keepends=True)[:-3]))
    code, said = audit(cut, capsys=capsys)
    assert code == 1 and "the export is incomplete" in said


def test_proof_names_the_event_it_proves(db, keys, tmp_path, capsys):
    jo, _, _ = signed_ledger(db, tmp_path)
    proof = tmp_path / "proof.json"
    proof.write_text(jo.ok("prove", "hf#1").stdout)
    code, said = audit("--proof", proof, capsys=capsys)
    assert code == 0 and "(hf#1, RatingChanged, recorded by 'Jo Clerk'" in said


def test_private_key_is_readable_by_its_owner_only_and_passphrase_protected(
    db, keys, tmp_path, monkeypatch
):
    clerk = Clerk(db)
    clerk.ok("init")
    monkeypatch.setenv("GOVLEDGER_KEY_PASSPHRASE", "correct horse")
    clerk.ok("keys", "new", "jo.clerk", "--passphrase")
    private = key_folder() / "jo.clerk.key"
    assert stat.S_IMODE(private.stat().st_mode) == 0o600
    assert b"ENCRYPTED PRIVATE KEY" in private.read_bytes()
    monkeypatch.setenv("GOVLEDGER_KEY_PASSPHRASE", "wrong")
    result = clerk("--key", "jo.clerk", "board", "add", "seb", "SEND board")
    assert result.exit_code == 1 and "wrong passphrase" in result.output
    assert "correct horse" not in result.output
    monkeypatch.setenv("GOVLEDGER_KEY_PASSPHRASE", "correct horse")
    assert (
        ", signed (signature at"
        in clerk.ok("--key", "jo.clerk", "board", "add", "seb", "SEND").output
    )


def test_a_second_key_of_the_same_name_is_refused(db, keys):
    clerk = Clerk(db)
    clerk.ok("init")
    clerk.ok("keys", "new", "jo.clerk")
    again = clerk("keys", "new", "jo.clerk")
    assert again.exit_code == 1 and "already exists" in again.output


def test_log_and_action_history_say_which_key_signed_each_entry(db, keys, tmp_path):
    jo, _, _ = signed_ledger(db, tmp_path)
    log = json.loads(jo.ok("log", "--limit", "100", "--format", "json").stdout)
    said = {row["event"]: row["signed"] for row in log}
    assert said["RatingChanged"] == "signed by jo.clerk"
    assert said["KeyRegistered"] == "unsigned"  # recorded before signing was required
    assert said["BatchSigned"] == "(signature)"
    assert said["CheckpointCosigned"] == "signed by mo.witness"  # signing is required
    history = json.loads(jo.ok("action", "history", "hf#1", "--format", "json").stdout)
    assert {row["signed"] for row in history} == {"signed by jo.clerk"}


def test_auditor_given_a_file_that_is_no_keyring_is_told_so_in_one_line(db, keys, tmp_path):
    clerk = Clerk(db)
    clerk.ok("init")
    clerk.ok("board", "add", "seb", "SEND board")
    wrong = tmp_path / "minutes.txt"
    wrong.write_text("Minutes of the board\n")
    result = clerk("verify", "--keyring", str(wrong))
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        f"Error: Invalid value for --keyring: {wrong} is not a keyring (govledger keys export "
        "writes one). See 'cli verify --help'."
    ]
