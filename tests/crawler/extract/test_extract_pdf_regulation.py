"""PDF text per page, reading order, running headers; the regulation parser under noise."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from crawler.extract import extract, extract_pdf, parse_regulation

REGULATION_PAGES = (
    "BUPATI CONTOH\nPERATURAN BUPATI CONTOH\nNOMOR 9 TAHUN 2021\nTENTANG\n"
    "PERLINDUNGAN PEKERJA RENTAN\nDENGAN RAHMAT TUHAN YANG MAHA ESA\nBUPATI CONTOH,\n"
    "Menimbang : a. bahwa pekerja rentan perlu dilindungi;\n"
    "Mengingat : 1. Undang-Undang Nomor 40 Tahun 2004 tentang Sistem Jaminan Sosial Nasional;\n"
    "2. Peraturan Pemerintah Nomor 44 Tahun 2015 tentang Penyelenggaraan Program JKK dan JKM;\n"
    "MEMUTUSKAN:\nMenetapkan : PERATURAN BUPATI TENTANG PERLINDUNGAN PEKERJA RENTAN.\n- 1 -",
    "SALINAN NASKAH\nBAB I\nKETENTUAN UMUM\nPasal 1\nDalam Peraturan Bupati ini yang dimaksud "
    "dengan Daerah adalah Kabupaten Contoh.\nPasal 2\n(1) Pekerja rentan didata setiap tahun.\n"
    "(2) Pendataan dilakukan oleh desa.\n- 2 -",
    "SALINAN NASKAH\nPasal 3\nIuran dibayar oleh Daerah.\nPasal 4\nPeraturan Bupati ini mulai "
    "berlaku pada tanggal diundangkan.\nDitetapkan di Kota Contoh\npada tanggal 2 Maret 2021\n"
    "BUPATI CONTOH,\n- 3 -",
)


def test_pdf_pages_keep_their_numbers(make_pdf: Callable[..., bytes], layout: Callable) -> None:
    result = extract_pdf(make_pdf(layout("halaman satu", "halaman dua", "halaman tiga")))
    assert result.error is None and not result.needs_ocr
    assert [(p.number, p.text) for p in result.pages] == [
        (1, "halaman satu"), (2, "halaman dua"), (3, "halaman tiga")]


def test_two_column_page_reads_left_column_first(make_pdf: Callable[..., bytes]) -> None:
    left = [(40, 700 - 14 * i, f"kiri baris {i}") for i in range(10)]
    right = [(330, 700 - 14 * i, f"kanan baris {i}") for i in range(10)]
    title = [(200, 750, "JUDUL HALAMAN")]
    (page,) = extract_pdf(make_pdf([title + right + left])).pages
    lines = page.text.split("\n")
    assert lines[0] == "JUDUL HALAMAN"
    assert lines[1:11] == [f"kiri baris {i}" for i in range(10)]
    assert lines[11:] == [f"kanan baris {i}" for i in range(10)]


def test_running_headers_and_page_numbers_are_removed(make_pdf: Callable[..., bytes],
                                                      layout: Callable) -> None:
    result = extract_pdf(make_pdf(layout(*REGULATION_PAGES)))
    text = result.text
    assert "SALINAN NASKAH" not in text and "- 2 -" not in text
    assert "Pasal 1" in text


def test_regulation_pdf_becomes_a_regulation_with_pages(make_pdf: Callable[..., bytes],
                                                        layout: Callable) -> None:
    url = "https://jdih.contoh.example/files/perbup-9-2021.pdf"
    doc = extract(make_pdf(layout(*REGULATION_PAGES)), url, "application/pdf")
    assert doc is not None
    assert (doc.kind, doc.id, doc.origin, doc.pdf_url) == (
        "regulation", "perbup-contoh-2021-9", "pdf", url)
    assert doc.enacted_on == dt.date(2021, 3, 2) and doc.enacted_at_place == "Kota Contoh"
    pages = {p.anchor: p.page for p in doc.parts}
    assert pages["pasal-1"] == 2 and pages["pasal-3"] == 3 and pages["menimbang"] == 1
    assert doc.part("pasal-2-ayat-2").text == "Pendataan dilakukan oleh desa."
    assert [r.target_id for r in doc.references if r.relation == "mengingat"] == [
        "uu-2004-40", "pp-2015-44"]
    assert len(doc.pages) == 3


@pytest.mark.parametrize(
    ("body", "anchors"),
    [
        ("Pasal 1\nSatu.\nPasal 2\nDua. Pasal 3 Tiga ayat. Pasal 4 (1) Empat.",
         ["pasal-1", "pasal-2", "pasal-3", "pasal-4"]),
        ("Pasal 1\nHak sebagaimana dimaksud dalam\nPasal 5\nayat (2) berlaku.\nPasal 2\nDua.",
         ["pasal-1", "pasal-2"]),
        ("Pasal 1\nSatu, lihat Pasal 2 ayat (1).\nPasal 2\nDua.", ["pasal-1", "pasal-2"]),
        ("Pasal 1\nSatu.\nPasal 1\nSatu lagi (judul berulang).\nPasal 2\nDua.",
         ["pasal-1", "pasal-2"]),
        ("Pasal 1\nSatu.\nPasal 40\nNomor yang melompat bukan pasal baru.\nPasal 2\nDua.",
         ["pasal-1", "pasal-2"]),
        ("Pasal 10\nSepuluh.\nPasal 10A\nSisipan.\nPasal 11\nSebelas.",
         ["pasal-10", "pasal-10a", "pasal-11"]),
        ("Pasal I\nKetentuan Pasal 4 diubah sehingga berbunyi:\nPasal 4\nBaru.\nPasal II\n"
         "Mulai berlaku.", ["pasal-i", "pasal-ii"]),
    ],
    ids=["run-together", "split-reference", "inline-reference", "repeated-heading",
         "jump", "inserted-article", "amending"],
)
def test_pasal_units_survive_noise(body: str, anchors: list[str]) -> None:
    text = "PERATURAN BUPATI CONTOH\nNOMOR 1 TAHUN 2020\nTENTANG\nUJI\nMEMUTUSKAN:\n" + body
    parsed = parse_regulation(text)
    assert [p.anchor for p in parsed.parts if p.kind == "pasal"] == anchors
    assert all(p.text for p in parsed.parts if p.kind == "pasal")


@pytest.mark.parametrize(
    ("heading", "doc_type", "number", "year", "region"),
    [
        ("PERATURAN BUPATI GIANYAR\nNOMOR 55 TAHUN 2018", "Perbup", "55", 2018,
         "Kabupaten Gianyar"),
        ("PERATURAN PEMERINTAH REPUBLIK INDONESIA\nNOMOR 44 TAHUN 2OI5", "PP", "44", 2015, None),
        ("UNDANG-UNDANG REPUBLIK INDONESIA UNDANG-UNDANG REPUBLIK INDONESIA NOMOR 4O TAHUN 2004",
         "UU", "40", 2004, None),
        ("KEPUTUSAN BUPATI GIANYAR\nNOMOR 336/E-01/HK/2018", "Kepbup", "336/E-01/HK/2018", 2018,
         "Kabupaten Gianyar"),
        ("PERATURAN DAERAH PROVINSI BALI\nNOMOR 10 TAHUN 2019", "Perda", "10", 2019,
         "Provinsi Bali"),
        ("PERATURAN GUBERNUR BALI\nNOMOR 19 TAHUN 2017", "Pergub", "19", 2017, "Provinsi Bali"),
    ],
)
def test_heading_identity_with_confidence(heading: str, doc_type: str, number: str, year: int,
                                          region: str | None) -> None:
    parsed = parse_regulation(heading + "\nTENTANG\nJAMINAN SOSIAL\nMenimbang : a. bahwa uji;")
    assert (parsed.doc_type, parsed.number, parsed.year, parsed.region) == (
        doc_type, number, year, region)
    assert parsed.about == "JAMINAN SOSIAL"
    assert 0.5 < parsed.confidence["doc_type"] <= 1.0
    assert 0.5 < parsed.confidence["year"] <= 1.0


def test_ocr_repair_lowers_the_confidence() -> None:
    clean = parse_regulation("PERATURAN PEMERINTAH\nNOMOR 4 TAHUN 2019\nTENTANG\nUJI\nMenimbang")
    noisy = parse_regulation("PERATURAN PEMERINTAH\nNOMOR 4 TAHUN 2OI9\nTENTANG\nUJI\nMenimbang")
    assert clean.year == noisy.year == 2019
    assert noisy.confidence["year"] < clean.confidence["year"]


def test_citation_in_a_sentence_is_not_the_heading() -> None:
    parsed = parse_regulation(
        "bahwa berdasarkan Peraturan Pemerintah Nomor 28 Tahun 2001 perlu menetapkan aturan;\n"
        "PENJELASAN ATAS PERATURAN PEMERINTAH REPUBLIK INDONESIA NOMOR 36 TAHUN 2003 TENTANG "
        "PENSIUN POKOK\nI. UMUM"
    )
    assert (parsed.doc_type, parsed.number, parsed.year) == ("PP", "36", 2003)


def test_penjelasan_and_lampiran_are_kept_apart() -> None:
    parsed = parse_regulation(
        "PERATURAN BUPATI CONTOH\nNOMOR 2 TAHUN 2020\nTENTANG\nUJI\nMEMUTUSKAN:\nPasal 1\nSatu.\n"
        "Pasal 2\nDua.\nPENJELASAN\nATAS PERATURAN BUPATI CONTOH NOMOR 2 TAHUN 2020\nPasal 1\n"
        "Cukup jelas.\nPasal 2\nCukup jelas.\nLAMPIRAN\nTabel tarif."
    )
    assert [p.anchor for p in parsed.parts] == ["pasal-1", "pasal-2", "penjelasan", "lampiran"]
    assert "Cukup jelas" in parsed.part_text("penjelasan")
    assert parsed.part_text("pasal-2") == "Dua."


_DECREE = ("KEPUTUSAN BUPATI CONTOH\nNOMOR 336/E-01/HK/2024\nTENTANG\nPEMBENTUKAN TIM KOORDINASI "
           "JAMINAN SOSIAL KETENAGAKERJAAN\nBUPATI CONTOH,\nMenimbang : a. bahwa perlu;\n"
           "MEMUTUSKAN:\nMenetapkan :\nKESATU : Membentuk Tim Koordinasi sebagaimana tercantum "
           "dalam Lampiran.\nKEDUA : Tim bertugas:\na. menyusun rencana;\nb. melaporkan.\n"
           "KETIGA\n: Segala biaya dibebankan pada APBD.\nKEEMPAT : Keputusan ini mulai berlaku "
           "pada tanggal ditetapkan.\nDitetapkan di Contoh\npada tanggal 5 Maret 2024\n"
           "BUPATI CONTOH,\n")


def test_decree_diktum_are_citable_units() -> None:
    parsed = parse_regulation(_DECREE)
    diktum = [p for p in parsed.parts if p.kind == "diktum"]
    assert [(p.anchor, p.label) for p in diktum] == [
        ("diktum-1", "Diktum KESATU"), ("diktum-2", "Diktum KEDUA"), ("diktum-3", "Diktum KETIGA"),
        ("diktum-4", "Diktum KEEMPAT")]
    assert diktum[1].text == "Tim bertugas:\na. menyusun rencana;\nb. melaporkan."
    assert diktum[2].text == "Segala biaya dibebankan pada APBD."  # the table's ":" dropped
    assert diktum[3].text == "Keputusan ini mulai berlaku pada tanggal ditetapkan."  # no signature
    assert parsed.number == "336/E-01/HK/2024" and parsed.enacted_at_place == "Contoh"


def test_diktum_words_out_of_order_or_after_pasal_are_text() -> None:
    skipped = parse_regulation(_DECREE.replace("KEDUA : Tim", "KELIMA : Tim"))
    assert [p.anchor for p in skipped.parts if p.kind == "diktum"] == ["diktum-1"]
    after_pasal = parse_regulation("PERATURAN BUPATI CONTOH NOMOR 1 TAHUN 2024 TENTANG X\n"
                                   "MEMUTUSKAN:\nPasal 1\nIsi.\nKESATU : bukan diktum.\nPasal 2\n"
                                   "Isi.")
    assert not [p for p in after_pasal.parts if p.kind == "diktum"]
    assert "KESATU : bukan diktum." in after_pasal.part_text("pasal-1")


def test_diktum_labels_read_the_ordinal_as_printed_or_split_by_ocr() -> None:
    parsed = parse_regulation(_DECREE.replace("KESATU :", "KE SATU :"))
    assert [p.label for p in parsed.parts if p.kind == "diktum"][:2] == ["Diktum KESATU",
                                                                          "Diktum KEDUA"]


@pytest.mark.timeout(30)  # a crash guard, not a speed target: backtracking here took minutes
def test_a_long_line_of_capitals_does_not_backtrack() -> None:
    # A text layer that lost its spaces: lines of capitals starting "KE", no diktum
    line = "KEPUTUSANMENTERIKEUANGANREPUBLIKINDONESIA" * 50 + ",dan"
    parsed = parse_regulation((line + "\n") * 20)
    assert not [p for p in parsed.parts if p.kind == "diktum"]


def _page(body: str, head: str = "") -> bytes:
    return (f"<html><head><title>Halaman</title>{head}</head><body><main><article>{body}"
            "</article></main></body></html>").encode()


def test_a_decree_page_in_html_is_a_regulation_read_diktum_by_diktum() -> None:
    paragraphs = "".join(f"<p>{line}</p>" for line in _DECREE.splitlines())
    doc = extract(_page(paragraphs), "https://jdih.contoh.example/teks/336", "text/html")
    assert doc is not None and doc.kind == "regulation" and doc.doc_type == "Kepbup"
    assert [p.anchor for p in doc.parts if p.kind == "diktum"] == [
        "diktum-1", "diktum-2", "diktum-3", "diktum-4"]


_ARTICLE_HEAD = ('<meta property="og:type" content="article">'
                 '<meta property="article:published_time" content="2024-03-06T09:00:00+08:00">')


@pytest.mark.parametrize("lead", [
    # a news article quoting a decree's diktum
    "Berdasarkan Keputusan Bupati Contoh Nomor 100/01/HK/2024 tentang Penetapan Desa Wisata, "
    "pemerintah kabupaten menetapkan beberapa hal sebagai berikut:",
    # an announcement citing one
    "PENGUMUMAN. Sesuai Keputusan Bupati Contoh Nomor 800/55/BKPSDM/2024 tentang Seleksi "
    "Perangkat Daerah, diumumkan hal-hal berikut:",
])
def test_a_page_quoting_diktum_without_a_decision_line_is_not_the_decree(lead: str) -> None:
    body = (f"<p>{lead}</p><p>KESATU : Desa Tegal ditetapkan sebagai desa wisata.</p>"
            "<p>KEDUA : Pengelolaan diserahkan kepada kelompok sadar wisata setempat.</p>"
            "<p>KETIGA : Pembinaan dilakukan oleh dinas pariwisata setiap tahun.</p>"
            "<p>Warga menyambut baik keputusan ini dan berharap kunjungan wisatawan meningkat "
            "sepanjang tahun sehingga ekonomi desa ikut tumbuh bersama usaha kecil.</p>")
    doc = extract(_page(body, _ARTICLE_HEAD), "https://warta.contoh.example/berita/2024/03/desa",
                  "text/html")
    assert doc is not None and doc.kind == "news"
    assert not [p for p in doc.parts if p.kind == "diktum"]
    assert any(r.doc_type == "Kepbup" for r in doc.references)  # still linked as a mention


def test_feed_records_with_a_bare_title_are_shown_as_the_full_citation() -> None:
    """Many feeds give "judul" without the citation; hits and pages must still name the rule."""
    import json

    from crawler.extract import extract_all

    records = [
        {"idData": "1", "jenis": "Peraturan Bupati", "singkatanJenis": "PERBUP",
         "noPeraturan": "35", "tahun_pengundangan": "2025", "teu": "Kabupaten Gianyar",
         "judul": "Tata Cara Pemberian Program Jaminan Sosial Ketenagakerjaan bagi Pekerja Rentan"},
        {"idData": "2", "jenis": "Peraturan Bupati", "singkatanJenis": "PERBUP",
         "noPeraturan": "5", "tahun_pengundangan": "2025", "teu": "Kabupaten Contoh",
         "judul": "Perubahan atas Peraturan Bupati Contoh Nomor 12 Tahun 2023 tentang "
                  "Perlindungan Pekerja Rentan"},
        {"idData": "3", "jenis": "Peraturan Bupati", "singkatanJenis": "PERBUP",
         "noPeraturan": "12", "tahun_pengundangan": "2023", "teu": "Kabupaten Contoh",
         "judul": "Peraturan Bupati Contoh Nomor 12 Tahun 2023 tentang Perlindungan Pekerja "
                  "Rentan"},
    ]
    bare, amending, full = extract_all(json.dumps(records).encode(),
                                       "https://jdih.example/feed.json", "application/json")
    assert bare.title == ("Peraturan Bupati Gianyar Nomor 35 Tahun 2025 tentang Tata Cara "
                          "Pemberian Program Jaminan Sosial Ketenagakerjaan bagi Pekerja Rentan")
    assert bare.about == records[0]["judul"]
    # the amended rule's own "tentang" is not this rule's tentang
    assert amending.about == records[1]["judul"]
    assert amending.title == "Peraturan Bupati Contoh Nomor 5 Tahun 2025 tentang " + (
        records[1]["judul"])
    assert [r.target_id for r in amending.references if r.relation == "mengubah"] == [
        "perbup-contoh-2023-12"]
    assert full.title == records[2]["judul"] and full.about == "Perlindungan Pekerja Rentan"
