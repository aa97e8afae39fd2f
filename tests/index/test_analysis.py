"""Indonesian analysis: tokens, stop words, stemming families, guards, the Whoosh analyzer."""

from __future__ import annotations

import pickle

import pytest
from whoosh.formats import Frequency, Positions

from index.analysis import (
    STOP_WORDS,
    IndonesianAnalyzer,
    IndonesianFrequency,
    IndonesianPositions,
    stem,
    tokenize,
    words,
)
from index.glossary import Glossary, default_glossary
from index.lexicon import Lexicon


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Perbup 55/2018", ["perbup", "55/2018"]),
        ("SE Mendagri 842.2/5193/SJ", ["se", "mendagri", "842.2/5193/sj"]),
        ("Nomor 336/E-01/HK/2018", ["nomor", "336/e-01/hk/2018"]),
        ("Pasal 4 ayat (2)", ["pasal", "4", "ayat", "2"]),
        ("undang-undang", ["undang", "undang"]),
        ("Rp 1.000.000,00", ["rp", "1.000.000", "00"]),
        ("BPJS-TK", ["bpjs", "tk"]),
        ("JKK, JKM; JHT.", ["jkk", "jkm", "jht"]),
        ("tahun 2018.", ["tahun", "2018"]),
        ("emoji 👷 pekerja", ["emoji", "pekerja"]),
        ("２０１８", ["2018"]),
    ],
)
def test_tokenize_keeps_numbers_and_citation_tokens(text: str, expected: list[str]) -> None:
    assert words(text) == expected


def test_tokenize_reports_original_offsets() -> None:
    text = "Iuran  JKK dibayar"
    assert [(text[s:e], s, e) for _, s, e in tokenize(text)] == [
        ("Iuran", 0, 5), ("JKK", 7, 10), ("dibayar", 11, 18)]


@pytest.mark.parametrize(
    ("family", "root"),
    [
        (["perlindungan", "melindungi", "dilindungi", "terlindungi", "lindung"], "lindung"),
        (["pekerja", "pekerjaan", "mempekerjakan", "bekerja", "kerja"], "kerja"),
        (["pembayaran", "membayar", "dibayar", "dibayarkan", "bayar"], "bayar"),
        (["pendaftaran", "mendaftarkan", "didaftarkan", "daftar"], "daftar"),
        (["kecelakaan", "celaka"], "celaka"),
        (["penerima", "menerima", "diterima", "terima"], "terima"),
        (["pengupahan", "upah"], "upah"),
        (["penyelenggaraan", "menyelenggarakan", "diselenggarakan"], "selenggara"),
        (["kematian", "mati"], "mati"),
    ],
)
def test_affix_families_share_one_stem(family: list[str], root: str) -> None:
    assert {stem(word) for word in family} == {root}


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("peserta", "peserta"),  # Sastrawi: "serta", a conjunction
        ("kepesertaan", "peserta"),
        ("berlaku", "berlaku"),  # Sastrawi: "laku", shared with "melakukan" (to do)
        ("diberlakukan", "berlaku"),
        ("bagian", "bagian"),  # Sastrawi: "bagi", a preposition
        ("pemerintah", "pemerintah"),  # Sastrawi: "perintah" (an order)
        ("ketentuan", "ketentuan"),
    ],
)
def test_known_over_stemming_is_guarded(word: str, expected: str) -> None:
    assert stem(word) == expected


@pytest.mark.parametrize("word", ["melakukan", "dilakukan"])
def test_guard_keeps_other_family_apart(word: str) -> None:
    assert stem(word) != stem("berlaku")


@pytest.mark.parametrize("word", ["yang", "dan", "di", "dari", "untuk", "dengan", "pada", "serta"])
def test_function_words_are_stop_words(word: str) -> None:
    assert word in STOP_WORDS
    assert [t.text for t in IndonesianAnalyzer()(word)] == []


@pytest.mark.parametrize("word", ["bagian", "bulan", "tiga", "tahun", "tidak", "pasal", "ayat"])
def test_content_words_are_not_stop_words(word: str) -> None:
    assert word not in STOP_WORDS


def test_analyzer_writes_exact_words_and_keeps_stop_word_positions() -> None:
    analyzer = IndonesianAnalyzer()
    tokens = [(t.text, t.pos, t.startchar, t.endchar)
              for t in analyzer("Pekerja yang rentan 55/2018", positions=True, chars=True)]
    assert tokens == [("pekerja", 0, 0, 7), ("rentan", 2, 13, 19), ("55/2018", 3, 20, 27)]


def test_analyzer_survives_pickling() -> None:
    analyzer = pickle.loads(pickle.dumps(IndonesianAnalyzer()))
    assert analyzer == IndonesianAnalyzer()
    assert [t.text for t in analyzer("Perlindungan")] == ["perlindungan"]


VOCABULARY = [
    "perlindungan", "melindungi", "dilindungi", "terlindungi", "lindung", "lindungan",
    "pekerja", "pekerjaan", "bekerja", "dipekerjakan", "kerja", "ketenagakerjaan",
    "peserta", "kepesertaan", "serta", "berlaku", "diberlakukan", "melakukan", "dilakukan",
    "pemerintah", "pemerintahan", "perintah", "memerintahkan", "bagian", "bagi", "pembagian",
    "penerima", "menerima", "diterima", "terima", "blindung", "pelindungmu",
]


