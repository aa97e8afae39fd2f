"""Searching: `SearchIndex` (the open index) and `Searcher` (one per request or thread).

`Searcher.search` runs a `SearchRequest`: citations resolve to their document, ranked first;
the rest is BM25F over document units (title, about and number above body), all words required
and, when that finds nothing, any word; then facets over the whole filtered result set, the
best-matching Pasal of each hit on the page, snippets, and did-you-mean with a fuzzy fallback.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from whoosh import query as wq
from whoosh import scoring

from index import suggest as spelling
from index.analysis import STEMMERS
from index.errors import QueryError
from index.hits import HitBuilder, column_values, facet_counts
from index.lexicon import Lexicon
from index.lifecycle import IndexState, current_generation, open_generation
from index.query import ParsedQuery, content_query, parse_query
from index.results import SORTS, FacetValue, Hit, SearchRequest, SearchResponse
from index.schema import FACET_COLUMNS

log = logging.getLogger(__name__)

MAX_PER_PAGE = 100
MAX_PAGE = 1000


class Searcher:
    """Answer searches over one consistent snapshot of the index."""

    def __init__(self, whoosh_searcher: Any, lexicon: Lexicon) -> None:
        self._s = whoosh_searcher
        self._lexicon = lexicon
        self._hits = HitBuilder(whoosh_searcher, lexicon)

    # -- search -------------------------------------------------------------------------------

    def search(self, req: SearchRequest) -> SearchResponse:
        """Run one search request."""
        started = time.perf_counter()
        _check_request(req)
        parsed = parse_query(req.query)
        if req.query.strip() and parsed.empty:
            raise QueryError(
                "nothing searchable in the query; type words, a phrase in quotes or a citation "
                "such as \"Perbup Gianyar 55/2018\""
            )
        filters = self._filter_query(req)
        pinned = self._resolve_citations(parsed, filters)
        docset, ranked_query, suggestion, fuzzy = self._match(parsed, filters, pinned)
        if fuzzy:
            parsed = parse_query(suggestion or "")
        total = len(docset | set(pinned.values()))
        offset = (req.page - 1) * req.per_page
        order = self._rank(ranked_query, filters, req, offset + req.per_page, pinned)
        page_ids = order[offset : offset + req.per_page]
        hits = self._hits.build(page_ids, parsed, snippets=req.snippets)
        facets = facet_counts(self._s, docset | set(pinned.values())) if req.facets else {}
        return SearchResponse(
            query=req.query,
            total=total,
            page=req.page,
            per_page=req.per_page,
            hits=tuple(hits),
            facets=facets,
            suggestion=suggestion,
            took_ms=round((time.perf_counter() - started) * 1000, 2),
            citation=next(iter(pinned), None),
            fuzzy=fuzzy,
        )

    def _filter_query(self, req: SearchRequest) -> wq.Query:
        parts: list[wq.Query] = [wq.Term("unit", "doc")]
        for name in ("kind", "doc_type", "region", "status", "source"):
            values = [v for v in getattr(req, name) if v]
            if values:
                parts.append(wq.Or([wq.Term(name, v) for v in values]))
        if req.year_from is not None or req.year_to is not None:
            parts.append(wq.NumericRange("year", req.year_from, req.year_to))
        return wq.And(parts) if len(parts) > 1 else parts[0]

    def _resolve_citations(self, parsed: ParsedQuery, filters: wq.Query) -> dict[str, int]:
        """Map each cited document id to its docnum, for citations found in the index."""
        pinned: dict[str, int] = {}
        for cite in parsed.citations:
            exact_id = cite.regulation_id()
            candidates: list[wq.Query] = []
            if exact_id:
                candidates.append(wq.Term("uid", exact_id))
            key = wq.And([
                wq.Term("type_key", cite.doc_type.lower()),
                wq.Term("number_key", cite.number.lower().lstrip("0") or cite.number.lower()),
                wq.Term("year", cite.year),
            ])
            candidates.append(key)
            for candidate in candidates:
                found = [d for d in self._s.docs_for_query(wq.And([candidate, filters]))]
                for docnum in found:
                    doc_id = self._s.stored_fields(docnum)["doc_id"]
                    pinned.setdefault(doc_id, docnum)
                if found:
                    break
        return pinned

    def _match(
        self, parsed: ParsedQuery, filters: wq.Query, pinned: dict[str, int]
    ) -> tuple[set[int], wq.Query, str | None, bool]:
        """Return matching docnums, the query to rank them with, did-you-mean, fuzzy flag."""
        if not parsed.clauses:
            if pinned:
                citing = wq.Or([wq.Term("refs", doc_id) for doc_id in pinned])
                return self._docs(citing, filters), citing, None, False
            return self._docs(wq.Every(), filters), wq.Every(), None, False
        query = content_query(parsed.clauses, self._lexicon)
        docs = self._docs(query, filters)
        suggestion = spelling.did_you_mean(self._s, parsed)
        if docs:
            return docs, query, suggestion, False
        if suggestion:
            corrected = parse_query(suggestion).clauses
            for require_all in (True, False):
                fuzzy_query = content_query(corrected, self._lexicon, require_all=require_all)
                fuzzy_docs = self._docs(fuzzy_query, filters)
                if fuzzy_docs:
                    return fuzzy_docs, fuzzy_query, suggestion, True
        if len(parsed.clauses) > 1:
            query = content_query(parsed.clauses, self._lexicon, require_all=False)
            docs = self._docs(query, filters)
        return docs, query, suggestion, False

    def _docs(self, query: wq.Query, filters: wq.Query) -> set[int]:
        return set(self._s.docs_for_query(wq.And([query, filters])))

    def _rank(
        self, query: wq.Query, filters: wq.Query, req: SearchRequest, limit: int,
        pinned: dict[str, int],
    ) -> list[int]:
        """Return docnums in display order: cited documents first, then by score or date."""
        browsing = isinstance(query, wq.Every)
        if req.sort == "relevance" and not browsing:
            results = self._s.search(query, filter=filters, limit=limit + len(pinned))
            scored = [(hit.score, hit.docnum) for hit in results]
            scored = _news_recency_tiebreak(self._s, scored)
        else:
            results = self._s.search(query, filter=filters, limit=limit + len(pinned),
                                     sortedby="date", reverse=req.sort != "date_asc")
            scored = [(hit.score or 0.0, hit.docnum) for hit in results]
        pinned_nums = list(dict.fromkeys(pinned.values()))
        rest = [d for _, d in scored if d not in set(pinned_nums)]
        return pinned_nums + rest

    # -- other lookups ------------------------------------------------------------------------

    def get(self, doc_id: str) -> Hit | None:
        """Return one document as a Hit, or None when it is not indexed."""
        docnum = self._s.document_number(uid=doc_id)
        if docnum is None:
            return None
        return self._hits.hit(docnum, score=0.0)

    def doc_count(self) -> int:
        """Return the number of documents (not counting their parts)."""
        return len(set(self._s.docs_for_query(wq.Term("unit", "doc"))))

    def counts(self, field: str) -> tuple[FacetValue, ...]:
        """Return the value counts of a facet field over all documents."""
        if field not in FACET_COLUMNS:
            raise QueryError(f"no facet {field!r}; choose one of {', '.join(FACET_COLUMNS)}")
        docs = set(self._s.docs_for_query(wq.Term("unit", "doc")))
        return facet_counts(self._s, docs, fields=(field,))[field]

    def citing(self, doc_id: str, limit: int = 50) -> list[Hit]:
        """Return documents whose references point at `doc_id`, newest first."""
        query = wq.And([wq.Term("refs", doc_id), wq.Term("unit", "doc")])
        results = self._s.search(query, limit=max(1, limit), sortedby="date", reverse=True)
        return [self._hits.hit(hit.docnum, score=0.0) for hit in results]

    def related(self, doc_id: str, limit: int = 5) -> list[Hit]:
        """Return documents like `doc_id` (more-like-this), other regions' precedents first."""
        return self._hits.related(doc_id, limit)

    def suggest(self, prefix: str, limit: int = 8) -> list[str]:
        """Return completions of a typed prefix: known words and titles."""
        return spelling.complete(self._s, prefix, limit)


