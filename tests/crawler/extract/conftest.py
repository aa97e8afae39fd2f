"""Fixtures for the extraction tests: fixture pages, the shared data, scans (`make_pdf` is in
tests/conftest.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from bench.extraction.ocr import Variant, scan

REPO = Path(__file__).resolve().parents[3]
FIXTURES = REPO / "tests" / "fixtures" / "pages"
SHARED = REPO / ".." / "shared"


def build_scan(body: bytes, dpi: int = 200, turn: int = 0) -> bytes:
    """Return an image-only copy of a PDF: each page rendered to a grayscale image, no text;
    `turn`: each page scanned turned clockwise by that many degrees."""
    return scan(body, Variant("clean", dpi, turn=turn))


def text_pages(*pages: str) -> list[list[tuple[float, float, str]]]:
    """Lay out each page's lines top to bottom in one column."""
    return [
        [(72, 740 - 14 * i, line) for i, line in enumerate(page.split("\n"))] for page in pages
    ]


@pytest.fixture
def make_scan() -> Callable[..., bytes]:
    """Return the scan maker: a PDF in, its image-only copy out."""
    return build_scan


@pytest.fixture
def layout() -> Callable[..., list[list[tuple[float, float, str]]]]:
    """Return the one-column page layout helper."""
    return text_pages


@pytest.fixture
def shared_dir() -> Path:
    """Return ../shared next to the repository root, or skip when it is absent."""
    if not SHARED.exists():
        pytest.skip("../shared is not available")
    return SHARED
