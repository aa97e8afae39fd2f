"""The pipeline that joins the stages: raw archive -> extract -> document store -> index.

Only `web` may import both `crawler` and `index`, so the composition lives here and the CLI calls
it. Every step is incremental and restartable: the store remembers the last archive record it
extracted, the index remembers the last store sequence number it applied.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import logging
import mimetypes
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from corpus import Document, DocumentStore, Source, page_id
from corpus.ocrcache import OcrTextCache
from crawler import EXTRACTABLE_OUTCOMES, RawArchive, RawRecord
from crawler.extract import extract_all, use_ocr_cache
from index import SCHEMA_VERSION, build_index, index_state, update_index
from index.errors import SchemaVersionError

log = logging.getLogger(__name__)

ARCHIVE_MARK = "archive_seq"
_BATCH = 200


@dataclass
class PipelineStats:
    """What one run of extraction and indexing did."""

    records: int = 0
    extracted: int = 0
    changed: int = 0
    skipped: int = 0
    failed: list[str] = field(default_factory=list)
    indexed: int = 0
    rebuilt: bool = False


def data_paths(data_dir: Path) -> dict[str, Path]:
    """Return the locations of the stages inside a data dir (ARCHITECTURE.md's layout)."""
    return {
        "crawl": data_dir / "crawl",
        "documents": data_dir / "documents",
        "index": data_dir / "index",
        "ocr": data_dir / "ocr",
    }


@contextlib.contextmanager
def _ocr_pages(data_dir: Path) -> Iterator[None]:
    """Remember OCR page texts in the data dir, so a re-extraction reads no scan twice."""
    cache = OcrTextCache(data_paths(data_dir)["ocr"])
    try:
        with use_ocr_cache(cache):
            yield
    finally:
        cache.close()


def extract_archive(
    data_dir: Path, sources: Mapping[str, Source], stats: PipelineStats | None = None
) -> PipelineStats:
    """Extract every archived response not yet extracted into the document store."""
    stats = stats or PipelineStats()
    paths = data_paths(data_dir)
    if not paths["crawl"].exists():
        return stats
    archive = RawArchive(paths["crawl"])
    with DocumentStore(paths["documents"]) as store, _ocr_pages(data_dir):
        after = int(store.get_meta(ARCHIVE_MARK) or 0)
        batch: list[Document] = []
        last = after
        for record in archive.records(after=after):
            stats.records += 1
            last = record.seq
            if record.outcome not in EXTRACTABLE_OUTCOMES:
                stats.skipped += 1
                continue
            source = sources.get(record.source)
            hints = source.hints if source else None
            try:
                docs = extract_all(record.body, record.url, record.content_type, hints=hints)
            except Exception as exc:  # extract must not raise; never lose the run if it does
                log.exception("extraction failed for %s", record.url)
                stats.failed.append(f"{record.url}: {exc}")
                continue
            for doc in docs:
                batch.append(_from_record(doc, record))
            stats.extracted += len(docs)
            # OCR costs seconds a page: what it read is saved at once, not lost to a stop
            if len(batch) >= _BATCH or any(doc.ocr for doc in docs):
                stats.changed += store.put_many(batch)
                store.set_meta(ARCHIVE_MARK, str(last))
                batch = []
        stats.changed += store.put_many(batch)
        store.set_meta(ARCHIVE_MARK, str(last))
    return stats


def _stamp(doc: Document, *, source: str, url: str, fetched_at: dt.datetime | None,
           sha256: str | None, archive_ref: str | None = None) -> Document:
    """Attach provenance (where and when the body came from) to an extracted document."""
    return doc.replace(
        source=doc.source or source,
        fetched_at=doc.fetched_at or fetched_at,
        sha256=doc.sha256 or sha256,
        archive_ref=doc.archive_ref or archive_ref,
        source_urls=tuple(dict.fromkeys((*doc.source_urls, url))),
    )


def _from_record(doc: Document, record: RawRecord) -> Document:
    return _stamp(doc, source=record.source, url=record.url, fetched_at=record.fetched_at,
                  sha256=record.sha256, archive_ref=record.archive_ref)


def refresh_index(data_dir: Path, *, rebuild: bool = False) -> PipelineStats:
    """Bring the index up to date with the document store (a full rebuild when asked or needed)."""
    stats = PipelineStats()
    paths = data_paths(data_dir)
    with DocumentStore(paths["documents"]) as store:
        try:
            state = index_state(paths["index"])
        except SchemaVersionError:
            state = None
        if state is not None and state.schema_version != SCHEMA_VERSION:
            log.warning("the index was built by schema v%s, this Telusur uses v%s; rebuilding "
                        "it from the document store", state.schema_version, SCHEMA_VERSION)
            state = None
        if rebuild or state is None:
            # One writer process. Two would halve a rebuild on two cores (about 54 s -> 32 s on
            # the shared corpus), but Whoosh forks them and they inherit the index's write lock:
            # after a SIGKILL the orphans keep it and wedge the next rebuild (crash-safety tests).
            build_index(paths["index"], iter(store), store_seq=store.last_seq())
            stats.rebuilt, stats.indexed = True, len(store)
            return stats
        changes = store.changes_since(state.store_seq)
        if changes.documents or changes.deleted:
            update_index(
                paths["index"], changes.documents, changes.deleted, store_seq=changes.last_seq
            )
        stats.indexed = len(changes.documents)
    return stats


def ingest_paths(paths: Iterable[Path], data_dir: Path) -> PipelineStats:
    """Add local files or folders (HTML, PDF, text, JSON lines of documents) as documents."""
    stats = PipelineStats()
    with DocumentStore(data_paths(data_dir)["documents"]) as store, _ocr_pages(data_dir):
        for file in _walk(paths):
            stats.records += 1
            try:
                docs = list(_documents_from_file(file))
            except (OSError, ValueError, TypeError) as exc:
                stats.failed.append(f"{file}: {exc}")
                continue
            if not docs:
                stats.skipped += 1
            stats.extracted += len(docs)
            stats.changed += store.put_many(docs)
    return stats


def _walk(paths: Iterable[Path]) -> Iterator[Path]:
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file())
        elif path.exists():
            yield path
        else:
            raise FileNotFoundError(f"no such file or folder: {path}")


def _documents_from_file(file: Path) -> Iterator[Document]:
    """Yield the documents a local file holds."""
    if file.suffix.lower() in (".jsonl", ".ndjson"):
        yield from _documents_from_jsonl(file)
        return
    body = file.read_bytes()
    url = file.resolve().as_uri()
    content_type = mimetypes.guess_type(file.name)[0]
    docs = extract_all(body, url, content_type)
    if not docs and content_type == "text/plain":
        text = body.decode("utf-8", errors="replace").strip()
        if text:
            title = text.splitlines()[0][:200]
            docs = [Document(id=page_id(url), url=url, kind="other", title=title, text=text)]
    modified = dt.datetime.fromtimestamp(file.stat().st_mtime, dt.UTC)
    digest = hashlib.sha256(body).hexdigest()
    for doc in docs:
        yield _stamp(doc, source="ingest", url=url, fetched_at=modified, sha256=digest)


def _documents_from_jsonl(file: Path) -> Iterator[Document]:
    with file.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                yield Document.from_dict(json.loads(line))
            except (ValueError, TypeError, KeyError) as exc:
                raise ValueError(f"line {number} is not a document: {exc}") from exc
