"""The recall report of issue 11: how the tracker reader's drafts are scored against answer keys
read by hand. The scorer's rules are checked on small trackers and keys written here; the last
test reads the real trackers in ../shared/data/realdocs (skipped where absent)."""

from __future__ import annotations

import json
from collections import Counter
from datetime import datetime
from pathlib import Path

import pytest

from bench.tracker_changes import true_changes
from bench.tracker_recall import REALDOCS, main, score_folder
from bench.tracker_reimport import reimport, reimports, verdict
from bench.tracker_renderings import renderings

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


def as_written(folder: Path) -> list:
    """The scores of the file as the clerk keyed it (not its renderings)."""
    return [s for s in score_folder(folder) if "rendered" not in s.via]


ACTION_FIELDS = {"ref": "id", "action": "action", "owner": "who", "due": "timescale"}


def test_a_tracker_read_into_the_right_fields_scores_every_row_and_field(tmp_path):
    rows = [
        {"ref": "1.1", "action": "Fix the pavilion roof", "owner": "Town Clerk", "due": "May 2025"},
        {"ref": "1.2", "action": "Renew insurance", "owner": "RFO", "due": "June"},
    ]
    [scored] = as_written(tracker(tmp_path, ACTIONS, rows, fields=ACTION_FIELDS))
    assert (scored.rows_found, scored.rows_keyed, scored.invented) == (2, 2, 0)
    assert (
        scored.fields_right
        == scored.fields_keyed
        == {"id": 2, "action": 2, "who": 2, "timescale": 2}
    )
    assert not scored.misses and not scored.error


def test_a_word_in_the_wrong_field_is_a_miss_naming_the_row_field_and_both_values(tmp_path):
    rows = [{"ref": "1.1", "action": "Fix the pavilion roof", "owner": "Treasurer"}]
    [scored] = as_written(tracker(tmp_path, ACTIONS, rows, fields=ACTION_FIELDS))
    assert scored.fields_right == {"id": 1, "action": 1}
    assert scored.fields_keyed == {"id": 1, "action": 1, "who": 1}
    assert "row 1 who: expected 'Treasurer', got 'Town Clerk'" in scored.misses


def test_an_item_no_key_row_answers_is_invented(tmp_path):
    rows = [{"ref": "1.1", "action": "Fix the pavilion roof"}]
    [scored] = as_written(tracker(tmp_path, ACTIONS, rows, fields=ACTION_FIELDS))
    assert (scored.rows_found, scored.invented) == (1, 1)
    assert any(m.startswith("invented item 1.2") for m in scored.misses)


def test_rows_without_ids_are_found_by_their_words_whatever_the_order(tmp_path):
    text = "Action,Progress\nRenew insurance,Done\nFix the pavilion roof,Quotes in\n"
    rows = [
        {"action": "Fix the pavilion roof", "status": "Quotes in"},
        {"action": "Renew insurance", "status": "Done"},
    ]
    [scored] = as_written(tracker(tmp_path, text, rows))
    assert (scored.rows_found, scored.invented) == (2, 0)
    assert scored.fields_right == {"action": 2, "update": 2}


def test_the_options_a_clerk_would_give_come_from_the_key(tmp_path):
    text = "Initiative,Champion\nMentoring,Rich Trott\nWorkers,Anna Henningsen\n"
    rows = [{"initiative": "Mentoring", "champion": "Rich Trott"}]
    fields = {"initiative": "action", "champion": "who"}
    options = {"map": {"Initiative": "action", "Champion": "who"}}
    [scored] = as_written(tracker(tmp_path, text, rows, fields=fields, options=options))
    assert scored.fields_right == {"action": 1, "who": 1} and not scored.error


