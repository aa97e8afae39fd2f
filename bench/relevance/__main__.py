"""Relevance over the shared UU/PP corpus: judged queries, Telusur beside plain Whoosh.

Reads `judgments.toml` (queries of several kinds, documents graded 0-3 by reading them;
ungraded documents count as 0), runs every query on Telusur's engine (with query-time
stemming, and without it, to show the stemming choice) and on a plain Whoosh index
(StandardAnalyzer, default QueryParser), and prints nDCG@10, MRR@10 and Recall@100 overall
and per kind. Usage: python -m bench.relevance [--index DIR --plain DIR] [--keep DIR]
"""

from __future__ import annotations

import argparse
import math
import sys
import tempfile
import tomllib
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bench._shared import require_shared, result
from bench.relevance.baseline import PlainSearcher, build_plain
from bench.search.corpus import load_documents
from index import QueryError, SearchRequest, build_index, open_index

JUDGMENTS = Path(__file__).with_name("judgments.toml")
BENCH = "relevance"
RELEVANT = 2  # grade from which a document counts as relevant for MRR


@dataclass(frozen=True)
class Judged:
    """One query with its graded documents."""

    query: str
    kind: str
    grades: dict[str, int]


def load_judgments(path: Path = JUDGMENTS) -> list[Judged]:
    """Return the judged queries."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return [Judged(q["q"], q["kind"], {k: int(v) for k, v in q["grades"].items()})
            for q in data["query"]]


def ndcg(ranked: list[str], grades: dict[str, int], k: int = 10) -> float:
    """Return nDCG@k with gains 2^grade - 1."""
    dcg = sum((2 ** grades.get(d, 0) - 1) / math.log2(i + 2) for i, d in enumerate(ranked[:k]))
    ideal = sorted(grades.values(), reverse=True)[:k]
    best = sum((2 ** g - 1) / math.log2(i + 2) for i, g in enumerate(ideal))
    return dcg / best if best else 0.0


def mrr(ranked: list[str], grades: dict[str, int], k: int = 10) -> float:
    """Return the reciprocal rank of the first relevant document within k."""
    for i, doc in enumerate(ranked[:k]):
        if grades.get(doc, 0) >= RELEVANT:
            return 1.0 / (i + 1)
    return 0.0


def recall(ranked: list[str], grades: dict[str, int], k: int = 100) -> float:
    """Return the share of documents graded 1 or more found within k."""
    wanted = {d for d, g in grades.items() if g > 0}
    return len(wanted & set(ranked[:k])) / len(wanted) if wanted else 1.0


def telusur_engine(index_dir: Path, stemmer: str) -> Callable[[str], list[str]]:
    """Return a function ranking ids for a query with Telusur's engine."""
    ix = open_index(index_dir, stemmer=stemmer)

    def run(query: str) -> list[str]:
        with ix.searcher() as searcher:
            try:
                response = searcher.search(SearchRequest(query=query, per_page=100,
                                                         facets=False, snippets=False))
            except QueryError:
                return []
        return [hit.id for hit in response.hits]

    return run


def evaluate(name: str, engine: Callable[[str], list[str]], judged: list[Judged]) -> dict:
    """Return per-kind and overall mean metrics of one engine."""
    by_kind: dict[str, list[tuple[float, float, float]]] = defaultdict(list)
    for item in judged:
        ranked = engine(item.query)
        scores = (ndcg(ranked, item.grades), mrr(ranked, item.grades),
                  recall(ranked, item.grades))
        by_kind[item.kind].append(scores)
        by_kind["overall"].append(scores)
    return {kind: tuple(sum(col) / len(rows) for col in zip(*rows, strict=True))
            for kind, rows in by_kind.items()}


def print_table(results: dict[str, dict], judged: list[Judged]) -> None:
    """Print metrics side by side and emit RESULT lines."""
    kinds = [*sorted({j.kind for j in judged}), "overall"]
    counts = {k: sum(1 for j in judged if j.kind == k) for k in kinds}
    counts["overall"] = len(judged)
    names = list(results)
    print(f"{'kind':12} {'n':>3}  " + "  ".join(f"{n:>26}" for n in names))
    print(f"{'':12} {'':>3}  " + "  ".join(f"{'nDCG@10  MRR@10  R@100':>26}" for _ in names))
    for kind in kinds:
        cells = []
        for name in names:
            n, m, r = results[name].get(kind, (0.0, 0.0, 0.0))
            cells.append(f"{n:8.3f} {m:7.3f} {r:7.3f}   ")
        print(f"{kind:12} {counts[kind]:3}  " + "  ".join(f"{c:>26}" for c in cells))
    for name in names:
        for kind in kinds:
            n, m, r = results[name][kind]
            goal_n = ">= 0.80" if (name == "telusur" and kind == "overall") else ""
            goal_m = "= 1.0" if (name == "telusur" and kind == "citation") else ""
            result(BENCH, f"{name} {kind} nDCG@10 (n={counts[kind]})", round(n, 3), "", goal_n)
            result(BENCH, f"{name} {kind} MRR@10", round(m, 3), "", goal_m)
            result(BENCH, f"{name} {kind} Recall@100", round(r, 3))


def main() -> int:
    """Build (or reuse) both indexes and print the relevance table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--index", type=Path, help="reuse a Telusur index built from the corpus")
    parser.add_argument("--plain", type=Path, help="reuse a plain Whoosh index of the corpus")
    parser.add_argument("--keep", type=Path, help="build into DIR and keep it")
    args = parser.parse_args()
    require_shared()
    judged = load_judgments()
    work = args.keep or Path(tempfile.mkdtemp(prefix="telusur-bench-relevance-"))
    ours, plain = args.index, args.plain
    if ours is None or plain is None:
        documents = list(load_documents())
        if ours is None:
            ours = work / "telusur"
            build_index(ours, documents, procs=2)
        if plain is None:
            plain = work / "plain"
            build_plain(plain, documents)
    plain_searcher = PlainSearcher(plain)
    results = {
        "telusur": evaluate("telusur", telusur_engine(ours, "sastrawi"), judged),
        "no-stemming": evaluate("no-stemming", telusur_engine(ours, "none"), judged),
        "plain-whoosh": evaluate("plain", lambda q: plain_searcher.search(q, limit=100), judged),
    }
    print(f"{len(judged)} judged queries, "
          f"{sum(len(j.grades) for j in judged)} graded documents")
    print_table(results, judged)
    return 0


if __name__ == "__main__":
    sys.exit(main())
