"""The coverage page: expected instruments found or missing, SVG charts, crawl health."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from flask import Flask

from index.results import Hit
from web import create_app
from web.coverage import Expected, ExpectedList, check_coverage, load_expected
from web.health import load_health

EXPECTED = """
claimed_total = 14

[[instrument]]
id = "perbup-gianyar-2025-35"
doc_type = "Perbup"
number = "35"
year = 2025
title = "Tata Cara Pemberian Program Jaminan Sosial Ketenagakerjaan bagi Pekerja Rentan"
certainty = "confirmed"

[[instrument]]
doc_type = "Perbup"
number = "33"
year = 2024
region = "Kabupaten Gianyar"
title = "(judul belum diketahui)"
certainty = "partial"
match_terms = ["Sertakan"]
"""


def coverage_app(data_dir: Path, expected: Path) -> Flask:
    """Return an app reading the expected instruments from `expected`."""
    return create_app({"DATA_DIR": data_dir, "TESTING": True, "SECRET_KEY": "k",
                       "EXPECTED_INSTRUMENTS": expected})


def test_coverage_marks_found_and_missing_instruments(data_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "expected.toml"
    path.write_text(EXPECTED, encoding="utf-8")
    soup = BeautifulSoup(coverage_app(data_dir, path).test_client().get("/cakupan").data, "lxml")
    rows = soup.select("table.coverage-table tbody tr")
    assert [r["class"][0] for r in rows] == ["status-found", "status-missing"]
    assert rows[0].find("a")["href"] == "/d/perbup-gianyar-2025-35"
    assert "14" in soup.find(class_="summary").get_text()


def test_coverage_without_the_list_says_so(data_dir: Path, tmp_path: Path) -> None:
    app = coverage_app(data_dir, tmp_path / "absent.toml")
    soup = BeautifulSoup(app.test_client().get("/cakupan").data, "lxml")
    assert soup.find("p", class_="notice") is not None
    assert soup.find("table", class_="coverage-table") is None


@pytest.mark.parametrize("text", ["claimed_total = [", "[[instrument]]\nyear = 'x'\n", ""])
def test_malformed_lists_give_a_reason_not_an_error(tmp_path: Path, text: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    result = load_expected(path)
    assert result.problem in ("malformed", "empty") or result.instruments


def test_charts_are_server_rendered_svg_with_titles(client) -> None:
    soup = BeautifulSoup(client.get("/cakupan").data, "lxml")
    charts = soup.select("figure.chart svg")
    assert len(charts) == 2
    for svg in charts:
        assert svg.get("role") == "img" and svg.find("title").get_text()
        assert svg.find_all("rect")
    labels = [t.get_text() for t in charts[1].select("text.chart-label")]
    assert "Berita" in labels and "Perbup" in labels


def test_crawl_health_shows_each_sources_latest_crawl(tmp_path: Path) -> None:
    from crawler.report import CrawlReport, SourceReport, write_report

    old = CrawlReport(started_at="2025-10-01T08:00:00+00:00",
                      finished_at="2025-10-01T09:00:00+00:00",
                      sources=[SourceReport("demo", fetched=10, complete=True)])
    new = CrawlReport(started_at="2025-11-01T08:00:00+00:00",
                      finished_at="2025-11-01T09:00:00+00:00",
                      sources=[SourceReport("jdih-gianyar", fetched=5, blocked={"challenge": 5}),
                               SourceReport("demo", fetched=40, new=3, complete=True,
                                            failed={"timeout": 2},
                                            last_crawl="2025-11-01T09:00:00+00:00")])
    for report in (old, new):
        write_report(report, tmp_path)
    rows, problem = load_health(tmp_path)
    assert problem is None
    by_name = {r.name: r for r in rows}
    assert by_name["demo"].pages == 40 and by_name["demo"].status == "degraded"
    assert by_name["demo"].failure_reasons == "timeout 2"
    assert by_name["jdih-gianyar"].status == "blocked" and by_name["jdih-gianyar"].challenged == 5


def test_no_crawl_reports_is_said_plainly(tmp_path: Path) -> None:
    assert load_health(tmp_path) == ((), "no_reports")


CANDIDATE = EXPECTED + """
[[instrument]]
doc_type = "UU"
year = 2011
title = "Badan Penyelenggara Jaminan Sosial"
match_terms = ["Badan Penyelenggara"]
"""


@pytest.mark.parametrize(
    ("lang", "words"),
    [("id", ("Ditemukan", "Mungkin cocok", "Belum ditemukan", "Belum teridentifikasi",
             "Masih kurang")),
     ("en", ("Found", "Possible match", "Missing", "Not identified", "Still missing"))],
)
def test_tally_and_still_missing_list_leave_no_doubt(
    data_dir: Path, tmp_path: Path, lang: str, words: tuple[str, ...]
) -> None:
    path = tmp_path / "expected.toml"
    path.write_text(CANDIDATE, encoding="utf-8")
    client = coverage_app(data_dir, path).test_client()
    soup = BeautifulSoup(client.get(f"/cakupan?lang={lang}").data, "lxml")
    tally = {div["class"][0]: (div.dt.get_text(" ", strip=True), div.dd.strong.get_text())
             for div in soup.select("dl.coverage-tally > div")}
    assert tally == {"tally-found": (f"✓ {words[0]}", "1"),
                     "tally-candidate": (f"? {words[1]}", "1"),
                     "tally-missing": (f"✗ {words[2]}", "1"),
                     "tally-unidentified": (f"✗ {words[3]}", "11")}
    gaps = soup.select_one("section#still-missing")
    assert gaps.h2.get_text() == words[4]
    items = [li.get_text(" ", strip=True) for li in gaps.select("li")]
    assert items[0].startswith(words[2]) and "33" in items[0]  # missing first, then unsure
    assert items[1].startswith(words[1]) and "UU" in items[1] and "2011" in items[1]
    assert "11" in items[2] and "14" in items[2]


def test_found_instrument_shows_its_source_url_and_dates(data_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "expected.toml"
    path.write_text(EXPECTED, encoding="utf-8")
    soup = BeautifulSoup(coverage_app(data_dir, path).test_client().get("/cakupan").data, "lxml")
    where = soup.select_one("tr.status-found td.where")
    source = where.select_one("a.source-url")
    assert source["href"] == "https://jdih.example.test/perbup-35-2025"
    assert "nofollow" in source["rel"]
    times = [t["datetime"] for t in where.select("time")]
    assert times == ["2025-06-30", "2025-11-01T08:30:00+00:00"]
    missing = soup.select_one("tr.status-missing td.where").get_text(strip=True)
    assert missing == "Tidak ada di indeks"


def test_nothing_missing_is_said_in_words(data_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "expected.toml"
    path.write_text(EXPECTED.split("[[instrument]]\ndoc_type")[0].replace(
        "claimed_total = 14", "claimed_total = 1"), encoding="utf-8")
    soup = BeautifulSoup(coverage_app(data_dir, path).test_client().get("/cakupan").data, "lxml")
    gaps = soup.select_one("section#still-missing")
    assert gaps.find("ul") is None
    assert "Tidak ada yang kurang" in gaps.get_text()


def _unnumbered(**changes: object) -> Expected:
    base = {"doc_type": "MoU", "number": None, "year": 2023, "region": "Kabupaten Gianyar",
            "title": "Nota Kesepahaman dengan BPJS Ketenagakerjaan", "doc_id": "mou-x1"}
    base.update(changes)
    return Expected(**base)


def _hit(**changes: object) -> Hit:
    base = {"id": "mou-x2", "url": "https://jdih.example.test/mou", "kind": "regulation",
            "score": 1.0, "doc_type": "MoU", "year": 2023, "region": "Kabupaten Gianyar",
            "title": "Nota Kesepahaman Kabupaten Gianyar Tahun 2023 tentang Nota Kesepahaman "
                     "dengan BPJS Ketenagakerjaan", "about": None}
    base.update(changes)
    return Hit(**base)


@pytest.mark.parametrize(
    ("item", "hit", "status"),
    [
        (_unnumbered(), _hit(), "found"),  # title after "tentang"
        (_unnumbered(), _hit(title="x", about="nota kesepahaman  dengan BPJS ketenagakerjaan."),
         "found"),
        (_unnumbered(), _hit(title="Nota Kesepahaman dengan BPJS Ketenagakerjaan"), "found"),
        (_unnumbered(), _hit(title="Nota Kesepahaman dengan BPJS Kesehatan"), "candidate"),
        (_unnumbered(), _hit(region="Kabupaten Bangli"), "missing"),  # another region's
        (_unnumbered(), _hit(doc_type="Perbup"), "candidate"),
        (_unnumbered(), _hit(number="7"), "candidate"),
        (_unnumbered(number="7", doc_id=None), _hit(number="7"), "candidate"),
        (_unnumbered(title="(judul belum diketahui)", match_terms=("Sertakan",)),
         _hit(title="(judul belum diketahui)"), "candidate"),  # a placeholder is no title
    ],
)
def test_unnumbered_instrument_is_found_by_type_year_region_and_exact_title(
    item: Expected, hit: Hit, status: str
) -> None:
    listed = ExpectedList((item,), None)
    rows = check_coverage(listed, lambda _id: None, lambda _req: (hit,))
    assert [r.status for r in rows] == [status]
