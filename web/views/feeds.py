"""Exports and feeds: CSV/JSON of a result set, Atom per search, OpenSearch, the JDIHN feed."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import replace

from flask import Blueprint, Response, current_app, request, url_for

from index.results import Hit, SearchRequest
from web import feedformat
from web.api import hit_json
from web.feedcache import feed_cache
from web.params import MAX_PER_PAGE, parse_export, request_params
from web.resources import get_store
from web.searching import run_search

bp = Blueprint("feeds", __name__)


def _permalink(hit: Hit) -> str:
    return url_for("documents.show", doc_id=hit.id, _external=True)


def collect_hits(req: SearchRequest) -> tuple[int, list[Hit]]:
    """Return the total and up to `req.per_page` hits, fetched a search page at a time."""
    wanted = req.per_page
    hits: list[Hit] = []
    total = 0
    page = 1
    while len(hits) < wanted:
        size = min(MAX_PER_PAGE, wanted - len(hits))
        # Pages are counted in fixed-size steps, so only the last request may be shorter.
        resp = run_search(replace(req, page=page, per_page=MAX_PER_PAGE, facets=False))
        total = resp.total
        hits.extend(resp.hits[:size])
        if len(resp.hits) < MAX_PER_PAGE:
            break
        page += 1
    return total, hits


def _export_rows() -> tuple[dict[str, object], list[dict[str, object]]]:
    req = parse_export(request.args)
    total, hits = collect_hits(req)
    rows = []
    for hit in hits:
        row = hit_json(hit)
        row["permalink"] = _permalink(hit)
        rows.append(row)
    meta = {"query": req.query, "total": total, "exported": len(rows),
            "generated_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds")}
    return meta, rows


def _download(body: str | bytes, mimetype: str, filename: str) -> Response:
    response = Response(body, mimetype=mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@bp.get("/export.csv")
def export_csv() -> Response:
    """Download a result set (up to the export limit) as CSV."""
    _, rows = _export_rows()
    return _download(feedformat.results_csv(rows), "text/csv", "telusur-hasil.csv")


@bp.get("/export.json")
def export_json() -> Response:
    """Download a result set (up to the export limit) as JSON."""
    meta, rows = _export_rows()
    body = json.dumps({**meta, "hits": rows}, ensure_ascii=False, indent=1)
    return _download(body, "application/json", "telusur-hasil.json")


@bp.get("/feed.atom")
def atom() -> Response:
    """Return an Atom feed of a search, newest first, to watch a query."""
    req = parse_export(request.args)
    if "sort" not in request.args:
        req = replace(req, sort="date_desc")
    limit = int(current_app.config["FEED_MAX_ENTRIES"])
    req = replace(req, per_page=min(req.per_page, limit), snippets=True)
    _, hits = collect_hits(req)
    params = request_params(req, page=None, per_page=None)
    title = f"Telusur: {req.query}" if req.query else "Telusur"
    body = feedformat.atom_feed(
        title, url_for("feeds.atom", _external=True, **params),
        url_for("search.home", _external=True, **params), hits, _permalink)
    return Response(body, mimetype="application/atom+xml")


@bp.get("/opensearch.xml")
def opensearch() -> Response:
    """Return the OpenSearch description document."""
    body = feedformat.opensearch_description(request.host_url.rstrip("/"))
    return Response(body, mimetype="application/opensearchdescription+xml")


def _store_feed(name: str, mimetype: str, build: Callable[[], bytes]) -> Response:
    """Answer a store-wide feed: 304 when the reader's copy is current, else the cached body.

    The body is built once per store state (its sequence number) and host, never per request.
    """
    seq = get_store().last_seq()
    etag = f"store-{seq}"
    if request.if_none_match.contains(etag):
        response = Response(status=304)
    else:
        key = (name, str(get_store().path), seq, request.host_url)
        response = Response(feed_cache().get_or_build(key, build), mimetype=mimetype)
    response.set_etag(etag)
    response.headers["Cache-Control"] = "public, max-age=300"
    return response


def _jdihn_body() -> bytes:
    limit = int(current_app.config["JDIHN_MAX_RECORDS"])
    records = []
    for doc in get_store():
        if doc.kind != "regulation":
            continue
        records.append(feedformat.jdihn_record(
            doc, url_for("documents.show", doc_id=doc.id, _external=True)))
        if len(records) >= limit:
            break
    return json.dumps(records, ensure_ascii=False).encode("utf-8")


@bp.get("/feed/document.json")
def jdihn() -> Response:
    """Return the regulations we hold as a JDIHN integration feed (a JSON array)."""
    return _store_feed("jdihn", "application/json", _jdihn_body)


def _sitemap_body() -> bytes:
    urls = (url_for("documents.show", doc_id=doc.id, _external=True)
            for _, doc in zip(range(50_000), get_store(), strict=False))
    return feedformat.sitemap(urls)


@bp.get("/sitemap.xml")
def sitemap() -> Response:
    """List every document page for search engines (at most 50,000 URLs, the protocol's cap)."""
    return _store_feed("sitemap", "application/xml", _sitemap_body)


@bp.get("/robots.txt")
def robots() -> Response:
    """Let crawlers read documents but not baskets, exports or feeds of every query."""
    lines = ["User-agent: *", "Disallow: /keranjang/", "Disallow: /export", "Disallow: /feed.atom",
             "Disallow: /api/", f"Sitemap: {url_for('feeds.sitemap', _external=True)}", ""]
    return Response("\n".join(lines), mimetype="text/plain")
