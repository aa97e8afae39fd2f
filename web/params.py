"""Turn query-string parameters into a bounded `SearchRequest`, or a clear 400.

Every bound lives here, so the HTML pages, the API and the exports refuse the same inputs
with the same messages.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from werkzeug.datastructures import MultiDict

from index.results import SORTS, SearchRequest
from web.errors import BadRequestError

MAX_QUERY_CHARS = 500
MAX_PAGE = 500
MAX_PER_PAGE = 100
MAX_RESULT_WINDOW = 10_000  # page * per_page
MAX_EXPORT_ROWS = 1_000
MAX_FILTER_VALUES = 20
MAX_FILTER_CHARS = 200
YEAR_MIN, YEAR_MAX = 1800, 2100

FILTER_FIELDS = ("kind", "doc_type", "region", "status", "source")


def parse_int(
    args: MultiDict[str, str], name: str, default: int | None, low: int, high: int
) -> int | None:
    """Return an integer parameter within [low, high], the default when absent, else 400."""
    raw = (args.get(name) or "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise BadRequestError(
            f"Parameter '{name}' must be a whole number, not {raw[:40]!r}.",
            code="invalid_parameter", key="not_integer", name=name, raw=raw[:40],
        ) from None
    if not low <= value <= high:
        raise BadRequestError(
            f"Parameter '{name}' must be between {low} and {high} (got {value}).",
            code="parameter_out_of_range", key="out_of_range", name=name, low=low, high=high,
            value=value,
        )
    return value


def parse_query(args: MultiDict[str, str]) -> str:
    """Return the search text, refusing text longer than MAX_QUERY_CHARS."""
    query = (args.get("q") or "").strip()
    if len(query) > MAX_QUERY_CHARS:
        raise BadRequestError(
            f"The query is {len(query)} characters long; shorten it to at most "
            f"{MAX_QUERY_CHARS}.",
            code="query_too_long", key="query_too_long", n=len(query), max=MAX_QUERY_CHARS,
        )
    if "\x00" in query:
        raise BadRequestError("The query contains a NUL character.", code="invalid_parameter",
                              key="query_nul")
    return query


def _filter_values(args: MultiDict[str, str], name: str) -> tuple[str, ...]:
    values = [v.strip() for v in args.getlist(name) if v and v.strip()]
    if len(values) > MAX_FILTER_VALUES:
        raise BadRequestError(
            f"At most {MAX_FILTER_VALUES} values of '{name}' may be combined.",
            code="too_many_filters", key="too_many_filters", name=name, max=MAX_FILTER_VALUES,
        )
    for value in values:
        if len(value) > MAX_FILTER_CHARS:
            raise BadRequestError(
                f"A value of '{name}' is longer than {MAX_FILTER_CHARS} characters.",
                code="invalid_parameter", key="filter_too_long", name=name, max=MAX_FILTER_CHARS,
            )
    return tuple(dict.fromkeys(values))


def parse_search(args: MultiDict[str, str], *, default_per_page: int = 10,
                 max_per_page: int = MAX_PER_PAGE) -> SearchRequest:
    """Build a SearchRequest from query-string parameters, or raise BadRequestError."""
    sort = (args.get("sort") or "relevance").strip()
    if sort not in SORTS:
        raise BadRequestError(
            f"Parameter 'sort' must be one of {', '.join(SORTS)}.", code="invalid_parameter",
            key="sort", choices=", ".join(SORTS),
        )
    page = parse_int(args, "page", 1, 1, MAX_PAGE) or 1
    per_page = parse_int(args, "per_page", default_per_page, 1, max_per_page) or default_per_page
    if page * per_page > MAX_RESULT_WINDOW:
        raise BadRequestError(
            f"Results beyond the first {MAX_RESULT_WINDOW} cannot be paged to; "
            "narrow the search with filters.",
            code="parameter_out_of_range", key="result_window", max=MAX_RESULT_WINDOW,
        )
    year_from = parse_int(args, "year_from", None, YEAR_MIN, YEAR_MAX)
    year_to = parse_int(args, "year_to", None, YEAR_MIN, YEAR_MAX)
    if year_from is not None and year_to is not None and year_from > year_to:
        year_from, year_to = year_to, year_from
    return SearchRequest(
        query=parse_query(args), page=page, per_page=per_page, sort=sort,
        year_from=year_from, year_to=year_to,
        kind=_filter_values(args, "kind"), doc_type=_filter_values(args, "doc_type"),
        region=_filter_values(args, "region"), status=_filter_values(args, "status"),
        source=_filter_values(args, "source"),
    )


def parse_export(args: MultiDict[str, str]) -> SearchRequest:
    """Build the request of an export: one page of up to MAX_EXPORT_ROWS results."""
    limit = parse_int(args, "limit", 200, 1, MAX_EXPORT_ROWS) or 200
    rest = MultiDict(args)
    for hidden in ("page", "per_page"):
        rest.poplist(hidden)
    base = parse_search(rest)
    return replace(base, page=1, per_page=limit, facets=False)


def active_filters(req: SearchRequest) -> dict[str, tuple[str, ...]]:
    """Return the filters of a request that are set, keyed by parameter name."""
    out = {name: getattr(req, name) for name in FILTER_FIELDS if getattr(req, name)}
    return out


def request_params(req: SearchRequest, **changes: Any) -> dict[str, Any]:
    """Return the query-string parameters that reproduce a request, with some changed."""
    params: dict[str, Any] = {"q": req.query}
    for name in FILTER_FIELDS:
        params[name] = list(getattr(req, name))
    params.update(year_from=req.year_from, year_to=req.year_to, sort=req.sort,
                  page=req.page, per_page=req.per_page)
    params.update(changes)
    return {k: v for k, v in params.items()
            if v not in (None, "", [], ()) and not (k == "sort" and v == "relevance")
            and not (k == "page" and v == 1) and not (k == "per_page" and v == 10)}
