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


def test_threads_starting_together_build_one_snapshot(built_index: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """A cold start under concurrent requests builds the per-version snapshot once."""
    import threading
    import time

    import index.search as search_module

    calls: list[int] = []
    real = search_module.load_snapshot

    def slow_load(*args: object, **kwargs: object) -> object:
        calls.append(1)
        time.sleep(0.2)  # a wide window for the other threads to arrive
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(search_module, "load_snapshot", slow_load)
    errors: list[BaseException] = []
    with open_index(built_index) as ix:
        def one() -> None:
            try:
                with ix.searcher() as searcher:
                    searcher.search(SearchRequest(query="jaminan"))
            except BaseException as exc:  # reported below
                errors.append(exc)

        threads = [threading.Thread(target=one) for _ in range(6)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert not errors
    assert len(calls) == 1
