"""Index life: atomic rebuilds, incremental updates, schema version, the single-writer lock."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from corpus.model import Document, Part
from index import (
    IndexLockedError,
    IndexMissingError,
    SchemaVersionError,
    SearchRequest,
    build_index,
    index_state,
    open_index,
    update_index,
)
from index.lifecycle import CURRENT, STATE_FILE, current_generation, writer_lock
from index.schema import SCHEMA_VERSION


def total(index_dir: Path, query: str) -> int:
    with open_index(index_dir) as ix, ix.searcher() as searcher:
        return searcher.search(SearchRequest(query=query)).total


def test_state_records_version_seq_and_count(fresh_index: Path) -> None:
    state = index_state(fresh_index)
    assert state is not None
    assert (state.schema_version, state.store_seq, state.doc_count) == (SCHEMA_VERSION, 1, 8)
    assert state.built_at <= state.updated_at


def test_missing_index_says_how_to_build_it(tmp_path: Path) -> None:
    assert index_state(tmp_path) is None
    with pytest.raises(IndexMissingError, match="run `telusur index`"):
        open_index(tmp_path / "nothing")


def test_rebuild_that_fails_midway_leaves_the_old_index_serving(fresh_index: Path,
                                                                corpus_docs: list) -> None:
    before = current_generation(fresh_index)

    def broken() -> Iterator[Document]:
        yield corpus_docs[0]
        raise RuntimeError("extraction crashed")

    with pytest.raises(RuntimeError, match="extraction crashed"):
        build_index(fresh_index, broken())
    assert current_generation(fresh_index) == before
    assert sorted(p.name for p in fresh_index.glob("gen-*")) == [before.name]
    assert total(fresh_index, "pekerja rentan") == 4


def test_rebuild_swaps_in_and_open_searchers_pick_it_up(fresh_index: Path,
                                                        corpus_docs: list) -> None:
    with open_index(fresh_index) as ix:
        with ix.searcher() as searcher:
            assert searcher.doc_count() == 8
        build_index(fresh_index, corpus_docs[:2], store_seq=9)
        with ix.searcher() as searcher:
            assert searcher.doc_count() == 2
    assert index_state(fresh_index).store_seq == 9
    assert len(list(fresh_index.glob("gen-*"))) <= 2


def test_a_decree_hit_points_at_its_diktum(fresh_index: Path, corpus_docs: list) -> None:
    old = next(d for d in corpus_docs if d.id == "perbup-gianyar-2018-55")
    text = "KESATU : Membentuk tim.\nKEDUA : Tim memetakan penyelam dan pemandu wisata."
    parts = (Part("diktum-1", "diktum", "Diktum KESATU", "Membentuk tim."),
             Part("diktum-2", "diktum", "Diktum KEDUA",
                  "Tim memetakan penyelam dan pemandu wisata."))
    with open_index(fresh_index) as ix:
        update_index(fresh_index, [old.replace(parts=parts, text=text)], store_seq=5)
        with ix.searcher() as searcher:
            hits = searcher.search(SearchRequest(query="penyelam")).hits
            assert hits and hits[0].best_part is not None
            assert (hits[0].best_part.anchor, hits[0].best_part.label) == ("diktum-2",
                                                                           "Diktum KEDUA")


def test_update_replaces_a_document_and_its_parts(fresh_index: Path, corpus_docs: list) -> None:
    old = next(d for d in corpus_docs if d.id == "perbup-gianyar-2018-55")
    text = "Pasal 1 Penyelam dan pemandu wisata."
    new = old.replace(parts=(Part("pasal-1", "pasal", "Pasal 1", text),), text=text)
    with open_index(fresh_index) as ix:
        with ix.searcher() as searcher:
            searcher.search(SearchRequest(query="penyelam"))
        stats = update_index(fresh_index, [new], store_seq=5)
        assert (stats.added, stats.created) == (1, False)
        with ix.searcher() as searcher:
            hits = searcher.search(SearchRequest(query="penyelam")).hits
            assert [h.id for h in hits] == ["perbup-gianyar-2018-55"]
            assert hits[0].best_part is not None and hits[0].best_part.anchor == "pasal-1"
            assert "perbup-gianyar-2018-55" not in [
                h.id for h in searcher.search(SearchRequest(query="kepesertaan")).hits]
            assert searcher.doc_count() == 8
    assert index_state(fresh_index).store_seq == 5


def test_update_deletes_documents(fresh_index: Path) -> None:
    stats = update_index(fresh_index, [], deleted=["berita-warta-1"])
    assert stats.deleted == 1
    assert index_state(fresh_index).doc_count == 7
    assert total(fresh_index, "paritrana") == 0


def test_update_creates_a_missing_index(tmp_path: Path, corpus_docs: list) -> None:
    stats = update_index(tmp_path / "new", corpus_docs[:3], store_seq=3)
    assert stats.created and stats.added == 3
    assert index_state(tmp_path / "new").doc_count == 3


def test_schema_version_mismatch_asks_for_a_rebuild(fresh_index: Path) -> None:
    state_file = current_generation(fresh_index) / STATE_FILE
    data = json.loads(state_file.read_text())
    data["schema_version"] = SCHEMA_VERSION + 41
    state_file.write_text(json.dumps(data))
    with pytest.raises(SchemaVersionError) as raised:
        open_index(fresh_index)
    message = str(raised.value)
    assert f"v{SCHEMA_VERSION + 41}" in message and f"needs v{SCHEMA_VERSION}" in message
    assert "telusur index --rebuild" in message


def test_second_writer_gets_index_locked_error(fresh_index: Path, corpus_docs: list) -> None:
    with writer_lock(fresh_index):
        with pytest.raises(IndexLockedError, match="another process"):
            update_index(fresh_index, corpus_docs[:1])
        with pytest.raises(IndexLockedError):
            build_index(fresh_index, corpus_docs)
    assert update_index(fresh_index, corpus_docs[:1]).added == 1


def test_stale_lock_file_of_a_dead_process_is_recovered(fresh_index: Path, corpus_docs: list,
                                                        caplog: pytest.LogCaptureFixture) -> None:
    (fresh_index / "write.lock").write_text("999999999")
    assert update_index(fresh_index, corpus_docs[:1]).added == 1
    assert "recovered" in caplog.text


def test_concurrent_writers_never_see_raw_whoosh_errors(fresh_index: Path,
                                                        corpus_docs: list) -> None:
    errors: list[BaseException] = []

    def write() -> None:
        try:
            update_index(fresh_index, corpus_docs[:2])
        except IndexLockedError:
            pass
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=write) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert index_state(fresh_index).doc_count == 8


def test_corrupt_current_pointer_gives_a_clear_error(fresh_index: Path) -> None:
    (fresh_index / CURRENT).write_text("../../etc")
    with pytest.raises(Exception, match="rebuild"):
        open_index(fresh_index)


def test_leftovers_of_a_killed_rebuild_are_removed_by_the_next(fresh_index: Path,
                                                               corpus_docs: list) -> None:
    killed = fresh_index / "gen-0000000000000000001"
    killed.mkdir()
    (killed / "MAIN_WRITELOCK").write_text("")
    build_index(fresh_index, corpus_docs)
    assert not killed.exists()
    assert total(fresh_index, "pekerja rentan") == 4
