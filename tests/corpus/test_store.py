"""The document store: writes, merges, change feed, deletion."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from corpus import Document, DocumentStore, Part, StoreError


def _doc(**changes: object) -> Document:
    base = Document(id="perbup-contoh-2024-7", url="http://jdih/x", kind="regulation",
                    title="Peraturan Bupati Contoh Nomor 7 Tahun 2024", doc_type="Perbup",
                    number="7", year=2024)
    return base.replace(**changes)


def test_put_is_idempotent_and_counts_changes(tmp_path: Path) -> None:
    with DocumentStore(tmp_path) as store:
        assert store.put(_doc()) is True
        assert store.put(_doc()) is False
        assert len(store) == 1 and store.get(_doc().id) == _doc()


def test_changes_since_returns_only_newer_writes(tmp_path: Path) -> None:
    with DocumentStore(tmp_path) as store:
        store.put(_doc())
        mark = store.last_seq()
        store.put(_doc(id="perbup-contoh-2024-8", number="8"))
        store.delete(_doc().id)
        changes = store.changes_since(mark)
        assert [d.id for d in changes.documents] == ["perbup-contoh-2024-8"]
        assert changes.deleted == (_doc().id,)
        assert changes.last_seq == store.last_seq()
        assert store.changes_since(changes.last_seq).documents == ()


def test_detail_page_metadata_and_pdf_text_merge_into_one_document(tmp_path: Path) -> None:
    detail = _doc(origin="detail", status="Berlaku", enacted_on=dt.date(2024, 3, 1),
                  url="http://jdih/detail", summary="Abstrak", pdf_url="http://jdih/x.pdf")
    pdf = _doc(origin="pdf", url="http://jdih/x.pdf", text="BUPATI CONTOH ... Pasal 1 ...",
               status="Dicabut", sha256="ab" * 32,
               parts=(Part("pasal-1", "pasal", "Pasal 1", "..."),))
    with DocumentStore(tmp_path) as store:
        store.put(detail)
        store.put(pdf)
        merged = store.get(detail.id)
    assert merged is not None
    assert merged.status == "Berlaku"  # the detail page outranks a text parse for metadata
    assert merged.url == "http://jdih/detail" and merged.summary == "Abstrak"
    assert merged.text.startswith("BUPATI CONTOH") and len(merged.parts) == 1
    assert merged.sha256 == "ab" * 32


def test_data_survives_reopening(tmp_path: Path) -> None:
    with DocumentStore(tmp_path) as store:
        store.put(_doc())
        store.set_meta("archive_seq", "41")
    with DocumentStore(tmp_path) as store:
        assert store.get(_doc().id) == _doc()
        assert store.get_meta("archive_seq") == "41"
        assert store.get_meta("missing", "0") == "0"


def test_unopenable_store_gives_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    with pytest.raises(StoreError, match="cannot open the document store"):
        DocumentStore(blocker / "documents")


def test_corrupt_database_file_gives_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / DocumentStore.FILENAME).write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError):
        DocumentStore(tmp_path)


def _pasal(*numbers: int) -> tuple[Part, ...]:
    return tuple(Part(f"pasal-{n}", "pasal", f"Pasal {n}", f"Pasal {n} ...") for n in numbers)


@pytest.mark.parametrize("ocr_first", [True, False], ids=["ocr-then-text", "text-then-ocr"])
def test_a_text_layer_beats_ocr_of_the_same_regulation(tmp_path: Path, ocr_first: bool) -> None:
    scan = _doc(origin="pdf", url="http://jdih/scan.pdf", text="PasaI 1 ... Pasal 2 ... Pasal 3",
                ocr=True, parts=_pasal(1, 2, 3), extra={"ocr": "OCR read 3 of 3 image pages"})
    html = _doc(origin="html", url="http://jdih/x.html", text="Pasal 1 ... Pasal 2 ...",
                parts=_pasal(1, 2))
    with DocumentStore(tmp_path) as store:
        for doc in (scan, html) if ocr_first else (html, scan):
            store.put(doc)
        merged = store.get(scan.id)
    assert merged is not None
    assert (merged.text, merged.ocr, len(merged.parts)) == (html.text, False, 2)
    assert "ocr" not in merged.extra  # what OCR read went with the OCR text


def test_ocr_of_every_unit_beats_a_text_layer_that_lost_most(tmp_path: Path) -> None:
    scan = _doc(origin="pdf", url="http://jdih/scan.pdf", text="Pasal 1 ... Pasal 10", ocr=True,
                parts=_pasal(*range(1, 11)), extra={"ocr": "OCR read 4 of 4 image pages"})
    html = _doc(origin="html", url="http://jdih/x.html", text="Pasal 1 ... Pasal 2 ...",
                parts=_pasal(1, 2))
    with DocumentStore(tmp_path) as store:
        store.put(html)
        store.put(scan)
        merged = store.get(scan.id)
    assert merged is not None
    assert (merged.ocr, len(merged.parts)) == (True, 10)
    assert merged.extra["ocr"] == "OCR read 4 of 4 image pages"


def test_ocr_text_beats_a_record_without_parts(tmp_path: Path) -> None:
    detail = _doc(origin="detail", url="http://jdih/detail", text="Abstrak singkat")
    scan = _doc(origin="pdf", url="http://jdih/scan.pdf", text="Pasal 1 ...", ocr=True,
                parts=_pasal(1))
    with DocumentStore(tmp_path) as store:
        store.put(detail)
        store.put(scan)
        merged = store.get(scan.id)
    assert merged is not None
    assert (merged.text, merged.ocr, merged.origin) == ("Pasal 1 ...", True, "detail")


def test_typed_metadata_beats_metadata_read_by_ocr(tmp_path: Path) -> None:
    scan = _doc(origin="pdf", url="http://jdih/scan.pdf", text="Pasal 1 ...", ocr=True,
                parts=_pasal(1), title="PERATURAN BUPATI CONTOH TENTANG PEI{YERTAAN")
    html = _doc(origin="html", url="http://jdih/x.html", text="Abstrak",
                title="Peraturan Bupati Contoh tentang Penyertaan Modal")
    with DocumentStore(tmp_path) as store:
        store.put(html)
        store.put(scan)
        merged = store.get(scan.id)
    assert merged is not None
    assert merged.title == html.title and merged.ocr  # typed title, OCR text
