"""Merge several extractions of one document into one.

A regulation reaches us as a JDIHN feed record, a JDIH detail page and a PDF, all with the same
natural-key id. Metadata is taken from the most authoritative origin that has it (a feed or
detail page states the number and dates; a parse of the full text infers them); the full text,
its parts and pages come from the richest text origin (a PDF or full-text HTML with Pasal units).
"""

from __future__ import annotations

import dataclasses
from typing import Any

from corpus.model import Document

# Higher wins for metadata fields when both documents have a value.
_METADATA_RANK = {"feed": 4, "detail": 3, "json": 3, "pdf": 2, "html": 1, "text": 1}
_TEXT_FIELDS = ("text", "parts", "pages", "sha256", "archive_ref", "fetched_at", "needs_ocr",
                "ocr")
_UNION_FIELDS = ("subjects", "source_urls")
_SKIP = {"id", "references", "confidence", "extra", "origin", *_TEXT_FIELDS, *_UNION_FIELDS}


def merge_documents(old: Document, new: Document) -> Document:
    """Return one document that keeps the best of two extractions with the same id."""
    if old.id != new.id:
        raise ValueError(f"cannot merge {old.id!r} with {new.id!r}")
    meta_first, meta_second = _by_rank(old, new)
    values: dict[str, Any] = {}
    for f in dataclasses.fields(Document):
        if f.name in _SKIP:
            continue
        first, second = getattr(meta_first, f.name), getattr(meta_second, f.name)
        values[f.name] = first if _present(first) else second
    text_doc = _richer_text(old, new)
    for name in _TEXT_FIELDS:
        values[name] = getattr(text_doc, name)
    for name in _UNION_FIELDS:
        values[name] = tuple(dict.fromkeys((*getattr(old, name), *getattr(new, name))))
    values["references"] = _merge_references(text_doc, old if text_doc is new else new)
    values["confidence"] = {**meta_second.confidence, **meta_first.confidence}
    values["extra"] = {**meta_second.extra, **meta_first.extra}
    # What OCR read belongs to the text it describes: kept only with the OCR copy's text
    values["extra"].pop("ocr", None)
    if "ocr" in text_doc.extra:
        values["extra"]["ocr"] = text_doc.extra["ocr"]
    values["origin"] = meta_first.origin
    if old.kind != new.kind and "regulation" in (old.kind, new.kind):
        values["kind"] = "regulation"
    return Document(id=old.id, **values)


def _by_rank(a: Document, b: Document) -> tuple[Document, Document]:
    """Return (winner, loser) for metadata; on a tie the newer extraction wins."""
    if _metadata_rank(a) > _metadata_rank(b):
        return a, b
    return b, a


def _metadata_rank(doc: Document) -> float:
    # A title read by OCR may carry misreadings a typed page does not: below any typed origin
    return -1.0 if doc.ocr else _METADATA_RANK.get(doc.origin, 0)


def _richer_text(a: Document, b: Document) -> Document:
    """Return the document whose text should be kept (newer wins a tie)."""

    def weight(d: Document) -> tuple[bool, bool, int, int, int]:
        return (bool(d.parts), bool(d.parts) and not d.ocr, len(d.parts),
                1 if d.origin in ("pdf", "html", "text") else 0, len(d.text))

    ocr, layer = (a, b) if a.ocr and not b.ocr else (b, a) if b.ocr and not a.ocr else (None, None)
    if ocr is not None and layer is not None and layer.parts and ocr.parts and (
            len(layer.parts) < 0.5 * len(ocr.parts)):
        return ocr  # a text layer that lost most of the units does not beat the OCR of all
    # Otherwise, of two texts split into parts, a text layer beats OCR, which misreads
    return a if weight(a) > weight(b) else b


def _merge_references(primary: Document, secondary: Document) -> tuple:
    seen = {(r.relation, r.target_id or r.text) for r in primary.references}
    extra = [r for r in secondary.references if (r.relation, r.target_id or r.text) not in seen]
    return (*primary.references, *extra)


def _present(value: Any) -> bool:
    return value not in (None, "", (), {})
