"""The coverage page: expected Gianyar instruments found or missing, charts, crawl health."""

from __future__ import annotations

from pathlib import Path

from flask import Blueprint, current_app, render_template

import corpus
from index.results import FacetValue, Hit, SearchRequest
from web.charts import bar_chart
from web.coverage import check_coverage, load_expected
from web.errors import UnavailableError
from web.health import load_health
from web.i18n import translate
from web.resources import data_dir, get_document
from web.searching import get_hit, optional, run_search

bp = Blueprint("coverage", __name__)


def expected_path() -> Path:
    """Return where the expected-instruments list is read from."""
    configured = current_app.config.get("EXPECTED_INSTRUMENTS")
    if configured:
        return Path(configured)
    return Path(corpus.__file__).parent / "expected_instruments.toml"


def _search(req: SearchRequest) -> tuple[Hit, ...]:
    try:
        return run_search(req).hits
    except UnavailableError:
        return ()


def _counts(field: str) -> tuple[FacetValue, ...]:
    values = optional("counts", field)
    return tuple(values) if values else ()


@bp.get("/cakupan")
def page() -> str:
    """Show which expected instruments are held, documents per year and type, source health."""
    expected = load_expected(expected_path())
    rows = check_coverage(expected, get_hit, _search)
    years = sorted(_counts("year"), key=lambda v: v.value)
    types = sorted(_counts("doc_type"), key=lambda v: (-v.count, v.value))
    health, health_problem = load_health(data_dir() / "crawl")
    tally = {state: sum(1 for r in rows if r.status == state)
             for state in ("found", "candidate", "missing")}
    fetched = {}
    for row in rows:
        doc = get_document(row.hit.id) if row.hit else None
        if doc is not None and doc.fetched_at is not None:
            fetched[doc.id] = doc.fetched_at
    return render_template(
        "coverage.html",
        expected=expected,
        rows=rows,
        tally=tally,
        fetched=fetched,
        year_chart=bar_chart(translate("coverage.per_year"), [(v.value, v.count) for v in years]),
        type_chart=bar_chart(translate("coverage.per_type"), [(v.value, v.count) for v in types]),
        health=health,
        health_problem=health_problem,
    )
