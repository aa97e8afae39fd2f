"""Extraction: raw response bytes -> `corpus.Document`. Pure: no network, no disk.

`extract` is the entry point of the pipeline (ARCHITECTURE.md); `extract_all` also splits
multi-record inputs (JDIHN JSON feeds) into one Document per record. The pieces are public
too: `decode_html`, `extract_pdf`, `parse_regulation`, `find_citations`, `parse_date_id`.
None of them raises on bad input.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from corpus.model import Document
from crawler.extract.citations import find_citations, fix_ocr_digits
from crawler.extract.dates import parse_date_id
from crawler.extract.detail import label_pairs, read_label_values
from crawler.extract.document import extract_documents, page_main_text
from crawler.extract.encoding import decode_html
from crawler.extract.errors import DecodeError, ExtractError, PdfError
from crawler.extract.maintext import MainText, extract_main_text, parse_html
from crawler.extract.metadata import read_metadata
from crawler.extract.ocr import OcrCache, use_ocr_cache
from crawler.extract.pdf import PdfText, extract_pdf
from crawler.extract.regulation import ParsedRegulation, parse_regulation

__all__ = [
    "DecodeError",
    "ExtractError",
    "MainText",
    "OcrCache",
    "ParsedRegulation",
    "PdfError",
    "PdfText",
    "decode_html",
    "extract",
    "extract_all",
    "extract_main_text",
    "extract_pdf",
    "find_citations",
    "fix_ocr_digits",
    "main_text",
    "parse_date_id",
    "parse_regulation",
    "use_ocr_cache",
]


def extract(
    body: bytes,
    url: str,
    content_type: str | None = None,
    *,
    hints: Mapping[str, Any] | None = None,
) -> Document | None:
    """Return the Document a response body holds, or None when it is not one document.

    None means: not a document (a listing, a navigation-only page, empty or binary junk, an
    unreadable PDF) or several documents (a JDIHN feed: use `extract_all`). Never raises.
    """
    docs = extract_documents(body, url, content_type, hints)
    return docs[0] if len(docs) == 1 and docs[0].origin != "feed" else None


def extract_all(
    body: bytes,
    url: str,
    content_type: str | None = None,
    *,
    hints: Mapping[str, Any] | None = None,
) -> list[Document]:
    """Return every Document a body holds: one per JDIHN feed record, else 0 or 1. Never raises."""
    return extract_documents(body, url, content_type, hints)


def main_text(html: str | bytes, content_type: str | None = None,
              hints: Mapping[str, Any] | None = None) -> str:
    """Return only the main text of an HTML page (benchmarks and quick use).

    As in `extract`, the page's own headline (og:title, JSON-LD, <h1>) is left out of the text
    when the main text repeats it; unlike `extract`, a detail page keeps its metadata block.
    """
    text = decode_html(html, content_type) if isinstance(html, bytes) else html
    try:
        root = parse_html(text)
        headline = read_metadata(root, "").headline
        pairs = label_pairs(root)
        fields = read_label_values(root, pairs)
        return page_main_text(root, hints or {}, headline, pairs, fields, prune=False).text
    except Exception:  # never raise on hostile markup
        return ""
