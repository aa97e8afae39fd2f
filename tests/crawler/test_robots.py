"""robots.txt rules: wildcards, Allow precedence, Crawl-delay for our agent, status meanings."""

from __future__ import annotations

import pytest

from crawler.robots import rules_from_response

ROBOTS = b"""
User-agent: *
Disallow: /

User-agent: TelusurBot
Disallow: /admin/
Disallow: /*.php$
Disallow: /search?*q=
Allow: /admin/public/
Disallow: /dokumen/
Allow: /dokumen/*.pdf$
Crawl-delay: 2.5

Sitemap: http://x.example/sitemap.xml
"""


@pytest.mark.parametrize(
    ("path", "allowed"),
    [
        ("/", True),
        ("/berita/1", True),
        ("/admin/", False),
        ("/admin/users", False),
        ("/admin/public/page", True),  # the longer Allow wins
        ("/index.php", False),  # wildcard with end anchor
        ("/index.php?x=1", True),  # $ anchors the end: a query makes it a different URL
        ("/search?page=1&q=pekerja", False),
        ("/search?page=1", True),
        ("/dokumen/perbup-55.pdf", True),
        ("/dokumen/perbup-55.doc", False),
    ],
)
def test_rules_for_our_agent(path: str, allowed: bool) -> None:
    rules = rules_from_response(200, ROBOTS)
    assert rules.allowed("http://x.example" + path) is allowed


def test_crawl_delay_and_sitemaps_for_our_agent() -> None:
    rules = rules_from_response(200, ROBOTS)
    assert rules.crawl_delay() == 2.5
    assert rules.sitemaps() == ("http://x.example/sitemap.xml",)


def test_group_for_all_agents_applies_when_ours_is_absent() -> None:
    rules = rules_from_response(200, b"User-agent: *\nDisallow: /private\nCrawl-delay: 9999\n")
    assert not rules.allowed("http://x.example/private/a")
    assert rules.allowed("http://x.example/public")
    assert rules.crawl_delay() == 60.0  # capped


@pytest.mark.parametrize(
    ("status", "body", "allowed", "reason"),
    [
        (404, b"", True, "missing"),  # no robots.txt: everything allowed
        (403, b"", True, "missing"),  # RFC 9309: 4xx means no rules
        (500, b"", False, "unavailable"),  # 5xx: crawl nothing for now
        (503, b"", False, "unavailable"),
        (429, b"", False, "unavailable"),
        (None, b"", False, "unreachable"),  # host unreachable
        (200, b"<html><body>Welcome</body></html>", True, "unreadable"),  # HTML as robots.txt
        (200, b"\xff\xfe\x00garbage\x00", True, "ok"),
        (200, b"", True, "ok"),
    ],
)
def test_status_meanings(status: int | None, body: bytes, allowed: bool, reason: str) -> None:
    rules = rules_from_response(status, body)
    assert rules.allowed("http://x.example/anything") is allowed
    assert rules.reason == reason
