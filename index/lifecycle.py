"""Index life on disk: generations, the writer lock, state, full rebuilds and incremental updates.

Layout of an index directory:

    index_dir/CURRENT          names the live generation directory (replaced with os.replace)
    index_dir/write.lock       one writer at a time (flock; the holder's pid written inside)
    index_dir/gen-<ns>/        one generation: Whoosh files, state.json and manifest.json
                               (sizes and checksums, verified at open: index.integrity)

A full rebuild writes a new generation and only then swaps CURRENT, so readers never see a
half-built index and a rebuild that dies leaves the old generation serving. Older generations
are removed after the swap, keeping the previous one for readers still holding it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import json
import logging
import os
import shutil
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh.index import LockError
from whoosh.query import Term
from whoosh.writing import IndexWriter

from corpus.model import Document
from index.analysis import words as text_words
from index.errors import (
    IndexCorruptError,
    IndexLockedError,
    IndexMissingError,
    SchemaVersionError,
)
from index.integrity import verify_generation, write_manifest
from index.lexicon import read_vocabulary, reader_words, write_vocabulary
from index.schema import SCHEMA_VERSION, build_schema, document_fields

log = logging.getLogger(__name__)

CURRENT = "CURRENT"
LOCK_FILE = "write.lock"
STATE_FILE = "state.json"
KEEP_GENERATIONS = 2
BUILD_LIMIT_MB = 1024


@dataclass(frozen=True, slots=True)
class IndexState:
    """What an index is: schema version, store sequence it reflects, size and times."""

    schema_version: int
    store_seq: int
    doc_count: int
    built_at: dt.datetime
    updated_at: dt.datetime
    generation: str


@dataclass(frozen=True, slots=True)
class BuildStats:
    """The outcome of a full rebuild."""

    documents: int
    units: int
    seconds: float
    generation: str


@dataclass(frozen=True, slots=True)
class UpdateStats:
    """The outcome of an incremental update."""

    added: int
    deleted: int
    units: int
    seconds: float
    created: bool = False


def current_generation(index_dir: Path) -> Path | None:
    """Return the live generation directory, or None when there is no index."""
    try:
        name = (Path(index_dir) / CURRENT).read_text(encoding="utf-8").strip()
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as exc:
        raise IndexCorruptError(f"cannot read {Path(index_dir) / CURRENT}: {exc}") from exc
    if not name or "/" in name or name.startswith("."):
        raise IndexCorruptError(f"{Path(index_dir) / CURRENT} names no generation; "
                                "run `telusur index --rebuild`")
    return Path(index_dir) / name


def read_state(generation: Path) -> IndexState:
    """Return the state recorded in a generation directory."""
    try:
        data = json.loads((generation / STATE_FILE).read_text(encoding="utf-8"))
        return IndexState(
            schema_version=int(data["schema_version"]),
            store_seq=int(data["store_seq"]),
            doc_count=int(data["doc_count"]),
            built_at=dt.datetime.fromisoformat(data["built_at"]),
            updated_at=dt.datetime.fromisoformat(data["updated_at"]),
            generation=generation.name,
        )
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise IndexCorruptError(
            f"index state at {generation} is unreadable ({exc}); run `telusur index --rebuild`"
        ) from exc


def index_state(index_dir: Path) -> IndexState | None:
    """Return the state of the live index, or None when there is none."""
    generation = current_generation(Path(index_dir))
    if generation is None or not generation.is_dir():
        return None
    return read_state(generation)


def check_version(state: IndexState, index_dir: Path) -> None:
    """Raise SchemaVersionError when the index was built by another schema version."""
    if state.schema_version != SCHEMA_VERSION:
        raise SchemaVersionError(
            f"index schema v{state.schema_version} at {index_dir}, this Telusur needs "
            f"v{SCHEMA_VERSION}; run `telusur index --rebuild`"
        )


def _write_state(generation: Path, state: IndexState) -> None:
    data = {
        "schema_version": state.schema_version,
        "store_seq": state.store_seq,
        "doc_count": state.doc_count,
        "built_at": state.built_at.isoformat(),
        "updated_at": state.updated_at.isoformat(),
    }
    tmp = generation / (STATE_FILE + ".tmp")
    tmp.write_text(json.dumps(data, indent=1), encoding="utf-8")
    os.replace(tmp, generation / STATE_FILE)


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@contextlib.contextmanager
def writer_lock(index_dir: Path) -> Iterator[None]:
    """Hold the index's single-writer lock, or raise IndexLockedError at once."""
    index_dir.mkdir(parents=True, exist_ok=True)
    path = index_dir / LOCK_FILE
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "unknown"
            raise IndexLockedError(
                f"the index at {index_dir} is being written by another process (pid {holder}); "
                "wait for it to finish and try again"
            ) from exc
        previous = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
        if previous.isdigit() and int(previous) != os.getpid() and not _pid_alive(int(previous)):
            log.warning("recovered the index write lock left by dead process %s", previous)
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        try:
            yield
        finally:
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _add_documents(writer: IndexWriter, documents: Iterable[Document], replace: bool) -> tuple[
    int, int, set[str]
]:
    count = units = 0
    ids: set[str] = set()
    for doc in documents:
        if replace:
            writer.delete_by_term("doc_id", doc.id)
        elif doc.id in ids:
            log.warning("document %s given twice; keeping the first", doc.id)
            continue
        ids.add(doc.id)
        count += 1
        fields = document_fields(doc)
        writer.add_document(**fields)
        units += 1 + len(fields["parts"])
    return count, units, ids


