"""OCR damage in a regulation's title is read right from the document's own words."""

from __future__ import annotations

import pytest

from crawler.extract import parse_regulation
from crawler.extract.wordrepair import MAX_SEARCHES, ocr_distance, repair_title

# A body that spells the title's words right, three times or more each (as real bodies do)
BODY = " ".join([
    "Pemerintah menetapkan penyertaan modal negara ke dalam modal saham perseroan.",
    "Penyertaan modal dalam perseroan dilakukan oleh Pemerintah dengan persyaratan dan",
    "penjaminan resi gudang. Penyertaan modal, persyaratan dan resi diatur Pemerintah.",
    "Harmonisasi peraturan perpajakan berlaku di Provinsi. Harmonisasi perpajakan di",
    "Provinsi berlaku. Harmonisasi perpajakan Provinsi. Modal modal modal.",
    "Peraturan Pemerintah tentang penerimaan. Peraturan ini mengatur penerimaan dan peraturan.",
    "Perubahan dan kementerian. Republik Indonesia.",
] * 3)


@pytest.mark.parametrize(("damaged", "repaired"), [
    ("PENAMBAHAN PEI{YERTAAN MODAL NEGARA KE DAI,AM MODAL SAHAM",
     "PENAMBAHAN PENYERTAAN MODAL NEGARA KE DALAM MODAL SAHAM"),
    ("PERUBAHAN ATAS PEMTURAN PEMERINTAH NOMOR 5I TAHUN 2OO8",
     "PERUBAHAN ATAS PERATURAN PEMERINTAH NOMOR 51 TAHUN 2008"),
    ("HARMONI SASI PERATURAN PERPAJAI(AN DI PROVINS!",
     "HARMONISASI PERATURAN PERPAJAKAN DI PROVINSI"),
    ("PERSYARATANDAN PENJAMINANRES!", "PERSYARATAN DAN PENJAMINAN RESI"),
    ("PEMEzuNTAH DAN PENERIMMN", "PEMERINTAH DAN PENERIMAAN"),
    ("PENYERTAAN M ODAL (PERSERO}", "PENYERTAAN MODAL (PERSERO)"),
    ("REPUBLlK lNDONESIA", "REPUBLIK INDONESIA"),
])
def test_ocr_damaged_title_words_are_repaired(damaged: str, repaired: str) -> None:
    assert repair_title(damaged, damaged + "\n" + BODY)[0] == repaired


@pytest.mark.parametrize("title", [
    "PENGUBAHAN PERATURAN",  # a real word, not an OCR form of the body's "PERUBAHAN"
    "KEMENTRIAN PENERIMAAN",  # old spelling, kept as printed
    "PENGESAHAN TREATY BETWEEN THE REPUBLIC OF INDONESIA AND THE PEOPLE'S REPUBLIC",
    "LHOKSEUMAWE DAN PENYERTAAN",  # a name the text does not repeat: nothing near it
    "PEMERINTAH DAN PERATURAN",  # nothing to repair
    "Penyertaan Modal Negara",  # mixed case titles are left to the case they came in
])
def test_right_words_are_left_alone(title: str) -> None:
    assert repair_title(title, title + "\n" + BODY) == (title, 0)


def test_ocr_distance_counts_only_ocr_like_edits() -> None:
    assert ocr_distance("PEMTURAN", "PERATURAN", 2) == 1  # "RA" read as "M"
    assert ocr_distance("DTSABILITAS", "DISABILITAS", 2) == 1  # I read as T
    assert ocr_distance("IDUP", "HIDUP", 2) == 1  # a lost first letter
    assert ocr_distance("PENGUBAHAN", "PERUBAHAN", 2) == 3  # other words: beyond any limit
    assert ocr_distance("PEJABAT", "PENJABAT", 2) == 3


