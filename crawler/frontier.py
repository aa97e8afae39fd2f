"""The frontier: which URLs a source may fetch, in which order, and which are traps.

`Scope` decides whether a URL belongs to a source (hosts, allow/deny patterns). `Frontier`
keeps the in-memory priority queue and seen-set of the current runs (the durable copy is
`CrawlState`), and refuses traps: repeating paths, calendars, query explosions, too deep.
Order: feeds and sitemaps first, then seeds and listing pages, then documents (PDF) and
detail pages, then everything else; shallower before deeper within a class.
"""

from __future__ import annotations

import heapq
import itertools
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlsplit

from corpus.sources import Source
from crawler.discover import looks_like_document
from crawler.urls import canonicalize, host_of, path_key, trap_reason

FEED = 0
LISTING = 1
DOCUMENT = 2
PAGE = 3

MAX_QUERY_VARIANTS = 100
FEED_VARIANTS_FACTOR = 10  # feed APIs paginate by query (?page=N): they get more room
_LISTING = re.compile(
    r"/(?:produk-hukum|peraturan|dokumen|jdih|berita|news|kategori|category|categories|tag|tags|"
    r"topik|search|cari|pencarian|arsip|archive|index|list|daftar)(?:/|$|\.)",
    re.IGNORECASE,
)
_PAGINATION_KEYS = frozenset({"page", "halaman", "hal", "p", "start", "offset", "paged"})
_FEED_PATH = re.compile(r"(?:sitemap[^/]*\.xml(?:\.gz)?|/feed/?$|/rss|\.rss$|atom\.xml|\.json$)",
                        re.IGNORECASE)


def _bare(host: str) -> str:
    host = host.lower()
    return host[4:] if host.startswith("www.") else host


@dataclass(frozen=True, slots=True)
class Scope:
    """Which URLs belong to a source."""

    hosts: frozenset[str]
    allow: tuple[re.Pattern[str], ...] = ()
    deny: tuple[re.Pattern[str], ...] = ()

    @classmethod
    def of(cls, source: Source, entry_urls: list[str]) -> Scope:
        """Build the scope of a source whose seeds and feeds resolved to `entry_urls`."""
        canonical = (canonicalize(u) for u in entry_urls)
        hosts = source.hosts or tuple(urlsplit(u).netloc for u in canonical if u)
        return cls(
            frozenset(_bare(h) for h in hosts if h),
            tuple(re.compile(p) for p in source.allow),
            tuple(re.compile(p) for p in source.deny),
        )

    def host_allowed(self, url: str) -> bool:
        """Tell whether a URL's host is one of the source's hosts (or their subdomains)."""
        host = _bare(urlsplit(url).netloc)
        return host in self.hosts or any(host.endswith("." + h) for h in self.hosts)

    def contains(self, url: str) -> bool:
        """Tell whether a URL belongs to the source."""
        if not self.host_allowed(url):
            return False
        if self.allow and not any(p.search(url) for p in self.allow):
            return False
        return not any(p.search(url) for p in self.deny)


def priority_class(url: str, is_feed: bool = False) -> int:
    """Return the priority class of a URL (lower is fetched sooner)."""
    if is_feed or _FEED_PATH.search(urlsplit(url).path):
        return FEED
    if looks_like_document(url):
        return DOCUMENT
    parts = urlsplit(url)
    keys = {k.lower() for k, _ in parse_qsl(parts.query)}
    if keys & _PAGINATION_KEYS or _LISTING.search(parts.path):
        return LISTING
    return PAGE


@dataclass(order=True, slots=True)
class Entry:
    """One queued URL, ordered by (class, depth, arrival)."""

    cls: int
    depth: int
    order: int
    url: str = field(compare=False)
    source: str = field(compare=False)


