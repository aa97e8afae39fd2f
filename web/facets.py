"""View models of a search page: facet options with counts, pagination and display labels."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from corpus import find_doc_type
from index.results import FacetValue, SearchRequest, SearchResponse
from web.docview import known_status
from web.i18n import translate
from web.params import FILTER_FIELDS

FACET_ORDER = ("kind", "doc_type", "year", "region", "status", "source")
MAX_FACET_OPTIONS = 30  # shown at first; "more" opens one facet up to MAX_FACET_EXPANDED
MAX_YEAR_OPTIONS = 12
MAX_FACET_EXPANDED = 500


@dataclass(frozen=True, slots=True)
class FacetOption:
    """One value a reader can tick, with its count and whether it is ticked."""

    value: str
    label: str
    count: int
    selected: bool


@dataclass(frozen=True, slots=True)
class Facet:
    """One facet group as the search page shows it."""

    name: str
    title: str
    options: tuple[FacetOption, ...]
    hidden: int = 0  # values not shown; a "more" link opens them
    expanded: bool = False  # every value is shown (up to MAX_FACET_EXPANDED)


@dataclass(frozen=True, slots=True)
class PageLink:
    """One page number in the pagination bar (None = an ellipsis)."""

    number: int | None
    current: bool


def value_label(field: str, value: str) -> str:
    """Return how a facet value is shown: translated kinds, full names of document types."""
    if field == "kind":
        return translate(f"kind.{value}")
    if field == "status":
        return known_status(value) or translate("status.unknown")
    if field == "doc_type":
        known = find_doc_type(value)
        return f"{known.code} ({known.name})" if known and known.name != known.code else value
    return value


def expanded_facet(value: str | None) -> str | None:
    """Return the facet a `more=` parameter opens, or None for anything else."""
    return value if value in FACET_ORDER else None


def build_facets(
    req: SearchRequest, resp: SearchResponse, expanded: str | None = None
) -> tuple[Facet, ...]:
    """Return the facet groups of a response in display order, ticked as the request says.

    Each group shows its most frequent values; the group named by `expanded` shows them all.
    """
    facets: Mapping[str, tuple[FacetValue, ...]] = resp.facets or {}
    out: list[Facet] = []
    for name in FACET_ORDER:
        values = facets.get(name) or ()
        if name == "year":
            values = tuple(sorted(values, key=lambda v: v.value, reverse=True))
        limit = MAX_YEAR_OPTIONS if name == "year" else MAX_FACET_OPTIONS
        if name == expanded:
            limit = MAX_FACET_EXPANDED
        selected = set(getattr(req, name)) if name in FILTER_FIELDS else set()
        options = [
            FacetOption(v.value, value_label(name, v.value), v.count, v.value in selected)
            for v in values[:limit]
        ]
        present = {o.value for o in options}
        options += [FacetOption(s, value_label(name, s), 0, True)
                    for s in sorted(selected - present)]
        if name == "year":
            options.sort(key=lambda o: o.value, reverse=True)
        if options:
            out.append(Facet(name, translate(f"facet.{name}"), tuple(options),
                             hidden=max(len(values) - limit, 0),
                             expanded=name == expanded and len(values) > MAX_FACET_OPTIONS))
    return tuple(out)


def page_links(page: int, total: int, per_page: int, max_page: int) -> tuple[PageLink, ...]:
    """Return a compact pagination bar: first, last and two pages around the current one."""
    last = min(max(1, -(-total // per_page)), max_page)
    if last <= 1:
        return ()
    wanted = {1, last, *range(page - 2, page + 3)}
    links: list[PageLink] = []
    previous = 0
    for number in sorted(n for n in wanted if 1 <= n <= last):
        if number - previous > 1:
            links.append(PageLink(None, False))
        links.append(PageLink(number, number == page))
        previous = number
    return tuple(links)
