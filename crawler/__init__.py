"""The crawler: fetch sources politely into a raw WARC archive that extraction reads later.

Public interface:
    crawl(sources, crawl_dir, ...) -> CrawlReport      crawl (resumable; revisits conditionally)
    adhoc_source(seeds, name="seed") -> Source         a source for `--seed URL`
    RawArchive(crawl_dir)                              records(after), get(ref), last_seq()
    RawRecord                                          one archived response
    CrawlReport, SourceReport, load_reports, render_report
    CrawlConfig                                        concurrency, retries, caps, clock/sleep
    crawler.extract.extract(body, url, content_type)   raw response -> Document (pure)
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from corpus.sources import Source
from crawler.archive import RawArchive, RawRecord
from crawler.classify import EXTRACTABLE_OUTCOMES
from crawler.config import CrawlConfig, adhoc_source, resolve_source
from crawler.errors import ArchiveError, CrawlConfigError, CrawlerError, FetchError
from crawler.report import CrawlReport, SourceReport, load_reports, render_report, write_report
from crawler.state import crawl_lock

if TYPE_CHECKING:
    import httpx

__all__ = [
    "EXTRACTABLE_OUTCOMES",
    "ArchiveError",
    "CrawlConfig",
    "CrawlConfigError",
    "CrawlReport",
    "CrawlerError",
    "FetchError",
    "RawArchive",
    "RawRecord",
    "SourceReport",
    "adhoc_source",
    "crawl",
    "load_reports",
    "render_report",
]


def crawl(sources: Sequence[Source], crawl_dir: Path, *, base_url: str | None = None,
          max_pages: int | None = None, max_depth: int | None = None,
          transport: httpx.AsyncBaseTransport | None = None, progress: bool = False,
          config: CrawlConfig | None = None) -> CrawlReport:
    """Crawl `sources` into `crawl_dir` (resuming an unfinished crawl) and return the report."""
    from crawler.engine import CrawlEngine

    if not sources:
        raise CrawlConfigError("nothing to crawl: name a source or give --seed URL")
    names = [s.name for s in sources]
    if len(set(names)) != len(names):
        raise CrawlConfigError(f"a source is listed twice: {names}")
    resolved = [resolve_source(s, base_url, max_pages, max_depth) for s in sources]
    engine = CrawlEngine(resolved, Path(crawl_dir), config or CrawlConfig(), transport, progress)
    with crawl_lock(Path(crawl_dir)):
        try:
            asyncio.run(engine.run())
        finally:  # an interrupted crawl still leaves its (incomplete) report; the next resumes
            if engine.report.sources:
                write_report(engine.report, Path(crawl_dir))
    return engine.report
