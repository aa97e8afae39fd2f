"""End to end: crawl the demo site over loopback, extract, index, search it as users do.

One module-scoped demo build (through the CLI, as `make run` does) feeds every test here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from corpus import DocumentStore
from web import create_app
from web.cli import main

GIANYAR_35 = "perbup-gianyar-2025-35"


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data_dir = tmp_path_factory.mktemp("demo-data")
    assert main(["demo", "--no-serve", "--data-dir", str(data_dir)]) == 0
    return data_dir


@pytest.fixture(scope="module")
def client(demo_dir: Path):  # type: ignore[no-untyped-def]
    app = create_app({"DATA_DIR": demo_dir, "TESTING": True})
    return app.test_client()


def _search_json(demo_dir: Path, capsys: pytest.CaptureFixture[str], *query: str) -> dict:
    capsys.readouterr()
    assert main(["search", *query, "--json", "--data-dir", str(demo_dir)]) == 0
    return json.loads(capsys.readouterr().out)


def test_demo_crawl_yields_a_corpus_of_at_least_forty_documents(demo_dir: Path) -> None:
    with DocumentStore(demo_dir / "documents") as store:
        docs = list(store)
    kinds = {d.kind for d in docs}
    assert len(docs) >= 40
    assert {"regulation", "news"} <= kinds
    assert all(d.sha256 and d.fetched_at and d.source == "demo" for d in docs)


def test_pekerja_rentan_finds_perbup_gianyar_35_2025_with_a_highlight(
    demo_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    result = _search_json(demo_dir, capsys, "pekerja rentan")
    ids = [hit["id"] for hit in result["hits"]]
    assert GIANYAR_35 in ids[:5]
    hit = result["hits"][ids.index(GIANYAR_35)]
    assert "<mark>" in hit["snippet"]
    assert {"query", "total", "page", "hits", "facets", "suggestion"} <= set(result)


@pytest.mark.parametrize(
    "query",
    ["Perbup Gianyar 35/2025", "perbup no. 35 tahun 2025", "Peraturan Bupati Nomor 35 Tahun 2025"],
)
def test_citation_lookup_ranks_the_cited_regulation_first(
    demo_dir: Path, capsys: pytest.CaptureFixture[str], query: str
) -> None:
    result = _search_json(demo_dir, capsys, query)
    assert result["hits"] and result["hits"][0]["id"] == GIANYAR_35


def test_fictional_regulations_come_out_with_pasal_and_resolved_mengingat(demo_dir: Path) -> None:
    with DocumentStore(demo_dir / "documents") as store:
        contoh = [d for d in store if d.region and "Contoh" in d.region and d.kind == "regulation"]
    assert len(contoh) >= 4
    assert any(d.doc_type == "Kepbup" for d in contoh)  # a decree, read diktum by diktum
    for doc in contoh:
        pasal = [p for p in doc.parts if p.kind == "pasal"]
        diktum = [p for p in doc.parts if p.kind == "diktum"]
        # An amending regulation has "Pasal I" (the changes) and "Pasal II" (entry into force).
        amends = any(r.relation == "mengubah" for r in doc.references)
        if doc.doc_type == "Kepbup":
            assert not pasal and len(diktum) >= 3, doc.id
        else:
            assert len(pasal) >= (2 if amends else 5) and not diktum, doc.id
        basis = [r for r in doc.references if r.relation == "mengingat"]
        assert basis and all(r.target_id for r in basis), doc.id


def test_the_demo_decree_reads_diktum_by_diktum(demo_dir: Path, client) -> None:  # type: ignore[no-untyped-def]
    """A Keputusan has no Pasal: after a real crawl its page shows citable diktum."""
    with DocumentStore(demo_dir / "documents") as store:
        (decree,) = [d for d in store if d.doc_type == "Kepbup" and d.region
                     and "Contoh" in d.region and d.kind == "regulation"]
    assert decree.number == "412/E-03/HK/2025"
    page = BeautifulSoup(client.get(f"/d/{decree.id}").data, "lxml")
    assert page.select_one("#diktum-1") is not None and page.select_one("#diktum-6") is not None
    assert "Diktum KESATU" in page.get_text()


def test_news_links_to_the_regulations_it_mentions(demo_dir: Path) -> None:
    with DocumentStore(demo_dir / "documents") as store:
        news = [d for d in store if d.kind == "news"]
    linked = {r.target_id for d in news for r in d.references}
    assert GIANYAR_35 in linked
    assert len(news) >= 15


def test_search_page_shows_results_with_highlighted_snippets(client) -> None:  # type: ignore[no-untyped-def]
    response = client.get("/?q=pekerja+rentan")
    assert response.status_code == 200
    page = BeautifulSoup(response.data, "lxml")
    links = [a["href"] for a in page.select("a[href]")]
    assert any(href.startswith(f"/d/{GIANYAR_35}") for href in links)
    assert page.select("mark")


def test_document_page_and_api_answer(client) -> None:  # type: ignore[no-untyped-def]
    page = client.get(f"/d/{GIANYAR_35}")
    assert page.status_code == 200
    assert "35" in BeautifulSoup(page.data, "lxml").get_text()
    api = client.get("/api/search?q=pekerja+rentan")
    assert api.status_code == 200 and api.json["total"] >= 1
    assert client.get(f"/api/documents/{GIANYAR_35}").json["id"] == GIANYAR_35
    assert client.get("/healthz").status_code == 200


def test_rerunning_index_on_an_unchanged_archive_changes_nothing(
    demo_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["index", "--data-dir", str(demo_dir)]) == 0
    assert "0 new or changed" in capsys.readouterr().out
