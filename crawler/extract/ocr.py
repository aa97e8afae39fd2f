"""OCR of image-only (scanned) PDF pages with tesseract, when it is installed.

tesseract with its Indonesian data (Debian: `tesseract-ocr tesseract-ocr-ind`) is an optional
dependency: without it, or with `TELUSUR_OCR=0`, nothing here runs and scans stay flagged
`needs_ocr`. Pages are rendered in memory with pypdfium2, written as a PGM image and piped to
`tesseract stdin stdout`: no temporary files, no network, so extraction stays pure. Each page has
a timeout, a document has a page cap and a time budget, and nothing here raises: a page that
fails comes back with empty text and the reason.

Page texts can be remembered between runs: the caller installs a cache (anything with
`get(key)` and `put(key, text)`, e.g. `corpus.ocrcache.OcrTextCache`) with `use_ocr_cache`, and
each page is keyed by the PDF's SHA-256, the page number and everything that shapes the output
(tesseract's version and language data files, languages, page mode, options, resolution,
pypdfium2, `OCR_REVISION`). A re-extraction of the same scan then costs no OCR. This module
never opens the cache itself, so extraction stays pure.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import logging
import os
import re
import shutil
import subprocess
import time
import unicodedata
from collections.abc import Iterator, Sequence
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Protocol

log = logging.getLogger(__name__)

OCR_SWITCH = "TELUSUR_OCR"  # "0" (or "false", "no", "off") turns OCR off
MAX_OCR_PAGES = 60  # pages read per document; the rest of a longer scan keeps no text
PAGE_TIMEOUT = 120.0  # seconds for one page
DOCUMENT_BUDGET = 1800.0  # seconds for one document; pages after it are left unread
# A page is rendered at its scan's own resolution, kept between these: tesseract wants text
# about 20 pixels high, and upsampling a coarse scan further only adds time (bench.extraction.ocr).
MIN_DPI, MAX_DPI = 200, 300
MAX_SIDE = 5000  # pixels: an oversized page (A0 plan) is rendered smaller
PAGE_MODE = "3"  # fully automatic page segmentation, no orientation detection
# Heavy noise removal: a scan's specks otherwise come out as "|", "'" and "." around the words,
# which hide "Pasal 3" headings from the parser; it costs nothing on clean pages (bench).
OPTIONS: tuple[str, ...] = ("-c", "textord_heavy_nr=1")
_OFF = {"0", "false", "no", "off"}
# Part of every cache key: bump it whenever rendering (`render_page`, `scan_dpi`) or the
# cleaning of tesseract's output (`clean_text`) changes, so remembered pages are read afresh.
OCR_REVISION = 2  # 2: pages read upside down or sideways are turned and read again
# A page read as text with almost none of the commonest words of an Indonesian or English
# regulation was scanned upside down or sideways (tesseract turns text at 90 degrees itself,
# not at 180 or 270): its orientation is asked for (tesseract --psm 0) and the page read again
# turned, when tesseract is at least this sure of it.
MIN_WORDS_TO_JUDGE = 20
MIN_COMMON_SHARE = 0.03
MIN_TURN_CONFIDENCE = 2.0
_COMMON = frozenset((
    "dan", "yang", "di", "ke", "dari", "dalam", "dengan", "untuk", "atau", "pada", "ini", "itu",
    "tentang", "pasal", "ayat", "nomor", "tahun", "oleh", "sebagai", "adalah", "tidak", "serta",
    "bahwa", "the", "of", "and", "to", "in", "for", "shall", "be", "by", "or", "on", "with"))
_TURN = re.compile(r"Rotate:\s*(?P<degrees>\d+)\s.*?Orientation confidence:\s*(?P<sure>[\d.]+)",
                   re.DOTALL)


@dataclass(frozen=True, slots=True)
class OcrEngine:
    """An installed tesseract: its command, the languages it reads with ("ind+eng"), version."""

    command: str
    languages: str
    version: str = ""  # "tesseract 5.3.0" and its language data files' sizes and times
    orientation: bool = True  # its orientation data (`osd`) is installed: pages can be turned

    @property
    def signature(self) -> str | None:
        """Return what shapes this engine's output, for cache keys; None when not known."""
        if not self.version:
            return None  # an engine that cannot say what it is: never share remembered pages
        return (f"r{OCR_REVISION}|{self.version}|{self.languages}|psm {PAGE_MODE}|"
                f"{' '.join(OPTIONS)}|{MIN_DPI}-{MAX_DPI} dpi, {MAX_SIDE} px|"
                f"pdfium {_pdfium_version()}")


