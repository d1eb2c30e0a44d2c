"""python -m bench [--sizes 10k,100k,1m] [--runs 3] [--backend postgres]: the table of
operation × size, ours beside its fair floor (the operation's essential work in plain
Python and the driver) and its bare floor (the physical limit: the same bytes written or
read), both measured in the same run; ours/fair is how many times the fair floor's time
ours takes."""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.measure import machine, postgres_version, run_size, scratch

RESULTS = Path(__file__).parent / "results"
PG_URL = os.environ.get("GOVLEDGER_BENCH_PG", "postgresql://postgres@127.0.0.1:5432/test")


def size_of(text: str) -> int:
    text = text.strip().lower()
    scale = {"k": 1_000, "m": 1_000_000}.get(text[-1:], 1)
    try:
        size = int(float(text.rstrip("km")) * scale)
    except ValueError:
        size = 0
    if size <= 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a size; write e.g. 10k, 100k or 1m")
    return size


def sizes_of(text: str) -> list[int]:
    return [size_of(s) for s in text.split(",")]


def at_least_one(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of runs; write e.g. 3")
    return int(text)


def fmt(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:,.0f}" if value >= 100 else f"{value:.2f}"


def table(results: list[dict]) -> str:
    from tabulate import tabulate

    notes = ("peak_mb", "p95_ms", "ratios", "cpu")
    body = [
        [
            r["operation"],
            f"{r['size']:,}" if isinstance(r["size"], int) else r["size"],
            fmt(r["ours"]),
            fmt(r["floor"]),
            fmt(r.get("bare")),
            r["unit"],
            f"{r['ratio']:.2f}x" if r["ratio"] else "",
            ", ".join(
                [*(f"{k}={r[k]}" for k in notes if k in r), *([r["note"]] if "note" in r else [])]
            ),
        ]
        for r in results
    ]
    return tabulate(
        body,
        ["operation", "size", "ours", "fair floor", "bare floor", "unit", "ours/fair", "notes"],
        tablefmt="github",
        disable_numparse=True,
    )


def medians(runs: list[list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """One row per operation: the median of each figure over the runs; the ratio is the
    median of each run's own ratio (ours and floor measured together), with their range."""
    merged = []
    for rows in zip(*runs, strict=True):
        first = dict(rows[0])
        for key in ("ours", "floor", "bare", "ratio", "p95_ms"):
            values = [r[key] for r in rows if r.get(key) is not None]
            if values:
                first[key] = statistics.median(values)
        if "peak_mb" in first:
            first["peak_mb"] = max(r["peak_mb"] for r in rows)
        ratios = [r["ratio"] for r in rows if r.get("ratio")]
        if len(ratios) > 1:
            first["ratios"] = f"{min(ratios):.2f}-{max(ratios):.2f}x"
        first["runs"] = len(rows)
        merged.append(first)
    return merged


@contextmanager
def ledger_places(backend: str) -> Iterator[Callable[[str], str]]:
    """Where each run's ledger lives: a file in a scratch folder, or a fresh schema."""
    if backend == "sqlite":
        with scratch() as folder:
            yield lambda name: str(Path(folder) / f"{name}.db")
        return
    import psycopg

    made: list[str] = []

    def schema(name: str) -> str:
        made.append(f"govledger_bench_{name}".replace("-", "_"))
        with psycopg.connect(PG_URL, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA IF EXISTS "{made[-1]}" CASCADE')
        return f"{PG_URL}?schema={made[-1]}"

    try:
        yield schema
    finally:
        with psycopg.connect(PG_URL, autocommit=True) as conn:
            for name in made:
                conn.execute(f'DROP SCHEMA IF EXISTS "{name}" CASCADE')


def real_log(place: Callable[[str], str], run: int) -> list[dict]:
    """The ServiceNow incident log, where ../shared is beside the project."""
    from bench.floor_record import floor_at
    from bench.measure import measure_all
    from bench.servicenow import load
    from ledger.application import open_ledger

    db = place(f"servicenow-{run}")
    ledger = open_ledger(db, create=True)
    floor = floor_at(db)  # recording's fair floor, batch by batch beside ours
    try:
        shape = load(ledger, after_batch=floor.follow)
        fair = floor.rate()
    finally:
        floor.close()
    return measure_all(ledger, db, shape, f"real {shape.events:,}", fair)


def say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument(
        "--sizes", type=sizes_of, default="10k,100k,1m", help="ledger sizes, e.g. 10k,100k"
    )
    parser.add_argument(
        "--runs", type=at_least_one, default=1, help="runs per size; medians are shown"
    )
    parser.add_argument("--backend", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--no-real", action="store_true", help="skip the ServiceNow real log")
    parser.add_argument(
        "--commands-only",
        action="store_true",
        help="only the commands as new processes (--help, a read, a clerk command, a "
        "20,000-row tracker import) on a 10k ledger",
    )
    args = parser.parse_args()
    if args.commands_only:
        args.sizes, args.no_real = [], True
    sizes = args.sizes
    if args.backend == "postgres" and postgres_version(PG_URL) is None:
        parser.error(
            f"no PostgreSQL server answers at {PG_URL}; start it, or set GOVLEDGER_BENCH_PG"
        )
    results: list[dict[str, Any]] = []
    started = time.perf_counter()
    with ledger_places(args.backend) as place:
        for size in sizes:
            runs = []
            for run in range(args.runs):
                say(f"{args.backend}, {size:,} events, run {run + 1} of {args.runs} ...")
                runs.append(run_size(size, place(f"{size}-{run}")))
                say(table(runs[-1]))
            results.extend(medians(runs))
        if not args.no_real:
            from bench.servicenow import DATA

            if DATA.exists():
                runs = []
                for run in range(args.runs):
                    say(f"{args.backend}, the real log, run {run + 1} of {args.runs} ...")
                    runs.append(real_log(place, run))
                    say(table(runs[-1]))
                results.extend(medians(runs))
            else:
                say(f"skipping the real log: {DATA} is absent")
    if args.backend == "sqlite":
        results.extend(commands_as_processes(args, sizes))
    print(table(results))
    seconds = time.perf_counter() - started
    out = write_results(args, sizes, results, seconds)
    print(f"\nwritten to {out} in {seconds:.0f} s")
    return 0


def commands_as_processes(args: Any, sizes: list[int]) -> list[dict[str, Any]]:
    """`govledger --help`, and (on a 10k ledger when no size was run) a read and a clerk
    command, and a 20,000-row tracker import, each as new processes beside its floors."""
    from bench.one_command import command_rows, help_row, import_rows

    runs = max(args.runs, 3)
    say(f"commands as new processes, medians of {runs} ...")
    rows = [help_row(runs)]
    if not sizes:
        with scratch() as folder:
            from bench.synthetic import Generator
            from ledger.application import open_ledger

            db = str(Path(folder) / "commands.db")
            ledger = open_ledger(db, create=True)
            shape = Generator(ledger, 10_000).run()
            ledger.close()
            rows += command_rows(db, shape.trackers[0], shape.actions[0], shape.events, runs)
    with scratch() as folder:
        rows += import_rows(Path(folder), runs)
    say(table(rows))
    return rows


def write_results(args: Any, sizes: list[int], results: list[dict], seconds: float) -> Path:
    RESULTS.mkdir(exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    out = RESULTS / f"{args.backend}-{stamp}.json"
    out.write_text(
        json.dumps(
            {
                "machine": machine(PG_URL),
                "backend": args.backend,
                "sizes": sizes,
                "runs": args.runs,
                "seconds": round(seconds, 1),
                "results": results,
            },
            indent=2,
        )
    )
    return out


if __name__ == "__main__":
    sys.exit(main())
