"""Relevance benchmark: judged queries over the shared regulations, against plain Whoosh."""
