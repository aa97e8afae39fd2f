"""BM25F scoring of parsed queries, term at a time, straight from the postings.

A query word stands for its whole stem family (`index.lexicon`), so one clause can be thirty
index terms across three fields. Whoosh's union matchers pay for that per posting and per
term; here each family is scored as ONE virtual term instead: its per-field frequency is the
weighted sum of its forms' frequencies (the typed word counting most), saturated once with
BM25F's length normalisation, times the family's own idf. Phrase alternatives a user quoted
use Whoosh's exact phrase matcher; multi-word glossary forms require all their words.
"""

from __future__ import annotations

import math
import threading
from array import array
from collections import OrderedDict, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from whoosh import query as wq

from index.lexicon import Lexicon
from index.query import (
    EXPANSION_WEIGHT,
    FIELD_BOOSTS,
    VARIANT_WEIGHT,
    Alternative,
    Clause,
    alternative_words,
)
from index.schema import SCORING_FIELDS

K1 = 1.2
B = 0.75
TEXT_FIELDS = ("title", "about", "body")


@dataclass(frozen=True, slots=True)
class FieldLengths:
    """Per-document field lengths and their averages, for length normalisation."""

    lengths: dict[str, list[int]]
    averages: dict[str, float]
    total: int
    norms: dict[str, list[float]]  # K1 * (1 - B + B * length / average), by docnum


def load_lengths(searcher: Any) -> FieldLengths:
    """Read every document's field lengths once per index version."""
    lengths: dict[str, list[int]] = {name: [] for name in TEXT_FIELDS}
    for leaf, _ in searcher.reader().leaf_readers():
        for name in TEXT_FIELDS:
            lengths[name].extend(leaf.doc_field_length(d, name, 0)
                                 for d in range(leaf.doc_count_all()))
    averages = {name: max(1.0, searcher.avg_field_length(name, 1.0)) for name in TEXT_FIELDS}
    norms = {name: [K1 * (1 - B + B * (n or 0) / averages[name]) for n in lengths[name]]
             for name in TEXT_FIELDS}
    return FieldLengths(lengths, averages, max(1, searcher.doc_count()), norms)


def posting_blocks(searcher: Any, field: str, text: str) -> Iterator[tuple[Sequence[int],
                                                                           Sequence[float]]]:
    """Yield (docnums, frequencies) of one term a block at a time, when the codec allows."""
    for leaf, offset in searcher.reader().leaf_readers():
        if (field, text) not in leaf:
            continue
        matcher = leaf.postings(field, text)
        inner = getattr(matcher, "child", matcher)  # deletions are dropped by `allowed` later
        if hasattr(inner, "_read_ids") and hasattr(inner, "_next_block"):
            while inner.is_active():
                inner._read_ids()
                inner._read_weights()
                ids = inner._ids
                yield ([d + offset for d in ids] if offset else ids), inner._weights
                inner._next_block()
        else:
            ids, weights = [], []
            while matcher.is_active():
                ids.append(matcher.id() + offset)
                weights.append(matcher.weight())
                matcher.next()
            yield ids, weights


def postings(searcher: Any, field: str, text: str) -> Iterator[tuple[int, float]]:
    """Yield (docnum, frequency) of one term."""
    for ids, weights in posting_blocks(searcher, field, text):
        yield from zip(ids, weights, strict=False)


class TfCache:
    """An LRU of word-family frequencies, shared by the searches of one index version.

    Entries are kept compact (two arrays, 12 bytes a document instead of a dict's ~100), so
    a thousand families of common words cost a few MB; a dict is rebuilt on each use, which is
    far cheaper than reading the postings again.
    """

    def __init__(self, size: int = 1024) -> None:
        self._size = size
        self._data: OrderedDict[tuple[str, str, bool], tuple[array[int], array[float]]] = (
            OrderedDict())
        self._lock = threading.Lock()

    def get(self, key: tuple[str, str, bool]) -> dict[int, float] | None:
        """Return a cached entry, marking it recently used."""
        with self._lock:
            found = self._data.get(key)
            if found is None:
                return None
            self._data.move_to_end(key)
        return dict(zip(found[0], found[1], strict=True))

    def put(self, key: tuple[str, str, bool], value: dict[int, float]) -> None:
        """Store an entry, dropping the least recently used beyond the size."""
        compact = (array("i", value.keys()), array("d", value.values()))
        with self._lock:
            self._data[key] = compact
            self._data.move_to_end(key)
            while len(self._data) > self._size:
                self._data.popitem(last=False)


