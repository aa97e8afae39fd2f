"""Stable document ids.

A regulation's id comes from its natural key, so every copy of it (JDIH detail page, PDF,
JDIHN feed record, a citation in another text) maps to the same id:

    perbup-gianyar-2018-55        Peraturan Bupati Gianyar Nomor 55 Tahun 2018
    pergub-bali-2017-19           Peraturan Gubernur Bali Nomor 19 Tahun 2017
    perda-prov-bali-2019-10       Peraturan Daerah Provinsi Bali Nomor 10 Tahun 2019
    perda-kota-denpasar-2020-3    (Perda needs the level: "Kota Jambi" vs "Provinsi Jambi")
    uu-2004-40, pp-2015-44        national rules have no region
    permenaker-2016-1             ministers' rules carry the ministry
    se-mendagri-2021-842-2-5193-sj
    kepbup-gianyar-2018-336-e-01-hk-2018

A news item's id comes from its canonical URL: `berita-<host>-<12 hex of sha1(url)>`.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import urlsplit

from corpus.doctypes import find_doc_type, ministry_code

_REGION_PREFIX = re.compile(
    r"^(pemerintah\s+)?(kabupaten|kab\.?|provinsi|prov\.?|propinsi|kota|kotamadya)\s+",
    re.IGNORECASE,
)


def slugify(text: str, max_length: int = 80) -> str:
    """Return a lowercase ASCII slug: letters and digits joined by single hyphens."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:max_length].rstrip("-")


def region_level(region: str | None) -> str | None:
    """Return provinsi, kabupaten or kota from a region name's prefix, if it has one."""
    if not region:
        return None
    head = region.strip().lower().split()[0] if region.strip() else ""
    if head.startswith(("prov", "propinsi")):
        return "provinsi"
    if head.startswith("kab"):
        return "kabupaten"
    if head.startswith("kota"):
        return "kota"
    return None


# A regional head as the sender of a circular: "Bupati Gianyar", "Wali Kota Denpasar",
# "Walikota Denpasar", "Gubernur Provinsi Bali"
# ("Gubernur Bank Indonesia" heads a bank, not a province); "Bupati Gianyar Provinsi Bali"
# names the regency only
_REGIONAL_HEAD = re.compile(
    r"^(?P<office>bupati|wali\s*kota|gubernur)\s+(?:(?:kabupaten|kab\.?|kota|provinsi|prov\.?)\s+)?"
    r"(?!bank\b)(?P<name>\S.*?)(?:\s+provinsi\s+\S.*)?$",
    re.IGNORECASE,
)
_HEAD_REGION = {"bupati": "Kabupaten", "walikota": "Kota", "gubernur": "Provinsi"}


def issuer_region(issuer: str | None) -> str | None:
    """Return the region a regional head governs: "Bupati Gianyar" -> "Kabupaten Gianyar"."""
    match = _REGIONAL_HEAD.match(" ".join((issuer or "").split()))
    if match is None:
        return None
    office = re.sub(r"\s+", "", match.group("office").lower())
    name = " ".join(w if w.isupper() and len(w) <= 3
                    else "-".join(p.capitalize() for p in w.split("-"))
                    for w in match.group("name").split())
    return f"{_HEAD_REGION[office]} {name}"


def regional_head(region: str) -> str | None:
    """Return who heads a region, the inverse of `issuer_region`: "Kota Denpasar" -> "Wali
    Kota Denpasar"; None for a name without its level."""
    level = region_level(region)
    if level is None:
        return None
    head = {"provinsi": "Gubernur", "kota": "Wali Kota", "kabupaten": "Bupati"}[level]
    return f"{head} {_REGION_PREFIX.sub('', region.strip()).strip()}"


# An office of a region's government and the region it serves: "Sekretaris Daerah Kabupaten
# Gianyar", "Kepala Dinas Tenaga Kerja Pemerintah Kota Denpasar"
_OFFICE_OF_REGION = re.compile(
    r"^(?P<office>\S.*?)\s+(?:pemerintah\s+)?(?P<region>(?:kabupaten|kab\.?|kota|kotamadya|"
    r"provinsi|prov\.?|propinsi)\s+\S.*)$",
    re.IGNORECASE,
)
_LEVEL_CODE = {"provinsi": "prov", "kabupaten": "kab", "kota": "kota"}
# Offices of a region's government, which only the document's region may name ("Sekretaris
# Daerah", "Kepala Dinas ...", a bare "Bupati"), and words only a national office carries
_REGIONAL_OFFICE = re.compile(
    r"\b(?:daerah|dinas|sekda|camat|kecamatan|inspektur|inspektorat|asisten|bagian|satuan|"
    r"perbekel|lurah|kelurahan|desa|bupati|wali\s*kota|gubernur)\b", re.IGNORECASE)
_NATIONAL_OFFICE = re.compile(
    r"\b(?:negara|nasional|republik|pusat|menteri|kementerian|jenderal|presiden|bpjs)\b",
    re.IGNORECASE)


