"""Feed and export formats: Atom for a search, OpenSearch, JDIHN JSON records, result CSV."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from typing import Any

from corpus import Document, find_doc_type
from index.results import Hit
from web.citation import legal_name
from web.docview import known_status

ATOM_NS = "http://www.w3.org/2005/Atom"
OPENSEARCH_NS = "http://a9.com/-/spec/opensearch/1.1/"
_TAG = re.compile(r"<[^>]*>")
_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

RESULT_FIELDS = ("id", "title", "kind", "doc_type", "number", "year", "date", "region",
                 "status", "source", "url", "score", "permalink")


def plain(snippet: str | None) -> str:
    """Return snippet text without markup, safe to put in XML."""
    import html

    return _XML_ILLEGAL.sub("", html.unescape(_TAG.sub("", snippet or "")))


def _clean(text: str | None) -> str:
    return _XML_ILLEGAL.sub("", text or "")


def _rfc3339(value: dt.date | None) -> str:
    if value is None:
        return "1970-01-01T00:00:00Z"
    return f"{value.isoformat()[:10]}T00:00:00Z"


def _hit_date(hit: Hit) -> dt.date | None:
    if hit.date:
        return hit.date
    return dt.date(hit.year, 1, 1) if hit.year and 1 <= hit.year <= 9999 else None


def atom_feed(title: str, self_url: str, html_url: str, hits: Iterable[Hit],
              permalink: Callable[[Hit], str]) -> bytes:
    """Return an Atom 1.0 feed of search hits, newest first as given."""
    ET.register_namespace("", ATOM_NS)
    feed = ET.Element(f"{{{ATOM_NS}}}feed")
    hits = list(hits)
    ET.SubElement(feed, f"{{{ATOM_NS}}}title").text = _clean(title)
    ET.SubElement(feed, f"{{{ATOM_NS}}}id").text = self_url
    ET.SubElement(feed, f"{{{ATOM_NS}}}link", rel="self", href=self_url)
    ET.SubElement(feed, f"{{{ATOM_NS}}}link", rel="alternate", type="text/html", href=html_url)
    newest = max((d for d in map(_hit_date, hits) if d), default=None)
    ET.SubElement(feed, f"{{{ATOM_NS}}}updated").text = _rfc3339(newest)
    author = ET.SubElement(feed, f"{{{ATOM_NS}}}author")
    ET.SubElement(author, f"{{{ATOM_NS}}}name").text = "Telusur"
    for hit in hits:
        entry = ET.SubElement(feed, f"{{{ATOM_NS}}}entry")
        link = permalink(hit)
        ET.SubElement(entry, f"{{{ATOM_NS}}}title").text = _clean(hit.title)
        ET.SubElement(entry, f"{{{ATOM_NS}}}id").text = link
        ET.SubElement(entry, f"{{{ATOM_NS}}}link", rel="alternate", href=link)
        if hit.url.startswith(("http://", "https://")):
            ET.SubElement(entry, f"{{{ATOM_NS}}}link", rel="via", href=hit.url)
        ET.SubElement(entry, f"{{{ATOM_NS}}}updated").text = _rfc3339(_hit_date(hit))
        ET.SubElement(entry, f"{{{ATOM_NS}}}summary", type="text").text = plain(hit.snippet)
        ET.SubElement(entry, f"{{{ATOM_NS}}}category", term=hit.kind)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)


def opensearch_description(base_url: str) -> bytes:
    """Return the OpenSearch description that lets browsers add Telusur as a search engine."""
    ET.register_namespace("", OPENSEARCH_NS)
    root = ET.Element(f"{{{OPENSEARCH_NS}}}OpenSearchDescription")
    ET.SubElement(root, f"{{{OPENSEARCH_NS}}}ShortName").text = "Telusur"
    ET.SubElement(root, f"{{{OPENSEARCH_NS}}}Description").text = (
        "Cari peraturan dan berita jaminan sosial ketenagakerjaan")
    ET.SubElement(root, f"{{{OPENSEARCH_NS}}}InputEncoding").text = "UTF-8"
    ET.SubElement(root, f"{{{OPENSEARCH_NS}}}Language").text = "id"
    for mime, path in (("text/html", "/?q={searchTerms}"),
                       ("application/atom+xml", "/feed.atom?q={searchTerms}"),
                       ("application/json", "/api/search?q={searchTerms}"),
                       ("application/x-suggestions+json",
                        "/api/suggest?format=opensearch&q={searchTerms}")):
        ET.SubElement(root, f"{{{OPENSEARCH_NS}}}Url", type=mime, template=base_url + path)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


def sitemap(urls: Iterable[str]) -> bytes:
    """Return a sitemap listing the given page URLs."""
    ET.register_namespace("", SITEMAP_NS)
    root = ET.Element(f"{{{SITEMAP_NS}}}urlset")
    for url in urls:
        entry = ET.SubElement(root, f"{{{SITEMAP_NS}}}url")
        ET.SubElement(entry, f"{{{SITEMAP_NS}}}loc").text = url
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def results_csv(rows: Iterable[dict[str, Any]]) -> str:
    """Return result rows as CSV, with formula-like cells quoted as text."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=RESULT_FIELDS, lineterminator="\r\n",
                            extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _cell(row.get(k)) for k in RESULT_FIELDS})
    return out.getvalue()


