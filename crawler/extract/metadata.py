"""Page metadata from HTML: title, publication time, author, site name, canonical URL.

Evidence is read in order of reliability: JSON-LD (`NewsArticle`, `Article`...), OpenGraph and
other meta tags, `<time datetime>`, visible date lines near the top, and finally a date in the
URL path. Indonesian dates are parsed by `dates.parse_date_id`.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Any
from urllib.parse import urljoin, urlsplit

from lxml import html

from crawler.extract.dates import ZONES, parse_date_id
from crawler.extract.textstats import is_icon

_ARTICLE_TYPES = {"newsarticle", "article", "blogposting", "reportagenewsarticle", "report",
                  "analysisnewsarticle", "opinionnewsarticle", "webpage"}
_NEWS_TYPES = {"newsarticle", "reportagenewsarticle", "analysisnewsarticle",
               "opinionnewsarticle"}
_DATE_META = (
    "article:published_time", "og:published_time", "og:article:published_time",
    "pubdate", "publishdate", "publish-date", "publish_date", "publication_date", "date",
    "dc.date.issued", "dc.date", "dcterms.date", "dcterms.created", "sailthru.date",
    "content_publish_date", "parsely-pub-date", "datepublished", "article.published",
    "published_time", "article_date_original", "created", "tanggal", "content_publisheddate",
)
_AUTHOR_META = ("author", "article:author", "dc.creator", "parsely-author", "byl",
                "content_author", "penulis")
_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:/|-|$)")
_URL_DATE_COMPACT = re.compile(r"/((?:19|20)\d\d)(0[1-9]|1[0-2])([0-2]\d|3[01])(?:\d{2,}|/)")
_VISIBLE_DATE_CLASS = re.compile(r"date|time|tanggal|tgl|waktu|publish|post(?:ed|ing)|meta",
                                 re.IGNORECASE)
_AUTHOR_CLASS = re.compile(r"author|penulis|byline|reporter|editor|writer", re.IGNORECASE)
_TITLE_SPLIT = re.compile(r"\s+[|\-–—:»]\s+")


@dataclass(slots=True)
class PageMeta:
    """What a page says about itself."""

    title: str | None = None
    headline: str | None = None  # the h1 or og:title, before site-name trimming
    published_at: dt.datetime | None = None
    published_confidence: float = 0.0
    author: str | None = None
    site_name: str | None = None
    canonical_url: str | None = None
    description: str | None = None
    og_type: str | None = None
    article_schema: bool = False
    news_schema: bool = False  # ... and says NewsArticle (or one of its kinds), not Article
    collection_schema: bool = False  # JSON-LD says CollectionPage / SearchResultsPage
    cms_page: bool = False  # the CMS says a standing page (WordPress "page page-id-N"), not a post
    cms_post: bool = False  # ... or says a post ("single-post"): a story, whatever its path
    title_only: bool = False  # the headline is the <title>: no JSON-LD, og:title or h1 names it
    language: str | None = None
    keywords: tuple[str, ...] = field(default_factory=tuple)


def read_metadata(root: html.HtmlElement, url: str) -> PageMeta:
    """Return the metadata of a parsed page (call before the page is cleaned)."""
    meta = _meta_tags(root)
    ld = list(_json_ld(root))
    article = next((d for d in ld if _ld_type(d) & _ARTICLE_TYPES - {"webpage"}), None)
    videos = [d for d in ld if "videoobject" in _ld_type(d)]
    if article is None and len(videos) == 1 and (meta.get("og:type") or "").startswith("video"):
        # a video news page: its one video is the story (a gallery has many; an embed in an
        # article or an archive is not the page, which then does not say it is a video)
        article = videos[0]
    # A story some CMSes declare as a plain WebPage still names its writer and date there
    webpage = next((d for d in ld if "webpage" in _ld_type(d) and d.get("datePublished")), None)
    page = PageMeta()
    page.og_type = (meta.get("og:type") or "").lower() or None
    page.article_schema = article is not None
    page.news_schema = article is not None and bool(_ld_type(article) & _NEWS_TYPES)
    body = root.find("body")
    classes = set(((body.get("class") or "") if body is not None else "").split())
    page.cms_post = "single-post" in classes  # a post, not a custom type (events: postid-N)
    page.cms_page = ("page" in classes and any(c.startswith("page-id-") for c in classes)
                     and not page.cms_post and not any(c.startswith("postid-") for c in classes))
    page.collection_schema = any(_ld_type(d) & {"collectionpage", "searchresultspage"}
                                 for d in ld)
    h1 = next(root.iter("h1"), None)
    h1_text = _squash(h1.text_content()) if h1 is not None else ""
    title_el = root.find(".//title")
    doc_title = _squash(title_el.text_content()) if title_el is not None else ""
    named = (_ld_str(article, "headline") or meta.get("og:title") or meta.get("twitter:title")
             or h1_text)
    named = _fuller_heading(named, h1_text)
    headline = named or doc_title
    page.headline = headline or None
    page.title_only = not named and bool(doc_title)
    page.site_name = (
        meta.get("og:site_name") or _ld_name(article.get("publisher") if article else None)
        or meta.get("application-name") or _title_suffix(doc_title, headline) or None
    )
    page.title = _trim_site(headline, page.site_name) or None
    page.description = meta.get("description") or meta.get("og:description") or None
    page.canonical_url = _canonical(root, meta, url)
    page.author = _author(article or webpage, meta, root, page.site_name, url)
    page.published_at, page.published_confidence = _published(article, meta, root, url, webpage)
    lang = root.get("lang") or root.get("xml:lang")
    page.language = str(lang).split("-")[0].lower() if lang else None
    keywords = meta.get("keywords") or meta.get("news_keywords") or ""
    page.keywords = tuple(k.strip() for k in keywords.split(",") if k.strip())[:20]
    return page


def _fuller_heading(named: str, h1: str) -> str:
    """Return the printed <h1> when it is the metadata's headline said in full.

    A CMS's SEO title is often the headline cut short ("Sambutan Bupati" for the page's
    "Sambutan Bupati Batu Kencana"; "Kedudukan Peraturan Kepala Daerah | JDIH Kota X" for a
    heading that goes on "... dalam Perluasan Kepesertaan ..."): the heading beginning with
    all of its words before the site's name, and going on, is the title.
    """
    if not named or not h1 or len(h1) > 300:
        return named
    short = _TITLE_SPLIT.split(named, maxsplit=1)[0].strip()
    if (len(short.split()) >= 2 and len(h1) > len(short)
            and h1.lower().startswith(short.lower()) and not h1[len(short)].isalnum()):
        return h1
    return named


def _meta_tags(root: html.HtmlElement) -> dict[str, str]:
    found: dict[str, str] = {}
    for tag in root.iter("meta"):
        key = tag.get("property") or tag.get("name") or tag.get("itemprop")
        value = tag.get("content")
        if key and value and key.lower().strip() not in found:
            found[key.lower().strip()] = _squash(value)
    for tag in root.xpath("//*[@itemprop]"):
        key = str(tag.get("itemprop")).lower()
        if key in ("datepublished", "author", "headline") and key not in found:
            value = tag.get("content") or tag.get("datetime") or tag.text_content()
            if value:
                found[key] = _squash(str(value))
    return found


def _json_ld(root: html.HtmlElement) -> Iterator[dict[str, Any]]:
    for script in root.iter("script"):
        if "ld+json" not in (script.get("type") or "").lower():
            continue
        raw = script.text or ""
        try:
            data = json.loads(raw.strip().rstrip(";"))
        except (ValueError, AttributeError):
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                if "@graph" in item:
                    stack.append(item["@graph"])
                yield item


def _ld_type(item: dict[str, Any]) -> set[str]:
    kind = item.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {str(k).lower() for k in kinds if k}


def _ld_str(item: dict[str, Any] | None, key: str) -> str | None:
    if not item:
        return None
    value = item.get(key)
    return _squash(value) if isinstance(value, str) and value.strip() else None


def _ld_name(value: Any) -> str | None:
    if isinstance(value, list):
        names = [n for n in (_ld_name(v) for v in value) if n]
        return ", ".join(names) if names else None
    if isinstance(value, dict):
        name = value.get("name")
        return _squash(name) if isinstance(name, str) and name.strip() else None
    if isinstance(value, str) and value.strip() and not value.startswith("http"):
        return _squash(value)
    return None


def _title_suffix(doc_title: str, headline: str) -> str | None:
    """Return the site name a <title> appends to the headline ("Judul - Warta Demo")."""
    pieces = _TITLE_SPLIT.split(doc_title)
    if len(pieces) > 1 and 2 < len(pieces[-1]) <= 40 and pieces[-1] not in headline:
        return pieces[-1]
    return None


def _trim_site(title: str, site: str | None) -> str:
    if not title:
        return ""
    pieces = _TITLE_SPLIT.split(title)
    if len(pieces) > 1:
        site_key = (site or "").lower()
        kept = [p for p in pieces if (p.lower() != site_key and site_key not in p.lower())
                or not site_key]
        if site_key and len(kept) < len(pieces) and kept:
            return " - ".join(kept)
        if len(pieces[-1]) < 30 and len(pieces[0]) > 20:
            return " - ".join(pieces[:-1])
    return title


def _canonical(root: html.HtmlElement, meta: dict[str, str], url: str) -> str | None:
    candidates = []
    for link in root.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and link.get("href"):
            candidates.append(link.get("href"))
            break
    if meta.get("og:url"):
        candidates.append(meta["og:url"])
    host = (urlsplit(url).hostname or "").removeprefix("www.")
    for candidate in candidates:
        absolute = urljoin(url, candidate.strip())
        parts = urlsplit(absolute)
        if parts.scheme in ("http", "https") and (parts.hostname or "").removeprefix(
            "www."
        ) == host:
            return absolute
    return None


def _author(article: dict[str, Any] | None, meta: dict[str, str], root: html.HtmlElement,
            site: str | None = None, url: str = "") -> str | None:
    """Return the writer: a person in JSON-LD, else the printed byline, else the meta tags.

    Themes fill JSON-LD and meta author with an account ("admin"), the outlet, its desk
    ("Redaksi BaliNusa") or the CMS ("Lokomedia"); a byline the reader sees ("Penulis: X",
    "Diposting oleh : X") names the writer, so it comes before the meta tags. Accounts and the
    outlet itself are never a name; an organisation or a desk is named only when nothing else is.
    """
    outlets = _outlet_keys(site, url)
    fallback = None  # an organisation or a desk: the writer only when no person is named
    if article:
        name = _ld_name(article.get("author"))
        if name and name.lower() not in _NO_NAME and _key(name) not in outlets:
            if not _organisation(article.get("author")) and not _desk(name):
                return name
            fallback = name
    printed = labelled_byline(root)
    if printed:
        return printed
    for key in _AUTHOR_META:
        value = meta.get(key)
        if (value and not value.startswith("http") and value.lower() not in _NO_NAME
                and _key(value) not in outlets):
            if not _desk(value):
                return value[:120]
            fallback = fallback or value[:120]
    classed = [el for el in root.xpath("//body//*[@class]")
               if _AUTHOR_CLASS.search(el.get("class") or "")][:20]
    # Specific names ("author", "penulis") before the whole byline, which also holds the date.
    classed.sort(key=lambda el: "byline" in (el.get("class") or "").lower())
    for tag in [*root.xpath("//*[@rel='author']"), *classed]:
        text = _squash(tag.text_content())
        text = re.sub(r"^(?:oleh|by|penulis|reporter|editor|ditulis oleh)\s*:?\s*", "", text,
                      flags=re.I)
        text = re.split(r"\s*(?:[|•·,]\s*)?(?:\d|(?:Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu)\b)",
                        text, maxsplit=1)[0]
        text = _BYLINE_SEPARATOR.split(text, maxsplit=1)[0].strip(" -|,")  # "X | Outlet"
        if 2 < len(text) < 80 and text.lower() not in _NO_NAME and _key(text) not in outlets:
            return text
    return _icon_byline(root) or fallback


def _key(name: str) -> str:
    """Return a name's letters and digits, lower case ("Okewarta.co.id" -> "okewartacoid")."""
    return re.sub(r"[^a-z0-9]", "", name.lower())


