"""One action's story: every event in order, each change as from → to, as corrected.

"From" is what was in effect just before the entry's effective date, as the ledger
knows it now, so a backdated entry or a correction tells its part of the story where
it belongs. A backdated entry (effective well before it was recorded) is marked.
"""

from __future__ import annotations

from datetime import date
from typing import Any

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
)


def owners(names: list[str] | None) -> str:
    return " / ".join(names or []) or "nobody"


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
    if row["kind"] in ("added", "line"):
        return current[name] if lines[row["position"]] == line else None
    wanted = {"owners": "reassign", "timescale": "retime"}[name]
    return current[name] if row["kind"] == wanted and current["line"] == line else None


def before(
    rows: list[dict[str, Any]], row: dict[str, Any], attr: tuple[str, int], lines: dict[int, int]
) -> Any:
    key = (row["effective_on"], row["position"])
    value = None
    earlier = [r for r in rows if not r["voided"] and (r["effective_on"], r["position"]) < key]
    for other in sorted(earlier, key=lambda r: (r["effective_on"], r["position"])):
        said = asserted(other, attr, lines)
        if said is not None:
            value = said
    return value


def change(
    rows: list[dict[str, Any]], row: dict[str, Any], lines: dict[int, int]
) -> dict[str, Any]:
    """The from → to of one entry, with a word for what kind of change it was."""
    kind, current = row["kind"], row["current"]
    if kind == "added":
        return {"what": "added", "to": current["issue"]}
    if kind == "line":
        return {"what": f"line {lines[row['position']]} added", "to": owners(current["owners"])}
    if kind in ("rating", "reopen"):
        return {
            "what": "rating",
            "from": before(rows, row, ("rating", 0), lines),
            "to": current["rating"],
        }
    if kind in ("reassign", "retime"):
        name = "owners" if kind == "reassign" else "timescale"
        old = before(rows, row, (name, current["line"]), lines)
        shown = owners if kind == "reassign" else (lambda v: v or "(none)")
        return {
            "what": f"line {current['line']} {name}",
            "from": shown(old),
            "to": shown(current[name]),
        }
    if kind == "note":
        return {"what": "note", "to": current["text"]}
    return {"what": kind, "to": ""}


def corrects(rows: list[dict[str, Any]], row: dict[str, Any]) -> str:
    target = next((r for r in rows if r["position"] == row["corrects"]), None)
    said = row["recorded"]
    parts = []
    for key, value in said["values"].items():
        was = target["recorded"].get(key) if target else None
        parts.append(f"{key} {shown(was)} → {shown(value)}")
    if said["effective"]:
        parts.append(f"effective {target['recorded_on'] if target else '?'} → {said['effective']}")
    if said["void"]:
        parts.append("void")
    return f"corrects #{row['corrects']}: " + "; ".join(parts)


def shown(value: Any) -> str:
    return owners(value) if isinstance(value, list) else str(value)


def story(rows: list[dict[str, Any]], backdated_days: int = 7) -> list[dict[str, Any]]:
    """The action's events as the panel reads them, oldest recorded first."""
    lines = line_numbers(rows)
    told = []
    for row in rows:
        if row["kind"] == "correction":
            text = corrects(rows, row)
        else:
            moved = change(rows, row, lines)
            text = (
                moved["what"]
                + ": "
                + (
                    f"{moved['from'] or 'unrated'} → {moved['to']}"
                    if "from" in moved
                    else str(moved["to"])
                )
            )
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
