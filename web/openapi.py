"""The OpenAPI 3.1 description of Telusur's JSON API, built from the same bounds the API uses."""

from __future__ import annotations

from typing import Any

from index.results import SORTS
from web.params import MAX_EXPORT_ROWS, MAX_PAGE, MAX_PER_PAGE, MAX_QUERY_CHARS

_ERROR = {"$ref": "#/components/schemas/Error"}


def _param(name: str, schema: dict[str, Any], description: str,
           *, array: bool = False, required: bool = False) -> dict[str, Any]:
    if array:
        schema = {"type": "array", "items": schema}
    return {"name": name, "in": "query", "required": required, "description": description,
            "schema": schema, **({"explode": True} if array else {})}


def _search_params() -> list[dict[str, Any]]:
    text = {"type": "string", "maxLength": 200}
    year = {"type": "integer", "minimum": 1800, "maximum": 2100}
    return [
        _param("q", {"type": "string", "maxLength": MAX_QUERY_CHARS}, "Search text"),
        _param("page", {"type": "integer", "minimum": 1, "maximum": MAX_PAGE, "default": 1},
               "Page number"),
        _param("per_page", {"type": "integer", "minimum": 1, "maximum": MAX_PER_PAGE,
                            "default": 10}, "Results per page"),
        _param("sort", {"type": "string", "enum": list(SORTS)}, "Order of results"),
        _param("kind", {"type": "string", "enum": ["regulation", "news", "other"]},
               "Only these kinds", array=True),
        _param("doc_type", text, "Only these document types (Perbup, UU, ...)", array=True),
        _param("region", text, "Only these regions", array=True),
        _param("status", text, "Only these legal statuses", array=True),
        _param("source", text, "Only these sources", array=True),
        _param("year_from", year, "Earliest year"),
        _param("year_to", year, "Latest year"),
    ]


def _ok(schema: dict[str, Any], description: str = "OK") -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _errors(*codes: int) -> dict[str, Any]:
    text = {400: "Invalid parameter", 404: "Not found", 503: "Index unavailable"}
    return {str(c): _ok(_ERROR, text[c]) for c in codes}


def _schemas() -> dict[str, Any]:
    nullable_str = {"type": ["string", "null"]}
    hit_props: dict[str, Any] = {name: nullable_str for name in (
        "doc_type", "number", "date", "source", "about", "region", "status")}
    hit_props.update({
        "id": {"type": "string"}, "url": {"type": "string"}, "title": {"type": "string"},
        "kind": {"type": "string"}, "year": {"type": ["integer", "null"]},
        "snippet": {"type": "string", "description": "Escaped HTML; matches in <mark>"},
        "score": {"type": "number"}, "best_part": {"type": ["object", "null"]},
    })
    facet = {"type": "array", "items": {"type": "object", "properties": {
        "value": {"type": "string"}, "count": {"type": "integer"}}}}
    return {
        "Hit": {"type": "object", "properties": hit_props,
                "required": ["id", "url", "title", "kind", "snippet", "score"]},
        "SearchResponse": {"type": "object", "required": ["query", "total", "page", "hits",
                                                         "facets", "suggestion"],
                           "properties": {
                               "query": {"type": "string"}, "total": {"type": "integer"},
                               "page": {"type": "integer"}, "per_page": {"type": "integer"},
                               "hits": {"type": "array",
                                        "items": {"$ref": "#/components/schemas/Hit"}},
                               "facets": {"type": "object", "additionalProperties": facet},
                               "suggestion": nullable_str, "citation": nullable_str,
                               "fuzzy": {"type": "boolean"}, "took_ms": {"type": "number"}}},
        "Document": {"type": "object", "required": ["id", "url", "kind", "title"],
                     "description": "A document with parts (Pasal), references and pages"},
        "Error": {"type": "object", "required": ["error"], "properties": {"error": {
            "type": "object", "required": ["code", "message"],
            "properties": {"code": {"type": "string"}, "message": {"type": "string"}}}}},
    }


def openapi_document(server_url: str) -> dict[str, Any]:
    """Return the OpenAPI document, with `server_url` as the server."""
    return {
        "openapi": "3.1.0",
        "info": {"title": "Telusur API", "version": "1",
                 "description": "Search Indonesian social-security regulations and news."},
        "servers": [{"url": server_url}],
        "paths": _paths(),
        "components": {"schemas": _schemas()},
    }


def _paths() -> dict[str, Any]:
    doc_id = {"name": "doc_id", "in": "path", "required": True, "schema": {"type": "string"}}
    return {
        "/api/search": {"get": {
            "summary": "Search documents", "operationId": "search",
            "parameters": _search_params(),
            "responses": {"200": _ok({"$ref": "#/components/schemas/SearchResponse"}),
                          **_errors(400, 503)}}},
        "/api/documents/{doc_id}": {"get": {
            "summary": "One document", "operationId": "getDocument",
            "parameters": [doc_id],
            "responses": {"200": _ok({"$ref": "#/components/schemas/Document"}),
                          **_errors(404, 503)}}},
        "/api/suggest": {"get": {
            "summary": "Complete a query prefix", "operationId": "suggest",
            "parameters": [_param("q", {"type": "string", "maxLength": MAX_QUERY_CHARS},
                                  "Prefix", required=True),
                           _param("limit", {"type": "integer", "minimum": 1,
                                            "maximum": 20}, "How many")],
            "responses": {"200": _ok({"type": "object", "properties": {
                "query": {"type": "string"},
                "suggestions": {"type": "array", "items": {"type": "string"}}}}),
                **_errors(400, 503)}}},
        "/export.json": {"get": {
            "summary": f"Export a result set as JSON (at most {MAX_EXPORT_ROWS} rows)",
            "operationId": "exportJson",
            "parameters": [*_search_params()[:1], *_search_params()[3:],
                           _param("limit", {"type": "integer", "minimum": 1,
                                            "maximum": MAX_EXPORT_ROWS}, "Rows")],
            "responses": {"200": _ok({"type": "object"}), **_errors(400, 503)}}},
        "/feed/document.json": {"get": {
            "summary": "JDIHN-format feed of the regulations held",
            "operationId": "jdihnFeed",
            "responses": {"200": _ok({"type": "array", "items": {"type": "object"}}),
                          **_errors(503)}}},
        "/healthz": {"get": {
            "summary": "Health: 200 when the index is open", "operationId": "health",
            "responses": {"200": _ok({"type": "object"}), **_errors(503)}}},
    }
