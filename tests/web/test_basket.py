"""The evidence basket: CSRF, add, note, reorder, remove, and the dossier exports."""

from __future__ import annotations

import csv
import io
import json

import pytest
from bs4 import BeautifulSoup
from flask.testing import FlaskClient

from web.basket_store import BasketStore, Item, move_item

PERBUP = "perbup-gianyar-2025-35"


def token(client: FlaskClient) -> str:
    """Return the CSRF token the basket page's forms carry."""
    soup = BeautifulSoup(client.get(f"/d/{PERBUP}").data, "lxml")
    return soup.find("input", attrs={"name": "csrf_token"})["value"]


def post(client: FlaskClient, path: str, **fields: str) -> None:
    """Post a basket form with a valid token; expect the redirect back."""
    response = client.post(f"/keranjang/{path}", data={"csrf_token": token(client), **fields})
    assert response.status_code == 303, response.data[:300]


def basket_keys(client: FlaskClient) -> list[str]:
    """Return the keys of the basket's items in order."""
    soup = BeautifulSoup(client.get("/keranjang/").data, "lxml")
    return [li["data-key"] for li in soup.select("li.basket-item")]


@pytest.fixture
def filled(client: FlaskClient) -> FlaskClient:
    """Return a client whose basket holds a Pasal, a whole law and a news item."""
    post(client, "tambah", doc_id=PERBUP, anchor="pasal-2")
    post(client, "tambah", doc_id="uu-2011-24")
    post(client, "tambah", doc_id="berita-news-example-test-000000000001")
    return client


def test_post_without_csrf_token_is_refused(client: FlaskClient) -> None:
    response = client.post("/keranjang/tambah", data={"doc_id": PERBUP})
    assert response.status_code == 400
    soup = BeautifulSoup(response.data, "lxml")
    assert soup.find(class_="error-message")["data-code"] == "csrf_failed"
    assert basket_keys(client) == []


def test_add_reorder_note_and_remove(filled: FlaskClient) -> None:
    keys = [f"{PERBUP}#pasal-2", "uu-2011-24", "berita-news-example-test-000000000001"]
    assert basket_keys(filled) == keys
    post(filled, "pindah", key="uu-2011-24", direction="up")
    assert basket_keys(filled) == [keys[1], keys[0], keys[2]]
    post(filled, "catatan", key=keys[2], note="Bukti liputan media")
    soup = BeautifulSoup(filled.get("/keranjang/").data, "lxml")
    assert soup.select("li.basket-item textarea")[2].get_text() == "Bukti liputan media"
    post(filled, "hapus", key=keys[0])
    assert basket_keys(filled) == [keys[1], keys[2]]


def test_adding_the_same_item_twice_keeps_one(filled: FlaskClient) -> None:
    post(filled, "tambah", doc_id="uu-2011-24")
    assert basket_keys(filled).count("uu-2011-24") == 1


@pytest.mark.parametrize(
    ("fields", "status"),
    [
        ({"doc_id": "no-such-doc"}, 404),
        ({"doc_id": PERBUP, "anchor": "pasal-99"}, 404),
        ({"doc_id": ""}, 404),
    ],
)
def test_adding_unknown_documents_or_parts_fails_clearly(
    client: FlaskClient, fields: dict[str, str], status: int
) -> None:
    response = client.post("/keranjang/tambah", data={"csrf_token": token(client), **fields})
    assert response.status_code == status


def test_redirect_target_must_be_local(client: FlaskClient) -> None:
    response = client.post("/keranjang/tambah", data={
        "csrf_token": token(client), "doc_id": PERBUP, "next": "//evil.example/x"})
    assert response.headers["Location"].endswith("/keranjang/")


def test_dossier_lists_citation_quote_url_time_and_hash(filled: FlaskClient) -> None:
    soup = BeautifulSoup(filled.get("/keranjang/dossier").data, "lxml")
    items = soup.select("li.dossier-item")
    assert len(items) == 3
    first = items[0]
    assert first.find("h2").get_text(" ", strip=True).startswith("1. Pasal 2")
    assert "Pasal 2 Peraturan Bupati Gianyar Nomor 35 Tahun 2025" in first.find(
        class_="cite-text").get_text()
    assert "Jaminan Kecelakaan Kerja" in first.find("blockquote").get_text()
    cells = {th.get_text(strip=True): th.find_next_sibling("td").get_text(strip=True)
             for th in first.select("th[scope=row]")}
    assert cells["URL sumber"] == "https://jdih.example.test/perbup-35-2025"
    assert cells["SHA-256"] == "a" * 64
    assert cells["Waktu pengambilan"] == "2025-11-01T08:30:00Z"