def test_a_refused_tracker_misses_every_keyed_row_and_says_why(tmp_path):
    rows = [{"ref": "R-1", "action": "Skills fade"}]
    text = "Ref,Risk\nR-1,Skills fade\n"
    fields = {"ref": "id", "action": "action"}
    options = {"key": "Risk ID"}  # a key column the file does not have
    [scored] = as_written(tracker(tmp_path, text, rows, fields=fields, options=options))
    assert (scored.rows_found, scored.rows_keyed, scored.fields_right) == (0, 1, {})
    assert scored.fields_keyed == {"id": 1, "action": 1} and "Risk ID" in scored.error


def test_the_report_prints_a_table_and_a_verdict_per_folder(tmp_path, capsys):
    rows = [{"ref": "1.1", "action": "Fix the pavilion roof"}]
    assert main([str(tracker(tmp_path, ACTIONS, rows, fields=ACTION_FIELDS))]) == 0
    out = capsys.readouterr().out
    assert "| log " in out and "rows found" in out
    assert "rows INVENTED" in out and "every word in the right field" in out
    assert "RENDERINGS of real trackers" in out and "No two versions keyed." in out


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


# -- the next version: true changes from the keys, and what a re-import records ---------------

LOG_FIELDS = {
    "ref": "id",
    "action": "action",
    "owner": "who",
    "due": "timescale",
    "rag": "rating",
    "update": "update",
}
LOG_HEADER = "Ref,Action,Owner,Due,RAG,Update\n"


def row(ref: str, action: str, owner: str = "", due: str = "", rag: str = "", update: str = ""):
    return {"ref": ref, "action": action, "owner": owner, "due": due, "rag": rag, "update": update}


def version(folder: Path, name: str, rows: list[dict], fields: dict = LOG_FIELDS) -> tuple:
    """A tracker file written from its key rows, and the key: as two versions would be."""
    names = {"ref": "Ref", "action": "Action", "owner": "Owner", "due": "Due", "rag": "RAG"}
    names["update"] = "Update"
    lines = [",".join(names[k] for k in LOG_FIELDS)]
    lines += [",".join(r.get(k, "") for k in LOG_FIELDS) for r in rows]
    path = folder / f"{name}.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path, {"file": path.name, "rows": rows, "fields": fields}


def test_a_rating_changed_between_versions_is_one_change_and_recorded_once(tmp_path):
    first = version(tmp_path, "v1", [row("1.1", "Fix the roof", "Clerk", "May", "Red")])
    later = [row("1.1", "Fix the roof", "Clerk", "May", "Amber"), row("1.2", "Renew insurance")]
    second = version(tmp_path, "v2", later)
    truth = true_changes(first[1], second[1])
    assert truth.changes == Counter({("rating", "a1 1.1"): 1, ("new", "b2 1.2"): 1})
    done = reimport("v1->v2", "csv", (first[0], second[0]), (first[1], second[1]))
    assert not done.error and done.recorded == done.true and not done.extra
    assert done.again == 0


def test_a_blank_cell_in_the_next_version_erases_nothing_and_is_no_change(tmp_path):
    first = version(tmp_path, "v1", [row("1.1", "Fix the roof", "Clerk", "May", "", "Quotes")])
    second = version(tmp_path, "v2", [row("1.1", "Fix the roof", "", "June", "", "")])
    truth = true_changes(first[1], second[1])
    assert truth.changes == Counter({("due", "a1 1.1"): 1})
    assert sorted(truth.blanks) == [("owner", "a1 1.1"), ("update", "a1 1.1")]
    done = reimport("v1->v2", "csv", (first[0], second[0]), (first[1], second[1]))
    assert done.recorded == Counter({("due", "a1 1.1"): 1}) and not done.missed


def test_a_question_mark_for_nobody_is_an_owner_not_a_blank(tmp_path):
    first = version(tmp_path, "v1", [row("1.1", "Fix the roof", "Clerk")])
    second = version(tmp_path, "v2", [row("1.1", "Fix the roof", "?")])
    assert true_changes(first[1], second[1]).changes == Counter({("owner", "a1 1.1"): 1})


