"""A heading the source cut short is completed from the document's own restatement."""

from __future__ import annotations

import pytest

from crawler.extract import parse_regulation
from crawler.extract.completion import complete_title

# A fictional 1950s law making an emergency law a law; the heading lost a line, so only a stray
# "UNDANG-UNDANG" of its ending is left, and the cited law's last word and bracket are gone.
ENACTMENT = """UNDANG-UNDANG REPUBLIK INDONESIA NOMOR 7 TAHUN 1957 TENTANG PENETAPAN
"UNDANG-UNDANG DARURAT NO. 3 TAHUN 1956 TENTANG PEMBUKAAN HUTAN DAN PENGAIRAN UNDANG-UNDANG
Presiden Republik Indonesia,
Menimbang :
a. bahwa Pemerintah telah menetapkan Undang-undang Darurat No. 3 tahun 1956;
b. bahwa peraturan-peraturan dalam Undang-undang Darurat tersebut perlu ditetapkan sebagai
Undang-undang;
Mengingat : pasal 97 Undang-undang Dasar Sementara;
MEMUTUSKAN:
Menetapkan : UNDANG-UNDANG TENTANG PENETAPAN UNDANG-UNDANG DARURAT NO. 3 TAHUN 1956 TENTANG
PEMBUKAAN HUTAN DAN 3), SEBAGAI UNDANG-UNDANG.
Pasal I
Peraturan-peraturan yang termaktub dalam Undang-undang Darurat No. 3 tahun 1956 tentang
Pembukaan Hutan dan Pengairan Sawah (Lembaran-Negara tahun 1956 No. 3) ditetapkan sebagai
Undang-undang, yang berbunyi sebagai berikut:
Pasal 1
Hutan dibuka dengan izin Menteri.
Pasal II
Undang-undang ini mulai berlaku pada hari diundangkan.
"""

BUDGET = """UNDANG-UNDANG REPUBLIK INDONESIA NOMOR 40 TAHUN 1954 TENTANG PENETAPAN BAGIAN IV
(KEMENTERIAN PERTANIAN) DARI ANGGARAN
Mengingat : pasal 113 Undang-undang Dasar Sementara;
MEMUTUSKAN:
Pasal 1
Bagian IV (Kementerian Pertanian) dari anggaran Republik Indonesia untuk tahun-tahun dinas 1952
dan 1953 ditetapkan seperti berikut: Bab I (Pengeluaran) 1952 1953 4.1 Kementerian 12 000 13 000
Pasal 2
Undang-undang ini mulai berlaku pada hari diundangkan.
"""


def test_an_enactment_heading_that_lost_its_ending_is_completed_from_pasal_one() -> None:
    parsed = parse_regulation(ENACTMENT)
    assert parsed.about == ('PENETAPAN "UNDANG-UNDANG DARURAT NO. 3 TAHUN 1956 TENTANG PEMBUKAAN '
                            "HUTAN DAN PENGAIRAN SAWAH (LEMBARAN-NEGARA TAHUN 1956 NO. 3) "
                            "SEBAGAI UNDANG-UNDANG")
    assert parsed.confidence["about"] < 0.95  # completed, not read whole


def test_a_budget_law_cut_before_its_year_is_completed_from_its_first_pasal() -> None:
    assert parse_regulation(BUDGET).about == (
        "PENETAPAN BAGIAN IV (KEMENTERIAN PERTANIAN) DARI ANGGARAN REPUBLIK INDONESIA UNTUK "
        "TAHUN-TAHUN DINAS 1952 DAN 1953")


def test_complete_titles_and_running_text_are_left_alone() -> None:
    done = ('PENETAPAN "UNDANG-UNDANG DARURAT NO. 3 TAHUN 1956 TENTANG PEMBUKAAN HUTAN" '
            "SEBAGAI UNDANG-UNDANG")
    assert complete_title(done, ENACTMENT) == done
    # two laws in one title, the first ended: nothing is missing
    two = done + " DAN TENTANG PENGAIRAN *)"
    assert complete_title(two, ENACTMENT) == two
    budget = "PENETAPAN BAGIAN IV DARI ANGGARAN REPUBLIK INDONESIA UNTUK TAHUN DINAS 1955"
    assert complete_title(budget, BUDGET) == budget
    # the heading's last words are found only in a Menimbang sentence: that is no title's tail
    cut = 'PENETAPAN "UNDANG-UNDANG DARURAT NO. 9 TAHUN 1956 TENTANG PERATURAN-PERATURAN DALAM'
    text = ("Menimbang : bahwa peraturan-peraturan dalam Undang-undang Darurat tersebut perlu "
            "ditetapkan sebagai Undang-undang;")
    assert complete_title(cut, text) == cut
    assert complete_title("PENETAPAN BAGIAN IV DARI ANGGARAN", "") == (
        "PENETAPAN BAGIAN IV DARI ANGGARAN")


