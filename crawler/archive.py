"""The raw archive: every response as a WARC record in `crawl_dir/warc/`, indexed in SQLite.

Each crawl process appends to a WARC file of its own (gzip per record, readable by any WARC
tool). Bodies are stored decoded (our own decompression enforces the bomb limits); the original
Content-Encoding is kept as `X-Telusur-Original-Content-Encoding`. The index (seq, offset,
outcome...) lives in `crawl_dir/state.sqlite`, table `records`; `RawArchive` reads both.
"""

from __future__ import annotations

import hashlib
import io
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from crawler.errors import ArchiveError

WARC_DIR = "warc"
STATE_FILE = "state.sqlite"
REQUESTED_HEADER = "WARC-Telusur-Requested-URI"
SOURCE_HEADER = "WARC-Telusur-Source"
_DROP_HEADERS = frozenset({"content-encoding", "transfer-encoding", "content-length"})


@dataclass(frozen=True, slots=True)
class RawRecord:
    """One archived response, exactly as fetched (body decoded from its transfer coding)."""

    seq: int
    url: str  # the URL this response answered (final after redirects), canonical
    requested_url: str  # the URL the fetch started from
    status: int
    headers: tuple[tuple[str, str], ...]
    content_type: str | None  # sniffed from the bytes
    body: bytes
    fetched_at: datetime  # UTC, aware
    sha256: str
    source: str
    outcome: str  # ok, not_modified, soft_404, challenge, forbidden, not_found, truncated, ...
    archive_ref: str  # "<warc file name>#<offset>": stable name of this copy
    charset: str | None = None  # what the Content-Type header said; extraction decides

    @property
    def extractable(self) -> bool:
        """Tell whether extraction should read this record (outcome "ok" only)."""
        return self.outcome == "ok"


@dataclass(frozen=True, slots=True)
class WarcEntry:
    """Where a record was written, and what it holds (before the index knows it)."""

    ref: str
    warc: str
    offset: int
    length: int
    url: str
    requested_url: str
    source: str
    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes
    fetched_at: datetime
    sha256: str


def stored_headers(headers: tuple[tuple[str, str], ...], coding: str) -> list[tuple[str, str]]:
    """Return the headers to archive beside a decoded body."""
    kept = [(k, v) for k, v in headers if k.lower() not in _DROP_HEADERS]
    if coding and coding.lower() != "identity":
        kept.append(("X-Telusur-Original-Content-Encoding", coding))
    return kept


class WarcAppender:
    """Append response records to one WARC file of this process, flushed after every record."""

    def __init__(self, crawl_dir: Path) -> None:
        directory = Path(crawl_dir) / WARC_DIR
        directory.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
        self.name = f"telusur-{stamp}-{os.getpid()}.warc.gz"
        self.path = directory / self.name
        self._file = open(self.path, "ab")  # noqa: SIM115 - closed by close()
        self._writer = WARCWriter(self._file, gzip=True)
        info = self._writer.create_warcinfo_record(self.name, {
            "software": "Telusur crawler (https://github.com/telusur/telusur)",
            "format": "WARC File Format 1.1",
            "description": "response bodies are stored decoded from their Content-Encoding",
        })
        self._writer.write_record(info)
        self._file.flush()

    def append(self, *, url: str, requested_url: str, source: str, status: int, reason: str,
               headers: list[tuple[str, str]], body: bytes, fetched_at: datetime) -> WarcEntry:
        """Write one response record and flush it to the OS before returning."""
        http_headers = StatusAndHeaders(f"{status} {reason or 'Unknown'}", headers,
                                        protocol="HTTP/1.1")
        warc_headers = {
            "WARC-Date": fetched_at.strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
            REQUESTED_HEADER: requested_url,
            SOURCE_HEADER: source,
        }
        record = self._writer.create_warc_record(
            url, "response", payload=io.BytesIO(body), length=len(body),
            warc_headers_dict=warc_headers, http_headers=http_headers,
        )
        offset = self._file.tell()
        try:
            self._writer.write_record(record)
            self._file.flush()
        except OSError as exc:
            raise ArchiveError(
                f"cannot write to {self.path}: {exc}; check free disk space"
            ) from exc
        return WarcEntry(
            ref=f"{self.name}#{offset}", warc=self.name, offset=offset,
            length=self._file.tell() - offset, url=url, requested_url=requested_url,
            source=source, status=status, headers=tuple(headers), body=body,
            fetched_at=fetched_at, sha256=hashlib.sha256(body).hexdigest(),
        )

    def close(self) -> None:
        """Close the file."""
        self._file.close()


def _entry_from_record(record: object, name: str, offset: int, length: int) -> WarcEntry | None:
    """Turn a warcio response record into a WarcEntry; None for other record types."""
    rec_type = record.rec_type  # type: ignore[attr-defined]
    if rec_type != "response":
        return None
    warc = record.rec_headers  # type: ignore[attr-defined]
    http = record.http_headers  # type: ignore[attr-defined]
    body = record.content_stream().read()  # type: ignore[attr-defined]
    date = warc.get_header("WARC-Date") or "1970-01-01T00:00:00Z"
    fetched_at = datetime.fromisoformat(date.replace("Z", "+00:00"))
    url = warc.get_header("WARC-Target-URI") or ""
    return WarcEntry(
        ref=f"{name}#{offset}", warc=name, offset=offset, length=length, url=url,
        requested_url=warc.get_header(REQUESTED_HEADER) or url,
        source=warc.get_header(SOURCE_HEADER) or "", status=int(http.get_statuscode() or 0),
        headers=tuple(http.headers), body=body, fetched_at=fetched_at,
        sha256=hashlib.sha256(body).hexdigest(),
    )


