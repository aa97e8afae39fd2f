"""Security: headers, escaping of hostile titles, snippets and queries, no tracebacks."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from flask import Flask
from flask.testing import FlaskClient

from web.markup import highlight, safe_snippet

HOSTILE_QUERY = '"><script>alert(1)</script><img src=x onerror=alert(2)>'


def _no_live_markup(html: bytes) -> None:
    """Assert that a page carries no script, no inline handler and no injected image."""
    soup = BeautifulSoup(html, "lxml")
    scripts = soup.find_all("script")
    assert all(s.get("src", "").startswith("/static/") and not s.string for s in scripts)
    for tag in soup.find_all(True):
        assert not any(attr.lower().startswith("on") for attr in tag.attrs), tag
    assert not soup.find("img")


@pytest.mark.parametrize(
    "url",
    ["/", "/?q=bpjs", "/d/perbup-gianyar-2025-35", "/cakupan", "/keranjang/", "/api", "/nope"],
)
def test_every_page_sends_security_headers(client: FlaskClient, url: str) -> None:
    headers = client.get(url).headers
    csp = headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"]


@pytest.mark.parametrize(
    "url",
    [
        "/?q=jaminan+sosial+contoh",
        "/d/perbup-contoh-2024-9",
        "/d/perbup-contoh-2024-9?q=pekerja",
        "/?q=" + HOSTILE_QUERY,
        "/d/perbup-gianyar-2025-35?q=" + HOSTILE_QUERY,
        "/nope?q=" + HOSTILE_QUERY,
    ],
)
def test_hostile_titles_bodies_and_queries_are_escaped(client: FlaskClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code in (200, 404)
    _no_live_markup(response.data)


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/?q=%ff%fe%fd", 200),
        ("/d/%ff%fe", 404),
        ("/api/search?q=%00", 400),
        ("/api/search?q=bpjs&page=%ff", 400),
        ("/api/documents/%2e%2e%2f%2e%2e%2fetc%2fpasswd", 404),
        ("/d/perbup-gianyar-2025-35/arsip/../../secret_key", 404),
        ("/static/../secret_key", 404),
    ],
)
def test_malformed_bytes_and_traversal_get_a_clear_answer(
    client: FlaskClient, url: str, status: int
) -> None:
    response = client.get(url)
    assert response.status_code == status
    assert b"Traceback" not in response.data


def test_hostile_title_is_shown_as_text(client: FlaskClient) -> None:
    soup = BeautifulSoup(client.get("/d/perbup-contoh-2024-9").data, "lxml")
    assert "<script>" in soup.find(id="doc-title").get_text()


def test_api_snippets_carry_only_mark_tags(client: FlaskClient) -> None:
    body = client.get("/api/search?q=pekerja+rentan+contoh").get_json()
    for hit in body["hits"]:
        tags = BeautifulSoup(hit["snippet"], "html.parser").find_all(True)
        assert {t.name for t in tags} <= {"mark"}


@pytest.mark.parametrize(
    ("snippet", "expected"),
    [
        ("a <mark>b</mark> c", "a <mark>b</mark> c"),
        ("<script>x</script>", "&lt;script&gt;x&lt;/script&gt;"),
        ("&lt;script&gt;", "&lt;script&gt;"),
        ("<mark>open", "<mark>open</mark>"),
        ("</mark>stray", "stray"),
        ('<mark onclick="x">y</mark>', '&lt;mark onclick=&#34;x&#34;&gt;y'),
        ("Tom &amp; Jerry", "Tom &amp; Jerry"),
        ("", ""),
        (None, ""),
    ],
)
def test_safe_snippet_keeps_only_bare_mark(snippet: str | None, expected: str) -> None:
    assert str(safe_snippet(snippet)) == expected


def test_highlight_escapes_text_and_marks_word_starts() -> None:
    out = str(highlight("<b>Pekerja</b> pekerjaan kerja", ("pekerja",)))
    assert out == "&lt;b&gt;<mark>Pekerja</mark>&lt;/b&gt; <mark>pekerjaan</mark> kerja"


def test_unexpected_errors_show_no_traceback(app: Flask) -> None:
    @app.get("/boom")
    def boom() -> str:
        raise RuntimeError("secret internals")

    client = app.test_client()
    response = client.get("/boom")
    assert response.status_code == 500
    assert b"secret internals" not in response.data and b"Traceback" not in response.data
    api = client.get("/boom", headers={"Accept": "application/json"})
    assert api.get_json()["error"]["code"] == "internal_error"


def test_oversized_form_body_is_refused(client: FlaskClient) -> None:
    response = client.post("/keranjang/catatan", data={"note": "x" * 100_000})
    assert response.status_code == 413
