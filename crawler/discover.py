"""Link discovery from raw bodies: HTML, sitemaps (index and gzip), RSS/Atom, the JDIHN feed.

Every function is pure (bytes in, `Discovery` out), never raises on malformed input, and
returns canonical absolute URLs. Parsing here is only for finding links; turning a page into a
document is `crawler.extract`'s job.
"""

from __future__ import annotations

import codecs
import gzip
import json
import logging
import re
import zlib
from dataclasses import dataclass, field

from lxml import etree
from lxml import html as lxml_html

from crawler.urls import canonicalize

log = logging.getLogger(__name__)

MAX_LINKS_PER_PAGE = 1000
MAX_SITEMAP_BYTES = 50 * 1024 * 1024  # the sitemap protocol's own limit, uncompressed

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""",
                           re.IGNORECASE)
_REFRESH_URL = re.compile(r"""^\s*\d*\s*[;,]?\s*(?:url\s*=\s*)?["']?([^"']+)""", re.IGNORECASE)
_JDIHN_KEYS = (
    "urlDownload", "urlDetailPeraturan", "urlAbstrak", "urlabstrak", "url_download",
    "url_detail", "next_page_url", "next",
)
_JDIHN_FIELD = re.compile(
    rb'"(' + b"|".join(k.encode() for k in _JDIHN_KEYS) + rb')"\s*:\s*"((?:[^"\\]|\\.)*)"'
)
_DOCUMENT_EXT = re.compile(r"\.(pdf|docx?|rtf|odt)(?:$|\?)", re.IGNORECASE)
_XML_PARSER_ARGS = {"resolve_entities": False, "no_network": True, "recover": True,
                    "huge_tree": False}


@dataclass(frozen=True, slots=True)
class Discovery:
    """Links found in one body; `feed` links point at further feeds or sitemaps."""

    links: tuple[str, ...] = ()
    feeds: tuple[str, ...] = ()
    canonical: str | None = None
    truncated: bool = False  # more links than the per-page cap; the rest were dropped
    noindex: bool = False  # the page asks robots not to index it (meta robots)


@dataclass(slots=True)
class _Collector:
    base: str
    cap: int
    seen: set[str] = field(default_factory=set)
    links: list[str] = field(default_factory=list)
    feeds: list[str] = field(default_factory=list)
    truncated: bool = False

    def add(self, href: str | None, *, feed: bool = False) -> None:
        """Take one link (resolved, canonical, new) until the cap is reached."""
        if not href or self.truncated:
            return
        url = canonicalize(href, self.base)
        if url is None or url in self.seen:
            return
        if len(self.seen) >= self.cap:
            self.truncated = True
            return
        self.seen.add(url)
        (self.feeds if feed else self.links).append(url)

    def result(self, canonical: str | None = None, noindex: bool = False) -> Discovery:
        """Return what was collected."""
        return Discovery(tuple(self.links), tuple(self.feeds), canonical, self.truncated, noindex)


def decode_for_links(body: bytes, header_charset: str | None) -> str:
    """Decode a page well enough to read its links: BOM, header, meta charset, then UTF-8."""
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                      (codecs.BOM_UTF16_BE, "utf-16")):
        if body.startswith(bom):
            return body.decode(name, errors="replace")
    candidates: list[str | None] = [header_charset]
    match = _META_CHARSET.search(body[:4096])
    if match:
        candidates.append(match.group(1).decode("ascii", "replace"))
    for label in (*candidates, "utf-8"):
        if not label:
            continue
        try:
            codecs.lookup(label)
            return body.decode(label, errors="strict" if label == "utf-8" else "replace")
        except (LookupError, UnicodeDecodeError):
            continue
    return body.decode("cp1252", errors="replace")


def discover_html(body: bytes, url: str, charset: str | None = None,
                  cap: int = MAX_LINKS_PER_PAGE) -> Discovery:
    """Find links in an HTML page: anchors, frames, embeds, PDF viewers, meta refresh, canonical."""
    text = decode_for_links(body, charset)
    if not text.strip():
        return Discovery()
    try:
        root = lxml_html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        log.debug("unparseable HTML at %s: %s", url, exc)
        return Discovery()
    base = url
    for element in root.iter("base"):
        href = element.get("href")
        if href and canonicalize(href, url):
            base = canonicalize(href, url) or url
        break
    found = _Collector(base, cap)
    canonical = _canonical_and_refresh(root, base, found)
    directives = meta_robots(root)
    noindex = bool({"noindex", "none"} & directives)
    if {"nofollow", "none"} & directives:
        return Discovery(canonical=canonical, noindex=noindex)
    for element in root.iter("a", "area", "iframe", "frame", "embed", "object", "link", "figure"):
        if found.truncated:
            break
        tag = element.tag
        if tag == "link":
            rel = (element.get("rel") or "").lower()
            if "alternate" in rel and "xml" in (element.get("type") or ""):
                found.add(element.get("href"), feed=True)
            elif rel in ("next", "prev"):
                found.add(element.get("href"))
            continue
        found.add(element.get("href") or element.get("src") or element.get("data")
                  or element.get("data-file"))
    return found.result(canonical, noindex)


