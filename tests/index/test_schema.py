"""How a document's parts are stored: offsets into its text when they are slices of it."""

from __future__ import annotations

import pytest

from index.schema import load_parts, stored_parts

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
