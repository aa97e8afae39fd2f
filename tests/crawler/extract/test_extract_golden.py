"""Golden pages: every tests/fixtures/pages/<kind>/<name>.html against its <name>.json."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from corpus.ids import news_id
from crawler.extract import extract

FIXTURES = Path(__file__).resolve().parents[3] / "tests" / "fixtures" / "pages"
PAGES = sorted(FIXTURES.glob("*/*.html"))
_PLAIN_FIELDS = ("kind", "origin", "id", "title", "doc_type", "number", "year", "region",
                 "about", "author", "site_name", "status", "enacted_at_place", "pdf_url")


def _expected(page: Path) -> dict:
    return json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("page", PAGES, ids=[f"{p.parent.name}/{p.stem}" for p in PAGES])
def test_golden_page_extracts_expected_fields(page: Path) -> None:
    want = _expected(page)
    doc = extract(page.read_bytes(), want["url"], want.get("content_type"))
    if want.get("expect_none"):
        assert doc is None
        return
    assert doc is not None
    for name in _PLAIN_FIELDS:
        if name in want:
            assert getattr(doc, name) == want[name], name
    if "canonical_url" in want:
        assert doc.id == news_id(want["canonical_url"])
    if "published_at" in want:
        assert doc.published_at == dt.datetime.fromisoformat(want["published_at"])
    for name in ("enacted_on", "promulgated_on"):
        if name in want:
            assert getattr(doc, name) == dt.date.fromisoformat(want[name]), name
    if "subjects" in want:
        assert list(doc.subjects) == want["subjects"]
    if "about_normalised" in want:
        assert re.sub(r"[^a-z0-9]", "", (doc.about or "").lower()) == want["about_normalised"]
    if "summary_contains" in want:
        assert want["summary_contains"] in (doc.summary or "")
    for snippet in want.get("text_contains", []):
        assert snippet in doc.text, snippet
    for snippet in want.get("text_excludes", []):
        assert snippet not in doc.text, snippet
    if "reference_ids" in want:
        assert [r.target_id for r in doc.references] == want["reference_ids"]
    if "reference_relations" in want:
        assert [[r.target_id, r.relation] for r in doc.references] == want[
            "reference_relations"]
    if "pasal" in want:
        assert [p.anchor for p in doc.parts if p.kind == "pasal"] == want["pasal"]
    anchors = {p.anchor for p in doc.parts}
    for anchor in want.get("parts_include", []):
        assert anchor in anchors, anchor
    for anchor, text in want.get("part_text", {}).items():
        part = doc.part(anchor)
        assert part is not None and part.text == text, anchor


def test_every_golden_page_has_expectations() -> None:
    assert len(PAGES) >= 5
    kinds = {p.parent.name for p in PAGES}
    assert {"news", "jdih_detail", "jdih_listing", "government", "regulation"} <= kinds
    for page in PAGES:
        assert page.with_suffix(".json").exists(), page
