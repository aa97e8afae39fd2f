"""The bundled demo site: up to date with its generator, internally linked, feeds valid."""

from __future__ import annotations

import json
import tomllib
import xml.etree.ElementTree as ET
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import pypdfium2
import pytest
from bs4 import BeautifulSoup

from corpus.demo._content import ContentError, load_articles, load_regulations
from corpus.demo.build import SITE_DIR, file_for, render_site, write_site
from corpus.demo.build import main as build_main
from corpus.ids import regulation_id

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO / ".." / "shared"
FICTIONAL_MARK = "Dokumen fiktif untuk demonstrasi"
LINK_ATTRS = (("a", "href"), ("link", "href"), ("iframe", "src"), ("form", "action"),
              ("script", "src"), ("img", "src"))
JDIHN_MANDATORY = ("idData", "tahun_pengundangan", "jenis", "singkatanJenis", "noPeraturan",
                   "judul", "status", "urlDownload", "urlDetailPeraturan", "operasi", "display")


@pytest.fixture(scope="module")
def site() -> dict[str, bytes]:
    """Return the committed site as {url path: bytes}."""
    files = {}
    for file in SITE_DIR.rglob("*"):
        if file.is_file():
            rel = file.relative_to(SITE_DIR).as_posix()
            path = "/" + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)
            files[path] = file.read_bytes()
    return files


@pytest.fixture(scope="module")
def soups(site: dict[str, bytes]) -> dict[str, BeautifulSoup]:
    """Return every HTML page of the committed site, parsed once."""
    return {p: BeautifulSoup(b, "lxml") for p, b in site.items()
            if p.endswith("/") or p.endswith(".html")}


def _resolves(site: dict[str, bytes], base: str, link: str) -> bool:
    target = urlsplit(urljoin(base, link)).path
    return target in site or ("/" + file_for(target)) in site


def test_committed_site_matches_generator_output(tmp_path: Path) -> None:
    write_site(tmp_path)
    fresh = {f.relative_to(tmp_path).as_posix(): f.read_bytes()
             for f in tmp_path.rglob("*") if f.is_file()}
    committed = {f.relative_to(SITE_DIR).as_posix(): f.read_bytes()
                 for f in SITE_DIR.rglob("*") if f.is_file()}
    assert sorted(fresh) == sorted(committed), "run: .venv/bin/python -m corpus.demo.build"
    stale = [name for name in fresh if fresh[name] != committed[name]]
    assert not stale, f"stale files {stale[:5]}; run: .venv/bin/python -m corpus.demo.build"


def test_generator_is_deterministic() -> None:
    assert render_site() == render_site()


def test_site_stays_small(site: dict[str, bytes]) -> None:
    assert sum(len(b) for b in site.values()) < 1_000_000


def test_every_internal_link_resolves_and_none_names_a_host(
    site: dict[str, bytes], soups: dict[str, BeautifulSoup]
) -> None:
    broken, absolute = [], []
    for path, soup in soups.items():
        for tag, attr in LINK_ATTRS:
            for node in soup.find_all(tag):
                link = str(node.get(attr) or "")
                if not link or link.startswith("#"):
                    continue
                if urlsplit(link).scheme or link.startswith("//"):
                    absolute.append((path, link))
                elif not _resolves(site, path, link):
                    broken.append((path, link))
    assert not absolute, absolute[:5]
    assert not broken, broken[:5]


def test_site_holds_at_least_40_documents() -> None:
    regulations, articles = load_regulations(), load_articles()
    assert len(regulations) + len(articles) >= 40
    assert 15 <= len(articles) <= 25


def test_every_regulation_of_the_facts_file_is_on_the_jdih() -> None:
    facts_file = SHARED / "domain" / "gianyar_facts.json"
    if not facts_file.exists():
        pytest.skip("../shared is not available")
    facts = json.loads(facts_file.read_text(encoding="utf-8"))
    wanted = {r["id"] for r in facts if r["kind"] == "regulation"}
    present = {r.fact for r in load_regulations() if r.fact}
    assert wanted <= present, sorted(wanted - present)


def test_every_dated_news_fact_is_reported_by_an_article() -> None:
    facts_file = SHARED / "domain" / "gianyar_facts.json"
    if not facts_file.exists():
        pytest.skip("../shared is not available")
    facts = json.loads(facts_file.read_text(encoding="utf-8"))
    reported = {f for a in load_articles() for f in a.facts}
    assert reported <= {r["id"] for r in facts}, "an article names an unknown fact id"
    news = {r["id"] for r in facts if r["kind"] == "news"}
    assert news <= reported, sorted(news - reported)


def test_perbup_35_2025_is_found_by_pekerja_rentan(site: dict[str, bytes]) -> None:
    page = site["/jdih/dokumen/peraturan-bupati-gianyar-nomor-35-tahun-2025/"].decode()
    text = BeautifulSoup(page, "lxml").get_text(" ").lower()
    assert "pekerja rentan" in text
    assert "nomor 35 tahun 2025" in text


