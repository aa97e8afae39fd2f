"""The kinds of Indonesian legal documents Telusur knows, and their spellings.

One table serves every stage: the extractor recognises citations with `DOC_TYPES` aliases, the
id functions take their prefixes from it, and the web shows `name` to readers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class DocType:
    """One kind of document: canonical short code, full name, level and spellings."""

    code: str  # canonical short name shown to users and stored in Document.doc_type
    name: str  # full Indonesian name
    level: str  # nasional, provinsi, kabupaten, kota, daerah (any region), none
    kind: str = "regulation"
    aliases: tuple[str, ...] = ()


DOC_TYPES: tuple[DocType, ...] = (
    DocType("UUD", "Undang-Undang Dasar", "nasional", aliases=("UUD",)),
    DocType("UU", "Undang-Undang", "nasional", aliases=("UU", "Undang Undang")),
    DocType(
        "Perppu",
        "Peraturan Pemerintah Pengganti Undang-Undang",
        "nasional",
        aliases=("Perppu", "Perpu", "Peraturan Pemerintah Pengganti Undang Undang"),
    ),
    DocType("PP", "Peraturan Pemerintah", "nasional", aliases=("PP",)),
    DocType("Perpres", "Peraturan Presiden", "nasional", aliases=("Perpres",)),
    DocType("Keppres", "Keputusan Presiden", "nasional", aliases=("Keppres", "Kepres")),
    DocType("Inpres", "Instruksi Presiden", "nasional", aliases=("Inpres",)),
    DocType(
        "Permen",
        "Peraturan Menteri",
        "nasional",
        aliases=("Permen", "Permenaker", "Permendagri", "Permenkes", "Permensos", "PMK"),
    ),
    DocType("Kepmen", "Keputusan Menteri", "nasional", aliases=("Kepmen", "Kepmenaker")),
    DocType("SE", "Surat Edaran", "none", aliases=("SE",)),
    DocType("Perda", "Peraturan Daerah", "daerah", aliases=("Perda",)),
    DocType("Pergub", "Peraturan Gubernur", "provinsi", aliases=("Pergub",)),
    DocType("Kepgub", "Keputusan Gubernur", "provinsi", aliases=("Kepgub", "SK Gubernur")),
    DocType("Perbup", "Peraturan Bupati", "kabupaten", aliases=("Perbup",)),
    DocType(
        "Kepbup",
        "Keputusan Bupati",
        "kabupaten",
        aliases=("Kepbup", "SK Bupati", "Surat Keputusan Bupati"),
    ),
    DocType("Inbup", "Instruksi Bupati", "kabupaten", aliases=("Inbup",)),
    DocType(
        "Perwali",
        "Peraturan Wali Kota",
        "kota",
        aliases=("Perwali", "Perwalkot", "Peraturan Walikota"),
    ),
    DocType(
        "Kepwali",
        "Keputusan Wali Kota",
        "kota",
        aliases=("Kepwali", "Kepwalkot", "Keputusan Walikota"),
    ),
    DocType(
        "MoU",
        "Nota Kesepahaman",
        "none",
        aliases=("MoU", "Memorandum of Understanding", "Nota Kesepakatan"),
    ),
    DocType("PKS", "Perjanjian Kerja Sama", "none", aliases=("PKS", "Perjanjian Kerjasama")),
    DocType("Berita", "Berita", "none", kind="news", aliases=("News",)),
)

# Ministries whose regulations get a specific id prefix (permenaker, permendagri, ...).
MINISTRY_CODES: dict[str, str] = {
    "ketenagakerjaan": "naker",
    "tenaga kerja": "naker",
    "tenaga kerja dan transmigrasi": "nakertrans",
    "dalam negeri": "dagri",
    "kesehatan": "kes",
    "keuangan": "keu",
    "sosial": "sos",
    "desa, pembangunan daerah tertinggal, dan transmigrasi": "desa",
    "desa": "desa",
    "pendayagunaan aparatur negara dan reformasi birokrasi": "panrb",
}

_BY_KEY: dict[str, DocType] = {}
for _t in DOC_TYPES:
    for _spelling in (_t.code, _t.name, *_t.aliases):
        _BY_KEY[re.sub(r"[\s\-]+", " ", _spelling.lower()).strip()] = _t


# Full names of two words or more, longest first: "Peraturan Pemerintah Pengganti ..." before
# "Peraturan Pemerintah"
_NAMES = sorted(((name, t) for t in DOC_TYPES if t.kind == "regulation"
                 for name in [re.sub(r"[\s\-]+", " ", t.name.lower())] if " " in name),
                key=lambda pair: len(pair[0]), reverse=True)


def find_doc_type(text: str | None) -> DocType | None:
    """Return the DocType a name or abbreviation denotes ("PERBUP", "Peraturan Bupati").

    A full name followed by its issuer, as JDIH fields and headings print it ("Peraturan
    Menteri Ketenagakerjaan", "Surat Edaran Bupati Gianyar"), denotes that name's type; a
    spelling with a number in it is a citation, not a type.
    """
    if not text:
        return None
    key = re.sub(r"[\s\-]+", " ", text.lower()).strip().rstrip(".")
    found = _BY_KEY.get(key)
    if found is not None or any(c.isdigit() for c in key) or len(key) > 120:
        return found
    return next((t for name, t in _NAMES if key.startswith(name + " ")), None)


def normalize_doc_type(text: str | None) -> str | None:
    """Return the canonical code for a document-type spelling, or None when unknown."""
    found = find_doc_type(text)
    return found.code if found else None


def ministry_code(issuer: str | None) -> str | None:
    """Return the short ministry code for "Menteri Ketenagakerjaan" and similar issuers."""
    if not issuer:
        return None
    key = re.sub(r"^((republik )?indonesia\.?\s+)?(peraturan |keputusan )?(menteri|kementerian)\s+",
                 "", issuer.lower().strip())  # also the T.E.U. form "Indonesia. Kementerian X"
    key = key.replace("republik indonesia", "").strip(" ,")
    return MINISTRY_CODES.get(key)


def designation(doc_type: str, number: str | None, year: int | None, *,
                region: str | None = None, issuer: str | None = None,
                year_printed: bool | None = None) -> str:
    """Return how Indonesian legal writing names an instrument, without its subject.

    "Peraturan Bupati Gianyar Nomor 35 Tahun 2025", "Peraturan Daerah Kabupaten Gianyar Nomor
    3 Tahun 2023", "Peraturan Menteri Ketenagakerjaan Nomor 5 Tahun 2021", "Surat Edaran
    Menteri Dalam Negeri Nomor 842.2/5193/SJ Tahun 2021", "Keputusan Bupati Gianyar Nomor
    188.45/217/HK/2024". A minister's or a circular's sender is named from `issuer`; a
    region's rule from `region`. `year_printed`: None prints "Tahun" unless the number ends
    with the year (as a decree's heading does); True always (as JDIH catalogues cite decrees:
    "Nomor 336/E-01/HK/2018 Tahun 2018"); False never.
    """
    known = find_doc_type(doc_type)
    name = known.name if known else doc_type
    code = known.code if known else doc_type
    level = known.level if known else "daerah"
    who = " ".join((issuer or "").split())
    if code in ("Permen", "Kepmen") and who:
        ministry = re.sub(r"^(?:Menteri|Kementerian)\s+", "", who, flags=re.IGNORECASE)
        name += f" {ministry}"  # "Peraturan Menteri" + "Ketenagakerjaan"
    elif code == "SE" and who:
        name += f" {who}"  # "Surat Edaran" + "Bupati Gianyar"
    elif region and level in ("kabupaten", "provinsi", "kota"):
        name += " " + _REGION_PREFIX.sub("", region.strip())
    elif region and level in ("daerah", "none"):
        name += " " + region.strip()
    if number:
        name += f" Nomor {number}"
    if year_printed is None:
        year_printed = not (number and number.endswith(f"/{year}"))
    if year and year_printed:
        name += f" Tahun {year}"
    return name


_REGION_PREFIX = re.compile(r"^(?:pemerintah\s+)?(?:kabupaten|kab\.|provinsi|prov\.|kota)\s+",
                            re.IGNORECASE)