@pytest.mark.parametrize(
    ("word", "family"),
    [
        ("perlindungan", {"perlindungan", "melindungi", "dilindungi", "terlindungi", "lindung",
                          "lindungan", "pelindungmu"}),
        ("melindungi", {"perlindungan", "melindungi", "dilindungi", "terlindungi", "lindung",
                        "lindungan", "pelindungmu"}),
        ("pekerja", {"pekerja", "pekerjaan", "bekerja", "dipekerjakan", "kerja"}),
        ("kepesertaan", {"peserta", "kepesertaan"}),
        ("berlaku", {"berlaku", "diberlakukan"}),
        ("melakukan", {"melakukan", "dilakukan"}),
        ("pemerintah", {"pemerintah", "pemerintahan"}),
        ("penerima", {"penerima", "menerima", "diterima", "terima"}),
        ("2018", {"2018"}),
        ("jkk", {"jkk"}),
    ],
)
def test_lexicon_expands_a_word_to_its_indexed_family(word: str, family: set[str]) -> None:
    forms = Lexicon(VOCABULARY).forms(word)
    assert forms[0] == word
    assert set(forms) == family


def test_lexicon_without_stemming_keeps_the_word() -> None:
    assert Lexicon(VOCABULARY, stemmer="none").forms("perlindungan") == ("perlindungan",)


@pytest.mark.parametrize(
    ("query", "expected_forms"),
    [
        ("jkk", {("jaminan", "kecelakaan", "kerja")}),
        ("iuran JHT", {("jaminan", "hari", "tua")}),
        ("bpjs tk", {("jamsostek",), ("bpjamsostek",), ("bpjs", "ketenagakerjaan")}),
        ("jamsostek", {("bpjs", "ketenagakerjaan"), ("bpjamsostek",)}),
        ("tenaga honorer", {("thl",), ("non", "asn"), ("tenaga", "harian", "lepas")}),
        ("perbup", {("peraturan", "bupati")}),
        ("bukan penerima upah", {("bpu",)}),
        ("pbi", {("penerima", "bantuan", "iuran")}),
        ("phk", {("pemutusan", "hubungan", "kerja")}),
    ],
)
def test_glossary_expands_acronyms_both_ways(query: str, expected_forms: set) -> None:
    found = default_glossary().expansions(words(query))
    forms = {form for expansion in found for form in expansion.forms}
    assert expected_forms <= forms


def test_glossary_prefers_the_longest_form() -> None:
    glossary = Glossary([["bpjs", "badan penyelenggara"], ["bpjs kesehatan", "bpjs kes"]])
    [found] = glossary.expansions(["bpjs", "kesehatan"])
    assert (found.start, found.end) == (0, 2)
    assert ("bpjs", "kes") in found.forms


def test_broken_glossary_file_gives_empty_glossary(tmp_path) -> None:
    path = tmp_path / "glossary.toml"
    path.write_text("[[group]\nforms = [", encoding="utf-8")
    assert Glossary.from_file(path).expansions(["jkk"]) == []


@pytest.mark.parametrize(
    "text",
    [
        "Pasal 4 Pekerja rentan di Gianyar menurut Perbup 55/2018 dan 842.2/5193/SJ",
        "yang dan di ke dari",  # stop words only: positions still counted
        "PÉKERJA ｆｕｌｌ pekerja_x Ärger ß İstanbul 👷 pekerja",
        "",
        "jaminan jaminan jaminan sosial, jaminan-sosial; JAMINAN",
    ],
)
def test_fast_positions_format_indexes_what_the_analyzer_yields(text: str) -> None:
    analyzer = IndonesianAnalyzer()
    fast = sorted(IndonesianPositions().word_values(text, analyzer))
    generic = sorted(Positions().word_values(text, analyzer))
    assert fast == generic
    fast_counts = sorted(IndonesianFrequency().word_values(text, analyzer))
    generic_counts = sorted(Frequency().word_values(text, analyzer))
    assert fast_counts == generic_counts


def test_one_text_indexed_into_two_fields_is_analysed_consistently() -> None:
    """The frequency field reuses the positions field's tokens only for the very same text."""
    analyzer = IndonesianAnalyzer()
    first = "jaminan sosial jaminan " + "x"  # built at run time: a distinct object
    second = "pekerja rentan pekerja " + "x"
    assert {w: f for w, f, _, _ in IndonesianPositions().word_values(first, analyzer)} == {
        "jaminan": 2, "sosial": 1, "x": 1}
    counts = {w: f for w, f, _, _ in IndonesianFrequency().word_values(second, analyzer)}
    assert counts == {"pekerja": 2, "rentan": 1, "x": 1}
    equal_copy = "".join(["jaminan sosial jaminan ", "x"])
    assert equal_copy == first and equal_copy is not first
    counts = {w: f for w, f, _, _ in IndonesianFrequency().word_values(equal_copy, analyzer)}
    assert counts == {"jaminan": 2, "sosial": 1, "x": 1}
