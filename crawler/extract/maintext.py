"""Generic main-text extraction from HTML: boilerplate removal that works on unseen sites.

The page is scored block by block with general signals only: the amount of running text,
sentence punctuation, link density, semantic tags (`article`, `main`, `nav`, `aside`,
`footer`) and, as weak evidence, class/id names. The best-scoring container and its strong
siblings are kept, and inside them link lists, share bars and other short boilerplate blocks
are dropped. Headings, paragraphs, lists and tables come out as text in reading order,
paragraphs separated by blank lines. Per-site hints (`content_selector`, `drop_selectors`)
refine the result when given and are never required.

Trees are lxml's (libxml2's HTML parser, the same one BeautifulSoup's "lxml" mode uses): on the
benchmark's 170 kB pages building a BeautifulSoup tree alone takes longer than our whole budget.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from lxml import etree, html

from crawler.extract.listing import (
    PAGER,
    has_pager,
    headed_link,
    is_listing,
    is_listing_page,
    item_shape,
    teaser_list,
)
from crawler.extract.textstats import (
    BLOCK_TAGS,
    HEADING_TAGS,
    WORD_TAGS,
    TextStats,
    is_icon,
    spaced_text,
)

JUNK_TAGS = (
    "script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "embed",
    "button", "select", "input", "textarea", "option", "link", "meta", "head", "map", "audio",
    "video", "picture", "source", "dialog", "math",
)
_STRUCTURAL_DROP = frozenset(("nav", "aside", "footer"))
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
# Sub-trees that are almost never the main text (readers' comments, sidebars, footers),
# unless the same element also says it is the content.
_UNLIKELY = re.compile(
    r"comment|komentar|disqus|respond|reply|sidebar|footer|related|terkait|rekomendasi|"
    r"recommend|share|social|popular|populer|trending|newsletter|subscribe|cookie|banner|"
    r"promo|sponsor|advert|iklan|widget|outbrain|taboola|breadcrumb|masthead|menu|navbar",
    re.IGNORECASE,
)
_MAYBE = re.compile(r"article|body|content|main|entry|story|post-body|isi|konten", re.IGNORECASE)
_STRONG_NEGATIVE = re.compile(r"comment|komentar|disqus|respond|reply", re.IGNORECASE)
# Labels of page furniture that sit inside article containers on many sites.
_UI_LABEL = re.compile(
    r"^(?:advertisement|iklan|caption|close|tutup|continue reading(?: below)?|read more|"
    r"baca (?:juga|selengkapnya)|scroll to continue|lanjut(?:kan)? baca|share|bagikan|"
    r"tweet|print|cetak|loading\.*|photo|foto)\s*:?\s*$",
    re.IGNORECASE,
)
_DATE_LINE = re.compile(
    r"\b(?:19|20)\d\d\b.*\b\d{1,2}[:.]\d{2}\b|\b\d{1,2}[:.]\d{2}\b.*\b(?:19|20)\d\d\b|"
    r"^(?:updated|published|diperbarui|dipublikasikan|posted|diterbitkan)\b",
    re.IGNORECASE,
)
# An entry's links to itself: "Lihat Detail", "Unduh PDF", "Selengkapnya"
_ENTRY_ACTION = re.compile(r"^(?:lihat(?: detail)?|detail|unduh(?: pdf| dokumen)?|download"
                           r"(?: pdf)?|selengkapnya|baca(?: selengkapnya)?|read more)\s*[»›>]*$",
                           re.IGNORECASE)
# class words of a counter ("result-count", "views"), as whole parts of a class name
_COUNT_CLASS = re.compile(r"(?:^|[\s_-])(?:count|counter|views?|hits?|dilihat|dibaca|unduhan"
                          r"|downloads?)(?=[\s_-]|$)", re.I)
# icons of a counter: an eye, a download arrow, a chart
_COUNT_ICON = re.compile(r"eye|view|download|unduh|chart|bar-chart|stat", re.I)
_BUTTON_CLASS = re.compile(r"(?:^|\s)(?:btn(?!-link\b)(?:-[\w-]+)?|button|read-?more|more-link)"
                           r"(?=\s|$)", re.I)
# View and download counters ("Dilihat 18.732 kali", "1.377 kali dibaca", "Diunduh: 341")
_COUNT_WORD = r"(?:dilihat|dibaca|diunduh|didownload|diakses|dikunjungi|views?|downloads?|hits)"
_COUNTER = re.compile(  # each space has one place to go: no backtracking blow-up
    rf"^(?:(?:{_COUNT_WORD}\s*(?::\s*)?[\d.,]++(?:\s*(?:kali|x|times)\b)?"
    rf"|[\d.,]++\s*(?:(?:kali|x)\s*)?{_COUNT_WORD})[\s|•·]*+)+$",
    re.IGNORECASE,
)
# Class tokens that name nothing about the element's role: those saying a part is absent
# ("no-footer" on DataTables wrappers, "no-sidebar" on WordPress bodies), page builders'
# block types (Elementor and SiteOrigin call every block, the article's too, a "widget") and
# styling utilities.
_ROLELESS_CLASS = re.compile(
    r"(?:has-)?no[-_]\S*|without[-_]\S*|(?:elementor|so)-widget\S*"
    # utility classes of Tailwind and Bootstrap ("text-sm", "text-gray-500", "text-muted",
    # "justify-content-between") say how text looks, not what it is
    r"|(?:[\w-]+:)?text-(?:xs|sm|base|lg|\d?xl|left|center|right|justify|start|end|muted|white|"
    r"black|dark|light|body|primary|secondary|success|danger|warning|info|uppercase|lowercase|"
    r"capitalize|nowrap|truncate|wrap|break|[a-z]+-\d{2,3})|justify-content-\S+"
    r"|overflow(?:-[xy])?-\S+",  # "overflow-hidden" clips a box; it hides nothing
    re.IGNORECASE)
_ROW_NUMBER = re.compile(r"\s*\d{1,4}\.?\s*")
_POPUP = re.compile(r"modal|dialog|popup|pop-up|menu|nav|offcanvas|drawer|dropdown|cookie|"
                    r"search|overlay|lightbox|toast|tooltip", re.IGNORECASE)
_READER_ONLY = re.compile(r"(?:^|\s)(?:screen-reader-text|sr-only|visually-?hidden|"
                          r"element-invisible|hidden-visually|a11y-hidden)(?:\s|$)", re.I)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
MAX_DEPTH = 200
DENSE = 0.55  # a list or division with more of its text in links is boilerplate
THIN = 80  # characters: a best block with less than this is a line, not a page's text
# what a viewer shows until its script has run
_PLACEHOLDER = re.compile(r"\b(?:sedang\s+dimuat|memuat|loading|mohon\s+tunggu|please\s+wait"
                          r"|javascript)\b", re.IGNORECASE)
MIN_PROSE = 300  # characters of running prose that make a page an article, not a listing


@dataclass(frozen=True, slots=True)
class MainText:
    """The main text of a page and what was measured on the way."""

    text: str
    blocks: tuple[str, ...]
    link_density: float  # share of the whole page's text that sits inside links
    page_words: int  # words in the whole cleaned page
    main_link_density: float = 0.0  # share of the chosen containers' text inside links
    is_listing: bool = False  # the main text is a list of teasers linking elsewhere
    start: html.HtmlElement | None = field(default=None, compare=False, repr=False)  # 1st block


def parse_html(text: str) -> html.HtmlElement:
    """Parse decoded HTML into an lxml tree; an empty or hopeless page gives an empty <html>."""
    text = text.replace("\x00", "")
    if text.lstrip().startswith("<?xml"):
        text = re.sub(r"^\s*<\?xml[^>]*>", "", text)
    try:
        root = html.document_fromstring(text, parser=_PARSER)
    except (etree.ParserError, ValueError, TypeError):
        root = None
    if root is None:
        root = html.document_fromstring("<html><body></body></html>")
    return root


_PARSER = html.HTMLParser(recover=True, remove_comments=True, remove_pis=True, huge_tree=False)


def extract_main_text(root: html.HtmlElement, hints: Mapping[str, Any] | None = None,
                      title: str | None = None, *,
                      names: Sequence[str] = (),
                      metadata: Sequence[html.HtmlElement] = (),
                      prune: Callable[[], None] | None = None) -> MainText:
    """Return the main text of a parsed page (the tree is modified: junk is removed).

    `names` are other names the page gives itself (a detail page's "Judul"): a block at the top
    repeating one is dropped, as the <h1> is. `metadata` are the rows of a detail page's
    metadata block (label/value pairs): part of the page's content, though short lines with no
    prose that scoring alone would leave beside an abstract. `prune`, when given, removes from
    the tree what the text must not repeat (that block, when its pairs are fields already). It
    runs after the content is chosen and before it is written out: the block is part of what
    makes the page's content region win, so removing it first would leave a sidebar to be
    chosen instead.
    """
    hints = hints or {}
    h1 = first_h1(root)
    clean_tree(root, hints.get("drop_selectors") or ())
    body = root.find("body")
    if body is None:
        body = root
    stats = TextStats(body)
    total_chars = max(1, stats.total(body))
    containers = _select(root, hints.get("content_selector"))
    teasers: list[html.HtmlElement] = []
    if not containers:
        containers = _article_body(body, stats)
    pager = has_pager(body)
    if not containers:
        unlikely = _unlikely_ids(body)
        containers = _best_containers(body, stats, unlikely)
        listing = _listing_instead(body, stats, containers, unlikely, pager)
        if listing is not None:
            containers, teasers = [listing[0]], listing[1]
        elif sum(stats.total(c) for c in containers) < THIN and _PLACEHOLDER.search(
                " ".join(c.text_content() for c in containers)):
            # A block named "main" or "content" holding only a viewer's "Dokumen sedang
            # dimuat ..." won on its name: the best block with text wins instead.
            containers = _best_containers(body, stats, unlikely, min_chars=3 * THIN)
    if metadata and not teasers:
        containers = _with_metadata(containers, metadata, stats, body)
        containers = _with_prose(containers, metadata, stats, body)
    if prune is not None:
        prune()
        containers = [c for c in containers if _inside(c, root)]  # not pruned away
    blocks: list[str] = []
    for container in containers if not teasers else ():
        _emit(container, stats, blocks, depth=0)
    for teaser in teasers:  # a listing page: its entries are its content
        _emit_entry(teaser, stats, blocks)
    blocks = _trim(blocks, title, (h1 or "", *names))
    main_chars = sum(stats.total(c) for c in containers)
    main_links = sum(stats.links(c) for c in containers)
    return MainText(
        "\n\n".join(blocks),
        tuple(blocks),
        stats.links(body) / total_chars,
        stats.words,
        main_links / main_chars if main_chars else 0.0,
        bool(teasers) or is_listing_page(containers, stats, body, pager),
        containers[0] if containers else None,
    )


def first_h1(root: html.HtmlElement) -> str | None:
    """Return the page's printed headline: its first <h1> not hidden (an SEO or logo h1 is)."""
    first = next((el for el in root.iter("h1") if not _hidden(el)), None)
    return _squash(first.text_content()) or None if first is not None else None


def _with_metadata(containers: list[html.HtmlElement], rows: Sequence[html.HtmlElement],
                   stats: TextStats, body: html.HtmlElement) -> list[html.HtmlElement]:
    """Return the chosen blocks with the detail page's metadata block, when it sits beside them.

    The block is the smallest element holding the rows the chosen blocks leave out. When it
    holds the chosen blocks too (a card with the fields and the abstract), it is the content;
    when it is a sibling of theirs (a grid of field cards above the abstract), it joins them in
    reading order. Elsewhere on the page (a sidebar), or mostly links, it is left alone.
    """
    if len(rows) < 3 or not containers:
        return containers
    chosen = {id(el) for c in containers for el in c.iter()}
    attached = {id(el) for el in body.iter()}  # rows the cleaning removed are no rows
    outside = [row for row in rows if id(row) in attached and id(row) not in chosen]
    if len(outside) < 3:
        return containers
    holder = _common_ancestor(outside)
    if holder is None or holder is body or stats.density(holder) >= 0.5:
        return containers
    if any(_inside(c, holder) for c in containers):
        return [holder]
    parent = containers[0].getparent()
    block = holder
    while block.getparent() is not None and block.getparent() is not parent:
        block = block.getparent()
    if block.getparent() is not parent:
        # not a sibling: a box of its own near the chosen one (a table of fields above a
        # table whose row holds the amendment history), joined in reading order when the
        # chosen blocks say less than it (a full text beside a metadata box is the content)
        if sum(stats.total(c) for c in containers) > stats.total(holder):
            return containers
        return _near(containers, [holder], body) or containers
    if stats.density(block) >= 0.5 or stats.total(block) > 2 * stats.total(holder) + 200:
        return containers
    chosen = {id(c) for c in (*containers, block)}
    return [child for child in parent if id(child) in chosen]


def _near(containers: list[html.HtmlElement], others: list[html.HtmlElement],
          body: html.HtmlElement, reach: int = 3) -> list[html.HtmlElement] | None:
    """Return the chosen blocks and the `others` in reading order, when all sit in one part of
    the page: within `reach` levels of a common ancestor that is not the page's body, none
    inside another. None otherwise (a sidebar's box, a footer's note)."""
    near = _common_ancestor([*containers, *others])
    if near is None or near is body or any(
            _inside(c, o) or _inside(o, c) or _depth(c, near) > reach or _depth(o, near) > reach
            for c in containers for o in others):
        return None
    order = {id(el): i for i, el in enumerate(near.iter())}
    return sorted([*containers, *others], key=lambda el: order.get(id(el), 0))


def _with_prose(containers: list[html.HtmlElement], rows: Sequence[html.HtmlElement],
                stats: TextStats, body: html.HtmlElement) -> list[html.HtmlElement]:
    """Return the chosen blocks with the page's prose, when they hold only its metadata block.

    A detail page's label/value box can outscore its abstract, printed in a box of its own
    beside it; the text `extract()` keeps (the block's pairs are fields) would then be empty.
    The best block outside the chosen ones joins them when it is running prose, not links,
    and sits in the same part of the page (their common ancestor is not the page's body).
    """
    chosen = {id(el) for c in containers for el in c.iter()}
    if not containers:
        return containers
    # the pairs' text, an inline label's value (its tail: "<b>Nomor</b> : 12") included
    inside = sum(len(_squash(row.text_content())) + len(_squash(row.tail or ""))
                 for row in rows if id(row) in chosen)
    if sum(stats.total(c) for c in containers) - inside >= THIN:
        return containers  # the chosen blocks say more than their pairs
    others = _best_containers(body, stats, _unlikely_ids(body) | chosen)
    if not others or others[0] is body or any(stats.density(o) >= 0.3 for o in others) or not any(
            stats.own.get(id(el), 0) >= THIN for o in others for el in o.iter()):
        return containers  # links, or no paragraph of its own
    return _near(containers, others, body) or containers


def _depth(el: html.HtmlElement, ancestor: html.HtmlElement) -> int:
    """Return how many levels `el` sits below `ancestor` (which holds it)."""
    depth = 0
    while el is not ancestor and el is not None:
        el, depth = el.getparent(), depth + 1
    return depth



def _listing_instead(body: html.HtmlElement, stats: TextStats, containers: list[html.HtmlElement],
                     unlikely: set[int], pager: bool
                     ) -> tuple[html.HtmlElement, list[html.HtmlElement]] | None:
    """Return the page's list of teasers when it, not the chosen blocks, is the content.

    Listing pages (catalogues, indexes, search results, archives) have no article: the best
    running-text block is a teaser's excerpt or a line of furniture, and the entries, being
    linked, look like boilerplate. The list wins when the chosen block is one of its entries,
    or when the chosen blocks hold less text than the list (a third of it without a pager: an
    article's own "latest news" list must not replace a short article).
    """
    found = teaser_list(body, stats, unlikely, pager)
    if found is None:
        return None
    parent, items = found
    size = sum(stats.total(i) for i in items)
    if size < 300:
        return None
    above = {id(a) for c in containers for a in (c, *c.iterancestors())}
    if any(id(item) in above for item in items):
        return found  # the "article" is one teaser of the list
    if (any(_inside(parent, c) for c in containers) and stats.density(parent) <= DENSE
            and not all(headed_link(item) for item in items)):
        return None  # an article made of a list (news briefs): emitted with its container
    if _prose(containers, parent, stats) >= MIN_PROSE:
        return None  # an article, however short, with a list of other stories beside it
    article = sum(stats.total(c) - (stats.total(parent) if _inside(parent, c) else 0)
                  for c in containers)
    return found if article < size * (1.0 if pager else 0.3) else None


def _prose(containers: list[html.HtmlElement], skip: html.HtmlElement, stats: TextStats) -> int:
    """Return the characters of running prose (blocks of 80+ characters with sentence marks)."""
    skipped = {id(el) for el in skip.iter()}
    owners = {id(el) for c in containers if id(c) not in skipped
              for el in c.iter() if isinstance(el.tag, str) and id(el) not in skipped}
    return sum(stats.own[key] for key in owners
               if stats.own.get(key, 0) >= 80 and stats.punct.get(key, 0) >= 2)


def _inside(el: html.HtmlElement, ancestor: html.HtmlElement) -> bool:
    return any(a is ancestor for a in el.iterancestors()) or el is ancestor


def _emit_entry(item: html.HtmlElement, stats: TextStats, out: list[str]) -> None:
    """Append one listing entry as one block: its text, links included, without controls."""
    for el in list(item.iter()):
        if isinstance(el.tag, str) and el is not item and el.getparent() is not None and (
                PAGER.search(f"{el.get('class') or ''} {el.get('id') or ''}")
                or _entry_control(el)):
            _drop(el, el.getparent())
    cells = [c for c in item if isinstance(c.tag, str)] if item.tag == "tr" else [item]
    if len(cells) > 1 and _ROW_NUMBER.fullmatch(cells[0].text_content()):
        cells = cells[1:]  # the row's running number ("1", "2."), not part of the entry
    text = " ".join(_squash(spaced_text(c)) for c in cells)
    if text.strip():
        out.append(_squash(text))


def _entry_control(el: html.HtmlElement) -> bool:
    """Return True for an entry's buttons and counters ("Baca Selengkapnya", "👁 738")."""
    text = _squash(el.text_content())
    if el.tag == "button" or (el.tag == "a" and _BUTTON_CLASS.search(el.get("class") or "")):
        return len(text) < 40
    if _UI_LABEL.match(text) or _ENTRY_ACTION.match(text) or (text and _COUNTER.match(text)):
        return True
    # a bare number beside an eye or download icon, or in a counter's class: a count (a
    # number beside another icon, "# 11" or a calendar's "2024", is the entry's data)
    return bool(re.fullmatch(r"[\d.,]+", text)) and (
        any(is_icon(child) and _COUNT_ICON.search(child.get("class") or "") for child in el)
        or bool(_COUNT_CLASS.search(el.get("class") or "")))


def clean_tree(root: html.HtmlElement, drop_selectors: Iterable[str] = ()) -> None:
    """Remove scripts, styles, forms controls, hidden elements, icon words and hinted selectors."""
    opened = _disclosures(root)
    etree.strip_elements(root, *JUNK_TAGS, etree.Comment, with_tail=False)
    doomed = []
    for selector in drop_selectors:
        try:
            doomed.extend(root.cssselect(selector))
        except Exception:  # a malformed selector in a hint must not break extraction
            continue
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        if (_hidden(el) and not _disclosure_panel(el, opened)) or _LIGATURE_ICON.search(
                el.get("class") or ""):
            doomed.append(el)
        elif el.get("id") in opened or _hidden(el):
            el.set(_PANEL, "")  # one of a set of panels: see _whole_series
    for el in doomed:
        parent = el.getparent()
        if parent is not None:
            _drop(el, parent)


_PANEL = "data-telusur-panel"  # our mark on an accordion's or a tab set's panels
_CONTROL = "data-telusur-control"  # ... and on the buttons that open them


def _disclosures(root: html.HtmlElement) -> set[str]:
    """Return the ids of the panels disclosure buttons open, and keep those buttons' words.

    An accordion's button is its panel's heading ("Persyaratan", "Alur", "Biaya"): it stays as
    text, though form controls go; a button opening a menu or a pop-up goes with them.
    """
    opened: set[str] = set()
    controls = root.xpath("//*[@aria-expanded and @aria-controls]")
    if not controls:
        return opened
    by_id = {el.get("id"): el for el in root.iter() if isinstance(el.tag, str) and el.get("id")}
    for control in controls:
        target = by_id.get(control.get("aria-controls"))
        if target is None or _POPUP.search(class_names(target)):
            continue
        opened.add(control.get("aria-controls"))
        if control.tag == "button":
            control.tag = "span"
            control.set(_CONTROL, "")
    return opened


# Icon fonts drawn from a word ("<i class="material-icons">event</i>"): the word is no text
_LIGATURE_ICON = re.compile(r"(?:^|\s)(?:material-icons[\w-]*|material-symbols[\w-]*)(?:\s|$)")


def _hidden(el: html.HtmlElement) -> bool:
    """Return True for an element its own attributes hide, or that only screen readers read.

    Text for screen readers only ("Baca selengkapnya<span class=screen-reader-text>: Judul
    </span>", a "Skip to content" link) repeats what the page shows or is navigation.
    """
    return (el.get("hidden") is not None or el.get("aria-hidden") == "true"
            or ("style" in el.attrib and bool(_HIDDEN_STYLE.search(el.get("style") or "")))
            or ("class" in el.attrib and bool(_READER_ONLY.search(el.get("class") or ""))))


def _disclosure_panel(el: html.HtmlElement, opened: Collection[str] = ()) -> bool:
    """Return True for a collapsed panel the reader opens in place (an FAQ answer, a tab).

    Accordions and tabs hide all but one panel with `display:none` or `hidden` until clicked;
    their text is the page's content. Such panels say which control labels them
    (`aria-labelledby`, or role "tabpanel"/"region"), or a button that opens them names them
    (`aria-controls` with `aria-expanded`: their ids are `opened`); pop-ups, menus and dialogs
    are not kept.
    """
    if el.get("aria-hidden") == "true":
        return False
    role = (el.get("role") or "").lower()
    if (role not in ("tabpanel", "region") and not el.get("aria-labelledby")
            and el.get("id") not in opened):
        return False
    return not _POPUP.search(class_names(el))


def _drop(el: html.HtmlElement, parent: html.HtmlElement) -> None:
    """Remove an element but keep its tail text."""
    tail = el.tail
    if tail:
        previous = el.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


def _select(root: html.HtmlElement, selector: Any) -> list[html.HtmlElement]:
    if not selector or not isinstance(selector, str):
        return []
    try:
        found = root.cssselect(selector)
    except Exception:
        return []
    return [el for el in found if (el.text_content() or "").strip()]


def _class_weight(el: html.HtmlElement) -> float:
    names = class_names(el)
    if el.tag in ("article", "main"):
        names += " article"
    if not names.strip():
        return 0.0
    weight = 0.0
    if _NEGATIVE.search(names):
        weight -= 25
    if _POSITIVE.search(names):
        weight += 25
    return weight


def _best_containers(body: html.HtmlElement, stats: TextStats, unlikely: set[int],
                     min_chars: int = 0) -> list[html.HtmlElement]:
    scores: dict[int, float] = {}
    elements: dict[int, html.HtmlElement] = {}
    for el in stats.owners:
        own = stats.own.get(id(el), 0)
        if own < 25 or id(el) in unlikely:
            continue
        score = (1 + stats.punct.get(id(el), 0) + min(own / 100, 3)) * (
            1 - stats.density(el)) ** 2
        parent, factor = el.getparent(), 1.0
        for _ in range(3):
            if parent is None:
                break
            key = id(parent)
            if key not in elements:
                elements[key] = parent
                scores[key] = _class_weight(parent)
            scores[key] += score * factor
            parent, factor = parent.getparent(), factor / 2
        if el.tag in ("p", "pre", "blockquote") or (
            el.tag in ("div", "section", "td", "article") and own >= 200
        ):  # text written straight into a div (no <p>) makes the div itself a candidate
            if id(el) not in elements:
                elements[id(el)] = el
                scores[id(el)] = _class_weight(el)
            scores[id(el)] += score * (0.5 if el.tag in ("p", "pre", "blockquote") else 1.0)
    if not scores:
        return [body]
    ranked = {k: s * (1 - stats.density(elements[k])) for k, s in scores.items()}
    if min_chars:
        ranked = {k: r for k, r in ranked.items() if stats.total(elements[k]) >= min_chars
                  and stats.density(elements[k]) < 0.5} or ranked
    best_key = max(ranked, key=lambda k: ranked[k])
    return _around(best_key, elements, ranked, body, stats, unlikely)


def _around(best_key: int, elements: dict[int, html.HtmlElement], ranked: dict[int, float],
            body: html.HtmlElement, stats: TextStats,
            unlikely: set[int]) -> list[html.HtmlElement]:
    """Return the best block, or its series, with the siblings that continue it."""
    best = _whole_series(elements[best_key], body, stats, unlikely)
    parent = best.getparent()
    # Climb through wrappers that hold nothing else, or only the block's heading or the
    # button that opens it, so that the sibling search below runs where the article is
    # actually split (sections separated by ad slots).
    while parent is not None and parent is not body and (
            stats.total(parent) <= stats.total(best) * 1.02 or _titled(best, parent, stats)):
        best, parent = parent, parent.getparent()
    if parent is None or best is body:
        return [best]
    return _with_siblings(best, parent, stats, max(10.0, ranked[best_key] * 0.2), ranked)


def _titled(block: html.HtmlElement, parent: html.HtmlElement, stats: TextStats) -> bool:
    """Return True when a block's parent adds only a heading or a disclosure's button to it."""
    extra = 0
    for child in parent:
        if child is block or not isinstance(child.tag, str):
            continue
        if child.tag not in HEADING_TAGS and child.get(_CONTROL) is None:
            if stats.total(child):
                return False
            continue
        extra += stats.total(child)
    return 0 < extra <= 150 and not (parent.text or "").strip()


def _whole_series(best: html.HtmlElement, body: html.HtmlElement, stats: TextStats,
                  unlikely: set[int]) -> html.HtmlElement:
    """Return the container of a series of like blocks when the best block is one of them.

    An FAQ's answers, an accordion's panels or a page's numbered sections repeat one block
    shape (same tag and first class), often split over several groups with headings between
    them; the best block is then one answer, and the content is the smallest element holding
    them all, when there are four or more and the best holds under a third of their text (an
    article followed by two more stories of the same shape is not a series). Teasers (mostly
    links) do not count.
    """
    shape = item_shape(best)
    if not shape:
        return best
    alike = [el for el in body.iter(best.tag)  # the substring test spares most item_shape calls
             if shape in (el.get("class") or "") and item_shape(el) == shape
             and id(el) not in unlikely and stats.total(el) >= 50 and stats.density(el) < 0.3]
    size = sum(stats.total(el) for el in alike)
    # panels a reader opens one at a time are one text however long the first one is
    panels = best.get(_PANEL) is not None and len(alike) >= 2
    if not panels and (len(alike) < 4 or stats.total(best) > 0.3 * size):
        return best  # one long block with a few of its kind (other stories): not a series
    holder = _common_ancestor(alike)
    if (holder is None or holder is body or stats.density(holder) >= 0.3
            or size < 0.5 * stats.total(holder)):
        return best
    return holder


def _common_ancestor(elements: list[html.HtmlElement]) -> html.HtmlElement | None:
    """Return the deepest element holding all of `elements`."""
    chain = [elements[0], *elements[0].iterancestors()]
    depth = {id(el): i for i, el in enumerate(chain)}
    deepest = 0
    for el in elements[1:]:
        for up in (el, *el.iterancestors()):
            if id(up) in depth:
                deepest = max(deepest, depth[id(up)])
                break
        else:
            return None
    return chain[deepest]


def _with_siblings(best: html.HtmlElement, parent: html.HtmlElement, stats: TextStats,
                   threshold: float, ranked: dict[int, float]) -> list[html.HtmlElement]:
    """Return the best block with the siblings that continue it (strong, same kind, <p>)."""
    chosen: list[html.HtmlElement] = []
    panels = _tab_panels(parent)
    for sibling in parent:
        if not isinstance(sibling.tag, str):
            continue
        if sibling is best:
            chosen.append(sibling)
            continue
        strong = ranked.get(id(sibling), 0) >= threshold and _class_weight(sibling) >= 0
        classed_alike = bool(best.get("class")) and sibling.get("class") == best.get("class")
        panel_alike = id(best) in panels and id(sibling) in panels  # tab panels
        same_kind = ((classed_alike or panel_alike)
                     and stats.total(sibling) > 0 and stats.density(sibling) < 0.3)
        paragraph = (sibling.tag == "p" and stats.total(sibling) > 80
                     and stats.density(sibling) < 0.25)
        if strong or paragraph or same_kind:
            chosen.append(sibling)
    return _without_trailing_teasers(_with_sandwiched(chosen, parent, stats), stats)


def _tab_panels(parent: html.HtmlElement) -> set[int]:
    """Return the tab panels among a block's children (Metadata | Abstrak | Riwayat), by id().

    A panel says so itself (role "tabpanel"), or a tab control on the page names it: a link to
    "#id", or data-target / aria-controls, inside a tab list.
    """
    children = [c for c in parent if isinstance(c.tag, str)]
    marked = {id(c) for c in children if (c.get("role") or "").lower() == "tabpanel"}
    by_name = {c.get("id"): c for c in children if c.get("id")}
    named: set[int] = set()
    if len(by_name) >= 2:
        for control in parent.getroottree().iter("a", "button", "li"):
            target = (control.get("href") or control.get("data-target")
                      or control.get("data-bs-target") or "").lstrip("#")
            target = target if target in by_name else control.get("aria-controls") or ""
            if target in by_name and any(
                    "tab" in f"{a.get('class') or ''} {a.get('role') or ''}".lower()
                    for a in (control, *control.iterancestors())):
                named.add(id(by_name[target]))
    panels = marked | named
    return panels if len(panels) >= 2 else set()


def _with_sandwiched(chosen: list[html.HtmlElement], parent: html.HtmlElement,
                     stats: TextStats) -> list[html.HtmlElement]:
    """Add the tables and lists that sit between two chosen blocks.

    A page builder wraps each part of the text in its own block; a table or list between two
    runs of prose has no prose of its own to be chosen by, yet it is the text's, unless it is
    links (related stories) or named as boilerplate (share bar, ad).
    """
    if len(chosen) < 2:
        return chosen
    picked = {id(el) for el in chosen}
    children = [c for c in parent if isinstance(c.tag, str)]
    inside = [i for i, c in enumerate(children) if id(c) in picked]
    out = []
    for child in children[inside[0]: inside[-1] + 1]:
        if id(child) in picked or (
                _tabular(child, stats) and _class_weight(child) >= 0 and stats.total(child) > 0
                and stats.density(child) < 0.5 and not is_listing(child, stats, False)):
            out.append(child)
    return out


_TABULAR = ("table", "ul", "ol", "dl", "blockquote", "pre")


def _tabular(el: html.HtmlElement, stats: TextStats) -> bool:
    """Return True for a table, list or quote, or a block (a card) whose text is mostly one.

    A table of a rule's relations links each rule it names, so up to half its text may be
    links; a list of other stories is caught by `is_listing`.
    """
    if el.tag in _TABULAR:
        return True
    total = stats.total(el)
    return total > 0 and any(stats.total(inner) >= 0.7 * total for inner in el.iter(*_TABULAR))


def _without_trailing_teasers(chosen: list[html.HtmlElement],
                              stats: TextStats) -> list[html.HtmlElement]:
    """Drop blocks of repeated linked teasers ("you may also like") that follow the article."""
    if len(chosen) < 2:
        return chosen
    kept: list[html.HtmlElement] = []
    article_seen = False
    for block in chosen:
        teasers = is_listing(block, stats, False)
        if teasers and article_seen:
            continue
        article_seen = article_seen or not teasers
        kept.append(block)
    return kept


def _article_body(body: html.HtmlElement, stats: TextStats) -> list[html.HtmlElement]:
    """Return the schema.org `articleBody` element when the page marks exactly one."""
    marked = [el for el in body.iter() if isinstance(el.tag, str)
              and el.get("itemprop") == "articleBody"]
    if len(marked) == 1 and stats.total(marked[0]) >= 200 and stats.density(marked[0]) < 0.5:
        return marked
    return []


def class_names(el: html.HtmlElement) -> str:
    """Return an element's class and id words, without those that name no role."""
    words = f"{el.get('class') or ''} {el.get('id') or ''}".split()
    return " ".join(w for w in words if not _ROLELESS_CLASS.fullmatch(w))


def _unlikely_ids(body: html.HtmlElement) -> set[int]:
    """Return the ids of elements inside sub-trees named like comments, sidebars, footers."""
    marked: set[int] = set()
    for el in body.iter():
        if not isinstance(el.tag, str) or el.tag in ("body", "html", "article", "main"):
            continue
        names = class_names(el)
        if (el.tag in ("aside", "footer", "nav") or _UNLIKELY.search(names)) and not (
            _MAYBE.search(names)
        ):
            marked.update(id(d) for d in el.iter() if isinstance(d.tag, str))
    return marked


def _emit(el: html.HtmlElement, stats: TextStats, out: list[str], depth: int) -> None:
    """Append the text blocks of `el` to `out`, skipping boilerplate sub-trees."""
    if depth > MAX_DEPTH:
        text = _squash(el.text_content())
        if text:
            out.append(text)
        return
    inline: list[str] = [el.text or ""]
    boxed = False  # the last inline child was a box (a <span>, not a <b>) with nothing after it
    for child in el:
        if not isinstance(child.tag, str):
            inline.append(child.tail or "")
            continue
        if child.tag not in BLOCK_TAGS:
            if not _is_boilerplate(child, stats):
                text = _inline_text(child)
                box = child.tag not in WORD_TAGS
                # two boxes that touch are laid out apart ("<span>Perwal</span><span>Diunggah")
                inline.append(f" {text}" if box and boxed else text)
                boxed = box and bool(text) and not child.tail
            inline.append(child.tail or "")
            continue
        boxed = False
        _flush(inline, out)
        if child.tag in ("figure", "figcaption") and stats.total(child) < 300:
            pass  # an image and its caption: not running text
        elif child.tag != "br" and not _is_boilerplate(child, stats):
            if child.tag == "tr":
                row = _row_text(child, stats, depth)
                if row:
                    out.append(row)
            elif child.tag == "dt":
                term = _term_text(child, stats, depth)
                if term:
                    out.append(term)
            elif not _described(child, stats):
                _emit(child, stats, out, depth + 1)
        inline.append(child.tail or "")
    _flush(inline, out)


def _row_text(row: html.HtmlElement, stats: TextStats, depth: int) -> str:
    """Return a table row as one line: its cells' blocks joined by spaces.

    A cell holding only ":" (label | : | value tables of JDIH pages) closes the label before it;
    a row heading and its one value (`<th>Nomor</th><td>5</td>`) are "Label: value", as a
    <dt>/<dd> pair is.
    """
    cells = [cell for cell in row if cell.tag in ("td", "th")]
    if len(cells) >= 2 and stats.density(row) < 0.5:
        return _Row(_row_line(cells, stats, depth))  # data, even when all numbers
    return _row_line(cells, stats, depth)


class _Row(str):
    """A table row of two or more cells, not links: a line of data even with no word in it
    ("2019 9 64 151 1 12 237" under a header row), which `_trim` would drop as debris."""


def _row_line(cells: list[html.HtmlElement], stats: TextStats, depth: int) -> str:
    if [cell.tag for cell in cells] == ["th", "td"]:
        label, value = (_cell_text(cell, stats, depth) for cell in cells)
        # a labelled value is data even when it is all links ("Diubah dengan: <a>PP 82/2019")
        value = value or _linked_value(cells[1], stats)
        if label and value:
            return _labelled(label, value)
    line = ""
    for cell in cells:
        text = _cell_text(cell, stats, depth)
        if text in (":", "："):
            line += ":"
        elif text:
            line = f"{line} {text}" if line else text
    return line


def _cell_text(cell: html.HtmlElement, stats: TextStats, depth: int) -> str:
    """Return a cell's (or a term's, a description's) blocks on one line."""
    parts: list[str] = []
    _emit(cell, stats, parts, depth + 1)
    return " ".join(parts)


def _term_text(term: html.HtmlElement, stats: TextStats, depth: int) -> str:
    """Return a <dt> and the <dd> after it as one "Label: value" line (JDIH metadata grids)."""
    label = _cell_text(term, stats, depth)
    value = term.getnext()
    if value is None or value.tag != "dd" or _is_boilerplate(value, stats) or not label:
        return label
    described = _cell_text(value, stats, depth) or _linked_value(value, stats)
    return _labelled(label, described) if described else label


def _linked_value(cell: html.HtmlElement, stats: TextStats) -> str:
    """Return a labelled value that is all links, which boilerplate rules would drop."""
    return _squash(spaced_text(cell)) if stats.links(cell) else ""


def _labelled(label: str, value: str) -> str:
    """Return "Label: value", the colon added only where the page printed none."""
    return f"{label} {value}" if label.endswith((":", "：")) else f"{label}: {value}"


def _described(el: html.HtmlElement, stats: TextStats) -> bool:
    """Return True for a <dd> already written out with the term before it (`_term_text`)."""
    term = el.getprevious() if el.tag == "dd" else None
    return term is not None and term.tag == "dt" and not _is_boilerplate(term, stats)


def _inline_text(el: html.HtmlElement) -> str:
    if el.tag == "img":
        return ""
    return spaced_text(el) if len(el) else (el.text or "")


def _flush(inline: list[str], out: list[str]) -> None:
    text = _squash("".join(inline))
    if text:
        out.append(text)
    inline.clear()


def _is_boilerplate(el: html.HtmlElement, stats: TextStats) -> bool:
    text_len = stats.total(el)
    if text_len == 0:
        return True
    if text_len < 40 and _COUNTER.match(_squash(el.text_content())):
        return True  # a view or download counter ("2.418 kali dilihat") beside other words
    density = stats.density(el)
    if el.tag in _STRUCTURAL_DROP and (density > 0.3 or text_len < 400):
        return True
    if el.tag in ("ul", "ol", "div", "section", "table", "dl") and density > DENSE:
        return True
    names = class_names(el)
    if _STRONG_NEGATIVE.search(names) and not _MAYBE.search(names):
        return True
    return _class_weight(el) < 0 and (density > 0.2 or text_len < 300)


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


_NUMBERED = re.compile(r"\bNOMOR\b")
_LETTERHEAD = re.compile(r"(?:BUPATI|WALI ?KOTA|GUBERNUR|MENTERI|PRESIDEN)\b")
_DOC_HEADINGS = frozenset(("SURAT EDARAN", "TENTANG", "INSTRUKSI", "KEPUTUSAN", "PERATURAN"))


def _trim(blocks: list[str], title: str | None, names: Sequence[str] = ()) -> list[str]:
    """Drop the headline, empty, UI-label, counter and date-line blocks, and immediate repeats.

    The page's <h1> (when the metadata words the headline otherwise) and its other `names` are
    dropped only at the top, above the text: a detail page prints the same words again as its
    "Judul" value.
    """
    out: list[str] = []
    title_key = _squash(title or "").lower()
    name_keys = {_squash(name).lower() for name in names} - {""}
    # a document's own heading lines: "NOMOR 5 TAHUN 2025", "SURAT EDARAN", "TENTANG"
    heading = [bool(_NUMBERED.search(b)) or b.strip(" ,:").upper() in _DOC_HEADINGS
               for b in blocks]
    for i, block in enumerate(blocks):
        key = block.lower()
        top = len(out) < 3 and all(len(kept) < 80 for kept in out)
        letterhead = (_LETTERHEAD.match(block) is not None and len(block.split()) <= 4
                      and any(heading[i + 1:i + 12]))
        # a regulation's own heading in capitals ("... NOMOR 3 TAHUN 2026 TENTANG ...", or its
        # issuer's letterhead "BUPATI X" above such lines) is its text, though the page is
        # named after it
        headline = (key == title_key or (top and key in name_keys)) and not (
            block.isupper() and (_NUMBERED.search(block) or letterhead))
        if not block or headline or (out and out[-1].lower() == key):
            continue
        if (not any(c.isalpha() for c in block) and not isinstance(block, _Row)) or (
                _UI_LABEL.match(block) or _COUNTER.match(block)):
            continue
        if len(block) < 90 and block[-1] not in ".!?:;\"”" and _DATE_LINE.search(block):
            continue  # "Updated 5:27 am, Wednesday, November 20, 2019", "Kamis, 5 Juni 2025"
        out.append(block)
    return out
