"""Per-version caches (word families, phrases, facet labels) never change an answer."""

from __future__ import annotations

from pathlib import Path

import pytest

from index import SearchRequest, open_index
from index.bm25 import TfCache


@pytest.mark.parametrize(
    "query", ['"jaminan sosial"', "pekerja rentan", "jkk", '"pekerja rentan" iuran', "perlindungan"]
)
def test_repeated_search_answers_the_same_from_the_caches(built_index: Path, query: str) -> None:
    with open_index(built_index) as ix:
        answers = []
        for _ in range(2):
            with ix.searcher() as searcher:
                response = searcher.search(SearchRequest(query=query))
            answers.append(([(h.id, h.score, h.snippet) for h in response.hits], response.total,
                            response.facets))
    assert answers[0] == answers[1]
    assert answers[0][1] > 0


def test_family_cache_round_trips_and_drops_the_least_recently_used() -> None:
    cache = TfCache(size=2)
    cache.put(("body", "a", False), {3: 1.0, 7: 2.5})
    cache.put(("body", "b", False), {1: 0.7})
    assert cache.get(("body", "a", False)) == {3: 1.0, 7: 2.5}
    cache.put(("body", "c", False), {})
    assert cache.get(("body", "b", False)) is None
    assert cache.get(("body", "a", False)) == {3: 1.0, 7: 2.5}
    assert cache.get(("body", "c", False)) == {}
