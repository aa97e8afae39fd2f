"""The document store: every extracted document, one SQLite file in the data dir.

The index is always rebuildable from here. Every write bumps a sequence number, so the index
can ask for what changed since it last looked (`changes_since`) and update incrementally.
Extractions of the same document are merged on write (see `corpus.merge`).
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from corpus.errors import StoreError
from corpus.merge import merge_documents
from corpus.model import Document

_SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY,
    seq INTEGER NOT NULL,
    kind TEXT NOT NULL,
    body TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_seq ON documents(seq);
CREATE TABLE IF NOT EXISTS deleted (id TEXT PRIMARY KEY, seq INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS counter (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
INSERT OR IGNORE INTO counter VALUES ('seq', 0);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


@dataclass(frozen=True, slots=True)
class Changes:
    """What changed in the store after a sequence number."""

    documents: tuple[Document, ...]
    deleted: tuple[str, ...]
    last_seq: int


class DocumentStore:
    """Read and write extracted documents in `<data>/documents/documents.sqlite`."""

    FILENAME = "documents.sqlite"

    def __init__(self, directory: Path | str) -> None:
        self.directory = Path(directory)
        self.path = self.directory / self.FILENAME
        self._lock = threading.Lock()
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.executescript(_SCHEMA)
        except (OSError, sqlite3.DatabaseError) as exc:
            raise StoreError(f"cannot open the document store at {self.path}: {exc}") from exc

    def close(self) -> None:
        """Close the database connection."""
        self._db.close()

    def __enter__(self) -> DocumentStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def put(self, document: Document, *, merge: bool = True) -> bool:
        """Store a document, merged with an earlier one of the same id; return True if changed."""
        return self.put_many([document], merge=merge) == 1

    def put_many(self, documents: Iterable[Document], *, merge: bool = True) -> int:
        """Store documents in one transaction; return how many changed."""
        changed = 0
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                for doc in documents:
                    changed += self._put_one(doc, merge)
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
        return changed

    def _put_one(self, doc: Document, merge: bool) -> int:
        row = self._db.execute("SELECT body FROM documents WHERE id = ?", (doc.id,)).fetchone()
        if row is not None:
            old = Document.from_dict(json.loads(row[0]))
            if merge:
                doc = merge_documents(old, doc)
            if doc == old:
                return 0
        seq = self._next_seq()
        body = json.dumps(doc.to_dict(), ensure_ascii=False)
        self._db.execute(
            "INSERT OR REPLACE INTO documents(id, seq, kind, body) VALUES (?, ?, ?, ?)",
            (doc.id, seq, doc.kind, body),
        )
        self._db.execute("DELETE FROM deleted WHERE id = ?", (doc.id,))
        return 1

    def _next_seq(self) -> int:
        self._db.execute("UPDATE counter SET value = value + 1 WHERE name = 'seq'")
        return int(self._db.execute("SELECT value FROM counter WHERE name = 'seq'").fetchone()[0])

    def delete(self, doc_id: str) -> bool:
        """Remove a document; return True if it existed."""
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            cur = self._db.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
            if cur.rowcount:
                self._db.execute(
                    "INSERT OR REPLACE INTO deleted(id, seq) VALUES (?, ?)",
                    (doc_id, self._next_seq()),
                )
            self._db.execute("COMMIT")
            return bool(cur.rowcount)

    def get(self, doc_id: str) -> Document | None:
        """Return the document with this id, or None."""
        row = self._db.execute("SELECT body FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return Document.from_dict(json.loads(row[0])) if row else None

    def __iter__(self) -> Iterator[Document]:
        """Yield every document in id order."""
        for (body,) in self._db.execute("SELECT body FROM documents ORDER BY id"):
            yield Document.from_dict(json.loads(body))

    def __len__(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM documents").fetchone()[0])

    def last_seq(self) -> int:
        """Return the sequence number of the latest write."""
        return int(self._db.execute("SELECT value FROM counter WHERE name = 'seq'").fetchone()[0])

    def get_meta(self, key: str, default: str | None = None) -> str | None:
        """Return a bookkeeping value (e.g. how far the raw archive has been extracted)."""
        row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def set_meta(self, key: str, value: str) -> None:
        """Set a bookkeeping value."""
        with self._lock:
            self._db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, value))

    def changes_since(self, seq: int) -> Changes:
        """Return documents written and ids deleted after `seq`."""
        last = self.last_seq()
        docs = tuple(
            Document.from_dict(json.loads(body))
            for (body,) in self._db.execute(
                "SELECT body FROM documents WHERE seq > ? AND seq <= ? ORDER BY seq", (seq, last)
            )
        )
        deleted = tuple(
            doc_id
            for (doc_id,) in self._db.execute(
                "SELECT id FROM deleted WHERE seq > ? AND seq <= ?", (seq, last)
            )
        )
        return Changes(docs, deleted, last)
