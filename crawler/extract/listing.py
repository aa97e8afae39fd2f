"""Listing pages: search results, archives, tag pages, JDIH catalogues are not documents.

A listing repeats one item shape (same tag and class, per-item numbers in the class ignored)
at least three times, each item short and holding a link; with pagination controls on the
page, fewer items suffice.
"""

from __future__ import annotations

import re

from lxml import html

from crawler.extract.textstats import TextStats

PAGER = re.compile(r"pagination|pager|paging|page-numbers", re.IGNORECASE)
_STATE_CLASS = re.compile(r"(?:row-?)?(?:odd|even|alt|first|last|active|current|selected|hover)",
                          re.IGNORECASE)


def is_listing_page(containers: list[html.HtmlElement], stats: TextStats,
                    body: html.HtmlElement, pager: bool) -> bool:
    """Return True when the chosen main text (or its parent) is a list of teasers.

    `pager`: whether the page has pagination controls (`has_pager`).
    """
    scopes = list(containers)
    for container in containers:  # the best block may be one teaser of the list
        parent = container.getparent()
        if parent is not None and parent is not body and parent not in scopes:
            scopes.append(parent)
    return any(is_listing(scope, stats, pager) for scope in scopes)


def headed_link(item: html.HtmlElement) -> bool:
    """Return True when an item has a heading that links somewhere (a teaser's title)."""
    return any(h.find(".//a") is not None for h in item.iter("h2", "h3", "h4", "h5"))


def item_shape(item: html.HtmlElement) -> str:
    """Return an item's shape: its first class name without digits.

    Items of one list differ in the rest ("post post-7816 category-x" vs "post post-7908
    category-y", "item odd" vs "item even"); striping and state classes ("odd", "even",
    "active", "first") say nothing about the shape, so table rows "odd" and "even" are one list.
    """
    names = [n for n in (item.get("class") or "").split() if not _STATE_CLASS.fullmatch(n)]
    return re.sub(r"\d+", "", names[0]) if names else ""


def links_out(item: html.HtmlElement) -> bool:
    """Return True when an item links to another page, not only to itself.

    A live blog's updates each carry a "copy link" to their own anchor ("...#update-8"): such
    links make no teaser of an update.
    """
    own = {el.get("id") for el in item.iter() if isinstance(el.tag, str) and el.get("id")}
    for link in item.iter("a"):
        href = (link.get("href") or "").strip()
        fragment = href.partition("#")[2]
        if not fragment or fragment not in own:
            return True
    return False


def has_pager(body: html.HtmlElement) -> bool:
    """Return True when the page has pagination controls (listing pages do)."""
    for el in body.iter("a", "nav", "ul", "div"):
        if el.tag == "a" and (el.get("rel") or "").lower() in ("next", "prev"):
            return True
        if PAGER.search(f"{el.get('class') or ''} {el.get('id') or ''}"):
            return True
    return False


def teaser_list(body: html.HtmlElement, stats: TextStats, skip: set[int],
                pager: bool) -> tuple[html.HtmlElement, list[html.HtmlElement]] | None:
    """Return the page's largest list of teasers (its container and items), if it has one.

    Items are repeated children of one shape, each short and linked, saying more than a menu
    entry (a title of several words, a date, an excerpt: 30 characters or more on average) and
    together holding most of their container's text. Elements in `skip` (sidebars, footers,
    menus) are not looked at; with a pager (`has_pager`), two entries make a list.
    """
    best: tuple[int, html.HtmlElement, list[html.HtmlElement]] | None = None
    for parent in body.iter("ul", "ol", "div", "section", "tbody", "table", "main", "article",
                            "dl"):
        if id(parent) in skip:
            continue
        total = stats.total(parent)
        if total < 200 or (best is not None and total <= best[0]):
            continue
        groups: dict[tuple[str, str], list[html.HtmlElement]] = {}
        for child in parent:
            if isinstance(child.tag, str) and child.tag not in ("br", "hr", "h1", "h2", "p"):
                groups.setdefault((child.tag, item_shape(child)), []).append(child)
        for items in groups.values():
            linked = [item for item in items if stats.links(item) and stats.total(item) < 700
                      and links_out(item)]
            size = sum(stats.total(i) for i in linked)
            if (len(linked) >= (2 if pager else 3) and size >= 0.6 * total
                    and size >= 30 * len(linked) and (best is None or size > best[0])):
                best = (size, parent, linked)
    return (best[1], best[2]) if best is not None else None


def is_listing(container: html.HtmlElement, stats: TextStats, pager: bool) -> bool:
    """Return True when most of a container's text sits in repeated linked teasers.

    A listing (search results, archives, tag pages, JDIH catalogues) repeats one item shape
    (same tag and class) at least three times, each item short and holding a link.
    """
    total = stats.total(container)
    if not total:
        return False
    candidates = [container, *container.iterdescendants("ul", "ol", "div", "section", "tbody",
                                                        "main", "table")]
    for parent in candidates[:200]:
        groups: dict[tuple[str, str], list[html.HtmlElement]] = {}
        for child in parent:
            if isinstance(child.tag, str) and child.tag not in ("br", "hr", "h1", "h2", "p"):
                groups.setdefault((child.tag, item_shape(child)), []).append(child)
        for items in groups.values():
            linked = [
                item for item in items
                if stats.links(item) and stats.total(item) < 700 and links_out(item)
            ]
            needed = 3 if not pager else 1 if any(headed_link(i) for i in linked) else 2
            if len(linked) >= needed and sum(stats.total(i) for i in linked) >= 0.5 * total:
                return True
    return False
