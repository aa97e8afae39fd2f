"""The search page: one box, facets with counts, sorting, pagination, did-you-mean."""

from __future__ import annotations

from flask import Blueprint, render_template, request

from web.facets import build_facets, expanded_facet, page_links
from web.params import MAX_PAGE, active_filters, parse_search, request_params
from web.searching import get_hit, optional, run_search

bp = Blueprint("search", __name__)


@bp.get("/")
def home() -> str:
    """Show the search page, with results when a query or a filter is given."""
    req = parse_search(request.args)
    searching = bool(req.query or active_filters(req) or req.year_from or req.year_to)
    if not searching:
        return render_template(
            "home.html", req=req, doc_count=optional("doc_count"),
            types=tuple(optional("counts", "doc_type") or ())[:12],
            regions=tuple(optional("counts", "region") or ())[:12],
        )
    resp = run_search(req)
    return render_template(
        "search.html",
        req=req,
        resp=resp,
        facets=build_facets(req, resp, expanded_facet(request.args.get("more"))),
        pages=page_links(req.page, resp.total, req.per_page, MAX_PAGE),
        filters=active_filters(req),
        params=lambda **changes: request_params(req, **changes),
        citation_hit=get_hit(resp.citation) if resp.citation else None,
    )
