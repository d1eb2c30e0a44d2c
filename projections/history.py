"""One action's story: every event in order, each change as from → to, as corrected.

"From" is what was in effect just before the entry's effective date, as the ledger
knows it now, so a backdated entry or a correction tells its part of the story where
it belongs. A backdated entry (effective well before it was recorded) is marked.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from projections.wording import added_text, columns_moved, owners, shown

# The kinds of row that set what is in effect (notes, decisions and corrections do not:
# a correction is already applied to the row it corrects).
STORIED = ("added", "line", "rating", "reopen", "reassign", "retime", "fields")
COLUMNS = (
    "position",
    "effective",
    "recorded",
    "actor",
    "event",
    "change",
    "reason",
    "evidence",
    "marks",
    "signed",
)


def line_numbers(rows: list[dict[str, Any]]) -> dict[int, int]:
    """Which action line each ActionAdded/ActionLineAdded row created."""
    starts = [r["position"] for r in rows if r["kind"] in ("added", "line")]
    return {position: n for n, position in enumerate(starts, start=1)}


def asserted(row: dict[str, Any], attr: tuple[str, int], lines: dict[int, int]) -> Any:
    """What ``row`` says about ``attr`` (('rating', 0), ('owners', 2), ...), or None."""
    name, line = attr
    current = row["current"]
    if name == "rating":
        return current["rating"] if row["kind"] in ("rating", "reopen") else None
    if name == "fields":
        return current.get("fields", {}) if row["kind"] in ("added", "fields") else None
    if row["kind"] in ("added", "line"):
        return current[name] if lines[row["position"]] == line else None
    wanted = {"owners": "reassign", "timescale": "retime"}[name]
    return current[name] if row["kind"] == wanted and current["line"] == line else None


def befores(rows: list[dict[str, Any]], lines: dict[int, int]) -> dict[int, dict]:
    """For each row, what was in effect just before it (its own attribute), in one sweep
    of the live rows in effective order: rating, the tracker's own columns, and each
    line's owners and timescale."""
    state: dict[tuple[str, int], Any] = {}
    found: dict[int, dict] = {}
    ordered = sorted(rows, key=lambda r: (r["effective_on"], r["position"]))
    for row in ordered:
        found[row["position"]] = dict(state)
        if row["voided"] or row["kind"] == "correction":
            continue
        for attr in attrs_of(row, lines):
            given = asserted(row, attr, lines)
            if given is not None:
                state[attr] = given
    return found


def attrs_of(row: dict[str, Any], lines: dict[int, int]) -> list[tuple[str, int]]:
    kind = row["kind"]
    if kind in ("rating", "reopen"):
        return [("rating", 0)]
    if kind in ("added", "line"):
        line = [("owners", lines[row["position"]]), ("timescale", lines[row["position"]])]
        return [*line, ("fields", 0)] if kind == "added" else line
    if kind == "fields":
        return [("fields", 0)]
    if kind in ("reassign", "retime"):
        return [("owners" if kind == "reassign" else "timescale", row["current"]["line"])]
    return []


def change(
    rows: list[dict[str, Any]],
    row: dict[str, Any],
    lines: dict[int, int],
    earlier: dict[int, dict] | None = None,
) -> dict[str, Any]:
    """The from → to of one entry, with a word for what kind of change it was."""
    kind, current = row["kind"], row["current"]
    before = (earlier or befores(rows, lines))[row["position"]]
    if kind == "added":
        return {"what": "added", "to": added_text(current) or row["ref"]}
    if kind == "line":
        return {"what": f"line {lines[row['position']]} added", "to": owners(current["owners"])}
    if kind in ("rating", "reopen"):
        return {"what": "rating", "from": before.get(("rating", 0)), "to": current["rating"]}
    if kind in ("reassign", "retime"):
        name = "owners" if kind == "reassign" else "timescale"
        old = before.get((name, current["line"]))
        shown = owners if kind == "reassign" else (lambda v: v or "(none)")
        return {
            "what": f"line {current['line']} {name}",
            "from": shown(old),
            "to": shown(current[name]),
        }
    if kind == "note":
        return {"what": "note", "to": current["text"]}
    if kind == "fields":
        return {"what": "fields", "from": before.get(("fields", 0), {}), "to": current["fields"]}
    return {"what": kind, "to": ""}


