"""A tiny PDF writer for the demo site: text pages in standard Helvetica, WinAnsi encoding.

It exists so the demo can ship real, text-layer PDFs without another dependency. Output is
deterministic (no dates, no random ids), so re-rendering the site gives identical bytes.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

PAGE_WIDTH = 595  # A4 in points
PAGE_HEIGHT = 842
MARGIN_LEFT = 64
MARGIN_TOP = 64
MARGIN_BOTTOM = 72
FONT_SIZE = 10.5
LEADING = 14
WRAP_COLUMNS = 92


@dataclass(frozen=True, slots=True)
class PdfLine:
    """One line of output: its text, whether it is bold, and its indent in points."""

    text: str
    bold: bool = False
    indent: int = 0


def wrap_lines(paragraphs: list[tuple[str, bool]]) -> list[PdfLine]:
    """Wrap (text, bold) paragraphs to the page width, keeping hanging indents for items."""
    lines: list[PdfLine] = []
    for text, bold in paragraphs:
        if not text.strip():
            lines.append(PdfLine(""))
            continue
        stripped = text.lstrip()
        indent = (len(text) - len(stripped)) * 6
        columns = WRAP_COLUMNS - (len(text) - len(stripped))
        for piece in textwrap.wrap(stripped, width=columns) or [""]:
            lines.append(PdfLine(piece, bold, indent))
    return lines


def paginate(lines: list[PdfLine]) -> list[list[PdfLine]]:
    """Split lines into pages that fit between the margins."""
    per_page = (PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM) // LEADING
    pages = [lines[i : i + per_page] for i in range(0, len(lines), per_page)]
    return pages or [[]]


def pdf_string(text: str) -> bytes:
    """Return `text` as a PDF string literal in WinAnsi (what cp1252 cannot hold becomes "?")."""
    raw = text.encode("cp1252", errors="replace")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def _page_stream(lines: list[PdfLine], footer: str) -> bytes:
    out = [b"BT"]
    y = PAGE_HEIGHT - MARGIN_TOP
    for line in lines:
        if line.text:
            font = b"/F2" if line.bold else b"/F1"
            x = MARGIN_LEFT + line.indent
            out.append(font + b" %.1f Tf 1 0 0 1 %d %d Tm " % (FONT_SIZE, x, y)
                       + pdf_string(line.text) + b" Tj")
        y -= LEADING
    out.append(b"/F1 8 Tf 1 0 0 1 %d %d Tm " % (MARGIN_LEFT, MARGIN_BOTTOM - 30)
               + pdf_string(footer) + b" Tj")
    out.append(b"ET")
    return b"\n".join(out) + b"\n"


def render_pdf(paragraphs: list[tuple[str, bool]], title: str, footer: str) -> bytes:
    """Return the bytes of a PDF whose pages hold the wrapped paragraphs.

    `footer` is printed on every page followed by "halaman n dari N".
    """
    pages = paginate(wrap_lines(paragraphs))
    objects: list[bytes] = []
    # 1 catalog, 2 pages tree, 3 regular font, 4 bold font, 5 info, then page + content pairs.
    kids = " ".join(f"{6 + 2 * i} 0 R" for i in range(len(pages)))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode())
    for _number, name in ((3, b"Helvetica"), (4, b"Helvetica-Bold")):
        objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /" + name
                       + b" /Encoding /WinAnsiEncoding >>")
    objects.append(b"<< /Title " + pdf_string(title)
                   + b" /Producer (Telusur demo generator) >>")
    for index, page_lines in enumerate(pages):
        content_ref = 7 + 2 * index
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_WIDTH} {PAGE_HEIGHT}] "
            f"/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents {content_ref} 0 R >>"
            .encode()
        )
        stream = _page_stream(page_lines, f"{footer} - halaman {index + 1} dari {len(pages)}")
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"endstream")
    return assemble_pdf(objects, info=5)


def assemble_pdf(objects: list[bytes], *, info: int | None = None) -> bytes:
    """Return a PDF file of `objects` (numbered from 1, the first one the catalog).

    `info` is the number of the document-information object, when there is one. Offsets and
    the cross-reference table are computed here, so callers write only the objects' bodies.
    """
    body = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, obj in enumerate(objects, start=1):
        offsets.append(len(body))
        body += b"%d 0 obj\n" % number + obj + b"\nendobj\n"
    xref_at = len(body)
    body += b"xref\n0 %d\n" % (len(objects) + 1)
    body += b"0000000000 65535 f \n"
    for offset in offsets:
        body += b"%010d 00000 n \n" % offset
    info_ref = b" /Info %d 0 R" % info if info else b""
    body += b"trailer\n<< /Size %d /Root 1 0 R%s >>\n" % (len(objects) + 1, info_ref)
    body += b"startxref\n%d\n%%%%EOF\n" % xref_at
    return bytes(body)
