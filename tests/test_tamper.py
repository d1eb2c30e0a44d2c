"""What verify must catch, on a real ledger (SQLite and PostgreSQL) and on its export.

The tamperer here works on the database directly, as someone with the database's
password would: it removes govledger's guards first, then edits rows.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from ledger.application import open_ledger
from ledger.seal import Seal
from ledger.verify import main as standalone
from tests.conftest import Clerk


class Tamperer:
    """Raw SQL against the ledger's tables, for SQLite or PostgreSQL."""

    def __init__(self, db: str) -> None:
        self.db = db
        self.pg = db.startswith("postgresql://")
        if self.pg:
            self.schema = db.rpartition("schema=")[2]
            self.events = f'"{self.schema}".ledger_events'
            self.witness = f'"{self.schema}".gl_integrity'
            self.frontier = f'"{self.schema}".gl_frontier'
            self.pos = "notification_id"
        else:
            self.events, self.witness, self.frontier, self.pos = (
                "stored_events",
                "gl_integrity",
                "gl_frontier",
                "rowid",
            )

    def run(self, sql: str, params: tuple = ()) -> list:
        if self.pg:
            import psycopg

            with psycopg.connect(self.db.partition("?")[0], autocommit=True) as conn:
                cur = conn.execute(sql.replace("?", "%s"), params)
                return cur.fetchall() if cur.description else []
        with closing(sqlite3.connect(self.db)) as conn, conn:
            return conn.execute(sql, params).fetchall()

    def unguard(self) -> None:
        if self.pg:
            self.run(f"DROP TRIGGER gl_events_guard ON {self.events}")
            self.run(f"DROP TRIGGER gl_integrity_guard ON {self.witness}")
        else:
            for name in ("stored_events", "gl_integrity"):
                for verb in ("update", "delete"):
                    self.run(f"DROP TRIGGER gl_{name}_no_{verb}")

    def state(self, position: int) -> bytes:
        return bytes(
            self.run(f"SELECT state FROM {self.events} WHERE {self.pos}=?", (position,))[0][0]
        )

    def edit(self, position: int, old: bytes, new: bytes) -> None:
        state = self.state(position)
        assert old in state, (old, state)
        self.run(
            f"UPDATE {self.events} SET state=? WHERE {self.pos}=?",
            (state.replace(old, new, 1), position),
        )

    def delete(self, position: int, witness: bool = False) -> None:
        self.run(f"DELETE FROM {self.events} WHERE {self.pos}=?", (position,))
        if witness:
            self.run(f"DELETE FROM {self.witness} WHERE position=?", (position,))

    def swap(self, a: int, b: int) -> None:
        rows = {
            p: self.run(f"SELECT topic, state FROM {self.events} WHERE {self.pos}=?", (p,))[0]
            for p in (a, b)
        }
        for here, there in ((a, b), (b, a)):
            topic, state = rows[there]
            self.run(
                f"UPDATE {self.events} SET topic=?, state=? WHERE {self.pos}=?",
                (topic, bytes(state), here),
            )


def panel_ledger(db: str) -> tuple[Clerk, str]:
    """A small ledger sealed after its second meeting; returns the clerk and the digest."""
    clerk = Clerk(db)
    clerk.ok("init")
    clerk.ok("board", "add", "seb", "SEND Executive Board", "--on", "2019-01-10")
    clerk.ok("meeting", "add", "seb", "2019-06-12", "--on", "2019-05-01")
    clerk.ok("tracker", "add", "hf", "SEND actions", "--board", "seb", "--on", "2019-06-01")
    for no in ("1", "2", "3"):
        clerk.ok(
            "action",
            "add",
            "hf",
            no,
            "--issue",
            f"Issue {no}",
            "--who",
            "Anita Parkin",
            "--on",
            "2019-06-01",
        )
    clerk.ok("action", "rate", "hf#1", "red", "--on", "2019-06-12", "--reason", "Pilot stalled")
    clerk.ok("action", "rate", "hf#2", "amber", "--on", "2019-06-12", "--reason", "Started")
    sealed = clerk.ok("seal", "--note", "June board").output.split()[3]
    clerk.ok("action", "rate", "hf#3", "green", "--on", "2019-07-01", "--reason", "On track")
    clerk.ok(
        "action",
        "reassign",
        "hf#1",
        "--to",
        "Jan Parnell",
        "--on",
        "2019-07-01",
        "--reason",
        "Moved",
    )
    return clerk, sealed


