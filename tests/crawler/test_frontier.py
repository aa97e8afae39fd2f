"""The frontier: scope, priorities, seen-set, depth and query caps, traps, canonical pages."""

from __future__ import annotations

import pytest

from corpus.sources import Source
from crawler import crawl
from crawler.frontier import DOCUMENT, FEED, LISTING, PAGE, Frontier, Scope, priority_class
from crawler.progress import Progress
from tests.crawler.loopback import Reply, fast_config, local_source


@pytest.mark.parametrize(
    ("url", "is_feed", "expected"),
    [
        ("https://x.example/sitemap.xml", False, FEED),
        ("https://x.example/sitemap-posts.xml.gz", False, FEED),
        ("https://x.example/feed/document.json", False, FEED),
        ("https://x.example/berita/rss", False, FEED),
        ("https://x.example/api/jdihn", True, FEED),
        ("https://x.example/produk-hukum/peraturan-bupati", False, LISTING),
        ("https://x.example/berita?page=3", False, LISTING),
        ("https://x.example/tag/bpjs", False, LISTING),
        ("https://x.example/storage/perbup-35-2025.pdf", False, DOCUMENT),
        ("https://x.example/download?f=a.PDF", False, DOCUMENT),
        ("https://x.example/tentang-kami", False, PAGE),
    ],
)
def test_priority_class(url: str, is_feed: bool, expected: int) -> None:
    assert priority_class(url, is_feed) == expected


SOURCE = Source(name="s", kind="jdih", seeds=("https://jdih.example.go.id/",),
                allow=(r"^https://[^/]+/(produk-hukum|storage|$)",), deny=(r"/produk-hukum/cetak",))


@pytest.mark.parametrize(
    ("url", "inside"),
    [
        ("https://jdih.example.go.id/", True),
        ("https://www.jdih.example.go.id/produk-hukum/a", True),  # www. is the same site
        ("https://files.jdih.example.go.id/storage/a.pdf", True),  # a subdomain
        ("https://example.go.id/produk-hukum/a", False),  # the parent domain is not
        ("https://jdih.example.go.id.evil.example/produk-hukum/a", False),
        ("https://jdih.example.go.id/login", False),  # not allowed
        ("https://jdih.example.go.id/produk-hukum/cetak/1", False),  # denied
    ],
)
def test_scope(url: str, inside: bool) -> None:
    assert Scope.of(SOURCE, list(SOURCE.seeds)).contains(url) is inside


def _frontier(**caps: int) -> tuple[Frontier, Scope]:
    frontier = Frontier(runs={"s": 1}, max_depth={"s": 3}, **caps)
    return frontier, Scope(frozenset({"x.example"}))


def test_offer_keeps_one_spelling_and_orders_by_class_then_depth() -> None:
    frontier, scope = _frontier()
    assert frontier.offer("http://x.example/about", "s", scope, 1)
    assert frontier.offer("http://X.example:80/about#top", "s", scope, 1) is None  # seen
    assert frontier.offer("http://x.example/a.pdf", "s", scope, 3)
    assert frontier.offer("http://x.example/list?page=2", "s", scope, 2)
    assert frontier.offer("http://x.example/sitemap.xml", "s", scope, 2, is_feed=True)
    order = [frontier.pop().url for _ in range(4)]  # type: ignore[union-attr]
    assert order == ["http://x.example/sitemap.xml", "http://x.example/list?page=2",
                     "http://x.example/a.pdf", "http://x.example/about"]
    assert frontier.pop() is None


def test_offer_refuses_too_deep_traps_offsite_and_query_explosions() -> None:
    frontier, scope = _frontier(max_query_variants=3)
    assert frontier.offer("http://x.example/deep", "s", scope, 4) is None
    assert frontier.offer("http://x.example/cal?month=2024-05", "s", scope, 1) is None
    assert frontier.offer("http://elsewhere.example/", "s", scope, 1) is None
    accepted = [frontier.offer(f"http://x.example/s?q={i}", "s", scope, 1) for i in range(6)]
    assert sum(1 for a in accepted if a) == 3
    assert frontier.rejected_for("s") == {"too_deep": 1, "calendar": 1, "out_of_scope": 1,
                                          "query_explosion": 3}


def test_url_of_another_source_is_not_taken_twice() -> None:
    frontier = Frontier(runs={"a": 1, "b": 4}, max_depth={"a": 5, "b": 5})
    scope = Scope(frozenset({"x.example"}))
    assert frontier.offer("http://x.example/shared", "a", scope, 0)
    assert frontier.offer("http://x.example/shared", "b", scope, 0) is None


def test_page_naming_an_unseen_canonical_url_stands_for_it(serve, tmp_path) -> None:
    def handler(path: str, headers: dict[str, str]) -> Reply:
        pages = {
            "/": '<a href="/artikel?versi=cetak">a</a>',
            "/artikel?versi=cetak": '<link rel="canonical" href="/artikel"><a href="/b">b</a>',
            "/b": '<a href="/artikel">kembali</a>',
        }
        return Reply(body=f"<html>{pages[path]}</html>".encode()) if path in pages \
            else Reply(status=404)

    site = serve(handler)
    crawl([local_source(site)], tmp_path, config=fast_config(concurrency=1))
    assert "/b" in site.paths()
    assert "/artikel" not in site.paths()  # its copy was archived under the printed URL


def test_progress_is_silent_without_a_terminal(capsys) -> None:
    progress = Progress(enabled=True)  # pytest's stderr is not a TTY
    progress.update(3, {})
    progress.close()
    assert capsys.readouterr().err == ""
