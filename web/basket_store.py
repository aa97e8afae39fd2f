"""The evidence basket's server-side storage: one small JSON file per basket in the data dir.

A basket has no owner account: its random id sits in the signed session cookie, and its items
(a document or one Pasal, with a note) in `DATA_DIR/baskets/<id>.json`. Writes replace the file
atomically, so a crash never leaves half a basket.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import re
import secrets
import tempfile
from dataclasses import asdict, dataclass, replace
from pathlib import Path

log = logging.getLogger(__name__)

_BASKET_ID = re.compile(r"^[A-Za-z0-9_-]{16,64}$")
MAX_NOTE_CHARS = 2000


@dataclass(frozen=True, slots=True)
class Item:
    """One piece of evidence: a document, or one of its parts when `anchor` is set."""

    doc_id: str
    anchor: str | None = None
    note: str = ""
    added_at: str = ""

    @property
    def key(self) -> str:
        """Return the item's identity inside a basket."""
        return f"{self.doc_id}#{self.anchor}" if self.anchor else self.doc_id


def new_basket_id() -> str:
    """Return a fresh, unguessable basket id."""
    return secrets.token_urlsafe(18)


class BasketStore:
    """Load and save baskets under a directory."""

    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)

    def _path(self, basket_id: str) -> Path | None:
        if not _BASKET_ID.match(basket_id or ""):
            return None
        return self.directory / f"{basket_id}.json"

    def load(self, basket_id: str) -> list[Item]:
        """Return a basket's items (an unknown or unreadable basket is empty)."""
        path = self._path(basket_id)
        if path is None or not path.exists():
            return []
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            return [Item(str(r["doc_id"]), r.get("anchor") or None, str(r.get("note", "")),
                         str(r.get("added_at", ""))) for r in raw["items"]]
        except (OSError, ValueError, KeyError, TypeError) as exc:
            log.warning("basket %s is unreadable (%s); starting it afresh", basket_id, exc)
            return []

    def prune(self, max_age_days: float) -> int:
        """Delete baskets untouched for `max_age_days`; return how many went."""
        if not self.directory.is_dir():
            return 0
        cutoff = dt.datetime.now().timestamp() - max_age_days * 86400
        removed = 0
        for path in self.directory.glob("*.json"):
            try:
                if path.stat().st_mtime < cutoff:
                    path.unlink()
                    removed += 1
            except OSError:
                continue
        return removed

    def save(self, basket_id: str, items: list[Item]) -> None:
        """Replace a basket's items atomically."""
        path = self._path(basket_id)
        if path is None:
            raise ValueError("invalid basket id")
        self.directory.mkdir(parents=True, exist_ok=True)
        body = json.dumps({"items": [asdict(i) for i in items]}, ensure_ascii=False)
        fd, tmp = tempfile.mkstemp(dir=self.directory, suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(body)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


def add_item(items: list[Item], doc_id: str, anchor: str | None, limit: int) -> list[Item]:
    """Return items with a new one at the end (unchanged when present or the basket is full)."""
    new = Item(doc_id, anchor or None, "", dt.datetime.now(dt.UTC).isoformat(timespec="seconds"))
    if any(i.key == new.key for i in items) or len(items) >= limit:
        return items
    return [*items, new]


def set_note(items: list[Item], key: str, note: str) -> list[Item]:
    """Return items with the note of `key` replaced (trimmed to MAX_NOTE_CHARS)."""
    note = note.strip()[:MAX_NOTE_CHARS]
    return [replace(i, note=note) if i.key == key else i for i in items]


def move_item(items: list[Item], key: str, offset: int) -> list[Item]:
    """Return items with `key` moved up (-1) or down (+1)."""
    keys = [i.key for i in items]
    if key not in keys:
        return items
    old = keys.index(key)
    new = max(0, min(len(items) - 1, old + offset))
    moved = list(items)
    moved.insert(new, moved.pop(old))
    return moved


def remove_item(items: list[Item], key: str) -> list[Item]:
    """Return items without `key`."""
    return [i for i in items if i.key != key]
