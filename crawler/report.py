"""Crawl reports: per-source counts (fetched, new, unchanged, failed, blocked), kept as JSON.

Each crawl writes `crawl_dir/reports/<started>.json` and `crawl_dir/reports/latest.json`;
`load_reports` reads them back (newest first) for the web's source-health page.
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from crawler.classify import BLOCKED_OUTCOMES, SUCCESS_OUTCOMES

log = logging.getLogger(__name__)

REPORT_DIR = "reports"
KEEP_REPORTS = 200  # older crawl reports are deleted


@dataclass(slots=True)
class SourceReport:
    """What one source's crawl did."""

    name: str
    run: int = 0
    resumed: bool = False
    fetched: int = 0  # requests made (robots.txt excluded)
    new: int = 0  # responses whose content we had not archived before
    unchanged: int = 0  # 304, or the same content hash as last time
    failed: dict[str, int] = field(default_factory=dict)  # reason -> count
    blocked: dict[str, int] = field(default_factory=dict)  # robots, challenge, forbidden, ...
    outcomes: dict[str, int] = field(default_factory=dict)  # every final outcome -> count
    rejected: dict[str, int] = field(default_factory=dict)  # links refused: traps, scope, depth
    bytes: int = 0
    duration: float = 0.0
    complete: bool = False  # the run finished (not interrupted); the next crawl revisits
    queued_left: int = 0
    last_crawl: str | None = None  # ISO time the last finished run ended

    def count(self, bucket: dict[str, int], reason: str) -> None:
        """Add one to a reason's count in `failed`, `blocked`, `outcomes` or `rejected`."""
        bucket[reason] = bucket.get(reason, 0) + 1


@dataclass(slots=True)
class CrawlReport:
    """What one crawl did, per source."""

    started_at: str
    finished_at: str | None = None
    duration: float = 0.0
    sources: list[SourceReport] = field(default_factory=list)
    complete: bool = False

    @property
    def fetched(self) -> int:
        """Total requests made."""
        return sum(s.fetched for s in self.sources)

    def source(self, name: str) -> SourceReport | None:
        """Return one source's report."""
        return next((s for s in self.sources if s.name == name), None)

    def to_dict(self) -> dict[str, Any]:
        """Return the report as plain JSON-ready data."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CrawlReport:
        """Rebuild a report from `to_dict` output, ignoring unknown keys."""
        known = set(SourceReport.__dataclass_fields__)
        sources = [SourceReport(**{k: v for k, v in s.items() if k in known})
                   for s in data.get("sources", [])]
        return cls(started_at=str(data.get("started_at", "")), finished_at=data.get("finished_at"),
                   duration=float(data.get("duration", 0.0)), sources=sources,
                   complete=bool(data.get("complete", False)))


def tally(report: SourceReport, outcome: str) -> None:
    """Count one URL's final outcome, and file it under failed or blocked when it is one."""
    report.count(report.outcomes, outcome)
    if outcome in BLOCKED_OUTCOMES:
        report.count(report.blocked, outcome)
    elif outcome not in SUCCESS_OUTCOMES:
        report.count(report.failed, outcome)


def write_report(report: CrawlReport, crawl_dir: Path) -> Path:
    """Write the report as JSON (one file per crawl, plus latest.json); return its path."""
    directory = Path(crawl_dir) / REPORT_DIR
    directory.mkdir(parents=True, exist_ok=True)
    stamp = datetime.fromisoformat(report.started_at).strftime("%Y%m%dT%H%M%S%f")
    text = json.dumps(report.to_dict(), ensure_ascii=False, indent=2)
    path = directory / f"crawl-{stamp}.json"
    path.write_text(text, encoding="utf-8")
    tmp = directory / "latest.json.tmp"
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(directory / "latest.json")
    for old in sorted(directory.glob("crawl-*.json"), reverse=True)[KEEP_REPORTS:]:
        old.unlink(missing_ok=True)
    return path


def load_reports(crawl_dir: Path | str) -> list[CrawlReport]:
    """Read every kept crawl report, newest first; unreadable files are skipped with a warning."""
    directory = Path(crawl_dir) / REPORT_DIR
    if not directory.is_dir():
        return []
    reports = []
    for path in sorted(directory.glob("crawl-*.json"), reverse=True):
        try:
            reports.append(CrawlReport.from_dict(json.loads(path.read_text(encoding="utf-8"))))
        except (OSError, ValueError, TypeError) as exc:
            log.warning("skipping unreadable crawl report %s: %s", path, exc)
    return reports


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{k} {v}" for k, v in sorted(counts.items(), key=lambda kv: -kv[1])) or "-"


def render_report(report: CrawlReport) -> str:
    """Render a report as text for the terminal."""
    lines = [f"Crawl {report.started_at} ({report.duration:.1f} s, "
             f"{'complete' if report.complete else 'interrupted: run again to resume'})"]
    for s in report.sources:
        state = "complete" if s.complete else f"unfinished, {s.queued_left} queued"
        lines += [
            f"  {s.name} (run {s.run}{', resumed' if s.resumed else ''}; {state})",
            f"    fetched {s.fetched}  new {s.new}  unchanged {s.unchanged}  "
            f"bytes {s.bytes:,}  {s.duration:.1f} s",
            f"    failed:   {_counts(s.failed)}",
            f"    blocked:  {_counts(s.blocked)}",
            f"    outcomes: {_counts(s.outcomes)}",
        ]
        if s.rejected:
            lines.append(f"    links refused: {_counts(s.rejected)}")
    return "\n".join(lines)
