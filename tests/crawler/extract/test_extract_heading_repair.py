"""OCR-damaged regulation headings, amended titles, years read against other witnesses."""

from __future__ import annotations

import pytest

from crawler.extract import parse_regulation
from crawler.extract.heading import penjelasan_identity, repair_heading, settle_year

_BODY = ("\nDENGAN RAHMAT TUHAN YANG MAHA ESA\nMenimbang : a. bahwa perlu;\nMengingat : 1. Pasal 5 "
         "ayat (2) Undang-Undang Dasar 1945;\nMEMUTUSKAN:\nMenetapkan : PERATURAN PEMERINTAH "
         "TENTANG {about}.\nPasal 1\nIsi pasal satu.\nPasal 2\nIsi pasal dua.\n")


@pytest.mark.parametrize("damaged, fixed", [
    ("PEMTURAN PEMERINTAH REPUBLIK INDONESIA NOMOR 62", "PERATURAN PEMERINTAH REPUBLIK"),
    ("PERATURAN PEMERINTAI{ REPUBLIK INDONESIA NOMOR 83", "PERATURAN PEMERINTAH REPUBLIK"),
    ("PERATURAN PEMEzuNTAH REPUBLIK INDONESIA NOMOR 45", "PERATURAN PEMERINTAH REPUBLIK"),
    ("PERATURAN PEMERI NTAH REPUBLIK INDONESIA NOMOR 60", "PERATURAN PEMERINTAH REPUBLIK"),
    ("PERATURANPEMERINTAH REPUBUK INDONESIA NOMOR 56", "PERATURAN PEMERINTAH REPUBUK"),
    ("I I UNDANO-UNDANG REPUBLIK INDONESIA NOMOR 10", "UNDANG-UNDANG REPUBLIK"),
    ("UNDANG- REPUBLIK INDONESIA NOMOR 26", "UNDANG-UNDANG REPUBLIK"),
    ("UNDANG-UNDANG REPUBLIK INDONESIA NPOMOR 24", "INDONESIA NOMOR 24"),
    ("UNDANG‐UNDANG REPUBLIK INDONESIA NOMOR 68", "UNDANG-UNDANG REPUBLIK"),
    ("NOMOR 45 ^TAHUN ^2019", "NOMOR 45 TAHUN 2019"),
    ("PERATU RAN PEM ERI N TAH REPU BLI K I N D O N ESI A N O M O R 78 TAH U N 2016 TEN TAN G PEN "
     "AM BAH AN", "PERATURAN PEMERINTAH REPUBLIK INDONESIA NOMOR 78 TAHUN 2016 TENTANG PEN AM"),
    ("PERA T U R AN PEME RIN T A H REP U BLIK IN DONE SI A NOMO R 79 T A H UN 201 4 TEN T ANG K E",
     "NOMOR 79 TAHUN 2014 TENTANG K E"),
], ids=["pemturan", "brace-h", "lowercase-noise", "split-word", "joined-words", "undano",
        "lost-line", "npomor", "unicode-hyphen", "caret-noise", "letter-spaced",
        "letter-spaced-year"])
def test_damaged_national_heading_words_are_repaired(damaged: str, fixed: str) -> None:
    assert fixed in repair_heading(damaged)


@pytest.mark.parametrize("text", [
    "PRESIDEN REPUBLIK INDONESIA NOMOR 5",
    "Peraturan Pemerintah Republik Indonesia Nomor 5 Tahun 2000",
    "KEMENTERIAN HUKUM REPUBLIK INDONESIA NOMOR 5",
    "LAMPIRAN I II III IV V VI VII VIII IX X",
], ids=["president", "mixed-case-citation", "other-institution", "spaced-without-nomor"])
def test_words_far_from_a_type_name_are_left_alone(text: str) -> None:
    assert repair_heading(text) == text


def test_ocr_damaged_heading_gives_the_identity() -> None:
    text = ("PEMTURAN PEMERINTAH REPUBLIK INDONESIA NOMOR 62 TAHUN 2016 TENTANG PENAMBAHAN "
            "MODAL" + _BODY.format(about="PENAMBAHAN MODAL"))
    parsed = parse_regulation(text)
    assert (parsed.doc_type, parsed.number, parsed.year) == ("PP", "62", 2016)


