"""Settling responses: archive first, then classify, find links, and commit in one transaction.

`Settler` owns the WARC appender of this crawl process. A final response is written to the
WARC file (and flushed) before anything reads it; then its outcome is classified, its links
discovered (an unchanged page's links come from our archived copy), and the archive index row,
the URL's new state and the new links are committed together. `reconcile` indexes what a
killed crawl had archived but not yet committed.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

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
from crawler.classify import OK, classify
from crawler.discover import Discovery, discover
from crawler.fetch import Fetched
from crawler.frontier import Frontier, Scope
from crawler.report import SourceReport, tally
from crawler.state import CrawlState, RecordRow, UrlDone, UrlRow

log = logging.getLogger(__name__)

PROBLEM_HEADER = "X-Telusur-Body-Problem"
# a cut page or feed still names links worth having (a cut PDF has none, and is not extracted)
_PARTIAL_OK = frozenset({"text/html", "application/json", "application/xml"})
LinkRow = tuple[str, str, int, int, int]  # url, source, run, depth, priority


@dataclass(slots=True)
class SourceRun:
    """One source's run in this crawl: its scope, run number, report and pages taken."""

    source: Source
    scope: Scope
    run: int
    report: SourceReport
    taken: int = 0


def _header(entry: WarcEntry, name: str) -> str | None:
    return next((v for k, v in entry.headers if k.lower() == name), None)


def _tag_noindex(entry: WarcEntry) -> bool:
    """Tell whether an X-Robots-Tag header (for all agents or ours) says noindex."""
    for key, value in entry.headers:
        if key.lower() != "x-robots-tag":
            continue
        agent, _, rules = value.rpartition(":")
        if agent.strip().lower() not in ("", "telusurbot"):
            continue
        if {"noindex", "none"} & {r.strip().lower() for r in rules.split(",")}:
            return True
    return False


class Settler:
    """Archive responses and settle them into the crawl state."""

    def __init__(self, crawl_dir: Path, state: CrawlState, frontier: Frontier,
                 max_links: int) -> None:
        self.crawl_dir = crawl_dir
        self.state = state
        self.frontier = frontier
        self.max_links = max_links
        self._archive: WarcAppender | None = None

    def close(self) -> None:
        """Close this process's WARC file."""
        if self._archive is not None:
            self._archive.close()

    def write(self, fetched: Fetched, requested: str, source: str) -> WarcEntry:
        """Archive one response exactly as read, before anything interprets it."""
        if self._archive is None:
            self._archive = WarcAppender(self.crawl_dir)
        headers = stored_headers(fetched.headers, fetched.coding)
        if fetched.body.problem:
            headers.append((PROBLEM_HEADER, fetched.body.problem))
        return self._archive.append(
            url=fetched.url, requested_url=requested, source=source, status=fetched.status,
            reason=fetched.reason, headers=headers, body=fetched.body.data,
            fetched_at=fetched.fetched_at,
        )

    def index_only(self, entry: WarcEntry, outcome: str | None = None) -> None:
        """Index an archived response that settles no URL (robots.txt, redirects, retries)."""
        ctype_header = _header(entry, "content-type")
        ctype = sniff_content_type(entry.body, ctype_header)
        if outcome is None:
            outcome = classify(entry.status, entry.headers, entry.body, ctype,
                               entry.requested_url, entry.url)
        row = RecordRow(entry, ctype, header_charset(ctype_header), outcome)
        self.state.commit_fetch((row,), (), ())

    def settle(self, entry: WarcEntry, sr: SourceRun, depth: int,
               chain: list[str] | None = None) -> str:
        """Classify a final response, discover its links and commit it all; return the outcome."""
        chain = chain or [entry.requested_url]
        ctype_header = _header(entry, "content-type")
        ctype = sniff_content_type(entry.body, ctype_header)
        charset = header_charset(ctype_header)
        outcome = classify(entry.status, entry.headers, entry.body, ctype, entry.requested_url,
                           entry.url, _header(entry, PROBLEM_HEADER.lower()))
        previous = self.state.lookup(entry.url)
        validators: dict[str, str | None] = {}
        found = Discovery()
        if outcome == OK or (outcome == "truncated" and ctype in _PARTIAL_OK):
            validators = {"etag": _header(entry, "etag"), "sha256": entry.sha256,
                          "last_modified": _header(entry, "last-modified"), "last_ref": entry.ref}
            found = discover(entry.body, entry.url, ctype, charset, self.max_links)
            if outcome == OK and (found.noindex or _tag_noindex(entry)):
                outcome = "noindex"  # the site asks not to be indexed: kept, never extracted
            elif outcome == OK and previous is not None and previous.sha256 == entry.sha256:
                outcome = "unchanged"  # same bytes as our last copy: nothing new to extract
        elif outcome == "not_modified":
            found = self.rediscover(previous)
        if outcome == OK:
            sr.report.new += 1
        elif outcome in ("unchanged", "not_modified"):
            sr.report.unchanged += 1
        tally(sr.report, outcome)
        links = self.links(found, sr, depth + 1, entry.url)
        done = [UrlDone(entry.url, outcome, **validators)]
        done += [UrlDone(u, "redirect") for u in chain if u != entry.url]
        self.state.commit_fetch((RecordRow(entry, ctype, charset, outcome),), done, links)
        return outcome

    def rediscover(self, row: UrlRow | None) -> Discovery:
        """Find the links of an unchanged page in our archived copy of it."""
        if row is None or not row.last_ref:
            return Discovery()
        warc, _, offset = row.last_ref.rpartition("#")
        old = read_entry(self.crawl_dir, warc, int(offset)) if offset.isdigit() else None
        if old is None:
            return Discovery()
        ctype_header = _header(old, "content-type")
        return discover(old.body, old.url, sniff_content_type(old.body, ctype_header),
                        header_charset(ctype_header), self.max_links)

    def links(self, found: Discovery, sr: SourceRun, depth: int, page: str) -> list[LinkRow]:
        """Offer a page's links to the frontier; return the rows to persist."""
        name = sr.source.name
        if found.canonical and found.canonical != page and sr.scope.contains(found.canonical):
            self.frontier.claim(found.canonical, name)  # the same page under its own name
        rows = []
        for url, is_feed in [(u, True) for u in found.feeds] + [(u, False) for u in found.links]:
            entry = self.frontier.offer(url, name, sr.scope, depth, is_feed=is_feed)
            if entry is not None:
                rows.append((entry.url, name, sr.run, depth, entry.cls))
        return rows

    def reconcile(self, runs: dict[str, SourceRun]) -> int:
        """Index responses a killed crawl archived but never committed; return how many."""
        count = 0
        ends = self.state.indexed_end()
        for name in warc_files(self.crawl_dir):
            for entry in scan_entries(self.crawl_dir, name, ends.get(name, 0)):
                if self.state.has_ref(entry.ref):
                    continue
                log.info("reconciling %s from %s", entry.url, entry.ref)
                self._settle_archived(entry, runs.get(entry.source))
                count += 1
        return count

    def _settle_archived(self, entry: WarcEntry, sr: SourceRun | None) -> None:
        row = self.state.lookup(entry.requested_url)
        robots = urlsplit(entry.url).path == "/robots.txt"
        final = not (300 <= entry.status < 400 or entry.status >= 500 or robots)
        if sr is None or row is None or not final:
            self.index_only(entry, "robots_txt" if robots else None)
            return
        self.settle(entry, sr, row.depth)
