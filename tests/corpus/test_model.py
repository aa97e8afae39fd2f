"""The Document model: validation, JSON round trips, helpers."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from corpus import Document, Page, Part, Reference


def _regulation(**changes: object) -> Document:
    doc = Document(
        id="perbup-gianyar-2025-35",
        url="https://jdih.example/perbup-35-2025",
        kind="regulation",
        title="Peraturan Bupati Gianyar Nomor 35 Tahun 2025",
        text="Pasal 1\nDalam Peraturan Bupati ini ...",
        doc_type="Perbup",
        number="35",
        year=2025,
        about="Tata Cara Pemberian Program Jaminan Sosial Ketenagakerjaan bagi Pekerja Rentan",
        region="Kabupaten Gianyar",
        enacted_on=dt.date(2025, 6, 30),
        fetched_at=dt.datetime(2025, 7, 1, 8, 0, tzinfo=dt.UTC),
        parts=(Part("pasal-1", "pasal", "Pasal 1", "Dalam Peraturan Bupati ini ...", page=2),),
        references=(Reference("UU Nomor 40 Tahun 2004", "mengingat", "uu-2004-40", "UU", "40",
                              2004),),
        pages=(Page(1, "BUPATI GIANYAR"), Page(2, "Pasal 1")),
        subjects=("jaminan sosial", "pekerja rentan"),
        confidence={"number": 0.99},
    )
    return doc.replace(**changes)


def test_document_survives_a_json_round_trip() -> None:
    doc = _regulation()
    assert Document.from_dict(json.loads(json.dumps(doc.to_dict()))) == doc


def test_ocr_flags_survive_a_json_round_trip_and_default_to_false() -> None:
    doc = _regulation(ocr=True, extra={"ocr": "OCR (tesseract, ind) read 2 of 2 image pages"})
    assert Document.from_dict(json.loads(json.dumps(doc.to_dict()))) == doc
    stored_before_ocr = {k: v for k, v in _regulation().to_dict().items() if k != "ocr"}
    assert Document.from_dict(stored_before_ocr).ocr is False


def test_from_dict_ignores_unknown_keys_and_coerces_number_and_year() -> None:
    data = _regulation().to_dict() | {"unknown": 1, "number": 35, "year": "2025"}
    doc = Document.from_dict(data)
    assert doc.number == "35" and doc.year == 2025


@pytest.mark.parametrize(
    ("changes", "error"),
    [
        ({"kind": "blog"}, ValueError),
        ({"id": ""}, ValueError),
        ({"number": 35}, TypeError),
    ],
)
def test_document_rejects_invalid_fields(changes: dict, error: type) -> None:
    with pytest.raises(error):
        _regulation(**changes)


def test_date_prefers_publication_then_enactment() -> None:
    assert _regulation().date == dt.date(2025, 6, 30)
    news = _regulation(published_at=dt.datetime(2025, 10, 3, 10, 15))
    assert news.date == dt.date(2025, 10, 3)


def test_part_lookup_by_anchor() -> None:
    doc = _regulation()
    assert doc.part("pasal-1").label == "Pasal 1"
    assert doc.part("pasal-9") is None


def test_document_is_frozen() -> None:
    with pytest.raises(AttributeError):
        _regulation().title = "x"  # type: ignore[misc]
