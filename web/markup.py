"""Safe HTML fragments built from hostile text: snippets, highlighted passages, paragraphs.

Titles, snippets and bodies come from crawled pages and user queries, so everything is
escaped here; the only markup that survives is the `<mark>` we (or the index) put around
matches.
"""

from __future__ import annotations

import html
import re

from markupsafe import Markup, escape

_MARK_SPLIT = re.compile(r"(</?mark>)", re.IGNORECASE)
_WORD = re.compile(r"\w+", re.UNICODE)
_OPERATORS = {"and", "or", "not", "dan", "atau", "tidak", "yang", "di", "ke", "dari"}
MAX_TERMS = 12


def safe_snippet(snippet: str | None) -> Markup:
    """Return a snippet with every tag escaped except balanced `<mark>` highlights."""
    if not snippet:
        return Markup("")
    out: list[str] = []
    open_marks = 0
    for piece in _MARK_SPLIT.split(snippet):
        lowered = piece.lower()
        if lowered == "<mark>":
            if open_marks == 0:
                out.append("<mark>")
                open_marks = 1
        elif lowered == "</mark>":
            if open_marks:
                out.append("</mark>")
                open_marks = 0
        else:
            # Unescape then escape: correct whether or not the index escaped the text already.
            out.append(str(escape(html.unescape(piece))))
    if open_marks:
        out.append("</mark>")
    return Markup("".join(out))


def query_terms(query: str | None) -> tuple[str, ...]:
    """Return the words of a query worth highlighting (no operators, no field syntax)."""
    if not query:
        return ()
    terms: list[str] = []
    for word in _WORD.findall(query.lower()):
        if len(word) >= 3 and word not in _OPERATORS and word not in terms:
            terms.append(word)
    return tuple(terms[:MAX_TERMS])


def _term_pattern(terms: tuple[str, ...]) -> re.Pattern[str] | None:
    if not terms:
        return None
    # Match at word starts so "pekerja" also marks "pekerjaan"; Indonesian affixes vary.
    alternatives = "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})\w*", re.IGNORECASE | re.UNICODE)


def mentions(text: str | None, terms: tuple[str, ...]) -> bool:
    """Tell whether text contains a word starting with any of `terms`."""
    pattern = _term_pattern(terms)
    return bool(text and pattern and pattern.search(text))


def highlight(text: str | None, terms: tuple[str, ...]) -> Markup:
    """Return text escaped, with words starting with any of `terms` wrapped in `<mark>`."""
    if not text:
        return Markup("")
    pattern = _term_pattern(terms)
    if pattern is None:
        return Markup(escape(text))
    out: list[str] = []
    last = 0
    for match in pattern.finditer(text):
        out.append(str(escape(text[last:match.start()])))
        out.append(f"<mark>{escape(match.group(0))}</mark>")
        last = match.end()
    out.append(str(escape(text[last:])))
    return Markup("".join(out))


_ITEM_START = re.compile(r"^(\(?\d+[a-z]?[.)]|\(?[a-z][.)]|[-•*]\s|Pasal\s|BAB\s)", re.IGNORECASE)
_WRAP_WIDTH = 60  # a line at least this long that ends mid-sentence was wrapped by the PDF


def paragraphs(text: str | None) -> list[str]:
    """Split extracted text into paragraphs, rejoining lines a PDF wrapped mid-sentence."""
    if not text:
        return []
    out: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        current = ""
        for raw in block.split("\n"):
            line = raw.strip()
            if not line:
                continue
            if current and _continues(current, line):
                current = f"{current} {line}"
            else:
                if current:
                    out.append(current)
                current = line
        if current:
            out.append(current)
    return out


def _continues(previous: str, line: str) -> bool:
    if previous[-1] in ".;:?!" or _ITEM_START.match(line):
        return False
    return line[0].islower() or len(previous) >= _WRAP_WIDTH


def excerpt(text: str | None, limit: int = 600) -> str:
    """Return the first `limit` characters of text, cut at a word boundary."""
    if not text:
        return ""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[:limit].rsplit(" ", 1)[0]
    return cut + " …"