def test_an_amended_regulation_in_the_title_is_not_the_identity() -> None:
    text = ("UNDANG-UNDANG REPUBLIK INDONESIA TENTANG PERUBAHAN ATAS UNDANG-UNDANG NOMOR 15 "
            "TAHUN 1969 TENTANG PEMILIHAN UMUM" + _BODY.format(about="PERUBAHAN")
            + "\nPENJELASAN ATAS UNDANG-UNDANG REPUBLIK INDONESIA NOMOR 1 TAHUN 1985 TENTANG "
              "PERUBAHAN ATAS UNDANG-UNDANG NOMOR 15 TAHUN 1969\nI. UMUM\nCukup jelas.")
    parsed = parse_regulation(text)
    assert (parsed.doc_type, parsed.number, parsed.year) == ("UU", "1", 1985)


def test_a_mengingat_item_is_not_the_identity() -> None:
    text = ("BAB I ... MEMUTUSKAN:\n2. Undang-Undang Nomor 13 Tahun 2003 tentang "
            "Ketenagakerjaan;\n" + _BODY.format(about="PERLUASAN KESEMPATAN KERJA"))
    parsed = parse_regulation(text)
    assert parsed.number is None and parsed.doc_type == "PP"


def test_an_impossible_heading_year_yields_to_the_closing_date() -> None:
    text = ("PERATURAN PEMERINTAH REPUBLIK INDONESIA NOMOR 6 TAHUN 2078 TENTANG MODAL"
            + _BODY.format(about="MODAL")
            + "Ditetapkan di Jakarta pada tanggal 2 Februari 2018\nPRESIDEN")
    parsed = parse_regulation(text)
    assert (parsed.number, parsed.year) == ("6", 2018)
    assert parsed.confidence["year"] < 0.9


def test_a_cut_heading_title_is_completed_from_menetapkan() -> None:
    text = ("UNDANG-UNDANG REPUBLIK INDONESIA NOMOR 13 TAHUN 1958 TENTANG PERJANJIAN PERDAMAIAN "
            "ANTARA Presiden Republik Indonesia\nMenimbang : a. bahwa perlu;\nMEMUTUSKAN:\n"
            "Menetapkan : UNDANG-UNDANG TENTANG PERJANJIAN PERDAMAIAN ANTARA REPUBLIK INDONESIA"
            " DAN JEPANG.\nPasal 1\nIsi.\n")
    parsed = parse_regulation(text)
    assert parsed.about == "PERJANJIAN PERDAMAIAN ANTARA REPUBLIK INDONESIA DAN JEPANG"


_OLD_LAW = ("UNDANG-UNDANG REPUBLIK INDONESIA NOMOR 74 TAHUN 1958 TENTANG {heading}\n"
            "Menimbang : bahwa perlu;\nMengingat : Pasal 89 Undang-undang Dasar Sementara;\n"
            "Memutuskan:\nMenetapkan : Undang-undang tentang {stated}. Pasal I. Isi.\n")


@pytest.mark.parametrize("heading, stated, want", [
    # the heading lost a line in the middle: completed, and kept in capitals
    ('PENETAPAN "UNDANG-UNDANG DARURAT NO. 16 TAHUN 1957 TENTANG SEBAGAI UNDANG-UNDANG',
     'Penetapan "Undang-undang Darurat No. 16 Tahun 1957 tentang Pajak Bangsa Asing '
     '(Lembaran-Negara Tahun 1957 No. 63)" sebagai Undang-undang',
     'PENETAPAN "UNDANG-UNDANG DARURAT NO. 16 TAHUN 1957 TENTANG PAJAK BANGSA ASING '
     '(LEMBARAN-NEGARA TAHUN 1957 NO. 63)" SEBAGAI UNDANG-UNDANG'),
    # a heading that stops at a joining word was cut: the restatement's tail completes it
    ("PENETAPAN UNDANG-UNDANG DARURAT NO. 3 TAHUN 1957 TENTANG PAJAK DAN",
     "penetapan Undang-undang Darurat No. 3 tahun 1957 tentang pajak dan retribusi daerah",
     "PENETAPAN UNDANG-UNDANG DARURAT NO. 3 TAHUN 1957 TENTANG PAJAK DAN RETRIBUSI DAERAH"),
    # a complete heading is kept: the restatement only adds the Lembaran-Negara number
    ("POKOK-POKOK PERUMAHAN",
     "pokok-pokok perumahan (Lembaran-Negara tahun 1962 No. 40) menjadi undang-undang, "
     "sebagai berikut",
     "POKOK-POKOK PERUMAHAN"),
], ids=["lost-middle-line", "cut-at-joining-word", "complete-heading-kept"])
def test_sentence_case_menetapkan_completes_a_damaged_heading(heading: str, stated: str,
                                                               want: str) -> None:
    parsed = parse_regulation(_OLD_LAW.format(heading=heading, stated=stated))
    assert parsed.about == want


