"""The reading view: sections and table of contents from parts, text or PDF pages."""

from __future__ import annotations

import pytest

from corpus import Document, Page, Part
from web.markup import paragraphs
from web.reading import build_reading, quote_of


def doc_with(**fields: object) -> Document:
    """Return a regulation with the given fields."""
    return Document(id="d", url="u", kind="regulation", title="T", **fields)


def test_parts_become_headings_and_anchored_sections() -> None:
    parts = (
        Part("bab-1", "bab", "BAB I", "BAB I\nKETENTUAN UMUM", heading="KETENTUAN UMUM"),
        Part("pasal-1", "pasal", "Pasal 1", "Pasal 1\n(1) Satu.\n(2) Dua.", parent="bab-1"),
        Part("pasal-1-ayat-2", "ayat", "ayat (2)", "(2) Dua.", parent="pasal-1"),
    )
    reading = build_reading(doc_with(parts=parts))
    assert [(e.anchor, e.depth) for e in reading.toc] == [("bab-1", 1), ("pasal-1", 2)]
    heading, pasal = reading.sections
    assert heading.level == 1 and not heading.paragraphs
    assert pasal.quotable and [p.text for p in pasal.paragraphs] == ["(1) Satu.", "(2) Dua."]
    assert [p.anchor for p in pasal.paragraphs] == [None, "pasal-1-ayat-2"]


def test_text_without_parts_is_one_section_of_paragraphs() -> None:
    reading = build_reading(doc_with(text="Satu.\n\nDua."))
    assert reading.toc == ()
    assert [p.text for p in reading.sections[0].paragraphs] == ["Satu.", "Dua."]


def test_pdf_pages_become_page_sections_when_there_is_no_text() -> None:
    reading = build_reading(doc_with(pages=(Page(1, "Halaman satu."), Page(2, "Dua."))))
    assert [s.anchor for s in reading.sections] == ["hlm-1", "hlm-2"]


def test_empty_document_has_nothing_to_read() -> None:
    assert build_reading(doc_with()).sections == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("bagi Pekerja yang bekerja di sektor informal dan tidak menerima upah tetap\nRentan;",
         ["bagi Pekerja yang bekerja di sektor informal dan tidak menerima upah tetap Rentan;"]),
        ("Menimbang:\na. bahwa satu;\nb. bahwa dua;", ["Menimbang:", "a. bahwa satu;",
                                                       "b. bahwa dua;"]),
        ("Judul Berita\nIsi berita pertama.", ["Judul Berita", "Isi berita pertama."]),
        ("kalimat yang\nberlanjut.", ["kalimat yang berlanjut."]),
        ("(1) Ayat satu\n(2) Ayat dua", ["(1) Ayat satu", "(2) Ayat dua"]),
        ("  \n\n ", []),
    ],
)
def test_paragraphs_rejoin_lines_wrapped_by_a_pdf(text: str, expected: list[str]) -> None:
    assert paragraphs(text) == expected


def test_quote_of_a_part_is_its_text_cut_at_a_word() -> None:
    doc = doc_with(parts=(Part("pasal-1", "pasal", "Pasal 1", "kata " * 500),), summary="S")
    quote = quote_of(doc, "pasal-1", limit=50)
    assert quote.endswith(" …") and len(quote) <= 52
    assert quote_of(doc, None) == "S"
    assert quote_of(doc, "pasal-99") == "S"


def test_a_decree_reads_diktum_by_diktum_and_each_can_be_quoted() -> None:
    parts = (Part("menimbang", "menimbang", "Menimbang", "a. bahwa perlu;"),
             Part("diktum-1", "diktum", "Diktum KESATU", "Membentuk Tim Koordinasi."),
             Part("diktum-2", "diktum", "Diktum KEDUA", "Tim bertugas memetakan pekerja."))
    reading = build_reading(doc_with(parts=parts))
    diktum = [s for s in reading.sections if s.kind == "diktum"]
    assert [(s.anchor, s.label, s.quotable) for s in diktum] == [
        ("diktum-1", "Diktum KESATU", True), ("diktum-2", "Diktum KEDUA", True)]
    assert [e.anchor for e in reading.toc] == ["menimbang", "diktum-1", "diktum-2"]
    assert quote_of(doc_with(parts=parts), "diktum-2") == "Tim bertugas memetakan pekerja."
