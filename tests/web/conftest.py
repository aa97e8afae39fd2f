"""Fixtures of the web tests: a data dir built from hand-made documents, an app and a client."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from corpus import Document, DocumentStore, Part, Reference
from web import create_app

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'
FETCHED = dt.datetime(2025, 11, 1, 8, 30, tzinfo=dt.UTC)


def _pasal(n: int, text: str, parent: str) -> Part:
    return Part(anchor=f"pasal-{n}", kind="pasal", label=f"Pasal {n}", text=text, parent=parent)


def perbup_gianyar() -> Document:
    """Return a Gianyar regent regulation with BAB, Pasal, ayat and a legal basis."""
    parts = (
        Part("menimbang", "menimbang", "Menimbang",
             "a. bahwa pekerja rentan perlu dilindungi jaminan sosial ketenagakerjaan;"),
        Part("bab-1", "bab", "BAB I", "BAB I\nKETENTUAN UMUM", heading="KETENTUAN UMUM"),
        _pasal(1, "Pasal 1\nDalam Peraturan Bupati ini yang dimaksud dengan pekerja rentan "
                  "adalah pekerja bukan penerima upah berpenghasilan rendah.", "bab-1"),
        Part("bab-2", "bab", "BAB II", "BAB II\nKEPESERTAAN", heading="KEPESERTAAN"),
        _pasal(2, "Pasal 2\n(1) Pemerintah Daerah membayar iuran Jaminan Kecelakaan Kerja.\n"
                  "(2) Iuran dibayar setiap bulan kepada BPJS Ketenagakerjaan.", "bab-2"),
        Part("pasal-2-ayat-1", "ayat", "ayat (1)",
             "(1) Pemerintah Daerah membayar iuran Jaminan Kecelakaan Kerja.", parent="pasal-2"),
        Part("pasal-2-ayat-2", "ayat", "ayat (2)",
             "(2) Iuran dibayar setiap bulan kepada BPJS Ketenagakerjaan.", parent="pasal-2"),
        _pasal(3, "Pasal 3\nPekerja rentan meliputi pedagang kecil, buruh harian, petani "
                  "dan nelayan.", "bab-2"),
    )
    refs = (
        Reference("Undang-Undang Nomor 24 Tahun 2011 tentang BPJS", "mengingat",
                  target_id="uu-2011-24", doc_type="UU", number="24", year=2011),
        Reference("Peraturan Pemerintah Nomor 44 Tahun 2015", "mengingat",
                  target_id="pp-2015-44", doc_type="PP", number="44", year=2015),
    )
    return Document(
        id="perbup-gianyar-2025-35", url="https://jdih.example.test/perbup-35-2025",
        kind="regulation", doc_type="Perbup", number="35", year=2025,
        title="Peraturan Bupati Gianyar Nomor 35 Tahun 2025 tentang Tata Cara Pemberian "
              "Program Jaminan Sosial Ketenagakerjaan bagi Pekerja Rentan",
        about="Tata Cara Pemberian Program Jaminan Sosial Ketenagakerjaan bagi Pekerja Rentan",
        region="Kabupaten Gianyar", enacted_on=dt.date(2025, 6, 30), status="Berlaku",
        text="\n".join(p.text for p in parts), parts=parts, references=refs, source="demo",
        fetched_at=FETCHED, sha256="a" * 64, archive_ref="demo.warc.gz#0",
        pdf_url="https://jdih.example.test/perbup-35-2025.pdf",
    )


def uu_bpjs() -> Document:
    """Return a national law that the Perbup cites."""
    parts = (_pasal(1, "Pasal 1\nBadan Penyelenggara Jaminan Sosial adalah badan hukum.", ""),)
    return Document(
        id="uu-2011-24", url="https://peraturan.example.test/uu-24-2011", kind="regulation",
        doc_type="UU", number="24", year=2011, title="Undang-Undang Nomor 24 Tahun 2011 tentang "
        "Badan Penyelenggara Jaminan Sosial", about="Badan Penyelenggara Jaminan Sosial",
        enacted_on=dt.date(2011, 11, 25), status="Berlaku", text=parts[0].text, parts=parts,
        source="demo", fetched_at=FETCHED, sha256="b" * 64,
    )


def news_item(n: int, title: str, body: str, refs: tuple[Reference, ...] = ()) -> Document:
    """Return a news article about Gianyar's coverage."""
    return Document(
        id=f"berita-news-example-test-{n:012d}", url=f"https://news.example.test/{n}",
        kind="news", doc_type="Berita", title=title, text=body, site_name="Berita Contoh",
        published_at=dt.datetime(2025, 10, n % 28 + 1, 10, 15), references=refs, source="demo",
        fetched_at=FETCHED, sha256="c" * 64,
    )


