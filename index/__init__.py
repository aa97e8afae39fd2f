"""Search: Indonesian analysis, citations, pasal-level hits, facets, and the index's life on disk.

Whoosh stays behind this small interface; callers exchange the dataclasses of `index.results`
and `index.lifecycle`, never Whoosh objects. Nothing is opened at import time.
"""

from index.errors import (
    IndexCorruptError,
    IndexLockedError,
    IndexMissingError,
    QueryError,
    SchemaVersionError,
    TelusurIndexError,
)
from index.lifecycle import (
    BuildStats,
    IndexState,
    UpdateStats,
    build_index,
    index_state,
    update_index,
)
from index.results import (
    FACET_FIELDS,
    SORTS,
    FacetValue,
    Hit,
    PartHit,
    SearchRequest,
    SearchResponse,
)
from index.schema import SCHEMA_VERSION
from index.search import Searcher, SearchIndex, open_index

__all__ = [
    "FACET_FIELDS",
    "SCHEMA_VERSION",
    "SORTS",
    "BuildStats",
    "FacetValue",
    "Hit",
    "IndexCorruptError",
    "IndexLockedError",
    "IndexMissingError",
    "IndexState",
    "PartHit",
    "QueryError",
    "SchemaVersionError",
    "SearchIndex",
    "SearchRequest",
    "SearchResponse",
    "Searcher",
    "TelusurIndexError",
    "UpdateStats",
    "build_index",
    "index_state",
    "open_index",
    "update_index",
]