class OcrCache(Protocol):
    """Where page texts are remembered between runs (`corpus.ocrcache.OcrTextCache`)."""

    def get(self, key: str) -> str | None: ...  # pragma: no cover - a protocol

    def put(self, key: str, text: str) -> None: ...  # pragma: no cover - a protocol


_CACHE: ContextVar[OcrCache | None] = ContextVar("telusur_ocr_cache", default=None)


@contextlib.contextmanager
def use_ocr_cache(cache: OcrCache | None) -> Iterator[None]:
    """Let OCR inside this block look up and remember page texts in `cache` (None: no cache)."""
    token = _CACHE.set(cache)
    try:
        yield
    finally:
        _CACHE.reset(token)


@dataclass(frozen=True, slots=True)
class OcrPage:
    """The OCR text of one page (1-based number); empty text with the reason when it failed."""

    number: int
    text: str
    error: str | None = None


@dataclass(frozen=True, slots=True)
class OcrResult:
    """The pages read, a one-line account of what was and was not read, and the time taken."""

    pages: tuple[OcrPage, ...]
    note: str
    seconds: float = 0.0

    @property
    def read(self) -> int:
        """Return how many pages gave text."""
        return sum(1 for page in self.pages if page.text)


def ocr_enabled() -> bool:
    """Return False when the environment switch `TELUSUR_OCR` turns OCR off."""
    return os.environ.get(OCR_SWITCH, "1").strip().lower() not in _OFF


def ocr_engine() -> OcrEngine | None:
    """Return the tesseract to use, or None when OCR is switched off or not installed."""
    return find_tesseract() if ocr_enabled() else None


@functools.cache
def find_tesseract() -> OcrEngine | None:
    """Return tesseract when it is on PATH and reads Indonesian (`ind`); asked once per process."""
    command = shutil.which("tesseract")
    if command is None:
        log.info("OCR unavailable: tesseract is not installed (apt-get install tesseract-ocr "
                 "tesseract-ocr-ind)")
        return None
    try:
        listed = _spawn([command, "--list-langs"], b"", 30.0)
    except (OSError, subprocess.SubprocessError) as exc:
        log.warning("OCR unavailable: %s --list-langs failed: %s", command, exc)
        return None
    # Older versions print the list on stderr; the first line is a heading, not a language.
    output = (listed.stdout + listed.stderr).decode("utf-8", "replace").splitlines()
    languages = {line.strip() for line in output[1:] if line.strip()}
    if "ind" not in languages:
        log.info("OCR unavailable: tesseract has no Indonesian data (apt-get install "
                 "tesseract-ocr-ind)")
        return None
    # English as a second model reads the English terms and names in regulations: on four
    # scanned UU/PP (bench.extraction.ocr) it found 25 of 25 Pasal headings where "ind" alone
    # found 23, for about a fifth more CPU per page.
    chosen = "ind+eng" if "eng" in languages else "ind"
    # The orientation data shapes the text too (a page read turned or not): it is in the version
    orientation = "osd" in languages
    data = chosen.split("+") + (["osd"] if orientation else [])
    return OcrEngine(command, chosen, _version(command, output[:1], data), orientation)


