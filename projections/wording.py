"""The words every view uses for what an entry holds, so that the story of an action, the
log and the panel's changes say the same thing the same way: owners as ``A / B``, a
tracker's own columns as ``Name: value`` and their changes as ``Name: from → to``."""

from __future__ import annotations

from typing import Any

NONE = "(none)"


def owners(names: list[str] | None) -> str:
    return " / ".join(names or []) or "nobody"


def added_text(values: dict[str, Any]) -> str:
    """What an added action says: its issue, else its own text (trackers other than the
    seed's have an action and no issue)."""
    return values.get("issue") or values.get("action") or ""


def columns_moved(previous: dict[str, str], now: dict[str, str]) -> str:
    """Each of the tracker's own columns that changed, as ``Name: from → to``."""
    moved = [
        f"{name}: {previous.get(name) or NONE} → {now.get(name) or NONE}"
        for name in [*now, *(n for n in previous if n not in now)]
        if previous.get(name, "") != now.get(name, "")
    ]
    return "; ".join(moved) or "unchanged"


def shown(value: Any) -> str:
    """A value as a clerk writes it: owners joined, a tracker's own columns as
    ``Name: value``, nothing as (none); never a Python list or dict."""
    if value is None:
        return NONE
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return owners(value)
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or NONE
    if isinstance(value, dict):
        return "; ".join(f"{k}: {v}" for k, v in value.items()) or NONE
    return str(value)
