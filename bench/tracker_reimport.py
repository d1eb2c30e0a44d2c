"""Import two versions of one tracker into a fresh SQLite ledger through the Ledger API and
compare what the second import recorded with the true changes (bench.tracker_changes).

The recorded events are named like the true changes: an action of the ledger is the key row
whose ID or words it holds (found as the recall scorer finds rows); ``ActionAdded`` is a
``new`` item; ``OwnerReassigned`` owner, ``TimescaleRevised`` due, ``NoteAdded`` update,
``RatingChanged`` rating, and ``FieldsRevised`` one ``field:COLUMN`` per column whose value
changed. The lines and first rating of a new item belong to adding it. What the keys hold
nothing about (the tracker's heading or legend, its file's columns, added action lines,
kinds or columns one key lacks) is counted as "key cannot tell". Importing the later
version a second time must record nothing; that is checked too.
"""

from __future__ import annotations

import tempfile
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from bench.minutes_recall import load_key
from bench.tracker_changes import Truth, hand_read, label, next_versions, theme_names, true_changes
from bench.tracker_keys import options_of, pairs
from bench.tracker_renderings import documents

EVENT_KINDS = {
    "OwnerReassigned": "owner",
    "TimescaleRevised": "due",
    "NoteAdded": "update",
    "RatingChanged": "rating",
}
FIRST, NEXT = date(2020, 1, 1), date(2020, 2, 1)


@dataclass
class Reimport:
    """One pair of versions imported one after the other, and how the record compares."""

    pair: str
    via: str
    true: Counter = field(default_factory=Counter)
    recorded: Counter = field(default_factory=Counter)
    untold: Counter = field(default_factory=Counter)
    text_true: set[str] = field(default_factory=set)
    text_listed: set[str] = field(default_factory=set)
    blanks: list[tuple[str, str]] = field(default_factory=list)
    dropped: int = 0
    again: int = 0  # events recorded by importing the later version a second time
    hand: dict[str, int] = field(default_factory=dict)  # the key author's added/dropped
    told: set[str] = field(default_factory=set)  # the kinds both keys hold
    error: str = ""

    @property
    def missed(self) -> Counter:
        return self.true - self.recorded

    @property
    def extra(self) -> Counter:
        return self.recorded - self.true


def rows_of_actions(key: dict, actions: dict[Any, Any], side: str) -> dict[str, str]:
    """Ledger ref -> label of the key row it is, found by ID or words as the scorer does."""
    refs = list(actions)
    items = [
        SimpleNamespace(id=ref.number, issue=a.details()["issue"], action=a.details()["action"])
        for ref, a in actions.items()
    ]
    found = pairs(key.get("rows", []), items, theme_names(key))
    fields = theme_names(key)
    return {str(refs[n]): label(key["rows"][i], i, fields, side) for i, n in found.items()}


def import_file(ledger: Any, path: Path, key: dict, on: date) -> Any:
    options = options_of(key)
    return ledger.import_tracker(
        "log",
        str(path),
        fmt=options.get("format", "auto"),
        sheet=options.get("sheet"),
        mapping=options.get("map"),
        key=options.get("key"),
        actor="bench",
        on=on.isoformat(),
    )


def named_events(done: Any, known: dict[str, str], new: dict[str, str], truth: Truth) -> tuple:
    """(recorded, untold) Counters of (kind, label) for the events of one import."""
    recorded, untold = Counter(), Counter()
    for ref, event in done.events:
        kind = type(event).__name__
        if ref in new:
            recorded[("new", new[ref])] += kind == "ActionAdded"
            continue
        name = known.get(ref, f"{ref} (no key row)")
        if kind == "FieldsRevised":
            before, after = event.previous, event.fields
            for column in sorted(set(before) | set(after)):
                if before.get(column, "") != after.get(column, ""):
                    told = column in truth.columns
                    (recorded if told else untold)[(f"field:{column}", name)] += 1
        elif kind in EVENT_KINDS:
            told = EVENT_KINDS[kind] in truth.told
            (recorded if told else untold)[(EVENT_KINDS[kind], name)] += 1
        elif kind in ("KeyRecorded", "ColumnsRecorded", "ActionLineAdded"):
            if kind == "KeyRecorded":
                untold[("heading", "(the tracker's heading and legend)")] += 1
            elif kind == "ColumnsRecorded":
                untold[("columns", "(the file's columns, as the import read them)")] += 1
            else:
                untold[("line", name)] += 1
        else:
            recorded[(kind, name)] += 1
    return +recorded, +untold


def reimport(pair: str, via: str, files: tuple[Path, Path], keys: tuple[dict, dict]) -> Reimport:
    """Import ``files`` (earlier, later) into a new ledger and compare with the keys' truth."""
    from ledger.application import open_ledger
    from ledger.errors import LedgerError

    earlier, later = keys
    truth = true_changes(earlier, later)
    done = Reimport(pair, via, true=truth.changes, text_true=truth.text)
    done.blanks, done.dropped, done.hand = truth.blanks, truth.dropped, hand_read(later)
    done.told = truth.told
    with tempfile.TemporaryDirectory() as folder:
        ledger = open_ledger(str(Path(folder) / "ledger.db"), create=True)
        try:
            ledger.register_board("board", "A board", actor="bench", on="2000-01-01")
            ledger.adopt_tracker(
                "log", "Its tracker", board="board", actor="bench", on="2000-01-01"
            )
            import_file(ledger, files[0], earlier, FIRST)
            known = rows_of_actions(earlier, ledger.tracker_actions("log"), "a")
            second = import_file(ledger, files[1], later, NEXT)
            added = [ref for ref, e in second.events if type(e).__name__ == "ActionAdded"]
            new_actions = {
                r: a for r, a in ledger.tracker_actions("log").items() if str(r) in added
            }
            new = rows_of_actions(later, new_actions, "b")
            new.update({ref: f"{ref} (no key row)" for ref in added if ref not in new})
            done.recorded, done.untold = named_events(second, known, new, truth)
            done.text_listed = {
                known.get(ref, f"{ref} (no key row)") for ref in second.text_differs
            }
            done.again = len(import_file(ledger, files[1], later, NEXT).events)
        except LedgerError as refused:
            done.error = str(refused)
        except Exception as crash:  # a crash is a finding to report, not a reason to stop
            done.error = f"crash: {type(crash).__name__}: {crash}"
        finally:
            ledger.close()
    return done


