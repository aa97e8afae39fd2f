"""Stable ids: natural keys for regulations, canonical URLs for news."""

from __future__ import annotations

import pytest

from corpus import news_id, normalize_doc_type, page_id, region_slug, regulation_id
from corpus.ids import issuer_region, regional_head


@pytest.mark.parametrize(
    ("args", "kwargs", "expected"),
    [
        (("Perbup", "55", 2018, "Kabupaten Gianyar"), {}, "perbup-gianyar-2018-55"),
        (("Peraturan Bupati", "35", 2025, "Kab. Gianyar"), {}, "perbup-gianyar-2025-35"),
        (("PERBUP", "35", 2025, "Gianyar"), {}, "perbup-gianyar-2025-35"),
        (("Pergub", "19", 2017, "Provinsi Bali"), {}, "pergub-bali-2017-19"),
        (("Perda", "10", 2019, "Provinsi Bali"), {}, "perda-prov-bali-2019-10"),
        (("Perda", "3", 2020, "Kota Denpasar"), {}, "perda-kota-denpasar-2020-3"),
        (("Perda", "7", 2006, "Kabupaten Jembrana"), {}, "perda-kab-jembrana-2006-7"),
        (("Perwali", "17", 2017, "Kota Tangerang"), {}, "perwali-tangerang-2017-17"),
        (("UU", "40", 2004), {}, "uu-2004-40"),
        (("Undang-Undang", "24", 2011, "Indonesia"), {}, "uu-2011-24"),
        (("PP", "44", 2015), {}, "pp-2015-44"),
        (("Inpres", "2", 2021), {}, "inpres-2021-2"),
        (("Permen", "1", 2016), {"issuer": "Menteri Ketenagakerjaan"}, "permenaker-2016-1"),
        (("Permendagri", "27", 2021), {}, "permendagri-2021-27"),
        (("SE", "842.2/5193/SJ", 2021), {"issuer": "Menteri Dalam Negeri"},
         "se-mendagri-2021-842-2-5193-sj"),
        (("Kepbup", "336/E-01/HK/2018", 2018, "Kabupaten Gianyar"), {},
         "kepbup-gianyar-2018-336-e-01-hk-2018"),
    ],
)
def test_regulation_id_from_natural_key(args: tuple, kwargs: dict, expected: str) -> None:
    assert regulation_id(*args, **kwargs) == expected


def test_a_circular_is_named_by_its_sender_however_spelled_and_wherever_found() -> None:
    ids = {regulation_id("SE", "3", 2020, region, issuer=issuer)
           for region, issuer in ((None, "Wali Kota Denpasar"), (None, "Walikota Denpasar"),
                                  ("Kota Denpasar", "WALI KOTA DENPASAR"),
                                  (None, "Wali Kota Kota Denpasar"))}
    assert ids == {"se-wali-kota-denpasar-2020-3"}
    assert issuer_region("Bupati Gianyar") == "Kabupaten Gianyar"
    assert issuer_region("GUBERNUR PROVINSI BALI") == "Provinsi Bali"
    assert issuer_region("Walikota Denpasar") == "Kota Denpasar"
    assert issuer_region("Menteri Ketenagakerjaan") is None
    assert issuer_region("Gubernur Bank Indonesia") is None  # heads a bank, not a province
    assert issuer_region("Bupati Gianyar Provinsi Bali") == "Kabupaten Gianyar"
    assert issuer_region("WALI KOTA BAU-BAU") == "Kota Bau-Bau"
    assert regulation_id("SE", "5", 2020, issuer="Bupati Gianyar Provinsi Bali") == (
        "se-bupati-gianyar-2020-5")
    assert issuer_region(None) is None
    for region in ("Kabupaten Gianyar", "Kota Denpasar", "Provinsi Bali"):  # inverse functions
        assert issuer_region(regional_head(region)) == region
    assert regional_head("Gianyar") is None  # no level, no head


def test_regulation_without_number_uses_a_stable_fallback() -> None:
    a = regulation_id("MoU", None, 2023, "Kabupaten Gianyar", fallback="MoU BPJS 30 Jan 2023")
    b = regulation_id("MoU", "-", 2023, "Kabupaten Gianyar", fallback="MoU BPJS 30 Jan 2023")
    assert a == b and a.startswith("mou-kab-gianyar-2023-x")
    assert a != regulation_id("MoU", None, 2023, "Kabupaten Gianyar", fallback="another")


