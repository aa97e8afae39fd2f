"""A live progress line on a terminal (tqdm on stderr), silent when stderr is not a TTY."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from typing import Any


class Progress:
    """Show pages, bytes, queue length and errors while a crawl runs."""

    def __init__(self, enabled: bool = False) -> None:
        self._bar: Any = None
        if enabled and sys.stderr.isatty():
            from tqdm import tqdm

            self._bar = tqdm(desc="crawl", unit="url", file=sys.stderr, dynamic_ncols=True)

    def update(self, queued: int, runs: Mapping[str, Any]) -> None:
        """Advance by one finished URL and refresh the counters."""
        if self._bar is None:
            return
        reports = [sr.report for sr in runs.values()]
        self._bar.update(1)
        self._bar.set_postfix(
            queue=queued,
            fetched=sum(r.fetched for r in reports),
            mb=round(sum(r.bytes for r in reports) / 1e6, 1),
            errors=sum(sum(r.failed.values()) for r in reports),
            blocked=sum(sum(r.blocked.values()) for r in reports),
            refresh=False,
        )

    def close(self) -> None:
        """Remove the progress line."""
        if self._bar is not None:
            self._bar.close()
            self._bar = None