def test_sentence_case_menetapkan_gives_a_title_when_the_heading_has_none() -> None:
    text = ("UNDANG-UNDANG REPUBLIK INDONESIA NOMOR 2 TAHUN 1956 TENTANG Presiden Republik "
            "Indonesia,\nMenimbang : bahwa perlu;\nMemutuskan: Menetapkan : Undang-undang "
            "tentang perubahan Undang-undang Pemilihan Umum. Pasal 1. Isi.\n")
    assert parse_regulation(text).about == "Perubahan Undang-undang Pemilihan Umum"
    # a Menetapkan that does not start with a type names another regulation's title
    other = text.replace("Undang-undang tentang perubahan", "Dengan mencabut Peraturan tentang")
    assert parse_regulation(other).about is None


@pytest.mark.parametrize("heading, witnesses, want", [
    (2018, [None, 2018, 2018], 2018),
    (2078, [None, 2018, None], 2018),
    (2004, [2014, 2014, 2014], 2014),
    (2004, [None, 2014, None], 2004),
    (2019, [None, 2018, 2019], 2019),
    (None, [None, 2011, None], 2011),
    (2078, [None, None, None], None),
], ids=["agree", "impossible", "outvoted", "one-witness-keeps-heading", "promulgated-next-year",
        "no-heading", "impossible-alone"])
def test_settle_year(heading: int | None, witnesses: list, want: int | None) -> None:
    assert settle_year(heading, witnesses, 2027) == want


def test_penjelasan_identity_reads_number_and_year() -> None:
    assert penjelasan_identity("PENJELASAN ATAS PERATURAN PEMERINTAH REPUBLIK INDONESIA NOMOR 1O "
                               "TAHUN 2O18 TENTANG X") == ("10", 2018)
    assert penjelasan_identity("tanpa penjelasan") is None


