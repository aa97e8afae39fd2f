"""The JSON API: search, documents, suggestions, the OpenAPI document and `/healthz`."""

from __future__ import annotations

from flask import Blueprint, Response, jsonify, render_template, request, url_for

from web.api import document_json, response_json
from web.errors import BadRequestError, UnavailableError
from web.openapi import openapi_document
from web.params import MAX_QUERY_CHARS, parse_int, parse_search
from web.resources import get_searcher, index_info
from web.searching import run_search
from web.views.documents import load

bp = Blueprint("api", __name__)

MAX_SUGGESTIONS = 20


@bp.get("/api/search")
def search() -> Response:
    """Search and return `{"query","total","page","hits","facets","suggestion"}`."""
    req = parse_search(request.args)
    return jsonify(response_json(run_search(req)))


@bp.get("/api/documents/<doc_id>")
def document(doc_id: str) -> Response:
    """Return one document with its parts and references."""
    doc, complete = load(doc_id)
    body = document_json(doc)
    body["complete"] = complete
    body["links"] = {"html": url_for("documents.show", doc_id=doc.id, _external=True)}
    return jsonify(body)


@bp.get("/api/suggest")
def suggest() -> Response:
    """Return completions of a prefix: `{"query", "suggestions": [...]}`."""
    prefix = (request.args.get("q") or "").strip()
    if len(prefix) > MAX_QUERY_CHARS:
        raise BadRequestError(f"The prefix must be at most {MAX_QUERY_CHARS} characters.",
                              code="query_too_long", key="query_too_long", n=len(prefix),
                              max=MAX_QUERY_CHARS)
    limit = parse_int(request.args, "limit", 8, 1, MAX_SUGGESTIONS) or 8
    suggestions = list(get_searcher().suggest(prefix, limit=limit))[:limit] if prefix else []
    if request.args.get("format") == "opensearch":
        return jsonify([prefix, suggestions])
    return jsonify({"query": prefix, "suggestions": suggestions})


@bp.get("/api/openapi.json")
def openapi() -> Response:
    """Return the OpenAPI 3.1 description of this API."""
    return jsonify(openapi_document(request.host_url.rstrip("/")))


@bp.get("/api/")
@bp.get("/api")
def docs() -> str:
    """Show a human-readable page about the API."""
    return render_template("api.html")


@bp.get("/healthz")
def healthz() -> tuple[Response, int]:
    """Answer 200 with the document count when the index is open, else 503."""
    try:
        count = get_searcher().doc_count()
    except UnavailableError as exc:
        return jsonify({"status": "unavailable", "error": {"code": exc.code,
                                                             "message": exc.message}}), 503
    return jsonify({"status": "ok", "documents": count, "index": index_info()}), 200

