"""Circulars (Surat Edaran): no Pasal and no diktum, yet a regulation with citable points.

A circular is a letter: the sender's heading above, the place and date, the addressees, then
"SURAT EDARAN NOMOR ... TENTANG ..." and numbered points. The texts here are written for the
test (a fictional regency).
"""

from __future__ import annotations

import datetime as dt

from corpus.doctypes import normalize_doc_type
from crawler.extract import extract
from crawler.extract.records import regulation_from_fields
from crawler.extract.regulation import parse_regulation

CIRCULAR = """BUPATI WANASARI
PROVINSI JAWA TENGAH

Wanasari, 3 Februari 2025

Yth.
1. Kepala Perangkat Daerah;
2. Camat se-Kabupaten Wanasari;
3. Kepala Desa se-Kabupaten Wanasari
di -
Tempat

SURAT EDARAN
NOMOR 500.15/214/Disnaker
TENTANG
PERCEPATAN KEPESERTAAN JAMINAN SOSIAL KETENAGAKERJAAN

1. Latar Belakang
Cakupan kepesertaan pekerja rentan di Kabupaten Wanasari masih rendah.
2. Dasar
Undang-Undang Nomor 24 Tahun 2011 tentang Badan Penyelenggara Jaminan Sosial;
Instruksi Presiden Nomor 2 Tahun 2021 tentang Optimalisasi Pelaksanaan Program Jaminan
Sosial Ketenagakerjaan.
3. Isi Edaran
Diminta kepada Saudara untuk:
a. mendaftarkan seluruh pegawai non-ASN;
b. melaporkan hasilnya setiap tiga bulan:
1) jumlah peserta baru;
2) jumlah iuran yang dibayar.
Demikian Surat Edaran ini untuk dilaksanakan.

BUPATI WANASARI,
ttd
I MADE SUDARSA
"""


def test_a_circular_is_a_regulation_whose_points_are_its_units() -> None:
    parsed = parse_regulation(CIRCULAR)
    assert parsed.is_regulation
    assert (parsed.doc_type, parsed.number, parsed.issuer) == (
        "SE", "500.15/214/Disnaker", "Bupati Wanasari")
    # the addressees' numbers are a list; the points start after the heading
    assert [p.anchor for p in parsed.parts] == ["angka-1", "angka-2", "angka-3"]
    assert parsed.part_text("angka-1") == (
        "Latar Belakang\nCakupan kepesertaan pekerja rentan di Kabupaten Wanasari masih rendah.")
    # "1)" and "2)" inside point 3 are out of sequence: a list of the point, not points
    assert "2) jumlah iuran yang dibayar." in (parsed.part_text("angka-3") or "")
    assert {r.target_id for r in parsed.references} >= {"uu-2011-24", "inpres-2021-2"}


def test_a_circulars_date_gives_its_year_and_its_id_is_its_jdih_records() -> None:
    parsed = parse_regulation(CIRCULAR)
    assert (parsed.enacted_at_place, parsed.enacted_on) == ("Wanasari", dt.date(2025, 2, 3))
    assert parsed.year == 2025
    # a JDIH detail page of the same circular (its PDF's text parsed above) is one document
    record = regulation_from_fields(
        {"doc_type": "Surat Edaran Bupati Wanasari", "number": "500.15/214/Disnaker",
         "year": "2025", "about": "Percepatan Kepesertaan Jaminan Sosial Ketenagakerjaan"},
        "https://jdih.wanasarikab.go.id/dokumen/214", "detail",
        {"region": "Kabupaten Wanasari"})
    assert record is not None
    assert parsed.id == record.id == "se-bupati-wanasari-2025-500-15-214-disnaker"
    # the sender's regency is the circular's region (the regency facet finds it)
    assert parsed.region == record.region == "Kabupaten Wanasari"
    # a record naming the sender only by its T.E.U. author heading is the same circular
    by_author = regulation_from_fields(
        {"doc_type": "Surat Edaran", "number": "500.15/214/Disnaker", "year": "2025",
         "teu": "Wanasari (Kabupaten)"}, "https://jdih.wanasarikab.go.id/api#214", "feed")
    assert by_author is not None and by_author.id == parsed.id
    assert (by_author.issuer, by_author.region) == ("Bupati Wanasari", "Kabupaten Wanasari")
    assert parsed.title == ("Surat Edaran Bupati Wanasari Nomor 500.15/214/Disnaker tentang "
                            "Percepatan Kepesertaan Jaminan Sosial Ketenagakerjaan")