def positions(clerk: Clerk) -> dict[str, int]:
    rows = json.loads(clerk.ok("log", "--format", "json", "--limit", "100").output)
    return {f"{r['event']} {r['subject']}": r["position"] for r in rows}


def verify_fails_at(clerk: Clerk, position: int | None, *extra: str) -> str:
    result = clerk("verify", *extra)
    assert result.exit_code == 1, result.output
    assert result.output.startswith("FAILED")
    if position is not None:
        assert f"position {position}:" in result.output, result.output
    return result.output


def export_fails_too(clerk: Clerk, tmp_path: Path, position: int | None, *extra: str) -> None:
    """The standalone verifier, on an export of the same ledger, agrees."""
    out = tmp_path / "export.jsonl"
    clerk.ok("export", "-o", str(out))
    assert standalone([str(out), *extra]) == 1
    result = clerk("verify", str(out), *extra)
    assert result.exit_code == 1
    if position is not None:
        assert f"position {position}:" in result.output, result.output


def test_the_events_table_refuses_update_and_delete(db):
    clerk, _ = panel_ledger(db)
    tamper = Tamperer(db)
    for sql in (
        f"UPDATE {tamper.events} SET topic='x'",
        f"DELETE FROM {tamper.events}",
        f"DELETE FROM {tamper.witness}",
    ):
        with pytest.raises(Exception, match="never updated or deleted"):
            tamper.run(sql)
    assert clerk.ok("verify").output.startswith("OK")


def test_a_ledger_that_only_grew_since_its_seal_verifies_clean(db, tmp_path):
    clerk, digest = panel_ledger(db)
    assert clerk.ok("verify").output.startswith("OK: 11 events")
    assert clerk.ok("verify", "--digest", digest).output.startswith("OK")
    out = tmp_path / "export.jsonl"
    clerk.ok("export", "-o", str(out))
    assert standalone([str(out), "--digest", digest]) == 0
    assert clerk.ok("verify", str(out), "--digest", digest).output.startswith("OK")


@pytest.mark.parametrize(
    ("old", "new", "event"),
    [
        (b"Pilot stalled", b"Pilot stallef", "RatingChanged hf#1"),
        (b'"actor":"Jo Clerk"', b'"actor":"Jo Clerc"', "RatingChanged hf#2"),
        (b"2019-06-12", b"2019-06-13", "RatingChanged hf#1"),
    ],
    ids=["payload", "actor", "date"],
)
def test_one_byte_changed_is_caught_at_its_position(db, tmp_path, old, new, event):
    clerk, digest = panel_ledger(db)
    at = positions(clerk)[event]
    tamper = Tamperer(db)
    tamper.unguard()
    tamper.edit(at, old, new)
    assert "altered" in verify_fails_at(clerk, at)
    export_fails_too(clerk, tmp_path, at, "--digest", digest)


@pytest.mark.parametrize("which", ["middle", "last"])
def test_a_deleted_event_is_caught(db, tmp_path, which):
    clerk, _ = panel_ledger(db)
    found = positions(clerk)
    at = found["ActionAdded hf#2"] if which == "middle" else max(found.values())
    tamper = Tamperer(db)
    tamper.unguard()
    tamper.delete(at)
    assert "missing" in verify_fails_at(clerk, at)
    export_fails_too(clerk, tmp_path, None)


def test_a_deleted_event_and_its_hash_are_caught_after_it(db, tmp_path):
    clerk, _ = panel_ledger(db)
    at = positions(clerk)["ActionAdded hf#2"]
    tamper = Tamperer(db)
    tamper.unguard()
    tamper.delete(at, witness=True)
    assert "missing or was added" in verify_fails_at(clerk, at + 1)
    export_fails_too(clerk, tmp_path, at + 1)


def test_an_inserted_event_is_caught(db, tmp_path):
    clerk, _ = panel_ledger(db)
    tamper = Tamperer(db)
    at = positions(clerk)["RatingChanged hf#1"]
    topic, state = tamper.run(
        f"SELECT topic, state FROM {tamper.events} WHERE {tamper.pos}=?", (at,)
    )[0]
    ident = tamper.run(f"SELECT originator_id FROM {tamper.events} WHERE {tamper.pos}=?", (at,))
    tamper.run(
        f"INSERT INTO {tamper.events} (originator_id, originator_version, topic, state) "
        "VALUES (?, ?, ?, ?)",
        (ident[0][0], 99, topic, bytes(state)),
    )
    inserted = max(positions(clerk).values())
    assert "no hash was written" in verify_fails_at(clerk, inserted)
    export_fails_too(clerk, tmp_path, inserted)


