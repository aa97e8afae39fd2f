"""Honest outcomes: what an archived response really is (ok, soft 404, challenge, forbidden...).

Pure functions over status, headers and bytes, applied AFTER the response is archived, so the
archive keeps the evidence and re-classification needs no network.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urlsplit

OK = "ok"
EXTRACTABLE_OUTCOMES = frozenset({OK})
BLOCKED_OUTCOMES = frozenset(
    {"robots", "challenge", "forbidden", "private_address", "offsite_redirect",
     "robots_unavailable"}
)
UNCHANGED_OUTCOMES = frozenset({"not_modified", "unchanged"})
# fetched as it should be; "noindex" pages (the site's wish) are kept but never extracted
SUCCESS_OUTCOMES = frozenset({OK, "redirect", "noindex"}) | UNCHANGED_OUTCOMES

_CHALLENGE_MARKERS = (
    b"cf-chl", b"challenge-platform", b"cf_chl_opt", b"just a moment...",
    b"attention required! | cloudflare",
    b"checking your browser", b"ddos-guard", b"__ddg", b"sucuri website firewall", b"g-recaptcha",
    b"h-captcha", b"captcha-delivery", b"please enable cookies", b"access denied | ",
    b"_incapsula_resource", b"perimeterx",
)
_CHALLENGE_TITLES = re.compile(
    rb"<title[^>]*>\s*(just a moment|attention required|ddos-guard|access denied|"
    rb"security check|checking your browser|one more step|captcha)",
    re.IGNORECASE,
)
_NOT_FOUND_TITLE = re.compile(
    r"(?:^\s*404\b|\b404\s*[-:|–]|(?:error|halaman|kesalahan)\s+404|not\s+found|tidak\s+ditemukan|tidak\s+dapat\s+ditemukan|halaman\s+tidak\s+ada|"
    r"page\s+(?:does\s+not|doesn't)\s+exist|halaman\s+(?:yang\s+anda\s+cari\s+)?tidak\s+tersedia|"
    r"error\s+404|oops)",
    re.IGNORECASE,
)
_TITLE = re.compile(rb"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
_H1 = re.compile(rb"<h1[^>]*>(.*?)</h1>", re.IGNORECASE | re.DOTALL)
_TAGS = re.compile(r"<[^>]+>")


def header(headers: Iterable[tuple[str, str]], name: str) -> str | None:
    """Return the first value of a header (case-insensitive), or None."""
    name = name.lower()
    for key, value in headers:
        if key.lower() == name:
            return value
    return None


def is_challenge(status: int, headers: Iterable[tuple[str, str]], body: bytes) -> bool:
    """Tell whether a response is an anti-bot challenge page rather than the content."""
    headers = tuple(headers)
    if (header(headers, "cf-mitigated") or "").lower() == "challenge":
        return True
    head = body[:65536].lower()
    if _CHALLENGE_TITLES.search(head) and status in (200, 403, 429, 503):
        return True
    if status in (403, 429, 503):
        return any(marker in head for marker in _CHALLENGE_MARKERS)
    return b"cf-chl" in head or b"challenge-platform" in head


def _text_of(pattern: re.Pattern[bytes], body: bytes) -> str:
    match = pattern.search(body[:65536])
    if not match:
        return ""
    return _TAGS.sub(" ", match.group(1).decode("utf-8", "replace")).strip()


def is_soft_404(body: bytes, content_type: str | None, requested_url: str, url: str) -> bool:
    """Tell whether a 200 answer is really a 'not found' page (by title/h1, or a redirect home)."""
    if content_type != "text/html":
        return False
    requested = urlsplit(requested_url).path
    if requested not in ("", "/") and urlsplit(url).path in ("", "/") and requested_url != url:
        return True
    title = _text_of(_TITLE, body)
    if title and _NOT_FOUND_TITLE.search(title):
        return True
    h1 = _text_of(_H1, body)
    return bool(h1 and len(body) < 30_000 and _NOT_FOUND_TITLE.search(h1) and len(h1) < 120)


def classify(status: int, headers: Iterable[tuple[str, str]], body: bytes,
             content_type: str | None, requested_url: str, url: str,
             problem: str | None = None) -> str:
    """Name the outcome of one archived response."""
    headers = tuple(headers)
    if status == 304:
        return "not_modified"
    if 300 <= status < 400:
        return "redirect" if header(headers, "location") else "bad_redirect"
    if is_challenge(status, headers, body):
        return "challenge"
    if status in (401, 403, 451):
        return "forbidden"
    if status in (404, 410):
        return "not_found"
    if status == 429:
        return "rate_limited"
    if status >= 500:
        return "server_error"
    if status >= 400 or status < 200:
        return "client_error"
    if problem:
        return problem  # truncated, bomb, bad_encoding
    if not body.strip():
        return "empty"
    if is_soft_404(body, content_type, requested_url, url):
        return "soft_404"
    return OK
