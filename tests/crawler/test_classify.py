"""Honest outcomes: challenges, soft 404s, forbidden and friends are never "ok"."""

from __future__ import annotations

import pytest

from crawler.classify import classify

URL = "http://x.example/produk-hukum/perbup-55-2018"
HTML = "text/html"
CF_PAGE = (b"<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>"
           b"<script src='/cdn-cgi/challenge-platform/h/b/orchestrate/chl_page/v1'></script>")


@pytest.mark.parametrize(
    ("status", "headers", "body", "ctype", "requested", "problem", "expected"),
    [
        (200, [], b"<html><title>Perbup 55</title>isi</html>", HTML, URL, None, "ok"),
        (200, [], b"%PDF-1.4 ...", "application/pdf", URL, None, "ok"),
        (304, [], b"", None, URL, None, "not_modified"),
        (301, [("Location", "/x")], b"", None, URL, None, "redirect"),
        (300, [], b"choices", None, URL, None, "bad_redirect"),  # a redirect without Location
        (403, [], CF_PAGE, HTML, URL, None, "challenge"),
        (503, [], CF_PAGE, HTML, URL, None, "challenge"),
        (200, [], CF_PAGE, HTML, URL, None, "challenge"),  # a challenge served as 200
        (403, [("cf-mitigated", "challenge")], b"", None, URL, None, "challenge"),
        (429, [], b"<html><title>DDoS-Guard</title>", HTML, URL, None, "challenge"),
        (403, [], b"<html><title>Forbidden</title></html>", HTML, URL, None, "forbidden"),
        (401, [], b"", None, URL, None, "forbidden"),
        (404, [], b"", None, URL, None, "not_found"),
        (410, [], b"", None, URL, None, "not_found"),
        (429, [], b"slow down", None, URL, None, "rate_limited"),
        (500, [], b"oops", None, URL, None, "server_error"),
        (200, [], b"<html><title>404 - Halaman Tidak Ditemukan</title></html>", HTML, URL, None,
         "soft_404"),
        (200, [], b"<html><title>Page not found | JDIH</title></html>", HTML, URL, None,
         "soft_404"),
        (200, [], b"<html><title>JDIH</title><h1>Maaf, halaman tidak ditemukan</h1></html>",
         HTML, URL, None, "soft_404"),
        (200, [], b"<html><title>JDIH Gianyar</title>home</html>", HTML, URL, None, "ok"),
        (200, [], b"<html><title>Peraturan Bupati Nomor 404 Tahun 2020</title></html>", HTML, URL,
         None, "ok"),  # a number is not an error
        (200, [], b"<html><title>Error 404 | JDIH</title></html>", HTML, URL, None, "soft_404"),
        (200, [], b"   ", HTML, URL, None, "empty"),
        (200, [], b"%PDF-1.4 cut", "application/pdf", URL, "truncated", "truncated"),
        (200, [], b"\0\0", None, URL, "bomb", "bomb"),
    ],
)
def test_classify(status: int, headers: list[tuple[str, str]], body: bytes, ctype: str | None,
                  requested: str, problem: str | None, expected: str) -> None:
    assert classify(status, headers, body, ctype, requested, URL, problem) == expected


def test_deep_page_redirected_to_home_is_soft_404() -> None:
    home = "http://x.example/"
    body = b"<html><title>JDIH Gianyar</title></html>"
    assert classify(200, [], body, HTML, URL, home) == "soft_404"
    assert classify(200, [], body, HTML, home, home) == "ok"


def test_regulation_about_nothing_found_is_not_soft_404() -> None:
    body = (b"<html><title>Perbup Gianyar 35/2025</title><h1>Perbup 35/2025</h1>"
            b"<p>Jika data tidak ditemukan, pekerja melapor.</p></html>")
    assert classify(200, [], body, HTML, URL, URL) == "ok"
