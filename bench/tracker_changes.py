"""The true changes between two versions of one tracker, worked out from their answer keys
alone (never from the importer), and what a re-import of the next version recorded.

Which keys are versions of one tracker: a key with ``changes_vs_X`` is the next version of
the key named ``X_...`` in the same folder (T1a->T1b, T3a->T3b, C1a->C1b, C3a->C3b).

Matching the rows of the two keys: by the ``id`` field where both keys have one; otherwise
by text (action and issue): the same words first, then a rename the key author wrote as
``old -> new`` in ``changes_vs_X``, then the earlier row sharing most words (at least
:data:`ALIKE` of them), each row used once. A later row matched to none is a NEW item; an
earlier row matched to none was dropped, which is no change (trackers drop finished items).

A change of a matched item is a field whose words differ: ``owner`` (who), ``due``
(timescale), ``update``, ``rating``, ``field:COLUMN`` (each extra column on its own).
A blank cell in the later version never erases, so it is no change: such cells are
counted apart as ``blanks``. A cell of signs only ('?' for nobody) is not blank and is
compared as written. A kind only one key holds (a field the key does not hold) cannot be
told, and events of that kind are counted as "key cannot tell", never as right or wrong.
Text (action, issue, theme/section) is not recorded by an import; the importer lists those
items for ``govledger correct``, and that list is compared with the keys' text changes.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.tracker_keys import fields_of, overlap, words

ALIKE = 0.6  # share of words two texts of one item reworded keep, at the least
KINDS = {"who": "owner", "timescale": "due", "update": "update", "rating": "rating"}
TEXT = ("action", "issue", "theme")


@dataclass
class Truth:
    """What changed between two versions, by (kind, item label)."""

    changes: Counter = field(default_factory=Counter)
    text: set[str] = field(default_factory=set)
    told: set[str] = field(default_factory=set)  # kinds both keys hold
    columns: set[str] = field(default_factory=set)  # extra columns the keys can tell about
    blanks: list[tuple[str, str]] = field(default_factory=list)  # kept, not erased
    dropped: int = 0
    matched: dict[int, int] = field(default_factory=dict)  # later row -> earlier row


def next_versions(folder: Path) -> list[tuple[Path, Path]]:
    """(earlier key, later key) for each key saying ``changes_vs_X`` of a key in ``folder``."""
    import json

    found = []
    for later in sorted(folder.glob("*.answers.json")):
        said = json.loads(later.read_text(encoding="utf-8"))
        for name in (k.removeprefix("changes_vs_") for k in said if k.startswith("changes_vs_")):
            earlier = sorted(folder.glob(f"{name}_*.answers.json"))
            found += [(earlier[0], later)] if earlier else []
    return found


def label(row: dict, index: int, fields: dict[str, str], side: str) -> str:
    """How a report names a key row: its side and number, and its ID or first words."""
    ids = [row.get(n, "") for n, t in fields.items() if t == "id" and row.get(n)]
    said = ids[0] if ids else " ".join(text_of(row, fields).split()[:6])
    return f"{side}{index + 1} {said}"


def value(row: dict, fields: dict[str, str], target: str) -> str:
    return " ".join(str(row.get(n) or "") for n, t in fields.items() if t == target)


def text_of(row: dict, fields: dict[str, str]) -> str:
    return " ".join(value(row, fields, t) for t in ("issue", "action") if value(row, fields, t))


def renames(later: dict[str, Any]) -> list[tuple[str, str]]:
    """The ``old -> new`` names the key author wrote among the hand-read changes."""
    found: list[tuple[str, str]] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key, inner in node.items():
                if isinstance(key, str) and " -> " in key and len(key) < 120:
                    old, new = key.split(" -> ", 1)
                    found.append((old, new))
                walk(inner)

    for key, said in later.items():
        if key.startswith("changes_vs_"):
            walk(said)
    return found


def pair_rows(earlier: dict, later: dict) -> dict[int, int]:
    """Later row index -> earlier row index, by the module's rules."""
    fa, fb = fields_of(earlier), fields_of(later)
    a_rows, b_rows = earlier.get("rows", []), later.get("rows", [])
    if "id" in fa.values() and "id" in fb.values():
        where = {tuple(words(value(r, fa, "id"))): i for i, r in enumerate(a_rows)}
        found = {j: where.get(tuple(words(value(r, fb, "id")))) for j, r in enumerate(b_rows)}
        return {j: i for j, i in found.items() if i is not None}
    a_text = [words(text_of(r, fa)) for r in a_rows]
    b_text = [words(text_of(r, fb)) for r in b_rows]
    taken: dict[int, int] = {}
    for j, said in enumerate(b_text):
        same = [i for i, old in enumerate(a_text) if old == said and i not in taken.values()]
        if same and said:
            taken[j] = same[0]
    for old, new in renames(later):
        a = [i for i, t in enumerate(a_text) if t == words(old) and i not in taken.values()]
        b = [j for j, t in enumerate(b_text) if t == words(new) and j not in taken]
        if a and b:
            taken[b[0]] = a[0]
    alike = [
        (-overlap(a_text[i], b_text[j]), j, i)
        for j in range(len(b_rows))
        for i in range(len(a_rows))
        if j not in taken and i not in taken.values() and overlap(a_text[i], b_text[j]) >= ALIKE
    ]
    for _, j, i in sorted(alike):
        if j not in taken and i not in taken.values():
            taken[j] = i
    return taken


