"""What a search returns: plain dataclasses that cross into `web/` (never Whoosh objects)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

SORTS = ("relevance", "date_desc", "date_asc")
FACET_FIELDS = ("kind", "doc_type", "year", "region", "status", "source")


@dataclass(frozen=True, slots=True)
class SearchRequest:
    """One search: the user's text plus filters that come from parameters, never from the text."""

    query: str = ""
    page: int = 1
    per_page: int = 10
    kind: tuple[str, ...] = ()
    doc_type: tuple[str, ...] = ()
    region: tuple[str, ...] = ()
    status: tuple[str, ...] = ()
    source: tuple[str, ...] = ()
    year_from: int | None = None
    year_to: int | None = None
    sort: str = "relevance"  # one of SORTS
    facets: bool = True
    snippets: bool = True


@dataclass(frozen=True, slots=True)
class PartHit:
    """The best-matching unit inside a regulation ("Pasal 4", anchor "pasal-4")."""

    anchor: str
    label: str
    snippet: str = ""  # HTML-escaped, matches wrapped in <mark>


@dataclass(frozen=True, slots=True)
class Hit:
    """One result: a document shown once, with its best-matching Pasal when there is one."""

    id: str
    url: str
    title: str
    kind: str
    score: float
    doc_type: str | None = None
    number: str | None = None
    year: int | None = None
    date: dt.date | None = None
    about: str | None = None
    region: str | None = None
    status: str | None = None
    source: str | None = None
    snippet: str = ""  # HTML-escaped, matches wrapped in <mark>
    best_part: PartHit | None = None


@dataclass(frozen=True, slots=True)
class FacetValue:
    """One value of a facet with the number of matching documents."""

    value: str
    count: int


@dataclass(frozen=True, slots=True)
class SearchResponse:
    """The answer to a SearchRequest."""

    query: str
    total: int
    page: int
    per_page: int
    hits: tuple[Hit, ...]
    facets: Mapping[str, tuple[FacetValue, ...]] = field(default_factory=dict)
    suggestion: str | None = None  # did-you-mean
    took_ms: float = 0.0
    citation: str | None = None  # the regulation id a citation-like query resolved to
    fuzzy: bool = False  # results come from the fuzzy fallback
