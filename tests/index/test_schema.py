"""How a document's parts are stored: offsets into its text when they are slices of it."""

from __future__ import annotations

import pytest

from corpus.model import Document
from index.schema import document_fields, load_parts, stored_parts

ONE = ("pasal-1", "Pasal 1", "Pasal 1\nIsi satu.")
TWO = ("pasal-2", "Pasal 2", "Pasal 2\nIsi dua.")
TEXT = "Menimbang: a. bahwa.\nPasal 1\nIsi satu.\nPasal 2\nIsi dua.\nPasal 1\nIsi satu."


@pytest.mark.parametrize(
    ("records", "expected_shapes"),
    [
        ([ONE, TWO], [4, 4]),
        ([("pasal-1", "Pasal 1", "Pasal 1\nTeks yang diperbaiki.")], [3]),  # not a slice
        ([TWO, ONE], [4, 4]),  # out of order: found from the start again
        ([], []),
    ],
)
def test_parts_round_trip_through_offsets(records: list[tuple[str, str, str]],
                                          expected_shapes: list[int]) -> None:
    stored = stored_parts(records, TEXT)
    assert [len(r) for r in stored] == expected_shapes
    assert load_parts(stored, TEXT) == records


def test_repeated_part_text_points_at_the_next_occurrence() -> None:
    records = [("a", "A", "Pasal 1\nIsi satu."), ("b", "B", "Pasal 1\nIsi satu.")]
    stored = stored_parts(records, TEXT)
    assert stored[0][2] < stored[1][2]


@pytest.mark.parametrize("stored", [None, (), [("x",)], [("a", "A", 1, 2, 3)]])
def test_malformed_stored_parts_are_skipped(stored: object) -> None:
    assert load_parts(stored, TEXT) == []


def test_a_summary_the_text_already_holds_is_indexed_once() -> None:
    abstract = "Peraturan ini mengatur bantuan iuran\nbagi pekerja rentan."
    page = Document(id="perbup-x-1-2024", url="https://x.go.id/1", kind="regulation",
                    title="Perbup 1/2024", summary=" ".join(abstract.split()),
                    text=f"Abstrak\n\n{abstract}\n\nKeterangan: mencabut Perbup 3/2019")
    assert document_fields(page)["body"] == page.text
    news = Document(id="berita-1", url="https://x.id/b", kind="news", title="Berita",
                    summary="Ringkasan dari penyunting.", text="Isi berita lengkap.")
    assert document_fields(news)["body"] == "Ringkasan dari penyunting.\nIsi berita lengkap."