def hostile_page() -> Document:
    """Return a crawled page whose title and body carry script and onerror payloads."""
    return Document(
        id="perbup-contoh-2024-9", url="https://jdih.example.test/contoh-9", kind="regulation",
        doc_type="Perbup", number="9", year=2024, region="Kabupaten Contoh",
        title=f"Peraturan Bupati Contoh jaminan sosial {HOSTILE}",
        about=f"jaminan sosial {HOSTILE}",
        text=f"Pekerja rentan {HOSTILE} mendapat jaminan sosial.",
        parts=(_pasal(1, f"Pasal 1\nPekerja rentan {HOSTILE} dilindungi.", ""),),
        source="demo", fetched_at=FETCHED, sha256="d" * 64,
    )


def amendment() -> Document:
    """Return a (fictional) regulation that amends the hostile one and cites the UU."""
    refs = (
        Reference("Peraturan Bupati Contoh Nomor 9 Tahun 2024", "mengubah",
                  target_id="perbup-contoh-2024-9"),
        Reference("Peraturan Bupati Contoh Nomor 9 Tahun 2024", "mengingat",
                  target_id="perbup-contoh-2024-9"),
        Reference("Undang-Undang Nomor 24 Tahun 2011", "mengingat", target_id="uu-2011-24"),
    )
    return Document(
        id="perbup-contoh-2025-10", url="https://jdih.example.test/contoh-10", kind="regulation",
        doc_type="Perbup", number="10", year=2025, region="Kabupaten Contoh",
        title="Perubahan atas Peraturan Bupati Contoh Nomor 9 Tahun 2024",
        text="Peraturan Bupati Contoh Nomor 9 Tahun 2024 diubah sebagai berikut.",
        references=refs, source="demo", fetched_at=FETCHED, sha256="f" * 64,
    )


def corpus_documents() -> list[Document]:
    """Return the small corpus every web test searches."""
    mention = Reference("Perbup Gianyar 35/2025", "menyebut", target_id="perbup-gianyar-2025-35",
                        doc_type="Perbup", number="35", year=2025, region="Kabupaten Gianyar")
    docs = [perbup_gianyar(), uu_bpjs(), hostile_page(), amendment()]
    docs.append(news_item(1, "Gianyar lindungi pekerja rentan lewat BPJS Ketenagakerjaan",
                          "Pemkab Gianyar menyosialisasikan Perbup 35 Tahun 2025 tentang pekerja "
                          "rentan yang iurannya dibayar daerah.", (mention,)))
    for n in range(2, 16):
        docs.append(news_item(n, f"Kabar jaminan sosial nomor {n}",
                              f"Cakupan BPJS Ketenagakerjaan di Bali naik, laporan {n}."))
    return docs


def build_data_dir(root: Path, documents: list[Document]) -> Path:
    """Store documents and index them under `root`, as the CLI's pipeline does."""
    from index import build_index

    with DocumentStore(root / "documents") as store:
        store.put_many(documents)
        seq = store.last_seq()
    build_index(root / "index", documents, store_seq=seq)
    return root


@pytest.fixture(scope="session")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return a data dir with the test corpus stored and indexed (built once per session)."""
    return build_data_dir(tmp_path_factory.mktemp("web-data"), corpus_documents())


@pytest.fixture
def app(data_dir: Path, tmp_path: Path) -> Iterator[Flask]:
    """Return an app over the shared data dir, with baskets kept per test."""
    application = create_app({"DATA_DIR": data_dir, "TESTING": True, "SECRET_KEY": "test-key",
                              "EXPECTED_INSTRUMENTS": tmp_path / "absent.toml"})
    yield application


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    """Return a test client of the app."""
    return app.test_client()


@pytest.fixture(scope="session")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Serve the demo corpus (plus one hostile page) on loopback for the browser tests."""
    from tests.web.browser_support import serve_demo

    yield from serve_demo(tmp_path_factory.mktemp("browser-demo"))


@pytest.fixture(scope="session")
def browser(base_url: str) -> Iterator[object]:
    """Launch one headless Chromium for every browser test."""
    from tests.web.browser_support import launch_chromium

    yield from launch_chromium()


@pytest.fixture
def watched(browser: object) -> Iterator[object]:
    """Return a fresh page that fails the test on console errors or dialogs."""
    from tests.web.browser_support import watched_page

    yield from watched_page(browser)