def test_a_heading_cut_at_a_page_end_is_completed_from_the_penjelasan_heading() -> None:
    text = """UNDANG-UNDANG REPUBLIK INDONESIA NOMOR 3 TAHUN 2015 TENTANG PENGESAHAN PERSETUJUAN
ANTARA PEMERINTAH REPUBLIK INDONESIA DAN PEMERINTAH REPUBLIK CONTOH (AGREEMENT BETWEEN THE
GOVERNMENT OF THE REPUBLIC OF
DENGAN RAHMAT TUHAN YANG MAHA ESA
Menimbang : a. bahwa kerja sama perlu disahkan;
Mengingat : Pasal 11 Undang-Undang Dasar;
MEMUTUSKAN:
Pasal 1
Mengesahkan Persetujuan itu.
PENJELASAN ATAS UNDANG-UNDANG REPUBLIK INDONESIA NOMOR 3 TAHUN 2015 TENTANG PENGESAHAN
PERSETUJUAN ANTARA PEMERINTAH REPUBLIK INDONESIA DAN PEMERINTAH REPUBLIK CONTOH (AGREEMENT
BETWEEN THE GOVERNMENT OF THE REPUBLIC OF INDONESIA AND THE GOVERNMENT OF THE REPUBLIC OF CONTOH)
I. UMUM
Persetujuan ini penting.
"""
    assert parse_regulation(text).about == (
        "PENGESAHAN PERSETUJUAN ANTARA PEMERINTAH REPUBLIK INDONESIA DAN PEMERINTAH REPUBLIK "
        "CONTOH (AGREEMENT BETWEEN THE GOVERNMENT OF THE REPUBLIC OF INDONESIA AND THE "
        "GOVERNMENT OF THE REPUBLIC OF CONTOH)")


def test_a_modern_title_that_mentions_a_budget_is_whole() -> None:
    title = "HIBAH YANG BERSUMBER DARI ANGGARAN PENDAPATAN DAN BELANJA DAERAH"
    text = ("bahwa hibah bersumber dari Anggaran Pendapatan dan Belanja Daerah; Mengingat : "
            "Undang-Undang Nomor 12 Tahun 1950 tentang Pembentukan Kabupaten yang ditetapkan")
    assert complete_title(title, text) == title
    # a cut budget title whose only continuation runs into the Mengingat is left cut
    cut = "PENETAPAN BAGIAN IV DARI ANGGARAN"
    text = ("Bagian IV dari anggaran; Mengingat : Undang-undang No. 1 tahun 1950 yang "
            "ditetapkan")
    assert complete_title(cut, text) == cut


def test_an_enactment_ended_with_a_dash_for_the_hyphen_is_whole() -> None:
    # The dashes are hyphens once the heading is read (`heading.repair_heading`): the ending
    # is seen and nothing is added to the title
    text = ("UNDANG-UNDANG REPUBLIK INDONESIA NOMOR 6 TAHUN 2023 TENTANG PENETAPAN PERATURAN "
            "PEMERINTAH PENGGANTI UNDANG\u2013UNDANG NOMOR 2 TAHUN 2022 TENTANG CIPTA KERJA "
            "MENJADI UNDANG\u2014UNDANG\nDENGAN RAHMAT TUHAN YANG MAHA ESA\nMenimbang : a. bahwa "
            "perlu;\nMEMUTUSKAN:\nPasal I\nPeraturan Pemerintah Pengganti Undang-Undang Nomor 2 "
            "Tahun 2022 tentang Cipta Kerja (Lembaran Negara Tahun 2022 Nomor 238) ditetapkan "
            "menjadi Undang-Undang.\nPasal II\nBerlaku.")
    assert parse_regulation(text).about == (
        "PENETAPAN PERATURAN PEMERINTAH PENGGANTI UNDANG-UNDANG NOMOR 2 TAHUN 2022 TENTANG "
        "CIPTA KERJA MENJADI UNDANG-UNDANG")


def test_only_a_lembaran_negara_bracket_completes_an_enactment() -> None:
    title = 'PENETAPAN "UNDANG-UNDANG DARURAT NO. 5 TAHUN 1953 TENTANG PORTO DAN BEA"'
    text = ('Pasal I\nPeraturan-peraturan yang termaktub dalam "Undang-undang Darurat tentang '
            'porto dan bea" (Undang-undang Darurat No. 5 tahun 1953) ditetapkan sebagai '
            "Undang-undang.")
    assert "(UNDANG-UNDANG DARURAT" not in complete_title(title, text)