def _outlet_keys(site: str | None, url: str) -> set[str]:
    """Return the keys the outlet goes by: its site name, with and without its domain's
    suffix, and its host's name ("okewarta.co.id", "Okewarta", "www.okewarta.co.id")."""
    keys = set()
    for name in (site or "", (urlsplit(url).hostname or "").removeprefix("www.")):
        if name:
            keys.add(_key(name))
            keys.add(_key(re.sub(r"\.(?:co\.id|go\.id|or\.id|ac\.id|web\.id|my\.id|com|net|org"
                                 r"|id|info|news)$", "", name.strip().lower())))
    return keys - {""}


def _desk(name: str) -> bool:
    """Return True for an outlet's desk rather than a writer ("Redaksi", "Tim Redaksi X")."""
    return "redaksi" in name.lower().split()


_BYLINE_SEPARATOR = re.compile(r"\s+[|•·]\s+")


# "<li><i class="far fa-user"></i> Yuliana Kareth</li>": portals mark the writer with an icon
_PERSON_ICON = re.compile(r"(?:^|[\s-])(?:user|person|pencil|pen|author|penulis)(?:$|[\s-])", re.I)
_NAME = re.compile(r"[A-Z][\w'.-]*(?: [A-Za-z][\w'.-]*){0,5}")


