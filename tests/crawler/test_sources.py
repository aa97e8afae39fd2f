"""The real sources in corpus/sources.toml are usable by the crawler as written."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from corpus.sources import load_sources
from crawler.config import resolve_source
from crawler.frontier import Scope
from crawler.urls import canonicalize

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
REAL = {name: s for name, s in load_sources().items() if s.kind != "demo"}
JDIHN_PATHS = ["/feed/document.json", "/api/jdihn", "/api/integrasi", "/integrasi",
               "/api/produk-hukum/peraturan"]


@pytest.mark.parametrize("name", sorted(REAL))
def test_real_source_is_public_polite_and_in_scope(name: str) -> None:
    source = resolve_source(REAL[name], base_url=None)  # no relative seeds: no base needed
    assert not source.local
    assert source.delay >= 1.0
    assert source.hints.get("kind") in ("regulation", "news")
    scope = Scope.of(source, [*source.seeds, *source.feeds])
    for url in (*source.seeds, *source.feeds):
        assert urlsplit(url).scheme == "https"
        canonical = canonicalize(url)
        assert canonical is not None and scope.contains(canonical), url
    for pattern in (*source.allow, *source.deny):
        re.compile(pattern)


@pytest.mark.parametrize("name", ["jdih_gianyar", "jdih_bali"])
def test_jdih_sources_try_the_jdihn_feed_paths_first(name: str) -> None:
    feeds = [urlsplit(u).path for u in REAL[name].feeds]
    assert feeds[: len(JDIHN_PATHS)] == JDIHN_PATHS


def test_peraturan_go_id_has_every_national_rule_gianyar_cites() -> None:
    facts_path = SHARED / "domain" / "gianyar_facts.json"
    if not facts_path.exists():
        pytest.skip("../shared is absent")
    facts = json.loads(facts_path.read_text(encoding="utf-8"))
    seeds = set(REAL["peraturan_go_id"].seeds)
    published = ("UU", "PP", "Inpres", "Permenaker", "Permendagri")
    national = [f for f in facts
                if f.get("region") == "Indonesia" and f.get("type_abbr") in published]
    assert len(national) >= 10
    for fact in national:
        slug = f"{fact['type_abbr'].lower()}-no-{fact['number']}-tahun-{fact['year']}"
        assert f"https://peraturan.go.id/id/{slug}" in seeds


def test_peraturan_go_id_scope_takes_details_and_files_only() -> None:
    source = REAL["peraturan_go_id"]
    scope = Scope.of(source, list(source.seeds))
    assert scope.contains("https://peraturan.go.id/id/uu-no-40-tahun-2004")
    assert scope.contains("https://peraturan.go.id/files/uu40-2004bt.pdf")
    assert not scope.contains("https://peraturan.go.id/id/peraturan?page=2")
    assert not scope.contains("https://other.example/id/uu-no-40-tahun-2004")