def test_a_bracket_the_heading_closed_is_not_copied_again() -> None:
    title = "PENETAPAN UNDANG-UNDANG DARURAT NO. 10 TAHUN 1955 TENTANG BADAN (KROSOK CENTRALE)"
    text = ("Undang-undang Darurat No. 10 tahun 1955 tentang Badan (Krosok Centrale) "
            "(Lembaran-Negara tahun 1955 No. 34) ditetapkan sebagai Undang-undang")
    assert complete_title(title, text) == (
        title + " (LEMBARAN-NEGARA TAHUN 1955 NO. 34) SEBAGAI UNDANG-UNDANG")


def _law(heading: str, preamble: str, menetapkan: str, extra: str = "") -> str:
    """A fictional law: its heading, preamble, Menetapkan line and a short body."""
    return (f"UNDANG-UNDANG REPUBLIK INDONESIA NOMOR 9 TAHUN 1962 TENTANG {heading}\n"
            f"Menimbang :\n{preamble}\nMengingat : pasal 5 Undang-undang Dasar;\nMEMUTUSKAN :\n"
            f"Menetapkan : {menetapkan}\nPasal 1\nPerjanjian disetujui.\nPasal 2\n"
            f"Undang-undang ini mulai berlaku pada hari diundangkan.\n{extra}")


@pytest.mark.parametrize(("heading", "preamble", "title"), [
    # heading and Menetapkan both lack words; the Menimbang names both sides
    ("PEMBUATAN PERJANJIAN PERSAHABATAN DAN KERJA-SAMA ANTARA",
     "bahwa perlu dibuat Perjanjian Persahabatan dan Kerja-sama antara Republik Indonesia dan "
     "Republik Rakyat Hongaria;",
     "PEMBUATAN PERJANJIAN PERSAHABATAN DAN KERJA-SAMA ANTARA REPUBLIK INDONESIA DAN REPUBLIK "
     "RAKYAT HONGARIA"),
    # the side is read whole across a line break
    ("PEMBUATAN PERJANJIAN PERSAHABATAN ANTARA REPUBLIK INDONESIA DAN",
     "bahwa perlu dibuat Perjanjian Persahabatan antara Republik Indonesia dan Republik\n"
     "Rakyat Hongaria;",
     "PEMBUATAN PERJANJIAN PERSAHABATAN ANTARA REPUBLIK INDONESIA DAN REPUBLIK RAKYAT HONGARIA"),
])
def test_a_treaty_heading_cut_at_between_is_completed_from_the_preamble(
        heading: str, preamble: str, title: str) -> None:
    text = _law(heading, preamble, "Undang-undang tentang pembuatan perjanjian persahabatan "
                "antara Republik Indonesia dan Republik Rakyat Hongaria.")
    assert parse_regulation(text).about == title


def test_a_treaty_heading_with_one_side_takes_the_menetapkan_wording() -> None:
    # "ANTARA REPUBLIK" names one side: the restatement adds a word inside, too
    text = _law("PERSETUJUAN PERJANJIAN PERSAHABATAN ANTARA REPUBLIK",
                "bahwa perlu perjanjian itu disetujui;",
                "UNDANG-UNDANG TENTANG PERSETUJUAN PERJANJIAN PERSAHABATAN ANTARA NEGARA "
                "REPUBLIK INDONESIA DAN KERAJAAN IRAK.")
    assert parse_regulation(text).about == (
        "PERSETUJUAN PERJANJIAN PERSAHABATAN ANTARA NEGARA REPUBLIK INDONESIA DAN KERAJAAN IRAK")


def test_a_cut_title_is_not_completed_with_running_text() -> None:
    text = _law("PENGESAHAN PERJANJIAN EKSTRADISI ANTARA REPUBLIK INDONESIA DAN",
                "bahwa Pemerintah Republik Indonesia dan Pemerintah Republik Korea telah "
                "menandatangani Perjanjian Ekstradisi di Jakarta pada tanggal 28 November 2000;",
                "Undang-undang tentang pengesahan perjanjian ekstradisi.")
    assert parse_regulation(text).about == (
        "PENGESAHAN PERJANJIAN EKSTRADISI ANTARA REPUBLIK INDONESIA DAN")