@pytest.mark.parametrize("heading, about", [
    ("UNDANG-UNDANG REPUBLIK INDONESIA NOMOR 5 TAHUN 1985 TENTANG REFERENDUM Presiden "
     "Republik Indonesia,", "REFERENDUM"),
    ("UNDANG-UNDANG REPUBLIK INDONESIA NOMOR 18 TAHUN 2022 TENTANG PROVINSI JAMBI PRESIDEN "
     "REPUBUK INDONESIA I SALINAN I", "PROVINSI JAMBI"),
    ("UNDANG-UNDANG REPUBLIK INDONESIA NOMOR 4 TAHUN 1976 TENTANG KEJAHATAN PENERBANGAN "
     "PENJELASAN UMUM Dalam rangka", "KEJAHATAN PENERBANGAN"),
    ("PERATURAN PEMERINTAH REPUBLIK INDONESIA NOMOR 2 TAHUN 2001 TENTANG PENUNJUKAN JABATAN "
     "PRESIDEN REPUBLIK INDONESIA\nDENGAN RAHMAT TUHAN YANG MAHA ESA",
     "PENUNJUKAN JABATAN PRESIDEN REPUBLIK INDONESIA"),
    ("PERATURAN PEMERINTAH REPUBLIK INDONESIA NOMOR 75 TAHUN 2010 TENTANG PENJUALAN SAHAM PADA "
     "PT BANK MANDIRI Tbk\nDENGAN RAHMAT TUHAN YANG MAHA ESA", "PENJUALAN SAHAM PADA PT BANK "
     "MANDIRI Tbk"),
    ("UNDANG-UNDANG REPUBLIK INDONESIA NOMOR 1 TAHUN 1968 TENTANG PEROBAHAN ANGGARAN 1968 "
     "DENGAN RACHMAT TUHAN JANG MAHA ESA", "PEROBAHAN ANGGARAN 1968"),
    ("UNDANG-UNDANG REPUBLIK INDONESIA NOMOR 9 TAHUN 2022 TENTANG PROVINSI ARU PRES I DEN "
     "R . EPUBLIK 1NDONESIA I SALINAN I Menimbang", "PROVINSI ARU"),
    ("PERATURAN PEMERINTAH REPUBLIK INDONESIA NOMOR 8 TAHUN 2013 TENTANG TUNJANGAN KEPADA JANDA"
     "/DUDANYA I SALINAN I b. Nomor 5", "TUNJANGAN KEPADA JANDA/DUDANYA"),
    ("UNDANG-UNDANG REPUBLIK INDONESIA NOMOR 3 TAHUN 1981 TENTANG HUKUM ACARA I. PENJELASAN "
     "UMUM. 1. Peraturan", "HUKUM ACARA"),
    ("UNDANG-UNDANG REPUBLIK INDONESIA NOMOR 3 TAHUN 1982 TENTANG PENGADILAN TINGGI PADANG 1. "
     "UMUM Sesuai", "PENGADILAN TINGGI PADANG"),
    ("UNDANG-UNDANG REPUBLIK INDONESIA NOMOR 3 TAHUN 1985 TENTANG PARTAI POLITIK UMUM 1. "
     "Perubahan", "PARTAI POLITIK"),
    ("PERATURAN PEMERINTAH REPUBLIK INDONESIA NOMOR 4 TAHUN 2022 TENTANG PERUBAHAN ATAS "
     "PERATURAN PEMEzuNTAH NOMOR 5 TAHUN 2021 TtrNTANG STANDAR MUTU\nDENGAN RAHMAT",
     "PERUBAHAN ATAS PERATURAN PEMEzuNTAH NOMOR 5 TAHUN 2021 TtrNTANG STANDAR MUTU"),
    ("UNDANG-UNDANG REPUBLIK INDONESIA NOMOR 1 TAHUN 1956 TENTANG Presiden Republik Indonesia,",
     None),
    ("UNDANG-UNDANG REPUBLIK INDONESIA NOMOR 4 TAHUN 2020 TENTANG PENGESAHAN PERSETUJUAN (OF "
     "DEFENCE) PRES I DEN REPUBLIK INDONESIA SALIN AN MEMUTUSKAN", "PENGESAHAN PERSETUJUAN (OF "
     "DEFENCE)"),
    ("UNDANG-UNDANG REPUBLIK INDONESIA NOMOR 14 TAHUN 1963 TENTANG PENGESAHAN PERJANJIAN KARYA "
     "PRESIDEN REPUBLIK INDONESIA.", "PENGESAHAN PERJANJIAN KARYA"),
], ids=["mixed-case-president", "ocr-president-and-salinan", "penjelasan-umum",
        "president-inside-the-title", "company-suffix", "old-spelling-rachmat",
        "letter-spaced-ocr-page-header", "stray-page-edge-marks-around-salinan",
        "numbered-penjelasan-umum", "numbered-umum", "umum-then-numbered-item",
        "ocr-lower-case-inside-capitals", "lost-title-line-is-no-title",
        "letter-split-salinan", "president-with-a-full-stop"])
def test_heading_title_ends_where_the_title_ends(heading: str, about: str | None) -> None:
    parsed = parse_regulation(heading + "\nMenimbang : a. bahwa perlu;\nPasal 1\nIsi.\n")
    assert parsed.about == about


@pytest.mark.parametrize("text, identity", [
    ("bahwa perlu;\nPasal 1\nIsi.\nPENJBLASAN ATAS PERATURAN PEMERINTAH REPUBLIK INDONBSIA NOMOR 5"
     " TAHUN 2016 TENTANG JENIS TARIF\nI. UMUM\nCukup.", ("PP", "5", 2016)),
    ("bahwa perlu;\nPasal 1\nIsi.\nMEMORI PENJELASAN UNDANG-UNDANG ATAS UNDANG-UNDANG REPUBLIK "
     "INDONESIA NOMOR 21 TAHUN 1954 TENTANG PERJANJIAN PERBURUHAN\nUMUM:", ("UU", "21", 1954)),
    ("TENTANG TENTANG AWAK KAPAL\nMenimbang bahwa perlu;\nMEMUTUSKAN:\n1.\n2. PERATURAN "
     "PEMERINTAH REPUBLIK INDONESIA NOMOR 22 TAHUN 2022\nBAB I\nPasal 1\nIsi.", ("PP", "22", 2022)),
    ("bahwa perlu mengubah Undang-undang Nomor 15 Tahun 1969;\nMEMUTUSKAN:\nMenetapkan : "
     "UNDANG-UNDANG TENTANG PERUBAHAN ATAS UNDANG-UNDANG NOMOR 15 TAHUN 1969 SEBAGAIMANA TELAH "
     "DIUBAH DENGAN UNDANG-UNDANG NOMOR 4 TAHUN 1975 DAN UNDANG-UNDANG NOMOR 2 TAHUN 1980.\n"
     "Pasal I\nIsi.\nPENJELASAN ATAS UNDANG-UNDANG REPUBLIK INDONESIA NOMOR 1 TAHUN 1985\nUMUM",
     ("UU", "1", 1985)),
], ids=["ocr-penjelasan", "memori-penjelasan", "heading-after-stray-list-marker",
        "cited-after-dan"])
