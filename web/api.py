"""JSON shapes of the API: hits, search responses and documents, as ARCHITECTURE.md specifies.

The CLI's `telusur search --json` prints `search_response_json`, so both speak the same JSON.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from corpus import Document
from index.results import Hit, SearchResponse
from web.markup import safe_snippet


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def hit_json(hit: Hit) -> dict[str, Any]:
    """Return one hit as the API shows it (snippet: escaped HTML with `<mark>`)."""
    out: dict[str, Any] = {
        "id": hit.id,
        "url": hit.url,
        "title": hit.title,
        "kind": hit.kind,
        "doc_type": hit.doc_type,
        "number": hit.number,
        "year": hit.year,
        "date": _iso(hit.date),
        "source": hit.source,
        "snippet": str(safe_snippet(hit.snippet)),
        "score": round(float(hit.score), 4),
        "about": hit.about,
        "region": hit.region,
        "status": hit.status,
        "best_part": None,
    }
    if hit.best_part is not None:
        out["best_part"] = {
            "anchor": hit.best_part.anchor,
            "label": hit.best_part.label,
            "snippet": str(safe_snippet(hit.best_part.snippet)),
        }
    return out


def response_json(resp: SearchResponse) -> dict[str, Any]:
    """Return a search response as the API's JSON object."""
    return {
        "query": resp.query,
        "total": resp.total,
        "page": resp.page,
        "per_page": resp.per_page,
        "hits": [hit_json(h) for h in resp.hits],
        "facets": {
            name: [{"value": v.value, "count": v.count} for v in values]
            for name, values in (resp.facets or {}).items()
        },
        "suggestion": resp.suggestion,
        "citation": resp.citation,
        "fuzzy": resp.fuzzy,
        "took_ms": round(float(resp.took_ms), 2),
    }


def search_response_json(resp: SearchResponse) -> dict[str, Any]:
    """Return a search response as the JSON of `/api/search` (the CLI's `--json` too)."""
    return response_json(resp)


def document_json(doc: Document) -> dict[str, Any]:
    """Return a full document (parts, references, pages) as JSON, without internal fields."""
    out = doc.to_dict()
    out.pop("archive_ref", None)
    out["date"] = _iso(doc.date)
    return out
