"""OCR of scanned regulations: pages/s, word accuracy and identity, on real texts made into scans.

Run: .venv/bin/python -m bench.extraction.ocr [--docs N] [--pages N] [--languages ind|ind+eng]
     [--psm N] [--dpi N] [--options '-c name=value']

Takes N regulations spread evenly over ../shared/data/regulations/fulltext_uu_pp.jsonl.gz
(skipped cleanly when absent; nothing is copied into the repository), lays the first pages of
each out as a text PDF (Helvetica 10 pt on A4), and turns that into image-only PDFs two ways:
- clean: each page rendered at 200 dpi, like a born-digital PDF saved as images;
- scanned: 150 dpi, turned 0.6 degrees, grey paper and lighter ink, speckle noise.
`extract()` then reads each scan through tesseract (`crawler.extract.ocr`), and the bench prints:
- OCR pages/s: wall clock of `extract()` per scanned page, one page at a time as
  `telusur index` runs (CPU of tesseract included, as it is a child process);
- word F1: word-bag F1 of each page's OCR text against the words drawn on it (\\w+ tokens,
  case-folded), pooled over all pages (the source texts are themselves partly OCR'd and carry
  junk no OCR reads back, and the running-line removal drops a repeated "Cukup jelas." as it
  would from a text layer, so 100 % is out of reach);
- jenis/nomor/tahun: whether the scan's Document has the record's type, number and year, next to
  the same pages read from the text PDF (what a perfect OCR would give);
- Pasal: the share of the text PDF's Pasal units (label and page) the scan's Document also has.
Skips cleanly when tesseract with Indonesian data is not installed.
"""

from __future__ import annotations

import argparse
import functools
import io
import random
import re
import resource
import sys
import textwrap
import time
from collections import Counter
from dataclasses import dataclass

from bench._shared import FULLTEXT, iter_records, result
from bench.extraction.regulations import _LINK, _TYPES, number_matches
from corpus.demo._pdf import assemble_pdf, pdf_string
from corpus.model import Document
from crawler.extract import extract
from crawler.extract import ocr as ocr_module
from crawler.extract import pdf as pdf_module

_A4 = (595.0, 842.0)
_LINES_PER_PAGE = 54
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Variant:
    """How a text PDF is turned into a scan."""

    name: str
    dpi: int
    skew: float = 0.0  # degrees
    noise: float = 0.0  # share of pixels flipped to black or white
    degrade: bool = False  # grey paper, lighter ink
    turn: int = 0  # degrees clockwise the paper lay turned on the scanner (90, 180, 270)


VARIANTS = (Variant("clean", 200), Variant("scanned", 150, skew=0.6, noise=0.004, degrade=True),
            Variant("upside-down", 200, turn=180))


def layout(text: str, pages: int) -> list[list[str]]:
    """Return the first `pages` pages of a text as lines that fit an A4 page in 10 pt."""
    lines: list[str] = []
    for raw in text.split("\n"):
        raw = " ".join(raw.split())
        if not raw:
            continue
        # Capitals are wider than the average letter; wrap them earlier.
        width = 66 if sum(c.isupper() for c in raw) > len(raw) / 2 else 88
        lines += textwrap.wrap(raw, width) or [raw]
        if len(lines) >= pages * _LINES_PER_PAGE:
            break
    chunks = [lines[i:i + _LINES_PER_PAGE] for i in range(0, len(lines), _LINES_PER_PAGE)]
    return [[_drawable(line) for line in chunk] for chunk in chunks[:pages]]


def _drawable(line: str) -> str:
    # The PDF uses Helvetica in WinAnsi: what it cannot draw becomes "?", in the truth too.
    return line.encode("cp1252", "replace").decode("cp1252")


