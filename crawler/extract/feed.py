"""JDIHN JSON feeds: one metadata Document (origin "feed") per record.

Accepts a bare array of records or a wrapper such as `{"status": true, "data": [...]}`. Keys
and value types vary between sites (see `/work/shared/domain/jdihn_feed.md`); "", "-" and null
all mean "no value".
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from typing import Any
from urllib.parse import urljoin

from corpus.model import Document
from crawler.extract.labels import FEED_KEYS
from crawler.extract.records import regulation_from_fields

log = logging.getLogger(__name__)
_RECORD_KEYS = {"judul", "noperaturan", "jenis", "singkatanjenis", "iddata"}


def looks_like_feed(body: bytes, content_type: str | None) -> bool:
    """Return True when the body is JSON (by type or by its first character)."""
    head = body[:64].lstrip()
    if content_type and "json" in content_type.lower():
        return True
    return head[:1] in (b"[", b"{")


def parse_feed(body: bytes, url: str, hints: Mapping[str, Any] | None = None) -> list[Document]:
    """Return one Document per usable feed record; [] when the body is not a JDIHN feed."""
    try:
        data = json.loads(body.decode("utf-8-sig", errors="replace"))
    except (ValueError, RecursionError):
        return []
    records = _records(data)
    docs: list[Document] = []
    for index, record in enumerate(records):
        fields = _fields(record)
        for key in ("detail_url", "pdf_url"):
            if fields.get(key):  # some feeds give root-relative links
                fields[key] = urljoin(url, fields[key])
        detail = fields.pop("detail_url", "")
        record_url = detail or fields.get("pdf_url") or f"{url}#{fields.get('feed_id', index)}"
        try:
            doc = regulation_from_fields(fields, record_url, "feed", hints)
        except Exception as exc:  # one odd record must not lose the others
            log.debug("skipping feed record %s: %s", index, exc)
            continue
        if doc is not None:
            urls = tuple(u for u in (url, detail, fields.get("pdf_url")) if u)
            docs.append(doc.replace(source_urls=urls))
    return docs


def _records(data: Any) -> list[Mapping[str, Any]]:
    if isinstance(data, Mapping):
        for key in ("data", "result", "results", "items", "peraturan", "records"):
            if isinstance(data.get(key), list):
                data = data[key]
                break
        else:
            data = [data]
    if not isinstance(data, list):
        return []
    return [r for r in data if isinstance(r, Mapping) and _RECORD_KEYS & {k.lower() for k in r}]


def _fields(record: Mapping[str, Any]) -> dict[str, str]:
    fields: dict[str, str] = {}
    for key, value in record.items():
        if value is None or isinstance(value, dict | list):
            continue
        text = str(value).strip()
        if text in ("", "-", "–", "null", "0000-00-00"):
            continue
        name = FEED_KEYS.get(str(key).lower(), str(key))
        fields.setdefault(name, text)
    if fields.get("status") and fields.get("display") == "0":
        fields["status"] += " (tidak ditampilkan)"
    return fields