def test_a_circular_published_as_a_web_page_is_a_regulation_document() -> None:
    paragraphs = "".join(f"<p>{line}</p>" for line in CIRCULAR.splitlines() if line.strip())
    body = (f"<html><head><title>Surat Edaran Bupati</title></head><body><nav><a href='/'>"
            f"Beranda</a></nav><div class='content'>{paragraphs}</div></body></html>").encode()
    doc = extract(body, "https://wanasarikab.go.id/content/surat-edaran-percepatan")
    assert doc is not None and doc.kind == "regulation"
    assert doc.id == "se-bupati-wanasari-2025-500-15-214-disnaker" and doc.year == 2025
    assert [p.label for p in doc.parts] == ["Angka 1", "Angka 2", "Angka 3"]


def test_a_type_named_with_its_issuer_is_that_type() -> None:
    assert normalize_doc_type("Surat Edaran Bupati") == "SE"
    assert normalize_doc_type("Surat Edaran Menteri Dalam Negeri") == "SE"
    assert normalize_doc_type("Peraturan Menteri Ketenagakerjaan") == "Permen"
    assert normalize_doc_type("Undang-Undang Dasar Negara Republik Indonesia") == "UUD"
    assert normalize_doc_type("Peraturan Bupati Nomor 12") is None  # a citation, not a type
    assert normalize_doc_type("Berita Acara") is None


def test_the_closing_formula_and_signature_are_not_part_of_the_last_point() -> None:
    last = parse_regulation(CIRCULAR).part_text("angka-3") or ""
    assert last.endswith("2) jumlah iuran yang dibayar.")


def test_a_short_type_code_is_a_whole_word_not_the_start_of_a_region() -> None:
    text = CIRCULAR.replace("BUPATI WANASARI\nPROVINSI", "BUPATI SEMBULAN\nPROVINSI").replace(
        "SURAT EDARAN\nNOMOR 500.15/214/Disnaker",
        "PERATURAN BUPATI SEMBULAN\nNOMOR 41 TAHUN 2025")
    parsed = parse_regulation(text)
    assert (parsed.doc_type, parsed.region, parsed.number, parsed.year) == (
        "Perbup", "Kabupaten Sembulan", "41", 2025)


def test_a_one_word_code_is_not_the_start_of_a_longer_word() -> None:
    text = ("PERATURAN MENTERI PERDAGANGAN REPUBLIK INDONESIA\nNOMOR 5 TAHUN 2021\nTENTANG "
            "KETENTUAN EKSPOR\n\nPasal 1\nIsi.\n\nPasal 2\nIsi.\n")
    parsed = parse_regulation(text)
    assert (parsed.doc_type, parsed.issuer) == ("Permen", "Menteri Perdagangan")


def test_two_regencies_circulars_from_a_regional_office_are_two_documents() -> None:
    # "Surat Edaran Sekretaris Daerah" Nomor 800/41 of 2024 exists in many regencies: each
    # portal's record is its own circular, not one document the other overwrites
    def record(region: str, fields: dict[str, str]):  # type: ignore[no-untyped-def]
        return regulation_from_fields(
            {"doc_type": "Surat Edaran Sekretaris Daerah", "number": "800/41/BKPSDM",
             "year": "2024", "about": "Pendaftaran Pegawai Non-ASN", **fields},
            f"https://jdih.{region.split()[-1].lower()}kab.go.id/dokumen/41", "detail",
            {"region": region})

    wanasari = record("Kabupaten Wanasari", {})
    tirtapura = record("Kabupaten Tirtapura", {})
    assert wanasari is not None and tirtapura is not None
    assert wanasari.id == "se-sekretaris-daerah-kab-wanasari-2024-800-41-bkpsdm"
    assert tirtapura.id == "se-sekretaris-daerah-kab-tirtapura-2024-800-41-bkpsdm"
    # a T.E.U. field naming the regency gives the same id as the portal's region
    by_teu = record("Kabupaten Wanasari", {"teu": "Wanasari (Kabupaten)"})
    assert by_teu is not None and by_teu.id == wanasari.id
    # a national agency's circular mirrored on a regency's portal stays national
    mirrored = regulation_from_fields(
        {"doc_type": "Surat Edaran Kepala Badan Kepegawaian Negara", "number": "2",
         "year": "2024", "about": "Pendataan Tenaga Non-ASN"},
        "https://jdih.wanasarikab.go.id/dokumen/90", "detail", {"region": "Kabupaten Wanasari"})
    assert mirrored is not None and mirrored.id == "se-kepala-badan-kepegawaian-negara-2024-2"
