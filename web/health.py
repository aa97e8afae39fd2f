"""Per-source crawl health for the coverage page, from the crawler's reports.

Reports come newest first (`crawler.load_reports`); each source is shown as its latest crawl
left it: when, how many pages, what failed and what was blocked (anti-bot challenges apart).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

CHALLENGE_REASONS = ("challenge", "captcha", "cloudflare")


@dataclass(frozen=True, slots=True)
class SourceHealth:
    """What the last crawl of one source did."""

    name: str
    last_crawl: dt.datetime | None
    pages: int  # requests made
    new: int
    failures: int
    failure_reasons: str  # "timeout 2, http_500 1"
    blocked: int
    challenged: int  # blocked by an anti-bot challenge
    complete: bool
    status: str  # ok, degraded, blocked, failing


def _time(value: Any) -> dt.datetime | None:
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, str) and value:
        try:
            return dt.datetime.fromisoformat(value)
        except ValueError:
            return None
    return None


def _counts(value: Any) -> Mapping[str, int]:
    if isinstance(value, Mapping):
        return {str(k): int(v) for k, v in value.items() if isinstance(v, int | float)}
    return {}


def _reasons(counts: Mapping[str, int]) -> str:
    return ", ".join(f"{k} {v}" for k, v in sorted(counts.items(), key=lambda kv: -kv[1]))


def source_health(source: Any, finished_at: Any = None) -> SourceHealth:
    """Summarise one `SourceReport` (read by attribute, missing fields count as zero)."""
    failed = _counts(getattr(source, "failed", None))
    blocked = _counts(getattr(source, "blocked", None))
    pages = int(getattr(source, "fetched", 0) or 0)
    challenged = sum(v for k, v in blocked.items() if k.lower() in CHALLENGE_REASONS)
    n_failed, n_blocked = sum(failed.values()), sum(blocked.values())
    answered = pages - n_failed - n_blocked
    if n_blocked and answered <= 0:
        status = "blocked"
    elif n_failed and answered <= 0:
        status = "failing"
    elif n_failed or n_blocked or not getattr(source, "complete", True):
        status = "degraded"
    else:
        status = "ok"
    return SourceHealth(
        name=str(getattr(source, "name", "?")),
        last_crawl=_time(getattr(source, "last_crawl", None)) or _time(finished_at),
        pages=pages, new=int(getattr(source, "new", 0) or 0), failures=n_failed,
        failure_reasons=_reasons({**failed, **blocked}), blocked=n_blocked,
        challenged=challenged, complete=bool(getattr(source, "complete", False)), status=status,
    )


def latest_per_source(reports: Iterable[Any]) -> tuple[SourceHealth, ...]:
    """Return each source's health from the newest report that mentions it."""
    latest: dict[str, SourceHealth] = {}
    for report in reports:
        for source in getattr(report, "sources", None) or ():
            row = source_health(source, getattr(report, "finished_at", None))
            latest.setdefault(row.name, row)
    return tuple(sorted(latest.values(), key=lambda r: r.name))


def load_health(crawl_dir: Path) -> tuple[tuple[SourceHealth, ...], str | None]:
    """Return per-source health from the crawl reports, plus a reason when there is none."""
    from crawler import load_reports

    try:
        rows = latest_per_source(load_reports(crawl_dir))
    except Exception as exc:  # a broken report must not take the coverage page down
        log.warning("cannot read crawl reports in %s: %s", crawl_dir, exc)
        return (), "unreadable"
    return rows, None if rows else "no_reports"