def reimports(folder: Path) -> list[Reimport]:
    """Each pair of versions in ``folder``, imported by each way both versions are read."""
    done = []
    with tempfile.TemporaryDirectory() as scratch:
        for earlier, later in next_versions(folder):
            keys = load_key(earlier), load_key(later)
            name = f"{earlier.name.split('_')[0]}->{later.name.split('_')[0]}"
            first = {via: path for via, path, _ in documents(earlier, keys[0], Path(scratch))}
            second = {via: path for via, path, _ in documents(later, keys[1], Path(scratch))}
            for via in (v for v in first if v in second):
                if first[via].exists() and second[via].exists():
                    done.append(reimport(name, via, (first[via], second[via]), keys))
    return done


def report(done: list[Reimport], show_misses: bool) -> str:
    """The second table: per pair, true / recorded / missed / extra changes, and a verdict."""
    from tabulate import tabulate

    body = [
        [
            d.pair,
            d.via,
            sum(d.true.values()),
            sum(d.recorded.values()),
            sum(d.missed.values()),
            sum(d.extra.values()),
            sum(d.untold.values()),
            f"{len(d.text_true)}/{len(d.text_listed)}",
            len(d.blanks),
            d.again,
            " ".join(d.error.split())[:100],
        ]
        for d in done
    ]
    headers = ["re-import", "via", "changes true", "recorded", "missed", "extra"]
    headers += ["key cannot tell", "text true/listed", "blanks kept", "again", "error"]
    lines = [tabulate(body, headers, tablefmt="github", disable_numparse=True), ""]
    lines += [verdict(d) for d in done]
    lines += [
        "",
        "Blank cells never erase: a later cell left blank where the earlier had words is no "
        "change (counted under 'blanks kept'; an event erasing it would be 'extra').",
        "'key cannot tell': events of a kind or column the keys do not hold (the tracker's "
        "heading, action lines, a field one key lacks) - neither right nor wrong.",
        "'text true/listed': items whose action, issue or section the keys show changed / "
        "items the import listed as differing (text is not recorded; `govledger correct`).",
        "'again': events recorded by importing the later version a second time (must be 0).",
    ]
    for d in done if show_misses else []:
        said = [f"missed {k} {n}" for (k, n) in sorted(d.missed)]
        said += [f"extra {k} {n}" for (k, n) in sorted(d.extra)]
        said += [f"key cannot tell: {k} {n}" for (k, n) in sorted(d.untold)]
        said += [f"blank kept (no change): {k} {n}" for (k, n) in d.blanks]
        said += [f"text changed, not listed: {n}" for n in sorted(d.text_true - d.text_listed)]
        said += [f"listed, text not changed: {n}" for n in sorted(d.text_listed - d.text_true)]
        lines += ["", f"## {d.pair} via {d.via}"] + [f"  {s}" for s in said] if said else []
    return "\n".join(lines)


def as_json(d: Reimport) -> dict[str, Any]:
    named = {"true": d.true, "recorded": d.recorded, "missed": d.missed, "extra": d.extra}
    found: dict[str, Any] = {k: [f"{kind} {n}" for kind, n in sorted(c)] for k, c in named.items()}
    found["key_cannot_tell"] = [f"{kind} {n}" for kind, n in sorted(d.untold)]
    found["blanks_kept"] = [f"{kind} {n}" for kind, n in d.blanks]
    found.update(pair=d.pair, via=d.via, again=d.again, error=d.error, verdict=verdict(d))
    return found


def verdict(d: Reimport) -> str:
    if d.error:
        return f"{d.pair} via {d.via}: import refused or failed: {d.error}"
    missed, extra = sum(d.missed.values()), sum(d.extra.values())
    said = (
        f"records exactly the {sum(d.true.values())} true changes"
        if not missed and not extra
        else f"{missed} true changes MISSED, {extra} EXTRA recorded"
    )
    text = "text changes listed exactly" if d.text_true == d.text_listed else "text list DIFFERS"
    again = "re-import records nothing" if not d.again else f"re-import records {d.again} AGAIN"
    hand = ""
    if d.hand:
        ours = {"added": sum(1 for k, _ in d.true if k == "new"), "dropped": d.dropped}
        agree = all(ours[k] == n for k, n in d.hand.items())
        listed = ", ".join(f"{n} {k}" for k, n in d.hand.items())
        hand = f"; {'agrees with' if agree else 'DIFFERS from'} the key's hand-read list ({listed})"
    unheld = [k for k in EVENT_KINDS.values() if k not in d.told]
    cannot = (
        f"; the keys hold no {', '.join(unheld)}: changes there cannot be told" if unheld else ""
    )
    return f"{d.pair} via {d.via}: {said}; {text}; {again}{hand}{cannot}"
