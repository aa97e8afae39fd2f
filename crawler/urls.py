"""URL canonicalisation and trap detection: one spelling per page, and no endless URL spaces.

`canonicalize` turns any href (relative, protocol-relative, padded with whitespace, with
tracking or session parameters) into the one spelling the frontier and the archive use.
`trap_reason` says why a canonical URL looks like a crawler trap, or None.
"""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import parse_qsl, quote, unquote, urlencode, urljoin, urlsplit, urlunsplit

_DEFAULT_PORTS = {"http": 80, "https": 443}
_TRACKING_EXACT = frozenset(
    {
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "igshid",
        "mc_cid", "mc_eid", "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok", "spm", "twclid",
        "ttclid", "li_fat_id", "amp_js_v", "usqp",
    }
)
_TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "hsa_", "oly_")
_SESSION_KEYS = frozenset(
    {
        "sid", "sessid", "sessionid", "session_id", "session", "phpsessid", "jsessionid",
        "aspsessionid", "cfid", "cftoken", "zenid", "osCsid".lower(), "s_id",
    }
)
_PATH_SESSION = re.compile(r";(?:jsessionid|phpsessid|sid|sessionid)=[^/?#]*", re.IGNORECASE)
_CALENDAR_KEYS = frozenset(
    {
        "cal", "calendar", "date", "day", "month", "week", "ym", "yearmonth", "tanggal",
        "bulan", "hari", "minggu", "kalender", "agenda_date", "tgl", "bln",
    }
)
_DATE_VALUE = re.compile(r"^\d{1,4}([-/.]\d{1,2}){0,2}$")
_CALENDAR_PATH = re.compile(
    r"/(?:calendar|kalender|agenda|events?|jadwal)/(?:.*/)?\d{4}[-/]\d{1,2}"
)
_REPEATED_RUN = re.compile(r"([^/]{2,40}?)\1\1")  # ".pdf.pdf.pdf", "abcabcabc"
_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
_PCT = re.compile(r"%([0-9A-Fa-f]{2})")
_STRAY_PCT = re.compile(r"%(?![0-9A-Fa-f]{2})")
_SAFE_PATH = "/:@!$&'()*+,;=-._~%"
_SAFE_QUERY = "/?:@!$'()*+,;=&-._~%"
_SKIP_SCHEMES = ("mailto:", "javascript:", "tel:", "data:", "ftp:", "file:", "sms:", "whatsapp:")
MAX_URL_LENGTH = 2048


def _normalise_percent(text: str, safe: str) -> str:
    """Decode escapes of unreserved characters, upper-case the rest, and quote raw bytes."""

    def fix(match: re.Match[str]) -> str:
        """Decode one escape when it names an unreserved character, else upper-case it."""
        char = chr(int(match.group(1), 16))
        return char if char in _UNRESERVED else "%" + match.group(1).upper()

    text = _STRAY_PCT.sub("%25", text)  # a "%" that starts no escape is a literal percent sign
    return quote(_PCT.sub(fix, text), safe=safe)


def _remove_dot_segments(path: str) -> str:
    """Resolve `.` and `..` segments as RFC 3986 section 5.2.4 does."""
    output: list[str] = []
    segments = path.split("/")
    for i, segment in enumerate(segments):
        if segment == ".":
            if i == len(segments) - 1:
                output.append("")
            continue
        if segment == "..":
            if len(output) > 1:
                output.pop()
            if i == len(segments) - 1:
                output.append("")
            continue
        output.append(segment)
    result = "/".join(output)
    return result if result.startswith("/") else "/" + result


def _host(netloc_host: str) -> str | None:
    """Lower-case a host and encode an internationalised name as IDNA; None when invalid."""
    host = netloc_host.strip().rstrip(".").lower()
    if not host or any(c in host for c in " <>\"'\\"):
        return None
    if ":" in host:  # an IPv6 literal (urlsplit drops the brackets)
        try:
            return f"[{ipaddress.IPv6Address(host.split('%')[0]).compressed}]"
        except ValueError:
            return None
    try:
        return host.encode("idna").decode("ascii")
    except UnicodeError:
        return None


def _query(query: str) -> str:
    """Drop tracking and session parameters and sort what is left."""
    if not query:
        return ""
    pairs = parse_qsl(query, keep_blank_values=True)
    kept = [
        (k, v)
        for k, v in pairs
        if k.lower() not in _TRACKING_EXACT
        and k.lower() not in _SESSION_KEYS
        and not k.lower().startswith(_TRACKING_PREFIXES)
    ]
    kept.sort()
    encoded = urlencode(kept, quote_via=quote, safe="/:@!$'()*+,;-._~")
    return _normalise_percent(encoded, _SAFE_QUERY)


def canonicalize(href: str, base: str | None = None) -> str | None:
    """Return the canonical absolute http(s) URL for `href` (resolved on `base`), or None."""
    if not isinstance(href, str):
        return None
    href = href.strip().replace("\n", "").replace("\r", "").replace("\t", "")
    if href.startswith("#"):
        return canonicalize(base) if base else None
    if not href or href.lower().startswith(_SKIP_SCHEMES):
        return None
    try:
        absolute = urljoin(base, href) if base else href
        parts = urlsplit(absolute)
        scheme = parts.scheme.lower()
        if scheme not in _DEFAULT_PORTS or not parts.hostname:
            return None
        host = _host(parts.hostname)
        port = parts.port
    except ValueError:
        return None
    if host is None:
        return None
    netloc = host if port in (None, _DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    path = _PATH_SESSION.sub("", parts.path or "/")
    path = _normalise_percent(_remove_dot_segments(path), _SAFE_PATH)
    url = urlunsplit((scheme, netloc, path, _query(parts.query), ""))
    return url if len(url) <= MAX_URL_LENGTH else None


def host_of(url: str) -> str:
    """Return the host (with a non-default port) of a canonical URL."""
    return urlsplit(url).netloc


def _repeats(segments: list[str]) -> bool:
    """Tell whether a path repeats itself: a word 3+ times, or a run of segments back to back."""
    counts: dict[str, int] = {}
    for segment in segments:
        if segment.isdigit():  # dates such as /2025/10/10/ repeat numbers legitimately
            continue
        counts[segment] = counts.get(segment, 0) + 1
        if counts[segment] >= 3:
            return True
    n = len(segments)
    for size in range(2, n // 2 + 1):
        for start in range(0, n - 2 * size + 1):
            if segments[start : start + size] == segments[start + size : start + 2 * size]:
                return True
    return any(
        segments[i] == segments[i + 1] == segments[i + 2] for i in range(n - 2)
    )


def _repeated_run(segment: str) -> bool:
    """Tell whether a segment repeats a run with a letter in it three times back to back."""
    return any(not m.group(1).isdigit() for m in _REPEATED_RUN.finditer(segment[:512]))


def trap_reason(url: str, max_depth_segments: int = 16) -> str | None:
    """Say why a canonical URL looks like a crawler trap ("repeating_path", ...), or None."""
    parts = urlsplit(url)
    segments = [unquote(s).lower() for s in parts.path.split("/") if s]
    if len(segments) > max_depth_segments:
        return "deep_path"
    if _repeats(segments) or any(_repeated_run(s) for s in segments):
        return "repeating_path"
    if _CALENDAR_PATH.search(parts.path.lower()):
        return "calendar"
    for key, value in parse_qsl(parts.query, keep_blank_values=True):
        if key.lower() in _CALENDAR_KEYS and _DATE_VALUE.match(value.strip()):
            return "calendar"
    return None


def path_key(url: str) -> str:
    """Return scheme, host and path without the query: the unit of the query-explosion cap."""
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))
