"""Run searches for the views: one place that maps index errors to web errors, and caches results.

A search engine answers the same few queries over and over (a jury checking a region, a watched
Atom feed); like Solr's query-result cache, each worker keeps the responses of recent requests,
keyed on the request and on the version of the index that answered it. A commit or a swapped-in
rebuild changes the version, so a cached answer is never older than the index it came from.
"""

from __future__ import annotations

import dataclasses
import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Hashable
from typing import Any

from flask import current_app

from index.results import Hit, SearchRequest, SearchResponse
from web.errors import BadRequestError, UnavailableError
from web.resources import get_searcher

log = logging.getLogger(__name__)

_CACHE_KEY = "telusur.search_cache"


class ResultCache:
    """A small thread-safe LRU of search responses, keyed on (index version, request)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.hits = 0
        self.misses = 0
        self._items: OrderedDict[Hashable, SearchResponse] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> SearchResponse | None:
        """Return the cached response for `key`, or None (and count the miss)."""
        with self._lock:
            found = self._items.get(key)
            if found is None:
                self.misses += 1
                return None
            self._items.move_to_end(key)
            self.hits += 1
            return found

    def put(self, key: Hashable, response: SearchResponse) -> None:
        """Remember a response; the least recently used one leaves when full."""
        if self.size <= 0:
            return
        with self._lock:
            self._items[key] = response
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def __len__(self) -> int:
        return len(self._items)


def result_cache() -> ResultCache:
    """Return this app's result cache (size from SEARCH_CACHE_SIZE; 0 turns it off)."""
    cache = current_app.extensions.get(_CACHE_KEY)
    if cache is None:
        cache = ResultCache(int(current_app.config.get("SEARCH_CACHE_SIZE", 512)))
        current_app.extensions[_CACHE_KEY] = cache
    return cache


def run_search(req: SearchRequest) -> SearchResponse:
    """Search the index; a query the index rejects becomes a 400 with its reason."""
    from index.errors import QueryError

    started = time.perf_counter()
    searcher = get_searcher()
    version = getattr(searcher, "version", None)
    cache = result_cache()
    key = (version, req) if version is not None else None
    if key is not None and (cached := cache.get(key)) is not None:
        took = (time.perf_counter() - started) * 1000
        return dataclasses.replace(cached, took_ms=round(took, 2))
    try:
        response = searcher.search(req)
    except QueryError as exc:
        raise BadRequestError(f"The query cannot be understood: {exc}",
                              code="invalid_query") from exc
    if key is not None:
        cache.put(key, response)
    return response


def optional(call: str, *args: Any, **kwargs: Any) -> Any:
    """Call a searcher method for a page's side panel; return None when the index is down."""
    try:
        searcher = get_searcher()
        return getattr(searcher, call)(*args, **kwargs)
    except UnavailableError:
        return None
    except Exception as exc:  # a broken side panel must not take the page down
        log.warning("searcher.%s failed: %s", call, exc)
        return None


def get_hit(doc_id: str) -> Hit | None:
    """Return the index's summary of a document, or None when absent or unavailable."""
    hit = optional("get", doc_id)
    return hit if isinstance(hit, Hit) else None
