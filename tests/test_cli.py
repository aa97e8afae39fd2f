"""The telusur command line: option placement, clear errors, ingest, export."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from web.cli import _parser, main


@pytest.mark.parametrize(
    "argv",
    [
        ["--data-dir", "/tmp/x", "search", "q"],
        ["search", "q", "--data-dir", "/tmp/x"],
    ],
)
def test_data_dir_is_honoured_before_or_after_the_command(argv: list[str]) -> None:
    from web.cli import _data_dir

    assert _data_dir(_parser().parse_args(argv)) == Path("/tmp/x")


def test_data_dir_defaults_to_the_environment_then_data(monkeypatch: pytest.MonkeyPatch) -> None:
    from web.cli import _data_dir

    args = _parser().parse_args(["search", "q"])
    monkeypatch.delenv("TELUSUR_DATA_DIR", raising=False)
    assert _data_dir(args) == Path("data").resolve()
    monkeypatch.setenv("TELUSUR_DATA_DIR", "/srv/telusur")
    assert _data_dir(args) == Path("/srv/telusur")


def test_search_without_an_index_says_what_to_do(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", "jaminan", "--data-dir", str(tmp_path)]) == 1
    assert "telusur index" in capsys.readouterr().err


def test_unknown_source_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["crawl", "--source", "nope", "--data-dir", str(tmp_path)]) == 2
    assert "no source 'nope'" in capsys.readouterr().err


def test_ingest_jsonl_then_search_and_export(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    record = {"id": "uu-2004-40", "url": "https://peraturan.go.id/id/uu-no-40-tahun-2004",
              "kind": "regulation", "doc_type": "UU", "number": "40", "year": 2004,
              "title": "Undang-Undang Nomor 40 Tahun 2004 tentang Sistem Jaminan Sosial Nasional",
              "text": "Jaminan sosial adalah salah satu bentuk perlindungan sosial."}
    source = tmp_path / "docs.jsonl"
    source.write_text(json.dumps(record) + "\n\n", encoding="utf-8")
    data = tmp_path / "data"
    assert main(["ingest", str(source), "--data-dir", str(data)]) == 0
    assert "ingested 1 documents" in capsys.readouterr().out
    assert main(["search", "jaminan sosial", "--json", "--data-dir", str(data)]) == 0
    result = json.loads(capsys.readouterr().out)
    assert [hit["id"] for hit in result["hits"]] == ["uu-2004-40"]
    assert main(["export", "--data-dir", str(data)]) == 0
    exported = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert exported[0]["id"] == "uu-2004-40" and exported[0]["text"].startswith("Jaminan")


def test_ingest_reports_a_malformed_line_and_keeps_going(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x"\n', encoding="utf-8")
    good = tmp_path / "page.html"
    good.write_text(
        "<html><head><title>Jaminan sosial</title></head><body><article>"
        "<h1>Jaminan sosial bagi pekerja</h1>"
        "<p>Pemerintah daerah melindungi pekerja rentan melalui program jaminan sosial "
        "ketenagakerjaan. Setiap desa menganggarkan iuran bagi pekerja konstruksi.</p>"
        "<p>Program ini dimulai pada 2025 dan diperluas ke seluruh kecamatan setelah evaluasi "
        "oleh dinas tenaga kerja bersama BPJS Ketenagakerjaan cabang setempat.</p>"
        "<p>Kepala dinas menyampaikan bahwa target kepesertaan tahun depan adalah seluruh "
        "pekerja rentan yang telah diverifikasi oleh perbekel dan lurah.</p>"
        "</article></body></html>", encoding="utf-8")
    assert main(["ingest", str(bad), str(good), "--data-dir", str(tmp_path / "data")]) == 0
    captured = capsys.readouterr()
    assert "bad.jsonl: line 1" in captured.err
    assert "ingested 1 documents" in captured.out


def test_ingest_of_a_missing_path_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["ingest", str(tmp_path / "nope.html"), "--data-dir", str(tmp_path)]) == 1
    assert "no such file or folder" in capsys.readouterr().err


def test_warm_up_opens_the_index_before_the_first_request(tmp_path: Path) -> None:
    from corpus import Document, DocumentStore
    from index import build_index
    from web import create_app
    from web.cli import warm_up

    with DocumentStore(tmp_path / "documents") as store:
        store.put(Document(id="uu-2004-40", url="https://x/uu-40-2004", kind="regulation",
                           title="UU 40/2004", text="jaminan sosial nasional", doc_type="UU",
                           number="40", year=2004))
        build_index(tmp_path / "index", iter(store), store_seq=store.last_seq())
    app = create_app({"DATA_DIR": tmp_path, "TESTING": True})
    warm_up(app)
    assert "telusur.index" in app.extensions  # the SearchIndex is open and kept for requests


def test_warm_up_without_an_index_does_not_stop_the_server(tmp_path: Path) -> None:
    from web import create_app
    from web.cli import warm_up

    app = create_app({"DATA_DIR": tmp_path, "TESTING": True})
    warm_up(app)  # logs a warning; the app still serves its "no index yet" pages
    assert app.test_client().get("/healthz").status_code == 503


def test_index_rebuilds_an_index_of_an_older_schema(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from index import SCHEMA_VERSION
    from index.lifecycle import STATE_FILE, current_generation

    record = {"id": "uu-2011-24", "url": "https://peraturan.go.id/id/uu-no-24-tahun-2011",
              "kind": "regulation", "doc_type": "UU", "number": "24", "year": 2011,
              "title": "Undang-Undang Nomor 24 Tahun 2011 tentang Badan Penyelenggara Jaminan "
                       "Sosial", "text": "Badan Penyelenggara Jaminan Sosial dibentuk."}
    source = tmp_path / "docs.jsonl"
    source.write_text(json.dumps(record) + "\n", encoding="utf-8")
    data = tmp_path / "data"
    assert main(["ingest", str(source), "--data-dir", str(data)]) == 0
    generation = current_generation(data / "index")
    assert generation is not None
    state = json.loads((generation / STATE_FILE).read_text())
    state["schema_version"] = SCHEMA_VERSION - 1  # as if built by an older Telusur
    (generation / STATE_FILE).write_text(json.dumps(state))
    capsys.readouterr()
    assert main(["index", "--data-dir", str(data)]) == 0
    assert "index rebuilt" in capsys.readouterr().out
    assert main(["search", "penyelenggara", "--json", "--data-dir", str(data)]) == 0
    assert json.loads(capsys.readouterr().out)["hits"][0]["id"] == "uu-2011-24"
