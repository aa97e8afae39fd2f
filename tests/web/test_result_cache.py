"""The search result cache: LRU behaviour, and never an answer older than the index."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus import Document, DocumentStore
from index import SearchResponse, build_index, update_index
from web import create_app
from web.searching import ResultCache, result_cache


def _response(query: str) -> SearchResponse:
    return SearchResponse(query=query, total=0, page=1, per_page=10, hits=())


def test_cache_evicts_the_least_recently_used_response() -> None:
    cache = ResultCache(size=2)
    cache.put("a", _response("a"))
    cache.put("b", _response("b"))
    assert cache.get("a") is not None  # "a" is now the most recently used
    cache.put("c", _response("c"))
    assert cache.get("b") is None and cache.get("a") is not None and cache.get("c") is not None
    assert (cache.hits, cache.misses) == (3, 1) and len(cache) == 2


def test_size_zero_turns_the_cache_off() -> None:
    cache = ResultCache(size=0)
    cache.put("a", _response("a"))
    assert cache.get("a") is None and len(cache) == 0


def _doc(number: int, text: str) -> Document:
    return Document(id=f"perbup-contoh-2024-{number}", url=f"https://jdih.test/{number}",
                    kind="regulation", title=f"Peraturan Bupati Contoh Nomor {number} Tahun 2024",
                    text=text, doc_type="Perbup", number=str(number), year=2024,
                    region="Kabupaten Contoh", source="test")


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    with DocumentStore(tmp_path / "documents") as store:
        store.put(_doc(1, "Iuran jaminan kecelakaan kerja bagi nelayan kecil."))
        build_index(tmp_path / "index", iter(store), store_seq=store.last_seq())
    return tmp_path


def test_repeated_search_is_served_from_the_cache_until_the_index_changes(
    data_dir: Path,
) -> None:
    app = create_app({"DATA_DIR": data_dir, "TESTING": True})
    client = app.test_client()
    first = client.get("/api/search?q=nelayan").get_json()
    second = client.get("/api/search?q=nelayan").get_json()
    assert first["total"] == second["total"] == 1
    with app.app_context():
        cache = result_cache()
        assert (cache.hits, cache.misses) == (1, 1)

    update_index(data_dir / "index", [_doc(2, "Perlindungan nelayan dan petani penggarap.")])
    third = client.get("/api/search?q=nelayan").get_json()
    assert third["total"] == 2  # the update changed the index version: no stale answer
    with app.app_context():
        assert result_cache().misses == 2


def test_cache_can_be_turned_off_by_configuration(data_dir: Path) -> None:
    app = create_app({"DATA_DIR": data_dir, "TESTING": True, "SEARCH_CACHE_SIZE": 0})
    client = app.test_client()
    client.get("/api/search?q=nelayan")
    client.get("/api/search?q=nelayan")
    with app.app_context():
        assert result_cache().hits == 0 and len(result_cache()) == 0