@dataclass(slots=True)
class Frontier:
    """Priority queue and seen-set over the current runs of every source in a crawl."""

    runs: dict[str, int]  # source -> current run
    max_depth: dict[str, int]
    max_query_variants: int = MAX_QUERY_VARIANTS
    _heaps: dict[str, list[Entry]] = field(default_factory=dict)  # host -> its queue
    _size: int = 0
    _seen: dict[str, tuple[str, int]] = field(default_factory=dict)  # url -> (source, run)
    _variants: Counter[str] = field(default_factory=Counter)
    _order: itertools.count = field(default_factory=itertools.count)
    rejected: Counter[tuple[str, str]] = field(default_factory=Counter)  # (source, reason)

    def remember(self, url: str, source: str, run: int) -> None:
        """Record a URL known from the state database."""
        self._seen[url] = (source, run)
        if urlsplit(url).query and run == self.runs.get(source):
            self._variants[path_key(url)] += 1

    def push_known(self, url: str, source: str, depth: int, cls: int) -> None:
        """Queue a URL the state database already holds as queued for this run."""
        self._push(Entry(cls, depth, next(self._order), url, source))

    def claim(self, url: str, source: str) -> bool:
        """Mark a URL seen in this run without queueing it (redirect targets, canonicals)."""
        if self.is_seen(url, source):
            return False
        self._seen[url] = (source, self.runs[source])
        return True

    def is_seen(self, url: str, source: str) -> bool:
        """Tell whether a URL was seen in this run (by any source) or belongs to another."""
        known = self._seen.get(url)
        if known is None:
            return False
        owner, run = known
        return owner != source or run == self.runs.get(owner)

    def offer(self, href: str, source: str, scope: Scope, depth: int, base: str | None = None,
              is_feed: bool = False) -> Entry | None:
        """Queue a link if it is new in this run, in scope, shallow enough and not a trap."""
        url = canonicalize(href, base)
        if url is None:
            self.rejected[source, "invalid"] += 1
            return None
        if self.is_seen(url, source):
            return None
        if not scope.contains(url):
            self.rejected[source, "out_of_scope"] += 1
            return None
        if depth > self.max_depth[source] and not is_feed:
            self.rejected[source, "too_deep"] += 1
            return None
        reason = trap_reason(url)
        if reason:
            self.rejected[source, reason] += 1
            return None
        if urlsplit(url).query:
            key = path_key(url)
            cap = self.max_query_variants * (FEED_VARIANTS_FACTOR if is_feed else 1)
            if self._variants[key] >= cap:
                self.rejected[source, "query_explosion"] += 1
                return None
            self._variants[key] += 1
        self._seen[url] = (source, self.runs[source])
        entry = Entry(priority_class(url, is_feed), depth, next(self._order), url, source)
        self._push(entry)
        return entry

    def rejected_for(self, source: str) -> dict[str, int]:
        """Return how many links of a source were refused, by reason."""
        return {reason: n for (name, reason), n in self.rejected.items() if name == source}

    def _push(self, entry: Entry) -> None:
        heapq.heappush(self._heaps.setdefault(host_of(entry.url), []), entry)
        self._size += 1

    def pop(self, ready: Callable[[str], bool] | None = None,
            soonest: Callable[[str], float] | None = None) -> Entry | None:
        """Take the most urgent URL of a host that is `ready`; else of the host ready soonest.

        Choosing among ready hosts keeps workers busy on other sites while a polite delay
        runs on one, instead of all of them queueing behind it.
        """
        heads = [(heap[0], host) for host, heap in self._heaps.items() if heap]
        if not heads:
            return None
        waiting = [h for h in heads if ready is not None and not ready(h[1])]
        candidates = [h for h in heads if h not in waiting] or sorted(
            waiting, key=lambda h: (soonest(h[1]) if soonest else 0.0, h[0]))[:1]
        _, host = min(candidates)
        self._size -= 1
        entry = heapq.heappop(self._heaps[host])
        if not self._heaps[host]:
            del self._heaps[host]
        return entry

    def __len__(self) -> int:
        return self._size
