"""A panel member at a terminal reads the tracker one line per action; piped, or with
--wide, it keeps the seed's layout."""

from __future__ import annotations

import re

import pytest

from commands.compact_tracker import compact, shorten
from tests.test_panel import set_up

LONG_ISSUE = (
    "Two-year checks are not shared between health visitors and early years settings, "
    "so children's needs are identified late"
)


def long_tracker(clerk) -> None:
    set_up(clerk)
    clerk.ok(
        "action", "add", "wsoa", "4", "--issue", LONG_ISSUE,
        "--who", "Priya Shah, Head of Health Visiting", "--timescale", "end of Q4 2025/26",
    )  # fmt: skip
    clerk.ok("action", "add-line", "wsoa#4", "--la", "Share outcomes", "--who", "Tom Reed")
    clerk.ok("action", "rate", "wsoa#4", "red", "--reason", "Pilot stalled")


@pytest.mark.parametrize("width", [120, 80, 60])
def test_panel_sees_one_line_per_action_that_fits_the_terminal(clerk, width):
    long_tracker(clerk)
    shown = clerk.runner.invoke(
        clerk_cli(), [*clerk_args(clerk), "tracker", "show", "wsoa", "--compact"],
        env={"COLUMNS": str(width)},
    ).output.splitlines()  # fmt: skip
    assert shown[0].split() == ["no", "rating", "owner", "timescale", "issue"]
    actions = shown[2:-1]
    assert [line.split()[0] for line in actions] == ["1", "2", "3", "4"]
    assert all(len(line) <= width for line in shown)
    four = actions[3]
    assert four.split()[1] == "red" and "Priya Shah" in four and "Head of" not in four
    assert shown[-1] == "4 actions; --wide shows every column."


def test_panel_never_sees_a_word_broken_in_the_compact_view(clerk):
    long_tracker(clerk)
    out = clerk.ok("tracker", "show", "wsoa", "--compact").output
    four = next(line for line in out.splitlines() if line.startswith("4 "))
    issue = four[four.index("Two-year") :]
    assert issue.endswith("…") and LONG_ISSUE.startswith(issue[:-1])
    assert LONG_ISSUE[len(issue[:-1].rstrip(" ,"))] in " ,"  # cut where a word ends


def test_piped_tracker_keeps_the_seed_layout_and_wide_shows_every_column(clerk):
    long_tracker(clerk)
    for args in ([], ["--wide"]):
        out = clerk.ok("tracker", "show", "wsoa", *args).output
        headings = out.splitlines()[0].split()
        assert headings[:5] == ["no", "line", "kloe", "theme", "issue"], args
        assert "la" in headings and "rated" in headings
    words = set(re.findall(r"[\w'-]+", LONG_ISSUE))
    wide = clerk.ok("tracker", "show", "wsoa", "--wide").output
    issue_cells = {w for line in wide.splitlines() for w in re.findall(r"[\w'-]+", line)}
    assert words <= issue_cells  # wrapped between words, each whole


def test_several_trackers_name_each_action_in_full():
    rows = [
        {"tracker": t, "no": "1", "ragb": "", "who": ["A"], "timescale": "", "issue": "x"}
        for t in ("wsoa", "hwb-plan")
    ]
    lines = compact(rows, 80, several=True).splitlines()
    assert [line.split()[:2] for line in lines[2:4]] == [
        ["wsoa#1", "unrated"],
        ["hwb-plan#1", "unrated"],
    ]


@pytest.mark.parametrize(
    ("text", "width", "shown"),
    [
        ("Transition plans are started too late", 20, "Transition plans…"),
        ("Transition plans are started too late", 17, "Transition plans…"),
        ("Transition plans", 16, "Transition plans"),
        ("Supercalifragilistic", 8, "Superca…"),
    ],
)
def test_shortened_text_is_cut_between_words(text, width, shown):
    assert shorten(text, width) == shown and len(shown) <= width


def clerk_cli():
    from commands.main import cli

    return cli


def clerk_args(clerk) -> list[str]:
    return ["--db", clerk.db, "--as", clerk.name]
