"""`SearchIndex`: an open index directory that hands out per-request `Searcher`s.

Searchers are pooled (opening one costs more than a search); each checkout sees the newest
committed version of the live generation, and a generation swapped in by a rebuild is picked
up on the next checkout. Per-version data (vocabulary, columns) is built once per version.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from whoosh import scoring

from index.analysis import STEMMERS
from index.errors import IndexCorruptError, QueryError
from index.lexicon import read_vocabulary
from index.lifecycle import IndexState, current_generation, open_generation
from index.ranking import Snapshot, load_snapshot
from index.searcher import Searcher

__all__ = ["SearchIndex", "Searcher", "open_index"]

log = logging.getLogger(__name__)


class SearchIndex:
    """An open index directory; hands out searchers that see the latest generation."""

    def __init__(self, index_dir: Path, stemmer: str = "sastrawi") -> None:
        if stemmer not in STEMMERS:
            raise ValueError(f"unknown stemmer {stemmer!r}; choose one of {STEMMERS}")
        self.index_dir = Path(index_dir)
        self.stemmer = stemmer
        self._lock = threading.Lock()
        self._snapshot_lock = threading.Lock()  # one thread builds a version's snapshot
        self._generation, self._state, self._ix = open_generation(self.index_dir)
        self._pool: list[Any] = []
        self._closed = False
        self._snapshot: Snapshot | None = None
        self._snapshot_key: tuple[str, int] | None = None

    @property
    def state(self) -> IndexState:
        """Return the state of the generation this index has open."""
        return self._state

    def _current(self) -> Any:
        generation = current_generation(self.index_dir)
        if generation is not None and generation != self._generation:
            generation, state, ix = open_generation(self.index_dir)
            old_pool, old_ix = self._pool, self._ix
            self._generation, self._state, self._ix, self._pool = generation, state, ix, []
            for searcher in old_pool:
                searcher.close()
            old_ix.close()
        return self._ix

    def _checkout(self) -> tuple[Any, Any]:
        with self._lock:
            if self._closed:
                raise QueryError("the index is closed")
            ix = self._current()
            searcher = self._pool.pop() if self._pool else None
        if searcher is not None and not searcher.up_to_date():
            # Whoosh's refresh() reuses segment readers and can keep stale deletions.
            searcher.close()
            searcher = None
        if searcher is None:
            try:
                searcher = ix.searcher(weighting=scoring.BM25F())
            except Exception as exc:  # whoosh raises many kinds on damaged files
                raise IndexCorruptError(
                    f"the index at {self._generation} is damaged ({type(exc).__name__}: {exc}); "
                    "run `telusur index --rebuild`"
                ) from exc
        return ix, searcher

    def _snapshot_for(self, searcher: Any) -> Snapshot:
        key = (self._generation.name, searcher.reader().generation())
        with self._lock:
            if self._snapshot_key == key and self._snapshot is not None:
                return self._snapshot
        with self._snapshot_lock:  # threads arriving meanwhile wait for it, not build it again
            with self._lock:
                if self._snapshot_key == key and self._snapshot is not None:
                    return self._snapshot
            vocabulary = read_vocabulary(self._generation, key[1])
            if vocabulary is None:
                log.info("no vocabulary file for %s commit %s; reading the term files", *key)
            snapshot = load_snapshot(searcher, stemmer=self.stemmer, vocabulary=vocabulary)
            with self._lock:
                self._snapshot_key, self._snapshot = key, snapshot
            return snapshot

    def _checkin(self, ix: Any, searcher: Any) -> None:
        with self._lock:
            if ix is self._ix and not self._closed:
                self._pool.append(searcher)
                return
        searcher.close()

    @contextlib.contextmanager
    def searcher(self) -> Iterator[Searcher]:
        """Yield a Searcher for one request or thread; it sees a consistent snapshot."""
        ix, whoosh_searcher = self._checkout()
        try:
            yield Searcher(whoosh_searcher, self._snapshot_for(whoosh_searcher))
        finally:
            self._checkin(ix, whoosh_searcher)

    def close(self) -> None:
        """Close every pooled searcher and the index."""
        with self._lock:
            self._closed = True
            for searcher in self._pool:
                searcher.close()
            self._pool = []
            self._ix.close()

    def __enter__(self) -> SearchIndex:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_index(index_dir: Path, *, stemmer: str = "sastrawi") -> SearchIndex:
    """Open the index at `index_dir` for searching; raise a clear error when it cannot.

    `stemmer` chooses how query words expand to their families ("none" turns that off); it is
    a query-time choice, so the same index serves both.
    """
    return SearchIndex(Path(index_dir), stemmer=stemmer)

