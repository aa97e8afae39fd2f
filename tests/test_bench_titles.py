"""The tentang metric of the regulation benchmark: the reference projected onto the text."""

from __future__ import annotations

from bench.extraction.titles import aligned_matches, aligned_reference, title_matches

TEXT = (
    "PERATURAN PEMERINTAH REPUBLIK INDONESIA\nNOMOR 46 TAHUN 2000\nTENTANG\n"
    "PENETAPAN BESARNYA NILAI JUAL KENA PAJAK UNTUK PERHITUNGAN PAJAK BUMI DAN BANGUNAN\n"
    "DENGAN RAHMAT TUHAN YANG MAHA ESA\nPRESIDEN REPUBLIK INDONESIA,\n"
    "Menimbang : bahwa untuk melaksanakan ketentuan tentang penetapan nilai jual kena pajak ..."
)
TITLE = "PENETAPAN BESARNYA NILAI JUAL KENA PAJAK UNTUK PERHITUNGAN PAJAK BUMI DAN BANGUNAN"


def test_a_misspelt_reference_is_read_in_the_texts_own_spelling() -> None:
    typo = TITLE.replace("PERHITUNGAN", "PENHITUNGAN")
    assert not title_matches(TITLE, typo, first_line=False)[1]
    assert aligned_reference(typo, TEXT) == TITLE
    assert aligned_matches(TITLE, typo, TEXT)


def test_abbreviations_and_short_citations_align() -> None:
    text = ("UNDANG-UNDANG REPUBLIK INDONESIA NOMOR 1 TAHUN 2001 TENTANG PENGESAHAN PERSETUJUAN "
            "ANTARA PEMERINTAH REPUBLIK INDONESIA DAN PEMERINTAH HONGKONG DENGAN RAHMAT TUHAN")
    found = ("PENGESAHAN PERSETUJUAN ANTARA PEMERINTAH REPUBLIK INDONESIA DAN PEMERINTAH "
             "HONGKONG")
    assert aligned_matches(found, "PENGESAHAN PERSETUJUAN ANTARA PEMERINTAH RI DAN PEMERINTAH "
                           "HONGKONG", text)


def test_the_boundaries_stay_the_references() -> None:
    """A reference that stops early or a parser that runs on is still wrong."""
    short = "PENETAPAN BESARNYA NILAI JUAL KENA PAJAK UNTUK PERHITUNGAN PAJAK BUMI"
    assert not aligned_matches(TITLE, short, TEXT)
    assert not aligned_matches(TITLE + " DENGAN RAHMAT TUHAN YANG MAHA ESA", TITLE, TEXT)
    assert not aligned_matches("PENETAPAN BESARNYA NILAI JUAL KENA PAJAK", TITLE, TEXT)


def test_a_reference_the_text_does_not_hold_is_not_projected() -> None:
    other = "PEMBENTUKAN KABUPATEN CONTOH DI PROVINSI BALI"
    assert aligned_reference(other, TEXT) is None
    assert not aligned_matches(TITLE, other, TEXT)
    assert aligned_matches(other, other, TEXT)  # then it is the normalised comparison