def _icon_byline(root: html.HtmlElement) -> str | None:
    """Return the name printed right after a person icon (the first three icons are read)."""
    icons = [el for el in root.xpath("//body//i[@class] | //body//span[@class]")
             if _PERSON_ICON.search(el.get("class") or "") and not _squash(el.text_content())]
    for icon in icons[:3]:
        holder = icon.getparent()
        if holder is None or any(a.tag in ("nav", "header", "footer", "form", "button")
                                 for a in icon.iterancestors()):
            continue  # "<i class="fa fa-user"></i> Login" in a menu bar
        # "<i fa-user></i> Asep <i fa-clock></i> 13 November 2025": up to the next icon
        name = _after_icon(icon) or _squash(holder.text_content())
        if (_NAME.fullmatch(name) and len(name) < 60
                and not set(name.lower().split()) & _ACCOUNT_WORDS):
            return name
    return None


def _after_icon(icon: html.HtmlElement) -> str:
    """Return the text that follows an icon, up to the next icon (one item of a meta line)."""
    parts = [icon.tail or ""]
    for sibling in icon.itersiblings():
        if is_icon(sibling):
            break
        parts += [sibling.text_content(), sibling.tail or ""]
    return _squash(" ".join(parts))


_NO_NAME = frozenset(("admin", "administrator", "superadmin", "webmaster", "operator"))
# beside a person icon also the account links and the desk ("Redaksi") are not the writer
_ACCOUNT_WORDS = _NO_NAME | {"login", "masuk", "daftar", "akun", "profil", "profile", "logout",
                             "keluar", "register", "account", "sign", "redaksi", "tamu", "guest"}
