"""Tables for Indonesian dates, citation spellings, OCR number repair and relation phrases."""

from __future__ import annotations

import datetime as dt

import pytest

from crawler.extract import find_citations, fix_ocr_digits, parse_date_id

WIB, WITA, WIT = (dt.timezone(dt.timedelta(hours=h)) for h in (7, 8, 9))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Minggu, 24 November 2024", dt.date(2024, 11, 24)),
        ("24/11/2024 10:15 WITA", dt.datetime(2024, 11, 24, 10, 15, tzinfo=WITA)),
        ("24 Nov 2024", dt.date(2024, 11, 24)),
        ("2024-11-24T10:15:00+08:00", dt.datetime(2024, 11, 24, 10, 15, tzinfo=WITA)),
        ("2024-11-24T02:15:00Z", dt.datetime(2024, 11, 24, 2, 15, tzinfo=dt.UTC)),
        ("24 Nopember 2024", dt.date(2024, 11, 24)),
        ("5 Agt 2023", dt.date(2023, 8, 5)),
        ("5 Ags 2023 14:30 WIB", dt.datetime(2023, 8, 5, 14, 30, tzinfo=WIB)),
        ("17 Agustus 1945", dt.date(1945, 8, 17)),
        ("Selasa, 24 Nov 2024 | 10:15 WIB", dt.datetime(2024, 11, 24, 10, 15, tzinfo=WIB)),
        ("Kamis, 1 April 2021 - 08:15 WITA", dt.datetime(2021, 4, 1, 8, 15, tzinfo=WITA)),
        ("24-11-2024 pukul 10.15 WIT", dt.datetime(2024, 11, 24, 10, 15, tzinfo=WIT)),
        ("Diperbarui 3 Pebruari 2020 09:00", dt.datetime(2020, 2, 3, 9, 0)),
        ("Nov 24, 2019", dt.date(2019, 11, 24)),
        ("2025/11/13 10:47:12", dt.datetime(2025, 11, 13, 10, 47, 12)),  # portals' meta tags
        ("2025/11-13", None),
        ("16 Januari 2023", dt.date(2023, 1, 16)),
        ("1 Des 2022", dt.date(2022, 12, 1)),
        ("30 November -0001", None),
        ("31 Februari 2024", None),
        ("", None),
        ("tanpa tanggal", None),
        ("99/99/9999", None),
    ],
)
def test_parse_date_id(text: str, expected: dt.date | None) -> None:
    assert parse_date_id(text) == expected


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Peraturan Bupati Gianyar Nomor 55 Tahun 2018", "perbup-gianyar-2018-55"),
        ("Perbup Gianyar No. 55 Th. 2018", "perbup-gianyar-2018-55"),
        ("PERATURAN BUPATI GIANYAR NOMOR 55 TAHUN 2018", "perbup-gianyar-2018-55"),
        ("UU 23/2014", "uu-2014-23"),
        ("UU No. 24 Tahun 2011", "uu-2011-24"),
        ("PP No.60 Tahun 2015", "pp-2015-60"),
        ("Undang-Undang Nomor 40 Tahun 2004 tentang Sistem Jaminan Sosial Nasional",
         "uu-2004-40"),
        ("Undang-undang Nomor 13 Tahun 2003", "uu-2003-13"),
        ("Permenaker 1/2016", "permenaker-2016-1"),
        ("Peraturan Menteri Ketenagakerjaan Nomor 1 Tahun 2016", "permenaker-2016-1"),
        ("Peraturan Menteri Dalam Negeri Nomor 27 Tahun 2021", "permendagri-2021-27"),
        ("SE Mendagri 842.2/5193/SJ", "se-mendagri-842-2-5193-sj"),
        ("Surat Edaran Menteri Dalam Negeri Nomor 842.2/5193/SJ Tahun 2021",
         "se-mendagri-2021-842-2-5193-sj"),
        ("Keputusan Bupati Gianyar Nomor 336/E-01/HK/2018", "kepbup-gianyar-2018-336-e-01-hk-2018"),
        ("Peraturan Daerah Provinsi Bali Nomor 10 Tahun 2019", "perda-prov-bali-2019-10"),
        ("Perda Bali 10/2019", "perda-prov-bali-2019-10"),
        ("Peraturan Daerah Kabupaten Jembrana Nomor 7 Tahun 2006", "perda-kab-jembrana-2006-7"),
        ("Peraturan Gubernur Bali Nomor 19 Tahun 2017", "pergub-bali-2017-19"),
        ("Peraturan Wali Kota Tangerang Nomor 17 Tahun 2017", "perwali-tangerang-2017-17"),
        ("Instruksi Presiden Nomor 2 Tahun 2021", "inpres-2021-2"),
        ("Inpres No. 8 Tahun 2025", "inpres-2025-8"),
        ("Peraturan Pemerintah Pengganti Undang-Undang Nomor 2 Tahun 2022", "perppu-2022-2"),
        ("Peraturan Presiden Nomor 104 Tahun 2021", "perpres-2021-104"),
    ],
)
def test_every_spelling_resolves_to_one_id(text: str, target: str) -> None:
    refs = find_citations(f"Sesuai {text}, pemerintah bertindak.")
    assert [r.target_id for r in refs] == [target]


