"""Indonesian regions: province names, and the region a text is mostly about.

A news article saying "Perbup 55/2018" means the regent rule of the regency it reports on;
`dominant_regions` finds that regency (and province) from how often the text names them.
"""

from __future__ import annotations

import re
from collections import Counter

PROVINCES = frozenset(
    name.lower()
    for name in (
        "Aceh", "Sumatera Utara", "Sumatera Barat", "Riau", "Kepulauan Riau", "Jambi",
        "Sumatera Selatan", "Kepulauan Bangka Belitung", "Bangka Belitung", "Bengkulu",
        "Lampung", "DKI Jakarta", "Jakarta", "Jawa Barat", "Banten", "Jawa Tengah",
        "DI Yogyakarta", "Daerah Istimewa Yogyakarta", "Jawa Timur", "Bali",
        "Nusa Tenggara Barat", "Nusa Tenggara Timur", "Kalimantan Barat", "Kalimantan Tengah",
        "Kalimantan Selatan", "Kalimantan Timur", "Kalimantan Utara", "Sulawesi Utara",
        "Gorontalo", "Sulawesi Tengah", "Sulawesi Barat", "Sulawesi Selatan",
        "Sulawesi Tenggara", "Maluku", "Maluku Utara", "Papua", "Papua Barat", "Papua Selatan",
        "Papua Tengah", "Papua Pegunungan", "Papua Barat Daya",
    )
)

_NAME = r"([A-Z][a-z]+(?:\s+(?:Utara|Selatan|Barat|Timur|Tengah|Daya|Raya|[A-Z][a-z]+))?)"
# Words that follow "Bupati" or "Kabupaten" without being a place name.
_NOT_NAMES = frozenset(
    ("nomor", "no", "tahun", "dan", "yang", "ini", "tersebut", "provinsi", "kabupaten", "kota",
     "setempat", "terpilih", "periode", "wakil", "se", "di", "pada")
)
_MENTIONS = (
    (
        "Kabupaten",
        re.compile(r"\b(?:Kabupaten|Kab\.|Pemkab|Pemerintah\s+Kabupaten|Bupati)\s+" + _NAME),
    ),
    (
        "Provinsi",
        re.compile(r"\b(?:Provinsi|Prov\.|Pemprov|Pemerintah\s+Provinsi|Gubernur)\s+" + _NAME),
    ),
    ("Kota", re.compile(r"\b(?:Pemkot|Pemerintah\s+Kota|Wali\s?[Kk]ota)\s+" + _NAME)),
)


def is_province(name: str) -> bool:
    """Return True when a bare name is one of Indonesia's provinces ("Bali")."""
    return re.sub(r"\s+", " ", name).strip().lower() in PROVINCES


def dominant_regions(text: str) -> list[str]:
    """Return the regency, province and city a text names most often, when one stands out.

    Names after "Kabupaten", "Pemkab", "Bupati" (or the provincial and city forms) are the
    candidates; each scores its titled mentions plus its bare mentions, so "Bupati Gianyar"
    once and "Gianyar" ten times beats "Bupati Mahayastra" twice.
    """
    text = text[:100_000]
    found = []
    for prefix, pattern in _MENTIONS:
        candidates = Counter(
            m.group(1) for m in pattern.finditer(text)
            if m.group(1).split()[0].lower() not in _NOT_NAMES
        )
        if prefix == "Provinsi":
            candidates = Counter({n: c for n, c in candidates.items() if is_province(n)})
        scores = Counter({
            name: titled + len(re.findall(r"\b" + re.escape(name) + r"\b", text))
            for name, titled in candidates.items()
        }).most_common(2)
        if scores and (len(scores) == 1 or scores[0][1] > scores[1][1]):
            found.append(f"{prefix} {scores[0][0]}")
    return found
