"""Page texts read by OCR, remembered between runs (`data/ocr/pages.sqlite`).

OCR costs seconds a page, and a re-extraction (after a parser upgrade: move `documents/` aside,
`telusur index --rebuild`) would read every scan again. The pipeline installs this cache around
extraction (`crawler.extract.ocr.use_ocr_cache`); OCR keys each page by the PDF's SHA-256, the
page number and the engine's settings, so a changed scan or another tesseract reads afresh.
The cache is derived data: deleting the folder only makes the next run slower.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
from pathlib import Path

from corpus.errors import StoreError

FILE_NAME = "pages.sqlite"


class OcrTextCache:
    """A key -> page text table in SQLite; `get` and `put` as `crawler.extract.ocr` expects."""

    def __init__(self, folder: Path) -> None:
        self.path = Path(folder) / FILE_NAME
        self._lock = threading.Lock()
        self._db: sqlite3.Connection | None = None  # opened on first use: most runs read no scan

    def _open(self) -> sqlite3.Connection:
        if self._db is None:
            db = None
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None,
                                     timeout=30.0)
                db.execute("PRAGMA journal_mode=WAL")
                db.execute("CREATE TABLE IF NOT EXISTS ocr_pages (key TEXT PRIMARY KEY, "
                           "text TEXT NOT NULL, stored_at TEXT NOT NULL)")
            except (OSError, sqlite3.Error) as exc:
                if db is not None:
                    db.close()
                raise StoreError(f"cannot open the OCR cache {self.path}: {exc}; delete the "
                                 "folder to start it afresh (it only saves time)") from exc
            self._db = db
        return self._db

    def get(self, key: str) -> str | None:
        """Return the page text stored under `key`, or None."""
        with self._lock:
            row = self._open().execute("SELECT text FROM ocr_pages WHERE key = ?",
                                       (key,)).fetchone()
        return row[0] if row else None

    def put(self, key: str, text: str) -> None:
        """Store a page text (a later read of the same key replaces it)."""
        stamp = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        with self._lock:
            self._open().execute("INSERT OR REPLACE INTO ocr_pages (key, text, stored_at) "
                             "VALUES (?, ?, ?)", (key, text, stamp))

    def __len__(self) -> int:
        with self._lock:
            return int(self._open().execute("SELECT COUNT(*) FROM ocr_pages").fetchone()[0])

    def close(self) -> None:
        """Close the database (if it was opened)."""
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None

    def __enter__(self) -> OcrTextCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
