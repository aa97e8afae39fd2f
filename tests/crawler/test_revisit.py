"""Second crawls: conditional requests, 304 and same hash as unchanged, new pages found."""

from __future__ import annotations

import hashlib
from collections import Counter

from crawler import RawArchive, crawl
from tests.crawler.loopback import Reply, fast_config, local_source


class Pages:
    """A small site whose pages honour If-None-Match, except /plain which ignores validators."""

    def __init__(self) -> None:
        self.pages = {
            "/": '<a href="/a">a</a><a href="/plain">p</a>',
            "/a": '<a href="/b">b</a>',  # /b is linked only from /a
            "/b": "leaf",
            "/plain": "no validators here",
        }

    def __call__(self, path: str, headers: dict[str, str]) -> Reply:
        if path not in self.pages:
            return Reply(status=404)
        body = f"<html><body>{self.pages[path]}</body></html>".encode()
        if path == "/plain":
            return Reply(body=body)
        etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
        if headers.get("if-none-match") == etag:
            return Reply(status=304, headers={"ETag": etag}, content_type=None)
        modified = "Mon, 01 Sep 2025 00:00:00 GMT"
        return Reply(body=body, headers={"ETag": etag, "Last-Modified": modified})


def test_second_crawl_is_mostly_304_and_finds_new_pages(serve, tmp_path) -> None:
    pages = Pages()
    site = serve(pages)
    first = crawl([local_source(site)], tmp_path, config=fast_config())
    assert first.sources[0].new == 4
    first_requests = len(site.requests)

    pages.pages["/"] += '<a href="/c">c</a>'  # the home page changes and links a new page
    pages.pages["/c"] = "brand new"
    second = crawl([local_source(site)], tmp_path, config=fast_config())

    later = site.requests[first_requests:]
    conditional = {p for p, h in later if "if-none-match" in h}
    assert conditional == {"/", "/a", "/b"}  # every page with validators was asked conditionally
    assert "/c" in [p for p, _ in later]  # the new page was found
    assert "/b" in [p for p, _ in later]  # ...and /b was revisited although /a answered 304
    report = second.sources[0]
    assert report.outcomes["not_modified"] == 2  # /a and /b
    assert report.outcomes["unchanged"] == 1  # /plain: same bytes, not extracted again
    assert report.unchanged == 3  # two 304s and /plain with the same hash
    assert report.new == 2  # the changed home page and /c
    assert report.run == 2 and report.complete


def test_each_crawl_fetches_each_url_once(serve, tmp_path) -> None:
    site = serve(Pages())
    for _ in range(3):
        crawl([local_source(site)], tmp_path, config=fast_config())
    counts = Counter(p for p, _ in site.requests if p != "/robots.txt")
    assert set(counts.values()) == {3}


def test_304_is_archived_with_its_outcome(serve, tmp_path) -> None:
    site = serve(Pages())
    crawl([local_source(site)], tmp_path, config=fast_config())
    last = RawArchive(tmp_path).last_seq()
    crawl([local_source(site)], tmp_path, config=fast_config())
    later = [r for r in RawArchive(tmp_path).records(after=last) if r.url.endswith("/a")]
    assert [(r.status, r.outcome, r.body, r.extractable) for r in later] == [
        (304, "not_modified", b"", False)
    ]
