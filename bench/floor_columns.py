"""Each operation's row beside its floors: the fair floor (its essential work in plain
Python and the driver, measured on the same ledger in the same run) and the bare one (the
same bytes written or read: the physical limit)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bench import floors


def floors_for(db: str) -> Any:
    if db.startswith("postgresql://"):
        from bench import floors_postgres

        return floors_postgres
    return floors


def fair_floor(name: str) -> Callable[[str], float] | None:
    """``bench.<name>.fair`` (events/s of an operation's fair floor on the ledger at a
    path or URL), or None while that module or its ``fair`` is not there yet."""
    import importlib

    try:
        module = importlib.import_module(f"bench.{name}")
    except ModuleNotFoundError as error:
        if error.name != f"bench.{name}":
            raise
        return None
    return getattr(module, "fair", None)


def beside(
    found: dict[str, Any], fair: Callable[[str], float] | None, db: str, bare: float
) -> dict[str, Any]:
    """A row with its fair floor (measured now, on the same ledger) and its bare one; while
    the fair floor is pending, the bare one alone, and the notes say so."""
    found["bare"] = bare
    if fair is None:
        ratio = bare / found["ours"] if found["unit"] == "events/s" else found["ours"] / bare
        found["note"] = f"fair floor pending (ours/bare {ratio:.2f}x)"
        return found
    floor = fair(db)
    found["floor"] = floor
    found["ratio"] = floor / found["ours"] if found["unit"] == "events/s" else found["ours"] / floor
    return found
