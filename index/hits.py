"""Turning index matches into `Hit`s: stored fields, best Pasal, snippets, facets, related.

Everything here reads one Whoosh searcher and returns plain dataclasses from `index.results`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from whoosh import query as wq

from index.lexicon import Lexicon
from index.parts import best_part, part_matcher
from index.query import ParsedQuery, highlight_words
from index.results import Hit, PartHit
from index.schema import SCORING_FIELDS, load_parts
from index.snippets import TermMatcher, make_snippet

RELATED_TERMS = 16


class HitBuilder:
    """Build Hits from docnums of one searcher."""

    def __init__(self, searcher: Any, lexicon: Lexicon) -> None:
        self._s = searcher
        self._lexicon = lexicon

    def hit(self, docnum: int, score: float, snippet: str = "",
            best: PartHit | None = None, fields: dict[str, Any] | None = None) -> Hit:
        """Return the Hit of one document."""
        f = fields if fields is not None else self._s.stored_fields(docnum)
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
            best_part=best,
        )

    def build(self, docnums: Sequence[int], parsed: ParsedQuery, snippets: bool = True,
              scores: dict[int, float] | None = None) -> list[Hit]:
        """Return Hits for a page of docnums, each with its best Pasal and snippet."""
        scores = scores or {}
        patterns = part_matcher(parsed, self._lexicon, self._s)
        matcher = TermMatcher(highlight_words(parsed, self._lexicon)) if parsed.clauses else None
        hits = []
        for docnum in docnums:
            fields = self._s.stored_fields(docnum)
            parts = load_parts(fields.get("parts"), fields.get("text", ""))
            found = best_part(parts, patterns, parsed.pasal)
            snippet, best = "", None
            if found is not None:
                anchor, label, text = found
                part_snippet = make_snippet(text, matcher) if snippets else ""
                best = PartHit(anchor, label, part_snippet)
                snippet = part_snippet
            elif snippets:
                snippet = make_snippet(fields.get("text", ""), matcher)
            hits.append(self.hit(docnum, scores.get(docnum, 0.0), snippet, best, fields))
        return hits

    def related(self, doc_id: str, limit: int) -> list[Hit]:
        """Return documents sharing key terms with `doc_id`, other regions first."""
        docnum = self._s.document_number(uid=doc_id)
        if docnum is None or limit < 1:
            return []
        f = self._s.stored_fields(docnum)
        sample = " ".join((f.get("title", ""), f.get("about", ""), f.get("text", "")[:20000]))
        keys = self._s.key_terms_from_text("body", sample, numterms=RELATED_TERMS * 2)
        terms = [(t, w) for t, w in keys if t.isalpha() and len(t) > 3][:RELATED_TERMS]
        if not terms:
            return []
        query = wq.Or([wq.Term(SCORING_FIELDS["body"], t, boost=float(w)) for t, w in terms]
                      + [wq.Term("title", t, boost=2.0 * float(w)) for t, w in terms])
        results = self._s.search(query, filter=wq.Term("unit", "doc"),
                                 mask=wq.Term("uid", doc_id), limit=limit * 4)
        own = f.get("region_key") or ""
        ranked = [(hit.docnum, hit.score, hit.get("region_key", ""))
                  for hit in results]
        if own:
            ranked.sort(key=lambda item: (item[2] == own, -item[1]))
        return [self.hit(d, score) for d, score, _ in ranked[:limit]]
