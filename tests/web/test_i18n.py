"""The interface speaks Indonesian first and English on request; every message exists in both."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from flask.testing import FlaskClient

from web.catalogue import MESSAGES

TEMPLATES = Path(__file__).resolve().parents[2] / "web" / "templates"
# Keys built at run time from data: a prefix plus every value the data can take.
DYNAMIC = {
    "kind.": ("regulation", "news", "other"),
    "sort.": ("relevance", "date_desc", "date_asc"),
    "rel.": ("mengingat", "melaksanakan", "mengubah", "mencabut", "diubah_dengan",
             "dicabut_dengan", "menyebut"),
    "standing.": ("revoked", "amended"),
    "coverage.state.": ("found", "candidate", "missing", "unidentified"),
    "coverage.mark.": ("found", "candidate", "missing", "unidentified"),
    "dossier.date.": ("enacted", "promulgated", "published"),
    "coverage.explain.": ("found", "candidate", "missing", "unidentified"),
    "health.state.": ("ok", "degraded", "blocked", "failing"),
    "error.heading.": ("400", "404", "405", "500"),
    "unavailable.": ("index_missing", "index_schema_mismatch", "index_locked"),
    "coverage.certainty.": ("confirmed", "partial", "uncertain"),
    "error.code.": ("query_too_long", "parameter_out_of_range", "invalid_parameter",
                    "too_many_filters", "invalid_query", "csrf_failed", "not_found", "basket_full"),
}


def _template_keys() -> set[str]:
    keys: set[str] = set()
    for path in TEMPLATES.glob("*.html"):
        keys |= set(re.findall(r"""\bt\(\s*["']([a-z0-9_.]+)["']""", path.read_text()))
    return keys


def test_every_template_message_is_in_both_languages() -> None:
    wanted = set()
    for key in _template_keys():
        if key in DYNAMIC:
            wanted |= {key + value for value in DYNAMIC[key]}
        else:
            wanted.add(key)
    missing = sorted(k for k in wanted if k not in MESSAGES)
    assert not missing
    assert all(set(MESSAGES[k]) == {"id", "en"} and all(MESSAGES[k].values()) for k in wanted)


def test_pages_are_indonesian_by_default(client: FlaskClient) -> None:
    soup = BeautifulSoup(client.get("/").data, "lxml")
    assert soup.html["lang"] == "id"
    assert soup.find("button", attrs={"type": "submit"}).get_text(strip=True) == "Cari"


def test_lang_en_switches_and_is_remembered(client: FlaskClient) -> None:
    response = client.get("/?q=bpjs&lang=en")
    soup = BeautifulSoup(response.data, "lxml")
    assert soup.html["lang"] == "en"
    assert "results" in soup.find(id="results-title").get_text()
    assert "telusur_lang=en" in response.headers["Set-Cookie"]
    later = BeautifulSoup(client.get("/cakupan").data, "lxml")
    assert later.html["lang"] == "en"
    assert later.find("h1").get_text(strip=True) == "Coverage and source health"


def test_language_switch_links_keep_the_current_query(client: FlaskClient) -> None:
    soup = BeautifulSoup(client.get("/?q=pekerja+rentan").data, "lxml")
    link = soup.select_one("nav.lang-switch a[hreflang=en]")
    assert link["href"] == "/?q=pekerja+rentan&lang=en"


@pytest.mark.parametrize("value", ["fr", "", "../../x", "EN"])
def test_unknown_languages_fall_back_to_indonesian(client: FlaskClient, value: str) -> None:
    soup = BeautifulSoup(client.get(f"/?lang={value}").data, "lxml")
    assert soup.html["lang"] == "id"


@pytest.mark.parametrize(("url", "lang", "start"), [
    ("/?q=" + "x" * 501, "id", "Kata pencarian terlalu panjang"),
    ("/?q=" + "x" * 501 + "&lang=en", "en", "The search is too long"),
    ("/d/no-such-doc", "id", "Dokumen atau halaman ini tidak ada"),
])
def test_error_pages_explain_the_problem_in_the_readers_language(
    client: FlaskClient, url: str, lang: str, start: str
) -> None:
    soup = BeautifulSoup(client.get(url).data, "lxml")
    assert soup.find(class_="error-explained").get_text().startswith(start)