@pytest.mark.parametrize("slug", [
    "peraturan-bupati-gianyar-tahun-2024-pedoman-penyusunan-apbdes-2025",
    "nota-kesepahaman-kabupaten-gianyar-bpjs-tahun-2023",
])
def test_unnumbered_instruments_show_a_dash_for_nomor(site: dict[str, bytes], slug: str) -> None:
    soup = BeautifulSoup(site[f"/jdih/dokumen/{slug}/"], "lxml")
    labels = [n for n in soup.find_all(["td", "th", "h4"]) if n.get_text(strip=True) == "Nomor"]
    assert labels
    value = labels[0].find_next(["td", "p"])
    if value is not None and value.get_text(strip=True) == ":":
        value = value.find_next("td")
    assert value is not None and value.get_text(strip=True) == "-"


def test_detail_pages_use_all_three_metadata_markups(soups: dict[str, BeautifulSoup]) -> None:
    details = [s for p, s in soups.items()
               if p.startswith("/jdih/dokumen/") and p.count("/") == 4]
    assert any(s.select("td.spacer") and s.select('th[scope="row"]') for s in details)
    assert any(s.select("div.meta-grid h4") for s in details)
    assert any(s.select("table.detail td") for s in details)


def test_listing_pages_say_how_many_they_show(site: dict[str, bytes]) -> None:
    total = len(load_regulations())
    summary = BeautifulSoup(site["/jdih/"], "lxml").select_one("p.summary")
    assert summary is not None
    assert summary.get_text() == f"Menampilkan 1 sampai 9 dari {total} peraturan"
    assert "/jdih/page/2/" in site


def test_jdihn_feed_is_a_valid_array_with_mandatory_fields(site: dict[str, bytes]) -> None:
    records = json.loads(site["/jdih/feed/document.json"])
    assert isinstance(records, list) and len(records) == len(load_regulations())
    for record in records:
        missing = [k for k in JDIHN_MANDATORY if k not in record]
        assert not missing, (record.get("idData"), missing)
        assert record["operasi"] == "4" and record["display"] == "1"
        assert _resolves(site, "/jdih/feed/document.json", record["urlDetailPeraturan"])
        if record["urlDownload"]:
            assert _resolves(site, "/jdih/feed/document.json", record["urlDownload"])
    assert any(isinstance(r["idData"], int) for r in records)
    assert any(r["noPeraturan"] == "-" for r in records)
    spellings = {r["singkatanJenis"] for r in records}
    assert len({s for s in spellings if s.lower() == "perbup"}) > 1


def test_every_pdf_has_a_multi_page_text_layer(site: dict[str, bytes]) -> None:
    pdfs = {p: b for p, b in site.items() if p.endswith(".pdf")}
    assert len(pdfs) >= 3
    for path, data in pdfs.items():
        pdf = pypdfium2.PdfDocument(data)
        assert len(pdf) >= 2, path
        text = "\n".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
        # the first unit: Pasal 1, Pasal I of an amending regulation, a decree's first diktum
        assert "Pasal 1" in text or "Pasal I" in text or "KESATU :" in text, path
        assert "MEMUTUSKAN" in text, path


def test_fictional_regulations_say_they_are_fictional(site: dict[str, bytes]) -> None:
    fictional = [r for r in load_regulations() if r.fictional]
    assert 4 <= len(fictional) <= 6
    for reg in fictional:
        for path in (f"/jdih/dokumen/{reg.slug}/", f"/jdih/dokumen/{reg.slug}/teks/"):
            assert FICTIONAL_MARK in site[path].decode(), path
        pdf = pypdfium2.PdfDocument(site[f"/jdih/files/{reg.pdf}"])
        for i in range(len(pdf)):
            assert FICTIONAL_MARK.lower() in pdf[i].get_textpage().get_text_range().lower()


def test_amendment_links_both_ways(site: dict[str, bytes]) -> None:
    amended = site["/jdih/dokumen/peraturan-bupati-contoh-nomor-12-tahun-2023/"].decode()
    amending = site["/jdih/dokumen/peraturan-bupati-contoh-nomor-5-tahun-2025/"].decode()
    assert "/jdih/dokumen/peraturan-bupati-contoh-nomor-5-tahun-2025/" in amended
    assert "/jdih/dokumen/peraturan-bupati-contoh-nomor-12-tahun-2023/" in amending


def test_robots_txt_blocks_search_and_admin_and_names_the_sitemap(site: dict[str, bytes]) -> None:
    text = site["/robots.txt"].decode()
    robots = RobotFileParser()
    robots.parse(text.splitlines())
    assert robots.can_fetch("Telusur", "/jdih/")
    assert not robots.can_fetch("Telusur", "/jdih/cari/?q=bpjs")
    assert not robots.can_fetch("Telusur", "/admin/")
    assert "/jdih/cari/" in site and "/admin/" in site
    assert "Sitemap: /sitemap.xml" in text