def theme_names(key: dict) -> dict[str, str]:
    """The key's fields, with the realdocs keys' ``section`` read as the theme (for text)."""
    found = fields_of(key)
    if "fields" not in key and any("section" in r for r in key.get("rows", [])):
        found["section"] = "theme"
    return found


def extra_columns(key: dict) -> tuple[set[str], set[str]]:
    """Extra columns the key holds, and the columns its file has that the key does not."""
    held = {t.removeprefix("extra:") for t in fields_of(key).values() if t.startswith("extra:")}
    return held, set(key.get("columns", [])) - held


def true_changes(earlier: dict, later: dict) -> Truth:
    """The changes the later key shows against the earlier one (see the module's rules)."""
    fa, fb = theme_names(earlier), theme_names(later)
    a_rows, b_rows = earlier.get("rows", []), later.get("rows", [])
    truth = Truth(matched=pair_rows(earlier, later))
    truth.told = {kind for t, kind in KINDS.items() if t in fa.values() and t in fb.values()}
    a_held, a_unheld = extra_columns(earlier)
    b_held, _ = extra_columns(later)
    truth.columns = {c for c in b_held if c in a_held or c not in a_unheld}
    truth.dropped = len(a_rows) - len(truth.matched)
    for j, row in enumerate(b_rows):
        if j not in truth.matched:
            truth.changes[("new", label(row, j, fb, "b"))] += 1
            continue
        old = a_rows[truth.matched[j]]
        name = label(old, truth.matched[j], fa, "a")
        compared = [(t, kind) for t, kind in KINDS.items() if kind in truth.told]
        compared += [(f"extra:{c}", f"field:{c}") for c in sorted(truth.columns)]
        for target, kind in compared:
            before, after = value(old, fa, target), value(row, fb, target)
            if not after.strip():
                truth.blanks += [(kind, name)] if before.strip() else []
            elif not same(before, after):
                truth.changes[(kind, name)] += 1
        if any(not same(value(old, fa, t), value(row, fb, t)) for t in TEXT):
            truth.text.add(name)
    return truth


def same(before: str, after: str) -> bool:
    """Word for word the same; a cell of signs only ('?', '-') is compared as written."""
    said = words(before)
    return said == words(after) and bool(said or before.strip() == after.strip())


def hand_read(later: dict) -> dict[str, int]:
    """How many items the key author listed as added and dropped, where the list says."""
    said = next((v for k, v in later.items() if k.startswith("changes_vs_")), None)
    if not isinstance(said, dict):
        return {}
    return {k: len(said[k]) for k in ("added", "dropped") if isinstance(said.get(k), list)}
