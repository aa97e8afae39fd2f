"""The plain Whoosh setup a new user would write: StandardAnalyzer, one field, default parser.

Used side by side with Telusur's engine in the relevance and speed benchmarks.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from whoosh import highlight, index
from whoosh.analysis import StandardAnalyzer
from whoosh.fields import ID, TEXT, Schema
from whoosh.qparser import QueryParser

from corpus.model import Document


def build_plain(index_dir: Path, documents: Iterable[Document], procs: int = 1) -> float:
    """Index title + text in one StandardAnalyzer field; return seconds taken."""
    started = time.perf_counter()
    index_dir.mkdir(parents=True, exist_ok=True)
    schema = Schema(id=ID(stored=True, unique=True),
                    content=TEXT(analyzer=StandardAnalyzer(), stored=True))
    ix = index.create_in(str(index_dir), schema)
    writer = ix.writer(procs=procs, limitmb=256) if procs > 1 else ix.writer(limitmb=256)
    for doc in documents:
        writer.add_document(id=doc.id, content=f"{doc.title}\n{doc.text}")
    writer.commit()
    ix.close()
    return time.perf_counter() - started


class PlainSearcher:
    """Search a plain index with Whoosh's default QueryParser."""

    def __init__(self, index_dir: Path) -> None:
        self._ix = index.open_dir(str(index_dir))
        self._searcher = self._ix.searcher()
        self._parser = QueryParser("content", self._ix.schema)

    def search(self, text: str, limit: int = 100, snippets: bool = False) -> list[str]:
        """Return ranked ids; with `snippets`, also build Whoosh highlights for the top 10."""
        try:
            query = self._parser.parse(text)
        except Exception:  # the default parser can fail on odd input: count as no results
            return []
        results: Any = self._searcher.search(query, limit=limit)
        if snippets:
            results.fragmenter = highlight.ContextFragmenter(maxchars=240, surround=60)
            for hit in results[:10]:
                hit.highlights("content")
        return [hit["id"] for hit in results]

    def close(self) -> None:
        """Close the searcher and index."""
        self._searcher.close()
        self._ix.close()
