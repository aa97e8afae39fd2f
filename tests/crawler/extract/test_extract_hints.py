"""Per-site hints from sources.toml refine extraction; they are never required."""

from __future__ import annotations

from crawler.extract import extract

PAGE = b"""<html><head><meta charset="utf-8"><title>Warta Desa</title></head><body>
<div class="kolom-kiri"><p>Pengumuman pasar desa: harga sayur naik, pedagang diminta tertib,
dan jam buka pasar tetap dari pagi sampai siang hari setiap Senin dan Kamis.</p>
<p>Pengumuman kedua: kerja bakti membersihkan saluran air dilakukan hari Minggu pagi.</p></div>
<div class="isi-berita"><p>Pemerintah desa mendaftarkan 120 petani sebagai peserta jaminan sosial
ketenagakerjaan bukan penerima upah, dengan iuran yang dibayar dari dana desa tahun ini.</p>
<p class="promo">Ikuti kanal kami untuk kabar terbaru setiap hari.</p>
<p>Kepala desa menyebut Perbup No. 35 Tahun 2025 sebagai dasar pemberian bantuan iuran.</p>
<p>Pendaftaran berikutnya dibuka bulan depan bagi nelayan, buruh tani dan pedagang kecil yang
belum terdaftar, dengan membawa kartu tanda penduduk ke kantor desa.</p></div>
</body></html>"""
URL = "https://desa.contoh.example/kabar/petani-terdaftar"


def test_content_selector_and_drop_selectors_pick_the_article() -> None:
    hints = {"content_selector": ".isi-berita", "drop_selectors": [".promo"],
             "region": "Kabupaten Gianyar"}
    doc = extract(PAGE, URL, "text/html", hints=hints)
    assert doc is not None
    assert "120 petani" in doc.text and "Perbup No. 35" in doc.text
    assert "Pengumuman pasar" not in doc.text and "Ikuti kanal" not in doc.text
    assert [r.target_id for r in doc.references] == ["perbup-gianyar-2025-35"]


def test_without_hints_the_page_still_extracts() -> None:
    doc = extract(PAGE, URL, "text/html")
    assert doc is not None and "120 petani" in doc.text


def test_malformed_hints_are_ignored() -> None:
    hints = {"content_selector": "div[[[", "drop_selectors": ["::nope", 42], "region": None}
    doc = extract(PAGE, URL, "text/html", hints=hints)
    assert doc is not None and "120 petani" in doc.text
