"""Whole-body cache of the store-wide feeds (JDIHN JSON, sitemap), keyed on the store's state.

Building the JDIHN feed reads every document in the store, so a body is built once per
(feed, store sequence number, host) and served from memory until the store changes: any
write to the store raises `DocumentStore.last_seq()`, which makes a new key. Only a few bodies
are kept (the newest), so memory stays bounded by a handful of feeds.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable

from flask import Flask, current_app

log = logging.getLogger(__name__)

EXTENSION = "telusur_feed_cache"


class BodyCache:
    """Keep the last few built bodies; build a missing one outside the lock."""

    def __init__(self, max_entries: int = 8) -> None:
        self.max_entries = max(1, max_entries)
        self._entries: OrderedDict[Hashable, bytes] = OrderedDict()
        self._lock = threading.Lock()
        self.builds = 0  # how many bodies were built (for tests and the load benchmark)

    def get_or_build(self, key: Hashable, build: Callable[[], bytes]) -> bytes:
        """Return the body cached under `key`, building and keeping it when absent."""
        with self._lock:
            body = self._entries.get(key)
            if body is not None:
                self._entries.move_to_end(key)
                return body
        body = build()
        with self._lock:
            self.builds += 1
            self._entries[key] = body
            self._entries.move_to_end(key)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)
        return body

    def clear(self) -> None:
        """Forget every body."""
        with self._lock:
            self._entries.clear()


def feed_cache() -> BodyCache:
    """Return the app's feed cache."""
    return current_app.extensions[EXTENSION]


def init_app(app: Flask) -> None:
    """Give the app its feed cache (size from FEED_CACHE_ENTRIES)."""
    app.extensions[EXTENSION] = BodyCache(int(app.config.get("FEED_CACHE_ENTRIES", 8)))
