"""python -m bench.tracker_recall [DIR ...] [--format table|json] [--show-misses]: how much of
what hand-written answer keys hold the tracker reader puts in the right field (issue 11).

Each ``*.answers.json`` in a DIR names its tracker ("file"). That file is read with
``ledger.readers.tracker_files.read_tracker`` with the options a clerk would give, and so is
its PDF beside it when there is one (clerks hand over the PDF itself). A collected CSV with
no original beside it is also rendered, in a temporary folder, as an XLSX and a PDF and
scored "via xlsx (rendered)" / "via pdf (rendered)" (bench.tracker_renderings: renderings of
real trackers, not originals). With no DIR: the real trackers in
../shared/data/realdocs/trackers and the collected ones in ../shared/corpus/trackers.

A second table imports each pair of versions of one tracker (a key with ``changes_vs_X``)
into a fresh SQLite ledger and compares what the second import recorded with the true
changes worked out from the two keys alone (bench.tracker_changes, bench.tracker_reimport).

What a key holds
- ``options``: what the clerk types: ``key`` (--key COLUMN), ``map`` ({header: field}, --map),
  ``sheet`` (--sheet), ``format``. The realdocs keys predate this field; what a clerk would
  type for them is in bench.tracker_keys.REALDOCS_OPTIONS (only T4 needs one: --key Department).
- ``fields``: which field of the draft each name in the key's rows belongs in: ``id``,
  ``action``, ``issue``, ``who``, ``timescale``, ``rating``, ``update``, ``theme`` or
  ``extra:COLUMN`` (a column kept word for word). Without it, the realdocs vocabulary
  applies (bench.tracker_keys.KEY_VOCABULARY); a row name that is one of the key's
  ``columns`` is that extra column, and the name of the ``--key`` column is the item's ID.
  Other names (row, evidence, notes) are the key author's own and are not scored.

Scoring (strict: a figure here must never flatter the reader)
- Values are compared word for word: Unicode NFKC, case aside, words are runs of letters and
  digits, so line breaks, page artefacts and punctuation do not count, every word does.
- Rows: with an ``id`` field, a key row is found by the item with that ID; otherwise by the
  item whose action and issue share most words with it (at least half, one item per row,
  nearest row first on ties). Draft items that answer no key row are invented.
- Fields keyed = the non-empty values of a row's scored names; a row not found has all its
  fields wrong. A reader error (refusal or crash) leaves the whole document missed.
Totals: per folder of keys and over all, with the verdict the issue asks for: every keyed row
found, none invented, every word in the right field.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

from bench.minutes_recall import load_key
from bench.tracker_keys import TARGETS, Scored, missed, options_of, score
from bench.tracker_reimport import as_json, reimports
from bench.tracker_reimport import report as changes_report
from bench.tracker_renderings import FONT, documents

RENDERED = (
    'Rows "via xlsx (rendered)" and "via pdf (rendered)" read RENDERINGS of real trackers made '
    "by this report (bench/tracker_renderings.py), not original spreadsheets or PDFs: the "
    "stored copies of other bodies' trackers hold no binary files."
)

SHARED = Path(__file__).resolve().parents[2] / "shared"
REALDOCS = SHARED / "data" / "realdocs" / "trackers"
CORPUS = SHARED / "corpus" / "trackers"


def read_and_score(answers: dict[str, Any], name: str, via: str, path: Path) -> Scored:
    from ledger.errors import LedgerError
    from ledger.readers.tracker_files import read_tracker

    options = options_of(answers)
    started = time.perf_counter()
    if not path.exists():
        return missed(answers, name, via, f"not rendered: no font at {FONT} to write it")
    try:
        draft = read_tracker(
            str(path),
            options.get("format", "auto"),
            sheet=options.get("sheet"),
            mapping=options.get("map"),
            key=options.get("key"),
        )
        scored = score(answers, draft, name, via)
    except LedgerError as refused:
        scored = missed(answers, name, via, str(refused))
    except Exception as crash:  # a crash is a finding to report, not a reason to stop
        scored = missed(answers, name, via, f"crash: {type(crash).__name__}: {crash}")
    scored.seconds = time.perf_counter() - started
    return scored


def score_folder(folder: Path) -> list[Scored]:
    scored = []
    with tempfile.TemporaryDirectory() as scratch:
        for key_path in sorted(folder.glob("*.answers.json")):
            answers = load_key(key_path)
            name = key_path.name.removesuffix(".answers.json")
            for via, path, key in documents(key_path, answers, Path(scratch)):
                scored.append(read_and_score(key, name, via, path))
                scored[-1].folder = "/".join(folder.parts[-2:])
    return scored


def summed(group: list[Scored], label: str) -> Scored:
    total = Scored(label, "")
    for s in group:
        total.rows_keyed += s.rows_keyed
        total.rows_found += s.rows_found
        total.invented += s.invented
        total.seconds += s.seconds
        for kind, n in s.fields_keyed.items():
            total.fields_keyed[kind] = total.fields_keyed.get(kind, 0) + n
        for kind, n in s.fields_right.items():
            total.fields_right[kind] = total.fields_right.get(kind, 0) + n
    return total


def totals(scored: list[Scored]) -> list[Scored]:
    folders = list(dict.fromkeys(s.folder for s in scored))
    sums = [summed([s for s in scored if s.folder == f], f"total {f}") for f in folders]
    return sums + ([summed(scored, "total all")] if len(folders) > 1 else [])


def ratio(right: int, keyed: int) -> str:
    return f"{right}/{keyed}" + (f" {100 * right / keyed:.0f}%" if keyed else "")


def verdict(total: Scored) -> str:
    right, keyed = sum(total.fields_right.values()), sum(total.fields_keyed.values())
    said = [
        "every keyed row found"
        if total.rows_found == total.rows_keyed
        else f"{total.rows_keyed - total.rows_found} keyed rows MISSED",
        "nothing invented" if not total.invented else f"{total.invented} rows INVENTED",
        "every word in the right field"
        if right == keyed
        else f"{keyed - right} fields WRONG ({ratio(right, keyed)} right)",
    ]
    return f"{total.document}: " + "; ".join(said)


def report(scored: list[Scored], show_misses: bool) -> str:
    from tabulate import tabulate

    sums = totals(scored)
    body = [
        [
            s.document,
            s.via,
            ratio(s.rows_found, s.rows_keyed),
            ratio(sum(s.fields_right.values()), sum(s.fields_keyed.values())),
            s.invented,
            f"{s.seconds:.2f}",
            " ".join(s.error.split())[:120],
        ]
        for s in scored + sums
    ]
    headers = ["document", "via", "rows found", "fields right", "invented", "seconds"]
    lines = [tabulate(body, [*headers, "reader error"], tablefmt="github", disable_numparse=True)]
    kinds = [k for k in TARGETS if any(k in t.fields_keyed for t in sums)]
    by_field = [
        [t.document, *(ratio(t.fields_right.get(k, 0), t.fields_keyed.get(k, 0)) for k in kinds)]
        for t in sums
    ]
    lines += [
        "",
        tabulate(
            by_field, ["fields right by kind", *kinds], tablefmt="github", disable_numparse=True
        ),
        "",
    ]
    lines += [verdict(t) for t in sums]
    for s in scored if show_misses else []:
        if s.misses or s.error:
            lines += ["", f"## {s.document} via {s.via}"]
            lines += [f"  reader error: {s.error}"] if s.error else []
            lines += [f"  {m}" for m in s.misses]
    return "\n".join(lines)


def keyed_folders(given: list[Path]) -> list[Path]:
    """The folders to score: those given (each must be a folder), else the realdocs and the
    corpus beside the project; only those holding answer keys."""
    missing = [str(f) for f in given if not f.is_dir()]
    if missing:
        raise ValueError(f"{', '.join(missing)}: not a directory; name a DIR of *.answers.json")
    chosen = [f for f in given or [REALDOCS, CORPUS] if f.is_dir()]
    keyed = [f for f in chosen if any(f.glob("*.answers.json"))]
    if not keyed:
        raise ValueError(f"no *.answers.json to score ({REALDOCS} absent?); name a DIR of keys")
    return keyed


def main(argv: list[str] | None = None) -> int:
    cli = argparse.ArgumentParser(
        "python -m bench.tracker_recall",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    cli.add_argument("folders", nargs="*", type=Path, metavar="DIR")
    cli.add_argument("--format", choices=("table", "json"), default="table")
    cli.add_argument("--show-misses", action="store_true", help="list every miss and invention")
    args = cli.parse_args(argv)
    started = time.perf_counter()
    try:
        folders = keyed_folders(args.folders)
    except ValueError as problem:
        cli.error(str(problem))
    scored = [s for folder in folders for s in score_folder(folder)]
    changes = [d for folder in folders for d in reimports(folder)]
    if args.format == "table":
        print(report(scored, args.show_misses))
        print(f"\n{RENDERED}\n" if any("rendered" in s.via for s in scored) else "")
        print(changes_report(changes, args.show_misses) if changes else "No two versions keyed.")
        print(f"\n{len(scored)} documents read and scored in {time.perf_counter() - started:.1f} s")
    else:
        documents = [asdict(s) for s in scored]
        print(
            json.dumps(
                {
                    "documents": documents,
                    "totals": [asdict(t) for t in totals(scored)],
                    "changes": [as_json(d) for d in changes],
                },
                indent=2,
                ensure_ascii=False,
            )
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
