"""Source definitions: the committed sources.toml and malformed tables."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus import SourceConfigError, load_sources, source_from_table


def test_committed_sources_load_and_include_the_demo() -> None:
    sources = load_sources()
    assert sources["demo"].local is True
    assert all(s.seeds or s.feeds for s in sources.values())


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"kind": "jdih"}, "needs seeds or feeds"),
        ({"kind": "blog", "seeds": ["https://x"]}, "kind must be one of"),
        ({"kind": "news", "seeds": ["https://x"], "colour": "red"}, "unknown keys"),
    ],
)
def test_malformed_source_tables_are_refused(table: dict, message: str) -> None:
    with pytest.raises(SourceConfigError, match=message):
        source_from_table("x", table)


def test_unreadable_sources_file_names_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "sources.toml"
    bad.write_text("[source.x\nkind=")
    with pytest.raises(SourceConfigError, match=r"sources\.toml"):
        load_sources(bad)
