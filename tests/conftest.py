"""Fixtures shared by every test folder."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from corpus.demo._pdf import assemble_pdf, pdf_string


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


@pytest.fixture
def make_pdf() -> Callable[..., bytes]:
    """Return the PDF builder (`build_pdf`)."""
    return build_pdf
