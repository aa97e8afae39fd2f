"""A damaged or half-written index is detected at open, never served."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpus import Document
from index import IndexCorruptError, SearchRequest, build_index, open_index, update_index
from index.integrity import MANIFEST
from index.lifecycle import current_generation
from web import create_app


def _docs(count: int = 40) -> list[Document]:
    return [
        Document(id=f"perbup-contoh-2024-{n}", url=f"https://jdih.test/{n}", kind="regulation",
                 title=f"Peraturan Bupati Contoh Nomor {n} Tahun 2024",
                 text=f"Pasal 1 Iuran jaminan kecelakaan kerja bagi pekerja rentan nomor {n}.",
                 doc_type="Perbup", number=str(n), year=2024, region="Kabupaten Contoh",
                 source="test")
        for n in range(1, count + 1)
    ]


@pytest.fixture
def index_dir(tmp_path: Path) -> Path:
    build_index(tmp_path / "index", _docs())
    return tmp_path / "index"


def _biggest_segment(index_dir: Path) -> Path:
    generation = current_generation(index_dir)
    assert generation is not None
    return max((p for p in generation.iterdir() if p.suffix == ".seg"),
               key=lambda p: p.stat().st_size)


def _search(index_dir: Path) -> int:
    with open_index(index_dir) as ix, ix.searcher() as searcher:
        return searcher.search(SearchRequest(query="pekerja rentan")).total


def test_a_healthy_index_has_a_manifest_and_opens(index_dir: Path) -> None:
    generation = current_generation(index_dir)
    assert generation is not None
    manifest = json.loads((generation / MANIFEST).read_text())
    assert manifest["files"] and all(len(f["sha256"]) == 64 for f in manifest["files"].values())
    assert _search(index_dir) == 40


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda p: p.write_bytes(p.read_bytes()[: p.stat().st_size // 2]), "bytes"),
        (lambda p: p.write_bytes(p.read_bytes()[:100] + bytes([p.read_bytes()[100] ^ 0xFF])
                                 + p.read_bytes()[101:]), "checksum"),
        (lambda p: p.unlink(), "missing"),
    ],
    ids=["truncated", "bit-flip", "deleted"],
)
def test_damaged_files_are_detected_at_open(index_dir: Path, damage, message: str) -> None:  # type: ignore[no-untyped-def]
    segment = _biggest_segment(index_dir)
    damage(segment)
    with pytest.raises(IndexCorruptError, match=message) as caught:
        open_index(index_dir)
    assert "telusur index --rebuild" in str(caught.value)


def test_without_a_manifest_a_truncated_segment_is_still_caught_by_reading(
    index_dir: Path,
) -> None:
    generation = current_generation(index_dir)
    assert generation is not None
    (generation / MANIFEST).unlink()
    segment = _biggest_segment(index_dir)
    segment.write_bytes(segment.read_bytes()[: segment.stat().st_size // 2])
    with pytest.raises(IndexCorruptError, match="damaged"):
        open_index(index_dir)


def test_incremental_updates_keep_the_manifest_current(index_dir: Path) -> None:
    extra = _docs(41)[-1:]
    update_index(index_dir, extra)
    update_index(index_dir, [], deleted=["perbup-contoh-2024-1"])
    assert _search(index_dir) == 40  # 40 + 1 - 1, and the manifest matches the new files


def test_a_stale_manifest_from_a_killed_writer_does_not_block_a_sound_index(
    index_dir: Path,
) -> None:
    generation = current_generation(index_dir)
    assert generation is not None
    manifest = json.loads((generation / MANIFEST).read_text())
    manifest["toc_generation"] -= 1  # as if the writer died after commit, before the manifest
    manifest["files"] = {"gone.seg": {"size": 1, "sha256": "0" * 64}}
    (generation / MANIFEST).write_text(json.dumps(manifest))
    assert _search(index_dir) == 40


def test_the_web_answers_503_with_a_reason_for_a_damaged_index(tmp_path: Path) -> None:
    build_index(tmp_path / "index", _docs())
    segment = _biggest_segment(tmp_path / "index")
    segment.write_bytes(segment.read_bytes()[:64])
    client = create_app({"DATA_DIR": tmp_path, "TESTING": True}).test_client()
    health = client.get("/healthz")
    api = client.get("/api/search?q=pekerja")
    assert health.status_code == 503 and api.status_code == 503
    assert api.get_json()["error"]["code"] == "index_damaged"
    assert "rebuild" in api.get_json()["error"]["message"]


def test_an_update_hashes_only_the_files_it_wrote(
    index_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from index import integrity

    generation = current_generation(index_dir)
    assert generation is not None
    before = json.loads((generation / MANIFEST).read_text())["files"]
    hashed: list[str] = []
    real = integrity._sha256
    monkeypatch.setattr(integrity, "_sha256", lambda p: hashed.append(p.name) or real(p))
    update_index(index_dir, _docs(41)[-1:])
    after = json.loads((generation / MANIFEST).read_text())["files"]
    kept = [name for name in before if name in after and name not in hashed]
    assert kept  # unchanged segment files were not read again
    assert all(after[name]["sha256"] == before[name]["sha256"] for name in kept)
    assert _search(index_dir) == 41  # and the manifest still verifies at open