def test_news_id_is_stable_and_host_readable() -> None:
    url = "https://www.balipost.com/news/2025/11/14/508010/rohaniwan.html"
    assert news_id(url) == news_id(url)
    assert news_id(url).startswith("berita-balipost-com-")
    assert news_id(url) != news_id(url + "?page=2")
    assert page_id(url).startswith("hal-balipost-com-")


@pytest.mark.parametrize(
    ("spelling", "code"),
    [("Peraturan Bupati", "Perbup"), ("PERBUP", "Perbup"), ("perbup.", "Perbup"),
     ("Undang Undang", "UU"), ("Peraturan Walikota", "Perwali"), ("SK Bupati", "Kepbup"),
     ("Nota Kesepahaman", "MoU"), ("blog", None), ("", None)],
)
def test_doc_type_spellings_normalise(spelling: str, code: str | None) -> None:
    assert normalize_doc_type(spelling) == code


@pytest.mark.parametrize(
    ("region", "slug"),
    [("Kabupaten Gianyar", "gianyar"), ("Provinsi Bali", "bali"), ("Kota Denpasar", "denpasar"),
     ("Kab. Bangli", "bangli"), ("Pemerintah Kabupaten Gianyar", "gianyar"), (None, None)],
)
def test_region_slug(region: str | None, slug: str | None) -> None:
    assert region_slug(region) == slug


def test_unnumbered_ids_ignore_case_and_punctuation_of_the_fallback() -> None:
    a = regulation_id("Perbup", None, 2024, "Kabupaten Gianyar",
                      fallback="Pedoman Penyusunan APBDes (Tahun Anggaran 2025)")
    b = regulation_id("Perbup", "-", 2024, "Kabupaten Gianyar",
                      fallback="pedoman penyusunan apbdes tahun anggaran 2025")
    assert a == b


def test_expected_instrument_ids_follow_the_id_scheme() -> None:
    import tomllib
    from pathlib import Path

    import corpus

    path = Path(corpus.__file__).with_name("expected_instruments.toml")
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    for item in data["instrument"]:
        expected = regulation_id(item["doc_type"], item.get("number"), item.get("year"),
                                 "Kabupaten Gianyar", fallback=item["title"])
        assert item["id"] == expected, item["title"]


def test_a_circular_from_a_regional_office_carries_its_region_and_level() -> None:
    # the office alone ("Sekretaris Daerah") is in every region: the region, from the issuer or
    # from the document, tells them apart, with its level (Kabupaten and Kota Malang)
    def sent(issuer: str, region: str | None = None) -> str:
        return regulation_id("SE", "800/1", 2024, region, issuer=issuer)

    assert sent("Sekretaris Daerah", "Kabupaten Malang") == (
        "se-sekretaris-daerah-kab-malang-2024-800-1")
    assert sent("Sekretaris Daerah", "Kota Malang") == "se-sekretaris-daerah-kota-malang-2024-800-1"
    assert sent("Sekretaris Daerah Kota Malang") == sent("Sekretaris Daerah", "Kota Malang")
    assert sent("Kepala Dinas Tenaga Kerja Pemerintah Kota Denpasar") == sent(
        "Kepala Dinas Tenaga Kerja", "Kota Denpasar")
    assert sent("Sekda Gianyar", "Kabupaten Gianyar") == "se-sekda-gianyar-2024-800-1"
    # a bare regional head is the region's head, however the id learns the region
    assert sent("Bupati", "Kabupaten Badung") == sent("Bupati Badung") == (
        "se-bupati-badung-2024-800-1")
    # national offices keep no region, even on a regency's portal
    assert sent("Direktur Utama BPJS Ketenagakerjaan", "Kabupaten Gianyar") == (
        "se-direktur-utama-bpjs-ketenagakerjaan-2024-800-1")
    assert sent("Menteri Dalam Negeri", "Kabupaten Gianyar") == "se-mendagri-2024-800-1"
