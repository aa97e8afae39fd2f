"""Fixtures for the extraction tests: fixture pages, the shared data, and PDFs made here."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from bench.extraction.ocr import Variant, scan
from corpus.demo._pdf import assemble_pdf, pdf_string

REPO = Path(__file__).resolve().parents[3]
FIXTURES = REPO / "tests" / "fixtures" / "pages"
SHARED = REPO / ".." / "shared"


def build_pdf(pages: list[list[tuple[float, float, str]]], *, image_only: bool = False) -> bytes:
    """Return a small PDF: each page is a list of (x, y, text) lines in Helvetica 10 pt.

    With `image_only` every page carries only a drawn rectangle and no text layer, like a scan.
    """
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{' '.join(f'{4 + 2 * i} 0 R' for i in range(len(pages)))}] "
        f"/Count {len(pages)} >>".encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    for index, lines in enumerate(pages):
        if image_only:
            stream = b"0.5 g 50 50 500 700 re f"
        else:
            stream = b"\n".join(b"BT /F1 10 Tf 1 0 0 1 %g %g Tm " % (x, y) + pdf_string(t)
                                + b" Tj ET" for x, y, t in lines)
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << "
            f"/F1 3 0 R >> >> /Contents {5 + 2 * index} 0 R >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    return assemble_pdf(objects)


def build_scan(body: bytes, dpi: int = 200) -> bytes:
    """Return an image-only copy of a PDF: each page rendered to a grayscale image, no text."""
    return scan(body, Variant("clean", dpi))


def text_pages(*pages: str) -> list[list[tuple[float, float, str]]]:
    """Lay out each page's lines top to bottom in one column."""
    return [
        [(72, 740 - 14 * i, line) for i, line in enumerate(page.split("\n"))] for page in pages
    ]


@pytest.fixture
def make_pdf() -> Callable[..., bytes]:
    """Return the PDF builder."""
    return build_pdf


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