def _check_request(req: SearchRequest) -> None:
    if req.sort not in SORTS:
        raise QueryError(f"unknown sort {req.sort!r}; choose one of {', '.join(SORTS)}")
    if not 1 <= req.page <= MAX_PAGE:
        raise QueryError(f"page must be between 1 and {MAX_PAGE}, not {req.page}")
    if not 1 <= req.per_page <= MAX_PER_PAGE:
        raise QueryError(f"per_page must be between 1 and {MAX_PER_PAGE}, not {req.per_page}")
    if (req.year_from is not None and req.year_to is not None and req.year_from > req.year_to):
        raise QueryError(f"year_from {req.year_from} is after year_to {req.year_to}")


def _news_recency_tiebreak(searcher: Any, scored: list[tuple[float, int]]) -> list[tuple[float,
                                                                                       int]]:
    """Order equal scores so that newer news comes first; other kinds keep their order."""
    docnums = [d for _, d in scored]
    kinds = column_values(searcher, "kind", docnums)
    dates = column_values(searcher, "date", docnums)

    def key(item: tuple[float, int]) -> tuple[float, float]:
        score, docnum = item
        when = dates.get(docnum) if kinds.get(docnum) == "news" else None
        stamp = when.timestamp() if isinstance(when, dt.datetime) else 0.0
        return (-round(score, 2), -stamp)

    return sorted(scored, key=key)


class SearchIndex:
    """An open index directory; hands out searchers that see the latest generation."""

    def __init__(self, index_dir: Path, stemmer: str = "sastrawi") -> None:
        if stemmer not in STEMMERS:
            raise ValueError(f"unknown stemmer {stemmer!r}; choose one of {STEMMERS}")
        self.index_dir = Path(index_dir)
        self.stemmer = stemmer
        self._lock = threading.Lock()
        self._generation, self._state, self._ix = open_generation(self.index_dir)
        self._pool: list[Any] = []
        self._closed = False
        self._lexicon: Lexicon | None = None
        self._lexicon_key: tuple[str, int] | None = None

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
        if searcher is None:
            return ix, ix.searcher(weighting=scoring.BM25F())
        if not searcher.up_to_date():
            # Whoosh's refresh() reuses segment readers and can keep stale deletions.
            searcher.close()
            searcher = ix.searcher(weighting=scoring.BM25F())
        return ix, searcher

    def _lexicon_for(self, searcher: Any) -> Lexicon:
        key = (self._generation.name, searcher.reader().generation())
        with self._lock:
            if self._lexicon_key == key and self._lexicon is not None:
                return self._lexicon
        lexicon = Lexicon.from_reader(searcher.reader(), stemmer=self.stemmer)
        with self._lock:
            self._lexicon_key, self._lexicon = key, lexicon
        return lexicon

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
            yield Searcher(whoosh_searcher, self._lexicon_for(whoosh_searcher))
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

