"""Raw response -> Document: decide what a body is and assemble its Document.

A body is a PDF, a JDIHN JSON feed, plain text, or HTML. An HTML page is a JDIH detail page
(metadata block by label), a full-text regulation (heading + Pasal, or a decree's diktum after
its MEMUTUSKAN), a news article (article
signals: schema, og:type, a publication date and running text), another content page
(government pages), or not a document at all (listings, navigation-only pages, junk) -> None.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import re
from collections.abc import Mapping
from functools import partial
from typing import Any
from urllib.parse import unquote, urlsplit

from corpus.doctypes import normalize_doc_type
from corpus.ids import news_id, page_id
from corpus.model import Document, Page, Reference
from crawler.extract.citations import find_citations, parse_year, title_case
from crawler.extract.detail import (
    Pair,
    drop_metadata,
    find_pdf_url,
    label_pairs,
    metadata_elements,
    read_label_values,
    read_relations,
)
from crawler.extract.encoding import decode_html
from crawler.extract.feed import looks_like_feed, parse_feed
from crawler.extract.maintext import MainText, extract_main_text, first_h1, parse_html
from crawler.extract.metadata import (
    PageMeta,
    date_before,
    in_printed_zone,
    printed_heading,
    read_metadata,
    status_badge,
)
from crawler.extract.pdf import extract_pdf, is_pdf
from crawler.extract.records import clean_number, regulation_from_fields
from crawler.extract.regions import dominant_regions
from crawler.extract.regulation import CIRCULAR_HEADING, ParsedRegulation, parse_regulation

log = logging.getLogger(__name__)

MAX_BODY = 50_000_000
MIN_WORDS = 40  # a page with less running text than this is not a document
MIN_SHORT_WORDS = 12  # ... unless it says it is an article (schema, og:type, a dated byline)
_NEWS_PATH = re.compile(r"/(?:berita|news|read|artikel|article|detail|post|\d{4}/\d{2})/", re.I)
# Sections of a site that hold standing pages, not stories (profiles, service standards, FAQs,
# announcements, PPID lists): WordPress's SEO plugins print og:type "article" on these too.
_STATIC_PATH = re.compile(
    r"/(?:profil|profile|halaman|pages?|tentang|about|visi|misi|sejarah|struktur|tupoksi|faq|"
    r"tanya-jawab|kontak|contact|hubungi|layanan|pelayanan|standar|pengumuman|informasi|ppid|"
    r"agenda|acara|events?|galeri|gallery|unduh|download|regulasi)(?=[/\-_.]|$)", re.I)
_FIRST_DIKTUM = re.compile(r"^\s*KESATU\s*[:.]", re.MULTILINE)  # not "KESATUAN"
_HOME_PATH = re.compile(r"^/?(?:(?:index|default|home|beranda)(?:\.\w{2,5})?/?)?$", re.I)
_XML_LISTS = re.compile(rb"^(?:\s|<\?xml[^>]*>|<!--.*?-->|<\?xml-stylesheet[^>]*>)*"
                        rb"<(?:rss|feed|urlset|sitemapindex|rdf:RDF|opml)\b", re.S)
_REGIONAL = {"Perda", "Perbup", "Kepbup", "Pergub", "Kepgub", "Perwali", "Kepwali", "Inbup"}
_DETAIL_FIELDS = {"doc_type", "doc_type_short", "number", "year", "title", "about", "teu",
                  "enacted_on", "promulgated_on", "place", "status", "subjects",
                  "source_publication", "signer"}


def extract_documents(body: bytes, url: str, content_type: str | None,
                      hints: Mapping[str, Any] | None) -> list[Document]:
    """Return every Document a body holds; [] when it holds none. Never raises."""
    try:
        return _dispatch(body, url, content_type, hints or {})
    except Exception as exc:  # the last guard: a strange page must not stop a crawl
        log.warning("extraction failed for %s: %s: %s", url, exc.__class__.__name__, exc)
        return []


def _dispatch(body: bytes, url: str, content_type: str | None,
              hints: Mapping[str, Any]) -> list[Document]:
    if isinstance(body, str):
        body = body.encode("utf-8")
    if not body or not isinstance(body, bytes | bytearray) or not body.strip():
        return []
    body = bytes(body[:MAX_BODY])
    ctype = (content_type or "").lower()
    if is_pdf(body, ctype) and b"<html" not in body[:512].lower():
        doc = pdf_document(body, url, hints)
        return [doc] if doc else []
    if looks_like_feed(body, ctype):
        return parse_feed(body, url, hints)
    if _XML_LISTS.match(body.lstrip(b"\xef\xbb\xbf")[:4096]):
        log.info("not a document: %s is an XML feed or sitemap", url)
        return []
    if _is_binary(body):
        log.info("not a document: %s looks binary (%s)", url, content_type)
        return []
    if "text/plain" in ctype or not re.search(rb"<[a-zA-Z!]", body[:4096]):
        doc = text_document(decode_html(body, content_type), url, hints)
        return [doc] if doc else []
    doc = html_document(body, url, content_type, hints)
    return [doc] if doc else []


def _is_binary(body: bytes) -> bool:
    head = body[:4096]
    if head.startswith((b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b")):
        return True
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return controls > len(head) * 0.1


def _same_day_with_time(found: dt.datetime | None, printed: dt.datetime) -> bool:
    """Return True when `found` is `printed`'s day and carries a clock time `printed` lacks."""
    return (found is not None and found.date() == printed.date()
            and found.time() != dt.time(0) and printed.time() == dt.time(0))