def _version(command: str, heading: list[str], languages: list[str]) -> str:
    """Return tesseract's first version line and its language data files' sizes and times.

    "" when tesseract names no version: such an engine's pages are not remembered. The data
    files count because a new `ind.traineddata` reads differently under the same version.
    """
    try:
        answer = _spawn([command, "--version"], b"", 30.0)
    except (OSError, subprocess.SubprocessError):
        return ""
    lines = (answer.stdout + answer.stderr).decode("utf-8", "replace").strip().splitlines()
    if not lines or not lines[0].strip():
        return ""
    found = re.search(r'"([^"]+)"', heading[0]) if heading else None  # the tessdata folder
    data = [_data_file(found.group(1) if found else None, language) for language in languages]
    return f"{lines[0].strip()} ({', '.join(data)})"


def _data_file(folder: str | None, language: str) -> str:
    """Return "ind <size> <mtime>" of a language's data file, "ind ?" when it cannot be seen."""
    if folder is None:
        return f"{language} ?"
    try:
        stat = os.stat(os.path.join(folder, f"{language}.traineddata"))
    except OSError:
        return f"{language} ?"
    return f"{language} {stat.st_size} {int(stat.st_mtime)}"


@functools.cache
def _pdfium_version() -> str:
    try:
        import pypdfium2

        wrapper, library = (getattr(pypdfium2, name, "?") for name in ("PYPDFIUM_INFO",
                                                                        "PDFIUM_INFO"))
        return f"{wrapper} {library}"
    except Exception:  # pragma: no cover - pypdfium2 is a dependency
        return "?"


def ocr_pdf(body: bytes, numbers: Sequence[int], engine: OcrEngine, *,
            max_pages: int = MAX_OCR_PAGES, page_timeout: float = PAGE_TIMEOUT,
            budget: float = DOCUMENT_BUDGET, dpi: int | None = None) -> OcrResult:
    """Return the OCR text of the given pages (1-based) of a PDF; never raises.

    `dpi` fixes the render resolution; by default each page's scan resolution decides it.
    """
    started = time.monotonic()
    wanted = sorted(set(numbers))
    chosen, capped = wanted[:max_pages], wanted[max_pages:]
    try:
        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(body)
    except Exception as exc:  # pdfium raises its own error types for broken files
        reason = f"cannot render the PDF: {exc or exc.__class__.__name__}"
        failed = tuple(OcrPage(n, "", reason) for n in chosen)
        return OcrResult(failed, _note(engine, failed, capped, [], max_pages, budget),
                         time.monotonic() - started)
    pages: list[OcrPage] = []
    skipped: list[int] = []
    signature = engine.signature
    # Pages are keyed only when a cache is installed and the engine can say what it is
    digest = (hashlib.sha256(body).hexdigest()
              if signature is not None and _CACHE.get() is not None else None)
    try:
        for number in chosen:
            key = f"{digest}:{number}:{signature}|{dpi or 'auto'}" if digest else None
            known = _cached(key) if key else None
            if known is not None:
                pages.append(OcrPage(number, known))
                continue
            if time.monotonic() - started > budget:
                skipped.append(number)
                continue
            page = _read_page(pdf, number, engine, page_timeout, dpi)
            pages.append(page)
            if key and page.error is None:  # a blank page is remembered too
                _remember(key, page.text)
    finally:
        pdf.close()
    return OcrResult(tuple(pages), _note(engine, pages, capped, skipped, max_pages, budget),
                     time.monotonic() - started)


def _cached(key: str) -> str | None:
    """Return a remembered page text, or None (no cache installed, or nothing remembered)."""
    cache = _CACHE.get()
    if cache is None:
        return None
    try:
        return cache.get(key)
    except Exception as exc:  # a damaged or locked cache costs time, never the text
        _give_up(exc)
        return None


def _remember(key: str, text: str) -> None:
    cache = _CACHE.get()
    if cache is None:
        return
    try:
        cache.put(key, text)
    except Exception as exc:  # the text is still returned; only the next run pays again
        _give_up(exc)


def _give_up(exc: Exception) -> None:
    """Turn the cache off for the rest of the `use_ocr_cache` block, with one warning."""
    log.warning("OCR cache turned off for this run (%s); pages are read by OCR instead", exc)
    _CACHE.set(None)  # `use_ocr_cache` restores what was installed before when its block ends


