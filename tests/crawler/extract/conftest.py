"""Fixtures for the extraction tests: fixture pages, the shared data, and PDFs made here."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]
FIXTURES = REPO / "tests" / "fixtures" / "pages"
SHARED = REPO / ".." / "shared"


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def build_pdf(pages: list[list[tuple[float, float, str]]], *, image_only: bool = False) -> bytes:
    """Return a small PDF: each page is a list of (x, y, text) lines in Helvetica 10 pt.

    With `image_only` every page carries only a drawn rectangle and no text layer, like a scan.
    """
    objects: list[bytes] = []
    kids = []
    font_id = 3
    for index, lines in enumerate(pages):
        page_id = 4 + index * 2
        content_id = page_id + 1
        kids.append(f"{page_id} 0 R")
        if image_only:
            stream = b"0.5 g 50 50 500 700 re f"
        else:
            ops = [f"BT /F1 10 Tf 1 0 0 1 {x} {y} Tm ({_escape(t)}) Tj ET" for x, y, t in lines]
            stream = "\n".join(ops).encode("latin-1")
        objects.append(
            f"{page_id} 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            f"/Resources << /Font << /F1 {font_id} 0 R >> >> /Contents {content_id} 0 R >> "
            f"endobj\n".encode()
        )
        objects.append(
            f"{content_id} 0 obj << /Length {len(stream)} >> stream\n".encode()
            + stream + b"\nendstream endobj\n"
        )
    head = [
        b"1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n",
        f"2 0 obj << /Type /Pages /Kids [{' '.join(kids)}] /Count {len(pages)} >> endobj\n"
        .encode(),
        b"3 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
        b"/Encoding /WinAnsiEncoding >> endobj\n",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for obj in head + objects:
        offsets.append(out.tell())
        out.write(obj)
    xref = out.tell()
    out.write(f"xref\n0 {len(offsets) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(f"trailer << /Size {len(offsets) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
              .encode())
    return out.getvalue()


def build_scan(body: bytes, dpi: int = 200) -> bytes:
    """Return an image-only copy of a PDF: each page rendered to a grayscale image, no text."""
    import pypdfium2 as pdfium

    source, scan = pdfium.PdfDocument(body), pdfium.PdfDocument.new()
    try:
        for index in range(len(source)):
            page = source[index]
            width, height = page.get_size()
            bitmap = page.render(scale=dpi / 72, grayscale=True)
            target = scan.new_page(width, height)
            image = pdfium.PdfImage.new(scan)
            image.set_bitmap(bitmap)
            image.set_matrix(pdfium.PdfMatrix().scale(width, height))
            target.insert_obj(image)
            target.gen_content()
        out = io.BytesIO()
        scan.save(out)
        return out.getvalue()
    finally:
        scan.close()
        source.close()


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
