"""Extraction saves a document read by OCR at once: a stop loses no OCR work."""

from __future__ import annotations

import datetime as dt
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
