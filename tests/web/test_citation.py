"""Citations: Indonesian legal style, BibTeX and CSL-JSON for every kind of document."""

from __future__ import annotations

import datetime as dt

import pytest

from corpus import Document
from web.citation import bibtex, csl_json, legal_citation, legal_name


def regulation(doc_type: str, number: str, year: int, region: str | None, about: str) -> Document:
    """Return a minimal regulation."""
    return Document(id=f"x-{number}", url="https://jdih.example.test/x", kind="regulation",
                    title=f"{doc_type} {number}/{year}", doc_type=doc_type, number=number,
                    year=year, region=region, about=about)


@pytest.mark.parametrize(
    ("doc_type", "number", "year", "region", "expected"),
    [
        ("Perbup", "55", 2018, "Kabupaten Gianyar",
         "Peraturan Bupati Gianyar Nomor 55 Tahun 2018 tentang X"),
        ("Pergub", "19", 2017, "Provinsi Bali",
         "Peraturan Gubernur Bali Nomor 19 Tahun 2017 tentang X"),
        ("Perda", "10", 2019, "Provinsi Bali",
         "Peraturan Daerah Provinsi Bali Nomor 10 Tahun 2019 tentang X"),
        ("UU", "24", 2011, None, "Undang-Undang Nomor 24 Tahun 2011 tentang X"),
        ("Kepbup", "336/E-01/HK/2018", 2018, "Kabupaten Gianyar",
         "Keputusan Bupati Gianyar Nomor 336/E-01/HK/2018 Tahun 2018 tentang X"),
    ],
)
def test_legal_name_follows_indonesian_usage(
    doc_type: str, number: str, year: int, region: str | None, expected: str
) -> None:
    assert legal_name(regulation(doc_type, number, year, region, "X")) == expected


def test_a_ministers_rule_and_a_circular_are_cited_with_who_issued_them() -> None:
    def cited(doc_type: str, number: str, year: int, issuer: str) -> str:
        doc = Document(id="x", url="u", kind="regulation", title="t", doc_type=doc_type,
                       number=number, year=year, issuer=issuer, about="X")
        return legal_name(doc)

    assert cited("Permen", "5", 2021, "Menteri Ketenagakerjaan") == (
        "Peraturan Menteri Ketenagakerjaan Nomor 5 Tahun 2021 tentang X")
    assert cited("SE", "842.2/5193/SJ", 2021, "Menteri Dalam Negeri") == (
        "Surat Edaran Menteri Dalam Negeri Nomor 842.2/5193/SJ Tahun 2021 tentang X")


def test_unnumbered_documents_are_cited_by_title() -> None:
    doc = Document(id="mou-x", url="u", kind="regulation", title="Nota Kesepahaman", doc_type="MoU")
    assert legal_name(doc) == "Nota Kesepahaman"


def test_news_citation_names_site_date_url_and_access() -> None:
    doc = Document(id="n", url="https://news.example.test/a", kind="news", title="Judul",
                   site_name="Warta", published_at=dt.datetime(2024, 11, 24, 10, 15),
                   fetched_at=dt.datetime(2025, 1, 2, tzinfo=dt.UTC))
    assert legal_citation(doc) == (
        "Warta, \u201cJudul\u201d, 24 November 2024. https://news.example.test/a, "
        "diakses 2 Januari 2025.")
    assert legal_citation(doc, lang="en").endswith("accessed 2 January 2025.")
    assert csl_json(doc)["type"] == "article-newspaper"


def test_pasal_citation_names_the_pasal_first() -> None:
    doc = regulation("Perbup", "35", 2025, "Kabupaten Gianyar", "Y")
    assert legal_citation(doc, part_label="Pasal 4").startswith(
        "Pasal 4 Peraturan Bupati Gianyar Nomor 35 Tahun 2025 tentang Y.")


def test_bibtex_escapes_special_characters_but_keeps_urls() -> None:
    doc = Document(id="perbup-x-1", url="https://x.test/a_b?c=1&d=%20", kind="regulation",
                   title="T", doc_type="Perbup", number="1", year=2020,
                   region="Kabupaten {Evil} 100%", about="A & B_{c}")
    entry = bibtex(doc)
    assert entry.startswith("@misc{perbupx1,")
    assert r"A \& B\_\{c\}" in entry
    assert "url = {https://x.test/a_b?c=1&d=%20}" in entry
    assert entry.count("{") - entry.count(r"\{") == entry.count("}") - entry.count(r"\}")