def test_identity_from_the_right_heading(text: str, identity: tuple) -> None:
    parsed = parse_regulation(text)
    assert (parsed.doc_type, parsed.number, parsed.year) == identity


def test_an_inline_penjelasan_heading_outvotes_an_impossible_year() -> None:
    text = ("PERATURAN PEMERINTAH REPUBLIK INDONESIA NOMOR 23 TAHUN 2079 TENTANG STATUTA"
            + _BODY.format(about="STATUTA") + "Diundangkan di Jakarta pada tanggal 25 Maret 2079 "
            "MENTERI PENJELASAN ATAS PERATURAN PEMERINTAH REPUBLIK INDONESIA NOMOR 23 TAHUN 2019 "
            "TENTANG STATUTA I. UMUM Cukup jelas.")
    assert parse_regulation(text).year == 2019


def test_old_menetapkan_wording_gives_type_and_title() -> None:
    text = ("a. bahwa pajak bumi perlu diganti;\nMemutuskan : Menetapkan peraturan sebagai berikut"
            " : UNDANG-UNDANG TENTANG PENGGANTIAN PAJAK BUMI DENGAN PAJAK PENDAPATAN. Pasal 1. "
            "Isi pasal.")
    parsed = parse_regulation(text)
    assert parsed.doc_type == "UU"
    assert parsed.about == "PENGGANTIAN PAJAK BUMI DENGAN PAJAK PENDAPATAN"


def test_a_lost_title_line_falls_back_to_menetapkan() -> None:
    text = ("PERATURAN PEMERINTAH REPUBLIK INDONESIA NOMOR 14 TAHUN 2011 TENTANG bahwa dengan "
            "adanya perubahan gaji pokok perlu menetapkan;\nMEMUTUSKAN:\nMenetapkan : PERATURAN "
            "PEMERINTAH TENTANG PENETAPAN PENSIUN POKOK PENSIUNAN.\nPasal 1\nIsi.\n")
    assert parse_regulation(text).about == "PENETAPAN PENSIUN POKOK PENSIUNAN"


def test_a_letter_spaced_heading_gives_the_identity_but_no_unreadable_title() -> None:
    text = ("SALI N AN PERATU RAN PEM ERI N TAH REPU BLI K I N D O N ESI A N O M O R 78 "
            "TAH U N 2016 TEN TAN G PEN AM BAH AN PEN YERTAAN M O D AL N EG ARA\n"
            "Menimbang : a. bahwa perlu;\nPasal 1\nIsi.\n")
    parsed = parse_regulation(text)
    assert (parsed.doc_type, parsed.number, parsed.year, parsed.about) == ("PP", "78", 2016, None)