def html_document(body: bytes, url: str, content_type: str | None,
                  hints: Mapping[str, Any]) -> Document | None:
    """Return the Document of an HTML page, or None for listings and navigation pages."""
    html = decode_html(body, content_type)
    root = parse_html(html)
    meta = read_metadata(root, url)
    pairs = label_pairs(root)
    fields = read_label_values(root, pairs)
    pdf_url = find_pdf_url(root, url)
    detail_page = is_detail(fields)
    related = read_relations(root) if detail_page else []
    if detail_page:
        hints = _with_page_region(fields, root, hints)
    heading = first_h1(root)  # read before the tree is cleaned
    # the metadata block's pairs are fields: the main text is the prose around them
    main = page_main_text(root, hints, meta.headline, pairs, fields, prune=True)
    if meta.title_only and main.start is not None:
        meta.title = printed_heading(main.start) or meta.title  # the story's, not the site's
    printed = date_before(main.start) if main.start is not None else None
    if (meta.published_confidence <= 0.7 and printed is not None
            and not _same_day_with_time(meta.published_at, printed)):
        # Without date metadata, the byline printed just before the story beats a dated
        # element found page-wide (a sidebar agenda comes first in the markup), unless that
        # one is the same day with its clock time.
        meta.published_at, meta.published_confidence = printed, 0.7
    elif meta.published_at is not None:
        meta.published_at = in_printed_zone(meta.published_at, printed, root)
    badge = status_badge(main.start) if main.start is not None else None
    if detail_page:
        detail = _detail_document(fields, pdf_url, url, main.text, meta, hints, related,
                                  heading)
        if detail is not None:
            return detail if detail.status or not badge else detail.replace(status=badge)
    # Pasal, a decree's first diktum or a circular's heading: pages without one are not
    # parsed (most pages)
    parsed = (_regulation_text(main.text, hints)
              if "Pasal" in main.text or _FIRST_DIKTUM.search(main.text)
              or CIRCULAR_HEADING.search(main.text, 0, 20_000) else None)
    if parsed is not None:
        return regulation_document(parsed, url, main.text, "html", title=meta.title,
                                   pdf_url=pdf_url).replace(status=badge)
    # WordPress themes print og:type "article" on tag and category archives too
    article = meta.article_schema or (meta.og_type == "article" and not meta.collection_schema)
    dated = meta.published_at is not None and meta.published_confidence >= 0.7
    if _HOME_PATH.match(urlsplit(url).path) and not urlsplit(url).query and not (
            article or dated):
        log.info("not a document: %s is a site's home page", url)
        return None
    if (main.is_listing or main.main_link_density > 0.5) and not article:
        log.info("not a document: %s is a listing (link density %.2f)", url,
                 main.main_link_density)
        return None
    words = len(main.text.split())
    if words < (MIN_SHORT_WORDS if article or dated else MIN_WORDS):
        log.info("not a document: %s has %d words of main text", url, words)
        return None
    context = " ".join([meta.title or "", meta.description or "", *root.itertext()])
    return _page_document(meta, url, main.text, hints, context)


def page_main_text(root: Any, hints: Mapping[str, Any], headline: str | None,
                   pairs: list[Pair], fields: Mapping[str, str], *, prune: bool) -> MainText:
    """Return a page's main text; a detail page's is chosen with its metadata block in mind.

    The block is part of the content region and its "Judul" names the page; with `prune`, its
    pairs (fields of the Document) leave the text once the content is chosen.
    """
    if not is_detail(fields):
        return extract_main_text(root, hints, title=headline)
    return extract_main_text(
        root, hints, title=headline, names=(fields["title"],) if "title" in fields else (),
        metadata=metadata_elements(root, pairs=pairs),
        prune=partial(drop_metadata, root, pairs) if prune else None)


