"""`Searcher`: answers searches and lookups over one consistent version of the index.

`search` runs a `SearchRequest`: citations resolve to their document, ranked first; the rest is
BM25F over documents (title and number above body; every word of a stem family), all clauses
required and, when that finds nothing, a did-you-mean correction or any clause; then facets over
the whole filtered result set, the best-matching Pasal of each hit on the page, and snippets.
When the results come from the did-you-mean correction, `fuzzy` is set and `suggestion` names
the corrected query they are for. Date sorts put undated documents last in both directions.
"""

from __future__ import annotations

import heapq
import time
from typing import Any

from whoosh import query as wq

from index import suggest as spelling
from index.bm25 import ClauseScorer, score_clauses
from index.errors import QueryError
from index.hits import HitBuilder
from index.query import ParsedQuery, parse_query
from index.ranking import Snapshot, facet_counts, matching, news_recency_tiebreak, top_scores
from index.results import SORTS, FacetValue, Hit, SearchRequest, SearchResponse
from index.schema import FACET_COLUMNS, number_key

MAX_PER_PAGE = 100
MAX_PAGE = 1000
_FILTER_FIELDS = ("kind", "doc_type", "region", "status", "source")
_NO_YEAR = 3000  # Whoosh fills a missing year with a huge number


class Searcher:
    """Answer searches over one consistent snapshot of the index."""

    def __init__(self, whoosh_searcher: Any, snapshot: Snapshot) -> None:
        self._s = whoosh_searcher
        self._snap = snapshot
        self._lexicon = snapshot.lexicon
        self._hits = HitBuilder(whoosh_searcher, snapshot.lexicon)
        self._scorer = ClauseScorer(whoosh_searcher, snapshot.lexicon, snapshot.lengths,
                                    snapshot.tf_cache)

    @property
    def version(self) -> tuple[str, int]:
        """Return a token that changes whenever the index this searcher sees changes.

        It names the live generation and Whoosh's commit generation inside it, so a cache keyed
        on it never serves an answer older than the index (a commit or a swapped rebuild).
        """
        return (str(self._s._ix.storage.folder), int(self._s.reader().generation()))

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
        allowed = self._allowed(req)
        pinned = self._resolve_citations(parsed, allowed)
        limit = req.page * req.per_page + len(pinned)
        docs, ranked, suggestion, fuzzy = self._match(parsed, allowed, pinned, limit, req.sort)
        if fuzzy and suggestion:
            parsed = parse_query(suggestion)
        every = docs | set(pinned.values())
        order = list(dict.fromkeys([*pinned.values(), *(d for _, d in ranked)]))
        scores = {d: s for s, d in ranked}
        offset = (req.page - 1) * req.per_page
        page = order[offset : offset + req.per_page]
        return SearchResponse(
            query=req.query,
            total=len(every),
            page=req.page,
            per_page=req.per_page,
            hits=tuple(self._hits.build(page, parsed, snippets=req.snippets, scores=scores)),
            facets=facet_counts(self._snap, every) if req.facets else {},
            suggestion=suggestion,
            took_ms=round((time.perf_counter() - started) * 1000, 2),
            citation=next(iter(pinned), None),
            fuzzy=fuzzy,
        )

    def _allowed(self, req: SearchRequest) -> frozenset[int]:
        """Return the live documents that pass the request's filters (from columns)."""
        tests = [(self._snap.columns[name], set(values)) for name in _FILTER_FIELDS
                 if (values := [v for v in getattr(req, name) if v])]
        years = self._snap.columns["year"]
        low = req.year_from if req.year_from is not None else -(10**9)
        high = req.year_to if req.year_to is not None else 10**9
        by_year = req.year_from is not None or req.year_to is not None
        if not tests and not by_year:
            return self._snap.live
        return frozenset(
            d for d in self._snap.live
            if all(column[d] in values for column, values in tests)
            and (not by_year or (isinstance(years[d], int) and low <= years[d] <= high
                                 and years[d] < _NO_YEAR))
        )

    def _resolve_citations(self, parsed: ParsedQuery, allowed: frozenset[int]) -> dict[str, int]:
        """Map each cited document id to its docnum, for citations found in the index."""
        pinned: dict[str, int] = {}
        for cite in parsed.citations:
            candidates: list[wq.Query] = []
            exact_id = cite.regulation_id()
            if exact_id:
                candidates.append(wq.Term("uid", exact_id))
            candidates.append(wq.And([
                wq.Term("type_key", cite.doc_type.lower()),
                wq.Term("number_key", number_key(cite.number)),
                wq.Term("year", cite.year),
            ]))
            for candidate in candidates:
                found = sorted(matching(self._s, candidate, allowed))
                for docnum in found:
                    pinned.setdefault(self._s.stored_fields(docnum)["doc_id"], docnum)
                if found:
                    break
        return pinned

    def _match(self, parsed: ParsedQuery, allowed: frozenset[int], pinned: dict[str, int],
               limit: int, sort: str) -> tuple[set[int], list[tuple[float, int]], str | None,
                                               bool]:
        """Return matches, ranked top docnums, did-you-mean and whether it is a fuzzy fallback."""
        if not parsed.clauses:
            if pinned:
                citing = wq.Or([wq.Term("refs", doc_id) for doc_id in pinned])
                listed = matching(self._s, citing, allowed)
            else:
                listed = set(allowed)
            return listed, self._by_date(listed, limit, sort != "date_asc"), None, False
        suggestion = spelling.did_you_mean(self._s, parsed, self._lexicon)
        attempts: list[tuple[ParsedQuery, bool, bool]] = []
        if suggestion:
            attempts.append((parse_query(suggestion), True, True))
        attempts.append((parsed, True, False))
        if suggestion:
            attempts.append((parse_query(suggestion), False, True))
        if len(parsed.clauses) > 1:
            attempts.append((parsed, False, False))
        docs: set[int] = set()
        ranked: list[tuple[float, int]] = []
        fuzzy = False
        for attempt, require_all, is_fuzzy in attempts:
            scores = score_clauses(self._scorer, attempt.clauses, require_all, allowed)
            docs, ranked = set(scores), top_scores(scores, limit)
            if docs:
                fuzzy = is_fuzzy
                break
        if sort != "relevance":
            ranked = self._by_date(docs, limit, sort == "date_desc")
        else:
            ranked = news_recency_tiebreak(self._snap, ranked)
        return docs, ranked, suggestion, fuzzy

    def _by_date(self, docs: set[int], limit: int, newest_first: bool) -> list[tuple[float, int]]:
        """Return up to `limit` docs by date; undated documents last in either direction."""
        dates = self._snap.columns["date"]
        dated = [d for d in docs if dates[d] is not None]
        if newest_first:
            ordered = heapq.nlargest(limit, dated, key=lambda d: (dates[d], -d))
        else:
            ordered = heapq.nsmallest(limit, dated, key=lambda d: (dates[d], d))
        if len(ordered) < limit:
            undated = sorted(d for d in docs if dates[d] is None)
            ordered.extend(undated[: limit - len(ordered)])
        return [(0.0, d) for d in ordered]

    def get(self, doc_id: str) -> Hit | None:
        """Return one document as a Hit, or None when it is not indexed."""
        docnum = self._s.document_number(uid=doc_id)
        if docnum is None:
            return None
        return self._hits.hit(docnum, score=0.0)

    def doc_count(self) -> int:
        """Return the number of documents."""
        return len(self._snap.live)

    def counts(self, field: str) -> tuple[FacetValue, ...]:
        """Return the value counts of a facet field over all documents."""
        if field not in FACET_COLUMNS:
            raise QueryError(f"no facet {field!r}; choose one of {', '.join(FACET_COLUMNS)}")
        return facet_counts(self._snap, self._snap.live, fields=(field,))[field]

    def citing(self, doc_id: str, limit: int = 50) -> list[Hit]:
        """Return documents whose references point at `doc_id`, newest first."""
        docs = matching(self._s, wq.Term("refs", doc_id), self._snap.live)
        return [self._hits.hit(d, score=0.0) for _, d in self._by_date(docs, max(1, limit), True)]

    def related(self, doc_id: str, limit: int = 5) -> list[Hit]:
        """Return documents like `doc_id` (more-like-this), other regions' precedents first."""
        return self._hits.related(doc_id, limit)

    def suggest(self, prefix: str, limit: int = 8) -> list[str]:
        """Return completions of a typed prefix: known words, most common first."""
        return spelling.complete(self._s, prefix, limit)


def _check_request(req: SearchRequest) -> None:
    if req.sort not in SORTS:
        raise QueryError(f"unknown sort {req.sort!r}; choose one of {', '.join(SORTS)}")
    if not 1 <= req.page <= MAX_PAGE:
        raise QueryError(f"page must be between 1 and {MAX_PAGE}, not {req.page}")
    if not 1 <= req.per_page <= MAX_PER_PAGE:
        raise QueryError(f"per_page must be between 1 and {MAX_PER_PAGE}, not {req.per_page}")
    if req.year_from is not None and req.year_to is not None and req.year_from > req.year_to:
        raise QueryError(f"year_from {req.year_from} is after year_to {req.year_to}")