@pytest.mark.parametrize("text, about", [
    ("PERATURAN PEMERINTAH REPUBLIK INDONESIA NOMOR 7 TAHUN 2003 TENTANG PENJUALAN SAHAM PADA "
     "PERUSAHAAN PERSEROAN (PERSERO) PT\nDENGAN RAHMAT TUHAN YANG MAHA ESA\nMenimbang : bahwa "
     "perlu;\nMEMUTUSKAN:\n Menetapkan: PERATURAN PEMERINTAH TENTANG PENJUALAN SAHAM PADA "
     "PERUSAHAAN PERSEROAN (PERSERO) PT. BANK MAJU. BAB I SAHAM Pasal 1 Isi.",
     "PENJUALAN SAHAM PADA PERUSAHAAN PERSEROAN (PERSERO) PT. BANK MAJU"),
    ("UNDANG-UNDANG REPUBLIK INDONESIA NOMOR 6 TAHUN 1947 TENTANG PERUBAHAN UNDANG-UNDANG No. 3 "
     "TAHUN 1946 TENTANG WARGA NEGARA\nMenimbang : bahwa perlu;\nMemutuskan: Menetapkan "
     "peraturan sebagai berikut : UNDANG-UNDANG TENTANG PERUBAHAN UNDANG-UNDANG No. 3 TAHUN "
     "1946 TENTANG WARGA NEGARA DAN PENDUDUK NEGARA. Pasal 1. Isi.",
     "PERUBAHAN UNDANG-UNDANG No. 3 TAHUN 1946 TENTANG WARGA NEGARA DAN PENDUDUK NEGARA"),
    ("PERATURAN PEMERINTAH REPUBLIK INDONESIA NOMOR 5 TAHUN 2021 TENTANG PENAMBAHAN MODAL PT "
     "ASDP\nDENGAN RAHMAT TUHAN YANG MAHA ESA Menimbang a. bahwa perlu;\nMEMUTUSKAN:\n PERATURAN "
     "PEMERINTAH TENTANG PENAMBAHAN MODAL PT ASDP INDONESIA FERRY. Pasal 1 Isi.",
     "PENAMBAHAN MODAL PT ASDP INDONESIA FERRY"),
    ("PERATURAN PEMERINTAH REPUBLIK INDONESIA NOMOR 9 TAHUN 2002 TENTANG PENAMBAHAN MODAL PT "
     "ANGKASA PURA I\nMenimbang : bahwa perlu;\nMEMUTUSKAN :\n Menetapkan : PERATURAN PEMERINTAH "
     "TENTANG PENAMBAHAN MODAL PT ANGKASA PURA I.BAB IPENAMBAHAN MODAL\nPasal 1\nIsi.",
     "PENAMBAHAN MODAL PT ANGKASA PURA I"),
], ids=["company-abbreviation", "number-abbreviation", "memutuskan-without-menetapkan",
        "body-glued-to-the-title"])
def test_menetapkan_states_the_whole_title(text: str, about: str) -> None:
    assert parse_regulation(text).about == about


_LOST_LINE = ("PERATURAN PEMERINTAH REPUBLIK INDONESIA NOMOR 5 TAHUN 2013 TENTANG {heading}\n"
              "DENGAN RAHMAT TUHAN YANG MAHA ESA\nMenimbang : a. bahwa perlu;\nMEMUTUSKAN:\n"
              "Menetapkan : PERATURAN PEMERINTAH TENTANG {stated}.\nPasal 1\nIsi.\n")


@pytest.mark.parametrize("heading, stated, about", [
    ("TAMU NEGARA SETINGKAT KEPALA NEGARA", "PENGAMANAN PRESIDEN DAN WAKIL PRESIDEN SERTA TAMU "
     "NEGARA SETINGKAT KEPALA NEGARA", "PENGAMANAN PRESIDEN DAN WAKIL PRESIDEN SERTA TAMU NEGARA "
     "SETINGKAT KEPALA NEGARA"),
    ("PENETAPAN UNDANG-UNDANG DARURAT NO. 18 TAHUN 1957 TENTANG SEBAGAI UNDANG-UNDANG",
     "PENETAPAN UNDANG-UNDANG DARURAT NO.18 TAHUN 1957 TENTANG BANK TANI DAN NELAYAN SEBAGAI "
     "UNDANG-UNDANG", "PENETAPAN UNDANG-UNDANG DARURAT NO.18 TAHUN 1957 TENTANG BANK TANI DAN "
     "NELAYAN SEBAGAI UNDANG-UNDANG"),
    ("PEMBEBASAN CUKAI GUNA PEGAWAI DIPLOMATIK", "PEMBERIAN PEMBEBASAN CUKAI GUNA PEGAWAI "
     "DIPLOMATIK", "PEMBEBASAN CUKAI GUNA PEGAWAI DIPLOMATIK"),
    ("PENGANGKUTAN PENUMPANG JAKARTA", "PENGANGKUTAN PENUMPANG DJAKARTA",
     "PENGANGKUTAN PENUMPANG JAKARTA"),
], ids=["lost-first-line", "lost-middle-line", "one-word-more-is-other-wording",
        "a-word-inside-a-word-is-not-the-word"])
