"""Source definitions: which sites to crawl and how, read from `corpus/sources.toml`."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from corpus.errors import SourceConfigError

SOURCES_FILE = Path(__file__).with_name("sources.toml")
SOURCE_KINDS = ("jdih", "portal", "news", "demo", "adhoc")


@dataclass(frozen=True, slots=True)
class Source:
    """One site (or a few) crawled with the same rules."""

    name: str
    kind: str  # jdih, portal, news, demo, adhoc
    seeds: tuple[str, ...]
    description: str = ""
    feeds: tuple[str, ...] = ()  # sitemaps, RSS/Atom, JDIHN JSON feeds: fetched first
    allow: tuple[str, ...] = ()  # regexes a URL must match (any); empty = same hosts as seeds
    deny: tuple[str, ...] = ()  # regexes that exclude a URL
    hosts: tuple[str, ...] = ()  # allowed hosts; empty = the seeds' and feeds' hosts
    max_depth: int = 5
    max_pages: int = 2000
    delay: float = 1.0  # seconds between requests to one host (robots Crawl-delay may raise it)
    local: bool = False  # may fetch loopback/private addresses (the demo, tests)
    region: str | None = None  # default issuing region for documents of this source
    hints: Mapping[str, Any] = field(default_factory=dict)  # per-site extraction hints


def load_sources(path: Path | str | None = None) -> dict[str, Source]:
    """Read the source definitions; raise SourceConfigError with the reason when malformed."""
    path = Path(path) if path else SOURCES_FILE
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise SourceConfigError(f"cannot read sources from {path}: {exc}") from exc
    sources: dict[str, Source] = {}
    for name, table in (data.get("source") or {}).items():
        sources[name] = source_from_table(name, table, path)
    return sources


def source_from_table(name: str, table: Mapping[str, Any], path: Path | str = "<memory>") -> Source:
    """Build a Source from one `[source.NAME]` table."""
    known = set(Source.__dataclass_fields__) - {"name"}
    unknown = set(table) - known
    if unknown:
        raise SourceConfigError(f"{path}: source {name!r} has unknown keys {sorted(unknown)}")
    kind = table.get("kind", "")
    if kind not in SOURCE_KINDS:
        raise SourceConfigError(f"{path}: source {name!r} kind must be one of {SOURCE_KINDS}")
    if not table.get("seeds") and not table.get("feeds"):
        raise SourceConfigError(f"{path}: source {name!r} needs seeds or feeds")
    values = dict(table)
    for key in ("seeds", "feeds", "allow", "deny", "hosts"):
        values[key] = tuple(values.get(key, ()))
    try:
        return Source(name=name, **values)
    except TypeError as exc:
        raise SourceConfigError(f"{path}: source {name!r}: {exc}") from exc
