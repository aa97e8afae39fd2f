"""The document page (`/d/<id>`), its archived copy and its citation downloads."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from flask import Blueprint, Response, redirect, render_template, request, url_for
from werkzeug.wrappers import Response as BaseResponse

from corpus import Document
from web import citation
from web.docview import (
    hit_as_document,
    inverse_groups,
    metadata_rows,
    missing_designation,
    reference_groups,
    split_citing,
    standing,
)
from web.errors import NotFoundError
from web.i18n import current_language
from web.markup import query_terms
from web.params import parse_query
from web.reading import build_reading, matching_sections
from web.resources import get_document, get_raw_record
from web.searching import get_hit, optional
from web.views.basket import current_items

bp = Blueprint("documents", __name__)

_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$")
_SAFE_TYPES = {"application/pdf": "pdf", "text/plain": "txt", "application/json": "json"}


def load(doc_id: str) -> tuple[Document, bool]:
    """Return a document (from the store, else the index) and whether it is complete."""
    if not _ID.match(doc_id):
        raise NotFoundError(f"'{doc_id[:80]}' is not a valid document id.", key="bad_id",
                            id=doc_id[:80])
    doc = get_document(doc_id)
    if doc is not None:
        return doc, True
    hit = get_hit(doc_id)
    if hit is None:
        raise NotFoundError(f"No document with id '{doc_id}'. Search for it instead.",
                            key="no_document", id=doc_id)
    return hit_as_document(hit), False


def _held(doc_id: str) -> bool:
    return get_document(doc_id) is not None


@bp.get("/d/<doc_id>")
def show(doc_id: str) -> str:
    """Show a document: metadata, reading view, relations, mentions and citations."""
    doc, complete = load(doc_id)
    query = parse_query(request.args)
    news, citing = split_citing(optional("citing", doc.id, limit=50), doc.id)
    lang = current_language()
    reading = build_reading(doc)
    terms = query_terms(query)
    groups = reference_groups(doc.references, _held)
    inverse = inverse_groups(doc.id, citing, get_document)
    return render_template(
        "document.html",
        doc=doc,
        complete=complete,
        query=query,
        terms=terms,
        rows=metadata_rows(doc),
        designation=missing_designation(doc),
        reading=reading,
        matches=matching_sections(reading, terms),
        groups=groups,
        news=news,
        inverse=inverse,
        standing=standing(groups, inverse) if doc.kind == "regulation" else (),
        related=optional("related", doc.id, limit=5) or (),
        legal_citation=citation.legal_citation(doc, lang=lang),
        bibtex=citation.bibtex(doc),
        csl=citation.csl_json_text(doc),
        canonical=url_for("documents.show", doc_id=doc.id, _external=True),
        in_basket={item.key for item in current_items()},
        site_host=urlsplit(doc.url).hostname or doc.source,
    )


@bp.get("/d/<doc_id>/pasal")
def goto_pasal(doc_id: str) -> BaseResponse:
    """Jump to a Pasal by number (the no-JavaScript form on the document page)."""
    doc, _ = load(doc_id)
    number = (request.args.get("n") or "").strip().lower()
    anchor = f"pasal-{number}"
    if not re.fullmatch(r"\d{1,4}[a-z]?", number) or doc.part(anchor) is None:
        raise NotFoundError(f"'{doc.title[:80]}' has no Pasal {number[:10]!r}; "
                            "see the table of contents.", key="no_pasal", title=doc.title[:80],
                            n=number[:10])
    return redirect(url_for("documents.show", doc_id=doc.id, q=request.args.get("q") or None,
                            _anchor=anchor), code=303)


@bp.get("/d/<doc_id>/arsip")
def archived(doc_id: str) -> Response:
    """Serve our archived copy of a document's source as a download, never as our page."""
    doc, _ = load(doc_id)
    record = get_raw_record(doc.archive_ref) if doc.archive_ref else None
    if record is None:
        raise NotFoundError(f"We keep no archived copy of '{doc_id}'.", key="no_archive",
                            id=doc_id)
    content_type = (getattr(record, "content_type", "") or "").split(";")[0].strip().lower()
    ext = _SAFE_TYPES.get(content_type, "html" if "html" in content_type else "bin")
    served = content_type if content_type in _SAFE_TYPES else "application/octet-stream"
    response = Response(bytes(record.body), mimetype=served)
    response.headers["Content-Disposition"] = f'attachment; filename="{doc.id}.{ext}"'
    response.headers["Content-Security-Policy"] = "sandbox; default-src 'none'"
    sha = getattr(record, "sha256", None)
    if sha:
        response.headers["X-Telusur-SHA256"] = str(sha)
    return response


@bp.get("/d/<doc_id>/cite.<fmt>")
def cite(doc_id: str, fmt: str) -> Response:
    """Download a document's citation as BibTeX (`.bib`) or CSL-JSON (`.json`)."""
    doc, _ = load(doc_id)
    if fmt == "bib":
        body, mimetype = citation.bibtex(doc), "application/x-bibtex"
    elif fmt == "json":
        body, mimetype = citation.csl_json_text(doc), "application/vnd.citationstyles.csl+json"
    else:
        raise NotFoundError("Citations come as .bib (BibTeX) or .json (CSL-JSON).",
                            key="cite_format")
    response = Response(body, mimetype=mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="{doc.id}.{fmt}"'
    return response
