"""How to cite a document: Indonesian legal style, BibTeX and CSL-JSON."""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

from corpus import Document, find_doc_type
from corpus import designation as name_instrument
from web.i18n import format_date

_BIBTEX_SPECIAL = re.compile(r"([\\{}%&$#_^~])")


def designation(doc: Document) -> str | None:
    """Return "Peraturan Bupati Gianyar Nomor 35 Tahun 2025" for a regulation, else None."""
    if doc.kind != "regulation" or find_doc_type(doc.doc_type) is None or not doc.number or (
            not doc.year):
        return None
    # JDIH catalogues cite a decree with its year even when the number ends with it
    return name_instrument(doc.doc_type or "", doc.number, doc.year, region=doc.region,
                           issuer=doc.issuer, year_printed=True)


def legal_name(doc: Document) -> str:
    """Return a regulation's name as Indonesian legal writing cites it, or its title."""
    name = designation(doc)
    if name is None:
        return doc.title
    if doc.about:
        name += f" tentang {doc.about.strip()}"
    return name


def legal_citation(doc: Document, part_label: str | None = None, lang: str = "id") -> str:
    """Return a full citation sentence: name, part, promulgation, URL and access date."""
    if doc.kind == "regulation":
        text = legal_name(doc)
        if part_label:
            text = f"{part_label} {text}"
        source = (doc.extra or {}).get("sumber")
        if source:
            text += f" ({source})"
    else:
        who = doc.author or doc.site_name or ""
        text = f"{who}, " if who else ""
        text += f"\u201c{doc.title}\u201d"
        if doc.site_name and doc.site_name != who:
            text += f", {doc.site_name}"
        if doc.date:
            text += f", {format_date(doc.date, lang)}"
    text += f". {doc.url}"
    if doc.fetched_at:
        word = "diakses" if lang == "id" else "accessed"
        text += f", {word} {format_date(doc.fetched_at.date(), lang)}"
    return text + "."


def _bibtex_escape(value: str) -> str:
    return _BIBTEX_SPECIAL.sub(r"\\\1", " ".join(value.split()))


def _bibtex_value(name: str, value: str) -> str:
    if name == "author":
        return value  # already escaped and braced as a corporate name
    if name in ("url", "urldate"):
        return re.sub(r"[{}\\\s]", "", value)  # the url package takes URLs verbatim
    return _bibtex_escape(value)


def bibtex(doc: Document) -> str:
    """Return a BibTeX entry (@misc, readable by every BibTeX style) for a document."""
    key = re.sub(r"[^A-Za-z0-9]+", "", doc.id)[:60] or "telusur"
    fields: list[tuple[str, str]] = [("title", legal_name(doc))]
    author = doc.issuer or doc.region or doc.author or doc.site_name
    if author:
        fields.append(("author", "{" + _bibtex_escape(author) + "}"))
    if doc.year or doc.date:
        fields.append(("year", str(doc.year or doc.date.year)))  # type: ignore[union-attr]
    if doc.number:
        fields.append(("number", doc.number))
    if doc.site_name:
        fields.append(("howpublished", doc.site_name))
    fields.append(("url", doc.url))
    if doc.fetched_at:
        fields.append(("urldate", doc.fetched_at.date().isoformat()))
    fields.append(("language", "indonesian" if doc.language == "id" else doc.language))
    body = ",\n".join(f"  {name} = {{{_bibtex_value(name, value)}}}" for name, value in fields)
    return f"@misc{{{key},\n{body}\n}}"


def _date_parts(value: dt.date | None) -> dict[str, Any] | None:
    if value is None:
        return None
    return {"date-parts": [[value.year, value.month, value.day]]}


def csl_json(doc: Document) -> dict[str, Any]:
    """Return a CSL-JSON item (as used by Zotero, Pandoc and citeproc) for a document."""
    kinds = {"regulation": "legislation", "news": "article-newspaper"}
    item: dict[str, Any] = {
        "id": doc.id,
        "type": kinds.get(doc.kind, "webpage"),
        "title": legal_name(doc),
        "URL": doc.url,
        "language": doc.language,
    }
    optional = {
        "number": doc.number,
        "authority": doc.issuer or doc.region,
        "container-title": doc.site_name,
        "issued": _date_parts(doc.date) or ({"date-parts": [[doc.year]]} if doc.year else None),
        "accessed": _date_parts(doc.fetched_at.date() if doc.fetched_at else None),
        "author": [{"literal": doc.author}] if doc.author else None,
        "abstract": doc.summary,
    }
    item.update({k: v for k, v in optional.items() if v})
    return item


def csl_json_text(doc: Document) -> str:
    """Return the CSL-JSON item as pretty-printed JSON text (an array of one item)."""
    return json.dumps([csl_json(doc)], ensure_ascii=False, indent=2)
