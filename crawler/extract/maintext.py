"""Generic main-text extraction from HTML: boilerplate removal that works on unseen sites.

The page is scored block by block with general signals only: the amount of running text,
sentence punctuation, link density, semantic tags (`article`, `main`, `nav`, `aside`,
`footer`) and, as weak evidence, class/id names. The best-scoring container and its strong
siblings are kept, and inside them link lists, share bars and other short boilerplate blocks
are dropped. Headings, paragraphs, lists and tables come out as text in reading order,
paragraphs separated by blank lines. Per-site hints (`content_selector`, `drop_selectors`)
refine the result when given and are never required.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

JUNK_TAGS = (
    "script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "embed",
    "button", "select", "input", "textarea", "option", "link", "meta", "head", "map", "audio",
    "video", "picture", "source", "dialog",
)
BLOCK_TAGS = frozenset(
    (
        "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "div", "dl",
        "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
        "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table",
        "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "br", "caption",
    )
)
_TEXT_BLOCKS = frozenset(
    ("p", "pre", "blockquote", "li", "td", "th", "dd", "dt", "h2", "h3", "h4", "h5", "h6",
     "figcaption")
)
_STRUCTURAL_DROP = ("nav", "aside", "footer")
_POSITIVE = re.compile(
    r"article|body|content|entry|main|post|story|text|isi|berita|konten|artikel|detail|read"
    r"|news|blog|paragraph|prose|rich",
    re.IGNORECASE,
)
_NEGATIVE = re.compile(
    r"comment|komentar|footer|sidebar|side-bar|aside|related|terkait|share|social|sosmed|"
    r"nav|menu|widget|promo|banner|advert|iklan|sponsor|breadcrumb|tags?\b|tag-|popular|"
    r"populer|baca-?juga|rekomendasi|recommend|newsletter|subscribe|cookie|modal|login|"
    r"signup|pagination|paging|pager|author-?box|byline|meta-?data|toolbar|masthead|"
    r"outbrain|taboola|disqus|trending|more-stories|read-?more|lainnya|copyright|hidden",
    re.IGNORECASE,
)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
MAX_DEPTH = 180


@dataclass(frozen=True, slots=True)
class MainText:
    """The main text of a page and what was measured on the way."""

    text: str
    blocks: tuple[str, ...]
    link_density: float  # share of the whole page's text that sits inside links
    page_words: int  # words in the whole cleaned page
    main_link_density: float = 0.0  # share of the chosen containers' text inside links


def parse_html(html: str) -> BeautifulSoup:
    """Parse decoded HTML with the lxml parser (falling back to html.parser)."""
    try:
        return BeautifulSoup(html, "lxml")
    except Exception:
        return BeautifulSoup(html, "html.parser")


def extract_main_text(soup: BeautifulSoup, hints: Mapping[str, Any] | None = None,
                      title: str | None = None) -> MainText:
    """Return the main text of a parsed page (the soup is modified: junk is removed)."""
    hints = hints or {}
    _clean(soup, hints.get("drop_selectors") or ())
    body = soup.body or soup
    stats = _Stats(body)
    total_chars = max(1, stats.text_len(body))
    link_density = stats.link_len(body) / total_chars
    page_words = len(body.get_text(" ", strip=True).split())
    containers = _select(soup, hints.get("content_selector"))
    if not containers:
        containers = _best_containers(body, stats)
    blocks: list[str] = []
    for container in containers:
        _emit(container, stats, blocks, depth=0, keep_all=False)
    blocks = _trim(blocks, title)
    main_chars = sum(stats.text_len(c) for c in containers)
    main_links = sum(stats.link_len(c) for c in containers)
    return MainText("\n\n".join(blocks), tuple(blocks), link_density, page_words,
                    main_links / main_chars if main_chars else 0.0)


def _clean(soup: BeautifulSoup, drop_selectors: Iterable[str]) -> None:
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    for tag in soup.find_all(JUNK_TAGS):
        tag.decompose()
    for selector in drop_selectors:
        try:
            for tag in soup.select(selector):
                tag.decompose()
        except Exception:  # a malformed selector in a hint must not break extraction
            continue
    for tag in soup.find_all(True):
        if tag.decomposed or tag.attrs is None:
            continue
        if (
            tag.has_attr("hidden")
            or tag.get("aria-hidden") == "true"
            or _HIDDEN_STYLE.search(str(tag.get("style") or ""))
        ):
            tag.decompose()


def _select(soup: BeautifulSoup, selector: Any) -> list[Tag]:
    if not selector or not isinstance(selector, str):
        return []
    try:
        found = soup.select(selector)
    except Exception:
        return []
    return [tag for tag in found if tag.get_text(strip=True)]


class _Stats:
    """Text and link lengths per element, computed once bottom-up."""

    def __init__(self, root: Tag) -> None:
        self.text: dict[int, int] = {}
        self.links: dict[int, int] = {}
        self.own: dict[int, int] = {}
        self.punct: dict[int, int] = {}
        for string in root.find_all(string=True):
            if not isinstance(string, NavigableString) or isinstance(string, Comment):
                continue
            n = len(string.strip())
            if not n:
                continue
            commas = string.count(",") + string.count(".")
            in_link = False
            owner: Tag | None = None
            parent = string.parent
            depth = 0
            while parent is not None and depth < MAX_DEPTH:
                key = id(parent)
                if parent.name == "a":
                    in_link = True
                if owner is None and parent.name in BLOCK_TAGS:
                    owner = parent
                    self.own[key] = self.own.get(key, 0) + n
                    self.punct[key] = self.punct.get(key, 0) + commas
                self.text[key] = self.text.get(key, 0) + n
                if in_link:
                    self.links[key] = self.links.get(key, 0) + n
                if parent is root:
                    break
                parent = parent.parent
                depth += 1

    def text_len(self, tag: Tag) -> int:
        return self.text.get(id(tag), 0)

    def link_len(self, tag: Tag) -> int:
        return self.links.get(id(tag), 0)

    def density(self, tag: Tag) -> float:
        total = self.text.get(id(tag), 0)
        return self.links.get(id(tag), 0) / total if total else 1.0


def _class_weight(tag: Tag) -> float:
    names = " ".join([*(tag.get("class") or []), str(tag.get("id") or "")])
    if tag.name in ("article", "main"):
        names += " article"
    if not names.strip():
        return 0.0
    weight = 0.0
    if _NEGATIVE.search(names):
        weight -= 25
    if _POSITIVE.search(names):
        weight += 25
    return weight


def _best_containers(body: Tag, stats: _Stats) -> list[Tag]:
    scores: dict[int, float] = {}
    tags: dict[int, Tag] = {}
    for tag in body.find_all(_TEXT_BLOCKS):
        own = stats.own.get(id(tag), 0)
        if own < 25:
            continue
        link = stats.density(tag)
        score = (1 + stats.punct.get(id(tag), 0) + min(own / 100, 3)) * (1 - link) ** 2
        parent, factor = tag.parent, 1.0
        for _ in range(3):
            if parent is None or not isinstance(parent, Tag):
                break
            key = id(parent)
            if key not in tags:
                tags[key] = parent
                scores[key] = _class_weight(parent)
            scores[key] += score * factor
            parent, factor = parent.parent, factor / 2
        if tag.name in ("p", "pre", "blockquote"):
            tags.setdefault(id(tag), tag)
            scores[id(tag)] = scores.get(id(tag), 0) + score * 0.5
    if not scores:
        return [body]
    ranked = {k: s * (1 - stats.density(tags[k])) for k, s in scores.items()}
    best_key = max(ranked, key=lambda k: ranked[k])
    best = tags[best_key]
    parent = best.parent
    if not isinstance(parent, Tag) or best is body:
        return [best]
    threshold = max(10.0, ranked[best_key] * 0.2)
    chosen: list[Tag] = []
    for sibling in parent.children:
        if not isinstance(sibling, Tag):
            continue
        if sibling is best:
            chosen.append(sibling)
            continue
        key = id(sibling)
        text_len = stats.text_len(sibling)
        if (ranked.get(key, 0) >= threshold and _class_weight(sibling) >= 0) or (
            sibling.name == "p" and text_len > 80 and stats.density(sibling) < 0.25
        ):
            chosen.append(sibling)
    return chosen


def _emit(tag: Tag, stats: _Stats, out: list[str], depth: int, keep_all: bool) -> None:
    """Append the text blocks of `tag` to `out`, skipping boilerplate sub-trees."""
    if depth > MAX_DEPTH:
        text = _squash(tag.get_text(" "))
        if text:
            out.append(text)
        return
    inline: list[str] = []
    for child in tag.children:
        if isinstance(child, NavigableString):
            if not isinstance(child, Comment):
                inline.append(str(child))
            continue
        if not isinstance(child, Tag):
            continue
        if child.name not in BLOCK_TAGS:
            if _is_boilerplate(child, stats):
                continue
            inline.append(child.get_text(" ") if child.name != "br" else "\n")
            continue
        _flush(inline, out)
        if child.name == "br":
            continue
        if not keep_all and _is_boilerplate(child, stats):
            continue
        if child.name == "tr":
            cells = [_squash(c.get_text(" ")) for c in child.find_all(["td", "th"])]
            row = " ".join(c for c in cells if c)
            if row:
                out.append(row)
            continue
        _emit(child, stats, out, depth + 1, keep_all)
    _flush(inline, out)


def _flush(inline: list[str], out: list[str]) -> None:
    if inline:
        text = _squash("".join(inline))
        if text:
            out.append(text)
        inline.clear()


def _is_boilerplate(tag: Tag, stats: _Stats) -> bool:
    text_len = stats.text_len(tag)
    if text_len == 0:
        return tag.name != "img"
    density = stats.density(tag)
    if tag.name in _STRUCTURAL_DROP and (density > 0.3 or text_len < 400):
        return True
    if tag.name in ("ul", "ol", "div", "section", "table", "dl") and density > 0.55:
        return True
    weight = _class_weight(tag)
    return weight < 0 and (density > 0.2 or text_len < 300)


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _trim(blocks: list[str], title: str | None) -> list[str]:
    """Drop the headline and duplicated or empty blocks."""
    seen: set[str] = set()
    out = []
    title_key = _squash(title or "").lower()
    for block in blocks:
        key = block.lower()
        if not block or key == title_key or (key in seen and len(block) < 200):
            continue
        seen.add(key)
        out.append(block)
    return out
