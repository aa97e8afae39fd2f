"""Pasal-level scoring: which stored Pasal of a hit answers the query best.

A document's Pasal are stored with it; for the hits on the page being shown, each Pasal is
scored with BM25 over the query's clauses (each clause any of its word forms or phrases,
weighted by the clause's rarity in the corpus). Compiled regular expressions do the counting,
so a page of long regulations is scored in milliseconds.
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from index.lexicon import Lexicon
from index.query import ParsedQuery, alternative_words
from index.snippets import compile_alternation, find_spans

K1 = 1.2
B = 0.75
AVERAGE_PART_CHARS = 900


@dataclass(frozen=True, slots=True)
class ClausePattern:
    """One clause of a query as a regular expression, with its weight."""

    pattern: re.Pattern[str]
    weight: float


def clause_patterns(parsed: ParsedQuery, lexicon: Lexicon, searcher: Any) -> list[ClausePattern]:
    """Compile the clauses of a parsed query for counting in Pasal texts."""
    total = max(1, searcher.doc_count())
    out = []
    for clause in parsed.clauses:
        pieces: list[str] = []
        rarest = total
        for alt in clause.alternatives:
            kept = alternative_words(alt)
            if not kept:
                continue
            if len(alt.words) == 1:
                forms = (kept[0],) if alt.exact else lexicon.forms(kept[0])
                pieces.extend(re.escape(f) for f in forms)
            else:
                pieces.append(r"[\W_]+".join(re.escape(w) for w in alt.words))
            rarest = min(rarest, searcher.doc_frequency("body", kept[0]) or total)
        pattern = compile_alternation(pieces)
        if pattern is not None:
            idf = math.log(1 + (total - rarest + 0.5) / (rarest + 0.5))
            out.append(ClausePattern(pattern, idf))
    return out


def score_text(text: str, patterns: Sequence[ClausePattern]) -> float:
    """Return the BM25 score of one Pasal text for the compiled clauses."""
    norm = K1 * (1 - B + B * len(text) / AVERAGE_PART_CHARS)
    score = 0.0
    for clause in patterns:
        tf = len(find_spans(clause.pattern, text, limit=1000))
        if tf:
            score += clause.weight * tf * (K1 + 1) / (tf + norm)
    return score


def best_part(parts: Sequence[Sequence[str]], patterns: Sequence[ClausePattern],
              wanted: str | None = None) -> tuple[str, str, str] | None:
    """Return the (anchor, label, text) of the best Pasal: the one asked for, else top score."""
    if wanted:
        for anchor, label, text in parts:
            if anchor == wanted:
                return anchor, label, text
    if not parts or not patterns:
        return None
    joined = "\n".join(text for _, _, text in parts)
    starts = list(itertools.accumulate((len(text) + 1 for _, _, text in parts), initial=0))
    counts: dict[tuple[int, int], int] = defaultdict(int)
    for index, clause in enumerate(patterns):
        for start, _ in find_spans(clause.pattern, joined, limit=100_000):
            counts[(bisect.bisect_right(starts, start) - 1, index)] += 1
    scores: dict[int, float] = defaultdict(float)
    for (part, index), tf in counts.items():
        length = len(parts[part][2])
        norm = K1 * (1 - B + B * length / AVERAGE_PART_CHARS)
        scores[part] += patterns[index].weight * tf * (K1 + 1) / (tf + norm)
    if not scores:
        return None
    best = max(scores, key=lambda p: (scores[p], -p))
    anchor, label, text = parts[best]
    return anchor, label, text
