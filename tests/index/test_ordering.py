"""Result order the web relies on: date sorts with undated documents last, fuzzy answers named."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from corpus.model import Document
from index import SearchIndex, SearchRequest, SearchResponse, build_index, open_index


def _news(doc_id: str, when: dt.datetime | None) -> Document:
    return Document(
        id=doc_id, url=f"https://warta.example/{doc_id}", kind="news", doc_type="Berita",
        title=f"Iuran pekerja rentan dibayar daerah ({doc_id})",
        text="Pemerintah daerah membayar iuran jaminan sosial pekerja rentan.",
        published_at=when, source="warta",
    )


@pytest.fixture(scope="module")
def dated_index(tmp_path_factory: pytest.TempPathFactory,
                corpus_docs: list[Document]) -> Iterator[SearchIndex]:
    """Open an index of the test corpus plus news with and without a date."""
    extra = [
        _news("undated-a", None),
        _news("dated-old", dt.datetime(2001, 1, 2, 8, 0)),
        _news("undated-b", None),
        _news("dated-new", dt.datetime(2025, 5, 6, 8, 0)),
    ]
    index_dir = tmp_path_factory.mktemp("dated")
    build_index(Path(index_dir), [*corpus_docs, *extra])
    ix = open_index(index_dir)
    yield ix
    ix.close()


def run(index: SearchIndex, query: str = "", **params: object) -> SearchResponse:
    with index.searcher() as searcher:
        return searcher.search(SearchRequest(query=query, **params))  # type: ignore[arg-type]


def ids(response: SearchResponse) -> list[str]:
    return [hit.id for hit in response.hits]


@pytest.mark.parametrize("sort", ["date_desc", "date_asc"])
@pytest.mark.parametrize("query", ["pekerja rentan", ""])
def test_undated_documents_come_last_in_both_date_orders(dated_index: SearchIndex,
                                                         sort: str, query: str) -> None:
    response = run(dated_index, query, kind=("news",), sort=sort, per_page=50)
    order = ids(response)
    undated = {"undated-a", "undated-b"}
    assert undated <= set(order)
    assert set(order[-2:]) == undated
    dated = [d for d in order if d not in undated]
    expected = ["dated-new", "berita-warta-2", "berita-warta-1", "dated-old"]
    assert dated == (expected if sort == "date_desc" else expected[::-1])


@pytest.mark.parametrize("sort", ["date_desc", "date_asc"])
def test_undated_documents_fill_only_the_last_pages(dated_index: SearchIndex, sort: str) -> None:
    first = run(dated_index, "", kind=("news",), sort=sort, per_page=2)
    last = run(dated_index, "", kind=("news",), sort=sort, per_page=2, page=3)
    assert not {"undated-a", "undated-b"} & set(ids(first))
    assert set(ids(last)) == {"undated-a", "undated-b"}


@pytest.mark.parametrize(
    ("query", "suggestion", "marked"),
    [
        ("kecelakan", "kecelakaan", "kecelakaan"),
        ("pekrja rentan", "pekerja rentan", "pekerja"),
        ("iuran pekrja", "iuran pekerja", "pekerja"),
    ],
)
def test_fuzzy_results_name_the_suggestion_they_are_for(search_index: SearchIndex, query: str,
                                                        suggestion: str, marked: str) -> None:
    response = run(search_index, query)
    assert response.fuzzy
    assert response.suggestion == suggestion
    snippets = " ".join(hit.snippet for hit in response.hits)
    words = {m.get_text().lower() for m in BeautifulSoup(snippets, "html.parser").find_all("mark")}
    assert marked in words


def test_exact_results_are_not_flagged_fuzzy(search_index: SearchIndex) -> None:
    response = run(search_index, "pekerja rentan")
    assert not response.fuzzy
    assert response.suggestion is None
    assert response.total > 0
