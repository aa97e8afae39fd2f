"""The bundled demo: serve `corpus/demo/site/` on loopback, crawl it, extract and index it.

The demo exercises the whole pipeline with no internet: the real crawler fetches the static site
from a free loopback port, so the data dir is rebuilt on every run (URLs carry the port).
"""

from __future__ import annotations

import http.server
import logging
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import corpus
from corpus import load_sources
from crawler import CrawlReport, crawl
from web.pipeline import PipelineStats, data_paths, extract_archive, refresh_index

log = logging.getLogger(__name__)

DEMO_SITE = Path(corpus.__file__).parent / "demo" / "site"
DEMO_MARKER = ".telusur-demo"


class DemoDataDirError(Exception):
    """The data dir holds something other than a demo corpus; refusing to overwrite it."""


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serve the static site quietly, with its own 404 page."""

    def log_message(self, format: str, *args: object) -> None:
        log.debug("demo site: " + format, *args)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code == 404 and page.is_file():
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)


@contextmanager
def serve_demo_site(site: Path = DEMO_SITE, port: int = 0) -> Iterator[str]:
    """Serve the demo site on 127.0.0.1 in a background thread; yield its base URL."""
    if not (site / "index.html").is_file():
        raise FileNotFoundError(f"the demo site is missing at {site}")
    handler = partial(_SiteHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="demo-site", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@dataclass
class DemoBuild:
    """What building the demo corpus did."""

    crawl: CrawlReport
    pipeline: PipelineStats


def reset_demo_data_dir(data_dir: Path) -> None:
    """Empty a demo data dir; refuse a data dir that holds a real corpus."""
    marker = data_dir / DEMO_MARKER
    if data_dir.exists() and any(data_dir.iterdir()) and not marker.exists():
        raise DemoDataDirError(
            f"{data_dir} already holds a corpus that is not the demo; "
            "give the demo its own folder with --data-dir (for example ./data-demo)"
        )
    for stage in data_paths(data_dir).values():
        shutil.rmtree(stage, ignore_errors=True)
    data_dir.mkdir(parents=True, exist_ok=True)
    marker.write_text("This data dir is rebuilt by `telusur demo` on every run.\n")


def build_demo(data_dir: Path, base_url: str, *, progress: bool = False) -> DemoBuild:
    """Crawl the served demo site into a fresh data dir, extract and index it."""
    reset_demo_data_dir(data_dir)
    sources = load_sources()
    report = crawl([sources["demo"]], data_paths(data_dir)["crawl"], base_url=base_url,
                   progress=progress)
    stats = extract_archive(data_dir, sources)
    indexed = refresh_index(data_dir, rebuild=True)
    stats.indexed, stats.rebuilt = indexed.indexed, True
    return DemoBuild(report, stats)