# "Penulis: Dewi Anggraini", "Pewarta: Ni Kadek Dwi Ariani" (an editor is not the author)
_BYLINE_WORDS = r"penulis|pewarta|reporter|wartawan|author|posted by|(?:\w+ )?oleh"
_BYLINE_LABEL = re.compile(rf"(?i:{_BYLINE_WORDS})\s*:")  # anywhere in a text node
_BYLINE = re.compile(  # a whole line: the label, then a capitalised name of up to six words
    rf"^{_BYLINE_LABEL.pattern}\s*"
    r"(?P<name>[A-Z][\w'.,-]*(?:\s+[\w'.,-]+){0,5}?)\s*(?:$|[|•·/\n]|\s-\s|\s{2})",
)


def labelled_byline(root: html.HtmlElement) -> str | None:
    """Return the name a short labelled byline gives ("Penulis: X"), if the page prints one."""
    for node in root.xpath("//body//text()[contains(., ':')]")[:3000]:
        if not _BYLINE_LABEL.search(node):
            continue
        el = node.getparent()
        if el is None:
            continue
        if node.is_tail and el.getparent() is not None:
            el = el.getparent()
        for scope in (el, el.getparent()):  # "<b>Oleh:</b> Made Suta": the label's parent
            if scope is None or len(scope.text_content()) > 300:
                break
            # "Senin, 17 November 2025 09:30 WIB | Penulis : X | Dibaca : 412 kali"
            segments = [part for line in _lines(scope)
                        for part in _BYLINE_SEPARATOR.split(_squash(line))]
            for segment in segments:  # "(Penulis: X | Editor: Y)": the brackets are no name
                match = _BYLINE.match(segment.strip("()[] ") + " ")
                if match:
                    name = match.group("name").strip(" ,.-")
                    if name.lower() not in _NO_NAME and 2 < len(name) < 80:
                        return name
                    return None
    return None


