"""The Whoosh schema, its version, and how a `Document` becomes index units.

Every document is one index entry (title, about, number, the whole text as body, stored
metadata for display, facets and filters). Its Pasal (and Menimbang / Mengingat) units are
stored with it and scored at query time for the hits being shown (see `index.parts`): indexing
each Pasal as its own Whoosh document multiplied the postings and made a full rebuild of the
shared corpus several times slower, for no gain in which documents are found.
Bump `SCHEMA_VERSION` whenever the schema or the analysis changes: an old index then refuses to
open and asks for a rebuild.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from whoosh.fields import DATETIME, ID, KEYWORD, NUMERIC, STORED, TEXT, Schema

from corpus.ids import region_slug
from corpus.model import CITABLE_KINDS, Document
from index.analysis import IndonesianAnalyzer, IndonesianFrequency, IndonesianPositions

SCHEMA_VERSION = 4  # 3: parts stored as offsets into the stored text; 4: body_tf
PART_KINDS = frozenset({*CITABLE_KINDS, "menimbang", "mengingat"})
FACET_COLUMNS = ("kind", "doc_type", "year", "region", "status", "source")
TEXT_FIELDS = ("title", "about", "body")
# Text fields scored from a copy without positions (see `IndonesianFrequency`).
SCORING_FIELDS = {"body": "body_tf"}


def build_schema() -> Schema:
    """Return the schema of a Telusur index."""
    analyzer = IndonesianAnalyzer()
    schema = Schema(
        uid=ID(stored=True, unique=True),
        doc_id=ID(stored=True),
        unit=ID(),
        kind=ID(stored=True, sortable=True),
        doc_type=ID(stored=True, sortable=True),
        region=ID(stored=True, sortable=True),
        status=ID(stored=True, sortable=True),
        source=ID(stored=True, sortable=True),
        year=NUMERIC(int, stored=True, sortable=True),
        date=DATETIME(stored=True, sortable=True),
        type_key=ID(),
        number_key=ID(),
        region_key=ID(stored=True),
        title=TEXT(analyzer=analyzer, stored=True),
        about=TEXT(analyzer=analyzer, stored=True),
        body=TEXT(analyzer=analyzer),
        body_tf=TEXT(analyzer=analyzer, phrase=False),
        text=STORED(),
        url=STORED(),
        number=STORED(),
        parts=STORED(),
        refs=KEYWORD(commas=True),
    )
    for name in TEXT_FIELDS:
        schema[name].format = IndonesianPositions(field_boost=schema[name].format.field_boost)
    for name in SCORING_FIELDS.values():
        schema[name].format = IndonesianFrequency(field_boost=schema[name].format.field_boost)
    return schema


def number_key(number: str | None) -> str:
    """Return a number normalized for matching: lowercase, no spaces, no leading zeros."""
    if not number:
        return ""
    key = re.sub(r"\s+", "", number.lower())
    return key.lstrip("0") or key


def type_key(doc_type: str | None) -> str:
    """Return a document type normalized for matching."""
    return (doc_type or "").strip().lower()


def _date_of(doc: Document) -> dt.datetime | None:
    if doc.published_at is not None:
        return doc.published_at.replace(tzinfo=None)
    day = doc.date
    return dt.datetime(day.year, day.month, day.day) if day else None


def part_records(doc: Document) -> list[tuple[str, str, str]]:
    """Return the (anchor, label, text) of the parts a hit can point at, first of each anchor."""
    seen: set[str] = set()
    out = []
    for part in doc.parts:
        if part.kind in PART_KINDS and part.text.strip() and part.anchor not in seen:
            seen.add(part.anchor)
            out.append((part.anchor, part.label, part.text))
    return out


def stored_parts(records: list[tuple[str, str, str]], text: str) -> list[tuple[Any, ...]]:
    """Return parts to store: (anchor, label, start, end) when the part is a slice of `text`.

    Pasal are almost always verbatim slices of the document text; storing offsets instead of a
    second copy halves what each hit decompresses and unpickles. A part that is not a slice
    keeps its own text: (anchor, label, text).
    """
    out: list[tuple[Any, ...]] = []
    cursor = 0
    for anchor, label, body in records:
        at = text.find(body, cursor)
        if at < 0:
            at = text.find(body)
        if at < 0:
            out.append((anchor, label, body))
            continue
        out.append((anchor, label, at, at + len(body)))
        cursor = at + len(body)
    return out


def load_parts(stored: Any, text: str) -> list[tuple[str, str, str]]:
    """Return (anchor, label, text) of stored parts (see `stored_parts`); skip malformed ones."""
    out: list[tuple[str, str, str]] = []
    for record in stored or ():
        if len(record) == 4:
            anchor, label, start, end = record
            out.append((anchor, label, text[start:end]))
        elif len(record) == 3:
            out.append((record[0], record[1], record[2]))
    return out


def document_fields(doc: Document) -> dict[str, Any]:
    """Return the field dict of one document's index entry."""
    title = doc.title or doc.about or doc.id
    text = doc.text or doc.summary or ""
    # a summary the text holds (a detail page's abstract) is not counted twice
    body = text if doc.summary_in_text else "\n".join(filter(None, (doc.summary, doc.text)))
    fields: dict[str, Any] = {
        "uid": doc.id,
        "doc_id": doc.id,
        "unit": "doc",
        "kind": doc.kind,
        "doc_type": doc.doc_type or "",
        "region": doc.region or "",
        "status": doc.status or "",
        "source": doc.source or "",
        "type_key": type_key(doc.doc_type),
        "number_key": number_key(doc.number),
        "region_key": region_slug(doc.region) or "",
        "title": title,
        "about": doc.about or "",
        "body": body,
        "body_tf": body,  # the same object: analysed once for both fields
        "text": text,
        "url": doc.url,
        "number": doc.number or "",
        "refs": ",".join(sorted({r.target_id for r in doc.references if r.target_id})),
        "parts": stored_parts(part_records(doc), text),
    }
    if doc.year is not None:
        fields["year"] = doc.year
    when = _date_of(doc)
    if when is not None:
        fields["date"] = when
    return fields
