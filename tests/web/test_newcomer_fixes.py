"""What a first-time reader trips on: long facets, unknown statuses, news bylines, coverage."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from flask import Flask
from flask.testing import FlaskClient

from tests.web.conftest import build_data_dir, corpus_documents, news_item, perbup_gianyar
from web import create_app
from web.docview import known_status

REGIONS = 40  # more than the 30 values a facet shows at first
ALL_REGIONS = REGIONS + 2  # plus Gianyar and Contoh from the shared corpus


def _regional_perbup(n: int) -> object:
    """Return a Perbup of the n-th (fictional) region, each with its own status."""
    base = perbup_gianyar()
    return dataclasses.replace(
        base, id=f"perbup-daerah{n:02d}-2020-{n}", number=str(n), year=2020 + n % 5,
        region=f"Kabupaten Daerah {n:02d}", url=f"https://jdih.example.test/daerah/{n}",
        title=f"Peraturan Bupati Daerah {n:02d} Nomor {n} Tahun 2020 tentang Pekerja Rentan",
        status=("-" if n % 3 == 0 else "Berlaku"), references=(), archive_ref=None,
    )


@pytest.fixture(scope="module")
def wide_app(tmp_path_factory: pytest.TempPathFactory) -> Flask:
    """Return an app over a corpus with 42 regions and statuses of every shape."""
    docs = corpus_documents() + [_regional_perbup(n) for n in range(1, REGIONS + 1)]
    root = build_data_dir(tmp_path_factory.mktemp("wide"), docs)
    return create_app({"DATA_DIR": root, "TESTING": True, "SECRET_KEY": "k",
                       "EXPECTED_INSTRUMENTS": root / "absent.toml"})


@pytest.fixture
def wide_client(wide_app: Flask) -> FlaskClient:
    """Return a fresh client (no language cookie) of the wide app."""
    return wide_app.test_client()


def soup_of(client: FlaskClient, url: str) -> BeautifulSoup:
    """Fetch a page that must answer 200 and parse it."""
    response = client.get(url)
    assert response.status_code == 200, response.data[:300]
    return BeautifulSoup(response.data, "lxml")


def test_long_facet_offers_a_no_js_link_to_every_value(wide_client: FlaskClient) -> None:
    soup = soup_of(wide_client, "/?q=pekerja+rentan")
    region = soup.find(id="facet-region")
    assert len(region.select("input[type=checkbox]")) == 30
    more = region.select_one(".facet-more a")
    assert more.get_text(strip=True) == f"Tampilkan {ALL_REGIONS - 30} lainnya"
    assert "more=region" in more["href"] and more["href"].endswith("#facet-region")

    opened = soup_of(wide_client, more["href"].split("#")[0]).find(id="facet-region")
    assert len(opened.select("input[type=checkbox]")) == ALL_REGIONS
    fewer = opened.select_one(".facet-more a")
    assert fewer.get_text(strip=True) == "Tampilkan lebih sedikit"
    assert "more=" not in fewer["href"]


@pytest.mark.parametrize("more", ["bogus", "<script>", "", "year"])
def test_unknown_or_small_facet_names_in_more_change_nothing(
    wide_client: FlaskClient, more: str
) -> None:
    soup = soup_of(wide_client, f"/?q=pekerja+rentan&more={more}")
    assert len(soup.find(id="facet-region").select("input[type=checkbox]")) == 30


def test_more_link_speaks_english_on_the_english_page(wide_client: FlaskClient) -> None:
    soup = soup_of(wide_client, "/?q=pekerja+rentan&lang=en")
    more = soup.select_one("#facet-region .facet-more a")
    assert more.get_text(strip=True) == f"Show {ALL_REGIONS - 30} more"


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("Berlaku", "Berlaku"),
        ("Tidak Berlaku", "Tidak Berlaku"),
        ("Dicabut Sebagian", "Dicabut Sebagian"),
        ("  Diubah  ", "Diubah"),
        ("-", None),
        ("", None),
        (None, None),
        ("BahasaBahasa Indonesia", None),
        ("x" * 200 + " berlaku", None),
    ],
)
def test_known_status_accepts_only_what_reads_as_a_status(
    raw: str | None, shown: str | None
) -> None:
    assert known_status(raw) == shown


def test_unknown_status_is_said_plainly_never_a_dash(wide_client: FlaskClient) -> None:
    soup = soup_of(wide_client, "/d/perbup-daerah03-2020-3")
    assert soup.select_one(".doc-kind .status").get_text(strip=True) == "Status tidak diketahui"
    rows = {tr.th.get_text(strip=True): tr.td.get_text(" ", strip=True)
            for tr in soup.select("table.meta tr")}
    assert rows["Status"] == "Status tidak diketahui"
    hits = soup_of(wide_client, "/?q=Daerah+03&region=Kabupaten+Daerah+03")
    assert hits.select_one("li.hit .status").get_text(strip=True) == "Status tidak diketahui"
    facet = [label.get_text(" ", strip=True) for label in hits.select("#facet-status label")]
    assert facet and all("-" not in label.split("(")[0] for label in facet)


def test_garbled_status_says_unknown_and_quotes_the_source(tmp_path: Path) -> None:
    doc = dataclasses.replace(perbup_gianyar(), status="BahasaBahasa Indonesia")
    root = build_data_dir(tmp_path, [doc])
    client = create_app({"DATA_DIR": root, "TESTING": True, "SECRET_KEY": "k"}).test_client()
    soup = soup_of(client, "/d/perbup-gianyar-2025-35?lang=en")
    rows = {tr.th.get_text(strip=True): tr.td.get_text(" ", strip=True)
            for tr in soup.select("table.meta tr")}
    assert rows["Status"].startswith("Status unknown")
    assert "BahasaBahasa Indonesia" in rows["Status"]
    assert soup.select_one(".doc-kind .status").get_text(strip=True) == "Status unknown"


def test_news_page_shows_publication_date_and_site_under_the_title(client: FlaskClient) -> None:
    soup = soup_of(client, "/d/berita-news-example-test-000000000001")
    byline = soup.select_one("header .byline")
    assert byline.find_previous_sibling("h1") is not None
    assert byline.time["datetime"].startswith("2025-10-02")
    assert byline.select_one(".site").get_text(strip=True) == "Berita Contoh"
    assert "Terbit" in byline.get_text(" ", strip=True)


def test_news_without_date_or_site_name_says_so(tmp_path: Path) -> None:
    bare = dataclasses.replace(news_item(1, "Kabar", "Isi kabar."), published_at=None,
                               site_name=None)
    root = build_data_dir(tmp_path, [bare])
    client = create_app({"DATA_DIR": root, "TESTING": True, "SECRET_KEY": "k"}).test_client()
    byline = soup_of(client, f"/d/{bare.id}").select_one(".byline")
    assert "tanggal tidak diketahui" in byline.get_text(" ", strip=True)
    assert byline.select_one(".site").get_text(strip=True) == "news.example.test"


def test_news_hits_name_their_site_and_date(client: FlaskClient) -> None:
    soup = soup_of(client, "/?q=Gianyar+lindungi&kind=news")
    meta = soup.select_one("li.hit-news .hit-meta")
    assert meta.select_one(".site").get_text(strip=True) == "news.example.test"
    assert meta.time is not None
    assert dt.date.fromisoformat(meta.time["datetime"][:10]).year == 2025


@pytest.mark.parametrize(
    ("url", "indonesian", "english"),
    [
        ("/d/no-such-doc", "Tidak ada dokumen dengan pengenal “no-such-doc”",
         "There is no document with id “no-such-doc”"),
        ("/?q=bpjs&page=abc", "Isian “page” harus berupa bilangan bulat",
         "Parameter “page” must be a whole number"),
        ("/?q=bpjs&page=99999", "Isian “page” harus antara 1 dan",
         "Parameter “page” must be between 1 and"),
        ("/?q=" + "x" * 501, "Kata pencarian berisi 501 karakter",
         "The search is 501 characters long"),
        ("/d/perbup-gianyar-2025-35/pasal?n=99", "tidak punya Pasal 99",
         "has no Pasal 99"),
        ("/tidak-ada", "Alamat /tidak-ada tidak ada di Telusur",
         "The address /tidak-ada does not exist in Telusur"),
        ("/bandingkan", "Sebutkan dokumen yang akan dibandingkan", "Say which document"),
    ],
)
def test_error_details_are_indonesian_first_with_english_below(
    client: FlaskClient, url: str, indonesian: str, english: str
) -> None:
    soup = BeautifulSoup(client.get(url).data, "lxml")
    detail = soup.select_one(".error-message")
    assert detail["lang"] == "id" and indonesian in detail.get_text()
    other = soup.select_one(".error-other-language")
    assert other["lang"] == "en" and english in other.get_text()
    assert detail.find_next(class_="error-other-language") is other

    swapped = BeautifulSoup(client.get(url + ("&" if "?" in url else "?") + "lang=en").data,
                            "lxml")
    assert english in swapped.select_one(".error-message[lang=en]").get_text()
    assert indonesian in swapped.select_one(".error-other-language[lang=id]").get_text()


def test_error_detail_escapes_what_the_reader_typed(client: FlaskClient) -> None:
    response = client.get("/?q=bpjs&page=%3Cscript%3Ealert(1)%3C/script%3E")
    assert response.status_code == 400
    assert b"<script>alert" not in response.data
    assert "&lt;script&gt;" in response.get_data(as_text=True)


def test_api_errors_keep_their_plain_english_json_shape(client: FlaskClient) -> None:
    body = client.get("/api/documents/no-such-doc").get_json()
    assert body == {"error": {"code": "not_found", "message":
                              "No document with id 'no-such-doc'. Search for it instead."}}


def test_zero_results_offer_watching_not_sorting_or_empty_downloads(client: FlaskClient) -> None:
    soup = soup_of(client, "/?q=xyzzyqqq")
    assert soup.select_one(".zero h2") is not None
    assert soup.find("select", id="sort") is None
    exports = soup.select_one("p.exports")
    assert [a["href"].split("?")[0] for a in exports.find_all("a")] == ["/feed.atom"]
    assert "Pantau pencarian ini" in exports.get_text()
    full = soup_of(client, "/?q=pekerja+rentan")
    assert full.find("select", id="sort") is not None
    assert len(full.select("p.exports a")) == 3
