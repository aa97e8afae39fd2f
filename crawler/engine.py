"""The crawl loop: workers take URLs from the frontier, fetch politely, archive, then settle.

Per URL: robots.txt and the address guard first; then requests with retries (5xx, 429/503 with
Retry-After, timeouts, resets) and hand-followed redirects (cap, loops, never off the source);
every response is written to the WARC archive before it is interpreted; the final response is
classified, its links discovered, and the archive index, URL state and new links committed in
one transaction. A response archived but not indexed (a kill in between) is reconciled at the
next start.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

import httpx

from corpus.sources import Source
from crawler.archive import (
    WarcAppender,
    WarcEntry,
    read_entry,
    scan_entries,
    stored_headers,
    warc_files,
)
from crawler.body import header_charset, sniff_content_type
from crawler.classify import BLOCKED_OUTCOMES, OK, classify, is_challenge
from crawler.config import CrawlConfig
from crawler.discover import Discovery, discover
from crawler.errors import BlockedError, FetchError
from crawler.fetch import AddressGuard, Fetched, Fetcher, build_client
from crawler.frontier import Entry, Frontier, Scope, priority_class
from crawler.politeness import HostGate, backoff_seconds, retry_after_seconds
from crawler.progress import Progress
from crawler.report import CrawlReport, SourceReport
from crawler.robots import RobotsRules, rules_from_response
from crawler.state import DONE, CrawlState, RecordRow, UrlDone
from crawler.urls import canonicalize, host_of

log = logging.getLogger(__name__)

RETRYABLE_ERRORS = frozenset({"timeout", "reset", "connection_error"})
RETRYABLE_STATUS = frozenset({429, 500, 502, 503, 504})
_NOT_FAILURES = frozenset({OK, "not_modified", "unchanged", "redirect"}) | BLOCKED_OUTCOMES


@dataclass(slots=True)
class _SourceRun:
    source: Source
    scope: Scope
    run: int
    report: SourceReport
    taken: int = 0


class CrawlEngine:
    """Crawl a set of sources into one crawl dir; `run()` returns the report."""

    def __init__(self, sources: list[Source], crawl_dir: Path, config: CrawlConfig,
                 transport: httpx.AsyncBaseTransport | None = None, progress: bool = False) -> None:
        self.crawl_dir = Path(crawl_dir)
        self.config = config
        self.sources = sources
        self.transport = transport
        self.progress = Progress(enabled=progress)
        self.gate = HostGate(config.clock, config.sleep, config.per_host)
        self.guard = AddressGuard(resolve=config.resolve_dns and transport is None)
        self.runs: dict[str, _SourceRun] = {}
        self.robots: dict[str, RobotsRules] = {}
        self._robots_locks: dict[str, asyncio.Lock] = {}
        self._failures: dict[str, int] = {}
        self._archive: WarcAppender | None = None

    # lifecycle ------------------------------------------------------------------------------

    async def run(self) -> CrawlReport:
        """Crawl until every source's frontier is empty or capped; resume what was unfinished."""
        started = datetime.now(UTC)
        clock0 = self.config.clock()
        report = CrawlReport(started_at=started.isoformat())
        self.state = CrawlState(self.crawl_dir)
        try:
            self._open_runs(report)
            self._reconcile()
            self._seed()
            async with build_client(self.config.fetch, self.transport,
                                    self.config.concurrency) as client:
                self.fetcher = Fetcher(client, self.config.fetch)
                await self._work()
            for sr in self.runs.values():
                self.state.finish_run(sr.source.name, sr.run)
                sr.report.complete = True
                sr.report.last_crawl = self.state.last_finished(sr.source.name)
            report.complete = True
        finally:
            self.progress.close()
            for sr in self.runs.values():
                if hasattr(self, "frontier"):
                    sr.report.rejected = self.frontier.rejected_for(sr.source.name)
                sr.report.queued_left = len(self.state.queued(sr.source.name, sr.run))
                sr.report.duration = self.config.clock() - clock0
            report.finished_at = datetime.now(UTC).isoformat()
            report.duration = self.config.clock() - clock0
            if self._archive:
                self._archive.close()
            self.state.close()
        return report

    def _open_runs(self, report: CrawlReport) -> None:
        for source in self.sources:
            run, resumed = self.state.open_run(source.name)
            sr = SourceReport(name=source.name, run=run, resumed=resumed,
                              last_crawl=self.state.last_finished(source.name))
            scope = Scope.of(source, [*source.seeds, *source.feeds])
            self.runs[source.name] = _SourceRun(source, scope, run, sr,
                                                taken=self.state.done_count(source.name, run))
            report.sources.append(sr)
        self.frontier = Frontier(
            runs={name: sr.run for name, sr in self.runs.items()},
            max_depth={name: sr.source.max_depth for name, sr in self.runs.items()},
            max_query_variants=self.config.max_query_variants,
        )
        for url, source, run, _state in self.state.known():
            self.frontier.remember(url, source, run)
        for sr in self.runs.values():
            for row in self.state.queued(sr.source.name, sr.run):
                self.frontier.push_known(row.url, row.source, row.depth, row.priority)

    def _seed(self) -> None:
        rows = []
        for sr in self.runs.values():
            entries = [(u, True) for u in sr.source.feeds] + [(u, False) for u in sr.source.seeds]
            for url, is_feed in entries:
                entry = self.frontier.offer(url, sr.source.name, sr.scope, 0, is_feed=is_feed)
                if entry:
                    rows.append((entry.url, entry.source, sr.run, 0, entry.cls))
        self.state.enqueue(rows)

    def _reconcile(self) -> None:
        """Index responses archived by a crawl that was killed before it could index them."""
        ends = self.state.indexed_end()
        for name in warc_files(self.crawl_dir):
            for entry in scan_entries(self.crawl_dir, name, ends.get(name, 0)):
                if self.state.has_ref(entry.ref):
                    continue
                log.info("reconciling %s from %s", entry.url, entry.ref)
                self._settle_archived(entry)

    def _settle_archived(self, entry: WarcEntry) -> None:
        sr = self.runs.get(entry.source)
        row = self.state.lookup(entry.requested_url)
        if sr is None or row is None or 300 <= entry.status < 400 or entry.status >= 500 \
                or urlsplit(entry.url).path == "/robots.txt":
            outcome = "robots_txt" if urlsplit(entry.url).path == "/robots.txt" else None
            self._index_only(entry, outcome)
            return
        queued = Entry(row.priority, row.depth, 0, entry.requested_url, sr.source.name)
        self._settle(entry, sr, queued, coding="")

    # workers --------------------------------------------------------------------------------

    async def _work(self) -> None:
        self._active = 0
        self._wake = asyncio.Condition()
        workers = [asyncio.create_task(self._worker()) for _ in range(self.config.concurrency)]
        try:
            await asyncio.gather(*workers)
        finally:
            for task in workers:
                task.cancel()

    async def _worker(self) -> None:
        while True:
            async with self._wake:
                entry = self.frontier.pop()
                while entry is None:
                    if self._active == 0:
                        self._wake.notify_all()
                        return
                    await self._wake.wait()
                    entry = self.frontier.pop()
                self._active += 1
            try:
                await self._process(entry)
            except FetchError as exc:  # never expected here; keep the crawl alive
                log.warning("giving up %s: %s", entry.url, exc)
            finally:
                async with self._wake:
                    self._active -= 1
                    self._wake.notify_all()
            self.progress.update(len(self.frontier), self.runs)

    def _take(self, entry: Entry) -> _SourceRun | None:
        sr = self.runs[entry.source]
        row = self.state.lookup(entry.url)
        if row is not None and row.state == DONE and row.run == sr.run:
            return None
        if sr.taken >= sr.source.max_pages:
            return None
        sr.taken += 1
        return sr

    async def _process(self, entry: Entry) -> None:
        sr = self._take(entry)
        if sr is None:
            return
        host = host_of(entry.url)
        if self._failures.get(host, 0) >= self.config.dead_host_after:
            return self._give_up(sr, entry.url, "host_down")
        try:
            if not sr.source.local:
                await self.guard.check(urlsplit(entry.url).hostname or "")
            rules = await self._robots_for(entry.url, sr)
        except BlockedError as exc:
            return self._give_up(sr, entry.url, exc.reason)
        if not rules.allowed(entry.url):
            reason = "robots_unavailable" if rules.disallow_all else "robots"
            return self._give_up(sr, entry.url, reason)
        try:
            await self._fetch_chain(entry, sr)
        except BlockedError as exc:
            self._give_up(sr, entry.url, exc.reason)
        except FetchError as exc:
            if exc.reason == "connection_error":
                self._failures[host] = self._failures.get(host, 0) + 1
            self._give_up(sr, entry.url, exc.reason)

    def _give_up(self, sr: _SourceRun, url: str, outcome: str) -> None:
        """Record a final outcome for a URL that has no archived answer."""
        self._count(sr, outcome)
        self.state.commit_fetch((), (UrlDone(url, outcome),), ())

    def _count(self, sr: _SourceRun, outcome: str) -> None:
        r = sr.report
        r.count(r.outcomes, outcome)
        if outcome in BLOCKED_OUTCOMES:
            r.count(r.blocked, outcome)
        elif outcome not in _NOT_FAILURES:
            r.count(r.failed, outcome)

    # robots ---------------------------------------------------------------------------------

    async def _robots_for(self, url: str, sr: _SourceRun) -> RobotsRules:
        parts = urlsplit(url)
        key = f"{parts.scheme}://{parts.netloc}"
        lock = self._robots_locks.setdefault(key, asyncio.Lock())
        async with lock:
            if key not in self.robots:
                self.robots[key] = await self._fetch_robots(key + "/robots.txt", sr)
                delay = self.robots[key].crawl_delay()
                if delay:
                    self.gate.set_delay(parts.netloc, delay)
                self._offer_sitemaps(self.robots[key], sr)
        return self.robots[key]

    def _offer_sitemaps(self, rules: RobotsRules, sr: _SourceRun) -> None:
        """Queue the sitemaps robots.txt lists as feeds of the source."""
        rows = []
        for url in rules.sitemaps():
            entry = self.frontier.offer(url, sr.source.name, sr.scope, 0, is_feed=True)
            if entry is not None:
                rows.append((entry.url, entry.source, sr.run, 0, entry.cls))
        if rows:
            self.state.enqueue(rows)

    async def _fetch_robots(self, url: str, sr: _SourceRun) -> RobotsRules:
        current = url
        for _ in range(5):
            try:
                fetched = await self._request(current, sr, {}, counted=False)
            except FetchError:
                return rules_from_response(None, b"")
            self._index_only(self._write(fetched, url, sr.source.name), "robots_txt")
            target = canonicalize(fetched.location or "", current) if fetched.location else None
            if target is None:
                return rules_from_response(fetched.status, fetched.body.data)
            if not sr.source.local:
                await self.guard.check(urlsplit(target).hostname or "")
            current = target
        return rules_from_response(None, b"")

    # fetching -------------------------------------------------------------------------------

    def _delay(self, url: str, sr: _SourceRun) -> float:
        return sr.source.delay

    async def _request(self, url: str, sr: _SourceRun, headers: dict[str, str],
                       counted: bool = True) -> Fetched:
        """Make one request with retries; every response retried away is archived first."""
        host = host_of(url)
        for attempt in range(1, self.config.max_retries + 2):
            last = attempt > self.config.max_retries
            try:
                async with self.gate.slot(host, self._delay(url, sr)):
                    fetched = await self.fetcher.request(url, headers)
            except FetchError as exc:
                if exc.reason not in RETRYABLE_ERRORS or last:
                    raise
                await self.config.sleep(backoff_seconds(attempt, self.config.backoff_base,
                                                        self.config.backoff_cap))
                continue
            if counted:
                sr.report.fetched += 1
                sr.report.bytes += fetched.body.raw_bytes
            self._failures[host] = 0
            if fetched.status not in RETRYABLE_STATUS or last or is_challenge(
                    fetched.status, fetched.headers, fetched.body.data):
                return fetched
            wait = retry_after_seconds(fetched.header("retry-after"))
            if wait is not None and wait > self.config.max_retry_after:
                return fetched
            self._index_only(self._write(fetched, url, sr.source.name), None)
            self.gate.defer(host, wait if wait is not None else backoff_seconds(
                attempt, self.config.backoff_base, self.config.backoff_cap))
        raise AssertionError("unreachable")  # pragma: no cover

    def _conditional(self, url: str) -> dict[str, str]:
        row = self.state.lookup(url)
        if row is None or not row.last_ref or row.outcome not in (OK, "not_modified", "unchanged"):
            return {}
        headers = {}
        if row.etag:
            headers["If-None-Match"] = row.etag
        if row.last_modified:
            headers["If-Modified-Since"] = row.last_modified
        return headers

    async def _fetch_chain(self, entry: Entry, sr: _SourceRun) -> None:
        """Fetch a URL, following redirects by hand, and settle the final response."""
        current, chain = entry.url, [entry.url]
        for _hop in range(self.config.max_redirects + 1):
            fetched = await self._request(current, sr, self._conditional(current))
            if fetched.location is None:
                archived = self._write(fetched, entry.url, sr.source.name)
                self._settle(archived, sr, entry, fetched.coding, chain)
                return
            self._index_only(self._write(fetched, entry.url, sr.source.name), "redirect")
            target = canonicalize(fetched.location, current)
            outcome = self._redirect_problem(target, chain, sr)
            if outcome:
                return self._finish_chain(sr, chain, outcome)
            assert target is not None
            if self.frontier.is_seen(target, sr.source.name):
                return self._finish_chain(sr, chain, "redirect")  # fetched on its own
            if not sr.source.local:
                await self.guard.check(urlsplit(target).hostname or "")
            if not (await self._robots_for(target, sr)).allowed(target):
                return self._finish_chain(sr, chain, "robots")
            self.frontier.claim(target, sr.source.name)
            self.state.enqueue([(target, sr.source.name, sr.run, entry.depth, entry.cls)])
            chain.append(target)
            current = target
        self._finish_chain(sr, chain, "too_many_redirects")

    def _redirect_problem(self, target: str | None, chain: list[str], sr: _SourceRun) -> str | None:
        if target is None:
            return "bad_redirect"
        if target in chain:
            return "redirect_loop"
        if not sr.scope.contains(target):
            return "offsite_redirect"
        return None

    def _finish_chain(self, sr: _SourceRun, chain: list[str], outcome: str) -> None:
        self._count(sr, outcome)
        done = [UrlDone(chain[0], "redirect" if len(chain) > 1 else outcome)]
        done += [UrlDone(u, outcome) for u in chain[1:]]
        self.state.commit_fetch((), done, ())

    # archive and settle ---------------------------------------------------------------------

    def _write(self, fetched: Fetched, requested: str, source: str) -> WarcEntry:
        if self._archive is None:
            self._archive = WarcAppender(self.crawl_dir)
        return self._archive.append(
            url=fetched.url, requested_url=requested, source=source, status=fetched.status,
            reason=fetched.reason, headers=stored_headers(fetched.headers, fetched.coding),
            body=fetched.body.data, fetched_at=fetched.fetched_at,
        ) if fetched.body.problem is None else self._archive.append(
            url=fetched.url, requested_url=requested, source=source, status=fetched.status,
            reason=fetched.reason,
            headers=[*stored_headers(fetched.headers, fetched.coding),
                     ("X-Telusur-Body-Problem", fetched.body.problem)],
            body=fetched.body.data, fetched_at=fetched.fetched_at,
        )

    def _index_only(self, entry: WarcEntry, outcome: str | None) -> None:
        ctype_header = next((v for k, v in entry.headers if k.lower() == "content-type"), None)
        ctype = sniff_content_type(entry.body, ctype_header)
        if outcome is None:
            outcome = classify(entry.status, entry.headers, entry.body, ctype, entry.requested_url,
                               entry.url)
        row = RecordRow(entry, ctype, header_charset(ctype_header), outcome)
        self.state.commit_fetch((row,), (), ())

    def _settle(self, entry: WarcEntry, sr: _SourceRun, queued: Entry, coding: str,
                chain: list[str] | None = None) -> None:
        """Classify a final response, discover its links, and commit it all at once."""
        chain = chain or [entry.requested_url]
        ctype_header = next((v for k, v in entry.headers if k.lower() == "content-type"), None)
        ctype = sniff_content_type(entry.body, ctype_header)
        charset = header_charset(ctype_header)
        problem = next((v for k, v in entry.headers if k == "X-Telusur-Body-Problem"), None)
        outcome = classify(entry.status, entry.headers, entry.body, ctype, entry.requested_url,
                           entry.url, problem)
        row = self.state.lookup(entry.url)
        validators: dict[str, str | None] = {}
        discovery = Discovery()
        if outcome == OK or (outcome == "truncated" and ctype == "text/html"):
            validators = {"etag": _hdr(entry, "etag"), "sha256": entry.sha256,
                          "last_modified": _hdr(entry, "last-modified"), "last_ref": entry.ref}
            if outcome == OK and row is not None and row.sha256 == entry.sha256:
                outcome = OK
                sr.report.unchanged += 1
            elif outcome == OK:
                sr.report.new += 1
            discovery = discover(entry.body, entry.url, ctype, charset,
                                 self.config.max_links_per_page)
        elif outcome == "not_modified":
            sr.report.unchanged += 1
            discovery = self._rediscover(row)
        self._count(sr, outcome)
        links = self._links(discovery, sr, queued.depth + 1, entry.url)
        final = UrlDone(entry.url, outcome, **validators)
        done = [final] + [UrlDone(u, "redirect") for u in chain if u != entry.url]
        self.state.commit_fetch((RecordRow(entry, ctype, charset, outcome),), done, links)

    def _rediscover(self, row: object) -> Discovery:
        """Find the links of an unchanged page in our archived copy of it."""
        ref = getattr(row, "last_ref", None)
        if not ref:
            return Discovery()
        warc, _, offset = ref.rpartition("#")
        old = read_entry(self.crawl_dir, warc, int(offset))
        if old is None:
            return Discovery()
        ctype_header = next((v for k, v in old.headers if k.lower() == "content-type"), None)
        return discover(old.body, old.url, sniff_content_type(old.body, ctype_header),
                        header_charset(ctype_header), self.config.max_links_per_page)

    def _links(self, found: Discovery, sr: _SourceRun, depth: int,
               page: str) -> list[tuple[str, str, int, int, int]]:
        name = sr.source.name
        if found.canonical and found.canonical != page and sr.scope.contains(found.canonical):
            self.frontier.claim(found.canonical, name)
        rows = []
        for url, is_feed in [(u, True) for u in found.feeds] + [(u, False) for u in found.links]:
            entry = self.frontier.offer(url, name, sr.scope, depth, is_feed=is_feed)
            if entry is not None:
                rows.append((entry.url, name, sr.run, depth, entry.cls))
        return rows


def _hdr(entry: WarcEntry, name: str) -> str | None:
    return next((v for k, v in entry.headers if k.lower() == name), None)


__all__ = ["CrawlEngine", "priority_class"]