def test_citation_keeps_number_as_string_and_the_about_text() -> None:
    (ref,) = find_citations(
        "berdasarkan Undang-Undang Nomor 40 Tahun 2004 tentang Sistem Jaminan Sosial Nasional "
        "(Lembaran Negara Republik Indonesia Tahun 2004 Nomor 150)"
    )
    assert ref.number == "40" and ref.year == 2004 and ref.doc_type == "UU"
    assert ref.about == "Sistem Jaminan Sosial Nasional"


def test_regional_rule_without_region_takes_the_default() -> None:
    (ref,) = find_citations("Peraturan Bupati Nomor 5 Tahun 2019",
                            default_region="Kabupaten Gianyar")
    assert ref.target_id == "perbup-gianyar-2019-5"


def test_prose_mentioning_pasal_is_not_a_citation() -> None:
    assert find_citations("sebagaimana dimaksud dalam Pasal 4 ayat (2) huruf a") == []
    assert find_citations("Nomor telepon 0361 dan tahun depan") == []


@pytest.mark.parametrize(
    ("token", "fixed"),
    [("2OI9", "2019"), ("2O22", "2022"), ("l998", "1998"), ("4O", "40"), ("5A", "5A"),
     ("HK", "HK"), ("2019", "2019"), ("I0", "10"), ("OO", "OO")],
)
def test_fix_ocr_digits(token: str, fixed: str) -> None:
    assert fix_ocr_digits(token) == fixed


def test_ocr_year_in_citation_is_repaired() -> None:
    (ref,) = find_citations("Peraturan Pemerintah Nomor 4 TAHUN 2OI9")
    assert ref.target_id == "pp-2019-4" and ref.year == 2019


@pytest.mark.parametrize(
    ("text", "target", "relation"),
    [
        ("Perubahan atas Peraturan Pemerintah Nomor 44 Tahun 2015 tentang JKK",
         "pp-2015-44", "mengubah"),
        ("Peraturan ini mengubah Peraturan Bupati Gianyar Nomor 55 Tahun 2018",
         "perbup-gianyar-2018-55", "mengubah"),
        ("Perubahan Kedua atas Undang-Undang Nomor 13 Tahun 2003", "uu-2003-13", "mengubah"),
        ("Peraturan ini mencabut Peraturan Bupati Gianyar Nomor 7 Tahun 2010",
         "perbup-gianyar-2010-7", "mencabut"),
        ("Pencabutan Peraturan Daerah Provinsi Bali Nomor 3 Tahun 2008", "perda-prov-bali-2008-3",
         "mencabut"),
        ("Peraturan Bupati Gianyar Nomor 7 Tahun 2010 dicabut dan dinyatakan tidak berlaku.",
         "perbup-gianyar-2010-7", "mencabut"),
        ("UU 24/2011 sebagaimana telah diubah dengan Undang-Undang Nomor 6 Tahun 2023",
         "uu-2023-6", "diubah_dengan"),
        ("sebagaimana telah beberapa kali diubah terakhir dengan Undang-Undang Nomor 9 Tahun 2015",
         "uu-2015-9", "diubah_dengan"),
        ("untuk melaksanakan ketentuan Pasal 5 ayat (2) Peraturan Pemerintah Nomor 44 Tahun 2015",
         "pp-2015-44", "melaksanakan"),
        ("dicabut dengan Peraturan Pemerintah Nomor 69 Tahun 2008", "pp-2008-69",
         "dicabut_dengan"),
        ("Bupati menyebut Perbup Gianyar No. 35 Tahun 2025 dalam sambutannya",
         "perbup-gianyar-2025-35", "menyebut"),
    ],
)
def test_relation_phrases(text: str, target: str, relation: str) -> None:
    refs = {r.target_id: r.relation for r in find_citations(text)}
    assert refs[target] == relation