def _cell(value: Any) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _dash(value: Any) -> str:
    return "-" if value in (None, "", ()) else str(value)


def _teu(region: str | None) -> str:
    """Return the T.E.U. heading of a region: "Kabupaten Gianyar" -> "Gianyar (Kabupaten)"."""
    if not region:
        return "Indonesia"
    head, _, rest = region.strip().partition(" ")
    if rest and head.lower() in ("kabupaten", "provinsi", "kota"):
        return f"{rest} ({head})"
    return region


def jdihn_record(doc: Document, detail_url: str) -> dict[str, str]:
    """Return one document as a JDIHN integration record (every value a string)."""
    known = find_doc_type(doc.doc_type)
    extra = doc.extra or {}
    year = doc.promulgated_on.year if doc.promulgated_on else doc.year
    pdf = doc.pdf_url or ""
    return {
        "idData": doc.id,
        "tahun_pengundangan": _dash(year),
        "tanggal_penetapan": doc.enacted_on.isoformat() if doc.enacted_on else "",
        "tanggal_pengundangan": doc.promulgated_on.isoformat() if doc.promulgated_on else "",
        "jenis": known.name if known else _dash(doc.doc_type),
        "noPeraturan": _dash(doc.number),
        "judul": legal_name(doc),
        "noPanggil": "-",
        "singkatanJenis": (known.code if known else _dash(doc.doc_type)).upper(),
        "tempatTerbit": _dash(doc.enacted_at_place),
        "penerbit": "-",
        "deskripsiFisik": "-",
        "sumber": _dash(extra.get("sumber")),
        "subjek": " - ".join(s.upper() for s in doc.subjects) or "-",
        "isbn": "-",
        "status": _dash(known_status(doc.status)),
        "bahasa": "Indonesia" if doc.language == "id" else doc.language,
        "bidangHukum": _dash(extra.get("bidang_hukum") or extra.get("bidangHukum")),
        "teuBadan": _teu(doc.region),
        "nomorIndukBuku": "-",
        "fileDownload": pdf.rsplit("/", 1)[-1] if pdf else "",
        "urlDownload": pdf,
        "urlDetailPeraturan": detail_url,
        "abstrak": doc.summary or "",
        "urlAbstrak": "",
        "operasi": "4",
        "display": "1",
        "lastUpdated": doc.fetched_at.isoformat(timespec="seconds") if doc.fetched_at else "",
    }
