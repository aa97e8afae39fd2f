"""Crawl benchmark: pages/s on a 5,000-page loopback site, the per-host delay kept, peak memory.

Runs `crawler.crawl` against `bench.crawl.site` served from another process (so the server
does not share the crawler's interpreter). Prints the figures; `python -m bench.crawl`.
Options: --pages N (default 5000), --delay-pages N (default 60), --delay S (default 0.05).
"""

from __future__ import annotations

import argparse
import itertools
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from bench._shared import result
from corpus.sources import Source
from crawler import CrawlConfig, RawArchive, crawl


def start_site(pages: int, workdir: Path) -> tuple[subprocess.Popen[bytes], str]:
    """Start the generated site in its own process; return it and its base URL."""
    port_file = workdir / "port"
    process = subprocess.Popen([sys.executable, "-m", "bench.crawl.site", str(pages),
                                str(port_file)])
    deadline = time.monotonic() + 20
    while not port_file.exists() or not port_file.read_text():
        if time.monotonic() > deadline or process.poll() is not None:
            raise SystemExit("the benchmark site did not start")
        time.sleep(0.05)
    return process, f"http://127.0.0.1:{port_file.read_text()}"


def run_fast(base: str, pages: int, workdir: Path) -> None:
    """Crawl the whole site with politeness off and print pages/s."""
    source = Source(name="bench", kind="demo", seeds=(base + "/",), delay=0.0, local=True,
                    max_pages=pages * 2, max_depth=pages)
    config = CrawlConfig(concurrency=8, per_host=8)
    started = time.perf_counter()
    report = crawl([source], workdir / "fast", config=config)
    elapsed = time.perf_counter() - started
    fetched = report.sources[0].fetched
    ok = sum(1 for r in RawArchive(workdir / "fast").records() if r.outcome == "ok")
    print(f"politeness off: {fetched} requests, {ok} pages archived ok, {elapsed:.1f} s")
    result("crawl", "pages/s, politeness off", round(fetched / elapsed, 1), "pages/s", ">= 100")
    expected = pages + pages // 10 + pages // 50 + 1  # details, PDFs, listings, home
    result("crawl", "pages archived ok", ok, "", f"= {expected}")
    started = time.perf_counter()
    second = crawl([source], workdir / "fast", config=config)
    elapsed = time.perf_counter() - started
    print(f"revisit: {second.sources[0].unchanged} unchanged, {elapsed:.1f} s")
    rate = round(second.sources[0].fetched / elapsed, 1)
    result("crawl", "revisit pages/s (unchanged content)", rate, "pages/s")


def run_polite(base: str, pages: int, delay: float, workdir: Path) -> None:
    """Crawl part of the site with a per-host delay and show the gaps between requests."""
    before = len(_log(base))
    source = Source(name="polite", kind="demo", seeds=(base + "/",), delay=delay, local=True,
                    max_pages=pages, max_depth=pages)
    started = time.perf_counter()
    report = crawl([source], workdir / "polite", config=CrawlConfig(concurrency=8, per_host=8))
    elapsed = time.perf_counter() - started
    times = _log(base)[before:]
    gaps = [b - a for a, b in itertools.pairwise(times)]
    fetched = report.sources[0].fetched
    print(f"delay {delay} s: {fetched} requests in {elapsed:.1f} s; "
          f"smallest gap {min(gaps):.3f} s, mean gap {sum(gaps) / len(gaps):.3f} s")
    result("crawl", f"pages/s, per-host delay {delay} s", round(fetched / elapsed, 2), "pages/s",
           f"<= {1 / delay:.0f}")
    result("crawl", "smallest gap between requests to the host", round(min(gaps), 4), "s",
           f">= {delay}")


def _log(base: str) -> list[float]:
    text = httpx.get(base + "/__log", timeout=10).text
    return [float(line) for line in text.split()]


def main() -> None:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=5000)
    parser.add_argument("--delay-pages", type=int, default=60)
    parser.add_argument("--delay", type=float, default=0.05)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="telusur-bench-crawl-") as tmp:
        workdir = Path(tmp)
        site, base = start_site(args.pages, workdir)
        try:
            run_fast(base, args.pages, workdir)
            run_polite(base, args.delay_pages, args.delay, workdir)
        finally:
            site.kill()
            site.wait()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of the crawling process: {peak:.0f} MB")
    result("crawl", "peak memory (crawler process)", round(peak, 1), "MB", "< 400")


if __name__ == "__main__":
    main()