class ClauseScorer:
    """Score the clauses of one query over one searcher."""

    def __init__(self, searcher: Any, lexicon: Lexicon, lengths: FieldLengths,
                 cache: TfCache | None = None) -> None:
        self._s = searcher
        self._lexicon = lexicon
        self._lengths = lengths
        self._cache = cache or TfCache()

    def _alternative_tf(self, alt: Alternative, weight: float) -> dict[str, dict[int, float]]:
        """Return field -> docnum -> weighted frequency of one alternative."""
        words = alternative_words(alt)
        out: dict[str, dict[int, float]] = {}
        if not words:
            return out
        if len(words) > 1 and alt.exact:
            for name in TEXT_FIELDS:
                tf = self._phrase_tf(name, words, alt)
                out[name] = {d: v * weight for d, v in tf.items()}
            return out
        for name in TEXT_FIELDS:
            per_word = [self._family_tf(name, word, alt.exact) for word in words]
            if len(per_word) == 1:
                tf = per_word[0]
            else:
                common = set.intersection(*(set(p) for p in per_word))
                tf = {d: min(p[d] for p in per_word) for d in common}
            out[name] = {d: v * weight for d, v in tf.items()}
        return out

    def _family_tf(self, field: str, word: str, exact: bool) -> dict[int, float]:
        key = (field, word, exact)
        cached = self._cache.get(key)
        if cached is None:
            cached = self._read_family_tf(field, word, exact)
            self._cache.put(key, cached)
        return cached

    def _read_family_tf(self, field: str, word: str, exact: bool) -> dict[int, float]:
        forms = (word,) if exact else self._lexicon.forms(word)
        source = SCORING_FIELDS.get(field, field)
        tf: dict[int, float] = {}
        get = tf.get
        for form in forms:
            factor = 1.0 if form == word else VARIANT_WEIGHT
            for ids, weights in posting_blocks(self._s, source, form):
                for docnum, freq in zip(ids, weights, strict=False):
                    tf[docnum] = get(docnum, 0.0) + factor * freq
        if field == "body" and not word.isalpha():
            for docnum, freq in postings(self._s, "number_key", word.lstrip("0") or word):
                tf[docnum] = get(docnum, 0.0) + freq
        return tf

    def _phrase_tf(self, field: str, words: Sequence[str], alt: Alternative) -> dict[int, float]:
        """Return docnum -> phrase frequency in one field, cached like word families."""
        kept = [i for i, w in enumerate(alt.words) if w in words]
        slop = 1 + (kept[-1] - kept[0] + 1 - len(kept))
        key = (field, "\t".join(words) + f"\t~{slop}", True)  # no token holds a tab
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        query = wq.Phrase(field, list(words), slop=slop)
        tf: dict[int, float] = {}
        context = self._s.context()
        for subsearcher, offset in self._s.leaf_searchers():
            matcher = query.matcher(subsearcher, context)
            while matcher.is_active():
                tf[matcher.id() + offset] = max(1.0, matcher.weight())
                matcher.next()
        self._cache.put(key, tf)
        return tf

    def clause_scores(self, clause: Clause) -> dict[int, float]:
        """Return docnum -> BM25F score of one clause (any of its alternatives)."""
        merged: dict[str, dict[int, float]] = {name: defaultdict(float) for name in TEXT_FIELDS}
        for i, alt in enumerate(clause.alternatives):
            weight = 1.0 if i == 0 else EXPANSION_WEIGHT
            for name, tf in self._alternative_tf(alt, weight).items():
                target = merged[name]
                for docnum, value in tf.items():
                    target[docnum] += value
        docs = set().union(*(set(tf) for tf in merged.values()))
        if not docs:
            return {}
        total = self._lengths.total
        idf = math.log(1 + (total - len(docs) + 0.5) / (len(docs) + 0.5))
        scores: dict[int, float] = {}
        get = scores.get
        for name, tf in merged.items():
            weight = FIELD_BOOSTS.get(name, 1.0) * idf * (K1 + 1)
            norms = self._lengths.norms[name]
            for docnum, freq in tf.items():
                scores[docnum] = get(docnum, 0.0) + weight * freq / (freq + norms[docnum])
        return scores


def score_clauses(scorer: ClauseScorer, clauses: Sequence[Clause], require_all: bool,
                  allowed: frozenset[int] | set[int]) -> dict[int, float]:
    """Return docnum -> total score over the allowed documents matching the clauses."""
    per_clause = [scorer.clause_scores(c) for c in clauses]
    per_clause = [p for p in per_clause if p] if not require_all else per_clause
    if not per_clause:
        return {}
    if require_all:
        smallest = min(per_clause, key=len)
        docs = {d for d in smallest if d in allowed and all(d in p for p in per_clause)}
    else:
        docs = {d for p in per_clause for d in p if d in allowed}
    return {d: sum(p.get(d, 0.0) for p in per_clause) for d in docs}
