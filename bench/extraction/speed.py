"""Extraction speed on one core: HTML pages/s and PDF pages/s.

Run: .venv/bin/python -m bench.extraction.speed

HTML: `extract()` (decode, parse, metadata, main text, classification, citations) over the
181 benchmark pages and the demo site's pages. PDF: `extract()` (text layer, running-header
removal, regulation parse) over the demo site's PDFs, counted in PDF pages. Time is CPU time
of this process, so other load on the machine does not count against it.
"""

from __future__ import annotations

import gzip
import time
from pathlib import Path

from bench._shared import result
from crawler.extract import extract, extract_pdf

REPO = Path(__file__).resolve().parents[2]
BENCH = REPO / ".." / "shared" / "extraction-bench" / "scrapinghub-aeb" / "html"
DEMO = REPO / "corpus" / "demo" / "site"


def _html_pages() -> list[bytes]:
    pages = [gzip.decompress(p.read_bytes()) for p in sorted(BENCH.glob("*.html.gz"))]
    pages += [p.read_bytes() for p in sorted(DEMO.rglob("*.html"))]
    return pages


def _pdfs() -> list[bytes]:
    return [p.read_bytes() for p in sorted(DEMO.rglob("*.pdf"))]


def _rate(label: str, bodies: list[bytes], content_type: str, unit: str,
          units: int | None = None, rounds: int = 1) -> None:
    start = time.process_time()
    for _ in range(rounds):
        for i, body in enumerate(bodies):
            extract(body, f"https://bench.example/{i}", content_type)
    elapsed = time.process_time() - start
    count = (units if units is not None else len(bodies)) * rounds
    print(f"{label:<34} {count:6d} {unit:<6} {elapsed:7.2f} s CPU  {count / elapsed:8.1f} {unit}/s")
    goal = ">= 100" if "PDF" in label else ">= 20"
    result("extraction", f"speed, {label}", round(count / elapsed, 1), f"{unit}/s CPU", goal)


def main() -> None:
    """Print pages per second of CPU time for HTML and PDF extraction."""
    html = _html_pages()
    if html:
        mean_kb = sum(len(b) for b in html) / len(html) / 1024
        _rate(f"HTML pages (mean {mean_kb:.0f} kB)", html, "text/html", "pages")
    pdfs = _pdfs()
    if pdfs:
        pages = sum(extract_pdf(b).page_count for b in pdfs)
        _rate("PDF (demo regulations)", pdfs, "application/pdf", "pages", pages, rounds=20)
    else:
        print("no PDFs found in the demo site")


if __name__ == "__main__":
    main()
