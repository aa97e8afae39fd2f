"""Detect a damaged index before it is served: a manifest of the files, and a read check.

After every commit the generation gets `manifest.json`: each index file's size and SHA-256,
tied to Whoosh's TOC generation. Opening a generation checks the files against it (a truncated,
half-copied or bit-rotten file is found), then reads a little from every segment, so damage the
manifest cannot know about (an index older than manifests, or a kill between a commit and its
manifest) is still caught. Either way the error says what is wrong and how to mend it.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from pathlib import Path
from typing import Any

from index.errors import IndexCorruptError

log = logging.getLogger(__name__)

MANIFEST = "manifest.json"
_NOT_INDEX_DATA = ("state.json", MANIFEST)
_READ_CHUNK = 1 << 20


def _index_files(generation: Path) -> list[Path]:
    return sorted(
        p for p in generation.iterdir()
        if p.is_file() and p.name not in _NOT_INDEX_DATA
        and "WRITELOCK" not in p.name and not p.name.endswith((".lock", ".tmp"))
    )


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_READ_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def write_manifest(generation: Path, ix: Any) -> None:
    """Record the size and SHA-256 of every index file of the latest commit.

    Whoosh never rewrites a segment file, so a file whose name, size and modification time
    match the previous manifest keeps its recorded digest: an update hashes only what it wrote.
    """
    previous = _previous_files(generation)
    files = {}
    for path in _index_files(generation):
        stat = path.stat()
        entry: dict[str, Any] = {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns}
        known = previous.get(path.name)
        if known and all(known.get(k) == v for k, v in entry.items()) and known.get("sha256"):
            entry["sha256"] = known["sha256"]
        else:
            entry["sha256"] = _sha256(path)
        files[path.name] = entry
    data = {"toc_generation": int(ix.latest_generation()), "files": files}
    tmp = generation / (MANIFEST + ".tmp")
    tmp.write_text(json.dumps(data, indent=1), encoding="utf-8")
    os.replace(tmp, generation / MANIFEST)


def _previous_files(generation: Path) -> dict[str, dict[str, Any]]:
    try:
        return dict(json.loads((generation / MANIFEST).read_text(encoding="utf-8"))["files"])
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def verify_generation(generation: Path, ix: Any) -> None:
    """Raise IndexCorruptError when the generation's files or segments are damaged."""
    _check_manifest(generation, int(ix.latest_generation()))
    _check_readable(generation, ix)


def _damaged(generation: Path, what: str) -> IndexCorruptError:
    return IndexCorruptError(
        f"the index at {generation} is damaged ({what}); run `telusur index --rebuild`"
    )


def _check_manifest(generation: Path, toc_generation: int) -> None:
    try:
        data = json.loads((generation / MANIFEST).read_text(encoding="utf-8"))
        recorded = int(data["toc_generation"])
        files = dict(data["files"])
    except FileNotFoundError:
        log.warning("index %s has no manifest; checking that it reads", generation)
        return
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise _damaged(generation, f"unreadable {MANIFEST}: {exc}") from exc
    if recorded != toc_generation:
        # A writer died between its commit and the manifest: the read check still runs.
        log.warning("index %s: manifest is of commit %d, the index of %d", generation,
                    recorded, toc_generation)
        return
    for name, expected in files.items():
        path = generation / name
        if not path.is_file():
            raise _damaged(generation, f"{name} is missing")
        size = path.stat().st_size
        if size != expected["size"]:
            raise _damaged(generation, f"{name} is {size} bytes, {expected['size']} expected")
        if _sha256(path) != expected["sha256"]:
            raise _damaged(generation, f"{name} does not match its checksum")


def _check_readable(generation: Path, ix: Any) -> None:
    """Read a little from every segment: its document count, last stored fields, a term."""
    try:
        with ix.reader() as reader:
            for leaf, _ in reader.leaf_readers():
                count = leaf.doc_count_all()
                if count:
                    leaf.stored_fields(count - 1)
                for fieldname in ("doc_id",):
                    if fieldname in leaf.schema:
                        next(iter(leaf.lexicon(fieldname)), None)
    except Exception as exc:  # whoosh raises many kinds on damaged files
        raise _damaged(generation, f"{type(exc).__name__}: {exc}") from exc
