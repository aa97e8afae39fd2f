"""Load the shared corpus of 3,378 UU/PP texts as `Document`s, with Pasal parts and references.

The Pasal splitter here is deliberately simple and lives in the bench: the index package may
not import the crawler's real regulation parser. It accepts "Pasal N" headings in sequence
(N, N+1, or N with a letter), before the PENJELASAN section, so in-text citations such as
"Pasal 33, Pasal 34 ayat (4)" are not taken for headings.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from bench._shared import FULLTEXT, iter_records
from corpus.model import Document, Part, Reference

_TYPES = {"uu": ("UU", "Undang-Undang"), "pp": ("PP", "Peraturan Pemerintah"),
          "permenkeu": ("Permen", "Peraturan Menteri Keuangan")}
_MONTHS = {
    "januari": 1, "februari": 2, "maret": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7,
    "agustus": 8, "september": 9, "oktober": 10, "november": 11, "desember": 12,
}
_HEADING = re.compile(r"(?<![\w/])Pasal\s+(\d+)\s*([A-Z]?)\b(?!\s*(?:ayat|huruf|,|dan\b|sampai))")
_PENJELASAN = re.compile(r"\bPENJELASAN\s+ATAS\b")
_LINK = re.compile(r"\[([^\]]{5,300})\]\(/(uu|pp|perpu|perpres|permenkeu)/(\d{4})/([\w.\-]+)\)")


def available() -> bool:
    """Return True when the shared regulations file is present."""
    return FULLTEXT.is_file()


def split_pasal(text: str) -> tuple[Part, ...]:
    """Return the Pasal of a regulation text as parts, found by sequential headings."""
    end = _PENJELASAN.search(text)
    limit = end.start() if end else len(text)
    starts: list[tuple[int, str]] = []
    expected = 1
    for match in _HEADING.finditer(text, 0, limit):
        number, letter = int(match.group(1)), match.group(2)
        if number == expected and not letter:
            expected += 1
        elif not (letter and number == expected - 1):
            continue
        starts.append((match.start(), f"{number}{letter}"))
    parts = []
    for i, (start, label) in enumerate(starts):
        stop = starts[i + 1][0] if i + 1 < len(starts) else limit
        body = text[start:stop].strip()
        parts.append(Part(anchor=f"pasal-{label.lower()}", kind="pasal", label=f"Pasal {label}",
                          text=body))
    return tuple(parts)


def _date(text: str | None) -> dt.date | None:
    match = re.fullmatch(r"\s*(\d{1,2})\s+(\w+)\s+(\d{4})\s*", text or "")
    if not match or match.group(2).lower() not in _MONTHS or int(match.group(3)) < 1900:
        return None
    try:
        return dt.date(int(match.group(3)), _MONTHS[match.group(2).lower()], int(match.group(1)))
    except ValueError:
        return None


def _references(text: str) -> tuple[Reference, ...]:
    refs = {}
    for label, kind, year, number in _LINK.findall(text):
        target = f"{kind}-{year}-{number.lower()}"
        refs.setdefault(target, Reference(text=label, relation="mengingat", target_id=target))
    return tuple(refs.values())


def to_document(record: dict) -> Document:
    """Build a Document from one record of the shared file."""
    code, name = _TYPES.get(record["jenis"], (record["jenis"].upper(), record["jenis"].upper()))
    about = (record.get("judul") or "").strip()
    about_title = " ".join(w.capitalize() if len(w) > 3 else w.lower() for w in about.split())
    title = f"{name} Nomor {record['nomor']} Tahun {record['tahun']}"
    if about_title:
        title += f" tentang {about_title}"
    meta = record.get("metadata") or {}
    text = _LINK.sub(r"\1", record.get("text") or "")
    return Document(
        id=record["id"],
        url=meta.get("url") or f"https://peraturan.go.id/id/{record['id']}",
        kind="regulation",
        title=title,
        text=text,
        doc_type=code,
        number=str(record["nomor"]),
        year=int(record["tahun"]),
        about=about_title or None,
        status=(meta.get("status") or "").split(" Oleh")[0] or None,
        enacted_on=_date(meta.get("ditetapkan_tanggal")),
        parts=split_pasal(text),
        references=_references(record.get("text") or ""),
        source="peraturan.go.id",
    )


def load_documents(limit: int | None = None) -> Iterator[Document]:
    """Yield the shared regulations as Documents."""
    for record in iter_records(limit):
        yield to_document(record)
