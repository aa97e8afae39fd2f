"""URL canonicalisation and trap detection."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crawler.urls import canonicalize, trap_reason

BASE = "http://base.example/dir/page.html"


@pytest.mark.parametrize(
    ("href", "expected"),
    [
        ("HTTP://Example.COM/a", "http://example.com/a"),  # scheme and host case
        ("http://example.com:80/a", "http://example.com/a"),  # default http port
        ("https://example.com:443/a", "https://example.com/a"),  # default https port
        ("http://example.com:8080/a", "http://example.com:8080/a"),  # other ports kept
        ("http://example.com/a#section", "http://example.com/a"),  # fragment
        ("http://example.com/a?b=2&a=1", "http://example.com/a?a=1&b=2"),  # sorted query
        ("http://example.com/a?utm_source=x&utm_medium=y&id=3", "http://example.com/a?id=3"),
        ("http://example.com/a?fbclid=1&gclid=2&msclkid=3", "http://example.com/a"),
        ("http://example.com/a?PHPSESSID=abc&q=1", "http://example.com/a?q=1"),  # session id
        ("http://example.com/a;jsessionid=ABC123?q=1", "http://example.com/a?q=1"),
        ("http://example.com/%7euser/%41b", "http://example.com/~user/Ab"),  # unreserved decoded
        ("http://example.com/caf%c3%a9", "http://example.com/caf%C3%A9"),  # escapes upper-cased
        ("http://example.com/a b", "http://example.com/a%20b"),  # raw space quoted
        ("  \n http://example.com/x \t ", "http://example.com/x"),  # whitespace trimmed
        ("//cdn.example.com/f.pdf", "http://cdn.example.com/f.pdf"),  # protocol-relative
        ("../up.html", "http://base.example/up.html"),  # relative
        ("/a/./b/../c", "http://base.example/a/c"),  # dot segments
        ("?page=2", "http://base.example/dir/page.html?page=2"),
        ("#top", "http://base.example/dir/page.html"),  # same page
        ("http://example.com", "http://example.com/"),  # empty path
        ("http://example.com/?", "http://example.com/"),  # empty query
        ("http://Bücher.example/ä", "http://xn--bcher-kva.example/%C3%A4"),  # IDN, non-ASCII
        ("http://example.com./a", "http://example.com/a"),  # trailing dot of host
        ("http://example.com/a?q=a%26b", "http://example.com/a?q=a%26b"),  # escaped & kept
        ("http://example.com/100%/%a%41", "http://example.com/100%25/%25aA"),  # stray percent
        ("mailto:someone@example.com", None),
        ("javascript:void(0)", None),
        ("tel:+62361", None),
        ("ftp://example.com/f", None),
        ("http://exa mple.com/", None),  # invalid host
        ("http://[::1", None),  # broken IPv6 literal
        ("", None),
        ("http://example.com/" + "a" * 3000, None),  # absurdly long
    ],
)
def test_canonicalize(href: str, expected: str | None) -> None:
    assert canonicalize(href, BASE) == expected


def test_canonicalize_is_idempotent() -> None:
    once = canonicalize("HTTP://Ex.com:80/a/../b/%7e?z=1&a=%20&utm_x=1#f")
    assert once is not None
    assert canonicalize(once) == once


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://x.example/a/b/a/b/a/b", "repeating_path"),
        ("http://x.example/foo/bar/foo/bar/", "repeating_path"),
        ("http://x.example/img/img/img/", "repeating_path"),
        ("http://x.example/a/x/b/x/c/x", "repeating_path"),
        ("http://x.example/good/1.pdf.pdf.pdf", "repeating_path"),  # a relative link re-applied
        ("http://x.example/files/000000000111.pdf", None),  # repeated digits are just numbers
        ("http://x.example/berita/baru-baru-ini", None),
        ("http://x.example/calendar?month=2024-05", "calendar"),
        ("http://x.example/agenda?tanggal=2024-05-01", "calendar"),
        ("http://x.example/events/2031/12", "calendar"),
        ("http://x.example/kalender/2024/05/", "calendar"),
        ("http://x.example/" + "/".join(f"d{i}" for i in range(20)), "deep_path"),
        ("http://x.example/berita/2025/10/10/gianyar.html", None),  # dated news paths are fine
        ("http://x.example/produk-hukum?page=40", None),  # pagination is fine (capped elsewhere)
        ("http://x.example/produk-hukum?tahun=2025", None),  # a year filter is not a calendar
        ("http://x.example/jdih/perbup/2018/55", None),
    ],
)
def test_trap_reason(url: str, reason: str | None) -> None:
    assert trap_reason(url) == reason


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200), st.sampled_from([None, BASE, "http://[::1]:8080/a/b?c=d"]))
def test_canonicalize_never_raises_and_is_idempotent(href: str, base: str | None) -> None:
    url = canonicalize(href, base)
    if url is not None:
        assert url.startswith(("http://", "https://"))
        assert canonicalize(url) == url
        trap_reason(url)  # never raises either
