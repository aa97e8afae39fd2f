"""Errors raised by the crawler package.

    CrawlerError            base of everything below
    ├── CrawlConfigError    a source or crawl option cannot be used as given (says how to fix it)
    ├── ArchiveError        the raw archive (WARC files, state.sqlite) cannot be read or written
    └── FetchError          one fetch failed; `reason` is the outcome recorded for the URL
        └── BlockedError    we must not fetch it: private address, robots.txt, outside the source

Fetch failures never escape `crawl()`: they become per-URL outcomes in the report.
"""

from __future__ import annotations


class CrawlerError(Exception):
    """Base class of crawler errors."""


class CrawlConfigError(CrawlerError):
    """A source or crawl option cannot be used as given."""


class ArchiveError(CrawlerError):
    """The raw archive or the crawl state cannot be read or written."""


class FetchError(CrawlerError):
    """One fetch failed; `reason` is the outcome recorded for the URL."""

    def __init__(self, reason: str, message: str = "") -> None:
        super().__init__(message or reason)
        self.reason = reason


class BlockedError(FetchError):
    """The URL must not be fetched (robots.txt, private address, outside the source)."""