def _lines(el: html.HtmlElement) -> list[str]:
    """Return a short element's text split where a <br>, a block or an icon breaks the line."""
    lines = [""]

    def walk(node: html.HtmlElement) -> None:
        lines[-1] += node.text or ""
        for child in node:
            if isinstance(child.tag, str):
                if child.tag in _LINE_BREAKS or is_icon(child):  # an icon starts an item
                    lines.append("")
                walk(child)
            lines[-1] += child.tail or ""

    walk(el)
    return lines


_LINE_BREAKS = frozenset(("br", "p", "div", "li", "dd", "dt", "tr"))


def _organisation(value: Any) -> bool:
    items = value if isinstance(value, list) else [value]
    return any(isinstance(i, dict) and str(i.get("@type", "")).lower() == "organization"
               for i in items)


def _published(article: dict[str, Any] | None, meta: dict[str, str], root: html.HtmlElement,
               url: str, webpage: dict[str, Any] | None = None
               ) -> tuple[dt.datetime | None, float]:
    if article:
        found = _as_datetime(parse_date_id(_ld_str(article, "datePublished")))
        if found:
            return found, 0.95
    for key in _DATE_META:
        found = _as_datetime(parse_date_id(meta.get(key)))
        if found:
            return found, 0.9
    if article:  # a video's upload, after the page's own date tags
        found = _as_datetime(parse_date_id(_ld_str(article, "uploadDate")))
        if found:
            return found, 0.9
    for tag in list(root.iter("time"))[:5]:
        found = _as_datetime(parse_date_id(str(tag.get("datetime") or tag.text_content())))
        if found:
            return found, 0.8
    for found in visible_dates(root):
        return found, 0.7
    # SEO plugins date every page (standing ones too) in a WebPage: below what makes a page
    # dated news (0.7)
    found = _as_datetime(parse_date_id(_ld_str(webpage, "datePublished")))
    if found:
        return found, 0.6
    for pattern in (_URL_DATE, _URL_DATE_COMPACT):
        match = pattern.search(urlsplit(url).path)
        if match:
            try:
                day = dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
            except ValueError:
                continue
            return dt.datetime(day.year, day.month, day.day), 0.5
    return None, 0.0


