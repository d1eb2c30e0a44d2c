"""python -m bench [--sizes 10k,100k,1m]: the table of operation × size, ours beside the floor."""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from bench.measure import machine, run_size, scratch

RESULTS = Path(__file__).parent / "results"


def size_of(text: str) -> int:
    text = text.strip().lower()
    scale = {"k": 1_000, "m": 1_000_000}.get(text[-1:], 1)
    return int(float(text.rstrip("km")) * scale)


def fmt(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:,.0f}" if value >= 100 else f"{value:.2f}"


def table(results: list[dict]) -> str:
    from tabulate import tabulate

    body = [
        [
            r["operation"],
            f"{r['size']:,}" if isinstance(r["size"], int) else r["size"],
            fmt(r["ours"]),
            fmt(r["floor"]),
            r["unit"],
            f"{r['ratio']:.2f}x" if r["ratio"] else "",
            ", ".join(f"{k}={v}" for k, v in r.items() if k in ("peak_mb", "p95_ms")),
        ]
        for r in results
    ]
    return tabulate(
        body,
        ["operation", "size", "ours", "floor", "unit", "ours/floor", "notes"],
        tablefmt="github",
        disable_numparse=True,
    )


def real_log(folder: Path) -> list[dict]:
    """The ServiceNow incident log, where ../shared is beside the project."""
    from bench.measure import measure_all
    from bench.servicenow import DATA, load
    from ledger.application import open_ledger

    if not DATA.exists():
        print(f"skipping the real log: {DATA} is absent", file=sys.stderr)
        return []
    print("real log (ServiceNow incidents): recording and measuring ...", file=sys.stderr)
    path = str(folder / "servicenow.db")
    ledger = open_ledger(path, create=True)
    shape = load(ledger)
    results = measure_all(ledger, path, shape, f"real {shape.events:,}")
    print(table(results), file=sys.stderr)
    return results


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--sizes", default="10k,100k,1m", help="ledger sizes, e.g. 10k,100k")
    parser.add_argument("--no-real", action="store_true", help="skip the ServiceNow real log")
    args = parser.parse_args()
    sizes = [size_of(s) for s in args.sizes.split(",")]
    results = []
    started = time.perf_counter()
    with scratch() as folder:
        for size in sizes:
            print(f"size {size:,}: generating and measuring ...", file=sys.stderr, flush=True)
            results.extend(run_size(size, Path(folder)))
            print(table([r for r in results if r["size"] == size]), file=sys.stderr)
        if not args.no_real:
            results.extend(real_log(Path(folder)))
    print(table(results))
    RESULTS.mkdir(exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    out = RESULTS / f"sqlite-{stamp}.json"
    out.write_text(
        json.dumps(
            {
                "machine": machine(),
                "backend": "sqlite",
                "sizes": sizes,
                "seconds": round(time.perf_counter() - started, 1),
                "results": results,
            },
            indent=2,
        )
    )
    print(f"\nwritten to {out} in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