def _read_page(pdf: object, number: int, engine: OcrEngine, timeout: float,
               dpi: int | None) -> OcrPage:
    try:
        image, resolution = render_page(pdf, number, dpi)
    except Exception as exc:  # a page pdfium cannot render is one failed page, not a crash
        return OcrPage(number, "", f"cannot render the page: {exc or exc.__class__.__name__}")
    text, error = read_image(image, engine, timeout, resolution)
    if error:
        log.info("OCR of page %d failed: %s", number, error)
        return OcrPage(number, text, error)
    share = common_share(text)
    turn = page_turn(image, engine, timeout, resolution) if (
        engine.orientation and share is not None and share < MIN_COMMON_SHARE) else None
    if turn:
        try:
            turned, resolution = render_page(pdf, number, dpi, rotation=turn)
        except Exception as exc:  # the first reading stands
            log.info("page %d could not be turned: %s", number, exc)
            return OcrPage(number, text)
        again, failed = read_image(turned, engine, timeout, resolution)
        if not failed and (common_share(again) or 0.0) > (share or 0.0):
            log.info("OCR read page %d turned by %d degrees", number, turn)
            text = again
    return OcrPage(number, text)


def common_share(text: str) -> float | None:
    """Return the share of a page's words that are the commonest words of a regulation, or
    None when the page has too few words to judge (a blank page, a stamp, a signature)."""
    words = [w.lower() for w in re.findall(r"[^\W\d_]+", text)]
    if len(words) < MIN_WORDS_TO_JUDGE:
        return None
    return sum(w in _COMMON for w in words) / len(words)


def page_turn(image: bytes, engine: OcrEngine, timeout: float, dpi: int) -> int | None:
    """Return the degrees (90, 180, 270) to turn a page image so its text stands upright, as
    tesseract's orientation detection says when it is sure enough; None otherwise (upright, no
    orientation data installed, too little text, a failure)."""
    args = [engine.command, "stdin", "stdout", "--psm", "0", "--dpi", str(dpi)]
    try:
        done = _spawn(args, image, timeout)
    except (OSError, subprocess.SubprocessError) as exc:
        log.info("no orientation: %s", exc)
        return None
    found = _TURN.search(done.stdout.decode("utf-8", "replace")) if done.returncode == 0 else None
    if found is None:
        return None
    degrees = int(found.group("degrees"))
    if degrees not in (90, 180, 270) or float(found.group("sure")) < MIN_TURN_CONFIDENCE:
        return None
    return degrees


def render_page(pdf: object, number: int, dpi: int | None = None,
                rotation: int = 0) -> tuple[bytes, int]:
    """Return a page (1-based) of an open pypdfium2 document as a grayscale PGM, and its dpi.

    Without `dpi` the page is rendered at the resolution of its largest image (its scan), kept
    between MIN_DPI and MAX_DPI; an oversized page is rendered at most MAX_SIDE pixels wide.
    `rotation` turns it clockwise by 90, 180 or 270 degrees.
    """
    page = pdf[number - 1]  # type: ignore[index]
    try:
        width, height = page.get_size()
        resolution = dpi or min(MAX_DPI, max(MIN_DPI, scan_dpi(page) or MAX_DPI))
        scale = min(resolution / 72, MAX_SIDE / max(width, height, 1))
        bitmap = page.render(scale=scale, grayscale=True, rotation=rotation)
        try:
            return pnm_image(bitmap), max(1, round(scale * 72))
        finally:
            bitmap.close()
    finally:
        page.close()


