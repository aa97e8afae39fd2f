"""The crawl loop: workers take URLs from the frontier, fetch politely, and hand answers on.

Per URL: the address guard and robots.txt first; then requests with retries (5xx, 429/503 with
Retry-After, timeouts, resets) and hand-followed redirects (a cap, loops, never off the
source); every response is archived before it is interpreted, and the final one is settled
(`crawler.settle`). Responses archived but not committed by a killed crawl are reconciled at
the next start, and its queue is resumed.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

import httpx

from corpus.sources import Source
from crawler.classify import OK, is_challenge
from crawler.config import CrawlConfig
from crawler.errors import ArchiveError, FetchError
from crawler.fetch import AddressGuard, Fetched, Fetcher, build_client
from crawler.frontier import Entry, Frontier, Scope
from crawler.politeness import HostGate, backoff_seconds, retry_after_seconds
from crawler.progress import Progress
from crawler.report import CrawlReport, SourceReport, tally
from crawler.robots import RobotsRules, rules_from_response
from crawler.settle import Settler, SourceRun
from crawler.state import DONE, CrawlState, UrlDone
from crawler.urls import canonicalize, host_of

log = logging.getLogger(__name__)

RETRYABLE_ERRORS = frozenset({"timeout", "reset", "connection_error"})
RETRYABLE_STATUS = frozenset({429, 500, 502, 503, 504})


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
        self.runs: dict[str, SourceRun] = {}
        self.robots: dict[str, RobotsRules] = {}
        self._robots_locks: dict[str, asyncio.Lock] = {}
        self._failures: dict[str, int] = {}  # host -> consecutive connection failures
        self._challenges: dict[str, int] = {}  # host -> consecutive anti-bot challenges
        self.report = CrawlReport(started_at=datetime.now(UTC).isoformat())

    async def run(self) -> CrawlReport:
        """Crawl until every source's frontier is empty or capped; resume what was unfinished."""
        clock0 = self.config.clock()
        self.state = CrawlState(self.crawl_dir)
        try:
            self._open_runs()
            self.settler = Settler(self.crawl_dir, self.state, self.frontier,
                                   self.config.max_links_per_page)
            self.settler.reconcile(self.runs)
            self._seed()
            async with build_client(self.config.fetch, self.transport,
                                    self.config.concurrency) as client:
                self.fetcher = Fetcher(client, self.config.fetch)
                await self._work()
            for sr in self.runs.values():
                self.state.finish_run(sr.source.name, sr.run)
                sr.report.complete = True
            self.report.complete = True
        finally:
            self._close(clock0)
        return self.report

    def _close(self, clock0: float) -> None:
        """Finish the report and release the archive and the state, however the crawl ended."""
        self.progress.close()
        elapsed = self.config.clock() - clock0
        for sr in self.runs.values():
            sr.report.rejected = self.frontier.rejected_for(sr.source.name)
            sr.report.queued_left = len(self.state.queued(sr.source.name, sr.run))
            sr.report.last_crawl = self.state.last_finished(sr.source.name)
            sr.report.duration = elapsed
        self.report.finished_at = datetime.now(UTC).isoformat()
        self.report.duration = elapsed
        if hasattr(self, "settler"):
            self.settler.close()
        self.state.close()

    def _open_runs(self) -> None:
        for source in self.sources:
            run, resumed = self.state.open_run(source.name)
            sr = SourceReport(name=source.name, run=run, resumed=resumed,
                              last_crawl=self.state.last_finished(source.name))
            scope = Scope.of(source, [*source.seeds, *source.feeds])
            self.runs[source.name] = SourceRun(source, scope, run, sr,
                                               taken=self.state.done_count(source.name, run))
            self.report.sources.append(sr)
        self.frontier = Frontier(
            runs={name: sr.run for name, sr in self.runs.items()},
            max_depth={name: sr.source.max_depth for name, sr in self.runs.items()},
            max_query_variants=self.config.max_query_variants,
        )
        for url, owner, run, _state in self.state.known():
            self.frontier.remember(url, owner, run)
        for current in self.runs.values():
            for row in self.state.queued(current.source.name, current.run):
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

    # workers --------------------------------------------------------------------------------

    async def _work(self) -> None:
        self._active = 0
        self._busy: dict[str, int] = {}  # host -> URLs being processed by workers
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
                entry = self._next()
                while entry is None:
                    if self._active == 0:
                        self._wake.notify_all()
                        return
                    await self._wake.wait()
                    entry = self._next()
                self._active += 1
                host = host_of(entry.url)
                self._busy[host] = self._busy.get(host, 0) + 1
            try:
                await self._process(entry)
            except ArchiveError:
                raise  # the disk or the state is broken: stop, the next run resumes
            except Exception:  # a bug on one page must not end the crawl of the others
                log.exception("unexpected failure on %s; recorded as error", entry.url)
                self._give_up(self.runs[entry.source], entry.url, "error")
            finally:
                async with self._wake:
                    self._active -= 1
                    self._busy[host] -= 1
                    self._wake.notify_all()
            self.progress.update(len(self.frontier), self.runs)

    def _next(self) -> Entry | None:
        """Pop the most urgent URL, preferring hosts that can be asked right now."""
        return self.frontier.pop(lambda h: self.gate.ready(h, self._busy.get(h, 0)),
                                 self.gate.wait)

    def _take(self, entry: Entry) -> SourceRun | None:
        sr = self.runs[entry.source]
        row = self.state.lookup(entry.url)
        if row is not None and row.state == DONE and row.run == sr.run:
            return None  # settled already (reconciled after a kill)
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
            if not rules.allowed(entry.url):
                return self._give_up(sr, entry.url, _refusal(rules))
            if self._challenges.get(host, 0) >= self.config.challenge_host_after:
                return self._give_up(sr, entry.url, "challenge")  # stop knocking
            await self._fetch_chain(entry, sr)
        except FetchError as exc:  # BlockedError included
            if exc.reason == "connection_error":
                self._failures[host] = self._failures.get(host, 0) + 1
            self._give_up(sr, entry.url, exc.reason)

    def _give_up(self, sr: SourceRun, url: str, outcome: str) -> None:
        """Record a final outcome for a URL that has no archived answer."""
        tally(sr.report, outcome)
        self.state.commit_fetch((), (UrlDone(url, outcome),), ())

    # robots ---------------------------------------------------------------------------------

    async def _robots_for(self, url: str, sr: SourceRun) -> RobotsRules:
        parts = urlsplit(url)
        key = f"{parts.scheme}://{parts.netloc}"
        lock = self._robots_locks.setdefault(key, asyncio.Lock())
        async with lock:
            if key not in self.robots:
                rules = await self._fetch_robots(key + "/robots.txt", sr)
                self.robots[key] = rules
                if rules.crawl_delay():
                    self.gate.set_delay(parts.netloc, rules.crawl_delay() or 0.0)
                self._offer_sitemaps(rules, sr, key + "/robots.txt")
        return self.robots[key]

    def _offer_sitemaps(self, rules: RobotsRules, sr: SourceRun, robots_url: str) -> None:
        """Queue the sitemaps robots.txt lists (relative ones too) as feeds of the source."""
        rows = []
        for url in rules.sitemaps():
            entry = self.frontier.offer(url, sr.source.name, sr.scope, 0, base=robots_url,
                                        is_feed=True)
            if entry is not None:
                rows.append((entry.url, entry.source, sr.run, 0, entry.cls))
        if rows:
            self.state.enqueue(rows)

    async def _fetch_robots(self, url: str, sr: SourceRun) -> RobotsRules:
        current = url
        for _ in range(5):  # RFC 9309: follow at least five redirects
            try:
                fetched = await self._request(current, sr, {}, counted=False)
            except FetchError:
                return rules_from_response(None, b"")
            self.settler.index_only(self.settler.write(fetched, url, sr.source.name), "robots_txt")
            target = canonicalize(fetched.location or "", current) if fetched.location else None
            if target is None:
                return rules_from_response(fetched.status, fetched.body.data)
            if not sr.source.local:
                await self.guard.check(urlsplit(target).hostname or "")
            current = target
        return rules_from_response(None, b"")

    # fetching -------------------------------------------------------------------------------

    async def _request(self, url: str, sr: SourceRun, headers: dict[str, str],
                       counted: bool = True) -> Fetched:
        """Make one request with retries; every response retried away is archived first."""
        host = host_of(url)
        for attempt in range(1, self.config.max_retries + 2):
            last = attempt > self.config.max_retries
            try:
                async with self.gate.slot(host, sr.source.delay):
                    fetched = await self.fetcher.request(url, headers)
            except FetchError as exc:
                if exc.reason not in RETRYABLE_ERRORS or last:
                    raise
                await self.config.sleep(self._backoff(attempt))
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
            self.settler.index_only(self.settler.write(fetched, url, sr.source.name))
            self.gate.defer(host, wait if wait is not None else self._backoff(attempt))
        raise AssertionError("unreachable")  # pragma: no cover

    def _backoff(self, attempt: int) -> float:
        return backoff_seconds(attempt, self.config.backoff_base, self.config.backoff_cap)

    def _conditional(self, url: str) -> dict[str, str]:
        """Return If-None-Match / If-Modified-Since for a URL we hold a good copy of."""
        row = self.state.lookup(url)
        if row is None or not row.last_ref or row.outcome not in (OK, "not_modified", "unchanged"):
            return {}
        headers = {}
        if row.etag:
            headers["If-None-Match"] = row.etag
        if row.last_modified:
            headers["If-Modified-Since"] = row.last_modified
        return headers

    async def _fetch_chain(self, entry: Entry, sr: SourceRun) -> None:
        """Fetch a URL, following redirects by hand, and settle the final response."""
        current, chain = entry.url, [entry.url]
        for _hop in range(self.config.max_redirects + 1):
            fetched = await self._request(current, sr, self._conditional(current))
            archived = self.settler.write(fetched, entry.url, sr.source.name)
            if fetched.location is None:
                outcome = self.settler.settle(archived, sr, entry.depth, chain)
                host = host_of(current)
                self._challenges[host] = self._challenges.get(host, 0) + 1 \
                    if outcome == "challenge" else 0
                return
            self.settler.index_only(archived, "redirect")
            target = canonicalize(fetched.location, current)
            problem = self._redirect_problem(target, chain, sr)
            if problem or target is None:
                return self._finish_chain(sr, chain, problem or "bad_redirect")
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

    def _redirect_problem(self, target: str | None, chain: list[str], sr: SourceRun) -> str | None:
        if target is None:
            return "bad_redirect"
        if target in chain:
            return "redirect_loop"
        if not sr.scope.contains(target):
            return "offsite_redirect"
        return None

    def _finish_chain(self, sr: SourceRun, chain: list[str], outcome: str) -> None:
        tally(sr.report, outcome)
        done = [UrlDone(chain[0], "redirect" if len(chain) > 1 else outcome)]
        done += [UrlDone(u, outcome) for u in chain[1:]]
        self.state.commit_fetch((), done, ())


def _refusal(rules: RobotsRules) -> str:
    """Name why robots.txt keeps us from a URL."""
    if not rules.disallow_all:
        return "robots"
    return "host_down" if rules.reason == "unreachable" else "robots_unavailable"
