"""The one-way import rules of ARCHITECTURE.md, checked by reading the source (an AST walk)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# package -> top-level modules it must never import
FORBIDDEN = {
    "corpus": {"crawler", "index", "web", "flask", "whoosh", "httpx", "bs4", "lxml"},
    "crawler": {"index", "web", "flask", "whoosh"},
    "index": {"crawler", "web", "flask", "httpx", "bs4"},
}


def _imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.lineno, node.module))
    return found


def _breaches(package: str, banned: set[str]) -> list[str]:
    return [
        f"{path.relative_to(ROOT)}:{line} imports {name}"
        for path in sorted((ROOT / package).rglob("*.py"))
        for line, name in _imports(path)
        if name.split(".")[0] in banned
    ]


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_package_imports_run_one_way(package: str) -> None:
    assert _breaches(package, FORBIDDEN[package]) == []


def test_nothing_outside_web_imports_web() -> None:
    bad = [
        f"{path.relative_to(ROOT)}:{line}"
        for package in ("corpus", "crawler", "index")
        for path in (ROOT / package).rglob("*.py")
        for line, name in _imports(path)
        if name.split(".")[0] == "web"
    ]
    assert bad == []


def test_checker_catches_a_breach(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("import flask\nfrom index.search import x\n")
    assert [name for _, name in _imports(bad)] == ["flask", "index.search"]


# crawler/extract is pure (bytes in, Documents out): no network, no store, no archive, no state
EXTRACT_FORBIDDEN = {"httpx", "requests", "urllib3", "socket", "sqlite3", "urllib.request",
                     "http.client", "warcio", "crawler.fetch", "crawler.engine", "crawler.archive",
                     "crawler.state", "crawler.settle", "corpus.store"}


def test_extraction_stays_pure() -> None:
    bad = [
        f"{path.relative_to(ROOT)}:{line} imports {name}"
        for path in sorted((ROOT / "crawler" / "extract").rglob("*.py"))
        for line, name in _imports(path)
        if name in EXTRACT_FORBIDDEN or name.split(".")[0] in EXTRACT_FORBIDDEN
    ]
    assert bad == []
