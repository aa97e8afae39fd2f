"""The OCR page cache: remembered across runs, created only when used, clear when broken."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus import StoreError
from corpus.ocrcache import FILE_NAME, OcrTextCache


def test_page_texts_survive_a_reopen(tmp_path: Path) -> None:
    with OcrTextCache(tmp_path / "ocr") as cache:
        assert cache.get("a:1") is None
        cache.put("a:1", "Pasal 1\nIsi.")
        cache.put("a:1", "Pasal 1\nIsi yang dibaca ulang.")  # a later read replaces
        cache.put("a:2", "Pasal 2")
    with OcrTextCache(tmp_path / "ocr") as cache:
        assert cache.get("a:1") == "Pasal 1\nIsi yang dibaca ulang."
        assert len(cache) == 2


def test_nothing_is_created_until_a_page_is_looked_up(tmp_path: Path) -> None:
    OcrTextCache(tmp_path / "ocr").close()
    assert not (tmp_path / "ocr").exists()


def test_a_damaged_cache_file_says_what_to_do(tmp_path: Path) -> None:
    folder = tmp_path / "ocr"
    folder.mkdir()
    (folder / FILE_NAME).write_bytes(b"this is not a database" * 100)
    with OcrTextCache(folder) as cache, pytest.raises(StoreError, match="delete the folder"):
        cache.get("a:1")