def test_a_heading_that_lost_a_middle_line_takes_a_long_restatement() -> None:
    # The Menetapkan line is longer than a short title and stops before the English title's
    # end (the Pasal on the next line): its inner line and the heading's own end are kept
    english = ("( AGREEMENT BETWEEN THE GOVERNMENT OF THE REPUBLIC OF INDONESIA AND THE GOVERNMENT "
               "OF THE HONG KONG SPECIAL ADMINISTRATIVE REGION OF THE PEOPLE'S REPUBLIC OF CHINA "
               "CONCERNING MUTUAL LEGAL ASSISTANCE IN CRIMINAL MATTERS )")
    heading = ("PENGESAHAN PERSETUJUAN ANTARA PEMERINTAH REPUBLIK HONG KONG REPUBLIK RAKYAT CHINA "
               f"TENTANG BANTUAN HUKUM TIMBAL BALIK DALAM MASALAH PIDANA {english}")
    whole = heading.replace("PEMERINTAH REPUBLIK HONG", "PEMERINTAH REPUBLIK INDONESIA DAN "
                            "PEMERINTAH DAERAH ADMINISTRASI KHUSUS HONG")
    stated = "UNDANG-UNDANG TENTANG " + whole[: whole.index(" OF CHINA") + 9]
    text = _law(heading, "bahwa perlu;", stated)
    assert parse_regulation(text).about == whole


@pytest.mark.parametrize(("heading", "stated", "title"), [
    # a bracket closed that never opened: the heading lost the line between
    ("PENETAPAN PERATURAN PEMERINTAH PENGGANTI UNDANG-UNDANG NO. 12 TAHUN 1962 TENTANG KETENTUAN "
     "DIBIDANG FISKAL MENGENAI TAHUN 1962 NO. 50) MENJADI UNDANG-UNDANG",
     "Undang-undang tentang Penetapan Peraturan Pemerintah Pengganti Undang-undang No. 12 tahun "
     "1962 tentang ketentuan-ketentuan Fiskal mengenai Pembayaran Sumbangan Wajib Istimewa "
     "(Lembaran-Negara tahun 1962 No. 50) menjadi Undang-undang.",
     "PENETAPAN PERATURAN PEMERINTAH PENGGANTI UNDANG-UNDANG NO. 12 TAHUN 1962 TENTANG "
     "KETENTUAN-KETENTUAN FISKAL MENGENAI PEMBAYARAN SUMBANGAN WAJIB ISTIMEWA (LEMBARAN-NEGARA "
     "TAHUN 1962 NO. 50) MENJADI UNDANG-UNDANG"),
    # a run of words printed twice in a row
    ("PENETAPAN PERATURAN PEMERINTAH PENGGANTI UNDANG-UNDANG NO. 14 TAHUN 1962 TENTANG PEMUNGUTAN "
     "SUMBANGAN WAJIB TAHUN 1962 TENTANG PEMUNGUTAN SUMBANGAN WAJIB ATAS KENDARAAN MENJADI "
     "UNDANG-UNDANG",
     "Undang-undang tentang Penetapan Peraturan Pemerintah Pengganti Undang-undang No. 14 tahun "
     "1962 tentang Pemungutan Sumbangan Wajib atas Kendaraan Bermotor (Lembaran-Negara tahun 1962 "
     "No. 52), menjadi Undang-undang.",
     "PENETAPAN PERATURAN PEMERINTAH PENGGANTI UNDANG-UNDANG NO. 14 TAHUN 1962 TENTANG PEMUNGUTAN "
     "SUMBANGAN WAJIB ATAS KENDARAAN BERMOTOR (LEMBARAN-NEGARA TAHUN 1962 NO. 52), MENJADI "
     "UNDANG-UNDANG"),
])
def test_a_garbled_heading_takes_the_whole_menetapkan(heading: str, stated: str,
                                                      title: str) -> None:
    assert parse_regulation(_law(heading, "bahwa perlu;", stated)).about == title


@pytest.mark.parametrize(("heading", "stated"), [
    # a garbled heading, and a restatement that lost words of its own: the heading stays
    ("PENETAPAN UNDANG-UNDANG DARURAT NO. 7 TAHUN 1958 TENTANG BINTANG GERILYA SEBAGAIMANA "
     "TERMAKTUB DALAM PERATURAN PEMERINTAH NO. 8 TAHUN 1949 NO. 154) SEBAGAI UNDANG-UNDANG",
     "UNDANG-UNDANG TENTANG PENETAPAN UNDANG-UNDANG DARURAT NO. 7 TAHUN 1958 TENTANG BINTANG "
     "GERILYA SEBAGAI TERMAKTUB DALAM PERATURAN PEMERINTAH SEBAGAI UNDANG-UNDANG."),
    # a list of parties repeats words, far apart: no garbled heading
    ("PENGESAHAN PERJANJIAN KARYA ANTARA P.N. PERTAMINA DENGAN P.T. CALTEX INDONESIA; P.N. "
     "PERTAMINA DENGAN P.T. STANVAC INDONESIA",
     "UNDANG-UNDANG TENTANG PENGESAHAN PERJANJIAN KARYA ANTARA P.N. PERTAMINA DENGAN P.T. "
     "CALTEX INDONESIA DAN P.N. PERMINA DENGAN P.T. STANVAC INDONESIA."),
])
def test_a_heading_stays_beside_a_restatement_that_is_no_better(heading: str,
                                                                stated: str) -> None:
    assert parse_regulation(_law(heading, "bahwa perlu;", stated)).about == heading


