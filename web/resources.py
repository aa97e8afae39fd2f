"""Per-request access to the data dir: the searcher, the document store and the raw archive.

Like flaskr's `get_db`, each resource is opened lazily on first use in a request, kept on `g`
and closed at teardown: Whoosh searchers are one per thread, and SQLite connections are cheap.
The `SearchIndex` itself is opened once per app and reused; a missing or mismatched index is
not cached, so the app recovers as soon as `telusur index` has run.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from pathlib import Path
from typing import Any

from flask import Flask, current_app, g

from corpus import Document, DocumentStore, StoreError
from web.errors import UnavailableError

log = logging.getLogger(__name__)

_EXT_KEY = "telusur.index"
_LOCK = threading.Lock()


def data_dir() -> Path:
    """Return the app's data dir."""
    return Path(current_app.config["DATA_DIR"])


def _open_index() -> Any:
    from index import open_index
    from index.errors import TelusurIndexError

    with _LOCK:
        ix = current_app.extensions.get(_EXT_KEY)
        if ix is not None:
            return ix
        try:
            ix = open_index(data_dir() / "index")
        except TelusurIndexError as exc:
            raise UnavailableError(str(exc), code=_error_code(exc)) from exc
        current_app.extensions[_EXT_KEY] = ix
        return ix


def _error_code(exc: Exception) -> str:
    name = type(exc).__name__
    return {
        "IndexMissingError": "index_missing",
        "SchemaVersionError": "index_schema_mismatch",
        "IndexLockedError": "index_locked",
        "IndexCorruptError": "index_damaged",
    }.get(name, "index_unavailable")


def get_searcher() -> Any:
    """Return this request's searcher, opening the index on first use."""
    if "searcher" not in g:
        from index.errors import TelusurIndexError

        ix = _open_index()
        try:
            manager = ix.searcher()
            g.searcher = manager.__enter__()
        except TelusurIndexError as exc:
            current_app.extensions.pop(_EXT_KEY, None)
            raise UnavailableError(str(exc), code=_error_code(exc)) from exc
        g.searcher_manager = manager
    return g.searcher


def index_info() -> dict[str, Any]:
    """Return what the open index says about itself (schema, build and update times)."""
    state = getattr(_open_index(), "state", None)
    if state is None:
        return {}
    info: dict[str, Any] = {}
    for name in ("schema_version", "store_seq", "built_at", "updated_at"):
        value = getattr(state, name, None)
        info[name] = value.isoformat() if isinstance(value, dt.date) else value
    return info


def get_store() -> DocumentStore:
    """Return this request's connection to the document store."""
    if "store" not in g:
        try:
            g.store = DocumentStore(data_dir() / "documents")
        except StoreError as exc:
            raise UnavailableError(str(exc), code="store_unavailable") from exc
    return g.store


def get_document(doc_id: str) -> Document | None:
    """Return the full document with this id from the store, or None."""
    try:
        return get_store().get(doc_id)
    except (StoreError, ValueError) as exc:
        log.warning("cannot read document %s: %s", doc_id, exc)
        return None


def get_raw_record(archive_ref: str) -> Any | None:
    """Return the archived raw response behind a document, or None when it is not kept."""
    try:
        from crawler import RawArchive
    except ImportError:
        return None
    try:
        return RawArchive(data_dir() / "crawl").get(archive_ref)
    except Exception as exc:  # an unreadable archive is a missing copy, not a crashed page
        log.warning("cannot read archived copy %s: %s", archive_ref, exc)
        return None


def _teardown(exc: BaseException | None) -> None:
    manager = g.pop("searcher_manager", None)
    g.pop("searcher", None)
    if manager is not None:
        manager.__exit__(None, None, None)
    store = g.pop("store", None)
    if store is not None:
        store.close()


def init_app(app: Flask) -> None:
    """Close per-request resources when the app context ends."""
    app.teardown_appcontext(_teardown)