def is_detail(fields: Mapping[str, str]) -> bool:
    """Return True when a page's label/value pairs name one regulation (a detail page)."""
    known = _DETAIL_FIELDS & set(fields)
    has_identity = bool({"doc_type", "doc_type_short", "number"} & known)
    return has_identity and len(known) >= 3 and bool({"title", "about", "year"} & known)


def _with_page_region(fields: Mapping[str, str], root: Any,
                      hints: Mapping[str, Any]) -> Mapping[str, Any]:
    """Return the hints with the region the page itself names for this regulation.

    A detail page's fields often leave the region out ("Nomor: 560/412/HK/2023"), while its
    heading, breadcrumb or related list cites the regulation in full ("Keputusan Bupati Sekar
    Arum Nomor 560/412/HK/2023 tentang ..."): a citation of the same number gives the region.
    """
    number = clean_number(fields.get("number"))
    if hints.get("region") or not number:
        return hints
    year = parse_year(fields.get("year"))
    doc_type = normalize_doc_type(fields.get("doc_type") or fields.get("doc_type_short"))
    text = " ".join(root.itertext())[:200_000]
    for ref in find_citations(text):
        if (ref.region and ref.number == number
                and (year is None or ref.year in (None, year))
                and (doc_type is None or ref.doc_type == doc_type)):
            return {**hints, "region": ref.region}
    return hints


def _detail_document(fields: Mapping[str, str], pdf_url: str | None, url: str, text: str,
                     meta: PageMeta, hints: Mapping[str, Any],
                     related: list[tuple[str, str]], heading: str | None) -> Document | None:
    values = dict(fields)
    if pdf_url:
        values["pdf_url"] = pdf_url
    if "title" not in values and (meta.title or heading):
        values["title"] = _fuller(meta.title, heading)
    doc = regulation_from_fields(values, url, "detail", hints, related)
    if doc is None:
        return None
    return doc.replace(text=text, site_name=meta.site_name, source_urls=(url,))


def _fuller(title: str | None, heading: str | None) -> str:
    """Return the page's title, or its printed heading when only that gives the subject.

    A JDIH page's <title> or og:title often cites the rule short ("SE Bupati Nomor 500/12/
    2025") where its <h1> prints it whole ("... tentang Kewajiban Kepesertaan ...").
    """
    if heading and (not title or (" tentang " in f" {heading.lower()} "
                                  and " tentang " not in f" {title.lower()} ")):
        return heading
    return title or ""


def _regulation_text(text: str, hints: Mapping[str, Any]) -> ParsedRegulation | None:
    parsed = parse_regulation(text, default_region=hints.get("region"))
    return parsed if parsed.is_regulation else None


def regulation_document(parsed: ParsedRegulation, url: str, text: str, origin: str, *,
                        title: str | None = None, pages: tuple[Page, ...] = (),
                        pdf_url: str | None = None) -> Document:
    """Return the regulation Document of a parsed full text."""
    doc_id = parsed.id or page_id(url)
    return Document(
        id=doc_id,
        url=url,
        kind="regulation",
        title=parsed.title or title or url,
        text=text,
        doc_type=parsed.doc_type,
        number=parsed.number,
        year=parsed.year,
        about=title_case(parsed.about, text),  # as printed, or out of capitals as cited
        region=parsed.region,
        issuer=parsed.issuer or parsed.region,
        enacted_on=parsed.enacted_on,
        enacted_at_place=parsed.enacted_at_place,
        promulgated_on=parsed.promulgated_on,
        parts=parsed.parts,
        references=parsed.references,
        pages=pages,
        pdf_url=pdf_url,
        source_urls=(url,),
        origin=origin,
        confidence=dict(parsed.confidence),
        extra={"promulgated_at_place": parsed.promulgated_at_place}
        if parsed.promulgated_at_place else {},
    )


