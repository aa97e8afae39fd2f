"""Searching the hand-made corpus: citations, pasal hits, facets, snippets, spelling, lookups."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from index import QueryError, SearchIndex, SearchRequest, SearchResponse


def run(index: SearchIndex, query: str = "", **params: object) -> SearchResponse:
    with index.searcher() as searcher:
        return searcher.search(SearchRequest(query=query, **params))  # type: ignore[arg-type]


def ids(response: SearchResponse) -> list[str]:
    return [hit.id for hit in response.hits]


@pytest.mark.parametrize(
    ("query", "doc_id"),
    [
        ("uu 40 2004", "uu-2004-40"),
        ("UU No. 40 Tahun 2004", "uu-2004-40"),
        ("Undang-Undang Nomor 24 Tahun 2011", "uu-2011-24"),
        ("uu nomor 24 tahun 2011", "uu-2011-24"),
        ("PP No.44 Tahun 2015", "pp-2015-44"),
        ("pp 44/2015 iuran", "pp-2015-44"),
        ("Perbup Gianyar No. 55 Th. 2018", "perbup-gianyar-2018-55"),
        ("Peraturan Bupati Badung Nomor 55 Tahun 2018", "perbup-badung-2018-55"),
        ("perbup gianyar 12/2020", "perbup-gianyar-2020-12"),
    ],
)
def test_citation_ranks_the_cited_document_first(search_index: SearchIndex, query: str,
                                                 doc_id: str) -> None:
    response = run(search_index, query)
    assert response.citation == doc_id
    assert ids(response)[0] == doc_id


def test_citation_without_region_finds_every_region(search_index: SearchIndex) -> None:
    response = run(search_index, "perbup 55/2018")
    assert set(ids(response)[:2]) == {"perbup-gianyar-2018-55", "perbup-badung-2018-55"}


def test_citation_alone_lists_the_documents_citing_it(search_index: SearchIndex) -> None:
    response = run(search_index, "Perbup Gianyar No. 55 Th. 2018")
    assert set(ids(response)[1:]) == {"berita-warta-1", "berita-warta-2"}


def test_citation_of_unknown_document_is_no_citation(search_index: SearchIndex) -> None:
    response = run(search_index, "uu 99 1999")
    assert response.citation is None


def test_citation_with_pasal_names_that_pasal(search_index: SearchIndex) -> None:
    response = run(search_index, "uu 40 2004 pasal 3")
    assert response.hits[0].best_part is not None
    assert response.hits[0].best_part.anchor == "pasal-3"


@pytest.mark.parametrize(
    ("query", "doc_id", "anchor", "label"),
    [
        ("iuran pekerja rentan", "perbup-gianyar-2018-55", "pasal-2", "Pasal 2"),
        ("kepesertaan pekerja rentan gianyar", "perbup-gianyar-2018-55", "pasal-3", "Pasal 3"),
        ("penerima bantuan iuran", "uu-2004-40", "pasal-3", "Pasal 3"),
    ],
)
def test_best_part_names_the_matching_pasal(search_index: SearchIndex, query: str, doc_id: str,
                                             anchor: str, label: str) -> None:
    hit = next(h for h in run(search_index, query).hits if h.id == doc_id)
    assert hit.best_part is not None
    assert (hit.best_part.anchor, hit.best_part.label) == (anchor, label)
    assert "<mark>" in hit.best_part.snippet


def test_each_document_is_shown_once(search_index: SearchIndex) -> None:
    response = run(search_index, "jaminan")
    assert len(ids(response)) == len(set(ids(response)))
    assert response.total == len(ids(response))


def test_morphology_matches_the_whole_family(search_index: SearchIndex) -> None:
    response = run(search_index, "perlindungan")
    assert {"berita-warta-1", "perbup-gianyar-2018-55", "perbup-badung-2018-55"} <= set(
        ids(response))


def test_overstemmed_word_does_not_match_the_function_word(search_index: SearchIndex) -> None:
    assert "perbup-gianyar-2018-55" in ids(run(search_index, "peserta"))
    assert "uu-2004-40" in ids(run(search_index, "peserta"))
    # "serta" (and) is a stop word; "peserta" must not behave like it and match everything.
    assert run(search_index, "peserta").total < 6


@pytest.mark.parametrize(
    ("query", "doc_id"),
    [
        ("jkk", "perbup-badung-2018-55"),
        ("jht", "uu-2011-24"),
        ("bpjamsostek", "uu-2011-24"),
        ("thl", "perbup-gianyar-2020-12"),
        ("tenaga honorer", "perbup-gianyar-2020-12"),
        ("apbd", "perbup-gianyar-2018-55"),
    ],
)
def test_glossary_finds_spelled_out_forms(search_index: SearchIndex, query: str,
                                          doc_id: str) -> None:
    assert doc_id in ids(run(search_index, query))


def test_quoted_phrase_matches_exact_words_only(search_index: SearchIndex) -> None:
    exact = ids(run(search_index, '"pekerja rentan"'))
    assert "perbup-gianyar-2018-55" in exact
    assert "uu-2011-24" not in exact  # has "pekerjanya", not the phrase
    assert run(search_index, '"rentan pekerja"').total == 0


def test_title_match_ranks_above_body_match(search_index: SearchIndex) -> None:
    assert ids(run(search_index, "tenaga harian lepas"))[0] == "perbup-gianyar-2020-12"


def test_facets_count_the_whole_filtered_result(search_index: SearchIndex) -> None:
    response = run(search_index, "pekerja rentan", per_page=1)
    assert len(response.hits) == 1
    facets = {name: {v.value: v.count for v in values} for name, values in
              response.facets.items()}
    assert facets["kind"] == {"regulation": 2, "news": 2}
    assert facets["region"] == {"Kabupaten Gianyar": 1, "Kabupaten Badung": 1}
    assert facets["year"] == {"2018": 2}
    assert sum(facets["kind"].values()) == response.total


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"kind": ("news",)}, {"berita-warta-1", "berita-warta-2"}),
        ({"region": ("Kabupaten Badung",)}, {"perbup-badung-2018-55"}),
        ({"doc_type": ("Perbup",), "status": ("Dicabut",)}, {"perbup-gianyar-2020-12"}),
        ({"year_from": 2019, "year_to": 2021}, {"perbup-gianyar-2020-12"}),
    ],
)
def test_filters_come_from_parameters(search_index: SearchIndex, params: dict,
                                      expected: set[str]) -> None:
    assert set(ids(run(search_index, "jaminan", **params))) | set(
        ids(run(search_index, "", **params))) >= expected
    assert set(ids(run(search_index, "", **params))) == expected


def test_snippets_escape_markup_from_document_text(search_index: SearchIndex) -> None:
    hit = next(h for h in run(search_index, "iuran pekerja rentan").hits
               if h.id == "perbup-gianyar-2018-55")
    assert "<script>" not in hit.snippet
    assert "&lt;script&gt;" in hit.snippet
    soup = BeautifulSoup(hit.snippet, "html.parser")
    assert {tag.name for tag in soup.find_all(True)} == {"mark"}


def test_snippet_marks_original_words_not_stems(search_index: SearchIndex) -> None:
    hit = next(h for h in run(search_index, "perlindungan").hits if h.id == "berita-warta-1")
    marked = [m.get_text() for m in BeautifulSoup(hit.snippet, "html.parser").find_all("mark")]
    assert "melindungi" in marked
    assert "lindung" not in marked


def test_typo_gets_a_suggestion_and_fuzzy_results(search_index: SearchIndex) -> None:
    response = run(search_index, "pekrja rentan")
    assert response.suggestion == "pekerja rentan"
    assert response.total > 0


def test_unknown_word_alone_gives_fuzzy_results(search_index: SearchIndex) -> None:
    response = run(search_index, "kecelakan")
    assert response.fuzzy
    assert response.suggestion == "kecelakaan"
    assert "pp-2015-44" in ids(response)


def test_news_sorts_by_date(search_index: SearchIndex) -> None:
    response = run(search_index, "pekerja rentan", kind=("news",), sort="date_desc")
    assert ids(response) == ["berita-warta-2", "berita-warta-1"]


@pytest.mark.parametrize(
    "query",
    [
        '"unbalanced quote', "AND", "OR NOT", "title:pekerja", "pek*", "pek?rja",
        "((((", "\x00\x1b[31m", "👷 pekerja", "<script>", "pekerja " * 120, "a" * 999,
    ],
)
def test_hostile_queries_return_results_or_a_query_error(search_index: SearchIndex,
                                                         query: str) -> None:
    try:
        response = run(search_index, query)
    except QueryError as exc:
        assert str(exc)
    else:
        assert response.total >= 0


@pytest.mark.parametrize("query", ["x" * 10_000, "*", "👷", "((( )))"])
def test_unsearchable_queries_raise_query_error(search_index: SearchIndex, query: str) -> None:
    with pytest.raises(QueryError):
        run(search_index, query)


@pytest.mark.parametrize(
    "params", [{"page": 0}, {"per_page": 0}, {"per_page": 1000}, {"sort": "random"},
               {"year_from": 2020, "year_to": 2010}])
def test_bad_parameters_raise_query_error(search_index: SearchIndex, params: dict) -> None:
    with pytest.raises(QueryError):
        run(search_index, "pekerja", **params)


def test_pages_do_not_overlap(search_index: SearchIndex) -> None:
    first = ids(run(search_index, "jaminan", per_page=2, page=1))
    second = ids(run(search_index, "jaminan", per_page=2, page=2))
    assert len(first) == 2 and not set(first) & set(second)


def test_get_returns_stored_metadata(search_index: SearchIndex) -> None:
    with search_index.searcher() as searcher:
        hit = searcher.get("perbup-gianyar-2018-55")
        assert hit is not None
        assert (hit.doc_type, hit.number, hit.year, hit.region) == (
            "Perbup", "55", 2018, "Kabupaten Gianyar")
        assert searcher.get("no-such-id") is None


def test_citing_lists_documents_that_reference_a_regulation(search_index: SearchIndex) -> None:
    with search_index.searcher() as searcher:
        citing = [h.id for h in searcher.citing("uu-2004-40")]
    assert set(citing) == {"uu-2011-24", "pp-2015-44", "perbup-gianyar-2018-55",
                           "perbup-badung-2018-55"}


def test_related_puts_other_regions_first(search_index: SearchIndex) -> None:
    with search_index.searcher() as searcher:
        related = searcher.related("perbup-gianyar-2018-55", limit=3)
    assert related and related[0].id == "perbup-badung-2018-55"
    assert "perbup-gianyar-2018-55" not in [h.id for h in related]


def test_suggest_completes_the_last_word(search_index: SearchIndex) -> None:
    with search_index.searcher() as searcher:
        completions = searcher.suggest("pekerja ren")
        assert "pekerja rentan" in completions
        assert searcher.suggest("") == []


def test_counts_and_doc_count_cover_all_documents(search_index: SearchIndex) -> None:
    with search_index.searcher() as searcher:
        assert searcher.doc_count() == 8
        kinds = {v.value: v.count for v in searcher.counts("kind")}
        assert kinds == {"regulation": 6, "news": 2}
        with pytest.raises(QueryError):
            searcher.counts("title")


@pytest.mark.parametrize(
    "params",
    [{"year_from": -10**9, "year_to": 10**9}, {"year_from": 2018}, {"year_to": 2004}],
)
def test_extreme_year_ranges_are_cheap_and_exact(search_index: SearchIndex, params: dict) -> None:
    response = run(search_index, "jaminan", **params)
    low, high = params.get("year_from", -10**9), params.get("year_to", 10**9)
    assert response.total > 0
    assert all(h.year is not None and low <= h.year <= high for h in response.hits)


def test_monster_word_is_answered_quickly(search_index: SearchIndex) -> None:
    response = run(search_index, "a" * 900 + " pekerja")
    assert response.took_ms < 2000
