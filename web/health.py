"""Per-source crawl health for the coverage page, read from the crawler's reports.

The crawler's report objects are read through a few attribute names only, so a report
format that gains fields does not break the page; an absent crawl dir shows "no crawl yet".
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class SourceHealth:
    """What the last crawl of one source did."""

    name: str
    last_crawl: dt.datetime | None
    pages: int
    failures: int
    blocked: int
    status: str  # ok, degraded, blocked, failing


def _first(obj: Any, *names: str, default: Any = None) -> Any:
    for name in names:
        value = obj.get(name) if isinstance(obj, dict) else getattr(obj, name, None)
        if value is not None:
            return value
    return default


def _as_int(value: Any) -> int:
    if isinstance(value, int | float):
        return int(value)
    if isinstance(value, Iterable) and not isinstance(value, str | bytes):
        return sum(1 for _ in value)
    return 0


def _as_time(value: Any) -> dt.datetime | None:
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, str) and value:
        try:
            return dt.datetime.fromisoformat(value)
        except ValueError:
            return None
    return None


def _health(report: Any, fallback_time: dt.datetime | None) -> SourceHealth:
    pages = _as_int(_first(report, "pages", "fetched", "pages_fetched", "ok", default=0))
    failures = _as_int(_first(report, "failures", "failed", "errors", default=0))
    blocked = _as_int(_first(report, "blocked", "challenges", "challenged", default=0))
    if blocked and not pages:
        status = "blocked"
    elif failures and not pages:
        status = "failing"
    elif failures or blocked:
        status = "degraded"
    else:
        status = "ok"
    when = _as_time(_first(report, "finished_at", "last_crawl", "ended_at", "started_at"))
    return SourceHealth(str(_first(report, "source", "name", default="?")),
                        when or fallback_time, pages, failures, blocked, status)


def _newer(row: SourceHealth, old: SourceHealth) -> bool:
    def stamp(h: SourceHealth) -> float:
        return h.last_crawl.timestamp() if h.last_crawl else 0.0

    return stamp(row) >= stamp(old)


def load_health(crawl_dir: Path) -> tuple[tuple[SourceHealth, ...], str | None]:
    """Return per-source health from the crawl reports, plus a reason when there is none."""
    try:
        from crawler import load_reports
    except ImportError:
        return (), "no_reports"
    try:
        reports = load_reports(crawl_dir)
    except Exception as exc:  # a broken report file must not take the coverage page down
        log.warning("cannot read crawl reports in %s: %s", crawl_dir, exc)
        return (), "unreadable"
    if not isinstance(reports, Iterable):
        reports = [reports]
    latest: dict[str, SourceHealth] = {}
    for report in reports or ():
        when = _as_time(_first(report, "finished_at", "started_at"))
        for source in _first(report, "sources", default=None) or [report]:
            row = _health(source, when)
            old = latest.get(row.name)
            if old is None or _newer(row, old):
                latest[row.name] = row
    rows = tuple(sorted(latest.values(), key=lambda r: r.name))
    return rows, None if rows else "no_reports"
