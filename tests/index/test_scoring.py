"""Scoring and spelling details: stem families, typed words, typos, documents missing fields."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from corpus.model import Document
from corpus.textdistance import edit_distance
from index import SearchRequest, build_index, open_index
from index.lexicon import Lexicon


def _doc(doc_id: str, text: str, **fields: object) -> Document:
    fields.setdefault("kind", "other")
    return Document(id=doc_id, url=f"https://x.example/{doc_id}", title=doc_id, text=text,
                    **fields)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def typo_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Index 21 documents about kecelakaan and one with the misspelling kecelakan."""
    docs = [_doc(f"d{i}", f"jaminan kecelakaan kerja nomor {i}") for i in range(21)]
    docs.append(_doc("typo", "laporan kecelakan di pabrik"))
    docs.append(_doc("undated", "dokumen tanpa tanggal tentang pabrik", kind="news"))
    docs.append(_doc("dated", "berita pabrik baru", kind="news",
                     published_at=dt.datetime(2024, 5, 1, 8, 0)))
    index_dir = tmp_path_factory.mktemp("typo")
    build_index(index_dir, docs)
    return index_dir


@pytest.mark.parametrize(
    ("a", "b", "distance"),
    [("pekerja", "pekerja", 0), ("pekrja", "pekerja", 1), ("jamianan", "jaminan", 1),
     ("jaminan", "jaminna", 1), ("kecelakan", "kecelakaan", 1),
     ("penyelengara", "penyelenggara", 1), ("pekerja", "perkeja", 2), ("pekerja", "jaminan", 3)],
)
def test_edit_distance_counts_swaps_as_one(a: str, b: str, distance: int) -> None:
    assert edit_distance(a, b, 2) == distance


def test_lexicon_near_finds_one_then_two_edits() -> None:
    lexicon = Lexicon(["pekerja", "pekerjaan", "perkara", "jaminan", "jaminannya"])
    assert lexicon.near("pekrja") == ["pekerja"]
    assert "pekerja" in lexicon.near("pekrjaa")  # two edits, first letters kept
    assert lexicon.near("zzzzzz") == []


def test_rare_misspelling_is_corrected_to_the_common_word(typo_index: Path) -> None:
    with open_index(typo_index) as ix, ix.searcher() as searcher:
        response = searcher.search(SearchRequest(query="kecelakan"))
    assert response.suggestion == "kecelakaan"
    assert response.fuzzy
    assert response.total == 21


def test_quoted_misspelling_is_searched_as_typed(typo_index: Path) -> None:
    with open_index(typo_index) as ix, ix.searcher() as searcher:
        response = searcher.search(SearchRequest(query='"laporan kecelakan"'))
    assert [h.id for h in response.hits] == ["typo"]
    assert not response.fuzzy


def test_typed_form_outranks_other_family_members() -> None:
    docs = [_doc("exact", "perlindungan perlindungan"), _doc("variant", "melindungi melindungi")]
    with open_index(_build(docs)) as ix, ix.searcher() as searcher:
        hits = searcher.search(SearchRequest(query="perlindungan")).hits
    assert [h.id for h in hits] == ["exact", "variant"]


def test_all_words_are_required_before_any_word(tmp_path: Path) -> None:
    docs = [_doc("both", "iuran pekerja"), _doc("one", "iuran saja"), _doc("none", "lain")]
    with open_index(_build(docs, tmp_path)) as ix, ix.searcher() as searcher:
        assert [h.id for h in searcher.search(SearchRequest(query="iuran pekerja")).hits] == [
            "both"]
        either = {h.id for h in searcher.search(SearchRequest(query="iuran nelayan")).hits}
    assert either == {"both", "one"}


def test_documents_without_dates_sort_last_and_do_not_break_facets(typo_index: Path) -> None:
    with open_index(typo_index) as ix, ix.searcher() as searcher:
        response = searcher.search(SearchRequest(query="pabrik", sort="date_desc"))
        assert response.hits[0].id == "dated"
        assert {v.value for v in response.facets["kind"]} == {"news", "other"}
        assert response.facets["year"] == ()


def _build(docs: list[Document], where: Path | None = None) -> Path:
    import tempfile

    index_dir = (where or Path(tempfile.mkdtemp())) / "ix"
    build_index(index_dir, docs)
    return index_dir


def test_body_scores_from_the_frequency_copy_equal_scores_from_positions(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Scoring reads `body_tf` (no positions); it must score exactly as the positions field."""
    import index.bm25 as bm25

    docs = [_doc("a", "iuran pekerja pekerja melindungi perlindungan " * 3),
            _doc("b", "pekerjaan iuran bekerja"), _doc("c", "iuran lain lain lain")]
    path = _build(docs, tmp_path)

    def scores() -> list[tuple[str, float]]:
        with open_index(path) as ix, ix.searcher() as searcher:
            hits = searcher.search(SearchRequest(query="pekerja iuran")).hits
        return [(h.id, h.score) for h in hits]

    from_frequencies = scores()
    monkeypatch.setattr(bm25, "SCORING_FIELDS", {})
    assert from_frequencies == scores()
    assert [doc_id for doc_id, _ in from_frequencies] == ["a", "b"]