def text_pdf(pages: list[list[str]]) -> bytes:
    """Return a PDF whose pages draw the given lines (a text layer, Helvetica 10 pt)."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               f"<< /Type /Pages /Kids [{' '.join(f'{4 + 2 * i} 0 R' for i in range(len(pages)))}]"
               f" /Count {len(pages)} >>".encode(),
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"]
    for index, lines in enumerate(pages):
        stream = b"\n".join(b"BT /F1 10 Tf 1 0 0 1 50 %.1f Tm " % (800 - 14.5 * i)
                            + pdf_string(line) + b" Tj ET" for i, line in enumerate(lines))
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {_A4[0]:g} {_A4[1]:g}] "
                       f"/Resources << /Font << /F1 3 0 R >> >> /Contents {5 + 2 * index} 0 R >>"
                       .encode())
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    return assemble_pdf(objects)


def scan(body: bytes, variant: Variant, seed: int = 0) -> bytes:
    """Return an image-only copy of a PDF, rendered and damaged as the variant says."""
    import pypdfium2 as pdfium

    source, out = pdfium.PdfDocument(body), pdfium.PdfDocument.new()
    rng = random.Random(seed)
    try:
        for index in range(len(source)):
            page = source[index]
            width, height = page.get_size()
            bitmap = page.render(scale=variant.dpi / 72, grayscale=True, rotation=variant.turn)
            bitmap = _damaged(bitmap, variant, rng)
            if variant.turn in (90, 270):
                width, height = height, width
            target = out.new_page(width, height)
            image = pdfium.PdfImage.new(out)
            image.set_bitmap(bitmap)
            matrix = pdfium.PdfMatrix().scale(width, height)
            if variant.skew:
                matrix = matrix.rotate(variant.skew).translate(width * 0.01, -height * 0.005)
            image.set_matrix(matrix)
            target.insert_obj(image)
            target.gen_content()
        buffer = io.BytesIO()
        out.save(buffer)
        return buffer.getvalue()
    finally:
        out.close()
        source.close()


def _damaged(bitmap, variant: Variant, rng: random.Random):  # type: ignore[no-untyped-def]
    if not (variant.degrade or variant.noise):
        return bitmap
    view = memoryview(bitmap.buffer).cast("B")
    pixels = bytearray(view)
    if variant.degrade:
        # Paper at 88 % white and ink at 15 % grey instead of black: a photocopy's contrast.
        table = bytes(round(38 + v * (225 - 38) / 255) for v in range(256))
        pixels = bytearray(pixels.translate(table))
    for _ in range(int(len(pixels) * variant.noise)):
        pixels[rng.randrange(len(pixels))] = rng.choice((20, 240))
    view[:] = pixels
    return bitmap


def word_counts(found: str, truth: str) -> tuple[int, int, int]:
    """Return (words in common, words found, words true) of two texts' \\w+ tokens, case-folded."""
    got, want = Counter(_WORD.findall(found.casefold())), Counter(_WORD.findall(truth.casefold()))
    return sum((got & want).values()), sum(got.values()), sum(want.values())


def word_f1(common: int, found: int, true: int) -> float:
    """Return the word-bag F1 of `word_counts` (pooled over pages by adding them up)."""
    if not common:
        return 0.0 if found or true else 1.0
    precision, recall = common / found, common / true
    return 2 * precision * recall / (precision + recall)


def identity_right(doc: Document | None, record: dict) -> bool:
    """Return True when a Document has the record's jenis, nomor and tahun."""
    return (doc is not None and doc.doc_type == _TYPES.get(record["jenis"])
            and number_matches(doc.number, str(record["nomor"])) and doc.year == record["tahun"])


def _pasal(doc: Document | None) -> set[tuple[str, int | None]]:
    return {(p.label, p.page) for p in doc.parts if p.kind == "pasal"} if doc else set()