@pytest.mark.parametrize(("heading", "title"), [
    # read from a Penjelasan heading, run on into its first section
    ("PERTAHANAN NEGARA I. PEMBENTUKAN DAN CARA KERJA PANITIA NEGARA", "PERTAHANAN NEGARA"),
    # a short piece of page debris the text never uses again
    ("PERALIHAN TUGAS DAN WEWENANG AGRARIA REFR", "PERALIHAN TUGAS DAN WEWENANG AGRARIA"),
    # a footnote's mark
    ("PERALIHAN TUGAS DAN WEWENANG AGRARIA *)", "PERALIHAN TUGAS DAN WEWENANG AGRARIA"),
])
def test_a_heading_run_on_past_its_restatement_is_cut(heading: str, title: str) -> None:
    text = _law(heading, "bahwa tugas agraria perlu dialihkan;", f"UNDANG-UNDANG TENTANG {title}.")
    assert parse_regulation(text).about == title


def test_a_real_last_word_the_restatement_lacks_is_kept() -> None:
    # "ASING" is used in the text: not debris, the Menetapkan line was only shorter
    text = _law("PENANAMAN MODAL ASING", "bahwa modal asing diperlukan;",
                "UNDANG-UNDANG TENTANG PENANAMAN MODAL.")
    assert parse_regulation(text).about == "PENANAMAN MODAL ASING"


def test_a_cited_year_later_than_the_regulation_is_read_from_the_text() -> None:
    text = ("PERATURAN PEMERINTAH REPUBLIK INDONESIA NOMOR 12 TAHUN 2021 TENTANG PERUBAHAN ATAS "
            "PERATURAN PEMERINTAH NOMOR 14 TAHUN 2076 TENTANG PENYELENGGARAAN PERUMAHAN\n"
            "DENGAN RAHMAT TUHAN YANG MAHA ESA\nMenimbang : bahwa perlu menetapkan Peraturan "
            "Pemerintah tentang Perubahan atas Peraturan Pemerintah Nomor 14 Tahun 2016 tentang "
            "Penyelenggaraan Perumahan;\nMEMUTUSKAN:\nPasal I\nBeberapa ketentuan dalam Peraturan "
            "Pemerintah Nomor 14 Tahun 2016 diubah.\nPasal II\nBerlaku.")
    assert parse_regulation(text).about == (
        "PERUBAHAN ATAS PERATURAN PEMERINTAH NOMOR 14 TAHUN 2016 TENTANG PENYELENGGARAAN "
        "PERUMAHAN")
    # a year no later than the regulation's own is what the heading says
    assert "TAHUN 2016" in parse_regulation(text.replace("2076", "2016").replace(
        "Tahun 2016", "Tahun 2015")).about
    # the regulation's own number and year are no citation to read a year from
    own = text.replace("Nomor 14 Tahun 2016", "Nomor 12 Tahun 2021").replace(
        "NOMOR 14 TAHUN 2076", "NOMOR 12 TAHUN 2076")
    assert "NOMOR 12 TAHUN 2076" in parse_regulation(own).about


@pytest.mark.parametrize(("heading", "title"), [
    ("PEMILIHAN UMUM Presiden Republik Indonesia,", "PEMILIHAN UMUM"),
    ("PEMBERIAN KUASA UNDANG-UNDANG NO. 63\n", "PEMBERIAN KUASA UNDANG-UNDANG NO. 63"),
])
def test_a_title_ending_in_a_section_word_or_number_keeps_it(heading: str, title: str) -> None:
    text = (f"UNDANG-UNDANG REPUBLIK INDONESIA NOMOR 7 TAHUN 1958 TENTANG {heading} "
            "Menimbang : a. bahwa perlu;\nMEMUTUSKAN:\nPasal 1\nIsi.")
    assert parse_regulation(text).about == title


def test_a_penjelasan_section_after_its_title_ends_it() -> None:
    text = _law("PEMBUATAN PERJANJIAN PERSAHABATAN DAN KERJA-SAMA ANTARA", "bahwa perlu;",
                "Undang-undang tentang pembuatan perjanjian.",
                "PENJELASAN ATAS UNDANG-UNDANG No. 9 TAHUN 1962 TENTANG PEMBUATAN PERJANJIAN "
                "PERSAHABATAN DAN KERJASAMA ANTARA REPUBLIK INDONESIA DAN REPUBLIK SOSIALIS "
                "CEKOSLOVAKIA. UMUM. Dalam rangka usaha persahabatan.")
    assert parse_regulation(text).about == (
        "PEMBUATAN PERJANJIAN PERSAHABATAN DAN KERJASAMA ANTARA REPUBLIK INDONESIA DAN REPUBLIK "
        "SOSIALIS CEKOSLOVAKIA")


