"""The tentang metric of the regulation benchmark: the reference projected onto the text."""

from __future__ import annotations

import pytest

from bench.extraction.regulations import audited_match, held_out_samples, load_audit, wilson
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


def test_audit_file_is_consistent() -> None:
    for name, ids, corrected in load_audit():
        assert len(ids) >= 250, name
        assert set(corrected) <= ids, f"sample {name}: corrected titles outside the sample"
        assert all(title.strip() for title in corrected.values())


def test_held_out_flags_are_declared_per_sample(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json

    from bench.extraction.regulations import AUDIT
    samples = json.loads(AUDIT.read_text(encoding="utf-8"))["samples"]
    assert all(isinstance(sample.get("held_out"), bool) for sample in samples)
    assert held_out_samples() == {s["name"] for s in samples if s["held_out"]}
    path = tmp_path / "audit.json"
    path.write_text(json.dumps({"samples": [{"name": "X", "held_out": True},
                                            {"name": "Y", "held_out": False}, {"name": "Z"}]}))
    assert held_out_samples(path) == {"X"}


def test_audited_match_prefers_the_audited_title() -> None:
    record = {"id": "uu-1900-1", "judul": "PENHITUNGAN ANGGARAN", "judul_source":
              "peraturan.go.id metadata"}
    corrected = {"uu-1900-1": "PERHITUNGAN ANGGARAN"}
    assert audited_match("PERHITUNGAN ANGGARAN", record, corrected, "")
    assert not audited_match("PENHITUNGAN ANGGARAN", record, corrected, "")
    assert audited_match("PENHITUNGAN ANGGARAN", record, {}, "")  # not audited: the metadata


def test_wilson_interval() -> None:
    low, high = wilson(284, 296)
    assert 0.92 < low < 0.94 and 0.97 < high < 0.98
    assert wilson(0, 0) == (0.0, 0.0)


def test_audit_samples_are_the_seeded_random_draws() -> None:
    import gzip
    import json
    import random

    from bench.extraction.regulations import AUDIT, DATA
    if not DATA.exists():
        pytest.skip("../shared/data/regulations is absent")
    with gzip.open(DATA, "rt", encoding="utf-8") as lines:
        ids = [r["id"] for r in map(json.loads, lines) if r.get("judul")]
    samples = json.loads(AUDIT.read_text(encoding="utf-8"))["samples"]
    taken: set[str] = set()
    for at, sample in enumerate(samples):
        pool = [i for i in ids if i not in taken]
        # 300 records each; the last sample takes every record no earlier one holds
        size = len(pool) if at == len(samples) - 1 and len(pool) < 600 else 300
        assert sorted(random.Random(sample["seed"]).sample(pool, size)) == sorted(sample["ids"])
        taken |= set(sample["ids"])
    assert taken == set(ids)  # every record with a reference title is in a sample
