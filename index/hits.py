"""Turning index matches into `Hit`s: stored fields, best Pasal, snippets, facets, related.

Everything here reads one Whoosh searcher and returns plain dataclasses from `index.results`.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from whoosh import query as wq

from index.analysis import EXACT_MARK
from index.query import ParsedQuery, content_query
from index.results import FacetValue, Hit, PartHit
from index.schema import FACET_COLUMNS
from index.snippets import TermMatcher, make_snippet

PARTS_PER_DOC = 25
RELATED_TERMS = 16


class HitBuilder:
    """Build Hits from docnums of one searcher."""

    def __init__(self, searcher: Any) -> None:
        self._s = searcher

    def hit(self, docnum: int, score: float, snippet: str = "",
            best_part: PartHit | None = None) -> Hit:
        """Return the Hit of one document unit."""
        f = self._s.stored_fields(docnum)
        when = f.get("date")
        return Hit(
            id=f["doc_id"],
            url=f.get("url", ""),
            title=f.get("title", ""),
            kind=f.get("kind", "other"),
            score=round(float(score), 4),
            doc_type=f.get("doc_type") or None,
            number=f.get("number") or None,
            year=f.get("year") or None,
            date=when.date() if isinstance(when, dt.datetime) else None,
            about=f.get("about") or None,
            region=f.get("region") or None,
            status=f.get("status") or None,
            source=f.get("source") or None,
            snippet=snippet,
            best_part=best_part,
        )

    def build(self, docnums: Sequence[int], parsed: ParsedQuery, snippets: bool = True,
              scores: dict[int, float] | None = None) -> list[Hit]:
        """Return Hits for a page of docnums, each with its best Pasal and snippet."""
        scores = scores or {}
        doc_ids = {d: self._s.stored_fields(d)["doc_id"] for d in docnums}
        parts = self._best_parts(list(doc_ids.values()), parsed)
        matcher = TermMatcher(parsed.exact_words, parsed.stems) if parsed.clauses else None
        hits = []
        for docnum in docnums:
            part = parts.get(doc_ids[docnum])
            snippet, best = "", None
            if part is not None:
                part_snippet = make_snippet(part["text"], matcher) if snippets else ""
                best = PartHit(part["anchor"], part["label"], part_snippet)
                snippet = part_snippet
            elif snippets:
                snippet = make_snippet(self._s.stored_fields(docnum).get("text", ""), matcher)
            hits.append(self.hit(docnum, scores.get(docnum, 0.0), snippet, best))
        return hits

    def _best_parts(self, doc_ids: list[str], parsed: ParsedQuery) -> dict[str, dict[str, Any]]:
        best: dict[str, dict[str, Any]] = {}
        if not doc_ids:
            return best
        if parsed.pasal:
            for doc_id in doc_ids:
                docnum = self._s.document_number(uid=f"{doc_id}#{parsed.pasal}")
                if docnum is not None:
                    best[doc_id] = self._s.stored_fields(docnum)
        if not parsed.clauses:
            return best
        body = content_query(parsed.clauses, fields=("body",), require_all=False)
        owners = wq.Or([wq.Term("doc_id", d) for d in doc_ids if d not in best])
        if not owners.subqueries:
            return best
        query = wq.And([owners, wq.Term("unit", "part"), body])
        for hit in self._s.search(query, limit=PARTS_PER_DOC * len(doc_ids)):
            fields = hit.fields()
            best.setdefault(fields["doc_id"], fields)
        return best

    def related(self, doc_id: str, limit: int) -> list[Hit]:
        """Return documents sharing key terms with `doc_id`, other regions first."""
        docnum = self._s.document_number(uid=doc_id)
        if docnum is None or limit < 1:
            return []
        f = self._s.stored_fields(docnum)
        sample = " ".join((f.get("title", ""), f.get("about", ""), f.get("text", "")[:20000]))
        keys = self._s.key_terms_from_text("body", sample, numterms=RELATED_TERMS * 2)
        terms = [
            (t, w) for t, w in keys if not t.startswith(EXACT_MARK) and not t[:1].isdigit()
        ][:RELATED_TERMS]
        if not terms:
            return []
        query = wq.Or([wq.Term("body", t, boost=float(w)) for t, w in terms]
                      + [wq.Term("title", t, boost=2.0 * float(w)) for t, w in terms])
        results = self._s.search(query, filter=wq.Term("unit", "doc"),
                                 mask=wq.Term("uid", doc_id), limit=limit * 4)
        own = f.get("region_key") or ""
        ranked = [(hit.docnum, hit.score, hit.get("region_key", ""))
                  for hit in results]
        if own:
            ranked.sort(key=lambda item: (item[2] == own, -item[1]))
        return [self.hit(d, score) for d, score, _ in ranked[:limit]]


def facet_counts(
    searcher: Any, docnums: Iterable[int], fields: Sequence[str] = FACET_COLUMNS
) -> dict[str, tuple[FacetValue, ...]]:
    """Count facet values over a set of document units."""
    ordered = sorted(docnums)
    counters: dict[str, Counter[str]] = {name: Counter() for name in fields}
    for reader, offset in searcher.reader().leaf_readers():
        end = offset + reader.doc_count_all()
        local = [d - offset for d in ordered if offset <= d < end]
        if not local:
            continue
        for name in fields:
            column = reader.column_reader(name)
            counter = counters[name]
            for docnum in local:
                value = column[docnum]
                if isinstance(value, bytes):
                    value = value.decode("utf-8", "replace")
                if value in (None, "", 0) or (name == "year" and not 0 < value < 3000):
                    continue
                counter[str(value)] += 1
    return {
        name: tuple(FacetValue(v, c) for v, c in
                    sorted(counter.items(), key=lambda item: (-item[1], item[0])))
        for name, counter in counters.items()
    }