@pytest.mark.parametrize(("heading", "preamble", "body"), [
    # the words after the title's last ones are a Pasal's sentence, not the preamble's
    ("PENYELENGGARAAN PENDIDIKAN DAN", "bahwa perlu;",
     "Penyelenggaraan pendidikan dan pelatihan dilaksanakan oleh Dinas."),
    # "Antara" with a capital is a name (Perum LKBN Antara), not "between"
    ("PERUSAHAAN UMUM LEMBAGA KANTOR BERITA NASIONAL ANTARA", "bahwa perlu;",
     "Perusahaan Umum Lembaga Kantor Berita Nasional Antara dan disingkat Perum LKBN."),
    # a clause of running text, short enough to pass for a name
    ("PENGESAHAN PERJANJIAN ANTARA REPUBLIK INDONESIA DAN",
     "bahwa Republik Indonesia dan Republik Korea telah menandatangani perjanjian;", ""),
    # one side named after "antara" in the preamble too: no second side to add
    ("PENGESAHAN PERJANJIAN ANTARA REPUBLIK", "bahwa perjanjian antara Republik Indonesia;", ""),
])
def test_a_cut_title_is_completed_only_from_a_name_in_the_preamble(heading: str, preamble: str,
                                                                    body: str) -> None:
    text = _law(heading, preamble, "Undang-undang tentang hal itu.").replace(
        "Perjanjian disetujui.", body or "Perjanjian disetujui.")
    assert parse_regulation(text).about == heading


def test_a_short_last_word_the_text_writes_in_its_own_case_is_no_debris() -> None:
    text = _law("PEMBENTUKAN KABUPATEN BENER MERIAH DI PROVINSI ACEH",
                "bahwa perlu membentuk kabupaten di Provinsi Aceh;",
                "UNDANG-UNDANG TENTANG PEMBENTUKAN KABUPATEN BENER MERIAH DI PROVINSI.")
    assert parse_regulation(text).about == "PEMBENTUKAN KABUPATEN BENER MERIAH DI PROVINSI ACEH"


def test_debris_is_cut_when_the_restatement_has_no_end_either() -> None:
    text = _law("PERALIHAN TUGAS DAN WEWENANG AGRARIA REFR", "bahwa tugas agraria dialihkan;",
                "UNDANG-UNDANG TENTANG PERALIHAN TUGAS DAN WEWENANG AGRARIA")
    assert parse_regulation(text).about == "PERALIHAN TUGAS DAN WEWENANG AGRARIA"


def test_a_footnote_mark_ends_a_heading_with_no_restatement() -> None:
    text = ("UNDANG-UNDANG REPUBLIK INDONESIA NOMOR 9 TAHUN 1955 TENTANG PEMBERIAN KUASA KEPADA "
            "MENTERI KEUANGAN *)\nMenimbang : bahwa perlu;\nMEMUTUSKAN:\nPasal 1\nIsi.")
    assert parse_regulation(text).about == "PEMBERIAN KUASA KEPADA MENTERI KEUANGAN"


def test_a_restatement_garbled_itself_does_not_replace_a_garbled_heading() -> None:
    heading = "PENETAPAN PERATURAN NO. 12 TAHUN 1962 TENTANG FISKAL NO. 50) MENJADI UNDANG-UNDANG"
    stated = ("Undang-undang tentang Penetapan Peraturan No. 12 tahun 1962 tentang ketentuan "
              "Fiskal mengenai sumbangan No. 50) menjadi Undang-undang.")
    assert parse_regulation(_law(heading, "bahwa perlu;", stated)).about == heading


def test_a_restatement_is_written_in_the_headings_capitals_and_hyphens() -> None:
    text = _law("PENETAPAN UNDANG-UNDANG DARURAT NO. 4 TAHUN 1951 TENTANG BEA TAHUN 1951 NO. 14) "
                "SEBAGAI UNDANG-UNDANG", "bahwa perlu;",
                "Undang-undang tentang Penetapan Undang- undang Darurat No. 4 tahun 1951 tentang "
                "bea (Lembaran- Negara tahun 1951 No. 14) sebagai Undang-undang.")
    assert parse_regulation(text).about == (
        "PENETAPAN UNDANG-UNDANG DARURAT NO. 4 TAHUN 1951 TENTANG BEA (LEMBARAN-NEGARA TAHUN "
        "1951 NO. 14) SEBAGAI UNDANG-UNDANG")