def test_manifests_in_csv_and_json_match_the_dossier(filled: FlaskClient) -> None:
    rows = list(csv.DictReader(io.StringIO(filled.get("/keranjang/manifest.csv").data.decode())))
    data = json.loads(filled.get("/keranjang/manifest.json").data)
    assert [r["doc_id"] for r in rows] == [i["doc_id"] for i in data["items"]]
    assert rows[0]["anchor"] == "pasal-2" and rows[0]["sha256"] == "a" * 64
    assert data["items"][0]["permalink"].endswith(f"/d/{PERBUP}#pasal-2")


def test_basket_count_shows_in_the_header(filled: FlaskClient) -> None:
    soup = BeautifulSoup(filled.get("/").data, "lxml")
    assert soup.select_one(".site-nav .badge").get_text() == "3"


@pytest.mark.parametrize(
    ("key", "offset", "expected"),
    [("a", -1, "abc"), ("a", 1, "bac"), ("c", 1, "abc"), ("b", -1, "bac"), ("zz", 1, "abc")],
)
def test_move_item_stays_within_bounds(key: str, offset: int, expected: str) -> None:
    items = [Item(x) for x in "abc"]
    assert "".join(i.doc_id for i in move_item(items, key, offset)) == expected


def test_abandoned_baskets_are_pruned(tmp_path) -> None:
    import os

    store = BasketStore(tmp_path)
    store.save("a" * 24, [Item("x")])
    store.save("b" * 24, [Item("y")])
    old = tmp_path / ("a" * 24 + ".json")
    os.utime(old, (0, 0))
    assert store.prune(max_age_days=30) == 1
    assert store.load("a" * 24) == [] and store.load("b" * 24) == [Item("y")]


@pytest.mark.parametrize("basket_id", ["../../etc/passwd", "short", "", "a" * 65, "a/b" * 10])
def test_basket_ids_that_could_escape_the_directory_are_empty(tmp_path, basket_id: str) -> None:
    store = BasketStore(tmp_path)
    assert store.load(basket_id) == []
    with pytest.raises(ValueError):
        store.save(basket_id, [Item("x")])


def test_basket_pages_are_not_cached(filled: FlaskClient) -> None:
    assert "no-store" in filled.get("/keranjang/").headers["Cache-Control"]


def test_document_page_says_what_is_already_in_the_basket(filled: FlaskClient) -> None:
    soup = BeautifulSoup(filled.get(f"/d/{PERBUP}").data, "lxml")
    assert soup.select_one("#pasal-2 .in-basket") is not None
    assert soup.select_one("#pasal-2 button.basket-part") is None
    assert soup.select_one("#pasal-3 button.basket-part")["form"] == "add-part"


def test_adding_a_pasal_returns_to_that_pasal(client: FlaskClient) -> None:
    response = client.post("/keranjang/tambah", data={
        "csrf_token": token(client), "doc_id": PERBUP, "anchor": "pasal-3",
        "next": f"/d/{PERBUP}?q=nelayan"})
    assert response.headers["Location"] == f"/d/{PERBUP}?q=nelayan#pasal-3"


@pytest.mark.parametrize(
    ("lang", "labels"),
    [("id", ["Tanggal penetapan", "Tanggal penetapan", "Tanggal terbit"]),
     ("en", ["Enacted on", "Enacted on", "Published on"])],
)
def test_dossier_gives_each_items_own_date(
    filled: FlaskClient, lang: str, labels: list[str]
) -> None:
    soup = BeautifulSoup(filled.get(f"/keranjang/dossier?lang={lang}").data, "lxml")
    rows = soup.select("li.dossier-item tr.doc-date")
    assert [r.th.get_text(strip=True) for r in rows] == labels
    assert [r.time["datetime"] for r in rows] == ["2025-06-30", "2011-11-25", "2025-10-02"]
    manifest = filled.get("/keranjang/manifest.json").get_json()
    items = manifest["items"] if isinstance(manifest, dict) else manifest
    assert [(i["date"], i["date_kind"]) for i in items] == [
        ("2025-06-30", "enacted"), ("2011-11-25", "enacted"), ("2025-10-02", "published")]


