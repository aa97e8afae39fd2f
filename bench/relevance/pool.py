"""Pool candidates for judging: the union of both engines' top results, with titles.

A judging aid (the TREC pooling method): for each query in a plain list, print the top
documents of Telusur and of plain Whoosh with their titles, so a person can read and grade
them into judgments.toml. Usage: python -m bench.relevance.pool INDEX PLAIN QUERIES.txt [N]
"""

from __future__ import annotations

import sys
from pathlib import Path

from bench.relevance.__main__ import telusur_engine
from bench.relevance.baseline import PlainSearcher
from index import open_index


def main() -> int:
    """Print the pooled candidates of every query."""
    index_dir, plain_dir, queries = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
    depth = int(sys.argv[4]) if len(sys.argv) > 4 else 15
    ours = telusur_engine(index_dir, "sastrawi")
    plain = PlainSearcher(plain_dir)
    ix = open_index(index_dir)
    for line in queries.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        a, b = ours(line)[:depth], plain.search(line, limit=depth)
        print(f"\n## {line}")
        with ix.searcher() as searcher:
            for doc_id in dict.fromkeys(a + b):
                hit = searcher.get(doc_id)
                mine = f"T{a.index(doc_id) + 1:<2}" if doc_id in a else "   "
                theirs = f" P{b.index(doc_id) + 1:<2}" if doc_id in b else "    "
                tags = mine + theirs
                print(f"{tags} {doc_id:16} {hit.title[:110] if hit else '?'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
