"""A crawl killed with SIGKILL resumes: nothing archived is fetched again, nothing is lost."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from crawler import RawArchive, crawl
from crawler.archive import scan_entries, warc_files
from tests.crawler.loopback import Reply, fast_config, local_source

ROOT = Path(__file__).resolve().parents[2]
PAGES = 150

CHILD = """
import sys
from corpus.sources import Source
from crawler import crawl
source = Source(name="site", kind="demo", seeds=(sys.argv[1] + "/",), delay=0.0, local=True,
                max_depth=10)
crawl([source], sys.argv[2])
"""


def _site(path: str, headers: dict[str, str]) -> Reply:
    if path == "/robots.txt":
        return Reply(status=404)
    time.sleep(0.01)  # slow enough to kill the crawl in the middle
    if path == "/":
        links = "".join(f'<a href="/p/{i}">{i}</a>' for i in range(0, PAGES, 10))
        return Reply(body=f"<html>{links}</html>".encode())
    n = int(path.rsplit("/", 1)[1])
    links = "".join(f'<a href="/p/{j}">{j}</a>' for j in range(n + 1, min(n + 10, PAGES)))
    return Reply(body=f"<html><title>Halaman {n}</title>{links}</html>".encode())


def _archived_ok(crawl_dir: Path) -> set[str]:
    """Read every complete response in the WARC files, indexed or not (what a kill left)."""
    urls = set()
    for name in warc_files(crawl_dir):
        for entry in scan_entries(crawl_dir, name, 0):
            if entry.status == 200 and not entry.url.endswith("/robots.txt"):
                urls.add(entry.url)
    return urls


def test_crawl_killed_mid_way_resumes_without_refetching_or_losing(serve, tmp_path) -> None:
    site = serve(_site)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen([sys.executable, "-c", CHILD, site.url, str(tmp_path)], env=env,
                             cwd=ROOT)
    deadline = time.monotonic() + 30
    while len(site.requests) < 60 and time.monotonic() < deadline and child.poll() is None:
        time.sleep(0.005)
    assert child.poll() is None, "the crawl finished before it could be killed"
    os.kill(child.pid, signal.SIGKILL)
    child.wait()

    before = _archived_ok(tmp_path)
    assert 20 < len(before) < PAGES
    first_phase = len(site.requests)

    report = crawl([local_source(site, max_depth=10)], tmp_path, config=fast_config())

    refetched = {site.url + p for p, _ in site.requests[first_phase:]} & before
    assert refetched == set()  # nothing archived before the kill was fetched again
    assert report.sources[0].resumed
    records = [r for r in RawArchive(tmp_path).records() if r.outcome == "ok"]
    counts = Counter(r.url for r in records)
    expected = {site.url + "/"} | {f"{site.url}/p/{i}" for i in range(PAGES)}
    assert set(counts) == expected  # none lost
    assert max(counts.values()) == 1  # none archived twice
    in_flight = len(site.requests[:first_phase]) - len(before) - 1  # minus robots.txt
    assert in_flight <= 8  # only requests in flight at the kill were repeated


def test_response_archived_but_not_indexed_is_reconciled_not_refetched(serve, tmp_path) -> None:
    import sqlite3

    site = serve(_site)
    crawl([local_source(site, max_depth=10)], tmp_path, config=fast_config())
    # what a kill between "WARC record flushed" and "index committed" leaves behind: the last
    # record in the WARC file, not in the index, its URL still queued
    db = sqlite3.connect(tmp_path / "state.sqlite")
    victim = db.execute("SELECT url FROM records ORDER BY seq DESC LIMIT 1").fetchone()[0]
    with db:
        db.execute("DELETE FROM records WHERE url = ?", (victim,))
        db.execute("UPDATE urls SET state = 'queued', run = 1, outcome = NULL, sha256 = NULL, "
                   "last_ref = NULL, etag = NULL, last_modified = NULL WHERE url = ?", (victim,))
        db.execute("UPDATE runs SET state = 'active'")
    db.close()
    before = len(site.requests)

    report = crawl([local_source(site, max_depth=10)], tmp_path, config=fast_config())

    assert report.sources[0].resumed
    assert victim.removeprefix(site.url) not in [p for p, _ in site.requests[before:]]
    assert [r.outcome for r in RawArchive(tmp_path).records() if r.url == victim] == ["ok"]
