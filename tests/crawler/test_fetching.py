"""Fetching against loopback servers: redirects, faults, retries, caps, encodings, address guard."""

from __future__ import annotations

import gzip
from pathlib import Path

import httpx
import pytest

from corpus.sources import Source
from crawler import RawArchive, RawRecord, crawl
from crawler.fetch import FetchConfig
from tests.crawler.loopback import FakeTime, Reply, fast_config, local_source


def _records(crawl_dir: Path) -> list[RawRecord]:
    return [r for r in RawArchive(crawl_dir).records() if not r.url.endswith("/robots.txt")]


def _links(*paths: str) -> Reply:
    return Reply(body=("<html><body>" + "".join(f'<a href="{p}">{p}</a>' for p in paths)
                       + "</body></html>").encode())


# redirects ------------------------------------------------------------------------------------

def test_redirect_is_followed_once_and_the_target_not_refetched(serve, tmp_path) -> None:
    def handler(path: str, headers: dict[str, str]) -> Reply:
        if path == "/":
            return _links("/old", "/new")
        if path == "/old":
            return Reply(status=301, headers={"Location": "new"})  # relative Location
        if path == "/new":
            return Reply(body=b"<html><title>Baru</title>isi</html>")
        return Reply(status=404)

    site = serve(handler)
    report = crawl([local_source(site)], tmp_path, config=fast_config())
    assert site.paths().count("/new") == 1
    assert site.paths().count("/old") == 1
    ok = {r.url: r for r in _records(tmp_path) if r.outcome == "ok"}
    assert set(ok) == {site.url + "/", site.url + "/new"}
    assert report.sources[0].outcomes.get("redirect") == 1


def test_redirect_chain_is_capped(serve, tmp_path) -> None:
    def handler(path: str, headers: dict[str, str]) -> Reply:
        if path == "/":
            return Reply(status=302, headers={"Location": "/r1"})
        if not (path.startswith("/r") and path[2:].isdigit()):
            return Reply(status=404)
        n = int(path[2:])
        return Reply(status=302, headers={"Location": f"/r{n + 1}"})

    site = serve(handler)
    report = crawl([local_source(site)], tmp_path, config=fast_config(max_redirects=4))
    assert report.sources[0].failed == {"too_many_redirects": 1}
    assert len([p for p in site.paths() if p != "/robots.txt"]) == 5  # the URL and 4 hops


def test_redirect_loop_is_detected(serve, tmp_path) -> None:
    def handler(path: str, headers: dict[str, str]) -> Reply:
        target = {"/": "/a", "/a": "/b", "/b": "/a"}.get(path)
        return Reply(status=307, headers={"Location": target}) if target else Reply(status=404)

    site = serve(handler)
    report = crawl([local_source(site)], tmp_path, config=fast_config())
    assert report.sources[0].failed == {"redirect_loop": 1}
    assert site.paths().count("/a") == 1


def test_redirect_off_the_source_is_not_followed(serve, tmp_path) -> None:
    elsewhere = serve(lambda path, headers: Reply(body=b"<html>elsewhere</html>"))
    site = serve(lambda path, headers: Reply(status=301, headers={"Location": elsewhere.url + "/x"})
                 if path == "/" else Reply(status=404))
    report = crawl([local_source(site)], tmp_path, config=fast_config())
    assert report.sources[0].blocked == {"offsite_redirect": 1}
    assert elsewhere.paths() == []


def test_304_with_a_location_header_is_not_a_redirect(serve, tmp_path) -> None:
    def handler(path: str, headers: dict[str, str]) -> Reply:
        if path == "/robots.txt":
            return Reply(status=404)
        if "if-none-match" in headers:
            return Reply(status=304, headers={"ETag": '"v1"', "Location": "/elsewhere"},
                         content_type=None)
        return Reply(body=b"<html>home</html>", headers={"ETag": '"v1"'})

    site = serve(handler)
    crawl([local_source(site)], tmp_path, config=fast_config())
    report = crawl([local_source(site)], tmp_path, config=fast_config())
    assert report.sources[0].outcomes == {"not_modified": 1}
    assert "/elsewhere" not in site.paths()


# faults ---------------------------------------------------------------------------------------