def _page_document(meta: PageMeta, url: str, text: str, hints: Mapping[str, Any],
                   context: str = "") -> Document:
    canonical = meta.canonical_url or url
    path = urlsplit(url).path
    story_path = bool(_NEWS_PATH.search(path))
    # a CMS's standing page (WordPress "page-id-N"), or one in a site's standing sections;
    # themes and Joomla print og:type "article" or schema.org Article on those too
    # ("/layanan-bpjs-diresmikan/" is a WordPress post, and it says so: single-post postid-N)
    standing = (bool(_STATIC_PATH.search(path)) and not story_path and not meta.cms_post
                ) or meta.cms_page
    is_news = (
        hints.get("kind") == "news"
        or meta.news_schema
        or (not standing and (
            meta.article_schema
            or meta.og_type == "article"
            or (meta.published_at is not None and meta.published_confidence >= 0.7)
            or (meta.published_at is not None and story_path)))
    )
    refs = _mentions(text, hints.get("region"), context)
    confidence = {"title": 0.9 if meta.title else 0.0}
    if meta.published_at is not None:
        confidence["published_at"] = meta.published_confidence
    return Document(
        id=news_id(canonical) if is_news else page_id(canonical),
        url=url,
        kind="news" if is_news else "other",
        title=meta.title or _first_line(text) or url,
        text=text,
        doc_type="Berita" if is_news else None,
        published_at=meta.published_at,
        summary=meta.description,
        author=meta.author,
        site_name=meta.site_name or (urlsplit(url).hostname or None),
        subjects=meta.keywords,
        references=refs,
        source_urls=tuple(dict.fromkeys((url, canonical))),
        origin="html",
        confidence=confidence,
        language=meta.language or "id",
    )


def _mentions(text: str, region: str | None, context: str = "") -> tuple[Reference, ...]:
    """Return the regulations a text mentions, regions completed from the page around it."""
    regions = [region] if region else []
    regions += dominant_regions(text)
    # The same rule cited in full elsewhere on the page ("Dokumen terkait: Peraturan Bupati
    # Gianyar Nomor 55 Tahun 2018") tells the region of a bare "Perbup 55/2018" in the text.
    found = find_citations(text, default_region=regions)
    regional = any(r.region is None and r.doc_type in _REGIONAL for r in found)
    known = {
        (r.doc_type, r.number, r.year): r
        for r in find_citations(context[:200_000]) if r.region
    } if context and regional else {}
    seen: set[str | None] = set()
    out = []
    for ref in found:
        if ref.region is None and (ref.doc_type, ref.number, ref.year) in known:
            full = known[(ref.doc_type, ref.number, ref.year)]
            ref = dataclasses.replace(ref, region=full.region, target_id=full.target_id)
        if ref.target_id in seen:
            continue
        seen.add(ref.target_id)
        out.append(ref)
    return tuple(out)


def text_document(text: str, url: str, hints: Mapping[str, Any]) -> Document | None:
    """Return the Document of a plain-text body (a regulation if it reads as one)."""
    if len(text.split()) < MIN_WORDS:
        return None
    parsed = _regulation_text(text, hints)
    if parsed is not None:
        return regulation_document(parsed, url, text, "text")
    meta = PageMeta(title=_first_line(text))
    return _page_document(meta, url, text, hints).replace(origin="text")


def pdf_document(body: bytes, url: str, hints: Mapping[str, Any]) -> Document | None:
    """Return the Document of a PDF: a regulation when its text (or OCR of a scan) reads as one."""
    pdf = extract_pdf(body)
    if pdf.error:
        log.warning("not extracted: %s: %s", url, pdf.error)
        return None
    if pdf.ocr_note:
        log.info("%s: %s", url, pdf.ocr_note)
    starts, chunks, position = [], [], 0
    for page in pdf.pages:
        starts.append(position)
        chunks.append(page.text)
        position += len(page.text) + 2
    text = "\n\n".join(chunks)
    filename = unquote(urlsplit(url).path.rsplit("/", 1)[-1]) or url
    ocr = {"ocr": pdf.ocr_note} if pdf.ocr_note else {}  # what OCR read, and what it could not
    if not pdf.needs_ocr:
        parsed = parse_regulation(text, default_region=hints.get("region"), page_starts=starts)
        if parsed.doc_type and (parsed.number or parsed.year):
            doc = regulation_document(parsed, url, text, "pdf", title=pdf.title,
                                      pages=pdf.pages, pdf_url=url)
            return doc.replace(ocr=pdf.ocr, extra={**doc.extra, **ocr})
    return Document(
        id=page_id(url),
        url=url,
        kind="other",
        title=pdf.title or _first_line(text) or filename,
        text=text,
        pages=pdf.pages,
        pdf_url=url,
        source_urls=(url,),
        origin="pdf",
        needs_ocr=pdf.needs_ocr,
        ocr=pdf.ocr,
        references=_mentions(text, hints.get("region")),
        extra=ocr,
    )


def _first_line(text: str) -> str | None:
    for line in text.split("\n"):
        line = line.strip()
        if line:
            return line[:200]
    return None
