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
_MENTIONS = (
    ("Kabupaten", re.compile(r"\b(?:Kabupaten|Kab\.|Pemkab|Pemerintah\s+Kabupaten)\s+" + _NAME)),
    ("Provinsi", re.compile(r"\b(?:Provinsi|Prov\.|Pemprov|Pemerintah\s+Provinsi)\s+" + _NAME)),
    ("Kota", re.compile(r"\b(?:Pemkot|Pemerintah\s+Kota|Wali\s?[Kk]ota)\s+" + _NAME)),
)


def is_province(name: str) -> bool:
    """Return True when a bare name is one of Indonesia's provinces ("Bali")."""
    return re.sub(r"\s+", " ", name).strip().lower() in PROVINCES


def dominant_regions(text: str) -> list[str]:
    """Return the regency, province and city a text names most often, when one stands out."""
    found = []
    for prefix, pattern in _MENTIONS:
        counts = Counter(m.group(1) for m in pattern.finditer(text[:100_000])).most_common(2)
        if counts and (len(counts) == 1 or counts[0][1] > counts[1][1]):
            found.append(f"{prefix} {counts[0][0]}")
    return found