def said(moved: dict[str, Any]) -> str:
    """A change in the words every view uses: ``rating: green → red``, ``note: ...``,
    and for the tracker's own columns ``Name: from → to``."""
    if moved["what"] == "fields":
        return columns_moved(moved["from"], moved["to"])
    if "from" in moved:
        return f"{moved['what']}: {moved['from'] or 'unrated'} → {moved['to']}"
    return f"{moved['what']}: {moved['to']}"


def corrects(rows: list[dict[str, Any]], row: dict[str, Any]) -> str:
    """What a correction put right, each value from what the entry said before it."""
    target = next((r for r in rows if r["position"] == row["corrects"]), None)
    was = dict(target["recorded"]) if target else {}
    for earlier in rows[: rows.index(row)]:
        if earlier["kind"] == "correction" and earlier["corrects"] == row["corrects"]:
            was.update(earlier["recorded"]["values"])
    given = row["recorded"]
    parts = [
        columns_moved(was.get("fields") or {}, value)
        if key == "fields"
        else f"{key} {shown(was.get(key))} → {shown(value)}"
        for key, value in given["values"].items()
    ]
    if given["effective"]:
        parts.append(f"effective {target['recorded_on'] if target else '?'} → {given['effective']}")
    if given["void"]:
        parts.append("void")
    return f"corrects #{row['corrects']}: " + "; ".join(parts)


def story(rows: list[dict[str, Any]], backdated_days: int = 7) -> list[dict[str, Any]]:
    """The action's events as the panel reads them, oldest recorded first."""
    lines = line_numbers(rows)
    earlier = befores(rows, lines)
    told = []
    for row in rows:
        if row["kind"] == "correction":
            text = corrects(rows, row)
        else:
            text = said(change(rows, row, lines, earlier))
        told.append(
            {
                "position": row["position"],
                "effective": row["effective_on"],
                "recorded": row["recorded_at"][:19].replace("T", " "),
                "actor": row["actor"],
                "event": row["event"],
                "change": text,
                "reason": row["reason"],
                "evidence": row["current"].get("evidence", "") if row["kind"] == "rating" else "",
                "marks": marks(row, backdated_days),
            }
        )
    return told


def marks(row: dict[str, Any], backdated_days: int) -> str:
    found = []
    late = (
        date.fromisoformat(row["recorded_at"][:10]) - date.fromisoformat(row["recorded_on"])
    ).days
    if late > backdated_days:
        found.append(f"backdated {late} days")
    if row["voided"]:
        found.append("void")
    if row["corrected_by"]:
        found.append("corrected by " + ", ".join(f"#{p}" for p in row["corrected_by"]))
    return "; ".join(found)


class Stories:
    """Each subject's trail read once, with what was in effect before each of its entries,
    for views that describe many changes (``changes``, ``board history``)."""

    def __init__(self, trail: Any, rows: list[dict[str, Any]], until: date) -> None:
        """Reads at once the trails of the actions ``rows`` mention, as far as ``until``:
        what was in effect before an entry never depends on entries effective after it."""
        self.cache: dict[str, tuple[list[dict[str, Any]], dict[int, int], dict[int, dict]]] = {}
        wanted = {r["subject_id"] for r in rows if r["kind"] in STORIED}
        for key, found in trail.timelines(wanted, STORIED, until).items():
            lines = line_numbers(found)
            self.cache[key] = (found, lines, befores(found, lines))

    def change(self, row: dict[str, Any]) -> dict[str, Any]:
        """The from → to of a row given at the start (one of the STORIED kinds)."""
        rows, lines, earlier = self.cache[row["subject_id"]]
        return change(rows, row, lines, earlier)
