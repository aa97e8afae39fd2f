"""Extraction saves a document read by OCR at once: a stop loses no OCR work."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from corpus import Document, DocumentStore
from crawler import RawRecord
from web import pipeline


def _record(seq: int) -> RawRecord:
    return RawRecord(seq=seq, url=f"https://jdih.example/{seq}.pdf",
                     requested_url=f"https://jdih.example/{seq}.pdf", status=200, headers=(),
                     content_type="application/pdf", body=b"%PDF-1.4 scan",
                     fetched_at=dt.datetime(2026, 11, 24, tzinfo=dt.UTC), sha256=f"{seq:064x}",
                     source="jdih", outcome="ok", archive_ref=f"a.warc#{seq}")


class _Archive:
    def __init__(self, path: Path) -> None:
        self.path = path

    def records(self, after: int = 0):  # type: ignore[no-untyped-def]
        return (_record(seq) for seq in (1, 2, 3) if seq > after)


def test_a_stop_after_two_scans_keeps_both(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "crawl").mkdir()
    monkeypatch.setattr(pipeline, "RawArchive", _Archive)

    def extract_all(body: bytes, url: str, content_type: str | None, hints=None):  # type: ignore[no-untyped-def]
        if url.endswith("/3.pdf"):
            raise KeyboardInterrupt  # the operator stops the run during the third scan
        return [Document(id=url.rsplit("/", 1)[-1], url=url, kind="other", title="Scan",
                         text="Pasal 1 dibaca OCR", ocr=True)]

    monkeypatch.setattr(pipeline, "extract_all", extract_all)
    with pytest.raises(KeyboardInterrupt):
        pipeline.extract_archive(tmp_path, {})
    with DocumentStore(tmp_path / "documents") as store:
        assert store.get("1.pdf") is not None and store.get("2.pdf") is not None
        assert store.get_meta(pipeline.ARCHIVE_MARK) == "2"  # the next run starts at the third


def test_a_re_extraction_reads_no_scan_twice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             make_pdf: Callable[..., bytes]) -> None:
    """OCR page texts are kept in data/ocr: rebuilding the store from the archive is cheap."""
    import subprocess

    from crawler.extract import ocr

    body = make_pdf([[], []], image_only=True)  # two pages of image only: a scan
    pages = iter(["PERATURAN BUPATI CONTOH\nNOMOR 7 TAHUN 2024\nTENTANG\nAIR MINUM\n"
                  "Menimbang : a. bahwa perlu;\nMEMUTUSKAN:\nPasal 1\nIsi pasal satu.",
                  "Pasal 2\nIsi pasal dua.\nDitetapkan di Kota Contoh\npada tanggal 2 Maret 2024"])
    read: list[bytes] = []

    def spawn(args: list[str], stdin: bytes, timeout: float) -> subprocess.CompletedProcess[bytes]:
        read.append(stdin)
        return subprocess.CompletedProcess(args, 0, next(pages).encode(), b"")

    monkeypatch.setattr(ocr, "find_tesseract", lambda: ocr.OcrEngine("tesseract", "ind", "5"))
    monkeypatch.setattr(ocr, "_spawn", spawn)
    monkeypatch.delenv("TELUSUR_OCR", raising=False)

    class Archive(_Archive):
        def records(self, after: int = 0):  # type: ignore[no-untyped-def]
            return iter([dataclasses.replace(_record(1), body=body)] if after < 1 else [])

    (tmp_path / "crawl").mkdir()
    monkeypatch.setattr(pipeline, "RawArchive", Archive)
    pipeline.extract_archive(tmp_path, {})
    assert len(read) == 2
    (tmp_path / "documents").rename(tmp_path / "documents.old")  # the documented re-extraction
    pipeline.extract_archive(tmp_path, {})
    assert len(read) == 2  # both pages came from data/ocr
    with DocumentStore(tmp_path / "documents") as store:
        (doc,) = list(store)
    assert doc.ocr and doc.kind == "regulation"
    assert [p.anchor for p in doc.parts if p.kind == "pasal"] == ["pasal-1", "pasal-2"]
    assert (tmp_path / "ocr" / "pages.sqlite").exists()
