"""Snippets: the best short window of the ORIGINAL text, HTML-escaped, matches in <mark>.

Matching uses the same analysis as the index (a word matches when its exact form or its stem
is asked for), but the marked characters are always the original ones at their true offsets.
Long texts are not tokenized whole: a C-speed regex first finds candidate places (stems and
their forms without the first letter, which Indonesian prefixes often replace), and only the
words there are checked.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from index.analysis import is_stemmable, normalize, stem

_WORD = re.compile(r"\d+(?:[./\-]\w+)+|[^\W_]+")
MAX_MATCHES = 400


class TermMatcher:
    """Decide whether a word of the text answers the query."""

    def __init__(self, exact_words: Iterable[str], stems: Iterable[str]) -> None:
        self.exact_words = frozenset(exact_words)
        self.stems = frozenset(stems)
        needles: set[str] = set(self.exact_words)
        for s in self.stems:
            needles.add(s)
            if len(s) >= 5:
                needles.add(s[1:])
        ordered = sorted((n for n in needles if n), key=len, reverse=True)
        self._candidates = (
            re.compile("|".join(re.escape(n) for n in ordered), re.IGNORECASE) if ordered else None
        )

    def matches(self, raw: str) -> bool:
        """Return True when a raw word of the text matches the query."""
        word = normalize(raw)
        if word in self.exact_words:
            return True
        return (stem(word) if is_stemmable(word) else word) in self.stems

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Return the (start, end) of every matching word in `text`, in order."""
        if self._candidates is None:
            return []
        spans: list[tuple[int, int]] = []
        last_end = -1
        for found in self._candidates.finditer(text):
            start, end = _expand(text, found.start(), found.end())
            if start < last_end:
                continue
            if self.matches(text[start:end]):
                spans.append((start, end))
                last_end = end
                if len(spans) >= MAX_MATCHES:
                    break
        return spans


def _expand(text: str, start: int, end: int) -> tuple[int, int]:
    lo = start
    while lo > 0 and (text[lo - 1].isalnum()):
        lo -= 1
    match = _WORD.match(text, lo)
    if match and match.end() >= end:
        return lo, match.end()
    hi = end
    while hi < len(text) and text[hi].isalnum():
        hi += 1
    return lo, hi


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
