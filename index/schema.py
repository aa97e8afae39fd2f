"""The Whoosh schema, its version, and how a `Document` becomes index units.

Every document is one "doc" unit (title, about, number, the whole text as body, stored
metadata for display, facets and filters); each of its Pasal (and Menimbang / Mengingat) is also
a "part" unit carrying only its own text, used to name the best-matching Pasal of a hit.
Bump `SCHEMA_VERSION` whenever the schema or the analysis changes: an old index then refuses to
open and asks for a rebuild.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

from whoosh.fields import DATETIME, ID, KEYWORD, NUMERIC, STORED, TEXT, Schema

from corpus.ids import region_slug
from corpus.model import Document
from index.analysis import IndonesianAnalyzer

SCHEMA_VERSION = 1
PART_KINDS = frozenset({"pasal", "menimbang", "mengingat"})
FACET_COLUMNS = ("kind", "doc_type", "year", "region", "status", "source")
TEXT_FIELDS = ("title", "about", "body")


def build_schema(stemmer: str = "sastrawi") -> Schema:
    """Return the schema of a Telusur index."""
    analyzer = IndonesianAnalyzer(stemmer=stemmer)
    return Schema(
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
        text=STORED(),
        url=STORED(),
        number=STORED(),
        anchor=STORED(),
        label=STORED(),
        refs=KEYWORD(commas=True),
    )


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


def document_units(doc: Document) -> Iterator[dict[str, Any]]:
    """Yield the field dicts of one document's units: the document, then its parts."""
    title = doc.title or doc.about or doc.id
    unit: dict[str, Any] = {
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
        "body": "\n".join(filter(None, (doc.summary, doc.text))),
        "text": doc.text or doc.summary or "",
        "url": doc.url,
        "number": doc.number or "",
        "refs": ",".join(sorted({r.target_id for r in doc.references if r.target_id})),
    }
    if doc.year is not None:
        unit["year"] = doc.year
    when = _date_of(doc)
    if when is not None:
        unit["date"] = when
    yield unit
    seen: set[str] = set()
    for part in doc.parts:
        if part.kind not in PART_KINDS or not part.text.strip() or part.anchor in seen:
            continue
        seen.add(part.anchor)
        yield {
            "uid": f"{doc.id}#{part.anchor}",
            "doc_id": doc.id,
            "unit": "part",
            "body": part.text,
            "text": part.text,
            "anchor": part.anchor,
            "label": part.label,
        }