def visible_dates(root: html.HtmlElement) -> Iterator[dt.datetime]:
    """Yield the dates printed in short elements classed as dates, in page order (20 read)."""
    dated = [el for el in root.xpath("//body//*[@class or @id]")
             if _VISIBLE_DATE_CLASS.search(f"{el.get('class') or ''} {el.get('id') or ''}")]
    for tag in dated[:20]:
        text = _squash(tag.text_content())
        if len(text) < 120:
            found = _as_datetime(parse_date_id(text))
            if found:
                yield found


def in_printed_zone(found: dt.datetime, printed: dt.datetime | None,
                    root: html.HtmlElement) -> dt.datetime:
    """Return a metadata time in the zone the page prints it in ("10:12 WITA" for 02:12 UTC).

    Themes write meta times in UTC or with the server's offset; the reader sees local time
    with its zone. A printed time (the byline before the story, else one of the first dated
    elements) that is the same moment, or the same clock time under another offset (the
    metadata's offset is wrong: "10:15+07:00" on a page printing "10:15 WITA"), is the one
    the page means. Anything else printed (another story's time) changes nothing.
    """
    if found.tzinfo is None and printed is not None and printed.tzinfo is not None and (
            found.replace(second=0, microsecond=0) == printed.replace(tzinfo=None, second=0,
                                                                        microsecond=0)):
        return printed  # a meta time without a zone, printed with its zone ("19:20 WIB")
    if found.tzinfo is None or found.time() == dt.time(0):
        return found
    candidates = [printed, *islice(visible_dates(root), 5)]
    for shown in candidates:
        if shown is None or shown.tzinfo is None or shown.utcoffset() == found.utcoffset():
            continue
        local = found.astimezone(shown.tzinfo)
        if local.replace(second=0, microsecond=0) == shown.replace(second=0, microsecond=0):
            return local  # the same moment, in the zone shown
        if found.replace(tzinfo=None, second=0, microsecond=0) == shown.replace(
                tzinfo=None, second=0, microsecond=0):
            return shown  # the same clock time: the metadata's offset is wrong
    if found.utcoffset() == dt.timedelta(0):
        # a UTC time the page prints as a date only: a story of 06:00 WIB is "27 Mei", though
        # UTC says the 26th; the moment in the Indonesian zone whose day is the printed one
        days = {shown.date() for shown in candidates
                if shown is not None and shown.tzinfo is None and shown.time() == dt.time(0)}
        if found.date() not in days:
            for zone in _INDONESIAN_ZONES:
                local = found.astimezone(zone)
                if local.date() in days:
                    return local
    return found


_INDONESIAN_ZONES = tuple(ZONES[name] for name in ("wib", "wita", "wit"))


def _as_datetime(value: dt.date | None) -> dt.datetime | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value
    return dt.datetime(value.year, value.month, value.day)


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


_CLOCK = re.compile(r"^(?:pukul\s*)?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:WIB|WITA|WIT)?$", re.I)


def date_before(start: html.HtmlElement, reach: int = 40) -> dt.datetime | None:
    """Return the date printed in the short lines just before the main text (its byline).

    Portals without date metadata print "Rabu, 05 November 2025 - 10:42:17 WIB" or "Kamis, 13
    November 2025" (and "14:05" in the next item) between the headline and the article. Only the
    `reach` elements before the main text's first block are read, nearest first, so a sidebar's
    agenda further up is not taken for the article's date.
    """
    for el in _at_start(start, reach):
        if not isinstance(el.tag, str) or len(el) > 8 or _in_figure(el):
            continue  # a photo's caption dates the photo ("Kamis (19/11/2026)")
        text = _squash(el.text_content())
        if not text or len(text) > 160:
            continue
        found = parse_date_id(text)
        if found is None or _beside_teaser(el):
            continue
        if not isinstance(found, dt.datetime):
            after = el.getnext()
            clock = _squash(after.text_content()) if after is not None else ""
            if _CLOCK.match(clock):
                found = parse_date_id(f"{text} {clock}") or found
        return _as_datetime(found)
    return None


