"""Text measurements of an lxml tree: text and link lengths per element, running text per block.

One bottom-up pass gives every element its text length, link-text length, and, for block
elements, the running text they hold outside nested blocks (with its punctuation count).
"""

from __future__ import annotations

import re

from lxml import html

BLOCK_TAGS = frozenset(
    (
        "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "div",
        "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
        "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section",
        "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "br", "caption",
        "html",
    )
)


HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")


class TextStats:
    """Text and link lengths per element, computed bottom-up in one pass."""

    def __init__(self, root: html.HtmlElement) -> None:
        self._total: dict[int, int] = {}
        self._links: dict[int, int] = {}
        self.own: dict[int, int] = {}  # running text of a block outside nested blocks
        self.punct: dict[int, int] = {}
        self.owners: list[html.HtmlElement] = []
        self.words = 0
        inline_len: dict[int, int] = {}
        inline_punct: dict[int, int] = {}
        # lxml makes element proxies on demand; keeping them alive keeps their id() stable.
        elements = [el for el in root.iter() if isinstance(el.tag, str)]
        self._alive = elements
        for el in reversed(elements):
            direct, punct = _direct_text(el)
            total, links = direct, 0
            inline, inline_p = direct, punct
            for child in el:
                if not isinstance(child.tag, str):
                    continue
                key = id(child)
                total += self._total.get(key, 0)
                links += self._links.get(key, 0)
                if child.tag not in BLOCK_TAGS:
                    inline += inline_len.get(key, 0)
                    inline_p += inline_punct.get(key, 0)
            key = id(el)
            self._total[key] = total
            # an <a> without href is a placeholder (an accordion's question), not a link
            self._links[key] = total if el.tag == "a" and "href" in el.attrib else links
            inline_len[key] = inline
            inline_punct[key] = inline_p
            if el.tag in BLOCK_TAGS and inline:
                self.own[key] = inline
                self.punct[key] = inline_p
                self.owners.append(el)
        self.owners.reverse()

    def total(self, el: html.HtmlElement) -> int:
        """Return the characters of text inside an element."""
        return self._total.get(id(el), 0)

    def links(self, el: html.HtmlElement) -> int:
        """Return the characters of text inside links within an element."""
        return self._links.get(id(el), 0)

    def density(self, el: html.HtmlElement) -> float:
        """Return the share of an element's text that sits inside links (1.0 when empty)."""
        total = self._total.get(id(el), 0)
        return self._links.get(id(el), 0) / total if total else 1.0


def _direct_text(el: html.HtmlElement) -> tuple[int, int]:
    length, punct = 0, 0
    pieces = [el.text] + [child.tail for child in el]
    for piece in pieces:
        if piece:
            stripped = piece.strip()
            length += len(stripped)
            punct += stripped.count(",") + stripped.count(".")
    return length, punct


# Icon fonts: Font Awesome, Bootstrap 2 "icon-*", Bootstrap Icons, Glyphicons, Dashicons, Remix,
# Material Design Icons, Boxicons, Ionicons, Feather, IcoFont, Unicons, LineIcons, ...
_ICON_CLASS = re.compile(r"(?:^|\s)(?:fa[srlbd]?|(?:fa|icon|bi|glyphicon|dashicons|ti|la|ri|mdi"
                         r"|bx[sl]?|ion|feather|icofont|uil|lni|fi|gg)-[\w-]+)(?=\s|$)")


def is_icon(el: html.HtmlElement) -> bool:
    """Return True for an empty <i>/<span> drawn by an icon font."""
    return (el.tag in ("i", "span") and bool(_ICON_CLASS.search(el.get("class") or ""))
            and not (el.text or "").strip() and len(el) == 0)


# Tags that style letters inside a word ("BP<b>Jamsostek</b>", "m<sup>2</sup>"); other inline
# tags (<span>, <a>, <time>) are boxes a stylesheet may lay out apart
WORD_TAGS = frozenset(("b", "strong", "i", "em", "mark", "u", "s", "sup", "sub", "abbr", "code",
                        "font", "small", "ins", "del"))


def spaced_text(el: html.HtmlElement) -> str:
    """Return an element's text with a space where a block or <br> parts it, none inside words.

    "BP<b>Jamsostek</b>" (a highlighted search term) stays one word; blocks and other inline
    boxes ("<span>18</span><span>Nov</span>", a split date box) stay apart.
    """
    parts = [el.text or ""]
    boxed = False  # the previous child was an inline box with nothing after it
    for child in el:
        if isinstance(child.tag, str):
            inner = "" if child.tag == "img" else spaced_text(child)
            if child.tag in BLOCK_TAGS or child.tag in ("br", "img"):
                parts.append(f" {inner} ")
            else:  # inline: inside a word, unless two boxes touch (a date box "18|Nov|2025")
                box = child.tag not in WORD_TAGS
                parts.append(f" {inner}" if box and boxed else inner)
                boxed = box and not child.tail
                parts.append(child.tail or "")
                continue
        boxed = False
        parts.append(child.tail or "")
    return "".join(parts)