def test_items_without_ids_are_matched_by_their_words_or_a_rename_the_key_names(tmp_path):
    fields = {"action": "action", "owner": "who"}
    before = [("TSC Governance", "Myles"), ("Renew the insurance policy", "RFO")]
    after = [
        ("Renew the insurance policy now", "Clerk"),
        ("Governance", "Myles"),
        ("Open the library", "Head"),
    ]
    earlier = {"rows": [{"action": a, "owner": o} for a, o in before], "fields": fields}
    later = {"rows": [{"action": a, "owner": o} for a, o in after], "fields": fields}
    later["changes_vs_v1"] = {"renamed": {"TSC Governance -> Governance": {}}}
    truth = true_changes(earlier, later)
    assert truth.matched == {0: 1, 1: 0}
    assert truth.changes == Counter(
        {("owner", "a2 Renew the insurance policy"): 1, ("new", "b3 Open the library"): 1}
    )
    assert truth.text == {"a1 TSC Governance", "a2 Renew the insurance policy"}


def test_a_change_to_a_field_the_keys_do_not_hold_is_not_counted_right_or_wrong(tmp_path):
    unheld = {k: v for k, v in LOG_FIELDS.items() if k != "due"}
    first = version(tmp_path, "v1", [row("1.1", "Fix the roof", "Clerk", "May")], unheld)
    second = version(tmp_path, "v2", [row("1.1", "Fix the roof", "Clerk", "June")], unheld)
    done = reimport("v1->v2", "csv", (first[0], second[0]), (first[1], second[1]))
    assert not done.true and not done.extra and not done.missed
    assert done.untold == Counter({("due", "a1 1.1"): 1})
    assert "the keys hold no due" in verdict(done)


# -- renderings: the same real tracker as a spreadsheet and a PDF -------------------------------

DATED = (
    "Reference,Recommendation,Date,Lead Officer,Status\n"
    "SR 01,Publish the audit plan,01/02/26,DM,Complete\n"
    "SR 02,Review the risk register,15/03/26,SS,Ongoing\n"
)


def test_a_collected_csv_is_also_scored_as_a_rendered_spreadsheet_and_pdf(tmp_path):
    from openpyxl import load_workbook

    rows = [
        {"ref": "SR 01", "rec": "Publish the audit plan", "date": "01/02/26", "lead": "DM"},
        {"ref": "SR 02", "rec": "Review the risk register", "date": "15/03/26", "lead": "SS"},
    ]
    fields = {"ref": "id", "rec": "action", "date": "extra:Date", "lead": "who"}
    tracker(tmp_path, DATED, rows, fields=fields, tracker="Scrutiny tracker")
    scored = {s.via: s for s in score_folder(tmp_path)}
    assert set(scored) == {"csv", "xlsx (rendered)", "pdf (rendered)"}
    for s in scored.values():
        assert s.rows_found == 2 and s.fields_right == s.fields_keyed, (s.via, s.misses)
    sheet = tmp_path / "made"
    sheet.mkdir()
    answers = json.loads((tmp_path / "log.answers.json").read_text())
    [(_, xlsx, key), _] = renderings(tmp_path / "log.csv", answers, sheet)
    cells = list(load_workbook(xlsx).active.iter_rows(values_only=True))
    assert cells[0][0] == "Scrutiny tracker" and cells[1][0] == "Reference"
    assert cells[2][2] == datetime(2026, 2, 1) and key["rows"][0]["date"] == "2026-02-01"


def test_the_real_trackers_next_versions_record_exactly_what_changed():
    """Each pair of versions in the development set, imported one after the other: the
    second import records the changes the two keys show, no more, and nothing again."""
    if not REALDOCS.is_dir():
        pytest.skip(f"the real trackers are not beside the project ({REALDOCS})")
    done = reimports(REALDOCS)
    assert {d.pair for d in done} >= {"T1a->T1b", "T3a->T3b"}
    for d in done:
        assert not d.error and d.true, (d.pair, d.via, d.error)
        assert not d.missed and not d.extra and d.again == 0, (d.pair, d.via, verdict(d))