def serves_a_region(office: str) -> bool:
    """Return True when an office belongs to a region's government ("Sekretaris Daerah",
    "Kepala Dinas Tenaga Kerja", "Bupati"), not to the nation's ("Kepala Badan Kepegawaian
    Negara", "Menteri Dalam Negeri")."""
    return bool(_REGIONAL_OFFICE.search(office)) and not _NATIONAL_OFFICE.search(office)


def _sender_slug(issuer: str, region: str | None = None) -> str:
    """Return a circular's sender as its id spells it, one way for every spelling.

    A regional head names the region ("bupati-gianyar"); any other office of a region's
    government is named with the region it serves, whether the issuer says it or only the
    document's `region` does, and with the region's level, since a regency and a city may share
    a name ("sekretaris-daerah-kab-malang", "sekretaris-daerah-kota-malang"): two regions'
    circulars from a "Sekretaris Daerah" are two documents.
    """
    issuer = " ".join(issuer.split())
    if head := _REGIONAL_HEAD.match(issuer):
        return _head_slug(head)
    served = _OFFICE_OF_REGION.match(issuer)
    if served is not None:
        issuer, region = served.group("office"), served.group("region")
    elif not serves_a_region(issuer):
        region = None  # a national agency's circular mirrored on a regency's portal is national
    sender = slugify(issuer)
    if not region or not (place := region_slug(region)):
        return sender
    if sender.endswith(place):  # "Sekda Gianyar"
        return sender
    if head := _REGIONAL_HEAD.match(f"{issuer} {place}"):  # a bare "Bupati"
        return _head_slug(head)
    level = _LEVEL_CODE.get(region_level(region) or "")
    return "-".join(p for p in (sender, level, place) if p)


def _head_slug(head: re.Match[str]) -> str:
    """Return a regional head as a circular's id names it: "bupati-gianyar", "wali-kota-x"."""
    office = head.group("office").lower()
    return f"{'wali-kota' if office.startswith('wali') else office}-{slugify(head.group('name'))}"


def region_slug(region: str | None) -> str | None:
    """Return the bare region name as a slug: "Kabupaten Gianyar" -> "gianyar"."""
    if not region:
        return None
    name = _REGION_PREFIX.sub("", region.strip())
    return slugify(name) or None


def regulation_id(
    doc_type: str,
    number: str | None,
    year: int | None,
    region: str | None = None,
    issuer: str | None = None,
    fallback: str | None = None,
) -> str:
    """Return the natural-key id of a regulation.

    `fallback` (the tentang text, else a title or URL) makes the id unique when the number is
    unknown; it is normalised first, so every copy of the instrument hashes the same text.
    """
    known = find_doc_type(doc_type)
    code = known.code if known else doc_type
    parts = [_type_prefix(code, doc_type, issuer, region)]
    level = known.level if known else "daerah"
    # a circular is named by its sender, who carries the place ("Surat Edaran Bupati Gianyar")
    place = None if code == "SE" and issuer else region_slug(region)
    if place and level != "nasional":
        if level in ("daerah", "none"):
            parts.append({"provinsi": "prov", "kabupaten": "kab", "kota": "kota"}.get(
                region_level(region) or "", "kab"))
        parts.append(place)
    if year:
        parts.append(str(year))
    if number and number.strip() not in ("-", "0"):
        parts.append(slugify(number))
    elif fallback and (key := _fallback_key(fallback)):
        parts.append("x" + hashlib.sha1(key.encode()).hexdigest()[:10])
    return "-".join(p for p in parts if p)


def _fallback_key(text: str) -> str:
    """Normalise the text an unnumbered instrument's id is hashed from (case, punctuation)."""
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def _type_prefix(code: str, spelled: str, issuer: str | None, region: str | None = None) -> str:
    if code in ("Permen", "Kepmen"):
        ministry = ministry_code(issuer) or _ministry_from_spelling(spelled)
        base = "permen" if code == "Permen" else "kepmen"
        if not ministry:
            return base
        # Permen + naker is written "Permenaker", not "Permennaker".
        return (base[:-1] if ministry.startswith("n") else base) + ministry
    if code == "SE" and issuer:
        short = ministry_code(issuer)
        if short:
            return f"se-men{short}"
        return "se-" + _sender_slug(issuer, region)
    return slugify(code)


def _ministry_from_spelling(spelled: str) -> str | None:
    match = re.fullmatch(r"(?:permen|kepmen)(\w+)", spelled.strip().lower())
    return match.group(1) if match else None


def news_id(url: str) -> str:
    """Return the id of a news item from its canonical URL."""
    host = urlsplit(url).hostname or "local"
    host = host.removeprefix("www.")
    return f"berita-{slugify(host, 40)}-{hashlib.sha1(url.encode()).hexdigest()[:12]}"


def page_id(url: str) -> str:
    """Return the id of any other page (kind "other") from its canonical URL."""
    host = (urlsplit(url).hostname or "local").removeprefix("www.")
    return f"hal-{slugify(host, 40)}-{hashlib.sha1(url.encode()).hexdigest()[:12]}"