def scan_dpi(page: object) -> int | None:
    """Return the resolution of the largest image on a page (its scan), or None without one."""
    import pypdfium2.raw as pdfium_c

    best, resolution = 0.0, None
    try:
        kinds = [pdfium_c.FPDF_PAGEOBJ_IMAGE]
        for image in page.get_objects(filter=kinds):  # type: ignore[attr-defined]
            left, bottom, right, top = image.get_bounds()
            area = (right - left) * (top - bottom)
            if area > best and right - left > 1:
                # pypdfium2 5 renamed PdfImage.get_size to get_px_size.
                size = getattr(image, "get_px_size", None) or image.get_size
                best, resolution = area, round(size()[0] * 72 / (right - left))
    except Exception as exc:  # an odd image object must not cost the page: use the default
        log.debug("no scan resolution: %s", exc)
        return None
    return resolution


def pnm_image(bitmap: object) -> bytes:
    """Return a pypdfium2 bitmap (grayscale, or RGB when rendered in colour) as PGM/PPM bytes."""
    width, height = bitmap.width, bitmap.height  # type: ignore[attr-defined]
    stride, channels = bitmap.stride, bitmap.n_channels  # type: ignore[attr-defined]
    mode = bitmap.mode  # type: ignore[attr-defined]
    if (channels, mode) not in ((1, "L"), (3, "RGB")):
        raise ValueError(f"unsupported bitmap format {mode}")
    buffer = memoryview(bitmap.buffer).cast("B")  # type: ignore[attr-defined]
    row = width * channels
    # Rows are padded to the stride; PNM rows are not.
    if stride == row:
        pixels = bytes(buffer[: row * height])
    else:
        pixels = b"".join(buffer[y * stride: y * stride + row] for y in range(height))
    magic = b"P5" if channels == 1 else b"P6"
    return b"%s\n%d %d\n255\n" % (magic, width, height) + pixels


def read_image(image: bytes, engine: OcrEngine, timeout: float = PAGE_TIMEOUT,
               dpi: int = MAX_DPI) -> tuple[str, str | None]:
    """Return (text, None) for an image tesseract read, or ("", reason) when it failed."""
    args = [engine.command, "stdin", "stdout", "-l", engine.languages, "--psm", PAGE_MODE,
            "--dpi", str(dpi), *OPTIONS]
    try:
        done = _spawn(args, image, timeout)
    except subprocess.TimeoutExpired:
        return "", f"tesseract timed out after {timeout:g} s"
    except (OSError, subprocess.SubprocessError) as exc:
        return "", f"tesseract could not run: {exc}"
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        return "", f"tesseract exited with {done.returncode}: {(message or ['no message'])[-1]}"
    return clean_text(done.stdout.decode("utf-8", "replace")), None


def clean_text(text: str) -> str:
    """Return OCR output as a text layer reads: ligatures unfolded, no blank lines."""
    text = unicodedata.normalize("NFKC", text.replace("\x0c", "\n"))
    return "\n".join(" ".join(line.split()) for line in text.splitlines() if line.strip())


def _spawn(args: list[str], stdin: bytes, timeout: float) -> subprocess.CompletedProcess[bytes]:
    # One OpenMP thread: tesseract's own threads fight over a small machine's cores and made
    # a page two to five times slower here; parallel extraction scales better.
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    return subprocess.run(args, input=stdin, capture_output=True, timeout=timeout, env=env,
                          check=False)


def _note(engine: OcrEngine, pages: Sequence[OcrPage], capped: Sequence[int],
          skipped: Sequence[int], max_pages: int, budget: float) -> str:
    read = sum(1 for page in pages if page.text)
    parts = [f"OCR (tesseract, {engine.languages}) read {read} of "
             f"{len(pages) + len(capped) + len(skipped)} image pages"]
    failed = [page for page in pages if page.error]
    if failed:
        parts.append(f"{len(failed)} failed (page {failed[0].number}: {failed[0].error})")
    if capped:
        parts.append(f"pages {_span(capped)} not read (the first {max_pages} image pages only)")
    if skipped:
        parts.append(f"pages {_span(skipped)} not read (time budget of {budget:g} s spent)")
    return "; ".join(parts)


def _span(numbers: Sequence[int]) -> str:
    return str(numbers[0]) if len(numbers) == 1 else f"{numbers[0]}-{numbers[-1]}"
