"""The evidence basket: add documents or single Pasal, annotate, reorder, export a dossier."""

from __future__ import annotations

import datetime as dt
import json

from flask import (
    Blueprint,
    Flask,
    Response,
    current_app,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from werkzeug.wrappers import Response as BaseResponse

from corpus import Document
from web import csrf
from web.basket_store import (
    BasketStore,
    Item,
    add_item,
    move_item,
    new_basket_id,
    remove_item,
    set_note,
)
from web.docview import Standing, standing_of
from web.dossier import build_entries, manifest_csv, manifest_rows
from web.errors import BadRequestError, NotFoundError
from web.i18n import current_language
from web.resources import data_dir, get_document
from web.searching import optional

bp = Blueprint("basket", __name__, url_prefix="/keranjang")
bp.before_request(csrf.check_csrf)


@bp.after_request
def _private(response: Response) -> Response:
    """Keep a visitor's basket out of shared caches."""
    response.headers["Cache-Control"] = "no-store, private"
    return response

SESSION_KEY = "basket_id"


def _store() -> BasketStore:
    return BasketStore(data_dir() / "baskets")


def current_items() -> list[Item]:
    """Return the items of this visitor's basket (empty when they have none)."""
    basket_id = session.get(SESSION_KEY)
    return _store().load(basket_id) if isinstance(basket_id, str) else []


def _save(items: list[Item]) -> None:
    basket_id = session.get(SESSION_KEY)
    store = _store()
    if not isinstance(basket_id, str):
        basket_id = new_basket_id()
        session[SESSION_KEY] = basket_id
        session.permanent = True
        # New baskets are rare next to reads, so they pay for clearing abandoned ones.
        store.prune(float(current_app.config["BASKET_MAX_AGE_DAYS"]))
    store.save(basket_id, items)


def _back(default: str = "basket.page", anchor: str | None = None) -> BaseResponse:
    target = request.form.get("next", "")
    if not target.startswith("/") or target.startswith("//") or "\\" in target:
        target = url_for(default)
    elif anchor and "#" not in target:
        target += f"#{anchor}"  # back to the Pasal just added
    return redirect(target, code=303)


def _standing(doc: Document) -> tuple[Standing, ...]:
    """What revoked or amended a regulation, as its document page says (index included)."""
    return standing_of(doc, optional("citing", doc.id, limit=50), get_document)


def _key() -> str:
    key = request.form.get("key", "")
    if not key or len(key) > 300:
        raise BadRequestError("Say which basket item to change (field 'key').",
                              code="invalid_parameter", key="basket_key")
    return key


@bp.get("/")
def page() -> str:
    """Show the basket with notes, ordering controls and export links."""
    entries = build_entries(current_items(), get_document, current_language(), _standing)
    return render_template("basket.html", entries=entries)


@bp.post("/tambah")
def add() -> BaseResponse:
    """Add a document, or one Pasal of it, to the basket."""
    doc_id = request.form.get("doc_id", "")
    anchor = request.form.get("anchor") or None
    doc = get_document(doc_id) if doc_id else None
    if doc is None:
        raise NotFoundError(f"No document with id '{doc_id[:80]}' to add to the basket.",
                            key="basket_no_document", id=doc_id[:80])
    if anchor and doc.part(anchor) is None:
        raise NotFoundError(f"'{doc_id}' has no part '{anchor[:40]}'.", key="basket_no_part",
                            id=doc_id, part=anchor[:40])
    limit = int(current_app.config["BASKET_MAX_ITEMS"])
    items = current_items()
    if len(items) >= limit:
        raise BadRequestError(f"The basket holds at most {limit} items; export it or remove "
                              "some first.", code="basket_full", key="basket_full", n=limit)
    _save(add_item(items, doc.id, anchor, limit))
    return _back(anchor=anchor)


@bp.post("/catatan")
def note() -> BaseResponse:
    """Set the note of one item."""
    _save(set_note(current_items(), _key(), request.form.get("note", "")))
    return _back()


@bp.post("/pindah")
def move() -> BaseResponse:
    """Move one item up or down."""
    direction = request.form.get("direction")
    if direction not in ("up", "down"):
        raise BadRequestError("Field 'direction' must be 'up' or 'down'.",
                              code="invalid_parameter", key="basket_direction")
    _save(move_item(current_items(), _key(), -1 if direction == "up" else 1))
    return _back()


@bp.post("/hapus")
def remove() -> BaseResponse:
    """Remove one item."""
    _save(remove_item(current_items(), _key()))
    return _back()


@bp.post("/kosongkan")
def clear() -> BaseResponse:
    """Empty the basket, once the reader has ticked that they mean it."""
    if request.form.get("confirm") != "1":
        raise BadRequestError("Tick the confirmation box to empty the basket.",
                              code="invalid_parameter", key="basket_confirm")
    _save([])
    return _back()


@bp.get("/dossier")
def dossier() -> str:
    """Show the printable dossier of everything in the basket."""
    entries = build_entries(current_items(), get_document, current_language(), _standing)
    generated = dt.datetime.now(dt.UTC).replace(microsecond=0)
    return render_template("dossier.html", entries=entries, generated=generated)


def _rows() -> list[dict[str, object]]:
    entries = build_entries(current_items(), get_document, current_language(), _standing)
    return manifest_rows(entries, lambda e: url_for(
        "documents.show", doc_id=e.doc_id, _anchor=e.anchor, _external=True))


@bp.get("/manifest.csv")
def manifest_as_csv() -> Response:
    """Download the dossier's manifest as CSV."""
    response = Response(manifest_csv(_rows()), mimetype="text/csv")
    response.headers["Content-Disposition"] = 'attachment; filename="telusur-dossier.csv"'
    return response


@bp.get("/manifest.json")
def manifest_as_json() -> Response:
    """Download the dossier's manifest as JSON."""
    body = {"generated_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "items": _rows()}
    response = Response(json.dumps(body, ensure_ascii=False, indent=2),
                        mimetype="application/json")
    response.headers["Content-Disposition"] = 'attachment; filename="telusur-dossier.json"'
    return response


def init_app(app: Flask) -> None:
    """Show the basket's size in every page header."""

    @app.context_processor
    def _count() -> dict[str, int]:
        try:
            return {"basket_count": len(current_items())}
        except OSError:
            return {"basket_count": 0}
