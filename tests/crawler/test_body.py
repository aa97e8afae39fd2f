"""Body reading: byte caps, decompression limits, truncated streams, sniffing, charset header."""

from __future__ import annotations

import asyncio
import gzip
import zlib
from collections.abc import AsyncIterator, Iterable

import pytest

from crawler.body import Body, header_charset, read_body, sniff_content_type


async def _chunks(parts: Iterable[bytes]) -> AsyncIterator[bytes]:
    for part in parts:
        yield part


def _read(parts: Iterable[bytes], coding: str = "", **caps: int) -> Body:
    return asyncio.run(read_body(_chunks(parts), coding, **caps))


def _split(data: bytes, size: int = 65536) -> list[bytes]:
    return [data[i : i + size] for i in range(0, len(data), size)]


def test_identity_body_under_cap_is_whole() -> None:
    body = _read([b"abc", b"def"])
    assert (body.data, body.problem, body.raw_bytes) == (b"abcdef", None, 6)


def test_body_over_cap_is_cut_without_reading_the_rest() -> None:
    consumed = []

    def endless() -> Iterable[bytes]:
        for _ in range(10_000):  # would be 640 MB
            consumed.append(1)
            yield b"x" * 65536

    body = _read(endless(), max_bytes=1_000_000)
    assert body.problem == "truncated"
    assert len(body.data) == 1_000_000
    assert len(consumed) < 20


def test_gzip_body_is_decoded() -> None:
    data = b"<html>" + b"halo " * 1000 + b"</html>"
    body = _read(_split(gzip.compress(data), 100), "gzip")
    assert (body.data, body.problem) == (data, None)


@pytest.mark.parametrize("wbits", [zlib.MAX_WBITS, -zlib.MAX_WBITS])
def test_deflate_with_and_without_zlib_header(wbits: int) -> None:
    data = b"isi halaman " * 500
    compressor = zlib.compressobj(wbits=wbits)
    encoded = compressor.compress(data) + compressor.flush()
    assert _read([encoded], "deflate").data == data


def test_gzip_bomb_is_stopped_by_ratio() -> None:
    bomb = gzip.compress(b"\0" * 40_000_000, compresslevel=9)  # about 40 KB
    body = _read(_split(bomb), "gzip", max_bytes=25_000_000)
    assert body.problem == "bomb"
    assert len(body.data) < 25_000_000


def test_gzip_bomb_is_stopped_by_decoded_cap_when_ratio_is_allowed() -> None:
    bomb = gzip.compress(b"\0" * 12_000_000, compresslevel=1)
    body = _read(_split(bomb), "gzip", max_bytes=5_000_000, max_ratio=10**9)
    assert body.problem == "truncated"
    assert len(body.data) == 5_000_000


def test_truncated_gzip_is_reported() -> None:
    encoded = gzip.compress(b"kalimat " * 5000)
    body = _read([encoded[: len(encoded) // 2]], "gzip")
    assert body.problem == "truncated"
    assert body.data and b"kalimat".startswith(body.data[:7])


def test_corrupt_gzip_is_bad_encoding() -> None:
    assert _read([b"\x1f\x8b\x08\x00garbage-not-deflate"], "gzip").problem == "bad_encoding"


def test_unknown_coding_is_kept_raw_and_flagged() -> None:
    body = _read([b"\x8b\x02\x80raw"], "br")  # we never ask for br; a server sent it anyway
    assert (body.data, body.problem) == (b"\x8b\x02\x80raw", "bad_encoding")


@pytest.mark.parametrize(
    ("body", "header", "expected"),
    [
        (b"%PDF-1.7\n...", "text/html", "application/pdf"),  # magic beats header
        (b"\r\n  %PDF-1.4", "application/octet-stream", "application/pdf"),
        (b"<!DOCTYPE html><html>", "application/octet-stream", "text/html"),
        (b"\xef\xbb\xbf<html><body>", None, "text/html"),
        (b'<?xml version="1.0"?><urlset>', "text/html", "application/xml"),
        (b'<?xml version="1.0"?><html xmlns="x">', None, "text/html"),  # XHTML
        (b"<rss version='2.0'>", "text/plain", "application/xml"),
        (b'[{"idData": "1"}]', "text/html", "application/json"),
        (b'{"data": []}', None, "application/json"),
        (b"\x1f\x8b\x08\x00", None, "application/gzip"),
        (b"PK\x03\x04docx", None, "application/zip"),
        (b"plain words", None, "text/plain"),
        (b"\x00\x01\x02\x03", None, None),
        (b"\x00\x01\x02\x03", "image/png; x=y", "image/png"),
    ],
)
def test_sniff_content_type(body: bytes, header: str | None, expected: str | None) -> None:
    assert sniff_content_type(body, header) == expected


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("text/html; charset=UTF-8", "utf-8"),
        ('text/html; charset="windows-1252"', "windows-1252"),
        ("text/html;charset=iso-8859-1;foo=bar", "iso-8859-1"),
        ("text/html; CHARSET = utf-8 ", "utf-8"),
        ("text/html", None),
        ("text/html; charset=", None),
        ("text/html; charset=utf-9", "utf-9"),  # what the header said, even when bogus
        (None, None),
    ],
)
def test_header_charset(header: str | None, expected: str | None) -> None:
    assert header_charset(header) == expected