def _open_writer(ix: Any, procs: int = 1, limitmb: int = 128) -> IndexWriter:
    try:
        if procs > 1:
            return ix.writer(procs=procs, limitmb=limitmb, multisegment=True)
        return ix.writer(limitmb=limitmb)
    except LockError as exc:
        raise IndexLockedError(
            f"the index at {ix.storage.folder} is locked by another writer; try again later"
        ) from exc


def _swap_current(index_dir: Path, generation: Path) -> None:
    tmp = index_dir / (CURRENT + ".tmp")
    tmp.write_text(generation.name + "\n", encoding="utf-8")
    os.replace(tmp, index_dir / CURRENT)


def _clean_generations(index_dir: Path, live: Path) -> None:
    """Remove old generations, keeping the live one and the one before it.

    A generation without a state file was a rebuild that died; it goes as soon as a newer
    build is live (only one writer runs, so none is still being written).
    """
    gens = sorted((p for p in index_dir.glob("gen-*") if p.is_dir()), key=lambda p: p.name)
    finished = [p for p in gens if (p / STATE_FILE).exists()]
    keep = {live.name, *(p.name for p in finished[-KEEP_GENERATIONS:])}
    for path in gens:
        if path.name not in keep:
            shutil.rmtree(path, ignore_errors=True)


def build_index(
    index_dir: Path,
    documents: Iterable[Document],
    *,
    store_seq: int = 0,
    procs: int = 1,
    limitmb: int = BUILD_LIMIT_MB,
) -> BuildStats:
    """Rebuild the whole index into a new generation and swap it in atomically.

    `limitmb` is each indexing process's posting buffer: with Whoosh's 128 MB the shared
    corpus spilled into many sorted runs that were merged at the end; with 512 MB the full
    rebuild took 32 s instead of 64 s (procs=2) and 54 s instead of 78 s (procs=1), at a peak
    of about 1 GB per process. Since the body is also indexed without positions (schema v4,
    for scoring) the postings no longer fit in 512 MB; 1,024 MB keeps one sorted run, at a
    peak of about 1.5 GB for the shared corpus (117 s with 512 MB, 74 s with 1,024 MB).
    """
    index_dir = Path(index_dir)
    with writer_lock(index_dir):
        return _build_locked(index_dir, documents, store_seq, procs, limitmb)