def read_entry(crawl_dir: Path, warc: str, offset: int,
               handles: dict[str, BinaryIO] | None = None) -> WarcEntry | None:
    """Read the record at `offset` of one WARC file; None when it is missing or damaged.

    `handles` keeps files open between calls (the caller closes them).
    """
    path = Path(crawl_dir) / WARC_DIR / Path(warc).name
    try:
        if handles is None:
            with open(path, "rb") as handle:
                return _read_at(handle, path.name, offset)
        if path.name not in handles:
            handles[path.name] = open(path, "rb")  # noqa: SIM115 - closed by the caller
        return _read_at(handles[path.name], path.name, offset)
    except (OSError, ArchiveLoadFailed, ValueError, EOFError):
        return None


def _read_at(handle: BinaryIO, name: str, offset: int) -> WarcEntry | None:
    handle.seek(offset)
    for record in ArchiveIterator(handle):
        return _entry_from_record(record, name, offset, 0)
    return None


def scan_entries(crawl_dir: Path, warc: str, start: int) -> Iterator[WarcEntry]:
    """Yield the complete records of a WARC file from `start` on, stopping at a damaged tail."""
    path = Path(crawl_dir) / WARC_DIR / Path(warc).name
    try:
        with open(path, "rb") as handle:
            handle.seek(start)
            iterator = ArchiveIterator(handle)
            for record in iterator:
                entry = _entry_from_record(record, path.name, 0, 0)  # reads the body first:
                offset = iterator.get_record_offset()  # asking the offset skips the body
                if entry is not None:
                    yield replace(entry, ref=f"{path.name}#{offset}", offset=offset)
    except (OSError, ArchiveLoadFailed, ValueError, EOFError, Exception):
        return  # a record cut by a kill mid-write: everything before it was yielded


def warc_files(crawl_dir: Path) -> list[str]:
    """List the archive's WARC file names, oldest first."""
    directory = Path(crawl_dir) / WARC_DIR
    if not directory.is_dir():
        return []
    return sorted(p.name for p in directory.glob("*.warc.gz"))


_RECORD_COLUMNS = (
    "seq, url, requested_url, status, content_type, charset, outcome, source, fetched_at, "
    "ref, warc, offset"
)


class RawArchive:
    """Read the raw archive of a crawl dir: records in archive order, or one by reference."""

    def __init__(self, crawl_dir: Path | str) -> None:
        self.crawl_dir = Path(crawl_dir)

    def _connect(self) -> sqlite3.Connection | None:
        path = self.crawl_dir / STATE_FILE
        if not path.exists():
            return None
        try:
            db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            db.execute("SELECT 1 FROM records LIMIT 1")
            return db
        except sqlite3.DatabaseError as exc:
            if "no such table" in str(exc):
                return None
            raise ArchiveError(
                f"cannot read {path}: {exc}; delete the crawl dir to start over"
            ) from exc

    def records(self, after: int = 0) -> Iterator[RawRecord]:
        """Yield archived records with seq > `after`, in archive order."""
        db = self._connect()
        if db is None:
            return
        handles: dict[str, BinaryIO] = {}
        try:
            last = after
            while True:
                rows = db.execute(
                    f"SELECT {_RECORD_COLUMNS} FROM records WHERE seq > ? ORDER BY seq LIMIT 200",
                    (last,),
                ).fetchall()
                if not rows:
                    return
                for row in rows:
                    last = row[0]
                    record = self._load(row, handles)
                    if record is not None:
                        yield record
        finally:
            db.close()
            for handle in handles.values():
                handle.close()

    def get(self, archive_ref: str) -> RawRecord | None:
        """Return the record with this reference, or None when there is none."""
        db = self._connect()
        if db is None or not isinstance(archive_ref, str):
            return None
        try:
            row = db.execute(
                f"SELECT {_RECORD_COLUMNS} FROM records WHERE ref = ?", (archive_ref,)
            ).fetchone()
        finally:
            db.close()
        return self._load(row) if row else None

    def last_seq(self) -> int:
        """Return the highest record seq in the archive (0 when empty)."""
        db = self._connect()
        if db is None:
            return 0
        try:
            return int(db.execute("SELECT COALESCE(MAX(seq), 0) FROM records").fetchone()[0])
        finally:
            db.close()

    def _load(self, row: tuple, handles: dict[str, BinaryIO] | None = None) -> RawRecord | None:
        seq, url, requested, status, ctype, charset, outcome, source, fetched, ref, warc, off = row
        entry = read_entry(self.crawl_dir, warc, off, handles)
        if entry is None:
            return None
        return RawRecord(
            seq=seq, url=url, requested_url=requested, status=status, headers=entry.headers,
            content_type=ctype, body=entry.body, fetched_at=datetime.fromisoformat(fetched),
            sha256=entry.sha256, source=source, outcome=outcome, archive_ref=ref, charset=charset,
        )
