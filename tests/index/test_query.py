"""Query understanding: citation spellings, phrases, glossary clauses, refused input."""

from __future__ import annotations

import pytest

from index.citations import find_citations, find_pasal
from index.errors import QueryError
from index.query import MAX_QUERY_CHARS, parse_query


@pytest.mark.parametrize(
    ("query", "doc_type", "number", "year", "region", "doc_id"),
    [
        ("perbup 55/2018", "Perbup", "55", 2018, None, None),
        ("Perbup Gianyar No. 55 Th. 2018", "Perbup", "55", 2018, "gianyar",
         "perbup-gianyar-2018-55"),
        ("PERBUP NO 55 TAHUN 2018", "Perbup", "55", 2018, None, None),
        ("Peraturan Bupati Gianyar Nomor 55 Tahun 2018", "Perbup", "55", 2018, "gianyar",
         "perbup-gianyar-2018-55"),
        ("perbup kabupaten gianyar nomor 55 tahun 2018", "Perbup", "55", 2018,
         "kabupaten gianyar", "perbup-gianyar-2018-55"),
        ("uu 40 2004", "UU", "40", 2004, None, "uu-2004-40"),
        ("UU 40/2004", "UU", "40", 2004, None, "uu-2004-40"),
        ("uu nomor 24 tahun 2011", "UU", "24", 2011, None, "uu-2011-24"),
        ("Undang-Undang Nomor 40 Tahun 2004", "UU", "40", 2004, None, "uu-2004-40"),
        ("undang undang no 13 th 2003", "UU", "13", 2003, None, "uu-2003-13"),
        ("PP No.44 Tahun 2015", "PP", "44", 2015, None, "pp-2015-44"),
        ("pp44/2015", "PP", "44", 2015, None, "pp-2015-44"),
        ("Peraturan Pemerintah Nomor 44 Tahun 2015", "PP", "44", 2015, None, "pp-2015-44"),
        ("permenaker 1/2016", "Permen", "1", 2016, None, "permenaker-2016-1"),
        ("Perda Provinsi Bali No 10 Tahun 2019", "Perda", "10", 2019, "provinsi bali",
         "perda-prov-bali-2019-10"),
        ("kepbup gianyar 336/E-01/HK/2018", "Kepbup", "336/E-01/HK/2018", 2018, "gianyar",
         "kepbup-gianyar-2018-336-e-01-hk-2018"),
        ("SE Mendagri 842.2/5193/SJ tahun 2021", "SE", "842.2/5193/SJ", 2021, "mendagri",
         "se-mendagri-2021-842-2-5193-sj"),
        ("inpres 2/2021 optimalisasi", "Inpres", "2", 2021, None, "inpres-2021-2"),
    ],
)
def test_citation_spellings_resolve(query: str, doc_type: str, number: str, year: int,
                                    region: str | None, doc_id: str | None) -> None:
    [cite] = find_citations(query)
    assert (cite.doc_type, cite.number, cite.year, cite.region) == (doc_type, number, year, region)
    assert cite.regulation_id() == doc_id


@pytest.mark.parametrize(
    "query",
    ["jaminan sosial 2004", "pekerja rentan", "pasal 4", "uu", "55/2018", "tahun 2018 uu"],
)
def test_text_without_a_full_citation_is_no_citation(query: str) -> None:
    assert find_citations(query) == []


@pytest.mark.parametrize(
    ("query", "anchor"),
    [("uu 40 2004 pasal 14", "pasal-14"), ("Pasal 28A", "pasal-28a"), ("pekerja", None)],
)
def test_pasal_in_query_names_an_anchor(query: str, anchor: str | None) -> None:
    assert find_pasal(query) == anchor


def test_quoted_text_becomes_an_exact_phrase() -> None:
    parsed = parse_query('"pekerja rentan" iuran')
    kinds = [(c.kind, c.alternatives[0].words, c.alternatives[0].exact) for c in parsed.clauses]
    assert kinds == [("phrase", ("pekerja", "rentan"), True), ("word", ("iuran",), False)]


def test_citation_is_lifted_out_of_the_words() -> None:
    parsed = parse_query("PP 44/2015 iuran")
    assert [c.doc_type for c in parsed.citations] == ["PP"]
    assert [c.word for c in parsed.clauses] == ["iuran"]


def test_stop_words_make_no_clauses() -> None:
    assert [c.word for c in parse_query("iuran yang dibayar oleh daerah").clauses] == [
        "iuran", "dibayar", "daerah"]


@pytest.mark.parametrize(
    "query",
    [
        '"unbalanced quote',
        "AND", "OR", "NOT", "pekerja AND OR NOT",
        "title:pekerja", "body:(iuran OR x)",
        "pek*", "pek?rja", "*", "?",
        "((((", ")", "[a TO z]", "{}", "^2", "~", "pekerja~2", "\\",
        "\x00\x01\x1b[31m pekerja", "\u200b\ufeff", "👷‍♀️ pekerja 🇮🇩",
        "<script>alert(1)</script>", "' OR 1=1 --", "%s %d {0}",
    ],
)
def test_hostile_text_never_becomes_query_syntax(query: str) -> None:
    parsed = parse_query(query)
    for clause in parsed.clauses:
        for alternative in clause.alternatives:
            for word in alternative.words:
                assert word.isalnum() or any(ch.isdigit() for ch in word), word


def test_overlong_query_is_refused_with_a_clear_message() -> None:
    with pytest.raises(QueryError, match=f"limit is {MAX_QUERY_CHARS}"):
        parse_query("pekerja " * 1250)
