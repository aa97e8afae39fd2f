"""Link discovery: HTML, sitemaps, RSS/Atom and the JDIHN feed, including malformed input."""

from __future__ import annotations

import gzip
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crawler.discover import decode_for_links, discover, discover_html, discover_jdihn, discover_xml

PAGE = "http://jdih.example.go.id/produk-hukum/index.html"


def test_html_links_resolve_base_href_and_trim_whitespace() -> None:
    html = b"""<html><head><base href="http://jdih.example.go.id/root/"></head><body>
    <a href="  detail/55  ">x</a><a href="//cdn.example.go.id/f.pdf">pdf</a>
    <a href="#top">top</a><a href="mailto:a@b">mail</a><a href="javascript:x()">js</a>
    <iframe src="/viewer?file=a.pdf"></iframe>
    <figure id="adobe-dc-view" data-file="/s/p.pdf"></figure>
    </body></html>"""
    found = discover_html(html, PAGE)
    assert found.links == (
        "http://jdih.example.go.id/root/detail/55",
        "http://cdn.example.go.id/f.pdf",
        "http://jdih.example.go.id/root/",
        "http://jdih.example.go.id/viewer?file=a.pdf",
        "http://jdih.example.go.id/s/p.pdf",
    )


def test_html_meta_refresh_canonical_and_feeds() -> None:
    html = b"""<html><head>
    <meta http-equiv="refresh" content="0; URL='/baru.html'">
    <link rel="canonical" href="http://jdih.example.go.id/produk-hukum/">
    <link rel="alternate" type="application/rss+xml" href="/rss.xml">
    <link rel="next" href="?page=2">
    </head><body></body></html>"""
    found = discover_html(html, PAGE)
    assert "http://jdih.example.go.id/baru.html" in found.links
    assert "http://jdih.example.go.id/produk-hukum/index.html?page=2" in found.links
    assert found.feeds == ("http://jdih.example.go.id/rss.xml",)
    assert found.canonical == "http://jdih.example.go.id/produk-hukum/"


def test_html_link_cap_stops_at_the_limit() -> None:
    html = "".join(f'<a href="/p{i}">{i}</a>' for i in range(100_000)).encode()
    found = discover_html(b"<html><body>" + html + b"</body></html>", PAGE, cap=1000)
    assert len(found.links) == 1000
    assert found.truncated
    assert found.links[0] == "http://jdih.example.go.id/p0"


@pytest.mark.parametrize(
    "body",
    [b"", b"   ", b"\x00\x01\x02garbage", b"<html><a href='http://[broken'>x</a>", b"<<<>>>",
     "<html><a href='/ä'>x</a></html>".encode("utf-16")],
)
def test_html_malformed_input_never_raises(body: bytes) -> None:
    found = discover_html(body, PAGE)
    assert all(link.startswith("http") for link in found.links)


@pytest.mark.parametrize(
    ("body", "header", "expected"),
    [
        ("café".encode(), "utf-8", "café"),
        ("café".encode("latin-1"), "iso-8859-1", "café"),
        ("café".encode("latin-1"), None, "café"),  # not UTF-8, undeclared: windows-1252
        ("café".encode(), "utf-9", "café"),  # unknown charset label ignored
        (b'<meta charset="windows-1252">caf\xe9', None, '<meta charset="windows-1252">café'),
        ("\ufeffcafé".encode(), "latin-1", "café"),  # BOM beats the header
    ],
)
def test_decode_for_links(body: bytes, header: str | None, expected: str) -> None:
    assert decode_for_links(body, header) == expected


SITEMAP_INDEX = b"""<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>http://x.example/sitemap-1.xml.gz</loc></sitemap></sitemapindex>"""
URLSET = b"""<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc> http://x.example/a </loc></url><url><loc>http://x.example/b?utm_source=s</loc></url></urlset>"""


def test_sitemap_index_children_are_feeds() -> None:
    found = discover_xml(SITEMAP_INDEX, "http://x.example/sitemap.xml")
    assert found.feeds == ("http://x.example/sitemap-1.xml.gz",)
    assert found.links == ()


def test_gzipped_sitemap_urls_are_links() -> None:
    found = discover(gzip.compress(URLSET), "http://x.example/s.xml.gz", "application/gzip")
    assert found.links == ("http://x.example/a", "http://x.example/b")