def _pick(count: int) -> list[dict]:
    records = list(iter_records())
    step = max(1, len(records) // count)
    return [records[i] for i in range(0, len(records), step)][:count]


def _configure(args: argparse.Namespace) -> ocr_module.OcrEngine | None:
    engine = ocr_module.find_tesseract()
    if engine is None:
        return None
    if args.languages:
        engine = ocr_module.OcrEngine(engine.command, args.languages)
        ocr_module.find_tesseract = lambda: engine  # type: ignore[assignment]
    if args.psm:
        ocr_module.PAGE_MODE = args.psm
    if args.options is not None:
        ocr_module.OPTIONS = tuple(args.options.split())
    if args.dpi:
        pdf_module.ocr_pdf = functools.partial(ocr_module.ocr_pdf, dpi=args.dpi)  # type: ignore
    return engine


def _child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    """Scan regulations, read them back by OCR, and print speed and accuracy per variant."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=8)
    parser.add_argument("--pages", type=int, default=3, help="pages laid out per regulation")
    parser.add_argument("--languages", default="", help="tesseract languages (default: ours)")
    parser.add_argument("--psm", default="", help="tesseract page mode (default: ours)")
    parser.add_argument("--dpi", type=int, default=0, help="OCR render dpi (default: ours)")
    parser.add_argument("--options", default=None,
                        help="tesseract settings, e.g. '-c textord_heavy_nr=1' (default: ours)")
    args = parser.parse_args()
    if not FULLTEXT.exists():
        print(f"SKIP: {FULLTEXT} is absent (../shared is not beside this checkout)")
        return
    engine = _configure(args)
    if engine is None or not ocr_module.ocr_enabled():
        print("SKIP: tesseract with Indonesian data is not installed (apt-get install "
              "tesseract-ocr tesseract-ocr-ind), or TELUSUR_OCR=0")
        return
    print(f"tesseract {engine.languages}, page mode {ocr_module.PAGE_MODE}, "
          f"{args.dpi or 'scan'} dpi, options {' '.join(ocr_module.OPTIONS) or '-'}; "
          f"{args.docs} regulations x {args.pages} pages")
    samples = []
    for record in _pick(args.docs):
        pages = layout(_LINK.sub(r"\1", record["text"]), args.pages)
        body = text_pdf(pages)
        url = f"https://bench.example/{record['id']}.pdf"
        samples.append((record, pages, body, url, extract(body, url, "application/pdf")))
    text_right = sum(identity_right(doc, record) for record, _, _, _, doc in samples)
    for variant in VARIANTS:
        _measure(variant, samples, text_right)


def _measure(variant: Variant, samples: list, text_right: int) -> None:
    pages_done, seconds, cpu, right, pasal_found, pasal_want = 0, 0.0, 0.0, 0, 0, 0
    words = [0, 0, 0]
    for n, (record, pages, body, url, text_doc) in enumerate(samples):
        image_pdf = scan(body, variant, seed=n)
        started, cpu_started = time.perf_counter(), time.process_time() + _child_cpu()
        doc = extract(image_pdf, url, "application/pdf")
        seconds += time.perf_counter() - started
        cpu += time.process_time() + _child_cpu() - cpu_started
        pages_done += len(pages)
        read = {p.number: p.text for p in doc.pages} if doc is not None else {}
        counts = [word_counts(read.get(i, ""), "\n".join(lines))
                  for i, lines in enumerate(pages, 1)]
        doc_words = [sum(column) for column in zip(*counts, strict=True)]
        words = [a + b for a, b in zip(words, doc_words, strict=True)]
        right += identity_right(doc, record)
        want = _pasal(text_doc)
        pasal_want += len(want)
        pasal_found += len(want & _pasal(doc))
        print(f"  {variant.name:<8} {record['id']:<24} identity "
              f"{'ok ' if identity_right(doc, record) else 'NO '} "
              f"got {doc.doc_type if doc else None} {doc.number if doc else None} "
              f"{doc.year if doc else None}; Pasal {len(want & _pasal(doc))}/{len(want)}; "
              f"word F1 {word_f1(*doc_words):.3f}")
    total = len(samples)
    rate, cpu_rate = pages_done / seconds, pages_done / cpu
    mean_f1 = word_f1(*words)
    print(f"{variant.name}: {pages_done} pages in {seconds:.1f} s ({rate:.2f} pages/s wall, "
          f"{cpu_rate:.2f} pages/s CPU); word F1 {mean_f1:.4f}; jenis/nomor/tahun "
          f"{right}/{total} (text layer {text_right}/{total}); Pasal {pasal_found}/{pasal_want}")
    label = f"OCR {variant.name} ({variant.dpi} dpi"
    label += f", skew {variant.skew:g} deg, noise" if variant.degrade else ""
    label += f", turned {variant.turn} deg)" if variant.turn else ")"
    result("extraction", f"{label} pages/s", round(rate, 2), "pages/s wall")
    result("extraction", f"{label} word F1", round(100 * mean_f1, 2), "%")
    result("extraction", f"{label} jenis+nomor+tahun correct", round(100 * right / total, 1),
           "%", f"text layer: {100 * text_right / total:.0f} %")
    if pasal_want:
        result("extraction", f"{label} Pasal found", round(100 * pasal_found / pasal_want, 1),
               "%", "of the text layer's")


if __name__ == "__main__":
    sys.exit(main())
