"""Hostile inputs get a clear outcome (None, an empty result, a flagged result), never a raise."""

from __future__ import annotations

import io
from collections.abc import Callable

import pytest

from crawler.extract import decode_html, extract, extract_all, extract_pdf, main_text

URL = "https://contoh.example/halaman"
ARTICLE = (
    "<html><head><title>Judul</title></head><body><article><h1>Judul Berita</h1>"
    + "".join(
        f"<p>Pada tahap {i}, pemerintah daerah menyalurkan bantuan iuran jaminan sosial kepada "
        "pekerja rentan, dan pendataan dilakukan oleh perangkat desa setiap tahun.</p>"
        for i in range(1, 7)
    )
    + "</article></body></html>"
)


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (b"", "text/html"),
        (b"   \n\t ", "text/html"),
        (b"\x00\x01\x02\xff\xfe" * 2000, "text/html"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 500, "image/png"),
        (b"PK\x03\x04" + b"\x00" * 100, "application/zip"),
        (b"<html><body><nav><a href='/a'>A</a><a href='/b'>B</a></nav></body></html>", None),
        (b"<<<<>>>><<//>>", "text/html"),
        (b"{not json", "application/json"),
        (b"[1, 2, 3]", "application/json"),
        (b"%PDF-1.4\n%garbage that is not a pdf", "application/pdf"),
        (b"%PDF-", "application/pdf"),
        (b"<html><body><p>Hanya tiga kata.</p></body></html>", "text/html; charset=utf-8"),
    ],
    ids=["empty", "blank", "binary", "png", "zip", "nav-only", "brackets", "bad-json",
         "json-not-feed", "broken-pdf", "pdf-magic-only", "too-short"],
)
def test_hostile_body_returns_none_without_raising(body: bytes, content_type: str | None) -> None:
    assert extract(body, URL, content_type) is None
    assert extract_all(body, URL, content_type) == []


def test_truncated_html_still_gives_its_text() -> None:
    body = ARTICLE.encode()[: len(ARTICLE) // 2]
    doc = extract(body, URL, "text/html")
    assert doc is not None
    assert "bantuan iuran jaminan sosial" in doc.text


def test_ten_megabytes_of_nested_tags_do_not_raise() -> None:
    body = b"<html><body>" + b"<div><span>" * 920_000 + b"teks dalam" + b"</span></div>" * 10
    assert len(body) > 10_000_000
    assert extract(body, URL, "text/html") is None


def test_deeply_nested_article_keeps_its_text() -> None:
    body = ("<html><body>" + "<div>" * 3000 + ARTICLE + "</div>" * 3000 + "</body></html>")
    text = main_text(body)
    assert isinstance(text, str)


@pytest.mark.parametrize(
    ("body", "content_type", "expected"),
    [
        ("Pérubahan dan Jaminan".encode(), "text/html; charset=iso-8859-1", "Pérubahan"),
        ("Pérubahan dan Jaminan".encode("cp1252"), "text/html; charset=utf-8", "Pérubahan"),
        (b'<meta charset="windows-1252"><p>caf\xe9</p>', None, "café"),
        ("\ufeffBerita hari ini".encode(), None, "Berita hari ini"),
        ("Berita hari ini".encode("utf-16"), None, "Berita hari ini"),
        (b"Berita", "text/html; charset=no-such-codec", "Berita"),
        (b'<meta charset="x-bogus"><p>ok</p>', None, "ok"),
    ],
    ids=["lying-latin1", "lying-utf8", "meta", "bom-utf8", "bom-utf16", "unknown-header",
         "unknown-meta"],
)
def test_decode_checks_declared_charsets(body: bytes, content_type: str | None,
                                         expected: str) -> None:
    assert expected in decode_html(body, content_type)


def test_broken_pdf_reports_why() -> None:
    result = extract_pdf(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer <<>>\n%%EOF")
    assert result.pages == () and result.error is not None
    assert "PDF" in result.error


def test_not_a_pdf_is_an_error_not_a_raise() -> None:
    result = extract_pdf(b"<html>not a pdf</html>")
    assert result.error is not None and "not a PDF" in result.error


def test_encrypted_pdf_says_it_needs_a_password(make_pdf: Callable[..., bytes],
                                                 layout: Callable) -> None:
    pypdf = pytest.importorskip("pypdf")
    reader = pypdf.PdfReader(io.BytesIO(make_pdf(layout("Rahasia negara"))))
    writer = pypdf.PdfWriter()
    for page in reader.pages:
        writer.add_page(page)
    writer.encrypt(user_password="sandi", owner_password="pemilik")
    out = io.BytesIO()
    writer.write(out)
    result = extract_pdf(out.getvalue())
    assert result.error is not None and "password" in result.error
    assert extract(out.getvalue(), URL + ".pdf", "application/pdf") is None


def test_image_only_pdf_is_flagged_for_ocr(make_pdf: Callable[..., bytes]) -> None:
    body = make_pdf([[], []], image_only=True)
    result = extract_pdf(body)
    assert result.error is None and result.needs_ocr
    doc = extract(body, "https://jdih.contoh.example/files/scan.pdf", "application/pdf")
    assert doc is not None and doc.needs_ocr and doc.kind == "other"
    assert len(doc.pages) == 2


@pytest.mark.parametrize(
    "text",
    ["Peraturan Bupati " * 5000, "Nomor 1 " * 5000, "Pasal 1\n" * 5000,
     ("Tahun " + "2" * 50) * 500, "PERATURAN PEMERINTAH NOMOR " * 500, "\x00\ufffd" * 1000,
     "PERATURAN PEMERINTAH NOMOR 1 TAHUN 2020 TENTANG X" + "\r" * 40_000 + "Pasal 1\nIsi."],
    ids=["types", "numbers", "pasal", "long-digits", "headings", "control", "blank-lines"],
)
def test_degenerate_regulation_text_gives_a_result(text: str) -> None:
    from crawler.extract import find_citations, parse_regulation

    parsed = parse_regulation(text)
    assert isinstance(parsed.parts, tuple)
    assert isinstance(find_citations(text), list)


def test_a_penjelasan_after_blank_lines_still_ends_the_body() -> None:
    from crawler.extract import parse_regulation

    text = ("PERATURAN BUPATI CONTOH NOMOR 1 TAHUN 2024 TENTANG PASAR\nMenimbang : bahwa perlu;\n"
            "MEMUTUSKAN:\nPasal 1\nPasar dibuka setiap hari.\n\n  \n\r\n   PENJELASAN\nATAS "
            "PERATURAN BUPATI CONTOH NOMOR 1 TAHUN 2024\nPasal 1\nCukup jelas.")
    parsed = parse_regulation(text)
    assert [p.kind for p in parsed.parts if p.kind == "pasal"] == ["pasal"]
    assert "Cukup jelas" not in parsed.part_text("pasal-1")
    assert "Cukup jelas" in next(p.text for p in parsed.parts if p.kind == "penjelasan")


def test_thousands_of_disclosure_buttons_are_read_in_bounded_time() -> None:
    import time

    panels = "".join(f'<div><button aria-expanded="false" aria-controls="p{i}">Soal {i}</button>'
                     f'<div id="p{i}" style="display:none"><p>Jawaban nomor {i}.</p></div></div>'
                     for i in range(10_000))
    start = time.process_time()
    doc = extract(f"<html><body><main>{panels}</main></body></html>".encode(),
                  "https://example.go.id/faq")
    # each button once looked its panel up through the whole tree: minutes for this page
    assert time.process_time() - start < 20
    assert doc is not None and "Jawaban nomor 9999." in doc.text