def test_server_error_then_success_is_retried(serve, tmp_path, fake_time: FakeTime) -> None:
    calls: list[str] = []

    def handler(path: str, headers: dict[str, str]) -> Reply:
        calls.append(path)
        if path == "/" and calls.count("/") == 1:
            return Reply(status=500, body=b"busy")
        return Reply(body=b"<html>ok</html>") if path == "/" else Reply(status=404)

    site = serve(handler)
    report = crawl([local_source(site)], tmp_path, config=fast_config(fake_time))
    assert report.sources[0].outcomes == {"ok": 1}
    assert [r.status for r in _records(tmp_path)] == [500, 200]  # both archived, in order
    assert [r.outcome for r in _records(tmp_path)] == ["server_error", "ok"]


@pytest.mark.parametrize(
    ("status", "retry_after", "expected_wait"),
    [(429, "7", 7.0), (503, "Wed, 21 Oct 2015 07:28:00 GMT", 0.0), (503, "12", 12.0)],
)
def test_retry_after_is_honoured(serve, tmp_path, fake_time: FakeTime, status: int,
                                 retry_after: str, expected_wait: float) -> None:
    served: list[int] = []

    def handler(path: str, headers: dict[str, str]) -> Reply:
        if path != "/":
            return Reply(status=404)
        served.append(1)
        if len(served) == 1:
            return Reply(status=status, headers={"Retry-After": retry_after}, body=b"later")
        return Reply(body=b"<html>now</html>")

    site = serve(handler)
    report = crawl([local_source(site)], tmp_path, config=fast_config(fake_time))
    assert report.sources[0].outcomes == {"ok": 1}
    if expected_wait:
        assert max(fake_time.sleeps) == pytest.approx(expected_wait, abs=0.01)


def test_retry_after_beyond_the_limit_gives_up(serve, tmp_path, fake_time: FakeTime) -> None:
    site = serve(lambda path, headers: Reply(status=503, headers={"Retry-After": "86400"})
                 if path == "/" else Reply(status=404))
    report = crawl([local_source(site)], tmp_path, config=fast_config(fake_time))
    assert report.sources[0].failed == {"server_error": 1}
    assert site.paths().count("/") == 1
    assert all(s < 3600 for s in fake_time.sleeps)


def test_stalled_read_times_out(serve, tmp_path) -> None:
    def handler(path: str, headers: dict[str, str]) -> Reply:
        if path == "/robots.txt":
            return Reply(status=404)
        return Reply(body=iter([b"<html>start", b"__STALL__", b"end</html>"]), length=30)

    site = serve(handler)
    config = fast_config(max_retries=1, fetch=FetchConfig(connect_timeout=1, read_timeout=0.3,
                                                          total_timeout=2))
    report = crawl([local_source(site)], tmp_path, config=config)
    assert report.sources[0].failed == {"timeout": 1}
    assert site.paths().count("/") == 2  # one retry


def test_connection_reset_mid_body_is_retried(serve, tmp_path) -> None:
    attempts: list[int] = []

    def handler(path: str, headers: dict[str, str]) -> Reply:
        if path != "/":
            return Reply(status=404)
        attempts.append(1)
        if len(attempts) == 1:  # promise 10,000 bytes, send 50, hang up
            return Reply(body=iter([b"<html>" + b"x" * 44]), length=10_000, abort_after=True)
        return Reply(body=b"<html>whole</html>")

    site = serve(handler)
    report = crawl([local_source(site)], tmp_path, config=fast_config())
    assert report.sources[0].outcomes == {"ok": 1}
    assert [r.body for r in _records(tmp_path)] == [b"<html>whole</html>"]


def test_truncated_gzip_is_recorded_as_truncated(serve, tmp_path) -> None:
    encoded = gzip.compress(b"<html>" + b"pasal " * 5000 + b"</html>")
    half = encoded[: len(encoded) // 2]
    site = serve(lambda path, headers: Reply(body=half, headers={"Content-Encoding": "gzip"})
                 if path == "/" else Reply(status=404))
    report = crawl([local_source(site)], tmp_path, config=fast_config())
    assert report.sources[0].failed == {"truncated": 1}
    record = _records(tmp_path)[0]
    assert record.outcome == "truncated" and not record.extractable


# caps -----------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("max_bytes", "kept"),
    [(1_000_000, 1_000_000),  # cut at the cap
     (5_000_000, 1024 * 1024)],  # announced beyond the cap: only a sample is read
)
def test_fifty_megabyte_body_is_cut_not_downloaded(serve, tmp_path, max_bytes: int,
                                                   kept: int) -> None:
    sent: list[int] = []

    def chunks():
        for _ in range(800):  # 800 x 64 KiB = 50 MiB
            sent.append(1)
            yield b"%PDF-1.4" + b"\0" * 65528

    site = serve(lambda path, headers: Reply(body=chunks(), content_type="application/pdf",
                                              length=800 * 65536)
                 if path == "/big.pdf" else Reply(status=404))
    source = local_source(site, seeds=(site.url + "/big.pdf",))
    config = fast_config(fetch=FetchConfig(max_bytes=max_bytes, read_timeout=2))
    report = crawl([source], tmp_path, config=config)
    record = _records(tmp_path)[0]
    assert record.outcome == "truncated"
    assert len(record.body) == kept
    assert report.sources[0].bytes < 10_000_000
    assert len(sent) < 400  # the server was stopped well before 50 MiB


