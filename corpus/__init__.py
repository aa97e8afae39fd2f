"""The corpus: Telusur's document model, ids, document store, sources and committed data.

It imports nothing else of ours; every other package builds on it.
"""

from corpus.doctypes import DOC_TYPES, DocType, designation, find_doc_type, normalize_doc_type
from corpus.errors import CorpusError, SourceConfigError, StoreError
from corpus.ids import news_id, page_id, region_slug, regulation_id, slugify
from corpus.merge import merge_documents
from corpus.model import KINDS, RELATIONS, Document, Page, Part, Reference
from corpus.sources import SOURCES_FILE, Source, load_sources, source_from_table
from corpus.store import Changes, DocumentStore

__all__ = [
    "DOC_TYPES",
    "KINDS",
    "RELATIONS",
    "SOURCES_FILE",
    "Changes",
    "CorpusError",
    "DocType",
    "Document",
    "DocumentStore",
    "Page",
    "Part",
    "Reference",
    "Source",
    "SourceConfigError",
    "StoreError",
    "designation",
    "find_doc_type",
    "load_sources",
    "merge_documents",
    "news_id",
    "normalize_doc_type",
    "page_id",
    "region_slug",
    "regulation_id",
    "slugify",
    "source_from_table",
]