def test_parsed_title_is_repaired_with_lower_confidence() -> None:
    text = ("PERATURAN PEMERINTAH REPUBLIK INDONESIA NOMOR 7 TAHUN 2022 TENTANG PENAMBAHAN "
            "PEI{YERTAAN MODAL NEGARA KE DAI,AM MODAL SAHAM\nDENGAN RAHMAT TUHAN YANG MAHA ESA\n"
            "Menimbang : a. bahwa perlu penyertaan modal;\nMEMUTUSKAN:\nPasal 1\n" + BODY)
    parsed = parse_regulation(text)
    assert parsed.about == "PENAMBAHAN PENYERTAAN MODAL NEGARA KE DALAM MODAL SAHAM"
    assert parsed.confidence["about"] < 0.9
    clean = parse_regulation(text.replace("PEI{YERTAAN", "PENYERTAAN").replace("DAI,AM", "DALAM"))
    assert clean.about == parsed.about
    assert clean.confidence["about"] > parsed.confidence["about"]


def test_an_end_marker_hidden_by_ocr_still_ends_the_title() -> None:
    text = ("PERATURAN PEMERINTAH REPUBLIK INDONESIA NOMOR 7 TAHUN 2022 TENTANG PENYERTAAN MODAL "
            "NEGARA DBNGAN RAHMAT TUHAN YANG MAHA ESA\nMenimbang : a. bahwa perlu dengan modal;\n"
            "MEMUTUSKAN:\nPasal 1\n" + BODY + " dengan dengan dengan")
    assert parse_regulation(text).about == "PENYERTAAN MODAL NEGARA"


def test_a_hostile_title_is_looked_up_a_bounded_number_of_times() -> None:
    title = " ".join(["PEI{YERTAAN"] * 100)  # every word damaged: only MAX_SEARCHES are read
    repaired, count = repair_title(title, title + "\n" + BODY)
    assert count == MAX_SEARCHES
    assert repaired.split()[:2] == ["PENYERTAAN", "PENYERTAAN"]
    assert repaired.split()[-1] == "PEI{YERTAAN"


def test_a_word_in_its_own_case_is_not_repaired() -> None:
    body = "perseroan " * 20 + "Persero " * 2 + BODY
    title = "PENYERTAAN MODAL PERUSAHAAN PERSEROAN (Persero) PT SEMEN"
    assert repair_title(title, title + "\n" + body) == (title, 0)



def test_glyphs_read_as_two_characters_and_merged_letters() -> None:
    body = "Penyediaan tenaga, penyediaan jasa, penyediaan data; tentang ini, tentang itu. " * 2
    title = "PEI{YEDIA,q.N TENAGA TEKNIS TEMANG JASA"
    assert repair_title(title, title + "\n" + body)[0] == "PENYEDIAAN TENAGA TEKNIS TENTANG JASA"


def test_the_first_menimbang_letter_is_not_part_of_the_title() -> None:
    text = ("PERATURAN PEMERINTAH REPUBLIK INDONESIA NOMOR 31 TAHUN 2018 TENTANG VETERAN REPUBLIK "
            "INDONESIA a. bahwa untuk melaksanakan;\nMEMUTUSKAN:\nPasal 1\nIsi.")
    assert parse_regulation(text).about == "VETERAN REPUBLIK INDONESIA"


def test_a_damaged_word_seen_only_in_the_titles_repeats_is_read_as_the_common_one() -> None:
    # The heading and the Menetapkan both say "PERTOIONGAN"; the body says the right word often
    body = "Pertolongan diberikan. " * 25
    title = "PEMBINAAN POTENSI PENCARIAN DAN PERTOIONGAN"
    text = f"{title}\nMenetapkan : {title}\n{body}"
    assert repair_title(title, text)[0] == "PEMBINAAN POTENSI PENCARIAN DAN PERTOLONGAN"
    # ... but a real word the body uses as often as the near one stays as printed
    rare = "Pertoiongan adalah nama tempat. " * 25
    assert repair_title(title, f"{title}\n{rare}{body}")[0] == title


@pytest.mark.parametrize(("title", "body"), [
    ("PENETAPAN KAWASAN CAGAR ALAM", "Kegiatan dalam kawasan. "),  # not DALAM: a lost letter
    ("SURAT KETERANGAN ASAL", "Lihat Pasal 2. "),  # not PASAL
    ("PENGGANTIAN TANGGAL LIBUR", "Tangga darurat. "),  # not TANGGA: a stroke less
    ("PENANGGULANGAN RENCANA TATA", "Bencana alam. "),  # not BENCANA: another first letter
])
def test_a_real_word_seen_only_in_the_title_stays_beside_a_common_near_word(
        title: str, body: str) -> None:
    text = f"{title}\nMenetapkan : {title}\n" + body * 30
    assert repair_title(title, text)[0] == title


