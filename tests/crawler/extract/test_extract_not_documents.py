"""Pages that are doorways, not documents, and label/value blocks with empty values."""

from __future__ import annotations

import pytest
from lxml import html

from crawler.extract import extract
from crawler.extract.detail import read_label_values

_ARTICLE = ("<p>" + "Pekerja bukan penerima upah di desa kini terdaftar sebagai peserta. " * 12
            + "</p>")


@pytest.mark.parametrize("body, url, content_type", [
    (b'<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Warta</title><item><title>'
     b"Berita satu</title><description>" + _ARTICLE.encode() + b"</description></item>"
     b"</channel></rss>", "https://warta.example.id/rss.xml", "application/rss+xml"),
    (b'\xef\xbb\xbf<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><entry><summary>'
     + _ARTICLE.encode() + b"</summary></entry></feed>", "https://w.example.id/atom", "text/xml"),
    (b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
     + b"<url><loc>/berita/satu/</loc></url>" * 60 + b"</urlset>",
     "https://w.example.id/sitemap.xml", "application/xml"),
    (b"<html><body><h1>Portal Dinas</h1>" + _ARTICLE.encode() + b"</body></html>",
     "https://disnaker.example.id/", "text/html"),
    (b"<html><body><h1>Portal Dinas</h1>" + _ARTICLE.encode() + b"</body></html>",
     "https://disnaker.example.id/index.php", "text/html"),
], ids=["rss", "atom-with-bom", "sitemap", "home-root", "home-index-php"])
def test_feeds_sitemaps_and_home_pages_are_not_documents(body: bytes, url: str,
                                                         content_type: str) -> None:
    assert extract(body, url, content_type) is None


def test_a_dated_article_at_the_root_path_is_still_a_document() -> None:
    page = ('<html><head><meta property="og:type" content="article"><meta property='
            '"article:published_time" content="2025-01-02T10:00:00+08:00"></head><body><article>'
            f"<h1>Satu berita</h1>{_ARTICLE}</article></body></html>").encode()
    doc = extract(page, "https://satuberita.example.id/", "text/html")
    assert doc is not None and doc.kind == "news"


@pytest.mark.parametrize("markup, want", [
    ('<div class="i"><h4>Status</h4><p>-</p></div><div class="i"><h4>Bahasa</h4>'
     "<p>Bahasa Indonesia</p></div>", {"language": "Bahasa Indonesia"}),
    ("<h4>Status</h4><h4>Bahasa</h4><p>Indonesia</p>", {"language": "Indonesia"}),
    ("<dl><dt>Status</dt><dd>-</dd><dt>Bahasa</dt><dd>Indonesia</dd></dl>",
     {"language": "Indonesia"}),
    ("<table><tr><td>Status</td><td>:</td><td></td></tr><tr><td>Bahasa</td><td>:</td>"
     "<td>Indonesia</td></tr></table>", {"language": "Indonesia"}),
    ("<p><strong>Nomor:</strong> 7<br><strong>Status:</strong> -<br><strong>Bahasa:</strong>"
     " Indonesia</p>", {"number": "7", "language": "Indonesia"}),
    ("<p>Status : - Bahasa : Indonesia</p>", {"language": "Indonesia"}),
    ("<p>Nomor : 12 Tahun : 2020</p>", {"number": "12", "year": "2020"}),
    ("<div><span>Judul</span><span>PERATURAN BUPATI TENTANG : PAJAK</span></div>",
     {"title": "PERATURAN BUPATI TENTANG : PAJAK"}),
], ids=["div-h4-p-dash", "label-then-label", "dl-dash", "table-empty", "strong-br",
        "inline-dash", "inline-two-pairs", "tentang-inside-title"])
def test_empty_values_stay_empty_and_never_swallow_the_next_label(markup: str,
                                                                   want: dict) -> None:
    fields = read_label_values(html.fromstring(f"<html><body>{markup}</body></html>"))
    assert fields == want