def test_a_title_in_capitals_is_cited_in_title_case_with_its_acronyms() -> None:
    from crawler.extract.citations import title_case
    body = ("Pekerja rentan didaftarkan ke BPJS Ketenagakerjaan dan iurannya dibayar dari APBD. "
            "Percepatan kepesertaan dilakukan oleh PT Bank Pembangunan Daerah. TARIF IURAN\n"
            "a. tarif pekerja rentan")
    title = "PERCEPATAN KEPESERTAAN BPJS KETENAGAKERJAAN BAGI PEKERJA YANG DIBIAYAI APBD TAHAP II"
    assert title_case(title, body) == (
        "Percepatan Kepesertaan BPJS Ketenagakerjaan bagi Pekerja yang Dibiayai APBD Tahap II")
    # a table heading in capitals beside lower-case rows is no evidence of an acronym; a word
    # without a vowel is one; hyphenated words are cased part by part; a mixed title stays
    assert title_case("TARIF IURAN DAN PERUBAHAN ATAS UNDANG-UNDANG", body) == (
        "Tarif Iuran dan Perubahan atas Undang-Undang")
    assert title_case("PENDIRIAN PT (PERSERO) ANGKASA", "") == "Pendirian PT (Persero) Angkasa"
    assert title_case("Tata Cara Pemberian BPJS", body) == "Tata Cara Pemberian BPJS"
    assert title_case(None) is None


@pytest.mark.parametrize(("text", "target"), [
    ("Peraturan Bupati (Perbup) Gianyar Nomor 35 Tahun 2025", "perbup-gianyar-2025-35"),
    ("Peraturan Daerah (PERDA) Kabupaten Gianyar Nomor 5 Tahun 2020", "perda-kab-gianyar-2020-5"),
    ("Peraturan Pemerintah (PP) Nomor 44 Tahun 2015", "pp-2015-44"),
    ("Peraturan Menteri Ketenagakerjaan (Permenaker) Nomor 5 Tahun 2021", "permenaker-2021-5"),
    ("Surat Edaran (SE) Bupati Gianyar Nomor 500/12/Disnaker", "se-bupati-gianyar-500-12-disnaker"),
])
def test_a_bracketed_short_form_after_the_type_name_is_part_of_the_citation(
        text: str, target: str) -> None:
    # news writes the short form in brackets after the full name; the citation is one
    refs = find_citations(f"Pemkab menerbitkan {text} tentang perlindungan pekerja.")
    assert [r.target_id for r in refs] == [target]


def test_a_full_type_name_after_a_short_one_starts_the_citation_again() -> None:
    # unbracketed, the later type is the citation ("Perbup" is a label before it)
    assert [r.target_id for r in find_citations(
        "Perbup Peraturan Bupati Contoh Nomor 5 Tahun 2020")] == ["perbup-contoh-2020-5"]


def test_a_circular_of_a_regional_office_cited_without_its_region_is_the_citing_regions() -> None:
    # in a Gianyar document, "Surat Edaran Sekretaris Daerah" is Gianyar's Sekda's, as a bare
    # "Peraturan Bupati" is Gianyar's; a national agency's circular keeps no region
    text = ("Menindaklanjuti Surat Edaran Sekretaris Daerah Nomor 800/41/BKPSDM Tahun 2024, "
            "Surat Edaran Bupati Nomor 3 Tahun 2024 dan Surat Edaran Kepala Badan Kepegawaian "
            "Negara Nomor 2 Tahun 2024 tentang pendataan.")
    refs = find_citations(text, default_region="Kabupaten Gianyar")
    assert [(r.target_id, r.region) for r in refs] == [
        ("se-sekretaris-daerah-kab-gianyar-2024-800-41-bkpsdm", "Kabupaten Gianyar"),
        ("se-bupati-gianyar-2024-3", "Kabupaten Gianyar"),
        ("se-kepala-badan-kepegawaian-negara-2024-2", None),
    ]