def test_a_later_year_is_mended_only_from_an_earlier_one() -> None:
    text = ("PERATURAN PEMERINTAH REPUBLIK INDONESIA NOMOR 12 TAHUN 2021 TENTANG PERUBAHAN ATAS "
            "PERATURAN PEMERINTAH NOMOR 14 TAHUN 2076 TENTANG PERUMAHAN\nMenimbang : bahwa "
            "Peraturan Pemerintah Nomor 14 Tahun 2077 perlu diubah;\nMEMUTUSKAN:\nPasal I\nIsi.")
    parsed = parse_regulation(text)
    assert "NOMOR 14 TAHUN 2076" in parsed.about
    mended = parse_regulation(text.replace("Tahun 2077", "Tahun 2016"))
    assert "NOMOR 14 TAHUN 2016" in mended.about
    assert mended.confidence["about"] < parsed.confidence["about"]


@pytest.mark.parametrize(("heading", "title"), [
    ("PEMBERIAN KUASA UNDANG-UNDANG NOMOR. 63\n", "PEMBERIAN KUASA UNDANG-UNDANG NOMOR. 63"),
    ("PEMBERIAN KUASA KEPADA MENTERI KEUANGAN MENURUT DAFTAR NO . 5\n",
     "PEMBERIAN KUASA KEPADA MENTERI KEUANGAN MENURUT DAFTAR NO . 5"),
    ("PEMBERIAN KUASA SEBAGAI UNDANG-UNDANG. 1\n", "PEMBERIAN KUASA SEBAGAI UNDANG-UNDANG"),
])
def test_a_number_after_a_full_stop_is_cut_unless_it_is_a_number(heading: str,
                                                                 title: str) -> None:
    text = (f"UNDANG-UNDANG REPUBLIK INDONESIA NOMOR 7 TAHUN 1958 TENTANG {heading} "
            "Menimbang : a. bahwa perlu;\nMEMUTUSKAN:\nPasal 1\nIsi.")
    assert parse_regulation(text).about == title


def test_a_restatement_line_running_on_without_the_headings_words_is_ignored() -> None:
    # a Menetapkan line of more than a thousand characters with no end and none of the
    # heading's words: the heading stays, nothing is read from the line
    text = _law("PERTAHANAN NEGARA", "bahwa perlu;",
                "UNDANG-UNDANG TENTANG " + "LAIN KATA " * 150)
    assert parse_regulation(text).about == "PERTAHANAN NEGARA"


def test_a_whole_heading_stays_beside_a_restatement_that_only_adds_the_gazette_number() -> None:
    heading = ("PENETAPAN UNDANG-UNDANG DARURAT NO. 2 TAHUN 1958 TENTANG TANDA-TANDA PENGHARGAAN "
               "SEBAGAI UNDANG-UNDANG")
    stated = ("Undang-undang tentang Penetapan Undang-undang Darurat No. 2 tahun 1958 tentang "
              "tanda-tanda penghargaan (Lembaran-Negara tahun 1958 No. 41) sebagai Undang-undang.")
    assert parse_regulation(_law(heading, "bahwa perlu;", stated)).about == heading


def _pp(heading: str, needs: str) -> str:
    return (f"PERATURAN PEMERINTAH REPUBLIK INDONESIA NOMOR 33 TAHUN 2013 TENTANG {heading}\n"
            f"Menimbang : bahwa perlu menetapkan Peraturan Pemerintah tentang {needs};\n"
            "MEMUTUSKAN:\nPasal 1\nIsi.")


@pytest.mark.parametrize(("heading", "needs", "title"), [
    # the page header, run into the title by a text laid out out of order
    ("PERLUASAN KESEMPATAN KERJA PRESIDEN REPUBLIK INDONESIA", "Perluasan Kesempatan Kerja",
     "PERLUASAN KESEMPATAN KERJA"),
    # a title that ends so: the preamble says it whole
    ("HAK KEUANGAN WAKIL PRESIDEN REPUBLIK INDONESIA",
     "Hak Keuangan Wakil Presiden Republik Indonesia",
     "HAK KEUANGAN WAKIL PRESIDEN REPUBLIK INDONESIA"),
    # no witness: kept
    ("PERLUASAN KESEMPATAN KERJA PRESIDEN REPUBLIK INDONESIA", "hal lain",
     "PERLUASAN KESEMPATAN KERJA PRESIDEN REPUBLIK INDONESIA"),
])
def test_the_page_header_is_cut_from_a_title_when_the_preamble_says_it_without(
        heading: str, needs: str, title: str) -> None:
    assert parse_regulation(_pp(heading, needs)).about == title