def test_sitemap_lists_resolvable_root_relative_locations(site: dict[str, bytes]) -> None:
    root = ET.fromstring(site["/sitemap.xml"])
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = [loc.text or "" for loc in root.findall("s:url/s:loc", ns)]
    assert len(locs) > 40
    assert all(loc.startswith("/") and _resolves(site, "/sitemap.xml", loc) for loc in locs)
    assert not any(loc.startswith(("/admin/", "/jdih/cari/", "/berita/tag/")) for loc in locs)
    assert all(a.path in locs for a in load_articles())
    assert all(f"/jdih/dokumen/{r.slug}/" in locs for r in load_regulations())


def test_rss_feed_lists_every_article_with_a_date(site: dict[str, bytes]) -> None:
    channel = ET.fromstring(site["/berita/rss.xml"]).find("channel")
    assert channel is not None
    items = channel.findall("item")
    assert len(items) == len(load_articles())
    for item in items:
        link = item.findtext("link") or ""
        assert link.startswith("/berita/") and _resolves(site, "/berita/rss.xml", link)
        assert parsedate_to_datetime(item.findtext("pubDate") or "").year >= 2018


def test_articles_vary_their_date_metadata(soups: dict[str, BeautifulSoup]) -> None:
    articles = load_articles()
    pages = [soups[a.path] for a in articles]
    with_meta = sum(bool(p.select('meta[property="article:published_time"]')) for p in pages)
    with_jsonld = sum(bool(p.select('script[type="application/ld+json"]')) for p in pages)
    assert 0 < with_meta < len(pages)
    assert 0 < with_jsonld < len(pages)
    assert len({a.date_style for a in articles}) >= 3


def test_expected_instruments_use_natural_key_ids() -> None:
    data = tomllib.loads((REPO / "corpus" / "expected_instruments.toml").read_text("utf-8"))
    assert data["claimed_total"] == 14
    assert data["claimed_total_source"].startswith("https://")
    for item in data["instrument"]:
        fallback = None if item.get("number") else item["title"]
        expected = regulation_id(item["doc_type"], item.get("number"), item["year"],
                                 region="Kabupaten Gianyar", fallback=fallback)
        assert item["id"] == expected
        assert item["source_urls"]


_ARTICLE = """+++
slug = "a"
date = "2025-01-02"
time = "10:15"
headline = "H"
author = "A"
section = "S"
+++
Body
"""


def test_well_formed_article_loads(tmp_path: Path) -> None:
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.md").write_text(_ARTICLE, encoding="utf-8")
    [article] = load_articles(tmp_path)
    assert article.path == "/berita/2025/01/a/"


@pytest.mark.parametrize("text, message", [
    ("slug = 'x'\n", "front matter"),
    ("+++\nslug = 'x'\n", "not closed"),
    ("+++\nslug = 'x'\nbogus = 1\n+++\nBody\n", "unknown keys"),
    ("+++\nslug = = 'x'\n+++\nBody\n", "invalid TOML"),
    ("+++\nslug = 'x'\n+++\nBody\n", "missing"),
    (_ARTICLE.replace("2025-01-02", "02/01/2025"), "YYYY-MM-DD"),
    (_ARTICLE.replace("10:15", "pagi"), "HH:MM"),
])
def test_malformed_article_is_reported(tmp_path: Path, text: str, message: str) -> None:
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "bad.md").write_text(text, encoding="utf-8")
    with pytest.raises(ContentError, match=message):
        load_articles(tmp_path)


def _noindex(page: BeautifulSoup) -> bool:
    robots = page.select_one('meta[name="robots"]')
    return robots is not None and "noindex" in str(robots.get("content", ""))


def test_archives_are_noindex_but_documents_are_not(soups: dict[str, BeautifulSoup]) -> None:
    archives = [p for p in soups if p.startswith("/berita/tag/") or "/page/" in p]
    assert archives and all(_noindex(soups[p]) for p in archives)
    documents = [a.path for a in load_articles()]
    documents += [f"/jdih/dokumen/{r.slug}/" for r in load_regulations()]
    assert not any(_noindex(soups[p]) for p in documents)


@pytest.mark.parametrize("table, message", [
    ('slug = "x"\n', "missing"),
    ('slug = "x"\njenis = "Perbup"\nenacted = "14 Maret 2023"\n', "YYYY-MM-DD"),
    ('slug = "x"\ntext_file = "nowhere.txt"\n', "cannot read"),
])
def test_malformed_regulation_is_reported(tmp_path: Path, table: str, message: str) -> None:
    (tmp_path / "instruments.toml").write_text("[[regulation]]\n" + table, encoding="utf-8")
    (tmp_path / "fictional.toml").write_text("", encoding="utf-8")
    with pytest.raises(ContentError, match=message):
        load_regulations(tmp_path)


def test_build_reports_bad_content_without_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(*_args: object, **_kwargs: object) -> int:
        raise ContentError("news/x.md: time must be HH:MM")

    monkeypatch.setattr("corpus.demo.build.write_site", broken)
    assert build_main(["--out", str(tmp_path / "out")]) == 2
    assert "time must be HH:MM" in capsys.readouterr().err
