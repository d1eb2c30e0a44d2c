"""The recall report of issue 11: how the tracker reader's drafts are scored against answer keys
read by hand. The scorer's rules are checked on small trackers and keys written here; the last
test reads the real trackers in ../shared/data/realdocs (skipped where absent)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.tracker_recall import REALDOCS, main, score_folder

ACTIONS = (
    "Ref,Action,Owner,Due\n"
    "1.1,Fix the pavilion roof,Town Clerk,May 2025\n"
    "1.2,Renew insurance,RFO,June\n"
)


def tracker(folder: Path, text: str, rows: list[dict], **key: object) -> Path:
    """A tracker file and its answer key, as a clerk and a key author would leave them."""
    (folder / "log.csv").write_text(text, encoding="utf-8")
    answers = {"file": "log.csv", "rows": rows, **key}
    (folder / "log.answers.json").write_text(json.dumps(answers), encoding="utf-8")
    return folder


ACTION_FIELDS = {"ref": "id", "action": "action", "owner": "who", "due": "timescale"}


def test_a_tracker_read_into_the_right_fields_scores_every_row_and_field(tmp_path):
    rows = [
        {"ref": "1.1", "action": "Fix the pavilion roof", "owner": "Town Clerk", "due": "May 2025"},
        {"ref": "1.2", "action": "Renew insurance", "owner": "RFO", "due": "June"},
    ]
    [scored] = score_folder(tracker(tmp_path, ACTIONS, rows, fields=ACTION_FIELDS))
    assert (scored.rows_found, scored.rows_keyed, scored.invented) == (2, 2, 0)
    assert (
        scored.fields_right
        == scored.fields_keyed
        == {"id": 2, "action": 2, "who": 2, "timescale": 2}
    )
    assert not scored.misses and not scored.error


def test_a_word_in_the_wrong_field_is_a_miss_naming_the_row_field_and_both_values(tmp_path):
    rows = [{"ref": "1.1", "action": "Fix the pavilion roof", "owner": "Treasurer"}]
    [scored] = score_folder(tracker(tmp_path, ACTIONS, rows, fields=ACTION_FIELDS))
    assert scored.fields_right == {"id": 1, "action": 1}
    assert scored.fields_keyed == {"id": 1, "action": 1, "who": 1}
    assert "row 1 who: expected 'Treasurer', got 'Town Clerk'" in scored.misses


def test_an_item_no_key_row_answers_is_invented(tmp_path):
    rows = [{"ref": "1.1", "action": "Fix the pavilion roof"}]
    [scored] = score_folder(tracker(tmp_path, ACTIONS, rows, fields=ACTION_FIELDS))
    assert (scored.rows_found, scored.invented) == (1, 1)
    assert any(m.startswith("invented item 1.2") for m in scored.misses)


def test_rows_without_ids_are_found_by_their_words_whatever_the_order(tmp_path):
    text = "Action,Progress\nRenew insurance,Done\nFix the pavilion roof,Quotes in\n"
    rows = [
        {"action": "Fix the pavilion roof", "status": "Quotes in"},
        {"action": "Renew insurance", "status": "Done"},
    ]
    [scored] = score_folder(tracker(tmp_path, text, rows))
    assert (scored.rows_found, scored.invented) == (2, 0)
    assert scored.fields_right == {"action": 2, "update": 2}


def test_the_options_a_clerk_would_give_come_from_the_key(tmp_path):
    text = "Initiative,Champion\nMentoring,Rich Trott\nWorkers,Anna Henningsen\n"
    rows = [{"initiative": "Mentoring", "champion": "Rich Trott"}]
    fields = {"initiative": "action", "champion": "who"}
    options = {"map": {"Initiative": "action", "Champion": "who"}}
    [scored] = score_folder(tracker(tmp_path, text, rows, fields=fields, options=options))
    assert scored.fields_right == {"action": 1, "who": 1} and not scored.error


def test_a_refused_tracker_misses_every_keyed_row_and_says_why(tmp_path):
    rows = [{"ref": "R-1", "action": "Skills fade"}]
    text = "Ref,Risk\nR-1,Skills fade\n"
    fields = {"ref": "id", "action": "action"}
    options = {"key": "Risk ID"}  # a key column the file does not have
    [scored] = score_folder(tracker(tmp_path, text, rows, fields=fields, options=options))
    assert (scored.rows_found, scored.rows_keyed, scored.fields_right) == (0, 1, {})
    assert scored.fields_keyed == {"id": 1, "action": 1} and "Risk ID" in scored.error


def test_the_report_prints_a_table_and_a_verdict_per_folder(tmp_path, capsys):
    rows = [{"ref": "1.1", "action": "Fix the pavilion roof"}]
    assert main([str(tracker(tmp_path, ACTIONS, rows, fields=ACTION_FIELDS))]) == 0
    out = capsys.readouterr().out
    assert "| log " in out and "rows found" in out
    assert "1 rows INVENTED" in out and "every word in the right field" in out


def test_a_folder_without_keys_is_bad_usage(tmp_path, capsys):
    with pytest.raises(SystemExit) as stopped:
        main([str(tmp_path)])
    assert stopped.value.code == 2 and "answers.json" in capsys.readouterr().err


def test_every_row_of_the_real_trackers_is_found_and_none_invented():
    """The development set: each keyed row of each real tracker, as keyed and from its PDF,
    comes out of the reader, and the reader makes up no row of its own."""
    if not REALDOCS.is_dir():
        pytest.skip(f"the real trackers are not beside the project ({REALDOCS})")
    scored = score_folder(REALDOCS)
    assert {s.via for s in scored} >= {"csv", "txt", "pdf"}
    for s in scored:
        assert not s.error, (s.document, s.via, s.error)
        assert s.rows_found == s.rows_keyed > 0, (s.document, s.via, s.misses)
        assert s.invented == 0, (s.document, s.via, s.misses)
