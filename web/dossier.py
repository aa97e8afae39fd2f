"""The evidence dossier: basket items resolved into citable entries, as HTML, CSV and JSON."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from corpus import Document
from web.basket_store import Item
from web.citation import legal_citation
from web.docview import Standing, known_status, reference_groups, standing
from web.i18n import translate
from web.reading import quote_of


@dataclass(frozen=True, slots=True)
class Entry:
    """One numbered item of the dossier, with everything a jury needs to check it."""

    number: int
    key: str
    doc_id: str
    anchor: str | None
    part_label: str | None
    title: str
    citation: str
    quote: str
    url: str
    fetched_at: str
    sha256: str
    note: str
    found: bool
    date: str = ""  # the document's own date (enacted, promulgated or published), ISO 8601
    date_kind: str = ""  # which one: enacted, promulgated, published
    kind: str = ""  # regulation, news, other
    status: str = ""  # a regulation's status when it reads as one, else "" (unknown)
    # what revoked or amended it, as its own page or text says: "Dicabut dengan: Perbup ..."
    standing: str = ""


def build_entries(items: Iterable[Item], fetch: Callable[[str], Document | None],
                  lang: str = "id",
                  standing_of: Callable[[Document], tuple[Standing, ...]] | None = None,
                  ) -> tuple[Entry, ...]:
    """Resolve basket items against the store; missing documents stay listed, flagged.

    `standing_of` says what revoked or amended a regulation, as its page does (its own
    relations and those of regulations we hold); without it, its own relations only.
    """
    standing_of = standing_of or own_standing
    entries: list[Entry] = []
    for number, item in enumerate(items, start=1):
        doc = fetch(item.doc_id)
        if doc is None:
            entries.append(Entry(number, item.key, item.doc_id, item.anchor, None, item.doc_id,
                                 "", "", "", "", "", item.note, False))
            continue
        part = doc.part(item.anchor) if item.anchor else None
        label = part.label if part else None
        kind, date = document_date(doc)
        entries.append(Entry(
            number=number, key=item.key, doc_id=doc.id, anchor=item.anchor if part else None,
            part_label=label, title=doc.title,
            citation=legal_citation(doc, part_label=label, lang=lang),
            quote=quote_of(doc, item.anchor if part else None),
            url=doc.url, fetched_at=_iso_seconds(doc.fetched_at),
            sha256=doc.sha256 or "", note=item.note, found=True,
            date=date.isoformat() if date else "", date_kind=kind, kind=doc.kind,
            status=known_status(doc.status) or "",
            standing=standing_text(standing_of(doc), lang) if doc.kind == "regulation" else "",
        ))
    return tuple(entries)


def own_standing(doc: Document) -> tuple[Standing, ...]:
    """Return what revoked or amended a regulation as its own references record."""
    return standing(reference_groups(doc.references, lambda _: False), ())


_STANDING_LABEL = {"standing.revoked": "rel.dicabut_dengan",
                   "standing.amended": "rel.diubah_dengan"}


def standing_text(found: Iterable[Standing], lang: str = "id") -> str:
    """Return the revocations, then amendments, of a regulation as one line."""
    return ". ".join(
        f"{translate(_STANDING_LABEL[s.key], lang=lang)}: "
        f"{'; '.join(dict.fromkeys(r.text for r in s.refs))}" for s in found)


def document_date(doc: Document) -> tuple[str, dt.date | None]:
    """Return which date a document is known by (enacted, promulgated, published) and it."""
    for kind, value in (("enacted", doc.enacted_on), ("promulgated", doc.promulgated_on),
                        ("published", doc.published_at)):
        if value is not None:
            return kind, value.date() if isinstance(value, dt.datetime) else value
    return "", None


def _iso_seconds(value: dt.datetime | None) -> str:
    """Return a timestamp as ISO 8601 to the second, UTC written as Z."""
    if value is None:
        return ""
    if value.tzinfo is not None:
        value = value.astimezone(dt.UTC)
    return value.replace(microsecond=0).isoformat().replace("+00:00", "Z")


MANIFEST_FIELDS = ("number", "doc_id", "anchor", "part_label", "title", "citation", "quote",
                   "url", "fetched_at", "sha256", "note", "permalink", "date", "date_kind",
                   "status", "standing")


def manifest_rows(
    entries: Iterable[Entry], permalink: Callable[[Entry], str]
) -> list[dict[str, Any]]:
    """Return the manifest as plain rows (the same for CSV and JSON)."""
    rows = []
    for e in entries:
        row = {name: getattr(e, name, "") for name in MANIFEST_FIELDS if name != "permalink"}
        row["permalink"] = permalink(e)
        rows.append(row)
    return rows


def _csv_safe(value: Any) -> str:
    text = "" if value is None else str(value)
    # Spreadsheets run cells that start with these as formulas; quote them as text.
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def manifest_csv(rows: list[dict[str, Any]]) -> str:
    """Return manifest rows as CSV with a header line."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=MANIFEST_FIELDS, lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _csv_safe(v) for k, v in row.items()})
    return out.getvalue()
