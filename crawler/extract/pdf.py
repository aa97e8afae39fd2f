"""PDF text: per page, page numbers kept, two-column pages read column by column.

pypdfium2 does the work; pypdf is the fallback when pdfium cannot open a file. Page headers
and footers that repeat on most pages (running titles, "- 3 -" page numbers) are removed so
they do not end up inside a Pasal. Image-only (scanned) PDFs are read by OCR when tesseract is
installed (`ocr`); otherwise, or when OCR reads nothing, they come back flagged `needs_ocr`.
"""

from __future__ import annotations

import io
import logging
import re
from collections import Counter
from dataclasses import dataclass

from corpus.model import Page
from crawler.extract.errors import PdfError
from crawler.extract.ocr import OcrEngine, ocr_engine, ocr_pdf

log = logging.getLogger(__name__)

MAX_PAGES = 2000
_MIN_CHARS_PER_PAGE = 8  # a page with less text than this has no usable text layer
_PAGE_NUMBER = re.compile(
    r"^\s*(?:[-–—]\s*)?(?:hal(?:aman)?\.?\s*|page\s*)?\d{1,4}(?:\s*(?:dari|of|/)\s*\d{1,4})?"
    r"(?:\s*[-–—])?\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class PdfText:
    """The text of a PDF: pages (1-based numbers), OCR flags, and an error if unreadable.

    `needs_ocr`: a scan with no text (no OCR, or OCR read nothing); `ocr`: page text was read
    by OCR; `ocr_note`: what OCR read and what not, and why (set whenever OCR ran).
    """

    pages: tuple[Page, ...] = ()
    needs_ocr: bool = False
    error: str | None = None
    title: str | None = None
    page_count: int = 0
    ocr: bool = False
    ocr_note: str | None = None

    @property
    def text(self) -> str:
        """Return all pages joined by blank lines."""
        return "\n\n".join(p.text for p in self.pages if p.text)


def is_pdf(body: bytes, content_type: str | None = None) -> bool:
    """Return True when the bytes (or their content type) say PDF."""
    if body[:1024].lstrip().startswith(b"%PDF") or b"%PDF-" in body[:1024]:
        return True
    return bool(content_type and "pdf" in content_type.lower())


def extract_pdf(body: bytes, *, ocr: bool = True) -> PdfText:
    """Return the text of every page; never raises (an unreadable PDF has `error` set).

    An image-only PDF is read by OCR when `ocr` is True and tesseract is available.
    """
    if not body:
        return PdfText(error="empty body: no PDF to read")
    if b"%PDF" not in body[:1024]:
        return PdfText(error="not a PDF: the body does not start with %PDF")
    try:
        raw_pages, title, count = _read_pdfium(body)
    except Exception as exc:  # pdfium raises its own error types for broken files
        log.debug("pdfium failed (%s); trying pypdf", exc)
        try:
            raw_pages, title, count = _read_pypdf(body)
        except Exception as exc2:
            reason = str(exc2) or exc2.__class__.__name__
            if "password" in reason.lower() or "encrypt" in reason.lower() or "password" in str(
                exc
            ).lower():
                return PdfText(error="encrypted PDF: it needs a password; ask the source for "
                               "an unprotected copy")
            return PdfText(error=f"broken PDF: cannot be opened ({reason}); re-download it")
    blank = [i + 1 for i, t in enumerate(raw_pages) if len(t.strip()) < _MIN_CHARS_PER_PAGE]
    needs_ocr = count > 0 and len(blank) >= max(1, 0.8 * len(raw_pages))
    engine = ocr_engine() if needs_ocr and ocr else None
    read, note = False, None
    if engine is not None:
        raw_pages, read, note = _read_scans(body, raw_pages, blank, engine)
    cleaned = _strip_running_lines(raw_pages)
    pages = tuple(Page(number=i + 1, text=t) for i, t in enumerate(cleaned))
    # Any page OCR read makes a text to parse; the note says which pages were not read.
    return PdfText(pages=pages, needs_ocr=needs_ocr and not read, title=title,
                   page_count=count, ocr=read, ocr_note=note)


def _read_scans(body: bytes, texts: list[str], blank: list[int],
                engine: OcrEngine) -> tuple[list[str], bool, str]:
    """Return the page texts with the blank pages read by OCR, whether any was, OCR's note."""
    # Only the pages without a text layer are read; a typed cover page keeps its text.
    result = ocr_pdf(body, blank, engine)
    log.debug("%s in %.1f s", result.note, result.seconds)
    texts = list(texts)
    for page in result.pages:
        if page.text:
            texts[page.number - 1] = page.text
    return texts, result.read > 0, result.note


def _read_pdfium(body: bytes) -> tuple[list[str], str | None, int]:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(body)
    try:
        count = len(pdf)
        title = None
        try:
            title = (pdf.get_metadata_dict().get("Title") or "").strip() or None
        except Exception:
            title = None
        texts = []
        for index in range(min(count, MAX_PAGES)):
            page = pdf[index]
            try:
                texts.append(_page_text(page))
            finally:
                page.close()
        return texts, title, count
    finally:
        pdf.close()


def _page_text(page: object) -> str:
    textpage = page.get_textpage()  # type: ignore[attr-defined]
    try:
        width = page.get_width()  # type: ignore[attr-defined]
        rects = [textpage.get_rect(i) for i in range(textpage.count_rects())]
        if _two_columns(rects, width):
            return _columns_text(textpage, rects, width)
        return _normalize(textpage.get_text_range())
    finally:
        textpage.close()


def _two_columns(rects: list[tuple[float, float, float, float]], width: float) -> bool:
    if len(rects) < 12 or width <= 0:
        return False
    mid = width / 2
    left = sum(1 for r in rects if r[2] <= mid + width * 0.02)
    right = sum(1 for r in rects if r[0] >= mid - width * 0.02)
    spanning = len(rects) - left - right
    return left >= len(rects) * 0.3 and right >= len(rects) * 0.3 and spanning <= len(rects) * 0.15


def _columns_text(textpage: object, rects: list[tuple[float, float, float, float]],
                  width: float) -> str:
    mid = width / 2
    left = [r for r in rects if r[2] <= mid + width * 0.02]
    right = [r for r in rects if r[0] >= mid - width * 0.02 and r not in left]
    spanning = [r for r in rects if r not in left and r not in right]
    column_top = max((r[3] for r in left + right), default=0)
    head = [r for r in spanning if r[1] >= column_top]
    tail = [r for r in spanning if r[1] < column_top]
    lines = []
    for group in (head, left, right, tail):
        for r in sorted(group, key=lambda r: (-r[3], r[0])):
            lines.append(textpage.get_text_bounded(*r).strip())  # type: ignore[attr-defined]
    return _normalize("\n".join(line for line in lines if line))


def _read_pypdf(body: bytes) -> tuple[list[str], str | None, int]:
    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(body), strict=False)
    if reader.is_encrypted and not reader.decrypt(""):
        raise PdfError("encrypted PDF: a password is required")
    count = len(reader.pages)
    texts = [_normalize(reader.pages[i].extract_text() or "") for i in range(min(count,
                                                                                  MAX_PAGES))]
    title = None
    if reader.metadata is not None and reader.metadata.title:
        title = str(reader.metadata.title).strip() or None
    return texts, title, count


