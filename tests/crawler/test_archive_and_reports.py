"""The raw archive API, standard WARC output, reports on disk, ad-hoc seeds and bad options."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from warcio.archiveiterator import ArchiveIterator

from corpus.sources import Source
from crawler import (
    CrawlConfigError,
    RawArchive,
    adhoc_source,
    crawl,
    load_reports,
    render_report,
)
from tests.crawler.loopback import Reply, fast_config, local_source


def _site(path: str, headers: dict[str, str]) -> Reply:
    pages = {"/": b'<html><a href="/a">a</a><a href="/doc.pdf">pdf</a></html>',
             "/a": b"<html><title>A</title></html>"}
    if path == "/doc.pdf":
        return Reply(body=b"%PDF-1.4 isi", content_type="application/octet-stream")
    return Reply(body=pages[path]) if path in pages else Reply(status=404)


def test_records_come_in_archive_order_and_resume_after_a_seq(serve, tmp_path) -> None:
    site = serve(_site)
    crawl([local_source(site)], tmp_path, config=fast_config())
    archive = RawArchive(tmp_path)
    records = list(archive.records())
    assert [r.seq for r in records] == sorted(r.seq for r in records)
    assert archive.last_seq() == records[-1].seq
    assert [r.seq for r in archive.records(after=records[1].seq)] == [r.seq for r in records[2:]]
    pdf = next(r for r in records if r.url.endswith("/doc.pdf"))
    assert pdf.content_type == "application/pdf"  # sniffed, not the header's octet-stream
    assert pdf.fetched_at.utcoffset() == timedelta(0)  # aware, in UTC
    assert pdf.source == "site" and pdf.extractable
    assert archive.get(pdf.archive_ref) == pdf
    assert archive.get("nope.warc.gz#0") is None


def test_archive_is_standard_warc(serve, tmp_path) -> None:
    site = serve(_site)
    crawl([local_source(site)], tmp_path, config=fast_config())
    targets = []
    for path in (tmp_path / "warc").glob("*.warc.gz"):
        with open(path, "rb") as handle:
            types = []
            for record in ArchiveIterator(handle):
                types.append(record.rec_type)
                if record.rec_type == "response":
                    targets.append(record.rec_headers.get_header("WARC-Target-URI"))
                    assert record.rec_headers.get_header("WARC-Payload-Digest")
            assert types[0] == "warcinfo" and set(types[1:]) == {"response"}
    assert site.url + "/a" in targets


def test_empty_or_missing_archive_reads_as_empty(tmp_path) -> None:
    archive = RawArchive(tmp_path / "never-crawled")
    assert list(archive.records()) == []
    assert archive.last_seq() == 0
    assert archive.get("x#0") is None


def test_reports_are_kept_on_disk_newest_first(serve, tmp_path) -> None:
    site = serve(_site)
    first = crawl([local_source(site)], tmp_path, config=fast_config())
    second = crawl([local_source(site)], tmp_path, config=fast_config())
    reports = load_reports(tmp_path)
    assert [r.started_at for r in reports] == [second.started_at, first.started_at]
    latest = json.loads((tmp_path / "reports" / "latest.json").read_text())
    assert latest["started_at"] == second.started_at
    source = reports[0].sources[0]
    assert (source.name, source.run, source.fetched, source.complete) == ("site", 2, 3, True)
    assert source.last_crawl is not None
    text = render_report(reports[0])
    assert "site (run 2" in text and "fetched 3" in text


def test_unreadable_report_files_are_skipped(tmp_path) -> None:
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "crawl-20250101T000000000000.json").write_text("{not json")
    assert load_reports(tmp_path) == []


def test_adhoc_source_allows_the_seed_hosts() -> None:
    source = adhoc_source(["https://jdih.gianyarkab.go.id/produk-hukum", " https://Example.org/x "])
    assert source.kind == "adhoc" and source.name == "seed"
    assert source.hosts == ("jdih.gianyarkab.go.id", "example.org")
    assert not source.local
    assert adhoc_source(["http://127.0.0.1:8000/"]).local  # the user named a loopback host


@pytest.mark.parametrize("seeds", [[], [""], ["jdih.gianyarkab.go.id"], ["ftp://x.example/"]])
def test_adhoc_source_rejects_bad_seeds_with_a_hint(seeds: list[str]) -> None:
    with pytest.raises(CrawlConfigError, match="seed"):
        adhoc_source(seeds)


def test_relative_seed_without_base_url_is_a_clear_error(tmp_path) -> None:
    source = Source(name="demo", kind="demo", seeds=("/",), local=True)
    with pytest.raises(CrawlConfigError, match="base_url"):
        crawl([source], tmp_path)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [({"max_pages": -1}, "max_pages"), ({"max_depth": -2}, "max_depth")],
)
def test_negative_caps_are_refused(tmp_path, kwargs: dict[str, int], message: str) -> None:
    source = Source(name="s", kind="portal", seeds=("https://x.example/",))
    with pytest.raises(CrawlConfigError, match=message):
        crawl([source], tmp_path, **kwargs)


def test_no_sources_or_duplicates_are_refused(tmp_path) -> None:
    source = Source(name="s", kind="portal", seeds=("https://x.example/",))
    with pytest.raises(CrawlConfigError):
        crawl([], tmp_path)
    with pytest.raises(CrawlConfigError, match="twice"):
        crawl([source, source], tmp_path)


def test_base_url_resolves_root_relative_seeds_and_feeds(serve, tmp_path) -> None:
    site = serve(_site)
    source = Source(name="demo", kind="demo", seeds=("/",), feeds=("/sitemap.xml",), local=True,
                    delay=0.0)
    report = crawl([source], tmp_path, base_url=site.url, config=fast_config())
    assert {"/", "/a", "/doc.pdf", "/sitemap.xml"} <= set(site.paths())
    assert report.sources[0].outcomes["ok"] == 3


def test_max_pages_and_max_depth_override_the_source(serve, tmp_path) -> None:
    site = serve(_site)
    report = crawl([local_source(site)], tmp_path, max_depth=0, config=fast_config())
    assert [p for p in site.paths() if p != "/robots.txt"] == ["/"]
    assert report.sources[0].rejected == {"too_deep": 2}
    report = crawl([local_source(site, name="other")], tmp_path / "2", max_pages=2,
                   config=fast_config())
    assert report.sources[0].outcomes == {"ok": 2}


def test_a_second_crawl_on_the_same_dir_is_refused_while_one_runs(tmp_path) -> None:
    from crawler.state import crawl_lock

    source = Source(name="s", kind="portal", seeds=("https://x.example/",))
    with crawl_lock(tmp_path), pytest.raises(CrawlConfigError, match="another crawl"):
        crawl([source], tmp_path)


def test_crawl_dir_that_is_a_file_is_a_clear_error(tmp_path) -> None:
    from crawler import ArchiveError

    not_a_dir = tmp_path / "data"
    not_a_dir.write_text("oops")
    source = Source(name="s", kind="portal", seeds=("https://x.example/",))
    with pytest.raises(ArchiveError, match="writable directory"):
        crawl([source], not_a_dir)


def test_damaged_archive_files_give_clear_outcomes(serve, tmp_path) -> None:
    from crawler import ArchiveError

    site = serve(_site)
    crawl([local_source(site)], tmp_path, config=fast_config())
    total = len(list(RawArchive(tmp_path).records()))
    warc = next((tmp_path / "warc").glob("*.warc.gz"))
    warc.write_bytes(warc.read_bytes()[: warc.stat().st_size // 2])  # lose the second half
    intact = list(RawArchive(tmp_path).records())
    assert 0 < len(intact) < total  # what survives is read; what is lost is skipped
    (tmp_path / "state.sqlite").write_bytes(b"this is not a database" * 100)
    for suffix in ("-wal", "-shm"):
        (tmp_path / f"state.sqlite{suffix}").unlink(missing_ok=True)
    with pytest.raises(ArchiveError, match="start over"):
        list(RawArchive(tmp_path).records())
