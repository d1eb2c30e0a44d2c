"""``tracker show`` at a terminal: one line per action that fits the screen.

Each action shows its ref, rating, owners (names without job titles), timescale and a
shortened issue; text is cut between words and marked with an ellipsis, never broken
mid-word. ``--wide`` shows every column of the seed's layout instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import click

HEADINGS = ("no", "rating", "owner", "timescale", "issue")
GAP = "  "
COLOURS = {"red": "red", "amber": "yellow", "green": "green", "blue": "blue"}
MOST = {"owner": 24, "timescale": 16}  # widest an owner or timescale is shown
LEAST = {"owner": 6, "timescale": 5, "issue": 10}
KEPT = {"owner": 12, "timescale": 10, "issue": 24}  # what each gives up last when tight


def compact(
    rows: Sequence[dict[str, Any]], width: int, several: bool, coloured: bool = False
) -> str:
    """The action lines of ``rows`` (as ``tracker_table.table`` gives them) as one line
    per action within ``width`` characters; ``several`` trackers name each ref in full."""
    actions = one_per_action(rows, several)
    fixed = [max(len(HEADINGS[i]), *(len(a[i]) for a in actions)) for i in (0, 1)]
    room = {
        k: max(len(k), *(len(a[i]) for a in actions))
        for i, k in ((2, "owner"), (3, "timescale"), (4, "issue"))
    }
    flexible = share(room, width - sum(fixed) - len(GAP) * (len(HEADINGS) - 1))
    widths = [*fixed, flexible["owner"], flexible["timescale"], flexible["issue"]]
    headings = [shorten(h, w) for h, w in zip(HEADINGS, widths, strict=True)]
    lines = [line(headings, widths), line(["-" * w for w in widths], widths)]
    for action in actions:
        cells = [shorten(text, w) for text, w in zip(action, widths, strict=True)]
        shown = line(cells, widths)
        if coloured and action[1] in COLOURS:
            start = widths[0] + len(GAP)
            rating = click.style(cells[1], fg=COLOURS[action[1]], bold=True)
            shown = shown[:start] + rating + shown[start + len(cells[1]) :]
        lines.append(shown)
    told = f"{len(actions)} action{'' if len(actions) == 1 else 's'}; --wide shows every column."
    lines.append(shorten(told, width))
    return "\n".join(lines)


def one_per_action(rows: Sequence[dict[str, Any]], several: bool) -> list[list[str]]:
    """Each action once: its lines' owners and timescales gathered, in order."""
    found: dict[tuple[str, str], list[str]] = {}
    owners: dict[tuple[str, str], list[str]] = {}
    timescales: dict[tuple[str, str], list[str]] = {}
    for row in rows:
        key = (row["tracker"], row["no"])
        if key not in found:
            ref = f"{row['tracker']}#{row['no']}" if several else row["no"]
            what = row.get("issue") or row.get("action") or row.get("health") or row.get("la")
            found[key] = [ref, row["ragb"] or "unrated", "", "", " ".join(str(what).split())]
            owners[key], timescales[key] = [], []
        owners[key] += [name(o) for o in row["who"] if name(o) not in owners[key]]
        if row["timescale"] and row["timescale"] not in timescales[key]:
            timescales[key].append(row["timescale"])
    for key, action in found.items():
        action[2] = ", ".join(owners[key])
        action[3] = "; ".join(" ".join(t.split()) for t in timescales[key])
    return list(found.values())


def name(owner: str) -> str:
    """An owner as the panel calls them: "Priya Shah, Head of Health Visiting" is Priya Shah."""
    return owner.split(",")[0].strip() or owner.strip()


def share(room: dict[str, int], free: int) -> dict[str, int]:
    """Widths for owner, timescale and issue within ``free`` characters: owner and
    timescale up to a cap, the issue the rest; narrowed in turn when tight, the one
    furthest above what it keeps first, none below its floor but the issue."""
    shown = {k: min(v, MOST.get(k, v)) for k, v in room.items()}
    while sum(shown.values()) > free:
        widest = max(shown, key=lambda k: shown[k] - KEPT[k])
        if shown[widest] <= LEAST[widest]:
            break
        shown[widest] -= 1
    over = sum(shown.values()) - free  # a very narrow terminal: the issue gives way
    shown["issue"] = max(shown["issue"] - max(over, 0), 2)
    return shown


def shorten(text: str, width: int) -> str:
    """``text`` in ``width`` characters, cut between words with an ellipsis; a first word
    longer than the width is cut and marked, as nothing else would fit."""
    if len(text) <= width:
        return text
    cut = text[: width - 1].rstrip()
    if " " in cut and text[width - 1] not in " ,;":  # the cut falls inside a word
        cut = cut[: cut.rindex(" ")].rstrip(" ,;:-–")
    return (cut + "…") if cut else text[: max(width - 1, 0)] + "…"


def line(cells: Sequence[str], widths: Sequence[int]) -> str:
    return GAP.join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()
