"""OCR of scanned PDFs: tesseract when installed, the needs_ocr flag when not, never a raise."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable, Iterator
from types import SimpleNamespace

import pytest

from crawler.extract import extract, extract_pdf
from crawler.extract import ocr as ocr_module
from crawler.extract.ocr import (
    OcrEngine,
    clean_text,
    find_tesseract,
    ocr_enabled,
    ocr_pdf,
    pnm_image,
    use_ocr_cache,
)

URL = "https://jdih.contoh.example/files/perbup-7-2024-scan.pdf"
SCANNED_PAGES = (
    "BUPATI CONTOH\nPERATURAN BUPATI CONTOH\nNOMOR 7 TAHUN 2024\nTENTANG\n"
    "PENGELOLAAN AIR MINUM\nDENGAN RAHMAT TUHAN YANG MAHA ESA\nBUPATI CONTOH,\n"
    "Menimbang : a. bahwa air minum perlu dikelola;\nMEMUTUSKAN:\n"
    "Menetapkan : PERATURAN BUPATI TENTANG PENGELOLAAN AIR MINUM.\nPasal 1\n"
    "Dalam Peraturan Bupati ini yang dimaksud dengan Daerah adalah Kabupaten Contoh.",
    "Pasal 2\nAir minum dikelola oleh Perusahaan Umum Daerah.\nPasal 3\n"
    "Peraturan Bupati ini mulai berlaku pada tanggal diundangkan.\n"
    "Ditetapkan di Kota Contoh\npada tanggal 2 Maret 2024\nBUPATI CONTOH,",
)
FAKE = OcrEngine("tesseract", "ind", "tesseract 5.3.0 (ind 1 1)")


@pytest.fixture
def scan(make_pdf: Callable[..., bytes], make_scan: Callable[..., bytes],
         layout: Callable) -> bytes:
    """Return a two-page image-only PDF of a regent regulation."""
    return make_scan(make_pdf(layout(*SCANNED_PAGES)))


@pytest.fixture(autouse=True)
def _ocr_switch_unset(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.delenv("TELUSUR_OCR", raising=False)
    yield
    find_tesseract.cache_clear()  # a test may have taught it a fake tesseract


@pytest.fixture
def tesseract() -> OcrEngine:
    """Return the installed tesseract, or skip when it (or its Indonesian data) is absent."""
    find_tesseract.cache_clear()
    engine = find_tesseract()
    if engine is None:
        pytest.skip("tesseract with Indonesian data (tesseract-ocr-ind) is not installed")
    return engine


def _fake_tesseract(monkeypatch: pytest.MonkeyPatch,
                    spawn: Callable[..., subprocess.CompletedProcess[bytes]]) -> None:
    monkeypatch.setattr(ocr_module, "find_tesseract", lambda: FAKE)
    monkeypatch.setattr(ocr_module, "_spawn", spawn)


def test_scanned_regulation_is_read_by_ocr_and_parsed(scan: bytes, tesseract: OcrEngine) -> None:
    doc = extract(scan, URL, "application/pdf")
    assert doc is not None
    assert (doc.kind, doc.id, doc.doc_type, doc.number, doc.year) == (
        "regulation", "perbup-contoh-2024-7", "Perbup", "7", 2024)
    assert doc.about == "Pengelolaan Air Minum"  # out of capitals, as a citation writes it
    assert (doc.origin, doc.ocr, doc.needs_ocr) == ("pdf", True, False)
    assert doc.extra["ocr"].startswith(f"OCR (tesseract, {tesseract.languages}) read 2 of 2")
    assert [p.number for p in doc.pages] == [1, 2]
    pasal = [(p.label, p.page) for p in doc.parts if p.kind == "pasal"]
    assert pasal == [("Pasal 1", 1), ("Pasal 2", 2), ("Pasal 3", 2)]
    assert "Perusahaan Umum Daerah" in doc.part("pasal-2").text


def test_ocr_text_reads_like_a_text_layer(scan: bytes, tesseract: OcrEngine) -> None:
    result = extract_pdf(scan)
    assert result.ocr and not result.needs_ocr and result.error is None
    first = result.pages[0].text.split("\n")
    assert first[:3] == ["BUPATI CONTOH", "PERATURAN BUPATI CONTOH", "NOMOR 7 TAHUN 2024"]
    assert "" not in first


@pytest.mark.parametrize("switch", ["0", "off", "false", " NO "])
def test_ocr_switched_off_leaves_the_scan_flagged(scan: bytes, switch: str,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TELUSUR_OCR", switch)
    monkeypatch.setattr(ocr_module, "_spawn", _never_called)
    assert not ocr_enabled()
    _assert_flagged_as_before(scan)


def test_scan_without_tesseract_is_flagged_as_before(scan: bytes,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_module, "find_tesseract", lambda: None)
    monkeypatch.setattr(ocr_module, "_spawn", _never_called)
    _assert_flagged_as_before(scan)


def _assert_flagged_as_before(scan: bytes) -> None:
    result = extract_pdf(scan)
    assert (result.needs_ocr, result.ocr, result.ocr_note) == (True, False, None)
    assert result == extract_pdf(scan, ocr=False)
    doc = extract(scan, URL, "application/pdf")
    assert doc is not None
    assert (doc.kind, doc.needs_ocr, doc.ocr, doc.text.strip(), dict(doc.extra)) == (
        "other", True, False, "", {})
    assert doc.title == "perbup-7-2024-scan.pdf" and len(doc.pages) == 2


def _never_called(*args: object, **kwargs: object) -> subprocess.CompletedProcess[bytes]:
    raise AssertionError("tesseract must not run")


def _timeout(args: list[str], stdin: bytes, timeout: float) -> subprocess.CompletedProcess[bytes]:
    raise subprocess.TimeoutExpired(args, timeout)


def _crash(args: list[str], stdin: bytes, timeout: float) -> subprocess.CompletedProcess[bytes]:
    return subprocess.CompletedProcess(args, 1, b"", b"Tesseract Open Source OCR Engine\n"
                                       b"Error during processing.\n")


def _missing(args: list[str], stdin: bytes, timeout: float) -> subprocess.CompletedProcess[bytes]:
    raise FileNotFoundError(2, "No such file or directory", "tesseract")


@pytest.mark.parametrize(
    ("spawn", "reason"),
    [(_timeout, "tesseract timed out after 120 s"),
     (_crash, "tesseract exited with 1: Error during processing."),
     (_missing, "tesseract could not run: [Errno 2] No such file or directory")],
    ids=["timeout", "exit-status", "vanished"],
)
def test_failing_tesseract_gives_empty_pages_and_a_reason(
        scan: bytes, spawn: Callable, reason: str, monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_tesseract(monkeypatch, spawn)
    result = ocr_pdf(scan, [1, 2], FAKE)
    assert [(p.number, p.text) for p in result.pages] == [(1, ""), (2, "")]
    assert all(p.error is not None and p.error.startswith(reason) for p in result.pages)
    assert result.note == f"OCR (tesseract, ind) read 0 of 2 image pages; 2 failed (page 1: " \
                          f"{result.pages[0].error})"
    doc = extract(scan, URL, "application/pdf")
    assert doc is not None
    assert (doc.kind, doc.needs_ocr, doc.ocr) == ("other", True, False)
    assert doc.extra["ocr"] == result.note


def test_one_failed_page_keeps_the_others(scan: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    _scripted_tesseract(monkeypatch, ["PERATURAN BUPATI CONTOH\nNOMOR 7 TAHUN 2024\nTENTANG\n"
                                      "AIR\nPasal 1\nIsi pasal satu.", None])
    doc = extract(scan, URL, "application/pdf")
    assert doc is not None and doc.kind == "regulation" and doc.ocr and not doc.needs_ocr
    assert [bool(p.text) for p in doc.pages] == [True, False]
    assert "read 1 of 2 image pages; 1 failed (page 2: tesseract timed out" in doc.extra["ocr"]


def _scripted_tesseract(monkeypatch: pytest.MonkeyPatch, answers: list[str | None]) -> None:
    """Fake tesseract answering each page in turn; None: that page times out."""
    script = iter(answers)

    def spawn(args: list[str], stdin: bytes, timeout: float) -> subprocess.CompletedProcess[bytes]:
        answer = next(script)
        if answer is None:
            raise subprocess.TimeoutExpired(args, timeout)
        return _answer(answer)

    _fake_tesseract(monkeypatch, spawn)


def _answer(text: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.CompletedProcess([], 0, text.encode(), b"")


def test_page_cap_and_time_budget_say_which_pages_were_not_read(
        make_pdf: Callable[..., bytes], make_scan: Callable[..., bytes], layout: Callable,
        monkeypatch: pytest.MonkeyPatch) -> None:
    body = make_scan(make_pdf(layout(*(f"halaman {n}" for n in range(1, 6)))), dpi=50)
    images: list[bytes] = []

    def spawn(args: list[str], stdin: bytes, timeout: float) -> subprocess.CompletedProcess[bytes]:
        images.append(stdin)
        return _answer(f"halaman {len(images)}")

    _fake_tesseract(monkeypatch, spawn)
    capped = ocr_pdf(body, [1, 2, 3, 4, 5], FAKE, max_pages=3)
    assert [p.text for p in capped.pages] == ["halaman 1", "halaman 2", "halaman 3"]
    assert capped.note == ("OCR (tesseract, ind) read 3 of 5 image pages; pages 4-5 not read "
                           "(the first 3 image pages only)")
    assert all(image.startswith(b"P5\n") for image in images)
    spent = ocr_pdf(body, [2, 4], FAKE, budget=0)
    assert spent.pages == () and spent.note.endswith("pages 2-4 not read (time budget of 0 s "
                                                     "spent)")


def test_broken_pdf_gives_a_reason_per_page() -> None:
    result = ocr_pdf(b"%PDF-1.4 nothing here", [1], FAKE)
    assert result.pages[0].text == "" and result.pages[0].error.startswith("cannot render")


def test_tesseract_is_found_only_with_indonesian_data(monkeypatch: pytest.MonkeyPatch,
                                                      tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "ind.traineddata").write_bytes(b"ind")
    (tmp_path / "eng.traineddata").write_bytes(b"english")
    (tmp_path / "osd.traineddata").write_bytes(b"orient")
    heading = f'List of available languages in "{tmp_path}/"'
    listings = iter([f"{heading} (2):\neng\nosd\n", f"{heading} (3):\neng\nind\nosd\n",
                     f"{heading} (1):\nind\n"])
    monkeypatch.setattr(ocr_module.shutil, "which", lambda name: "/usr/bin/" + name)

    def spawn(args: list[str], stdin: bytes, timeout: float) -> subprocess.CompletedProcess[bytes]:
        if "--version" in args:  # asked once an engine is found: its version keys the OCR cache
            return _answer("tesseract 5.3.0\n leptonica-1.82.0\n")
        return _answer(next(listings))

    monkeypatch.setattr(ocr_module, "_spawn", spawn)
    found = []
    for _ in range(3):
        find_tesseract.cache_clear()
        found.append(find_tesseract())
    assert found[0] is None
    assert [(e.command, e.languages) for e in found[1:]] == [("/usr/bin/tesseract", "ind+eng"),
                                                            ("/usr/bin/tesseract", "ind")]
    # the version names tesseract and its language and orientation data: new data reads
    # differently, and with orientation data pages scanned upside down are turned
    assert re.fullmatch(r"tesseract 5\.3\.0 \(ind 3 \d+, eng 7 \d+, osd 6 \d+\)",
                        found[1].version)
    assert re.fullmatch(r"tesseract 5\.3\.0 \(ind 3 \d+\)", found[2].version)
    assert [e.orientation for e in found[1:]] == [True, False]
    monkeypatch.setattr(ocr_module.shutil, "which", lambda name: None)
    find_tesseract.cache_clear()
    assert find_tesseract() is None


def test_pnm_image_drops_the_row_padding() -> None:
    bitmap = SimpleNamespace(width=3, height=2, stride=4, n_channels=1, mode="L",
                             buffer=bytearray(b"abc_def_"))
    assert pnm_image(bitmap) == b"P5\n3 2\n255\nabcdef"
    colour = SimpleNamespace(width=1, height=2, stride=4, n_channels=3, mode="RGB",
                             buffer=bytearray(b"rgb_RGB_"))
    assert pnm_image(colour) == b"P6\n1 2\n255\nrgbRGB"
    with pytest.raises(ValueError, match="unsupported bitmap format BGRA"):
        pnm_image(SimpleNamespace(width=1, height=1, stride=4, n_channels=4, mode="BGRA",
                                  buffer=bytearray(4)))


@pytest.mark.parametrize(
    ("raw", "clean"),
    [("PASAL 1\n\n\nIsi  pasal\x0c", "PASAL 1\nIsi pasal"),
     ("  diﬁnisikan \n", "difinisikan"),
     ("\x0c\n \n", "")],
)
def test_ocr_output_is_cleaned_like_a_text_layer(raw: str, clean: str) -> None:
    assert clean_text(raw) == clean


@pytest.mark.parametrize("dpi", [100, 200, 400])
def test_pages_are_rendered_at_their_scan_resolution_within_bounds(
        dpi: int, make_pdf: Callable[..., bytes], make_scan: Callable[..., bytes],
        layout: Callable) -> None:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(make_scan(make_pdf(layout("halaman satu")), dpi=dpi))
    try:
        assert ocr_module.scan_dpi(pdf[0]) == dpi
        image, resolution = ocr_module.render_page(pdf, 1)
    finally:
        pdf.close()
    assert resolution == min(ocr_module.MAX_DPI, max(ocr_module.MIN_DPI, dpi))
    width, height = (int(v) for v in image.split(b"\n", 2)[1].split())
    assert abs(width - 612 * resolution / 72) <= 1 and abs(height - 792 * resolution / 72) <= 1


class _DictCache(dict):  # type: ignore[type-arg]
    """The OCR cache protocol on a dict."""

    def put(self, key: str, text: str) -> None:
        self[key] = text


def _counting_tesseract(monkeypatch: pytest.MonkeyPatch) -> list[bytes]:
    images: list[bytes] = []

    def spawn(args: list[str], stdin: bytes, timeout: float) -> subprocess.CompletedProcess[bytes]:
        images.append(stdin)
        return _answer(f"halaman {len(images)}")

    _fake_tesseract(monkeypatch, spawn)
    return images


def test_a_cached_scan_is_not_read_again(scan: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    images = _counting_tesseract(monkeypatch)
    cache = _DictCache()
    with use_ocr_cache(cache):
        first = ocr_pdf(scan, [1, 2], FAKE)
        again = ocr_pdf(scan, [1, 2], FAKE)
    assert len(images) == 2 and len(cache) == 2
    assert [p.text for p in again.pages] == [p.text for p in first.pages] == ["halaman 1",
                                                                            "halaman 2"]
    # another scan, another engine or no cache installed: read afresh
    ocr_pdf(scan + b"\n", [1], FAKE)
    with use_ocr_cache(cache):
        ocr_pdf(scan, [1], OcrEngine("tesseract", "ind+eng"))
        ocr_pdf(scan[:-1] + b" ", [1], FAKE)
    assert len(images) == 5


def test_failed_pages_are_not_cached_and_a_broken_cache_costs_only_time(
        scan: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    _scripted_tesseract(monkeypatch, [None, "halaman 2", "halaman 1"])
    cache = _DictCache()
    with use_ocr_cache(cache):
        first = ocr_pdf(scan, [1, 2], FAKE)
        assert [bool(p.error) for p in first.pages] == [True, False] and len(cache) == 1
        second = ocr_pdf(scan, [1, 2], FAKE)  # only the failed page is read again
    assert [p.text for p in second.pages] == ["halaman 1", "halaman 2"]

    class Broken:
        def get(self, key: str) -> str | None:
            raise OSError("disk I/O error")

        def put(self, key: str, text: str) -> None:
            raise OSError("disk full")

    _counting_tesseract(monkeypatch)
    with use_ocr_cache(Broken()):
        result = ocr_pdf(scan, [1, 2], FAKE)
    assert [p.text for p in result.pages] == ["halaman 1", "halaman 2"]


def test_blank_pages_are_remembered_and_unknown_engines_are_not(
        scan: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    _scripted_tesseract(monkeypatch, ["", "halaman 2", "", "halaman 2"])
    cache = _DictCache()
    with use_ocr_cache(cache):
        ocr_pdf(scan, [1, 2], FAKE)
        again = ocr_pdf(scan, [1, 2], FAKE)  # the blank verso is not read again
        assert [p.text for p in again.pages] == ["", "halaman 2"] and len(cache) == 2
        unknown = OcrEngine("tesseract", "ind")  # no version: nothing to key its pages by
        assert unknown.signature is None
        ocr_pdf(scan, [1, 2], unknown)
    assert len(cache) == 2


def test_a_failing_cache_is_turned_off_once_for_the_run(
        scan: bytes, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    _counting_tesseract(monkeypatch)
    calls: list[str] = []

    class Locked:
        def get(self, key: str) -> str | None:
            calls.append(key)
            raise OSError("database is locked")

        def put(self, key: str, text: str) -> None:
            calls.append(key)

    cache = _DictCache()
    with use_ocr_cache(cache):
        with use_ocr_cache(Locked()):
            first = ocr_pdf(scan, [1, 2], FAKE)
            ocr_pdf(scan, [1, 2], FAKE)
        assert len(calls) == 1  # asked once, then left alone for the rest of its block
        ocr_pdf(scan, [1], FAKE)  # the outer block's cache is back
    assert [p.text for p in first.pages] == ["halaman 1", "halaman 2"]
    assert len(cache) == 1
    assert sum("OCR cache turned off" in r.getMessage() for r in caplog.records) == 1


@pytest.mark.parametrize("turn", [180, 270])
def test_a_page_scanned_upside_down_or_sideways_is_turned_and_read(
        make_pdf: Callable[..., bytes], make_scan: Callable[..., bytes], layout: Callable,
        tesseract: OcrEngine, turn: int) -> None:
    # tesseract reads text at 90 degrees by itself, not upside down nor at 270
    listed = subprocess.run([tesseract.command, "--list-langs"], capture_output=True, text=True,
                            check=False)
    if "osd" not in (listed.stdout + listed.stderr).split():
        pytest.skip("tesseract's orientation data (osd) is not installed")
    body = make_scan(make_pdf(layout(*SCANNED_PAGES)), turn=turn)
    doc = extract(body, URL, "application/pdf")
    assert doc is not None
    assert (doc.id, doc.about) == ("perbup-contoh-2024-7", "Pengelolaan Air Minum")
    assert "Perusahaan Umum Daerah" in doc.part("pasal-2").text


UPSIDE_DOWN = " ".join(["jeisos ueulwel ejasad te6egos ueyeyepip yesoep"] * 5)
UPRIGHT = " ".join(["peserta jaminan sosial dan pekerja yang didaftarkan di daerah"] * 5)


@pytest.mark.parametrize(("orientation", "text", "calls"), [
    ("Rotate: 180\nOrientation confidence: 9.5\n", UPRIGHT, 3),  # turned and read again
    ("Rotate: 180\nOrientation confidence: 0.4\n", UPSIDE_DOWN, 2),  # not sure enough
    ("Rotate: 0\nOrientation confidence: 12.0\n", UPSIDE_DOWN, 2),  # upright after all
    (None, UPSIDE_DOWN, 2),  # no orientation data: tesseract fails, the first reading stands
])
def test_an_unreadable_page_is_turned_only_when_tesseract_is_sure(
        scan: bytes, monkeypatch: pytest.MonkeyPatch, orientation: str | None, text: str,
        calls: int) -> None:
    seen: list[tuple[list[str], bytes]] = []

    def spawn(args: list[str], stdin: bytes, timeout: float) -> subprocess.CompletedProcess[bytes]:
        seen.append((args, stdin))
        if args[args.index("--psm") + 1] == "0":
            if orientation is None:
                return subprocess.CompletedProcess(args, 1, b"", b"Failed to load osd")
            return _answer(orientation)
        return _answer(UPSIDE_DOWN if len(seen) == 1 else UPRIGHT)

    _fake_tesseract(monkeypatch, spawn)
    result = ocr_pdf(scan, [1], FAKE)
    assert [p.text for p in result.pages] == [text]
    assert len(seen) == calls
    if calls == 3:  # the page was rendered again, turned: another image
        assert seen[2][1] != seen[0][1] and seen[2][1].startswith(b"P5\n")


def test_a_page_turned_is_kept_only_if_it_reads_better(scan: bytes,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    _scripted_tesseract(monkeypatch, [UPSIDE_DOWN, "Rotate: 90\nOrientation confidence: 5\n",
                                      UPSIDE_DOWN.upper()])
    assert [p.text for p in ocr_pdf(scan, [1], FAKE).pages] == [UPSIDE_DOWN]


def test_short_or_common_texts_are_not_judged_for_orientation(
        scan: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    # a blank or nearly blank page, and a page of ordinary text: one tesseract call each
    _scripted_tesseract(monkeypatch, ["ttd", UPRIGHT])
    assert [p.text for p in ocr_pdf(scan, [1, 2], FAKE).pages] == ["ttd", UPRIGHT]


def test_without_orientation_data_an_unreadable_page_is_not_turned(
        scan: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[list[str]] = []

    def spawn(args: list[str], stdin: bytes, timeout: float) -> subprocess.CompletedProcess[bytes]:
        calls.append(args)
        return _answer(UPSIDE_DOWN)

    _fake_tesseract(monkeypatch, spawn)
    engine = OcrEngine("tesseract", "ind", FAKE.version, orientation=False)
    assert [p.text for p in ocr_pdf(scan, [1], engine).pages] == [UPSIDE_DOWN]
    assert len(calls) == 1  # no orientation asked of a tesseract that cannot answer