def meta_robots(root: lxml_html.HtmlElement) -> set[str]:
    """Return the directives of `<meta name="robots">` (or one naming our agent)."""
    directives: set[str] = set()
    for element in root.iter("meta"):
        if (element.get("name") or "").strip().lower() in ("robots", "telusurbot"):
            content = (element.get("content") or "").lower()
            directives |= {d.strip() for d in content.split(",") if d.strip()}
    return directives


def _canonical_and_refresh(root: lxml_html.HtmlElement, base: str, found: _Collector) -> str | None:
    """Collect meta-refresh targets and return the page's rel=canonical URL, if any."""
    canonical = None
    for element in root.iter("meta", "link"):
        if element.tag == "meta":
            if (element.get("http-equiv") or "").lower() == "refresh":
                match = _REFRESH_URL.match(element.get("content") or "")
                if match and not match.group(1).strip().isdigit():
                    found.add(match.group(1))
        elif (element.get("rel") or "").lower() == "canonical" and canonical is None:
            canonical = canonicalize(element.get("href") or "", base)
    return canonical


def _gunzip(body: bytes, limit: int = MAX_SITEMAP_BYTES) -> bytes:
    """Decompress a gzip body up to `limit` bytes; what a broken stream gave so far otherwise."""
    decoder = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        return decoder.decompress(body, limit)
    except zlib.error:
        try:
            return gzip.decompress(body)[:limit]
        except (OSError, EOFError, zlib.error):
            return b""


def discover_xml(body: bytes, url: str, cap: int = 50_000) -> Discovery:
    """Find links in a sitemap, sitemap index, RSS or Atom feed (gzip accepted)."""
    if body[:2] == b"\x1f\x8b":
        body = _gunzip(body)
    if not body.strip():
        return Discovery()
    try:
        parser = etree.XMLParser(**_XML_PARSER_ARGS)
        root = etree.fromstring(body, parser)
    except (etree.XMLSyntaxError, ValueError):
        return Discovery()
    if root is None:
        return Discovery()
    found = _Collector(url, cap)
    kind = etree.QName(root).localname.lower()
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        name = etree.QName(element).localname.lower()
        if name == "loc":
            found.add((element.text or "").strip(), feed=kind == "sitemapindex")
        elif name == "link" and kind in ("rss", "rdf", "feed", "channel"):
            href = element.get("href")
            rel = (element.get("rel") or "alternate").lower()
            if href is not None and rel in ("alternate", "enclosure", "related"):
                found.add(href)
            elif href is None:
                found.add((element.text or "").strip())
        elif name == "enclosure":
            found.add(element.get("url"))
    return found.result()


def discover_jdihn(body: bytes, url: str, cap: int = 200_000) -> Discovery:
    """Find document, detail and abstract URLs (and a next page) in a JDIHN JSON feed.

    The feed is scanned as text rather than parsed: member feeds reach tens of megabytes, are
    often cut or malformed, and spell keys differently; every known URL key is taken wherever
    it occurs (bare array, `{"data": [...]}`, Laravel pagination's `next_page_url`).
    """
    found = _Collector(url, cap)
    for match in _JDIHN_FIELD.finditer(body):
        try:
            value = json.loads(b'"' + match.group(2) + b'"')
        except (ValueError, UnicodeDecodeError):
            continue
        if not isinstance(value, str) or value.strip() in ("", "-"):
            continue
        key = match.group(1).decode()
        found.add(value.strip(), feed=key in ("next_page_url", "next"))
    return found.result()


def discover(body: bytes, url: str, content_type: str | None, charset: str | None = None,
             cap: int = MAX_LINKS_PER_PAGE) -> Discovery:
    """Find links in any body by its sniffed content type; nothing for PDFs and unknown types."""
    if content_type == "text/html":
        return discover_html(body, url, charset, cap)
    if content_type in ("application/xml", "application/gzip"):
        return discover_xml(body, url)
    if content_type == "application/json":
        return discover_jdihn(body, url)
    return Discovery()


def looks_like_document(url: str) -> bool:
    """Tell whether a URL names a downloadable document (PDF, Word) by its extension."""
    return bool(_DOCUMENT_EXT.search(url))