def test_words_joined_by_a_slash_are_repaired_one_by_one() -> None:
    text = "TATA CARA PENGHAPUSAN PIUTANG NEGAM/DAERAH\n" + "Piutang Negara dan Daerah. " * 5
    assert repair_title("PIUTANG NEGAM/DAERAH", text)[0] == "PIUTANG NEGARA/DAERAH"
    # "V/" is OCR for W inside one word: not two words to repair apart
    assert repair_title("PENGAV/ASAN DAERAH", text + "Pengawasan. " * 5)[0] == (
        "PENGAWASAN DAERAH")


def test_english_words_of_a_treaty_title_are_repaired_from_the_documents_english() -> None:
    english = ("Paris Agreement to the United Nations Framework Convention on Climate Change. "
               "The Agreement binds the Nations. ") * 3
    title = "PENGESAHAN PARIS AGREDMENT TO THE UNITED lVATlOlVS FRAMEWORK CONVENTION"
    assert repair_title(title, f"{title}\n{english}")[0] == (
        "PENGESAHAN PARIS AGREEMENT TO THE UNITED NATIONS FRAMEWORK CONVENTION")
    # an English word beside the body's Indonesian one is no OCR damage
    treaty = "TREATY BETWEEN THE REPUBLIC OF INDONESIA AND THE REPUBLIC OF CHILE"
    assert repair_title(treaty, treaty + "\nRepublik Indonesia. " * 5)[0] == treaty


def test_a_word_the_text_writes_only_in_capitals_is_read_as_the_running_texts_word() -> None:
    # "BAMNG" ("RA" read as "M") in the heading, the Menetapkan and page headers; the body
    # writes "barang" in its own case, far more often
    title = "CARA PEMBAYARAN BAMNG DAN CARA PENYERAHAN BAMNG"
    text = f"{title}\n{title}\nBAMNG\n" + "Pembayaran barang dan penyerahan barang. " * 8
    assert repair_title(title, text)[0] == "CARA PEMBAYARAN BARANG DAN CARA PENYERAHAN BARANG"
    # the same word written in the running text's case too is a word of the text: kept
    assert repair_title(title, text + "Bamng adalah nama. " * 2)[0] == title
    # a near word the text writes only in capitals is no witness
    capitals = f"{title}\n" + "PEMBAYARAN BARANG DAN PENYERAHAN BARANG. " * 8
    assert repair_title(title, capitals)[0] == title


def test_a_number_glued_to_a_word_is_parted() -> None:
    body = "Tahun ini, tentang itu, tahun depan, tentang ini, tahun lalu, tentang apa. "
    title = "PERATURAN NOMOR 14 TAHUN1985 TENTANG X DAN NOMOR 2 TAHUN 2O16TENTANG Y"
    assert repair_title(title, title + "\n" + body)[0] == (
        "PERATURAN NOMOR 14 TAHUN 1985 TENTANG X DAN NOMOR 2 TAHUN 2016 TENTANG Y")


def test_glued_words_are_parted_into_words_the_text_uses_elsewhere() -> None:
    title = "PERUBAHAN KESEBELASATASPERATURAN PEMERINTAH"
    # each part written twice elsewhere (the Menimbang and the Menetapkan), not three times
    text = (f"{title}\nbahwa perlu Perubahan Kesebelas atas Peraturan Pemerintah;\n"
            "Menetapkan : PERUBAHAN KESEBELAS ATAS PERATURAN PEMERINTAH.")
    assert repair_title(title, text)[0] == "PERUBAHAN KESEBELAS ATAS PERATURAN PEMERINTAH"


def test_a_number_glued_to_a_word_the_text_does_not_know_stays() -> None:
    body = "Tahun ini, tentang itu, tahun depan, tentang ini, tahun lalu, tentang apa. "
    title = "PERATURAN XYZQ1985 TENTANG X"
    assert repair_title(title, title + "\n" + body)[0] == title
