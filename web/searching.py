"""Run searches for the views: one place that maps index errors to web errors."""

from __future__ import annotations

import logging
from typing import Any

from index.results import Hit, SearchRequest, SearchResponse
from web.errors import BadRequestError, UnavailableError
from web.resources import get_searcher

log = logging.getLogger(__name__)


def run_search(req: SearchRequest) -> SearchResponse:
    """Search the index; a query the index rejects becomes a 400 with its reason."""
    from index.errors import QueryError

    searcher = get_searcher()
    try:
        return searcher.search(req)
    except QueryError as exc:
        raise BadRequestError(f"The query cannot be understood: {exc}",
                              code="invalid_query") from exc


def optional(call: str, *args: Any, **kwargs: Any) -> Any:
    """Call a searcher method for a page's side panel; return None when the index is down."""
    try:
        searcher = get_searcher()
        return getattr(searcher, call)(*args, **kwargs)
    except UnavailableError:
        return None
    except Exception as exc:  # a broken side panel must not take the page down
        log.warning("searcher.%s failed: %s", call, exc)
        return None


def get_hit(doc_id: str) -> Hit | None:
    """Return the index's summary of a document, or None when absent or unavailable."""
    hit = optional("get", doc_id)
    return hit if isinstance(hit, Hit) else None