def test_gzip_bomb_is_stopped(serve, tmp_path) -> None:
    bomb = gzip.compress(b"\0" * 30_000_000, compresslevel=9)
    site = serve(lambda path, headers: Reply(body=bomb, headers={"Content-Encoding": "gzip"})
                 if path == "/" else Reply(status=404))
    report = crawl([local_source(site)], tmp_path, config=fast_config())
    assert report.sources[0].failed == {"bomb": 1}
    assert len(_records(tmp_path)[0].body) <= 2 * 1024 * 1024


# encodings ------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("content_type", "body", "charset", "link"),
    [
        ("text/html; charset=utf-8", '<a href="/café">x</a>'.encode(), "utf-8", "/caf%C3%A9"),
        ("text/html; charset=windows-1252", '<a href="/café">x</a>'.encode("cp1252"),
         "windows-1252", "/caf%C3%A9"),
        ("text/html", '<meta charset="iso-8859-1"><a href="/café">x</a>'.encode("latin-1"),
         None, "/caf%C3%A9"),
        ("text/html; charset=utf-9", b'<a href="/plain">x</a>', "utf-9", "/plain"),
        ("text/html; charset=utf-8", '\ufeff<a href="/ä">x</a>'.encode("utf-16"), "utf-8",
         "/%C3%A4"),  # header lies; the BOM tells the truth
        (None, b'<html><a href="/tanpa-header">x</a></html>', None, "/tanpa-header"),
    ],
)
def test_charset_is_recorded_as_declared_and_links_still_found(
        serve, tmp_path, content_type: str | None, body: bytes, charset: str | None,
        link: str) -> None:
    site = serve(lambda path, headers: Reply(body=body, content_type=content_type)
                 if path == "/" else Reply(body=b"<html>ok</html>"))
    crawl([local_source(site)], tmp_path, config=fast_config())
    home = next(r for r in _records(tmp_path) if r.url == site.url + "/")
    assert home.charset == charset
    assert home.body == body  # stored exactly as received
    assert home.content_type == "text/html"
    assert link in site.paths()


# address guard --------------------------------------------------------------------------------

def test_non_local_source_never_fetches_loopback(serve, tmp_path) -> None:
    site = serve(lambda path, headers: Reply(body=b"<html>secret</html>"))
    source = local_source(site, local=False)
    report = crawl([source], tmp_path, config=fast_config())
    assert site.paths() == []
    assert report.sources[0].blocked == {"private_address": 1}


@pytest.mark.parametrize(
    "url",
    ["http://10.0.0.8/", "http://169.254.169.254/latest/meta-data/", "http://[::1]/",
     "http://192.168.1.1/", "http://localhost/", "http://0.0.0.0/", "http://[::ffff:127.0.0.1]/"],
)
def test_private_addresses_are_refused(tmp_path, url: str) -> None:
    requested: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        requested.append(str(request.url))
        return httpx.Response(200, html="<html>x</html>")

    source = Source(name="s", kind="portal", seeds=(url,), delay=0.0)
    report = crawl([source], tmp_path, transport=httpx.MockTransport(handler), config=fast_config())
    assert requested == []
    assert report.sources[0].blocked == {"private_address": 1}


def test_public_host_redirecting_to_a_private_address_is_refused(tmp_path) -> None:
    requested: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        requested.append(str(request.url))
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        if request.url.host == "jdih.example.go.id":
            return httpx.Response(302, headers={"Location": "http://169.254.169.254/"})
        return httpx.Response(200, html="metadata")

    source = Source(name="s", kind="jdih", seeds=("http://jdih.example.go.id/",), delay=0.0,
                    hosts=("jdih.example.go.id", "169.254.169.254"))
    report = crawl([source], tmp_path, transport=httpx.MockTransport(handler), config=fast_config())
    assert not any("169.254" in u for u in requested)
    assert report.sources[0].blocked == {"private_address": 1}