def _normalize(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    text = text.replace("\ufffe", "").replace("\x02", "-")
    text = re.sub(r"[ \t\u00a0]+", " ", text)
    return "\n".join(line.strip() for line in text.split("\n")).strip()


def _strip_running_lines(pages: list[str]) -> list[str]:
    """Remove page numbers and header/footer lines repeated on most pages."""
    edges: Counter[str] = Counter()
    split_pages = [p.split("\n") for p in pages]
    for lines in split_pages:
        seen = {_edge_key(line) for line in lines[:3] + lines[-3:] if line.strip()}
        edges.update(seen)
    threshold = max(2, round(len(pages) * 0.5))
    running = {key for key, n in edges.items() if n >= threshold and key} if len(pages) >= 3 else (
        set())
    out = []
    for lines in split_pages:
        keep = []
        for i, line in enumerate(lines):
            at_edge = i < 3 or i >= len(lines) - 3
            if at_edge and (_PAGE_NUMBER.match(line) or _edge_key(line) in running):
                continue
            keep.append(line)
        out.append("\n".join(keep).strip())
    return out


def _edge_key(line: str) -> str:
    key = re.sub(r"\d+", "#", line.strip().lower())
    # Structural headings may start many pages; they are never running headers.
    if re.match(r"(pasal|bab|bagian|paragraf|\(#\)|[a-z]\.)\s", key + " "):
        return ""
    return key
