"""One-pass matching and ranking, and the per-snapshot data that makes it cheap.

`Snapshot` holds what every search of one index version needs and is built once per version:
the vocabulary (`Lexicon`, read from the generation's vocabulary file when it is current), the
facet and date columns as plain lists indexed by document number, the facet labels ready to
count, the field lengths with their BM25 norms, and a cache of word-family and phrase
frequencies. Scoring itself lives in
`index.bm25`; this module ranks, counts facets and breaks ties.
"""

from __future__ import annotations

import datetime as dt
import heapq
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from whoosh import query as wq

from index.bm25 import FieldLengths, TfCache, load_lengths
from index.lexicon import Lexicon
from index.results import FacetValue
from index.schema import FACET_COLUMNS

SNAPSHOT_COLUMNS = (*FACET_COLUMNS, "date")


@dataclass(frozen=True, slots=True)
class Snapshot:
    """Per-version search data: vocabulary, columns by docnum, live documents."""

    lexicon: Lexicon
    columns: dict[str, list[Any]]
    live: frozenset[int]
    lengths: FieldLengths
    tf_cache: TfCache
    facet_values: dict[str, list[str | None]] = field(default_factory=dict)


def _column(reader: Any, name: str) -> list[Any]:
    values: list[Any] = []
    for leaf, _ in reader.leaf_readers():
        column = leaf.column_reader(name)
        for docnum in range(leaf.doc_count_all()):
            try:
                value = column[docnum]
            except (OverflowError, ValueError):  # a missing date decodes out of range
                value = None
            if isinstance(value, bytes):
                value = value.decode("utf-8", "replace")
            values.append(value)
    return values


def load_snapshot(searcher: Any, stemmer: str = "sastrawi",
                  vocabulary: list[str] | None = None) -> Snapshot:
    """Read a searcher's columns and live documents; its vocabulary unless one is given."""
    reader = searcher.reader()
    columns = {name: _column(reader, name) for name in SNAPSHOT_COLUMNS}
    live = frozenset(searcher.docs_for_query(wq.Term("unit", "doc")))
    lexicon = (Lexicon(vocabulary, stemmer=stemmer) if vocabulary is not None
               else Lexicon.from_reader(reader, stemmer=stemmer))
    facet_values = {name: [_facet_value(name, v) for v in columns[name]]
                    for name in FACET_COLUMNS}
    return Snapshot(lexicon, columns, live, load_lengths(searcher), TfCache(), facet_values)


def _facet_value(name: str, value: Any) -> str | None:
    """Return a column value as a facet label, or None when it is not counted."""
    if value in (None, "", 0) or (name == "year" and not 0 < value < 3000):
        return None
    return str(value)


def top_scores(scores: dict[int, float], limit: int) -> list[tuple[float, int]]:
    """Return the `limit` best (score, docnum), best first; ties by docnum."""
    best = heapq.nlargest(limit, ((score, -d) for d, score in scores.items()))
    return [(score, -neg) for score, neg in best]


def matching(searcher: Any, query: wq.Query, allowed: frozenset[int] | set[int]) -> set[int]:
    """Return the allowed docnums a query matches, without scoring."""
    out: set[int] = set()
    for subsearcher, offset in searcher.leaf_searchers():
        matcher = query.matcher(subsearcher, searcher.context())
        out.update(d + offset for d in matcher.all_ids() if d + offset in allowed)
    return out


def facet_counts(snapshot: Snapshot, docnums: Iterable[int],
                 fields: Sequence[str] = FACET_COLUMNS) -> dict[str, tuple[FacetValue, ...]]:
    """Count facet values over a set of documents (labels precomputed per snapshot)."""
    docnums = list(docnums)
    out: dict[str, tuple[FacetValue, ...]] = {}
    for name in fields:
        labels = snapshot.facet_values.get(name)
        if labels is None:
            labels = [_facet_value(name, v) for v in snapshot.columns[name]]
        counter = Counter(map(labels.__getitem__, docnums))
        counter.pop(None, None)
        out[name] = tuple(FacetValue(str(v), c) for v, c in
                          sorted(counter.items(), key=lambda item: (-item[1], item[0])))
    return out


def news_recency_tiebreak(snapshot: Snapshot,
                          scored: list[tuple[float, int]]) -> list[tuple[float, int]]:
    """Order equal scores so that newer news comes first; other kinds keep their order."""
    kinds, dates = snapshot.columns["kind"], snapshot.columns["date"]

    def key(item: tuple[float, int]) -> tuple[float, float]:
        score, docnum = item
        when = dates[docnum] if kinds[docnum] == "news" else None
        stamp = when.timestamp() if isinstance(when, dt.datetime) else 0.0
        return (-round(score, 2), -stamp)

    return sorted(scored, key=key)
