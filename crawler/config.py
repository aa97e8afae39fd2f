"""Crawl settings beyond the sources: concurrency, retries, caps, and the injected clock/sleep."""

from __future__ import annotations

import asyncio
import ipaddress
import time
from dataclasses import dataclass, field, replace
from urllib.parse import urljoin, urlsplit

from corpus.sources import Source
from crawler.errors import CrawlConfigError
from crawler.fetch import FetchConfig
from crawler.politeness import Clock, Sleep


@dataclass(frozen=True, slots=True)
class CrawlConfig:
    """How hard and how carefully to crawl."""

    fetch: FetchConfig = field(default_factory=FetchConfig)
    concurrency: int = 8  # requests in flight over all hosts
    per_host: int = 2  # requests in flight per host when it has no delay
    max_retries: int = 3  # on 5xx, 429, timeouts, resets
    backoff_base: float = 1.0
    backoff_cap: float = 60.0
    max_retry_after: float = 300.0  # a longer Retry-After gives up instead of waiting
    max_redirects: int = 10
    max_links_per_page: int = 1000
    max_query_variants: int = 100  # distinct query strings accepted per path
    dead_host_after: int = 5  # consecutive connection failures before a host is given up
    challenge_host_after: int = 3  # consecutive anti-bot challenges before a host is left alone
    resolve_dns: bool = True  # check resolved addresses against the private-address guard
    clock: Clock = time.monotonic
    sleep: Sleep = asyncio.sleep


def resolve_source(source: Source, base_url: str | None, max_pages: int | None = None,
                   max_depth: int | None = None) -> Source:
    """Resolve root-relative seeds and feeds on `base_url` and apply the cap overrides."""
    def absolute(url: str) -> str:
        """Resolve a root-relative seed on the base URL."""
        if urlsplit(url).scheme in ("http", "https"):
            return url
        if not base_url:
            raise CrawlConfigError(
                f"source {source.name!r} has the relative seed or feed {url!r}; "
                "pass base_url (the site's address, e.g. http://127.0.0.1:8000)"
            )
        return urljoin(base_url.rstrip("/") + "/", url.lstrip("/"))

    for cap, value in (("max_pages", max_pages), ("max_depth", max_depth)):
        if value is not None and value < 0:
            raise CrawlConfigError(f"{cap} must be 0 or more, not {value}")
    seeds = tuple(absolute(u) for u in source.seeds)
    feeds = tuple(absolute(u) for u in source.feeds)
    hosts = source.hosts
    relative = any(not urlsplit(u).scheme for u in (*source.seeds, *source.feeds))
    if not hosts and base_url and relative:
        hosts = tuple({urlsplit(u).netloc for u in (*seeds, *feeds)})
    return replace(
        source, seeds=seeds, feeds=feeds, hosts=hosts,
        max_pages=source.max_pages if max_pages is None else max_pages,
        max_depth=source.max_depth if max_depth is None else max_depth,
    )


def adhoc_source(seeds: list[str] | tuple[str, ...], name: str = "seed") -> Source:
    """Build a source for `--seed URL`: the seed hosts are the allowed hosts."""
    cleaned = tuple(s.strip() for s in seeds if s and s.strip())
    if not cleaned:
        raise CrawlConfigError("give at least one seed URL, e.g. --seed https://jdih.example.go.id/")
    hosts = []
    for seed in cleaned:
        parts = urlsplit(seed)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise CrawlConfigError(f"seed {seed!r} is not an http(s) URL; write it in full, "
                                   "e.g. https://jdih.gianyarkab.go.id/")
        hosts.append(parts.netloc.lower())
    local = all(_is_local_host(urlsplit(s).hostname or "") for s in cleaned)
    return Source(name=name, kind="adhoc", seeds=cleaned, hosts=tuple(dict.fromkeys(hosts)),
                  description="ad-hoc seeds", local=local)


def _is_local_host(host: str) -> bool:
    """Tell whether the user named a loopback/private host explicitly (then it may be fetched)."""
    if host == "localhost":
        return True
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        return False
    return ip.is_loopback or ip.is_private
