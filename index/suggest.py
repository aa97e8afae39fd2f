"""Spelling help: did-you-mean corrections and prefix completion from the index's own words."""

from __future__ import annotations

from typing import Any

from corpus.textdistance import edit_distance
from index.analysis import words
from index.lexicon import Lexicon
from index.query import ParsedQuery

SPELL_FIELDS = ("title", "body")
RARE_DOCS = 10  # a word in at most this many documents may be a typo
COMMONER = 20  # ... when a close word is this many times more common


def _frequency(searcher: Any, term: str) -> int:
    return sum(searcher.doc_frequency(name, term) for name in SPELL_FIELDS)


def _alive(searcher: Any, term: str) -> bool:
    """Return True when a live document holds `term` (words of deleted ones can linger)."""
    reader = searcher.reader()
    for name in SPELL_FIELDS:
        if (name, term) in reader and reader.postings(name, term).is_active():
            return True
    return False


def correct_word(searcher: Any, lexicon: Lexicon, word: str) -> str | None:
    """Return the most frequent indexed word within a small edit distance, if any."""
    if not 4 <= len(word) <= 30 or not word.isalpha():
        return None
    maxdist = 1 if len(word) < 6 else 2
    best, best_key = None, (maxdist + 1, 0)
    for candidate in lexicon.near(word, maxdist):
        frequency = _frequency(searcher, candidate)
        if not frequency or not _alive(searcher, candidate):
            continue
        key = (edit_distance(word, candidate, maxdist), -frequency)
        if key < best_key:
            best, best_key = candidate, key
    return best


def did_you_mean(searcher: Any, parsed: ParsedQuery, lexicon: Lexicon) -> str | None:
    """Return the query with its misspelt words corrected, or None when none is found.

    A word is taken for a typo when the index lacks it, or holds it in only a few documents
    (OCR noise, a typo in a law) while a word one or two edits away is far more common.
    """
    changed = False
    out: list[str] = [parsed.text[c.start : c.end] for c in parsed.citations]
    for clause in parsed.clauses:
        if clause.kind == "phrase":
            out.append(f'"{clause.word}"')
            continue
        word = clause.word
        if clause.kind == "word":
            seen = _frequency(searcher, word)
            if seen <= RARE_DOCS:
                fixed = correct_word(searcher, lexicon, word)
                if fixed and (seen == 0 or _frequency(searcher, fixed) >= COMMONER * seen):
                    word, changed = fixed, True
        out.append(word)
    return " ".join(out) if changed else None


def complete(searcher: Any, prefix: str, limit: int = 8) -> list[str]:
    """Return up to `limit` completions of the last word of `prefix`, most common first."""
    typed = words(prefix or "")[:12]
    if not typed or limit < 1:
        return []
    head, last = typed[:-1], typed[-1]
    reader = searcher.reader()
    found: dict[str, int] = {}
    for name in SPELL_FIELDS:
        for raw in reader.expand_prefix(name, last):
            word = raw.decode("utf-8") if isinstance(raw, bytes) else raw
            found[word] = max(found.get(word, 0), searcher.doc_frequency(name, word))
            if len(found) > 2000:
                break
    ranked = sorted(found.items(), key=lambda item: (-item[1], item[0]))[:limit]
    return [" ".join([*head, word]) for word, _ in ranked]