def test_two_swapped_events_are_caught_at_the_first(db, tmp_path):
    clerk, _ = panel_ledger(db)
    found = positions(clerk)
    a, b = found["ActionAdded hf#1"], found["ActionAdded hf#3"]
    tamper = Tamperer(db)
    tamper.unguard()
    tamper.swap(a, b)
    assert "altered" in verify_fails_at(clerk, a)
    export_fails_too(clerk, tmp_path, a)


def test_a_log_truncated_below_its_seal_is_caught(db, tmp_path):
    clerk, digest = panel_ledger(db)
    found = positions(clerk)
    cut = found["RatingChanged hf#2"]
    tamper = Tamperer(db)
    tamper.unguard()
    for position in sorted(found.values()):
        if position >= cut:
            tamper.delete(position, witness=True)
    assert "were removed" in verify_fails_at(clerk, None)
    assert "trusted digest covers 8" in verify_fails_at(clerk, None, "--digest", digest)
    export_fails_too(clerk, tmp_path, None, "--digest", digest)


def test_an_older_backup_restored_after_a_seal_is_caught(db, tmp_path):
    clerk = Clerk(db)
    clerk.ok("init")
    clerk.ok("board", "add", "seb", "SEND Executive Board", "--on", "2019-01-10")
    tamper = Tamperer(db)
    if tamper.pg:
        kept = tamper.run(f"SELECT size, hashes FROM {tamper.frontier}")[0]
    else:
        backup = tmp_path / "backup.db"
        with closing(sqlite3.connect(db)) as source, closing(sqlite3.connect(backup)) as copy:
            source.backup(copy)
    clerk.ok("board", "add", "hwb", "Health and Wellbeing Board", "--on", "2019-01-10")
    digest = clerk.ok("seal").output.split()[3]
    if tamper.pg:  # restoring the backup puts back exactly the rows it held
        tamper.unguard()
        tamper.run(f"DELETE FROM {tamper.events} WHERE {tamper.pos} > 1")
        tamper.run(f"DELETE FROM {tamper.witness} WHERE position > 1")
        tamper.run(f"UPDATE {tamper.frontier} SET size=?, hashes=?", (kept[0], bytes(kept[1])))
    else:
        for suffix in ("-wal", "-shm"):
            Path(db + suffix).unlink(missing_ok=True)
        shutil.copy(backup, db)
    assert clerk.ok("verify").output.startswith("OK: 1 events")
    assert "trusted digest covers 2" in verify_fails_at(clerk, None, "--digest", digest)


@pytest.mark.parametrize(
    ("size", "message"),
    [(3, "forged seal"), (500, "names 500 events, more than came before it")],
    ids=["wrong-root", "beyond-the-log"],
)
def test_a_forged_seal_is_caught(db, size, message):
    clerk, _ = panel_ledger(db)
    ledger = open_ledger(db)
    try:
        forged = Seal.record(size, "ab" * 32, "forged", actor="Mallory", on=ledger.today())
        at = ledger.store(forged, subject=forged.ref).positions[0]
    finally:
        ledger.close()
    assert message in verify_fails_at(clerk, at)


@pytest.mark.parametrize("edit", ["actor", "payload", "state", "drop", "swap"])
def test_an_export_edited_by_hand_is_caught(db, tmp_path, edit):
    clerk, digest = panel_ledger(db)
    out = tmp_path / "export.jsonl"
    clerk.ok("export", "-o", str(out))
    lines = out.read_text(encoding="utf-8").splitlines()
    record = json.loads(lines[7])
    if edit == "actor":
        record["actor"] = "Someone Else"
    elif edit == "payload":
        record["payload"]["rating"] = "green"
    elif edit == "state":
        record["stored"]["state"] = record["stored"]["state"].replace("amber", "green")
    lines[7] = json.dumps(record)
    if edit == "drop":
        del lines[7]
    if edit == "swap":
        lines[6], lines[7] = lines[7], lines[6]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert standalone([str(out), "--digest", digest]) == 1
    result = clerk("verify", str(out))
    assert result.exit_code == 1 and "FAILED: position" in result.output


