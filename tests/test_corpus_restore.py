"""Whoever restores the unseen-minutes corpus gets the keyed bytes back by rule, or is told
the bytes differ and nothing is written (bench.corpus_restore)."""

from __future__ import annotations

import json

from bench.corpus_restore import html_to_text, main, nbsp_rule, restore

NBSP = "\u00a0"

PAGE = """---
title: Example Panel - 1 May 2012
summary:
---

<p><strong>1. Welcome </strong></p>
<p>Action 1: Sam to   circulate the paper.</p>
<ul><li>
<p>Complete. \tThe paper went out.</p>
</li>
</ul><p>Fees &amp; charges were noted.</p>
"""


def test_restorer_turns_a_jekyll_page_into_the_text_the_keys_point_into():
    assert html_to_text(PAGE) == (
        "Title: Example Panel - 1 May 2012\n\n1. Welcome\n\n"
        "Action 1: Sam to circulate the paper.\n\n• Complete. The paper went out.\n\n"
        "Fees & charges were noted.\n"
    )


def test_restorer_puts_back_the_non_breaking_spaces_the_search_tool_hides():
    shown = "Contact: Ann Lee  01234 567\n \n  • Agenda\n            The Board met.\nEmail: "
    assert nbsp_rule(shown) == (
        f"Contact: Ann Lee{NBSP} 01234 567\n{NBSP}\n  • Agenda\n"
        f"{NBSP * 11} The Board met.\nEmail:{NBSP}"
    )


def test_only_documents_keyed_with_non_breaking_spaces_get_them():
    raw = json.dumps("a  b") + "\n"
    assert restore(41, raw) == "a  b"
    assert restore(42, raw) == f"a{NBSP} b"


def test_restorer_refuses_bytes_that_differ_from_the_keyed_document_and_writes_nothing(
    tmp_path, capsys
):
    raw = tmp_path / "54.json"
    raw.write_text(json.dumps("not the keyed minutes") + "\n", encoding="utf-8")
    assert main([str(tmp_path), "54", str(raw)]) == 1
    assert "bytes differ" in capsys.readouterr().out
    assert [p.name for p in tmp_path.iterdir()] == ["54.json"]