def test_sitemaps_listed_in_robots_are_crawled(serve, tmp_path) -> None:
    def handler(path: str, headers: dict[str, str]) -> Reply:
        if path == "/robots.txt":
            return Reply(body=b"User-agent: *\nAllow: /\nSitemap: /peta.xml\n",
                         content_type="text/plain")
        if path == "/peta.xml":
            return Reply(body=b"<urlset><url><loc>/hanya-di-peta</loc></url></urlset>",
                         content_type="application/xml")
        return Reply(body=b"<html>page</html>")

    site = serve(handler)
    crawl([local_source(site)], tmp_path, config=fast_config())
    assert site.paths()[0] == "/robots.txt"
    assert "/peta.xml" in site.paths()
    assert "/hanya-di-peta" in site.paths()


def test_host_answering_challenges_is_left_alone(serve, tmp_path) -> None:
    challenge = (b"<html><head><title>Just a moment...</title></head><body>"
                 b"<script src='/cdn-cgi/challenge-platform/h/b/orchestrate/jsch/v1'></script>")
    site = serve(lambda path, headers: Reply(status=403, body=challenge))
    seeds = tuple(f"{site.url}/dokumen/{i}" for i in range(10))
    report = crawl([local_source(site, seeds=seeds)], tmp_path,
                   config=fast_config(concurrency=1))
    assert report.sources[0].blocked == {"challenge": 10}
    assert len([p for p in site.paths() if p != "/robots.txt"]) == 3
    assert all(r.outcome == "challenge" for r in RawArchive(tmp_path).records()
               if not r.url.endswith("/robots.txt"))


def test_unreachable_host_is_reported_down_after_its_robots_txt(tmp_path) -> None:
    attempts: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        attempts.append(request.url.path)
        raise httpx.ConnectError("no route to host", request=request)

    source = Source(name="s", kind="jdih", seeds=tuple(f"https://jdih.example.go.id/{i}"
                                                      for i in range(5)), delay=0.0)
    report = crawl([source], tmp_path, transport=httpx.MockTransport(handler),
                   config=fast_config(max_retries=2))
    assert report.sources[0].failed == {"host_down": 5}
    assert attempts == ["/robots.txt"] * 3  # one robots.txt fetch with two retries, nothing else


def test_feed_cut_at_the_byte_cap_still_yields_its_links(serve, tmp_path) -> None:
    import json

    records = [{"idData": str(i), "urlDownload": f"/dokumen/{i}.pdf", "operasi": "4"}
               for i in range(600)]
    feed = json.dumps(records).encode()

    def handler(path: str, headers: dict[str, str]) -> Reply:
        if path == "/feed/document.json":
            return Reply(body=feed, content_type="application/json")
        if path.startswith("/dokumen/"):
            return Reply(body=b"%PDF-1.4 isi", content_type="application/pdf")
        return Reply(status=404)

    site = serve(handler)
    source = local_source(site, seeds=(), feeds=(site.url + "/feed/document.json",))
    config = fast_config(fetch=FetchConfig(max_bytes=len(feed) // 10, read_timeout=2))
    report = crawl([source], tmp_path, config=config)
    pdfs = [p for p in site.paths() if p.startswith("/dokumen/")]
    assert report.sources[0].outcomes["truncated"] == 1
    assert 30 < len(pdfs) < 600  # the records read before the cut


@pytest.mark.parametrize(
    ("head", "header", "outcome", "followed"),
    [
        ('<meta name="robots" content="noindex">', None, "noindex", True),
        ('<meta name="robots" content="nofollow">', None, "ok", False),
        ('<meta name="TelusurBot" content="none">', None, "noindex", False),
        ('<meta name="googlebot" content="noindex, nofollow">', None, "ok", True),  # not us
        ("", "noindex", "noindex", True),
        ("", "otherbot: noindex", "ok", True),
    ],
)
def test_meta_robots_and_x_robots_tag_are_obeyed(serve, tmp_path, head: str,
                                                 header: str | None, outcome: str,
                                                 followed: bool) -> None:
    def handler(path: str, headers: dict[str, str]) -> Reply:
        if path == "/":
            extra = {"X-Robots-Tag": header} if header else {}
            return Reply(body=f'<html><head>{head}</head><a href="/next">n</a></html>'.encode(),
                         headers=extra)
        return Reply(body=b"<html>next</html>") if path == "/next" else Reply(status=404)

    site = serve(handler)
    crawl([local_source(site)], tmp_path, config=fast_config())
    home = next(r for r in _records(tmp_path) if r.url == site.url + "/")
    assert home.outcome == outcome
    assert ("/next" in site.paths()) is followed
