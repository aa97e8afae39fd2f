"""Crash safety: SIGKILL a crawl and a rebuild at random points, then show nothing is lost.

Each test runs the real `telusur` command in a subprocess, kills it with SIGKILL at a point drawn
from a seeded random generator (so a failure can be replayed), and checks the promises of
ARCHITECTURE.md: the crawl resumes without refetching finished pages or losing fetched ones, the
old index keeps serving during and after a killed rebuild, and the next run completes.
"""

from __future__ import annotations

import collections
import http.server
import random
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from corpus import Document, DocumentStore, Part
from crawler import RawArchive
from index import IndexLockedError, SearchRequest, build_index, index_state, open_index

PAGES = 120
ROOT = Path(__file__).resolve().parents[2]


class _Site(http.server.ThreadingHTTPServer):
    """A loopback site of PAGES linked pages that counts every request per path."""

    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.counts: collections.Counter[str] = collections.Counter()
        self.lock = threading.Lock()

    def handle_error(self, request: object, client_address: object) -> None:
        """Stay quiet: a killed crawler leaves broken pipes behind, as expected."""

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/"

    def served(self) -> int:
        with self.lock:
            return sum(n for path, n in self.counts.items() if path != "/robots.txt")


class _Handler(http.server.BaseHTTPRequestHandler):
    server: _Site

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        with self.server.lock:
            self.server.counts[self.path] += 1
        if self.path == "/robots.txt":
            body, kind = b"User-agent: *\nAllow: /\n", "text/plain"
        elif self.path == "/" or self.path.startswith("/p/"):
            number = 0 if self.path == "/" else int(self.path[3:])
            links = "".join(f'<li><a href="/p/{n}">Halaman {n}</a></li>'
                            for n in (number + 1, number * 2 + 1, number * 3 + 2) if n < PAGES)
            body = (f"<html><head><title>Halaman {number}</title></head><body><main>"
                    f"<h1>Halaman {number}</h1><p>Isi halaman nomor {number} tentang jaminan "
                    f"sosial ketenagakerjaan bagi pekerja rentan di desa.</p><ul>{links}</ul>"
                    "</main></body></html>").encode()
            kind = "text/html; charset=utf-8"
            time.sleep(0.02)  # long enough that a kill lands mid-crawl
        else:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def site() -> Iterator[_Site]:
    server = _Site()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def _telusur(*args: str) -> list[str]:
    return [sys.executable, "-m", "web.cli", *args]


def _archived_pages(crawl_dir: Path) -> list[str]:
    if not crawl_dir.exists():
        return []
    return [r.url for r in RawArchive(crawl_dir).records() if r.status == 200
            and not r.url.endswith("/robots.txt")]


@pytest.mark.parametrize("seed", [11, 23, 37])
def test_killed_crawl_resumes_without_refetching_or_losing_pages(
    site: _Site, tmp_path: Path, seed: int
) -> None:
    kill_after = random.Random(seed).randint(3, PAGES // 2)
    command = _telusur("crawl", "--seed", site.url, "--data-dir", str(tmp_path),
                       "--max-pages", str(PAGES * 2), "--max-depth", str(PAGES), "--delay", "0")
    first = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while site.served() < kill_after and first.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    first.send_signal(signal.SIGKILL)
    first.wait()
    before = set(_archived_pages(tmp_path / "crawl"))
    assert before, "the first run archived nothing before the kill"
    with site.lock:
        site.counts.clear()

    second = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert second.returncode == 0, second.stderr[-2000:]

    archived = _archived_pages(tmp_path / "crawl")
    expected = {site.url} | {f"{site.url}p/{n}" for n in range(1, PAGES)}
    assert set(archived) == expected  # nothing lost: every page is in the archive
    assert len(archived) == len(set(archived))  # and each page only once
    refetched = {url for url in before if site.counts[url.removeprefix(site.url[:-1])]}
    assert refetched == set()  # pages archived before the kill were not fetched again


def _corpus(count: int) -> list[Document]:
    words = ["jaminan", "sosial", "ketenagakerjaan", "pekerja", "rentan", "iuran", "desa",
             "kecelakaan", "kerja", "kematian", "hari", "tua", "pensiun", "peserta", "pemberi",
             "bupati", "daerah", "anggaran"]
    rng = random.Random(5)
    docs = []
    for n in range(count):
        body = " ".join(rng.choice(words) for _ in range(400))
        docs.append(Document(
            id=f"perbup-contoh-{2000 + n % 25}-{n}", url=f"https://jdih.test/{n}",
            kind="regulation", title=f"Peraturan Bupati Contoh Nomor {n} Tahun {2000 + n % 25}",
            text=body, doc_type="Perbup", number=str(n), year=2000 + n % 25,
            region="Kabupaten Contoh", source="test",
            parts=tuple(Part(f"pasal-{k}", "pasal", f"Pasal {k}", body[k * 200:(k + 1) * 200])
                        for k in range(1, 6)),
        ))
    return docs


@pytest.fixture
def built(tmp_path: Path) -> Path:
    with DocumentStore(tmp_path / "documents") as store:
        store.put_many(_corpus(1200))
        build_index(tmp_path / "index", iter(store), store_seq=store.last_seq())
    return tmp_path


def _total(data_dir: Path, query: str = "pekerja rentan") -> int:
    index = open_index(data_dir / "index")
    try:
        with index.searcher() as searcher:
            return searcher.search(SearchRequest(query=query, facets=False)).total
    finally:
        index.close()


@pytest.mark.parametrize("seed", [3, 8])
def test_killed_rebuild_leaves_the_old_index_serving(built: Path, seed: int) -> None:
    before = _total(built)
    state = index_state(built / "index")
    assert before > 0 and state is not None
    kill_at = random.Random(seed).uniform(0.3, 3.0)
    rebuild = subprocess.Popen(_telusur("index", "--rebuild", "--data-dir", str(built)),
                               cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    index = open_index(built / "index")
    answered = 0
    started = time.monotonic()
    try:
        while time.monotonic() - started < kill_at and rebuild.poll() is None:
            with index.searcher() as searcher:  # searches keep answering during the rebuild
                assert searcher.search(SearchRequest(query="iuran desa")).total > 0
            answered += 1
    finally:
        index.close()
    rebuild.send_signal(signal.SIGKILL)
    rebuild.wait()
    assert answered > 0
    assert _total(built) == before  # the old generation still serves after the kill
    finished = subprocess.run(_telusur("index", "--rebuild", "--data-dir", str(built)),
                              cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert finished.returncode == 0, finished.stderr[-2000:]
    after = index_state(built / "index")
    assert after is not None and after.generation != state.generation
    assert _total(built) == before


def test_a_lock_left_by_a_killed_writer_is_recovered(built: Path) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time; from pathlib import Path; from index.lifecycle import writer_lock\n"
         "with writer_lock(Path(sys.argv[1])):\n    print('held', flush=True); time.sleep(60)",
         str(built / "index")],
        cwd=ROOT, stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    with pytest.raises(IndexLockedError, match="another"):
        build_index(built / "index", _corpus(3))
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    done = subprocess.run(_telusur("index", "--rebuild", "--data-dir", str(built)), cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert _total(built) > 0
