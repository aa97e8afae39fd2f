"""Errors raised by the index package, each saying what went wrong and what to do.

    TelusurIndexError            base of everything `index` raises on purpose
    ├── IndexMissingError        no index at the directory yet
    ├── SchemaVersionError       the index was built by another schema version
    ├── IndexLockedError         another writer holds the index
    ├── IndexCorruptError        the index files cannot be read
    └── QueryError               a query we refuse (too long, nothing searchable)
"""

from __future__ import annotations


class TelusurIndexError(Exception):
    """Base class of every error the index package raises on purpose."""


class IndexMissingError(TelusurIndexError):
    """No index exists at the given directory."""


class SchemaVersionError(TelusurIndexError):
    """The index on disk was built with a different schema version."""


class IndexLockedError(TelusurIndexError):
    """Another process or thread is writing to the index."""


class IndexCorruptError(TelusurIndexError):
    """The index exists but its files cannot be read."""


class QueryError(TelusurIndexError):
    """A query that cannot be searched as given."""