_HEADING_CLASS = re.compile(r"title|judul|headline|heading", re.IGNORECASE)
_HEADINGS = ("h1", "h2", "h3", "h4")
_PROSE = ("p", "li", "table", "blockquote", "pre")


def printed_heading(start: html.HtmlElement, reach: int = 40) -> str | None:
    """Return the heading printed with the main text: among its first elements, else just before.

    Pages whose <title> is the site's ("Pemerintah Kabupaten X :: Berita") or carries its
    name ("Kecamatan X - Judul") print the story's own heading in an h1-h4 or a "judul" /
    "title" element right at the article, before its first prose block. A heading holding a
    date (a byline wrapped with the headline) or a long link (another story's teaser) is not
    one.
    """
    inside = [start, *_leading(start)]  # a heading after the first prose is a section's
    before = [el for el in start.xpath("preceding::*[position() <= $n]", n=reach)
              if isinstance(el.tag, str)]
    for el in [*inside, *reversed(before)]:
        if el.tag not in _HEADINGS and not _HEADING_CLASS.search(el.get("class") or ""):
            continue
        text = _squash(el.text_content())
        if not 15 <= len(text) <= 250 or len(text.split()) < 3 or parse_date_id(text):
            continue
        if any(a.tag == "a" for a in el.iterancestors()) or any(
                len(_squash(a.text_content())) > 25 for a in el.iter("a")):
            continue
        return text
    return None


_STATUS_BADGE = re.compile(r"(?:masih |sudah |tidak )?(?:berlaku|dicabut|diubah)"
                           r"(?: sebagian)?", re.IGNORECASE)


def status_badge(start: html.HtmlElement, reach: int = 40) -> str | None:
    """Return a regulation's status printed as a badge at its heading ("Berlaku", "Dicabut").

    Detail and full-text pages print the status alone in a chip beside the title instead of a
    "Status:" line. Only the elements just before the main text and its own first ones are
    read, as for the byline; a badge beside a linked title (a list of other rules) is theirs.
    """
    for el in _at_start(start, reach):
        if not isinstance(el.tag, str) or len(el) > 2:
            continue
        text = _squash(el.text_content())
        if len(text) <= 25 and _STATUS_BADGE.fullmatch(text) and not _beside_teaser(el):
            return text
    return None


def _beside_teaser(el: html.HtmlElement) -> bool:
    """Return True when a date sits beside a linked title (an entry of a list of stories).

    An entry is small: a byline whose parent is the whole story column, with a "Baca juga"
    link further down, is no entry.
    """
    scope = el.getparent() if el.getparent() is not None else el
    if len(scope.text_content()) > _ENTRY_CHARS:
        scope = el
    return any(len(_squash(a.text_content())) > 25 for a in scope.iter("a"))


_ENTRY_CHARS = 600


def _at_start(start: html.HtmlElement, reach: int) -> list[html.HtmlElement]:
    """Return the elements where a byline or a status badge sits, nearest the text first.

    A container chosen with its headline holds them before its first prose block; else they
    are among the `reach` elements just before the main text.
    """
    before = start.xpath("preceding::*[position() <= $n]", n=reach)  # the nearest, in order
    return [*reversed(_leading(start)), *reversed(before)]


def _leading(start: html.HtmlElement) -> list[html.HtmlElement]:
    """Return the first elements inside the main text's container, before its first prose."""
    out: list[html.HtmlElement] = []
    for el in start.iterdescendants():
        if len(out) == 15 or (el.tag in _PROSE and len(_squash(el.text_content())) >= 40):
            break
        if isinstance(el.tag, str):
            out.append(el)
    return out


def _in_figure(el: html.HtmlElement) -> bool:
    return el.tag in ("figure", "figcaption", "caption") or any(
        a.tag in ("figure", "figcaption") for a in el.iterancestors())

