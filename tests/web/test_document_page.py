"""The document page: metadata, reading view with anchors, relations, citations, archive."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from flask.testing import FlaskClient

from tests.web.conftest import build_data_dir, uu_bpjs
from web import create_app

PERBUP = "/d/perbup-gianyar-2025-35"


def page(client: FlaskClient, url: str) -> BeautifulSoup:
    """Return the parsed page at url, which must answer 200."""
    response = client.get(url)
    assert response.status_code == 200, response.data[:300]
    return BeautifulSoup(response.data, "lxml")


def test_metadata_table_lists_number_year_and_region(client: FlaskClient) -> None:
    soup = page(client, PERBUP)
    rows = {th.get_text(strip=True): th.find_next_sibling("td").get_text(strip=True)
            for th in soup.select("table.meta th[scope=row]")}
    assert rows["Nomor"] == "35"
    assert rows["Tahun"] == "2025"
    assert rows["Wilayah"] == "Kabupaten Gianyar"
    assert rows["SHA-256"] == "a" * 64


def test_every_bab_and_pasal_has_an_anchor_listed_in_the_toc(client: FlaskClient) -> None:
    soup = page(client, PERBUP)
    toc = [a["href"] for a in soup.select("nav.toc a")]
    for anchor in ("#bab-1", "#bab-2", "#pasal-1", "#pasal-2", "#pasal-3"):
        assert anchor in toc
        assert soup.find(id=anchor[1:]) is not None
    assert soup.find(id="pasal-2-ayat-2").get_text().startswith("(2)")


def test_query_terms_are_highlighted_when_arriving_from_search(client: FlaskClient) -> None:
    soup = page(client, PERBUP + "?q=nelayan")
    marks = soup.select("#pasal-3 mark")
    assert [m.get_text() for m in marks] == ["nelayan"]
    assert not page(client, PERBUP).select("#pasal-3 mark")


def test_arriving_from_search_lists_the_pasal_that_match(client: FlaskClient) -> None:
    soup = page(client, PERBUP + "?q=pekerja+rentan")
    links = [a["href"] for a in soup.select(".notice .matches a")]
    assert links == ["#menimbang", "#pasal-1", "#pasal-3"]


def test_mengingat_links_held_documents_and_shows_others_as_text(client: FlaskClient) -> None:
    soup = page(client, PERBUP)
    relations = soup.find("section", class_="relations")
    items = relations.find_all("li")
    linked = [li.find("a")["href"] for li in items if li.find("a")]
    assert linked == ["/d/uu-2011-24"]
    unlinked = [li.get_text(" ", strip=True) for li in items if not li.find("a")]
    assert any("Nomor 44 Tahun 2015" in text for text in unlinked)


def test_news_that_mention_a_regulation_are_listed_as_related_news(client: FlaskClient) -> None:
    soup = page(client, PERBUP)
    news = soup.find(id="news-title").find_parent("section")
    hrefs = [a["href"] for a in news.find_all("a")]
    assert "/d/berita-news-example-test-000000000001" in hrefs


def test_news_page_links_the_regulation_it_mentions(client: FlaskClient) -> None:
    soup = page(client, "/d/berita-news-example-test-000000000001")
    relations = soup.find("section", class_="relations")
    assert relations.find("h2").get_text(strip=True) == "Peraturan yang disebut"
    assert relations.find("a", href=PERBUP) is not None


@pytest.mark.parametrize(
    ("doc_id", "heading", "citing_id"),
    [
        ("perbup-contoh-2024-9", "Diubah oleh", "perbup-contoh-2025-10"),
        ("uu-2011-24", "Menjadi dasar hukum bagi", "perbup-gianyar-2025-35"),
        ("uu-2011-24", "Menjadi dasar hukum bagi", "perbup-contoh-2025-10"),
    ],
)
def test_documents_that_amend_or_cite_this_one_are_grouped_by_relation(
    client: FlaskClient, doc_id: str, heading: str, citing_id: str
) -> None:
    section = page(client, f"/d/{doc_id}").find("section", class_="inverse")
    groups = {h3.get_text(strip=True): [a["href"] for a in h3.find_next_sibling("ul").find_all("a")]
              for h3 in section.find_all("h3")}
    assert f"/d/{citing_id}" in groups[heading]


def test_a_regulation_amended_by_one_we_hold_says_so_under_its_title(
    client: FlaskClient,
) -> None:
    soup = page(client, "/d/perbup-contoh-2024-9")
    notice = soup.select_one("header .notice.standing")
    assert notice is not None and "standing-amended" in notice["class"]
    assert notice.get_text(" ", strip=True).startswith("Peraturan ini telah diubah oleh")
    assert notice.find("a")["href"] == "/d/perbup-contoh-2025-10"
    # a regulation nothing amends or revokes has no such notice
    assert page(client, PERBUP).select_one("header .notice.standing") is None


def test_revocation_from_the_regulations_own_status_comes_before_amendments() -> None:
    from web.docview import InverseGroup, Ref, RefGroup, standing

    own = (RefGroup("mengingat", (Ref("UU 24/2011", "uu-2011-24", True),)),
           RefGroup("dicabut_dengan", (Ref("Perbup Contoh 1/2026", "perbup-contoh-2026-1",
                                           False),)))
    found = standing(own, (InverseGroup("inv.diubah_oleh", ()),))
    assert [(s.key, [r.target_id for r in s.refs]) for s in found] == [
        ("standing.revoked", ["perbup-contoh-2026-1"])]


def test_citations_in_legal_style_bibtex_and_csl_json(client: FlaskClient) -> None:
    soup = page(client, PERBUP)
    legal = soup.select_one("section.citation blockquote").get_text(strip=True)
    assert legal.startswith("Peraturan Bupati Gianyar Nomor 35 Tahun 2025 tentang Tata Cara")
    bib = client.get(PERBUP + "/cite.bib")
    assert bib.status_code == 200 and bib.data.decode().startswith("@misc{perbupgianyar202535,")
    csl = json.loads(client.get(PERBUP + "/cite.json").data)
    assert csl[0]["type"] == "legislation" and csl[0]["number"] == "35"
    assert csl[0]["issued"] == {"date-parts": [[2025, 6, 30]]}


def test_archived_copy_is_a_download_never_our_page(client: FlaskClient, monkeypatch) -> None:
    from types import SimpleNamespace

    import web.views.documents as documents

    record = SimpleNamespace(body=b"<html><script>alert(1)</script></html>",
                             content_type="text/html", sha256="e" * 64)
    monkeypatch.setattr(documents, "get_raw_record", lambda ref: record)
    response = client.get(PERBUP + "/arsip")
    assert response.status_code == 200
    assert response.mimetype == "application/octet-stream"
    assert response.headers["Content-Disposition"].startswith("attachment;")
    assert "sandbox" in response.headers["Content-Security-Policy"]
    assert response.data == record.body


def test_archived_copy_missing_is_a_404(client: FlaskClient) -> None:
    assert client.get("/d/uu-2011-24/arsip").status_code == 404


@pytest.mark.parametrize("doc_id", ["no-such-document", "..%2F..%2Fetc", "a" * 300])
def test_unknown_document_gives_a_404_page(client: FlaskClient, doc_id: str) -> None:
    response = client.get(f"/d/{doc_id}")
    assert response.status_code == 404
    soup = BeautifulSoup(response.data, "lxml")
    assert soup.find(class_="error-message").get_text(strip=True)


@pytest.mark.parametrize(
    ("number", "status", "location"),
    [("3", 303, "/d/perbup-gianyar-2025-35#pasal-3"), ("99", 404, None), ("x;", 404, None),
     ("", 404, None)],
)
def test_goto_pasal_form_redirects_to_the_anchor(
    client: FlaskClient, number: str, status: int, location: str | None
) -> None:
    response = client.get(f"{PERBUP}/pasal", query_string={"n": number})
    assert response.status_code == status
    if location:
        assert response.headers["Location"] == location


def test_document_page_names_its_canonical_url(client: FlaskClient) -> None:
    link = page(client, PERBUP).find("link", rel="canonical")
    assert link["href"] == "http://localhost/d/perbup-gianyar-2025-35"


def test_compare_shows_two_regulations_side_by_side(client: FlaskClient) -> None:
    soup = page(client, "/bandingkan?a=perbup-gianyar-2025-35&b=perbup-contoh-2024-9")
    columns = soup.select("article.compare-col")
    assert [c.find("h2").a["href"] for c in columns] == [
        "/d/perbup-gianyar-2025-35", "/d/perbup-contoh-2024-9"]
    assert soup.find(id="a-pasal-3") is not None and soup.find(id="b-pasal-1") is not None
    assert "<script>" in columns[1].find("h2").get_text()


def test_compare_without_a_second_document_offers_similar_ones(client: FlaskClient) -> None:
    soup = page(client, "/bandingkan?a=perbup-gianyar-2025-35")
    hrefs = [a["href"] for a in soup.select("section.compare li a")]
    assert hrefs and all(h.startswith("/bandingkan?a=perbup-gianyar-2025-35&b=") for h in hrefs)


@pytest.mark.parametrize(
    ("query", "status"), [("", 400), ("a=nope", 404), ("a=uu-2011-24&b=x", 404)]
)
def test_compare_with_missing_documents_fails_clearly(
    client: FlaskClient, query: str, status: int
) -> None:
    assert client.get(f"/bandingkan?{query}").status_code == status


def test_on_this_page_links_lead_to_every_section_with_counts(client: FlaskClient) -> None:
    soup = BeautifulSoup(client.get("/d/perbup-gianyar-2025-35").data, "lxml")
    nav = soup.select_one("header nav.doc-sections")
    targets = [a["href"].lstrip("#") for a in nav.find_all("a")]
    assert all(soup.find(id=target) is not None for target in targets)
    assert "news-title" in targets and "refs-title" in targets
    assert nav.select_one("a.jump-news").get_text(strip=True) == "Berita terkait (1)"
    refs = nav.find("a", href="#refs-title").get_text(strip=True)
    assert refs == "Dasar hukum dan hubungan (2)"


@pytest.mark.parametrize(
    ("title", "shown"),
    [
        ("Penyelenggaraan Program Jaminan Pensiun", "Undang-Undang Nomor 24 Tahun 2011"),
        ("Perubahan atas Undang-Undang Nomor 40 Tahun 2004", "Undang-Undang Nomor 24 Tahun 2011"),
        ("Undang-Undang Nomor 24 Tahun 2011 tentang BPJS", None),
        ("UNDANG-UNDANG  NOMOR 24 TAHUN 2011", None),
    ],
)
def test_a_title_without_its_own_number_gets_the_designation_above_it(
    tmp_path: Path, title: str, shown: str | None
) -> None:
    doc = dataclasses.replace(uu_bpjs(), title=title)
    root = build_data_dir(tmp_path, [doc])
    client = create_app({"DATA_DIR": root, "TESTING": True, "SECRET_KEY": "k"}).test_client()
    soup = BeautifulSoup(client.get("/d/uu-2011-24").data, "lxml")
    designation = soup.select_one("header p.designation")
    assert (designation.get_text(strip=True) if designation else None) == shown
    assert " ".join(soup.find("h1").get_text().split()) == " ".join(title.split())


def test_on_this_page_links_are_separated_by_spaced_dots(client: FlaskClient) -> None:
    soup = BeautifulSoup(client.get("/d/perbup-gianyar-2025-35").data, "lxml")
    text = " ".join(soup.select_one("nav.doc-sections").get_text().split())
    assert ")·" not in text and "·" in text
    assert text.count(" · ") == len(soup.select("nav.doc-sections a")) - 1


@pytest.mark.parametrize(
    ("changes", "notice"),
    [({"ocr": True}, "Teks dokumen ini dibaca dengan OCR dari hasil pindaian"),
     ({"needs_ocr": True, "text": "", "parts": ()}, "hasil pindaian tanpa lapisan teks"),
     ({}, None)],
    ids=["ocr-text", "scan-without-text", "text-layer"],
)
def test_a_scan_says_where_its_text_came_from(tmp_path: Path, changes: dict,
                                              notice: str | None) -> None:
    doc = dataclasses.replace(uu_bpjs(), **changes)
    root = build_data_dir(tmp_path, [doc])
    client = create_app({"DATA_DIR": root, "TESTING": True, "SECRET_KEY": "k"}).test_client()
    soup = BeautifulSoup(client.get("/d/uu-2011-24").data, "lxml")
    shown = soup.select_one("header p.notice.ocr")
    assert (shown is not None) == (notice is not None)
    if notice:
        assert notice in shown.get_text()


def test_an_abstract_the_text_holds_is_shown_once(tmp_path: Path) -> None:
    abstract = ("Peraturan ini menetapkan pedoman bantuan iuran jaminan sosial "
                "ketenagakerjaan bagi pekerja rentan.")
    doc = dataclasses.replace(uu_bpjs(), summary=abstract, parts=(),
                              text=f"Abstrak\n\n{abstract}\n\nKeterangan: mencabut UU 3/1992")
    root = build_data_dir(tmp_path, [doc])
    client = create_app({"DATA_DIR": root, "TESTING": True, "SECRET_KEY": "k"}).test_client()
    soup = BeautifulSoup(client.get("/d/uu-2011-24").data, "lxml")
    shown = [p for p in soup.find_all("p") if "pedoman bantuan iuran" in p.get_text()]
    assert len(shown) == 1 and soup.select_one("p.lead") is None
    # a summary in other words than the text (a news lead) is still shown above it
    other = dataclasses.replace(doc, summary="Ringkasan penyunting tentang bantuan iuran.")
    root = build_data_dir(tmp_path / "other", [other])
    client = create_app({"DATA_DIR": root, "TESTING": True, "SECRET_KEY": "k"}).test_client()
    lead = BeautifulSoup(client.get("/d/uu-2011-24").data, "lxml").select_one("p.lead")
    assert lead is not None and lead.get_text() == other.summary
