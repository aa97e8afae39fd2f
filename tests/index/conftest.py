"""A small hand-made corpus and a built index for the index tests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from corpus.model import Document, Part, Reference
from index import SearchIndex, build_index, open_index


def _regulation(doc_id: str, doc_type: str, number: str, year: int, about: str,
                pasal: list[str], region: str | None = None, status: str = "Berlaku",
                refs: tuple[str, ...] = ()) -> Document:
    names = {"Perbup": "Peraturan Bupati", "UU": "Undang-Undang", "PP": "Peraturan Pemerintah",
             "Perda": "Peraturan Daerah"}
    place = f" {region.split()[-1]}" if region else ""
    title = f"{names[doc_type]}{place} Nomor {number} Tahun {year} tentang {about}"
    parts = tuple(Part(f"pasal-{i}", "pasal", f"Pasal {i}", f"Pasal {i}\n{body}")
                  for i, body in enumerate(pasal, start=1))
    return Document(
        id=doc_id, url=f"https://jdih.example/{doc_id}", kind="regulation", title=title,
        text="\n".join(p.text for p in parts), doc_type=doc_type, number=number, year=year,
        about=about, region=region, status=status, source="jdih", parts=parts,
        enacted_on=dt.date(year, 6, 1),
        references=tuple(Reference(text=r, relation="mengingat", target_id=r) for r in refs),
    )


def make_corpus() -> list[Document]:
    """Return the test corpus: national rules, two regencies' Perbup, news."""
    return [
        _regulation("uu-2004-40", "UU", "40", 2004, "Sistem Jaminan Sosial Nasional", [
            "Dalam Undang-Undang ini yang dimaksud dengan jaminan sosial adalah perlindungan.",
            "Setiap peserta berhak atas manfaat jaminan sosial.",
            "Penerima bantuan iuran adalah fakir miskin dan orang tidak mampu.",
        ]),
        _regulation("uu-2011-24", "UU", "24", 2011, "Badan Penyelenggara Jaminan Sosial", [
            "BPJS Ketenagakerjaan menyelenggarakan program jaminan kecelakaan kerja, jaminan "
            "hari tua, jaminan pensiun, dan jaminan kematian.",
            "Pemberi kerja wajib mendaftarkan pekerjanya sebagai peserta.",
        ], refs=("uu-2004-40",)),
        _regulation("pp-2015-44", "PP", "44", 2015,
                    "Penyelenggaraan Program Jaminan Kecelakaan Kerja dan Jaminan Kematian", [
            "Jaminan Kecelakaan Kerja yang selanjutnya disingkat JKK adalah manfaat uang tunai.",
            "Iuran JKK dibayar oleh pemberi kerja.",
            "Peraturan ini mulai berlaku pada tanggal diundangkan.",
        ], refs=("uu-2004-40", "uu-2011-24")),
        _regulation("perbup-gianyar-2018-55", "Perbup", "55", 2018,
                    "Perlindungan Jaminan Sosial Ketenagakerjaan bagi Pekerja Rentan", [
            "Dalam Peraturan Bupati ini yang dimaksud dengan Daerah adalah Kabupaten Gianyar.",
            "Pemerintah Daerah membayar iuran bagi pekerja rentan <script>alert(1)</script>.",
            "Kepesertaan pekerja rentan didaftarkan oleh perangkat daerah.",
            "Iuran dibebankan pada anggaran pendapatan dan belanja daerah.",
        ], region="Kabupaten Gianyar", refs=("uu-2004-40", "pp-2015-44")),
        _regulation("perbup-badung-2018-55", "Perbup", "55", 2018,
                    "Penyelenggaraan Jaminan Sosial Ketenagakerjaan bagi Pekerja Rentan", [
            "Pekerja rentan di Kabupaten Badung dilindungi program jaminan sosial.",
            "Pemerintah Daerah menanggung iuran jaminan kecelakaan kerja dan jaminan kematian.",
        ], region="Kabupaten Badung", refs=("uu-2004-40",)),
        _regulation("perbup-gianyar-2020-12", "Perbup", "12", 2020,
                    "Tenaga Harian Lepas di Lingkungan Pemerintah Daerah", [
            "Tenaga harian lepas diikutsertakan dalam program jaminan kecelakaan kerja.",
        ], region="Kabupaten Gianyar", status="Dicabut"),
        Document(
            id="berita-warta-1", url="https://warta.example/1", kind="news", doc_type="Berita",
            title="Gianyar raih Paritrana Award berkat perlindungan pekerja rentan",
            text="Pemerintah Kabupaten Gianyar melindungi ribuan pekerja rentan melalui Perbup "
                 "55/2018. Dewan juri Paritrana menilai kepesertaan BPJAMSOSTEK meningkat.",
            published_at=dt.datetime(2024, 2, 19, 10, 15), source="warta",
            references=(Reference("Perbup 55/2018", target_id="perbup-gianyar-2018-55"),),
        ),
        Document(
            id="berita-warta-2", url="https://warta.example/2", kind="news", doc_type="Berita",
            title="Pekerja rentan Gianyar terlindungi jaminan sosial",
            text="Iuran pekerja rentan dibayar dari APBD. Jamsostek untuk petani dan nelayan.",
            published_at=dt.datetime(2024, 11, 24, 9, 0), source="warta",
            references=(Reference("Perbup 55/2018", target_id="perbup-gianyar-2018-55"),),
        ),
    ]


@pytest.fixture(scope="session")
def corpus_docs() -> list[Document]:
    """Return the hand-made test corpus."""
    return make_corpus()


@pytest.fixture(scope="session")
def built_index(tmp_path_factory: pytest.TempPathFactory, corpus_docs: list[Document]) -> Path:
    """Build the test corpus once; tests must not write to it."""
    index_dir = tmp_path_factory.mktemp("index")
    build_index(index_dir, corpus_docs, store_seq=7)
    return index_dir


@pytest.fixture(scope="session")
def search_index(built_index: Path) -> Iterator[SearchIndex]:
    """Open the shared test index."""
    ix = open_index(built_index)
    yield ix
    ix.close()


@pytest.fixture()
def fresh_index(tmp_path: Path, corpus_docs: list[Document]) -> Path:
    """Build a private copy of the test index that a test may change."""
    index_dir = tmp_path / "index"
    build_index(index_dir, corpus_docs, store_seq=1)
    return index_dir
