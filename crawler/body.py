"""Reading response bodies safely: byte caps, our own decompression with bomb limits, sniffing.

Bodies are streamed raw (`aiter_raw`) and decoded here, so that a 50 MB body is cut at the
cap instead of downloaded, and a gzip bomb is stopped by a cap on decoded bytes and on the
decoded/encoded ratio. The content type is sniffed from the bytes, not trusted from headers.
"""

from __future__ import annotations

import zlib
from collections.abc import AsyncIterator
from dataclasses import dataclass

MAX_BODY_BYTES = 25 * 1024 * 1024
MAX_RATIO = 200  # decoded bytes per encoded byte beyond which a body counts as a bomb
RATIO_FLOOR = 1024 * 1024  # ratios are only judged once this many bytes are decoded
_STEP = 1024 * 1024  # decode at most this much per call, so the caps are checked often


@dataclass(frozen=True, slots=True)
class Body:
    """A body as read: the decoded bytes, and why it is incomplete (None when whole)."""

    data: bytes
    raw_bytes: int
    problem: str | None = None  # "truncated" (byte cap or cut stream), "bomb", "bad_encoding"


class _Decoder:
    """Decode one content coding (identity, gzip, deflate) incrementally with an output cap."""

    def __init__(self, coding: str) -> None:
        self.coding = coding
        self._zlib: zlib._Decompress | None = None
        if coding in ("gzip", "x-gzip"):
            self._zlib = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif coding == "deflate":
            self._zlib = zlib.decompressobj()
        self._first = True

    def feed(self, chunk: bytes, room: int) -> bytes:
        """Decode a raw chunk, returning at most a step (or `room` + 1) of output."""
        if self._zlib is None:
            return chunk[: room + 1]
        if self._first and self.coding == "deflate":
            self._first = False
            try:  # some servers send raw deflate without the zlib header
                probe = zlib.decompressobj()
                probe.decompress(chunk[:64])
            except zlib.error:
                self._zlib = zlib.decompressobj(-zlib.MAX_WBITS)
        return self._zlib.decompress(chunk, min(room + 1, _STEP))

    def unconsumed(self) -> int:
        """Return how many raw bytes wait undecoded."""
        return len(self._zlib.unconsumed_tail) if self._zlib is not None else 0

    def pending(self) -> bool:
        """Tell whether raw input is still waiting to be decoded."""
        return self._zlib is not None and bool(self._zlib.unconsumed_tail)

    def drain(self, room: int) -> bytes:
        """Decode more of the waiting input."""
        assert self._zlib is not None
        return self._zlib.decompress(self._zlib.unconsumed_tail, min(room + 1, _STEP))

    def complete(self) -> bool:
        """Tell whether the coded stream ended properly (gzip has a trailer)."""
        return self._zlib is None or self._zlib.eof or self.coding == "deflate"


def decodable(coding: str) -> bool:
    """Tell whether we can decode a Content-Encoding value ourselves."""
    return coding in ("", "identity", "gzip", "x-gzip", "deflate")


async def read_body(chunks: AsyncIterator[bytes], coding: str = "",
                    max_bytes: int = MAX_BODY_BYTES, max_ratio: int = MAX_RATIO) -> Body:
    """Read and decode a raw byte stream, stopping at the caps; never raises on bad encodings."""
    coding = coding.strip().lower()
    decoder = _Decoder(coding if decodable(coding) else "")
    out = bytearray()
    raw = 0
    try:
        async for chunk in chunks:
            raw += len(chunk)
            piece = decoder.feed(chunk, max_bytes - len(out))
            while True:
                out += piece
                problem = _over(out, raw - decoder.unconsumed(), max_bytes, max_ratio)
                if problem:
                    return Body(bytes(out[:max_bytes]), raw, problem)
                if not decoder.pending():
                    break
                piece = decoder.drain(max_bytes - len(out))
            if raw > max_bytes and decoder.coding:
                return Body(bytes(out), raw, "truncated")
    except zlib.error:
        return Body(bytes(out), raw, "bad_encoding")
    if not decoder.complete():
        return Body(bytes(out), raw, "truncated")
    return Body(bytes(out), raw, None if decodable(coding) else "bad_encoding")


def _over(out: bytearray, raw: int, max_bytes: int, max_ratio: int) -> str | None:
    """Say which cap a body has passed, if any."""
    if len(out) > max_bytes:
        return "truncated"
    if len(out) > RATIO_FLOOR and raw and len(out) / raw > max_ratio:
        return "bomb"
    return None


def sniff_content_type(body: bytes, header: str | None = None) -> str | None:
    """Name the body's type from its bytes (PDF by magic, HTML, XML, JSON), else from the header."""
    head = body[:1024].lstrip(b"\xef\xbb\xbf\xff\xfe\x00 \t\r\n").lower()
    if b"%PDF-" in body[:1024]:
        return "application/pdf"
    if head[:2] == b"\x1f\x8b":
        return "application/gzip"
    if head.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<!--")) or (
        b"<html" in head or b"<body" in head or b"<div" in head or b"<p>" in head
    ):
        return "text/html"
    if head.startswith(b"<?xml"):
        return "text/html" if b"<html" in body[:2048].lower() else "application/xml"
    if head.startswith((b"<rss", b"<feed", b"<urlset", b"<sitemapindex", b"<rdf")):
        return "application/xml"
    if head.startswith((b"{", b"[")):
        return "application/json"
    if body.startswith((b"PK\x03\x04",)):
        return "application/zip"
    declared = (header or "").split(";")[0].strip().lower()
    if declared:
        return declared
    return "text/plain" if head and _is_text(body[:1024]) else None


def _is_text(sample: bytes) -> bool:
    """Tell whether a sample looks like text (no NULs, mostly printable)."""
    if b"\x00" in sample:
        return False
    printable = sum(1 for b in sample if b >= 32 or b in (9, 10, 13))
    return printable >= 0.9 * len(sample)


def header_charset(content_type: str | None) -> str | None:
    """Return the charset a Content-Type header declares (lower-cased, unquoted), or None."""
    if not content_type:
        return None
    for param in content_type.split(";")[1:]:
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            value = value.strip().strip("\"'").strip().lower()
            return value or None
    return None