@pytest.mark.parametrize(("heading", "preamble", "title"), [
    # one side named, the preamble names both: completed
    ("PEMBUATAN PERJANJIAN PERSAHABATAN ANTARA REPUBLIK INDONESIA",
     "bahwa perlu dibuat Perjanjian Persahabatan antara Republik Indonesia dan Republik Rakyat "
     "Hongaria;",
     "PEMBUATAN PERJANJIAN PERSAHABATAN ANTARA REPUBLIK INDONESIA DAN REPUBLIK RAKYAT HONGARIA"),
    # "Antara" the name (Perum LKBN Antara), not the word "between": kept
    ("PERUSAHAAN UMUM LEMBAGA KANTOR BERITA NASIONAL ANTARA",
     "bahwa Lembaga Kantor Berita Nasional Antara dan kantor berita daerah dibina;",
     "PERUSAHAAN UMUM LEMBAGA KANTOR BERITA NASIONAL ANTARA"),
    # "ANTARA" far from the title's end does not make it cut: kept
    ("PENGESAHAN PERSETUJUAN ANTARA PEMERINTAH REPUBLIK INDONESIA TENTANG KERJASAMA DI BIDANG "
     "PERTAHANAN", "bahwa kerjasama di bidang pertahanan dan keamanan perlu;",
     "PENGESAHAN PERSETUJUAN ANTARA PEMERINTAH REPUBLIK INDONESIA TENTANG KERJASAMA DI BIDANG "
     "PERTAHANAN"),
])
def test_a_title_between_one_side_is_completed_only_from_the_word_between(
        heading: str, preamble: str, title: str) -> None:
    assert parse_regulation(_law(heading, preamble, "Undang-undang tentang hal itu.")).about == (
        title)


@pytest.mark.parametrize("furniture", [
    "\nPRESIDEN\nREPUBLIK INDONESIA\n",  # the page header
    "\n- 2 -\n",  # a page number
])
def test_page_furniture_at_a_line_break_is_no_part_of_a_completed_title(furniture: str) -> None:
    heading = "PEMBUATAN PERJANJIAN PERSAHABATAN ANTARA REPUBLIK INDONESIA DAN"
    preamble = ("bahwa perlu Perjanjian Persahabatan antara Republik Indonesia "
                f"dan{furniture}Kerajaan Jepang;")
    assert parse_regulation(_law(heading, preamble, "Undang-undang tentang hal itu.")).about == (
        heading)


def test_a_sentence_case_title_has_its_cited_year_mended_too() -> None:
    text = ("Peraturan Pemerintah Republik Indonesia Nomor 12 Tahun 2021 tentang Perubahan atas "
            "Peraturan Pemerintah Nomor 14 Tahun 2076 tentang Perumahan\nMenimbang : bahwa "
            "Peraturan Pemerintah Nomor 14 Tahun 2016 perlu diubah;\nMEMUTUSKAN:\nPasal I\nIsi.")
    assert parse_regulation(text).about == (
        "Perubahan atas Peraturan Pemerintah Nomor 14 Tahun 2016 tentang Perumahan")


def test_a_long_title_only_the_menetapkan_prints_is_read_to_its_end() -> None:
    title = ("PENGESAHAN PERSETUJUAN ANTARA PEMERINTAH REPUBLIK INDONESIA DAN PEMERINTAH JEPANG "
             "MENGENAI " + " ".join(["KERJA SAMA EKONOMI DAN TEKNIK DI BIDANG PERTANIAN"] * 8))
    assert len(title) > 400
    text = (f"SALINAN\nMenimbang : bahwa perlu;\nMEMUTUSKAN:\nMenetapkan : PERATURAN PRESIDEN "
            f"TENTANG {title}.\nPasal 1\nIsi.")
    assert parse_regulation(text).about == title


def test_a_completed_side_ends_at_a_closing_quote() -> None:
    heading = "PERSETUJUAN PERJANJIAN PERSAHABATAN ANTARA REPUBLIK INDONESIA DAN"
    preamble = ('bahwa perlu "Perjanjian Persahabatan antara Republik Indonesia dan Kerajaan Irak" '
                "disetujui;")
    assert parse_regulation(_law(heading, preamble, "Undang-undang tentang hal itu.")).about == (
        f"{heading} KERAJAAN IRAK")


def test_a_run_on_is_cut_in_the_right_place_after_letters_that_lengthen_in_lower_case() -> None:
    # "İ" lower-cased is two characters: the cut after the restatement must not shift
    title = "PENGESAHAN PERSETUJUAN DENGAN TÜRKİYE"
    text = _law(f"{title} I. PEMBENTUKAN PANITIA KERJA", "bahwa perlu;",
                f"UNDANG-UNDANG TENTANG {title}.")
    assert parse_regulation(text).about == title
