"""Turn the bytes of an HTML (or text) response into text.

Order of evidence: a byte-order mark, the HTTP `charset`, the document's `<meta charset>`,
then detection (strict UTF-8, charset-normalizer, windows-1252). A declaration is checked,
not trusted: it must decode the bytes cleanly, and a single-byte declaration loses to UTF-8
when the bytes are valid multi-byte UTF-8 (a common lie of misconfigured servers).
"""

from __future__ import annotations

import codecs
import logging
import re

import charset_normalizer

log = logging.getLogger(__name__)

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.IGNORECASE
)
_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?([A-Za-z0-9_:.\-]+)""", re.IGNORECASE)
_SINGLE_BYTE = {"ascii", "latin-1", "iso8859-1", "cp1252", "iso8859-15", "cp1250"}
# Detection results outside these (cp1006, mac-*...) are usually wrong guesses on short pages.
_WEB_CODECS = {
    "cp1252", "cp1250", "cp1251", "cp1256", "iso8859-2", "iso8859-15", "koi8-r", "gbk",
    "gb18030", "big5", "shift_jis", "euc_jp", "euc_kr", "cp949", "cp932", "iso2022_jp",
    "utf-16", "utf-16-le", "utf-16-be", "tis-620", "cp874",
}
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_html(body: bytes, content_type: str | None = None) -> str:
    """Return the text of an HTML body, choosing the encoding from checked evidence."""
    if not body:
        return ""
    if isinstance(body, str):
        return body
    text, _ = decode_with_name(body, content_type)
    return text


def decode_with_name(body: bytes, content_type: str | None = None) -> tuple[str, str]:
    """Return (text, codec name) for a body; never raises."""
    for bom, name in _BOMS:
        if body.startswith(bom):
            text = _try(body, name)
            if text is not None:
                return text, name
    declared = [_charset_from_header(content_type), _charset_from_meta(body)]
    for name in filter(None, declared):
        text = _try(body, name)
        if text is None:
            log.debug("declared charset %s does not decode the body; detecting", name)
            continue
        if name in _SINGLE_BYTE and _is_multibyte_utf8(body):
            return body.decode("utf-8"), "utf-8"
        return text, name
    text = _try(body, "utf-8")
    if text is not None:
        return text, "utf-8"
    best = charset_normalizer.from_bytes(body[:200_000]).best()
    detected = _codec(best.encoding) if best is not None else None
    if detected is not None and detected in _WEB_CODECS:
        return body.decode(detected, errors="replace"), detected
    return body.decode("cp1252", errors="replace"), "cp1252"


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        canonical = codecs.lookup(name.strip().lower()).name
    except LookupError:
        return None
    # Browsers read latin-1 and ascii declarations as windows-1252.
    return "cp1252" if canonical in ("latin-1", "iso8859-1", "ascii") else canonical


def _charset_from_header(content_type: str | None) -> str | None:
    if not content_type:
        return None
    match = _HEADER_CHARSET.search(content_type)
    return _codec(match.group(1)) if match else None


def _charset_from_meta(body: bytes) -> str | None:
    match = _META_CHARSET.search(body[:8192])
    return _codec(match.group(1).decode("ascii", "ignore")) if match else None


def _try(body: bytes, name: str) -> str | None:
    try:
        text = body.decode(name)
    except (UnicodeDecodeError, LookupError):
        return None
    if name.startswith("utf-16") or name.startswith("utf-32"):
        return text
    # A few stray C1 control characters mean the declaration is wrong for these bytes.
    if name == "cp1252" or sum(1 for c in text[:20000] if "\x80" <= c <= "\x9f") <= 2:
        return text
    return None


def _is_multibyte_utf8(body: bytes) -> bool:
    if body.isascii():
        return False
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
