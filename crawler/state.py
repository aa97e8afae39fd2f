"""Crawl state in `crawl_dir/state.sqlite`: runs, the frontier, validators, hashes, outcomes.

Each source crawls in numbered runs. A run that did not finish (killed, interrupted) is resumed
by the next crawl; a finished one is followed by a new run that revisits with conditional
requests. A URL belongs to the source that found it first and is fetched at most once per run.
Writes for one fetch (archive index row, URL state, new links) happen in one transaction.
"""

from __future__ import annotations

import fcntl
import os
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from crawler.archive import STATE_FILE, WarcEntry
from crawler.errors import ArchiveError, CrawlConfigError

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS runs (
    source TEXT NOT NULL, run INTEGER NOT NULL, state TEXT NOT NULL,
    started_at TEXT NOT NULL, finished_at TEXT, PRIMARY KEY (source, run));
CREATE TABLE IF NOT EXISTS records (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, ref TEXT UNIQUE NOT NULL, url TEXT NOT NULL,
    requested_url TEXT NOT NULL, status INTEGER NOT NULL, content_type TEXT, charset TEXT,
    sha256 TEXT NOT NULL, outcome TEXT NOT NULL, source TEXT NOT NULL, fetched_at TEXT NOT NULL,
    warc TEXT NOT NULL, offset INTEGER NOT NULL, size INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS records_url ON records(url);
CREATE TABLE IF NOT EXISTS urls (
    url TEXT PRIMARY KEY, source TEXT NOT NULL, run INTEGER NOT NULL, state TEXT NOT NULL,
    depth INTEGER NOT NULL, priority INTEGER NOT NULL, outcome TEXT, etag TEXT,
    last_modified TEXT, sha256 TEXT, last_ref TEXT, fetched_at TEXT, fetches INTEGER DEFAULT 0);
CREATE INDEX IF NOT EXISTS urls_queue ON urls(source, run, state);
"""

QUEUED = "queued"
DONE = "done"
SKIPPED = "skipped"


@dataclass(frozen=True, slots=True)
class UrlRow:
    """One URL's frontier entry and what we know from its last fetch."""

    url: str
    source: str
    run: int
    state: str
    depth: int
    priority: int
    outcome: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    sha256: str | None = None
    last_ref: str | None = None


@dataclass(frozen=True, slots=True)
class RecordRow:
    """The index row of one archived response."""

    entry: WarcEntry
    content_type: str | None
    charset: str | None
    outcome: str


@dataclass(frozen=True, slots=True)
class UrlDone:
    """The state update after a URL is fetched (or given up)."""

    url: str
    outcome: str
    etag: str | None = None
    last_modified: str | None = None
    sha256: str | None = None
    last_ref: str | None = None


LOCK_FILE = "crawl.lock"


@contextmanager
def crawl_lock(crawl_dir: Path) -> Iterator[None]:
    """Hold the crawl dir for one crawl at a time (released by the OS even after a kill)."""
    path = Path(crawl_dir) / LOCK_FILE
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(path, "a+")  # noqa: SIM115 - closed below
    except OSError as exc:
        raise ArchiveError(f"cannot use {crawl_dir} as a crawl dir ({exc}); "
                           "choose a writable directory (--data-dir)") from exc
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            raise CrawlConfigError(
                f"another crawl ({holder}) is using {crawl_dir}; wait for it to finish or stop it"
            ) from exc
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()}")
        handle.flush()
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _now() -> str:
    return datetime.now(UTC).isoformat()


