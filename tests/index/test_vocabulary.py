"""The vocabulary file: written with every commit, read at open, ignored when out of date."""

from __future__ import annotations

from pathlib import Path

import pytest
from whoosh import index as whoosh_index

from corpus.model import Document
from index import IndexCorruptError, SearchRequest, open_index, update_index
from index.integrity import write_manifest
from index.lexicon import VOCABULARY_FILE, read_vocabulary, reader_words, write_vocabulary
from index.lifecycle import current_generation


def _commit(generation: Path) -> int:
    ix = whoosh_index.open_dir(str(generation))
    try:
        return int(ix.latest_generation())
    finally:
        ix.close()


def _reader_vocabulary(generation: Path) -> set[str]:
    ix = whoosh_index.open_dir(str(generation))
    try:
        with ix.reader() as reader:
            return {w for w in reader_words(reader) if 3 < len(w) <= 40}
    finally:
        ix.close()


def test_build_writes_the_vocabulary_of_its_commit(fresh_index: Path) -> None:
    generation = current_generation(fresh_index)
    assert generation is not None
    vocabulary = read_vocabulary(generation, _commit(generation))
    assert vocabulary is not None
    assert set(vocabulary) == _reader_vocabulary(generation)
    assert {"kepesertaan", "melindungi", "gianyar"} <= set(vocabulary)


def test_update_adds_the_new_words_for_the_new_commit(fresh_index: Path) -> None:
    doc = Document(id="berita-x", url="https://warta.example/x", kind="news",
                   title="Nelayan Tabanan diasuransikan", text="Program perisai nelayan.")
    update_index(fresh_index, [doc])
    generation = current_generation(fresh_index)
    assert generation is not None
    vocabulary = read_vocabulary(generation, _commit(generation))
    assert vocabulary is not None
    assert {"nelayan", "tabanan", "diasuransikan", "perisai", "kepesertaan"} <= set(vocabulary)
    with open_index(fresh_index) as ix, ix.searcher() as searcher:
        assert "berita-x" in [h.id for h in searcher.search(SearchRequest(query="perisai")).hits]


@pytest.mark.parametrize("damage", ["missing", "other commit", "garbled"])
def test_searcher_reads_term_files_when_the_vocabulary_does_not_fit(fresh_index: Path,
                                                                    damage: str) -> None:
    generation = current_generation(fresh_index)
    assert generation is not None
    path = generation / VOCABULARY_FILE
    if damage == "missing":
        path.unlink()
    elif damage == "other commit":
        write_vocabulary(generation, _commit(generation) + 5, ["zzzz"])
    else:
        path.write_bytes(b"\xff\xfe not a vocabulary")
    ix = whoosh_index.open_dir(str(generation))
    write_manifest(generation, ix)  # as an index written before vocabulary files existed
    ix.close()
    assert read_vocabulary(generation, _commit(generation)) is None
    with open_index(fresh_index) as ix, ix.searcher() as searcher:
        response = searcher.search(SearchRequest(query="perlindungan"))
    assert "berita-warta-1" in [h.id for h in response.hits]  # "melindungi": a family member


def test_vocabulary_damaged_after_its_manifest_is_reported(fresh_index: Path) -> None:
    generation = current_generation(fresh_index)
    assert generation is not None
    (generation / VOCABULARY_FILE).write_text("telusur-vocabulary 1 1\nzzzz\n")
    with pytest.raises(IndexCorruptError, match=r"vocabulary\.txt"):
        open_index(fresh_index)


def test_words_of_deleted_documents_are_never_suggested(fresh_index: Path) -> None:
    doc = Document(id="berita-y", url="https://warta.example/y", kind="news",
                   title="Subak Gianyar", text="Krama subak menerima santunan.")
    update_index(fresh_index, [doc])
    update_index(fresh_index, [], deleted=["berita-y"])
    with open_index(fresh_index) as ix, ix.searcher() as searcher:
        response = searcher.search(SearchRequest(query="santunam"))
    assert response.suggestion is None
    assert response.total == 0