def _build_locked(
    index_dir: Path,
    documents: Iterable[Document],
    store_seq: int,
    procs: int,
    limitmb: int,
) -> BuildStats:
    started = time.perf_counter()
    generation = index_dir / f"gen-{time.time_ns()}"
    generation.mkdir(parents=True)
    try:
        ix = whoosh_index.create_in(str(generation), build_schema())
        writer = _open_writer(ix, procs, limitmb)
        try:
            count, units, _ = _add_documents(writer, documents, replace=False)
        except BaseException:
            writer.cancel()
            raise
        writer.commit()
        with ix.reader() as reader:
            write_vocabulary(generation, ix.latest_generation(), reader_words(reader))
        write_manifest(generation, ix)
        ix.close()
        now = dt.datetime.now(dt.UTC)
        _write_state(generation, IndexState(SCHEMA_VERSION, store_seq, count, now, now,
                                            generation.name))
        _swap_current(index_dir, generation)
    except BaseException:
        shutil.rmtree(generation, ignore_errors=True)
        raise
    _clean_generations(index_dir, generation)
    seconds = time.perf_counter() - started
    log.info("built index %s: %d documents, %d units in %.1fs", generation, count, units, seconds)
    return BuildStats(count, units, seconds, generation.name)


def update_index(
    index_dir: Path,
    documents: Iterable[Document],
    deleted: Iterable[str] = (),
    *,
    store_seq: int | None = None,
) -> UpdateStats:
    """Replace the given documents (and their parts) and drop deleted ids, in place."""
    index_dir = Path(index_dir)
    started = time.perf_counter()
    with writer_lock(index_dir):
        generation = current_generation(index_dir)
        if generation is None or not generation.is_dir():
            docs = list(documents)
            built = _build_locked(index_dir, docs, store_seq or 0, 1, 128)
            return UpdateStats(built.documents, 0, built.units, built.seconds, created=True)
        state = read_state(generation)
        check_version(state, index_dir)
        ix = _open_whoosh(generation)
        vocabulary = read_vocabulary(generation, ix.latest_generation())
        documents = list(documents)
        writer = _open_writer(ix)
        try:
            gone = 0
            for doc_id in deleted:
                writer.delete_by_term("doc_id", doc_id)
                gone += 1
            added, units, _ = _add_documents(writer, documents, replace=True)
        except BaseException:
            writer.cancel()
            raise
        writer.commit()
        with ix.searcher() as searcher:
            doc_count = len(list(searcher.docs_for_query(Term("unit", "doc"))))
            _update_vocabulary(generation, ix, vocabulary, documents, searcher.reader())
        write_manifest(generation, ix)
        ix.close()
        seq = state.store_seq if store_seq is None else store_seq
        _write_state(generation, IndexState(
            SCHEMA_VERSION, seq, doc_count, state.built_at, dt.datetime.now(dt.UTC),
            generation.name))
    return UpdateStats(added, gone, units, time.perf_counter() - started)


def _update_vocabulary(generation: Path, ix: Any, vocabulary: list[str] | None,
                       documents: list[Document], reader: Any) -> None:
    """Rewrite the vocabulary file for the new commit: the old words plus the new documents'.

    Words of deleted documents may linger; they only cost a lookup that finds no postings.
    Without a vocabulary of the previous commit, it is read again from the term files.
    """
    if vocabulary is None:
        words = reader_words(reader)
    else:
        words = set(vocabulary)
        for doc in documents:
            for part in (doc.id, doc.title, doc.about, doc.summary, doc.text):
                words.update(w for w in text_words(part or "") if w.isalpha())
    write_vocabulary(generation, ix.latest_generation(), words)


def _open_whoosh(generation: Path) -> Any:
    try:
        return whoosh_index.open_dir(str(generation))
    except whoosh_index.EmptyIndexError as exc:
        raise IndexMissingError(
            f"no index at {generation}; run `telusur index`"
        ) from exc
    except Exception as exc:  # whoosh raises many kinds on damaged files
        raise IndexCorruptError(
            f"cannot open the index at {generation} ({exc}); run `telusur index --rebuild`"
        ) from exc


def open_generation(index_dir: Path) -> tuple[Path, IndexState, Any]:
    """Open the live generation: its path, state and Whoosh index; check the version."""
    index_dir = Path(index_dir)
    generation = current_generation(index_dir)
    if generation is None or not generation.is_dir():
        raise IndexMissingError(f"no index at {index_dir}; run `telusur index`")
    state = read_state(generation)
    check_version(state, index_dir)
    ix = _open_whoosh(generation)
    try:
        verify_generation(generation, ix)
    except IndexCorruptError:
        ix.close()
        raise
    return generation, state, ix
