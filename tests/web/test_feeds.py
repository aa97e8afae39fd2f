"""Feeds: Atom per search, OpenSearch description, the JDIHN-format JSON feed."""

from __future__ import annotations

import dataclasses
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from flask.testing import FlaskClient

from corpus import DocumentStore
from tests.web.conftest import build_data_dir, perbup_gianyar, uu_bpjs
from web import create_app, feedformat

ATOM = "{http://www.w3.org/2005/Atom}"
JDIHN_KEYS = {
    "idData", "tahun_pengundangan", "tanggal_penetapan", "tanggal_pengundangan", "jenis",
    "noPeraturan", "judul", "noPanggil", "singkatanJenis", "tempatTerbit", "penerbit",
    "deskripsiFisik", "sumber", "subjek", "isbn", "status", "bahasa", "bidangHukum", "teuBadan",
    "nomorIndukBuku", "fileDownload", "urlDownload", "urlDetailPeraturan", "abstrak",
    "urlAbstrak", "operasi", "display",
}


def test_atom_feed_of_a_search_parses_and_links_our_pages(client: FlaskClient) -> None:
    response = client.get("/feed.atom?q=jaminan+sosial")
    assert response.mimetype == "application/atom+xml"
    root = ET.fromstring(response.data)
    assert root.tag == f"{ATOM}feed"
    entries = root.findall(f"{ATOM}entry")
    assert entries
    for entry in entries:
        assert entry.find(f"{ATOM}id").text.startswith("http://localhost/d/")
        assert entry.find(f"{ATOM}updated").text.endswith("Z")
    dates = [e.find(f"{ATOM}updated").text for e in entries]
    assert root.find(f"{ATOM}updated").text == max(dates)
    assert "1970" not in "".join(dates)


def test_atom_feed_carries_hostile_titles_as_text(client: FlaskClient) -> None:
    root = ET.fromstring(client.get("/feed.atom?q=contoh").data)
    titles = [e.find(f"{ATOM}title").text for e in root.findall(f"{ATOM}entry")]
    assert any("<script>" in t for t in titles)
    summaries = [e.find(f"{ATOM}summary") for e in root.findall(f"{ATOM}entry")]
    assert all(s.get("type") == "text" and not list(s) for s in summaries)


def test_search_page_advertises_its_atom_feed(client: FlaskClient) -> None:
    soup = BeautifulSoup(client.get("/?q=bpjs").data, "lxml")
    link = soup.find("link", attrs={"type": "application/atom+xml"})
    assert link["href"].startswith("/feed.atom?") and "q=bpjs" in link["href"]


def test_opensearch_description_has_a_search_template(client: FlaskClient) -> None:
    root = ET.fromstring(client.get("/opensearch.xml").data)
    ns = "{http://a9.com/-/spec/opensearch/1.1/}"
    templates = {u.get("type"): u.get("template") for u in root.findall(f"{ns}Url")}
    assert templates["text/html"] == "http://localhost/?q={searchTerms}"


def test_jdihn_feed_lists_regulations_with_every_field_as_string(client: FlaskClient) -> None:
    records = client.get("/feed/document.json").get_json()
    assert isinstance(records, list)
    assert {r["idData"] for r in records} == {
        "perbup-gianyar-2025-35", "uu-2011-24", "perbup-contoh-2024-9", "perbup-contoh-2025-10"}
    for record in records:
        assert set(record) >= JDIHN_KEYS
        assert all(isinstance(v, str) for v in record.values())
        assert record["operasi"] == "4" and record["display"] == "1"
    perbup = next(r for r in records if r["idData"] == "perbup-gianyar-2025-35")
    assert perbup["jenis"] == "Peraturan Bupati" and perbup["singkatanJenis"] == "PERBUP"
    assert perbup["noPeraturan"] == "35" and perbup["tanggal_penetapan"] == "2025-06-30"
    assert perbup["teuBadan"] == "Gianyar (Kabupaten)"
    assert perbup["urlDownload"].endswith(".pdf") and perbup["fileDownload"] == "perbup-35-2025.pdf"
    assert perbup["urlDetailPeraturan"] == "http://localhost/d/perbup-gianyar-2025-35"


def test_jdihn_feed_answers_304_when_the_store_is_unchanged(client: FlaskClient) -> None:
    first = client.get("/feed/document.json")
    etag = first.headers["ETag"]
    again = client.get("/feed/document.json", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.data == b""


def test_sitemap_lists_every_document_page(client: FlaskClient) -> None:
    root = ET.fromstring(client.get("/sitemap.xml").data)
    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    locs = [u.find(f"{ns}loc").text for u in root.findall(f"{ns}url")]
    assert len(locs) == 19 and "http://localhost/d/uu-2011-24" in locs


def test_robots_txt_keeps_crawlers_out_of_baskets_and_exports(client: FlaskClient) -> None:
    lines = client.get("/robots.txt").data.decode().splitlines()
    assert "Disallow: /keranjang/" in lines and "Disallow: /export" in lines
    assert "Sitemap: http://localhost/sitemap.xml" in lines


def test_jdihn_feed_is_built_once_per_store_state(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = build_data_dir(tmp_path, [perbup_gianyar(), uu_bpjs()])
    client = create_app({"DATA_DIR": root, "TESTING": True, "SECRET_KEY": "k"}).test_client()
    calls: list[str] = []
    real = feedformat.jdihn_record
    monkeypatch.setattr(feedformat, "jdihn_record",
                        lambda doc, url: calls.append(doc.id) or real(doc, url))

    first = client.get("/feed/document.json")
    assert len(first.get_json()) == 2 and len(calls) == 2
    again = client.get("/feed/document.json")
    assert again.data == first.data and len(calls) == 2  # served from memory
    not_modified = client.get("/feed/document.json",
                              headers={"If-None-Match": first.headers["ETag"]})
    assert not_modified.status_code == 304 and len(calls) == 2

    with DocumentStore(root / "documents") as store:
        store.put(dataclasses.replace(uu_bpjs(), id="uu-2004-40", number="40", year=2004))
    changed = client.get("/feed/document.json",
                         headers={"If-None-Match": first.headers["ETag"]})
    assert changed.status_code == 200 and changed.headers["ETag"] != first.headers["ETag"]
    assert {r["idData"] for r in changed.get_json()} == {
        "perbup-gianyar-2025-35", "uu-2011-24", "uu-2004-40"}


def test_jdihn_status_is_a_dash_unless_it_reads_as_a_status(tmp_path: Path) -> None:
    garbled = dataclasses.replace(perbup_gianyar(), status="BahasaBahasa Indonesia")
    root = build_data_dir(tmp_path, [garbled, uu_bpjs()])
    client = create_app({"DATA_DIR": root, "TESTING": True, "SECRET_KEY": "k"}).test_client()
    status = {r["idData"]: r["status"] for r in client.get("/feed/document.json").get_json()}
    assert status == {"perbup-gianyar-2025-35": "-", "uu-2011-24": "Berlaku"}
