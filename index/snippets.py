"""Snippets: the best short window of the ORIGINAL text, HTML-escaped, matches in <mark>.

The words to mark are the indexed forms that answer the query (the typed word and the words of
its stem family), so a marked span is always an original word at its true offset, never a
stem. One compiled regular expression finds them, which keeps long texts cheap.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from typing import Any

MAX_MATCHES = 400
TRIE_MAX_WORD = 40  # longer words stay plain alternatives (no deep nesting)
MAX_SCAN_CHARS = 250_000  # longer texts are searched in their first part only (speed)


def trie_regex(words: Iterable[str]) -> str:
    """Return a regex matching any of the literal words, with shared prefixes factored out.

    "pekerja|pekerjaan|pekerjanya" becomes "pekerja(?:an|nya)?": the regex engine then walks
    each prefix once instead of trying every word at every position.
    """
    trie: dict[str, Any] = {}
    words = list(words)
    long_words = [re.escape(w) for w in words if len(w) > TRIE_MAX_WORD]
    for word in (w for w in words if len(w) <= TRIE_MAX_WORD):
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        branches = [re.escape(char) + emit(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    factored = emit(trie)
    pieces = sorted(long_words, key=len, reverse=True) + ([factored] if factored else [])
    return pieces[0] if len(pieces) == 1 else "(?:" + "|".join(pieces) + ")"


def compile_alternation(pieces: Iterable[str]) -> re.Pattern[str] | None:
    """Compile regex pieces (already escaped) into one lowercase pattern ending at a word end.

    The pattern has no leading assertion, so the regex engine can jump between candidate first
    letters; `find_spans` checks the left word boundary itself.
    """
    ordered = sorted({p for p in pieces if p}, key=len, reverse=True)
    if not ordered:
        return None
    return re.compile("(?:" + "|".join(ordered) + r")(?![^\W_])")


def find_spans(pattern: re.Pattern[str] | None, text: str,
               limit: int = MAX_MATCHES) -> list[tuple[int, int]]:
    """Return the spans of whole-word matches of a lowercase pattern in `text`."""
    if pattern is None or not text:
        return []
    text = text[:MAX_SCAN_CHARS]
    lowered = text.lower()
    if len(lowered) != len(text):  # rare letters whose lowercase is longer: keep offsets true
        pattern = re.compile(pattern.pattern, re.IGNORECASE)
        lowered = text
    spans: list[tuple[int, int]] = []
    for found in pattern.finditer(lowered):
        start = found.start()
        if start and (lowered[start - 1].isalnum()):
            continue
        spans.append(found.span())
        if len(spans) >= limit:
            break
    return spans


class TermMatcher:
    """Find the words of a text that answer the query."""

    def __init__(self, words: Iterable[str]) -> None:
        self.words = frozenset(w for w in words if w)
        self._pattern = compile_alternation([trie_regex(self.words)] if self.words else [])

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Return the (start, end) of every matching word in `text`, in order."""
        return find_spans(self._pattern, text)


def _best_window(spans: list[tuple[int, int]], width: int) -> int:
    best_start, best_score = spans[0][0], -1
    j = 0
    for i, (start, _) in enumerate(spans):
        j = max(j, i)
        while j + 1 < len(spans) and spans[j + 1][1] - start <= width:
            j += 1
        score = j - i + 1
        if score > best_score:
            best_start, best_score = start, score
    return best_start


def _cut(text: str, start: int, width: int) -> tuple[int, int]:
    lo = max(0, start - width // 4)
    if lo > 0:
        space = text.rfind(" ", max(0, lo - 20), lo + 1)
        lo = space + 1 if space >= 0 else lo
    hi = min(len(text), lo + width)
    if hi < len(text):
        space = text.find(" ", hi - 20, hi + 20)
        hi = space if space > 0 else hi
    return lo, hi


def make_snippet(text: str, matcher: TermMatcher | None, width: int = 240) -> str:
    """Return an HTML-escaped snippet of `text` with matching words wrapped in <mark>."""
    if not text:
        return ""
    spans = matcher.spans(text) if matcher else []
    start = _best_window(spans, width) if spans else 0
    lo, hi = _cut(text, start, width)
    pieces: list[str] = ["…" if lo > 0 else ""]
    cursor = lo
    for s, e in spans:
        if e <= lo or s >= hi:
            continue
        s, e = max(s, lo), min(e, hi)
        pieces.append(html.escape(text[cursor:s]))
        pieces.append("<mark>" + html.escape(text[s:e]) + "</mark>")
        cursor = e
    pieces.append(html.escape(text[cursor:hi]))
    if hi < len(text):
        pieces.append("…")
    return " ".join("".join(pieces).split())
