"""Search speed over the shared corpus: rebuild time, query latency, update time, memory.

Builds Telusur's index of the 3,378 UU/PP texts (with their Pasal) and a plain Whoosh index of
the same corpus in the same run, then times 100+ queries (with snippets and facets on ours,
with Whoosh highlights on the plain one), a one-document update, and a searcher's memory.
Latency is reported as wall-clock and as CPU time (`time.process_time`) per query: on a shared,
busy machine the wall clock mostly measures the other processes.
Usage: python -m bench.search [--procs N] [--limit N] [--keep DIR | --reuse DIR]
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench._shared import require_shared, result
from bench.relevance.baseline import PlainSearcher, build_plain
from bench.search.corpus import load_documents
from index import SearchRequest, build_index, open_index, update_index

QUERIES = Path(__file__).with_name("queries.txt")
BENCH = "search"


def load_queries() -> list[str]:
    """Return the latency queries."""
    lines = QUERIES.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def percentile(values: list[float], fraction: float) -> float:
    """Return the nearest-rank percentile of `values`."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))]


Timing = tuple[list[float], list[float]]  # wall and CPU milliseconds, one per query


def _timed(run: Callable[[], object]) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    run()
    return (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000


def time_ours(index_dir: Path, queries: list[str]) -> tuple[Timing, Timing, float]:
    """Return (wall, CPU) per query for a cold and a warm pass, and the first query's ms."""
    passes: list[Timing] = []
    started = time.perf_counter()
    with open_index(index_dir) as ix:
        def one(query: str) -> None:
            with ix.searcher() as searcher:
                searcher.search(SearchRequest(query=query, per_page=10))

        one("jaminan")
        first = (time.perf_counter() - started) * 1000
        for _ in range(2):
            times = [_timed(lambda q=query: one(q)) for query in queries]
            passes.append(([w for w, _ in times], [c for _, c in times]))
    return passes[0], passes[1], first


def time_plain(index_dir: Path, queries: list[str]) -> tuple[Timing, Timing]:
    """Return (wall, CPU) per query of plain Whoosh (with highlights) over two passes."""
    searcher = PlainSearcher(index_dir)
    passes: list[Timing] = []
    for _ in range(2):
        times = [_timed(lambda q=query: searcher.search(q, limit=10, snippets=True))
                 for query in queries]
        passes.append(([w for w, _ in times], [c for _, c in times]))
    searcher.close()
    return passes[0], passes[1]


def report_latency(name: str, cold: Timing, warm: Timing, goal: str = "") -> None:
    """Print wall-clock and CPU latency figures for one engine."""
    for label, (walls, cpus) in (("cold", cold), ("warm", warm)):
        for clock, times in (("wall", walls), ("cpu", cpus)):
            p50, p95 = statistics.median(times), percentile(times, 0.95)
            print(f"{name:8} {label} {clock:4}: p50 {p50:7.1f} ms  p95 {p95:7.1f} ms  "
                  f"max {max(times):7.1f} ms")
            result(BENCH, f"{name} query {clock} p50 ({label}, {len(times)} queries)",
                   round(p50, 1), "ms")
            result(BENCH, f"{name} query {clock} p95 ({label}, {len(times)} queries)",
                   round(p95, 1), "ms", goal if name == "telusur" else "")


def time_update(index_dir: Path, documents: list) -> float:
    """Return the mean seconds of replacing one document, over five updates."""
    seconds = []
    for doc in documents[:5]:
        changed = doc.replace(title=doc.title + " (diubah)")
        started = time.perf_counter()
        update_index(index_dir, [changed])
        seconds.append(time.perf_counter() - started)
    return statistics.mean(seconds)


def searcher_memory(index_dir: Path) -> tuple[float, float]:
    """Return (MB the RSS grew by, peak MB) of a fresh process opening the index and searching.

    Read from /proc (VmRSS, VmHWM): a forked child inherits its parent's ru_maxrss.
    """
    code = (
        "import sys\n"
        "def mb(key):\n"
        "    for line in open('/proc/self/status'):\n"
        "        if line.startswith(key):\n"
        "            return int(line.split()[1]) / 1024\n"
        "from index import open_index, SearchRequest\n"
        "from bench.search.__main__ import load_queries\n"
        "before = mb('VmRSS')\n"
        "with open_index(sys.argv[1]) as ix, ix.searcher() as s:\n"
        "    for q in load_queries():\n"
        "        s.search(SearchRequest(query=q))\n"
        "    print(mb('VmRSS') - before, mb('VmHWM'))\n"
    )
    out = subprocess.run([sys.executable, "-c", code, str(index_dir)], capture_output=True,
                         text=True, check=True, cwd=Path(__file__).resolve().parents[2])
    grown, peak = (float(x) for x in out.stdout.split())
    print(f"searcher process: grew by {grown:.0f} MB opening the index and running the queries;"
          f" peak RSS {peak:.0f} MB")
    return grown, peak


def build_both(work: Path, documents: list, procs: int) -> None:
    """Build our index and the plain Whoosh one into `work`, printing their times."""
    parts = sum(len(d.parts) for d in documents)
    cpu = time.process_time()
    stats = build_index(work / "telusur", documents, procs=procs)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = time.process_time() - cpu + children.ru_utime + children.ru_stime
    print(f"telusur rebuild: {stats.seconds:.1f}s wall, {cpu:.1f}s CPU "
          f"({stats.units} units, procs={procs})")
    result(BENCH, f"telusur full rebuild ({len(documents)} docs + {parts} Pasal)",
           round(stats.seconds, 1), "s", "<= 120 s")
    result(BENCH, f"telusur full rebuild CPU (all {procs} processes)", round(cpu, 1), "s")
    plain_seconds = build_plain(work / "plain", documents)
    print(f"plain whoosh build: {plain_seconds:.1f}s")
    result(BENCH, "plain whoosh build (1 process)", round(plain_seconds, 1), "s")


def main() -> int:
    """Run the speed benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--procs", type=int, default=1,
                        help="indexing processes for ours (1, as telusur index --rebuild uses)")
    parser.add_argument("--limit", type=int, default=None, help="index only the first N texts")
    parser.add_argument("--keep", type=Path, default=None, help="build into DIR and keep it")
    parser.add_argument("--reuse", type=Path, default=None,
                        help="skip the builds: DIR holds telusur/ and plain/ from --keep")
    args = parser.parse_args()
    require_shared()
    work = args.reuse or args.keep or Path(tempfile.mkdtemp(prefix="telusur-bench-search-"))
    started = time.perf_counter()
    documents = list(load_documents(args.limit))
    parts = sum(len(d.parts) for d in documents)
    chars = sum(len(d.text) for d in documents)
    print(f"loaded {len(documents)} documents, {parts} Pasal, {chars / 1e6:.1f} M characters "
          f"in {time.perf_counter() - started:.1f}s")
    if args.reuse is None:
        build_both(work, documents, args.procs)

    queries = load_queries()
    cold, warm, first = time_ours(work / "telusur", queries)
    print(f"telusur open + first query: {first:.0f} ms")
    result(BENCH, "telusur open + first query", round(first), "ms")
    report_latency("telusur", cold, warm, goal="<= 50 ms")
    report_latency("plain", *time_plain(work / "plain", queries))

    with tempfile.TemporaryDirectory(prefix="telusur-bench-update-") as scratch:
        target = work / "telusur"
        if args.reuse is not None:  # never change a reused index
            target = Path(shutil.copytree(work / "telusur", Path(scratch) / "telusur"))
        update = time_update(target, documents)
    print(f"one-document update: {update * 1000:.0f} ms")
    result(BENCH, "one-document update (mean of 5)", round(update * 1000), "ms", "<= 1000 ms")
    grown, peak = searcher_memory(work / "telusur")
    result(BENCH, "searcher memory (RSS growth while searching)", round(grown), "MB",
           "<= 300 MB")
    result(BENCH, "searcher process peak RSS", round(peak), "MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