def test_rss_and_atom_items() -> None:
    rss = b"""<rss version="2.0"><channel><link>http://x.example/</link>
    <item><link>http://x.example/berita/1</link><enclosure url="http://x.example/f.pdf"/></item>
    </channel></rss>"""
    atom = b"""<feed xmlns="http://www.w3.org/2005/Atom"><entry>
    <link rel="alternate" href="/berita/2"/><link rel="self" href="/feed"/></entry></feed>"""
    assert discover_xml(rss, "http://x.example/rss").links == (
        "http://x.example/", "http://x.example/berita/1", "http://x.example/f.pdf")
    assert discover_xml(atom, "http://x.example/atom.xml").links == ("http://x.example/berita/2",)


def test_xml_external_entities_are_not_resolved(tmp_path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("http://evil.example/leak")
    body = f"""<?xml version="1.0"?><!DOCTYPE u [<!ENTITY x SYSTEM "file://{secret}">]>
    <urlset><url><loc>&x;</loc></url></urlset>""".encode()
    assert discover_xml(body, "http://x.example/s.xml").links == ()


RECORD = {
    "idData": "1532", "jenis": "Peraturan Bupati", "noPeraturan": "35",
    "urlDownload": "https://jdih.example.go.id/storage/dokumen/perbup-35-2025.pdf",
    "urlDetailPeraturan": "https://jdih.example.go.id/dokumen/view?id=1532",
    "urlAbstrak": "-", "operasi": "4", "display": "1",
}


@pytest.mark.parametrize(
    "body",
    [
        json.dumps([RECORD]).encode(),  # bare array
        json.dumps({"status": True, "data": [RECORD]}).encode(),  # wrapped
        json.dumps([RECORD]).replace("/", "\\/").encode(),  # PHP-escaped slashes
        json.dumps([RECORD], indent=2).encode(),
    ],
)
def test_jdihn_feed_variants(body: bytes) -> None:
    found = discover_jdihn(body, "https://jdih.example.go.id/feed/document.json")
    assert set(found.links) == {
        "https://jdih.example.go.id/storage/dokumen/perbup-35-2025.pdf",
        "https://jdih.example.go.id/dokumen/view?id=1532",
    }


def test_jdihn_older_and_lowercase_keys_and_pagination() -> None:
    body = json.dumps({
        "data": [{"idData": 7, "urlDownload": "/files/a.pdf", "urlDetailPeraturan": "",
                  "urlabstrak": "/files/a-abstrak.pdf", "tahun": "2018"}],
        "next_page_url": "https://jdih.example.go.id/api/produk-hukum/peraturan?page=2",
    }).encode()
    found = discover_jdihn(body, "https://jdih.example.go.id/api/produk-hukum/peraturan")
    assert found.links == ("https://jdih.example.go.id/files/a.pdf",
                           "https://jdih.example.go.id/files/a-abstrak.pdf")
    assert found.feeds == ("https://jdih.example.go.id/api/produk-hukum/peraturan?page=2",)


def test_jdihn_truncated_feed_still_yields_complete_records() -> None:
    body = json.dumps([RECORD, {**RECORD, "urlDownload": "https://jdih.example.go.id/b.pdf"}])
    cut = body[: body.rindex("b.pdf") - 3].encode()
    found = discover_jdihn(cut, "https://jdih.example.go.id/feed/document.json")
    assert "https://jdih.example.go.id/storage/dokumen/perbup-35-2025.pdf" in found.links
    assert "https://jdih.example.go.id/b.pdf" not in found.links


def test_pdf_and_unknown_types_have_no_links() -> None:
    pdf = b"%PDF-1.4 <a href='/x'>"
    assert discover(pdf, "http://x.example/f.pdf", "application/pdf").links == ()
    assert discover(b"whatever", "http://x.example/f", None).links == ()


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=2000), st.sampled_from(["text/html", "application/xml",
                                                  "application/gzip", "application/json"]))
def test_discovery_never_raises_on_arbitrary_bytes(body: bytes, ctype: str) -> None:
    found = discover(body, PAGE, ctype, "utf-8")
    assert all(u.startswith("http") for u in (*found.links, *found.feeds))
