"""Access to the real corpus in ../shared/data for benchmarks (never copied into the project)."""

from __future__ import annotations

import gzip
import json
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FULLTEXT = SHARED / "data" / "regulations" / "fulltext_uu_pp.jsonl.gz"
RESULTS = ROOT / "bench" / "results"


def require_shared(path: Path = FULLTEXT) -> Path:
    """Return the path, or exit 0 with a clear message when ../shared is absent (a skip)."""
    if not path.exists():
        print(f"SKIP: {path} is absent (../shared is not beside this checkout)")
        sys.exit(0)
    return path


def iter_records(limit: int | None = None) -> Iterator[dict]:
    """Yield the raw records of the shared full-text corpus."""
    with gzip.open(require_shared(), "rt", encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            if limit is not None and number >= limit:
                return
            yield json.loads(line)


def result(bench: str, metric: str, value: float, unit: str = "", goal: str = "") -> None:
    """Print one machine-readable figure that `python -m bench` gathers into its table."""
    print("RESULT " + json.dumps({"bench": bench, "metric": metric, "value": value,
                                  "unit": unit, "goal": goal}, ensure_ascii=False))
