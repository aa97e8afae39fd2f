"""Side-by-side reading of two regulations: how another region wrote the same rule."""

from __future__ import annotations

from flask import Blueprint, render_template, request

from web.docview import metadata_rows
from web.errors import BadRequestError
from web.reading import build_reading
from web.searching import optional
from web.views.documents import load

bp = Blueprint("compare", __name__)

SHOWN_META = ("meta.doc_type", "meta.number", "meta.year", "meta.region", "meta.status",
              "meta.enacted")


@bp.get("/bandingkan")
def page() -> str:
    """Show two documents side by side, or offer similar documents to compare with."""
    first_id = (request.args.get("a") or "").strip()
    if not first_id:
        raise BadRequestError("Say which document to compare (parameter 'a').",
                              code="invalid_parameter", key="compare_first")
    first, _ = load(first_id)
    second_id = (request.args.get("b") or "").strip()
    if not second_id:
        candidates = optional("related", first.id, limit=10) or ()
        return render_template("compare.html", first=first, second=None, candidates=candidates,
                               columns=())
    second, _ = load(second_id)
    columns = tuple(
        (prefix, doc, [r for r in metadata_rows(doc) if r.key in SHOWN_META], build_reading(doc))
        for prefix, doc in (("a", first), ("b", second))
    )
    return render_template("compare.html", first=first, second=second, candidates=(),
                           columns=columns)
