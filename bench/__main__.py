"""Run every benchmark under bench/ and print one table (`make bench`).

Each benchmark runs in its own process (so its peak memory is its own, read from wait4) and
prints `RESULT {json}` lines through `bench._shared.result`; this runner gathers them. Benchmarks
that need ../shared skip cleanly when it is absent. Usage: python -m bench [NAME ...] [--quick]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

from bench._shared import RESULTS

BENCH = Path(__file__).resolve().parent
ORDER = ("extraction", "crawl", "relevance", "search", "load")


def main() -> int:
    """Run the chosen benchmarks (all by default) and print the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("names", nargs="*", help=f"benchmarks to run (default: {', '.join(ORDER)})")
    args = parser.parse_args()
    names = args.names or [n for n in ORDER if _entry(n)]
    rows: list[dict] = []
    for name in names:
        rows += _run(name)
    table = render(rows)
    print("\n" + table)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "latest.md").write_text(table + "\n", encoding="utf-8")
    return 0 if all(r.get("status", "ok") != "failed" for r in rows) else 1


def _entry(name: str) -> list[str] | None:
    package = BENCH / name
    if (package / "__main__.py").exists():
        return [sys.executable, "-m", f"bench.{name}"]
    if (package / "run.py").exists():
        return [sys.executable, str(package / "run.py")]
    return None


def _run(name: str) -> list[dict]:
    command = _entry(name)
    if command is None:
        return [{"bench": name, "metric": "-", "value": "no such benchmark", "status": "failed"}]
    print(f"=== bench {name}: {' '.join(command[1:])}", flush=True)
    started = time.monotonic()
    process = subprocess.Popen(command, cwd=BENCH.parent, stdout=subprocess.PIPE, text=True,
                               env={**os.environ, "PYTHONUNBUFFERED": "1"})
    lines = []
    assert process.stdout is not None
    for line in process.stdout:
        print(line, end="", flush=True)
        lines.append(line)
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    rows = [json.loads(line[7:]) for line in lines if line.startswith("RESULT ")]
    skipped = next((line.strip() for line in lines if line.startswith("SKIP")), None)
    if skipped and not rows:
        return [{"bench": name, "metric": "-", "value": skipped, "status": "skipped"}]
    if process.returncode != 0:
        rows.append({"bench": name, "metric": "exit code", "value": process.returncode,
                     "status": "failed"})
    rows.append({"bench": name, "metric": "peak memory (whole process)",
                 "value": round(usage.ru_maxrss / 1024, 1), "unit": "MB"})
    elapsed = round(time.monotonic() - started, 1)
    rows.append({"bench": name, "metric": "wall time", "value": elapsed, "unit": "s"})
    return rows


def render(rows: list[dict]) -> str:
    """Return the figures as a Markdown table headed by the date and machine."""
    head = (f"Benchmarks run {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC on "
            f"{platform.node() or 'this machine'}: {os.cpu_count()} cores, "
            f"{_memory_gb():.0f} GB, Python {platform.python_version()}")
    out = [head, "", "| benchmark | metric | value | goal |", "| --- | --- | --- | --- |"]
    for row in rows:
        value = row.get("value")
        if isinstance(value, float):
            value = f"{value:,.3f}".rstrip("0").rstrip(".")
        unit = row.get("unit") or ""
        out.append(f"| {row['bench']} | {row['metric']} | {value} {unit} | {row.get('goal', '')} |")
    return "\n".join(out)


def _memory_gb() -> float:
    try:
        pages = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (ValueError, OSError):
        return 0.0
    return pages / 1024**3


if __name__ == "__main__":
    sys.exit(main())