def test_menetapkan_completes_a_heading_title_that_lost_a_line(heading: str, stated: str,
                                                               about: str) -> None:
    assert parse_regulation(_LOST_LINE.format(heading=heading, stated=stated)).about == about


def test_a_stated_title_ends_before_the_enactment_formula() -> None:
    text = ("UNDANG-UNDANG REPUBLIK INDONESIA NOMOR 6 TAHUN 1964 TENTANG PENETAPAN PERATURAN "
            "PEMERINTAH PENGGANTI UNDANG-UNDANG NO. 5 TAHUN 1963\nMenimbang : a. bahwa perlu;\n"
            "MEMUTUSKAN :\n Menetapkan : UNDANG-UNDANG TENTANG PENETAPAN PERATURAN PEMERINTAH "
            "PENGGANTI UNDANG-UNDANG NO. 5 TAHUN 1963 TENTANG SURAT HUTANG MENJADI UNDANG-UNDANG, "
            "DENGAN BEBERAPA PERUBAHAN HINGGA BERBUNYI: Pasal 1.\nIsi.\n")
    assert parse_regulation(text).about == ("PENETAPAN PERATURAN PEMERINTAH PENGGANTI UNDANG-"
                                            "UNDANG NO. 5 TAHUN 1963 TENTANG SURAT HUTANG MENJADI "
                                            "UNDANG-UNDANG")


@pytest.mark.parametrize("text, about", [
    # no heading title: the Penjelasan heading's, of this regulation only
    ("UNDANG-UNDANG No. 3 TAHUN 1949\nMenimbang : a. bahwa tarip;\nPasal 1\nIsi.\nPENJELASAN. "
     "UNDANG-UNDANG No. 3 TAHUN 1949. TENTANG TARIP PAJAK POTONG TAHUN 1949. Maksud baru ini",
     "TARIP PAJAK POTONG TAHUN 1949"),
    ("UNDANG-UNDANG NOMOR 5 TAHUN 1990 TENTANG\nMenimbang: a. bahwa;\nPasal 1\nIsi.\n"
     "PENJELASAN ATAS UNDANG-UNDANG NOMOR 8 TAHUN 1981 TENTANG HUKUM ACARA PIDANA\nUMUM", None),
    # the 1949 Menetapkan quotes the title; the closing quote is not part of it
    ('Memutuskan : Menetapkan peraturan sebagai berikut : "UNDANG-UNDANG TENTANG KEDUDUKAN '
     'WAKIL PERDANA MENTERI DI SUMATRA". Pasal 1. Isi.',
     "KEDUDUKAN WAKIL PERDANA MENTERI DI SUMATRA"),
], ids=["penjelasan-title", "other-regulations-penjelasan", "quoted-1949-menetapkan"])
def test_title_from_the_penjelasan_or_a_quoted_menetapkan(text: str, about: str | None) -> None:
    assert parse_regulation(text).about == about


@pytest.mark.parametrize(("heading", "number", "year"), [
    # the last "/" of a composite number read as a stroke before its year
    ("PERATURAN MENTERI KEUANGAN REPUBLIK INDONESIA\nNOMOR 148/PMK. 01 12012",
     "148/PMK.01/2012", 2012),
    ("KEPUTUSAN BUPATI GIANYAR\nNOMOR 336/E-01/HK l2018", "336/E-01/HK/2018", 2018),
    # printed right: unchanged, and a plain number with its TAHUN is no composite
    ("KEPUTUSAN BUPATI GIANYAR\nNOMOR 336/E-01/HK/2018", "336/E-01/HK/2018", 2018),
    ("PERATURAN BUPATI GIANYAR\nNOMOR 55 TAHUN 2018", "55", 2018),
])
def test_a_composite_numbers_slash_read_as_a_stroke_is_put_back(heading: str, number: str,
                                                                year: int) -> None:
    parsed = parse_regulation(f"{heading}\nTENTANG\nTIM KOORDINASI JAMINAN SOSIAL\n"
                              "Menimbang : bahwa perlu;\nMEMUTUSKAN:\nPasal 1\nIsi.")
    assert (parsed.number, parsed.year) == (number, year)
    repaired = heading.endswith(("12012", "l2018"))
    assert (parsed.confidence["number"] < 0.95) is repaired
