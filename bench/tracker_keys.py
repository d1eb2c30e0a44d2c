"""How the tracker recall report (bench.tracker_recall) reads an answer key and scores one
draft against it: which field each name in a key's rows belongs in, which draft item answers
which key row, and what was right, missed or invented. The rules are in that module's
docstring."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

# The realdocs keys predate the "options" field: what a clerk would type for them.
REALDOCS_OPTIONS = {"T4_open-data-wms-status-table_2012-q2.csv": {"key": "Department"}}
# The realdocs keys' own names for the fields of a row.
KEY_VOCABULARY = {
    "action": "action",
    "issue": "issue",
    "owner": "who",
    "deadline": "timescale",
    "status": "update",
    "latest_position": "update",
    "meeting_date": "extra:Meeting date & action number",
}
TARGETS = ("id", "action", "issue", "who", "timescale", "rating", "update", "theme", "extra")


def words(text: str | None) -> list[str]:
    return re.findall(r"\w+", unicodedata.normalize("NFKC", text or "").casefold())


@dataclass
class Scored:
    """One document read once: what was found, what was right, what was missed or invented."""

    document: str
    via: str
    folder: str = ""
    rows_keyed: int = 0
    rows_found: int = 0
    invented: int = 0
    fields_keyed: dict[str, int] = field(default_factory=dict)
    fields_right: dict[str, int] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)
    error: str = ""
    seconds: float = 0.0


def options_of(answers: dict[str, Any]) -> dict[str, Any]:
    return answers.get("options", REALDOCS_OPTIONS.get(answers["file"], {}))


def fields_of(answers: dict[str, Any]) -> dict[str, str]:
    """Each scored name of the key's rows, and the draft field it belongs in."""
    if "fields" in answers:
        return dict(answers["fields"])
    key = re.sub(r"\W", "", str(options_of(answers).get("key", "")).casefold())
    names = {name for row in answers.get("rows", []) for name in row}
    found = {}
    for name in names:
        if name in KEY_VOCABULARY:
            found[name] = KEY_VOCABULARY[name]
        elif key and re.sub(r"\W", "", name.casefold()) == key:
            found[name] = "id"
        elif name in answers.get("columns", []):
            found[name] = f"extra:{name}"
    return found


def value_of(item: Any, target: str) -> str:
    """What the draft item holds in a field (all its action lines, for owners and due)."""
    if target.startswith("extra:"):
        return item.fields.get(target.removeprefix("extra:"), "")
    if target in ("who", "timescale"):
        return " ".join(getattr(line, target) for line in item.lines)
    return {"rating": item.rating}.get(target, getattr(item, target, ""))


def overlap(a: list[str], b: list[str]) -> float:
    left, right = set(a), set(b)
    return len(left & right) / len(left | right) if left | right else 0.0


def pairs(rows: list[dict], items: list[Any], fields: dict[str, str]) -> dict[int, int]:
    """Key row index -> draft item index, one to one (see the module's rules)."""
    ids = [name for name, target in fields.items() if target == "id"]
    if ids:
        where = {tuple(words(item.id)): n for n, item in enumerate(items)}
        found = {i: where.get(tuple(words(row.get(ids[0], "")))) for i, row in enumerate(rows)}
        return {i: n for i, n in found.items() if n is not None}
    texts = [name for name, target in fields.items() if target in ("action", "issue")]
    scores = []
    for i, row in enumerate(rows):
        said = words(" ".join(row.get(name, "") for name in texts))
        for n, item in enumerate(items):
            score = overlap(said, words(f"{item.issue} {item.action}"))
            if score >= 0.5:
                scores.append((-score, abs(i - n), i, n))
    taken: dict[int, int] = {}
    for _, _, i, n in sorted(scores):
        if i not in taken and n not in taken.values():
            taken[i] = n
    return taken


def score(answers: dict[str, Any], draft: Any, document: str, via: str) -> Scored:
    rows, items, fields = answers.get("rows", []), draft.items, fields_of(answers)
    found = pairs(rows, items, fields)
    scored = Scored(document, via, rows_keyed=len(rows), rows_found=len(found))
    scored.invented = len(items) - len(found)
    for i, row in enumerate(rows):
        item = items[found[i]] if i in found else None
        for name, target in sorted(fields.items()):
            expected = row.get(name) or ""
            if not words(expected):
                continue
            kind = target.split(":")[0]
            scored.fields_keyed[kind] = scored.fields_keyed.get(kind, 0) + 1
            got = value_of(item, target) if item is not None else None
            if got is not None and words(got) == words(expected):
                scored.fields_right[kind] = scored.fields_right.get(kind, 0) + 1
            elif item is not None:
                scored.misses.append(f"row {i + 1} {target}: expected {expected!r}, got {got!r}")
        if item is None:
            scored.misses.append(f"row {i + 1} not found: {short(row)}")
    for n in sorted(set(range(len(items))) - set(found.values())):
        scored.misses.append(f"invented item {items[n].id}: {items[n].text[:80]!r}")
    return scored


def short(row: dict[str, Any]) -> str:
    text = " | ".join(str(v) for k, v in row.items() if k != "row" and isinstance(v, str) and v)
    return repr(" ".join(text.split())[:100])


def missed(answers: dict[str, Any], name: str, via: str, error: str) -> Scored:
    scored = Scored(name, via, rows_keyed=len(answers.get("rows", [])), error=error)
    for row in answers.get("rows", []):
        for key, target in fields_of(answers).items():
            if words(row.get(key) or ""):
                kind = target.split(":")[0]
                scored.fields_keyed[kind] = scored.fields_keyed.get(kind, 0) + 1
    return scored
