"""Errors raised by the corpus package.

    CorpusError                 base of everything below
    ├── StoreError              the document store cannot be opened, read or written
    └── SourceConfigError       sources.toml (or another data file) is missing or malformed
"""


class CorpusError(Exception):
    """Base class of corpus errors."""


class StoreError(CorpusError):
    """The document store cannot be opened, read or written."""


class SourceConfigError(CorpusError):
    """A committed data file (sources, glossary, expected instruments) is malformed."""
