"""A heading the source cut short is completed from the document's own restatement."""

from __future__ import annotations

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
    title = ("PENETAPAN PERATURAN PEMERINTAH PENGGANTI UNDANG\u2013UNDANG NOMOR 2 TAHUN 2022 "
             "TENTANG CIPTA KERJA MENJADI UNDANG\u2013UNDANG")
    text = ("Peraturan Pemerintah Pengganti Undang-Undang Nomor 2 Tahun 2022 tentang Cipta Kerja "
            "(Lembaran Negara Tahun 2022 Nomor 238) ditetapkan menjadi Undang-Undang.")
    assert complete_title(title, text) == title


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