def test_every_export_format_verifies_to_the_same_root(db, tmp_path):
    clerk, digest = panel_ledger(db)
    roots = set()
    for fmt in ("jsonl", "csv", "cloudevents"):
        out = tmp_path / f"export.{fmt}"
        clerk.ok("export", "--format", fmt, "-o", str(out))
        roots.add(clerk.ok("verify", str(out), "--digest", digest).output.split()[-1])
    assert len(roots) == 1
    first = json.loads((tmp_path / "export.cloudevents").read_text().splitlines()[0])
    assert {k: first[k] for k in ("specversion", "type", "subject", "sequence")} == {
        "specversion": "1.0",
        "type": "BoardRegistered",
        "subject": "seb",
        "sequence": "1",
    }
    assert first["time"] == "2019-01-10T00:00:00Z" and first["recordedtime"].endswith("Z")
    assert first["source"].startswith("govledger:")
    rows = (tmp_path / "export.csv").read_text().split("\r\n")
    assert rows[0].startswith("position,event_id,type,schema_version,subject")


def test_a_filtered_export_holds_only_its_subjects_and_dates(db):
    clerk, _ = panel_ledger(db)
    *lines, trailer = clerk.ok(
        "export", "--tracker", "hf", "--from", "2019-06-12"
    ).output.splitlines()
    told = json.loads(trailer)["trailer"]
    assert (told["count"], told["filtered"]) == (len(lines), True)
    subjects = {json.loads(line)["subject"] for line in lines}
    assert subjects == {"hf#1", "hf#2", "hf#3"}
    assert all(json.loads(line)["effective"] >= "2019-06-12" for line in lines)
    board = {
        json.loads(line)["subject"]
        for line in clerk.ok("export", "--board", "seb").output.splitlines()[:-1]
    }
    assert board == {"seb", "seb@2019-06-12", "hf", "hf#1", "hf#2", "hf#3"}


def test_the_export_schema_comes_from_the_record_model(clerk):
    schema = json.loads(clerk.ok("export", "--schema").output)
    assert schema["title"] == "ExportRecord"
    assert {"position", "leaf_hash", "tree_root", "stored"} <= set(schema["properties"])


def test_a_panel_proves_one_rating_change_is_in_the_sealed_log(db, tmp_path):
    clerk, digest = panel_ledger(db)
    proof_file = tmp_path / "proof.json"
    proof_file.write_text(clerk.ok("prove", "hf#2").output)
    proof = json.loads(proof_file.read_text())
    assert proof["record"]["type"] == "RatingChanged" and proof["record"]["subject"] == "hf#2"
    assert standalone(["--proof", str(proof_file), "--digest", digest]) == 0
    proof["proof"][0] = ("0" if proof["proof"][0][0] != "0" else "1") + proof["proof"][0][1:]
    proof_file.write_text(json.dumps(proof))
    assert standalone(["--proof", str(proof_file), "--digest", digest]) == 1
    assert "not in the sealed log" in clerk("prove", "hf#3").output


def test_the_verifier_runs_as_one_copied_file_with_only_the_standard_library(db, tmp_path):
    clerk, digest = panel_ledger(db)
    out = tmp_path / "export.jsonl"
    clerk.ok("export", "-o", str(out))
    alone = tmp_path / "auditor"
    alone.mkdir()
    shutil.copy(Path(__file__).parents[1] / "ledger" / "verify.py", alone / "verify.py")
    run = subprocess.run(
        [sys.executable, "-I", "verify.py", str(out), "--digest", digest],
        cwd=alone,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0 and run.stdout.startswith("OK: 11 events")
    bad = subprocess.run(
        [
            sys.executable,
            "-I",
            "verify.py",
            str(out),
            "--digest",
            digest[:-1] + ("0" if digest[-1] != "0" else "1"),
        ],
        cwd=alone,
        capture_output=True,
        text=True,
    )
    assert bad.returncode == 1 and "trusted digest" in bad.stdout


def test_an_export_gives_the_root_at_each_seal_and_at_the_end_and_a_forged_one_fails(db, tmp_path):
    clerk, digest = panel_ledger(db)
    sealed_size = int(digest.split(":")[0])
    out = tmp_path / "export.jsonl"
    clerk.ok("export", "-o", str(out))
    *records, trailer = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert trailer["trailer"]["tree_size"] == len(records)
    rooted = [r["tree_size"] for r in records if r["tree_root"] is not None]
    assert rooted == [sealed_size, len(records)]
    assert records[sealed_size - 1]["tree_root"] == digest.split(":")[1]
    records[-1]["tree_root"] = "ab" * 32
    out.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    assert standalone([str(out)]) == 1
    result = clerk("verify", str(out))
    assert result.exit_code == 1 and "differs from the log as sealed" in result.output