class CrawlState:
    """Read and write the crawl state database."""

    def __init__(self, crawl_dir: Path) -> None:
        self.path = Path(crawl_dir) / STATE_FILE
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(self.path, isolation_level=None)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.executescript(_SCHEMA)
        except (OSError, sqlite3.DatabaseError) as exc:
            raise ArchiveError(
                f"cannot open crawl state {self.path}: {exc}; delete the crawl dir to start over"
            ) from exc

    def close(self) -> None:
        """Close the database."""
        self.db.close()

    # runs -----------------------------------------------------------------------------------

    def open_run(self, source: str) -> tuple[int, bool]:
        """Return (run number, resumed): the unfinished run of `source`, or a new one."""
        row = self.db.execute(
            "SELECT run, state FROM runs WHERE source = ? ORDER BY run DESC LIMIT 1", (source,)
        ).fetchone()
        if row and row[1] == "active":
            return int(row[0]), True
        run = int(row[0]) + 1 if row else 1
        self.db.execute("INSERT INTO runs VALUES (?, ?, 'active', ?, NULL)", (source, run, _now()))
        return run, False

    def finish_run(self, source: str, run: int) -> None:
        """Mark a run finished, so the next crawl revisits instead of resuming."""
        with self.db:
            self.db.execute("BEGIN")
            self.db.execute(
                "UPDATE runs SET state = 'done', finished_at = ? WHERE source = ? AND run = ?",
                (_now(), source, run),
            )
            self.db.execute(
                "UPDATE urls SET state = ? WHERE source = ? AND run = ? AND state = ?",
                (SKIPPED, source, run, QUEUED),
            )

    def last_finished(self, source: str) -> str | None:
        """Return when the last finished run of `source` ended (ISO), if any."""
        row = self.db.execute(
            "SELECT MAX(finished_at) FROM runs WHERE source = ? AND state = 'done'", (source,)
        ).fetchone()
        return row[0] if row else None

    # frontier -------------------------------------------------------------------------------

    def known(self) -> Iterator[tuple[str, str, int, str]]:
        """Yield (url, source, run, state) of every URL ever seen."""
        yield from self.db.execute("SELECT url, source, run, state FROM urls")

    def queued(self, source: str, run: int) -> list[UrlRow]:
        """Return the URLs still queued in a run."""
        rows = self.db.execute(
            "SELECT url, source, run, state, depth, priority, outcome, etag, last_modified, "
            "sha256, last_ref FROM urls WHERE source = ? AND run = ? AND state = ?",
            (source, run, QUEUED),
        ).fetchall()
        return [UrlRow(*row) for row in rows]

    def done_count(self, source: str, run: int) -> int:
        """Count URLs fetched (or given up) in a run."""
        row = self.db.execute(
            "SELECT COUNT(*) FROM urls WHERE source = ? AND run = ? AND state = ?",
            (source, run, DONE),
        ).fetchone()
        return int(row[0])

    def lookup(self, url: str) -> UrlRow | None:
        """Return what we know of a URL."""
        row = self.db.execute(
            "SELECT url, source, run, state, depth, priority, outcome, etag, last_modified, "
            "sha256, last_ref FROM urls WHERE url = ?", (url,)
        ).fetchone()
        return UrlRow(*row) if row else None

    def _enqueue(self, rows: Iterable[tuple[str, str, int, int, int]]) -> None:
        self.db.executemany(
            "INSERT INTO urls (url, source, run, state, depth, priority) "
            "VALUES (?, ?, ?, 'queued', ?, ?) "
            "ON CONFLICT(url) DO UPDATE SET run = excluded.run, state = 'queued', "
            "depth = excluded.depth, priority = excluded.priority",
            [(url, source, run, depth, prio) for url, source, run, depth, prio in rows],
        )

    def enqueue(self, rows: Iterable[tuple[str, str, int, int, int]]) -> None:
        """Queue (url, source, run, depth, priority) rows (new URLs, or known ones for this run)."""
        with self.db:
            self.db.execute("BEGIN")
            self._enqueue(rows)

    def commit_fetch(self, records: Iterable[RecordRow], done: Iterable[UrlDone],
                     links: Iterable[tuple[str, str, int, int, int]]) -> list[int]:
        """Index archived records, mark URLs done and queue new links, in one transaction."""
        seqs: list[int] = []
        with self.db:
            self.db.execute("BEGIN")
            for row in records:
                e = row.entry
                cursor = self.db.execute(
                    "INSERT OR IGNORE INTO records (ref, url, requested_url, status, content_type, "
                    "charset, sha256, outcome, source, fetched_at, warc, offset, size) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (e.ref, e.url, e.requested_url, e.status, row.content_type, row.charset,
                     e.sha256, row.outcome, e.source, e.fetched_at.isoformat(), e.warc,
                     e.offset, len(e.body)),
                )
                seqs.append(int(cursor.lastrowid or 0))
            for item in done:
                self.db.execute(
                    "UPDATE urls SET state = 'done', outcome = ?, "
                    "etag = COALESCE(?, etag), last_modified = COALESCE(?, last_modified), "
                    "sha256 = COALESCE(?, sha256), last_ref = COALESCE(?, last_ref), "
                    "fetched_at = ?, fetches = fetches + 1 WHERE url = ?",
                    (item.outcome, item.etag, item.last_modified, item.sha256, item.last_ref,
                     _now(), item.url),
                )
            self._enqueue(links)
        return seqs

    # archive reconciliation -----------------------------------------------------------------

    def indexed_end(self) -> dict[str, int]:
        """Return, per WARC file, the offset of the last indexed record."""
        rows = self.db.execute("SELECT warc, MAX(offset) FROM records GROUP BY warc").fetchall()
        return {warc: int(offset) for warc, offset in rows}

    def has_ref(self, ref: str) -> bool:
        """Tell whether an archived record is already indexed."""
        return self.db.execute("SELECT 1 FROM records WHERE ref = ?", (ref,)).fetchone() is not None
