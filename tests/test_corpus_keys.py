"""Whoever re-keys part of the unseen-minutes corpus keeps every other key, and a restored
corpus freezes back to the very keys it was thawed from (bench.corpus_keys)."""

from __future__ import annotations

import json

from bench.corpus_keys import freeze, thaw

MINUTES = "RESOLVED that the minutes be approved.\nThe Clerk to write to the owner.\n"
KEY = {
    "file": "01_parish_2020-01-01.txt",
    "organisation": "Parish Council",
    "body": "Council",
    "meeting_date": "2020-01-01",
    "decisions": [{"text": "RESOLVED that the minutes be approved.", "kind": "minutes_approved"}],
    "actions": [{"owner": "Clerk", "evidence": "The Clerk to write to the owner."}],
    "report_backs": [],
    "votes": [],
    "notes": ["first note", "second note", "third note"],
}


def keyed_folder(path):
    path.mkdir()
    (path / KEY["file"]).write_text(MINUTES, encoding="utf-8")
    (path / "01_parish_2020-01-01.answers.json").write_text(json.dumps(KEY), encoding="utf-8")
    return path


def test_a_restored_corpus_freezes_back_to_the_keys_it_was_thawed_from(tmp_path):
    frozen = freeze(keyed_folder(tmp_path / "keyed"))
    restored = tmp_path / "restored"
    restored.mkdir()
    (restored / KEY["file"]).write_text(MINUTES, encoding="utf-8")
    assert thaw(restored, frozen) == []
    assert freeze(restored) == frozen
    assert frozen["01_parish_2020-01-01.answers.json"]["notes"] == 3


def test_freezing_new_keys_keeps_the_keys_of_documents_not_fetched_again(tmp_path):
    lost = {"09_lost_2019.answers.json": {"file": "09_lost_2019.txt", "sha256": "ab"}}
    frozen = freeze(keyed_folder(tmp_path / "keyed"), kept=lost)
    assert set(frozen) == {"09_lost_2019.answers.json", "01_parish_2020-01-01.answers.json"}
    assert frozen["09_lost_2019.answers.json"] == lost["09_lost_2019.answers.json"]
