"""The search page: results with snippets, facets, sorting, pagination and bad input."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from flask.testing import FlaskClient


def soup_of(client: FlaskClient, url: str, status: int = 200) -> BeautifulSoup:
    """Fetch a page and parse it, checking its status."""
    response = client.get(url)
    assert response.status_code == status, response.data[:500]
    return BeautifulSoup(response.data, "lxml")


def test_home_page_has_one_labelled_search_box(client: FlaskClient) -> None:
    soup = soup_of(client, "/")
    form = soup.find("form", attrs={"role": "search"})
    box = form.find("input", attrs={"name": "q"})
    assert soup.find("label", attrs={"for": box["id"]}) is not None
    assert soup.find("main") and soup.find("header") and soup.find("footer")


def test_home_page_offers_browsing_by_type_and_region(client: FlaskClient) -> None:
    soup = soup_of(client, "/")
    browse = soup.find("section", class_="browse")
    hrefs = [a["href"] for a in browse.find_all("a")]
    assert "/?doc_type=Perbup&sort=date_desc" in hrefs
    assert "/?region=Kabupaten+Gianyar&sort=date_desc" in hrefs
    assert len(soup.select(".personas .card")) == 3


def test_search_lists_perbup_with_highlighted_snippet(client: FlaskClient) -> None:
    soup = soup_of(client, "/?q=pekerja+rentan")
    titles = [a.get_text(" ", strip=True) for a in soup.select("li.hit h3 a")]
    assert any("Nomor 35 Tahun 2025" in t for t in titles)
    marks = soup.select("li.hit .snippet mark")
    assert any(m.get_text().lower() == "pekerja" for m in marks)
    summary = soup.find(id="results-title").get_text(" ", strip=True)
    assert "hasil" in summary


def test_search_names_and_links_the_matching_pasal(client: FlaskClient) -> None:
    soup = soup_of(client, "/?q=pedagang+kecil+nelayan")
    link = soup.select_one("li.hit .hit-part a")
    assert link is not None
    assert link.get_text(strip=True).startswith("Pasal")
    assert link["href"].startswith("/d/perbup-gianyar-2025-35") and "#pasal-3" in link["href"]


def test_facets_show_counts_and_filter_by_kind(client: FlaskClient) -> None:
    soup = soup_of(client, "/?q=jaminan+sosial")
    kind_box = soup.find(id="facet-kind")
    values = {i["value"] for i in kind_box.find_all("input", attrs={"type": "checkbox"})}
    assert {"regulation", "news"} <= values
    filtered = soup_of(client, "/?q=jaminan+sosial&kind=news")
    kinds = {span.get_text(strip=True) for span in filtered.select("li.hit .tag")}
    assert kinds == {"Berita"}
    checked = filtered.find(id="facet-kind").find("input", attrs={"value": "news"})
    assert checked.has_attr("checked")


def test_pagination_links_to_the_next_page(client: FlaskClient) -> None:
    soup = soup_of(client, "/?q=jaminan+sosial&per_page=3")
    nav = soup.find("nav", class_="pagination")
    assert nav.find("span", attrs={"aria-current": "page"}).get_text() == "1"
    next_link = nav.find("a", rel="next")
    assert "page=2" in next_link["href"]
    second = soup_of(client, next_link["href"])
    assert second.find("ol", class_="hits")["start"] == "4"


def test_zero_results_page_offers_help(client: FlaskClient) -> None:
    soup = soup_of(client, "/?q=qwxzvbnm+plokijuh")
    zero = soup.find("div", class_="zero")
    assert zero is not None and len(zero.find_all("li")) >= 3


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("page=0", "parameter_out_of_range"),
        ("page=-3", "parameter_out_of_range"),
        ("page=abc", "invalid_parameter"),
        ("page=999999", "parameter_out_of_range"),
        ("per_page=1000", "parameter_out_of_range"),
        ("year_from=20x5", "invalid_parameter"),
        ("sort=drop+table", "invalid_parameter"),
        ("q=" + "a" * 501, "query_too_long"),
    ],
)
def test_bad_parameters_give_a_400_page_with_the_reason(
    client: FlaskClient, query: str, code: str
) -> None:
    soup = soup_of(client, f"/?{query}", status=400)
    message = soup.find(class_="error-message")
    assert message["data-code"] == code
    assert message.get_text(strip=True)
    assert "Traceback" not in soup.get_text()


def test_a_misspelled_query_shows_results_for_the_correction(client: FlaskClient) -> None:
    soup = soup_of(client, "/?q=pekerja+rentn")
    notice = soup.select_one(".showing-for")
    assert notice is not None and notice.strong.get_text() == "pekerja rentan"
    assert soup.select("ol.hits > li")  # the corrected results are listed


def test_unsearchable_query_explains_what_to_type(client: FlaskClient) -> None:
    soup = soup_of(client, "/?q=%28", status=400)
    assert soup.find(class_="error-message")["data-code"] == "invalid_query"
    assert soup.find("form", attrs={"role": "search"}) is not None


def test_citation_query_names_the_cited_regulation(client: FlaskClient) -> None:
    soup = soup_of(client, "/?q=Perbup+Gianyar+35%2F2025")
    link = soup.select_one(".citation-notice a")
    assert link["href"] == "/d/perbup-gianyar-2025-35"
    assert link.get_text().startswith("Peraturan Bupati Gianyar Nomor 35 Tahun 2025")




def test_fuzzy_results_say_which_words_they_are_for(client: FlaskClient) -> None:
    api = client.get("/api/search?q=perlindngan+pekrja").get_json()
    assert api["fuzzy"] is True and api["suggestion"]  # nothing matched the typed words
    soup = soup_of(client, "/?q=perlindngan+pekrja")
    notice = soup.select_one(".showing-for")
    assert notice is not None and notice.strong.get_text() == api["suggestion"]
    assert soup.select_one(".did-you-mean") is None