def test_emptying_the_basket_needs_the_confirmation_box(filled: FlaskClient) -> None:
    form = BeautifulSoup(filled.get("/keranjang/").data, "lxml").select_one("form.clear-form")
    box = form.find("input", attrs={"name": "confirm"})
    assert box.has_attr("required") and "3" in form.label.get_text()
    refused = filled.post("/keranjang/kosongkan", data={"csrf_token": token(filled)})
    assert refused.status_code == 400
    assert "centang dulu kotak konfirmasinya" in refused.get_data(as_text=True)
    assert len(basket_keys(filled)) == 3
    post(filled, "kosongkan", confirm="1")
    assert basket_keys(filled) == []


def test_the_dossier_is_the_basket_pages_primary_action(filled: FlaskClient) -> None:
    soup = BeautifulSoup(filled.get("/keranjang/").data, "lxml")
    primary = soup.select("a.button-link.primary")
    assert [a["href"] for a in primary] == ["/keranjang/dossier"]


@pytest.mark.parametrize(("lang", "button"), [("id", "Tambah ke keranjang"),
                                              ("en", "Add to basket")])
def test_empty_basket_explains_how_to_fill_it(client: FlaskClient, lang: str, button: str) -> None:
    soup = BeautifulSoup(client.get(f"/keranjang/?lang={lang}").data, "lxml")
    steps = soup.select(".basket-howto ol li")
    assert len(steps) == 3
    assert steps[0].find("a")["href"] == "/"
    assert button in steps[1].get_text()


def test_dossier_states_each_regulations_status_and_none_for_news(filled: FlaskClient) -> None:
    soup = BeautifulSoup(filled.get("/keranjang/dossier").data, "lxml")
    items = soup.select("li.dossier-item")
    statuses = [i.select_one("tr.doc-status td") for i in items]
    assert [s.get_text(strip=True) if s else None for s in statuses] == [
        "Berlaku", "Berlaku", None]


def test_a_dossier_entry_records_what_revoked_or_amended_the_regulation() -> None:
    from corpus import Document, Reference
    from web.dossier import build_entries, manifest_rows

    refs = (Reference("Peraturan Bupati Contoh Nomor 2 Tahun 2025", "diubah_dengan",
                      target_id="perbup-contoh-2025-2"),
            Reference("UU Nomor 24 Tahun 2011", "mengingat", target_id="uu-2011-24"),
            Reference("Peraturan Bupati Contoh Nomor 1 Tahun 2026", "dicabut_dengan",
                      target_id="perbup-contoh-2026-1"))
    doc = Document(id="perbup-contoh-2024-9", url="https://jdih.example.test/9",
                   kind="regulation", title="Peraturan Bupati Contoh Nomor 9 Tahun 2024",
                   status="Tidak Berlaku", references=refs)
    [entry] = build_entries([Item(doc.id)], {doc.id: doc}.get, lang="id")
    assert entry.standing == ("Dicabut dengan: Peraturan Bupati Contoh Nomor 1 Tahun 2026. "
                              "Diubah dengan: Peraturan Bupati Contoh Nomor 2 Tahun 2025")
    [row] = manifest_rows([entry], lambda e: "")
    assert row["standing"] == entry.standing
    [english] = build_entries([Item(doc.id)], {doc.id: doc}.get, lang="en")
    assert english.standing.startswith("Revoked by: Peraturan Bupati Contoh Nomor 1")


def test_the_dossier_says_what_amended_a_rule_as_its_page_does(client: FlaskClient) -> None:
    # perbup-contoh-2024-9 records no relation itself; perbup-contoh-2025-10, which we hold,
    # says it amends it: the page says so under the title, and so must the dossier
    post(client, "tambah", doc_id="perbup-contoh-2024-9")
    [row] = client.get("/keranjang/manifest.json").get_json()["items"]
    amending = client.get("/api/documents/perbup-contoh-2025-10").get_json()["title"]
    assert row["standing"] == f"Diubah dengan: {amending}"
