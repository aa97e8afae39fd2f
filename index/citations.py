"""Recognise regulation citations typed in a query, in any common spelling.

"perbup 55/2018", "Perbup Gianyar No. 55 Th. 2018", "uu 40 2004", "PP No.44 Tahun 2015",
"uu nomor 24 tahun 2011", "Peraturan Pemerintah Nomor 44 Tahun 2015" all become a `Citation`
(type code, number, year, region). National rules resolve straight to an id
(`corpus.regulation_id`); regional ones without a region are matched on type, number and year.
This is a compact parser for queries; the crawler's extractor has its own for documents.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from corpus.doctypes import DOC_TYPES, find_doc_type
from corpus.ids import regulation_id

_YEAR = r"(?:19|20)\d\d"
_NUMBER_WORD = r"(?:nomor|nomer|nmr|no)\b\.?"
_YEAR_WORD = r"(?:tahun|thn|th)\b\.?"


def _type_pattern() -> str:
    spellings = {
        s for t in DOC_TYPES if t.kind == "regulation" for s in (t.code, t.name, *t.aliases)
    }
    spellings.discard("")
    ordered = sorted(spellings, key=len, reverse=True)
    return "|".join(re.sub(r"\\[ \-]", r"[\\s\\-]+", re.escape(s)) for s in ordered)


_CITATION = re.compile(
    rf"""
    (?<![\w/])(?P<type>{_type_pattern()})(?![^\W\d_])
    (?P<region>(?:\s+(?!{_NUMBER_WORD}|\d)[^\W\d_]+){{0,3}}?)
    \s*(?:{_NUMBER_WORD})?\s*
    (?P<number>\d[\w.\-]*(?:/[\w.\-]+)*)
    (?:\s*(?:{_YEAR_WORD}|,)?\s*(?P<year>{_YEAR})\b)?
    """,
    re.IGNORECASE | re.VERBOSE,
)
_PASAL = re.compile(r"\bpasal\s+(?P<n>\d+[a-z]?)\b", re.IGNORECASE)
_REGION_NOISE = re.compile(r"^(?:daerah|republik|indonesia)$")


@dataclass(frozen=True, slots=True)
class Citation:
    """A citation found in a query."""

    doc_type: str  # canonical code: UU, PP, Perbup, ...
    spelled: str  # the type as typed, lowercased ("permenaker")
    number: str
    year: int
    region: str | None
    start: int
    end: int
    level: str

    def regulation_id(self) -> str | None:
        """Return the document id this citation names, when it needs no unknown region."""
        if self.level != "nasional" and not self.region:
            return None
        if self.level == "none":
            return regulation_id(self.spelled, self.number, self.year, issuer=self.region)
        return regulation_id(self.spelled, self.number, self.year, region=self.region)


def _split_number(number: str, year: str | None) -> tuple[str, int] | None:
    number = number.rstrip(".-/")
    if year:
        return number, int(year)
    segments = number.split("/")
    if len(segments) >= 2 and re.fullmatch(_YEAR, segments[-1]):
        head = segments[0] if len(segments) == 2 else number
        return head, int(segments[-1])
    return None


def find_citations(text: str) -> list[Citation]:
    """Return every citation in `text` that names a type, a number and a year."""
    found: list[Citation] = []
    for match in _CITATION.finditer(text):
        split = _split_number(match.group("number"), match.group("year"))
        spelled = re.sub(r"[\s\-]+", " ", match.group("type").lower())
        known = find_doc_type(spelled)
        if split is None or known is None:
            continue
        number, year = split
        region_words = [w for w in match.group("region").lower().split()
                        if not _REGION_NOISE.match(w)]
        region = " ".join(region_words) or None
        if known.level == "nasional":
            region = None
        found.append(Citation(known.code, spelled, number, year, region,
                              match.start(), match.end(), known.level))
    return found


def find_pasal(text: str) -> str | None:
    """Return the anchor of a Pasal named in the query ("pasal 4" -> "pasal-4")."""
    match = _PASAL.search(text)
    return f"pasal-{match.group('n').lower()}" if match else None
