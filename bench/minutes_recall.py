"""python -m bench.minutes_recall [DIR ...] [--format table|json] [--show-misses]: how much of
what hand-written answer keys hold the minutes reader finds, and what it invents (issue 10).

Each ``*.answers.json`` in a DIR names its document ("file"); that document is read with
``ledger.readers.minutes.read_minutes`` and so is its original beside it (same name, .pdf,
.html, .htm, .md or .docx; skipped when byte-identical to the keyed file), as a second row:
clerks hand over the PDF itself. With no DIR: ../shared/data/realdocs/minutes and every
directory in GOVLEDGER_CORPUS (colon-separated) that exists.

Scoring rules (strict on purpose: a figure here must never flatter the reader)
- Normalise both sides: Unicode NFKC (ligatures), zero-width characters dropped, Markdown's
  emphasis marks and backslash escapes dropped and HTML entities read (keys quote the .md
  as written; the reader reads it rendered), quotes and dashes unified, all whitespace
  (form feeds too) collapsed to one space, casefolded, a full stop, comma, colon or dash at
  either end dropped. Words are runs of letters/digits.
  Keys' spans refer to the converted .txt; the original's row is compared the same way.
- A candidate text COVERS a key text when it is of comparable length (at most 4x the key's
  words, or the key's words + 60 for short keys: a draft that swallowed a page covers nothing
  in particular) and (1) the key is contained in it, at word boundaries, or (2) it is
  contained in the key and is at least 60% of the key's length, or (3) for text interleaved
  by extraction, and keys of 6 words or more only: at least 70% of the key's words (as a
  multiset) occur in it.
- Decisions: candidates are the decision's text, and its text with its parts joined, with
  or without its outcome word before it ("deferred" + "to Item 110d."). A decision with
  lettered parts may answer one key per part (each part, alone or after the decision's
  lead-in, is a candidate); otherwise one draft decision answers one key. Grant table keys
  carry a "row" anchor: the candidate must also name the row (the anchor's first cell, before
  a run of 3+ spaces), so a bare "Approved." cannot stand for any row.
- Actions: candidates are the text, and the text with the owners. An evidence that is only
  an "ACTION: DT/AHop/SF" line names the action by its owners, so it is found by an action
  whose owners are exactly those names. Owners are then checked loosely (the key owner's first
  significant word or initials among the draft owners' words or initials); a mismatch is
  reported, not a miss.
- Report-backs: candidates are a report-back's what + when.said, and any decision that has
  a follow_up (its text + follow_up.said), so a report-back read as a decision's follow-up
  counts. Keys with "requested_by" (another body asked) are traps, not keyed: a draft that
  matches one is invented.
- One to one: pairs are taken greedily by best word overlap (Dice); a key is found once and
  a draft item counts once. Invented = draft decisions, actions, report-backs or decision
  follow-ups that answer no key (a duplicate of a found item is invented too).
- Meeting date: right when the draft's meeting_date is the key's "meeting_date" (a key's
  null means the page gives none, so only a draft without a date is right).
- A reader error (InvalidEntry or any crash) makes the row an error: everything missed.
Totals: per folder of keys (realdocs is the development set, a corpus is minutes the reader
never saw), as keyed and from the originals, and over all folders, against the targets of
issue 10: decisions >= 90%, actions >= 80%, report-backs >= 80%, nothing invented.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any

from bench.minutes_keys import KINDS, Row, key_items, keyed_counts, score, short

REALDOCS = Path(__file__).resolve().parents[2] / "shared" / "data" / "realdocs" / "minutes"
ORIGINALS = (".pdf", ".html", ".htm", ".md", ".docx")
TARGETS = {"decisions": 0.90, "actions": 0.80, "report_backs": 0.80}

Reader = Callable[[str], Any]


def documents(key_path: Path, answers: dict[str, Any]) -> list[tuple[str, Path]]:
    """The keyed document, then its original beside it unless that is a byte copy."""
    keyed = key_path.parent / answers["file"]
    found = [(keyed.suffix.lstrip(".") or "file", keyed)]
    for suffix in ORIGINALS:
        original = keyed.with_suffix(suffix)
        if original != keyed and original.exists():
            if keyed.exists() and original.read_bytes() == keyed.read_bytes():
                continue
            found.append((suffix.lstrip("."), original))
    return found


def read_row(reader: Reader, answers: dict[str, Any], name: str, via: str, path: Path) -> Row:
    from ledger.errors import LedgerError

    started = time.perf_counter()
    try:
        draft = reader(str(path))
        error = ""
    except LedgerError as problem:
        error = str(problem)
    except Exception as crash:  # a crash is a finding to report, not a reason to stop
        error = f"crash: {type(crash).__name__}: {crash}"
    seconds = time.perf_counter() - started
    if error:
        row = Row(name, via, keyed_counts(key_items(answers)), error=short(error, 200))
    else:
        row = score(answers, draft, name, via)
    row.seconds = seconds
    return row


def load_key(key_path: Path) -> dict[str, Any]:
    try:
        answers = json.loads(key_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as problem:
        raise ValueError(
            f"{key_path} cannot be read as JSON ({problem}); fix or remove it"
        ) from None
    if not isinstance(answers, dict) or not isinstance(answers.get("file"), str):
        raise ValueError(f'{key_path} names no "file"; an answer key must name its document')
    return answers


def score_directory(folder: Path, reader: Reader) -> list[Row]:
    """Every answer key in ``folder``: its document, then its original, each a row."""
    rows = []
    for key_path in sorted(folder.glob("*.answers.json")):
        answers = load_key(key_path)
        name = key_path.name.removesuffix(".answers.json")
        for n, (via, path) in enumerate(documents(key_path, answers)):
            rows.append(read_row(reader, answers, name, via, path))
            rows[-1].original, rows[-1].folder = n > 0, "/".join(folder.parts[-2:])
    return rows


def ratio(found: int, keyed: int) -> str:
    return f"{found}/{keyed}" + (f" {100 * found / keyed:.0f}%" if keyed else "")


def total(rows: list[Row], label: str) -> Row:
    sums = Row(label, "", dict.fromkeys(KINDS, 0))
    for row in rows:
        for kind in KINDS:
            sums.keyed[kind] += row.keyed[kind]
            sums.found[kind] += row.found[kind]
            sums.invented[kind] += row.invented[kind]
        sums.owner_mismatches += row.owner_mismatches
        sums.seconds += row.seconds
    sums.date_right = None
    return sums


def verdict(row: Row) -> str:
    """Each target met or not, for a total row."""
    said = []
    for kind, target in TARGETS.items():
        keyed, found, name = row.keyed[kind], row.found[kind], kind.replace("_", "-")
        if not keyed:
            said.append(f"no {name} keyed")
            continue
        said.append(f"{name} {'met' if found / keyed >= target else 'BELOW'} (>={target:.0%})")
    invented = sum(row.invented.values())
    said.append("nothing invented" if not invented else f"{invented} invented (target 0)")
    return "; ".join(said)


def table(rows: list[Row]) -> str:
    from tabulate import tabulate

    dates = {True: "y", False: "n", None: ""}
    body = [
        [
            r.document,
            r.via,
            *(ratio(r.found[k], r.keyed[k]) for k in KINDS),
            "/".join(str(r.invented[k]) for k in KINDS),
            r.owner_mismatches or "",
            dates[r.date_right] if not r.error else "-",
            f"{r.seconds:.2f}",
            r.error,
        ]
        for r in rows
    ]
    headers = ["document", "via", "decisions", "actions", "report-backs", "invented d/a/r"]
    headers += ["owner≠", "date", "seconds", "reader error"]
    return tabulate(body, headers, tablefmt="github", disable_numparse=True)


def totals(rows: list[Row]) -> list[Row]:
    """Per folder of keys (a development set is not a corpus of unseen minutes), as keyed and
    from the originals; and over all folders when there are several."""
    folders = list(dict.fromkeys(r.folder for r in rows))
    groups = [(f"{folder} ", [r for r in rows if r.folder == folder]) for folder in folders]
    if len(folders) > 1:
        groups.append(("all ", rows))
    sums = []
    for label, group in groups:
        for way, original in (("as keyed", False), ("originals", True)):
            chosen = [r for r in group if r.original == original]
            if chosen:
                sums.append(total(chosen, f"total {label}({way})"))
    return sums


def report(rows: list[Row], show_misses: bool) -> str:
    sums = totals(rows)
    lines = [table(rows + sums), ""]
    lines += [f"{s.document}: {verdict(s)}" for s in sums]
    if show_misses:
        for r in rows:
            if r.misses or r.error:
                lines += ["", f"## {r.document} via {r.via}"]
                lines += [f"  reader error: {r.error}"] if r.error else []
                lines += [f"  {m}" for m in r.misses]
    return "\n".join(lines)


def default_folders() -> list[Path]:
    named = [Path(p) for p in os.environ.get("GOVLEDGER_CORPUS", "").split(":") if p]
    return [p for p in [REALDOCS, *named] if p.is_dir()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.minutes_recall",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("folders", nargs="*", type=Path, metavar="DIR")
    parser.add_argument("--format", choices=("table", "json"), default="table")
    parser.add_argument("--show-misses", action="store_true", help="list each miss and invention")
    args = parser.parse_args(argv)
    folders = args.folders or default_folders()
    if not folders:
        parser.error(f"no answer keys: {REALDOCS} is absent; name a DIR of *.answers.json")
    for folder in folders:
        if not folder.is_dir():
            parser.error(f"{folder} is not a directory; name a DIR holding *.answers.json")
        if not any(folder.glob("*.answers.json")):
            print(f"skipping {folder}: it holds no *.answers.json yet", file=sys.stderr)
    folders = [f for f in folders if any(f.glob("*.answers.json"))]
    if not folders:
        parser.error("no *.answers.json in any DIR given; name a DIR of answer keys")
    try:
        from ledger.readers.minutes import read_minutes
    except ImportError as problem:
        parser.error(f"the minutes reader cannot be imported ({problem}); it must land first")
    started = time.perf_counter()
    try:
        rows = [row for folder in folders for row in score_directory(folder, read_minutes)]
    except ValueError as problem:
        parser.error(str(problem))
    seconds = time.perf_counter() - started
    if args.format == "json":
        data = {"rows": [asdict(r) for r in rows], "totals": [asdict(t) for t in totals(rows)]}
        print(json.dumps(data | {"seconds": round(seconds, 2)}, indent=2, ensure_ascii=False))
    else:
        print(report(rows, args.show_misses))
        print(f"\n{len(rows)} documents read and scored in {seconds:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
