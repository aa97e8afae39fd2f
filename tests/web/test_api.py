"""The JSON API: shapes, errors, suggestions, OpenAPI, exports and health."""

from __future__ import annotations

import csv
import io

import pytest
from flask.testing import FlaskClient

HIT_KEYS = {"id", "url", "title", "kind", "doc_type", "number", "year", "date", "source",
            "snippet", "score"}


def test_api_search_returns_the_documented_shape(client: FlaskClient) -> None:
    body = client.get("/api/search?q=pekerja+rentan&per_page=5").get_json()
    assert {"query", "total", "page", "hits", "facets", "suggestion"} <= set(body)
    assert body["query"] == "pekerja rentan" and body["page"] == 1
    assert 0 < len(body["hits"]) <= 5
    assert body["total"] >= len(body["hits"])
    for hit in body["hits"]:
        assert set(hit) >= HIT_KEYS
    assert "perbup-gianyar-2025-35" in [h["id"] for h in body["hits"]]
    assert all(isinstance(v, list) for v in body["facets"].values())
    assert {"value", "count"} == set(body["facets"]["kind"][0])


def test_api_search_filters_by_year_range(client: FlaskClient) -> None:
    body = client.get("/api/search?q=jaminan&year_from=2011&year_to=2011").get_json()
    assert body["hits"] and {h["year"] for h in body["hits"]} == {2011}


@pytest.mark.parametrize(
    ("params", "code"),
    [
        ("q=" + "x" * 501, "query_too_long"),
        ("q=bpjs&page=0", "parameter_out_of_range"),
        ("q=bpjs&page=nine", "invalid_parameter"),
        ("q=bpjs&per_page=101", "parameter_out_of_range"),
        ("q=bpjs&year_to=99999", "parameter_out_of_range"),
        ("q=bpjs&sort=random", "invalid_parameter"),
        ("q=bpjs" + "&region=x" * 21, "too_many_filters"),
    ],
)
def test_api_bad_input_is_a_400_json_error(client: FlaskClient, params: str, code: str) -> None:
    response = client.get(f"/api/search?{params}")
    assert response.status_code == 400
    error = response.get_json()["error"]
    assert error["code"] == code and error["message"]


@pytest.mark.parametrize(
    "query",
    ['"unbalanced', "(", "*", "AND OR NOT", "title:x", "\\", "'; DROP TABLE x;--", "%", "a" * 500,
     "Perbup Gianyar 35/2025", "<script>alert(1)</script>", "ñandú ü 日本"],
)
def test_api_hostile_queries_answer_200_or_a_clear_400(client: FlaskClient, query: str) -> None:
    response = client.get("/api/search", query_string={"q": query})
    assert response.status_code in (200, 400)
    body = response.get_json()
    if response.status_code == 400:
        assert body["error"]["code"] == "invalid_query" and body["error"]["message"]
    else:
        assert isinstance(body["hits"], list)


def test_api_misspelled_query_offers_a_suggestion(client: FlaskClient) -> None:
    body = client.get("/api/search?q=pekerja+rentn").get_json()
    assert body["suggestion"] == "pekerja rentan"


def test_api_document_returns_parts_and_references(client: FlaskClient) -> None:
    body = client.get("/api/documents/perbup-gianyar-2025-35").get_json()
    assert body["id"] == "perbup-gianyar-2025-35" and body["number"] == "35"
    assert "pasal-2" in [p["anchor"] for p in body["parts"]]
    assert body["references"][0]["relation"] == "mengingat"
    assert "archive_ref" not in body


def test_api_unknown_document_and_route_are_json_404s(client: FlaskClient) -> None:
    for url in ("/api/documents/nope", "/api/nothing-here"):
        response = client.get(url)
        assert response.status_code == 404
        assert set(response.get_json()["error"]) == {"code", "message"}


def test_api_suggest_completes_a_prefix(client: FlaskClient) -> None:
    body = client.get("/api/suggest?q=peker").get_json()
    assert body["query"] == "peker"
    assert body["suggestions"] and all(s.startswith("peker") for s in body["suggestions"])
    opensearch = client.get("/api/suggest?q=peker&format=opensearch").get_json()
    assert opensearch[0] == "peker" and opensearch[1] == body["suggestions"]


def test_openapi_document_describes_every_api_path(client: FlaskClient) -> None:
    doc = client.get("/api/openapi.json").get_json()
    assert doc["openapi"].startswith("3.")
    assert {"/api/search", "/api/documents/{doc_id}", "/api/suggest"} <= set(doc["paths"])
    params = {p["name"] for p in doc["paths"]["/api/search"]["get"]["parameters"]}
    assert {"q", "page", "per_page", "kind", "doc_type", "year_from", "sort"} <= params


def test_healthz_answers_ok_with_the_document_count(client: FlaskClient) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.get_json()
    assert body["status"] == "ok" and body["documents"] == 19
    assert isinstance(body["index"]["schema_version"], int) and body["index"]["built_at"]


def test_csv_export_has_a_header_and_one_row_per_hit(client: FlaskClient) -> None:
    response = client.get("/export.csv?q=jaminan+sosial&limit=5")
    assert response.status_code == 200
    assert "attachment" in response.headers["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.data.decode())))
    assert 0 < len(rows) <= 5
    assert rows[0]["permalink"].startswith("http://localhost/d/")


def test_json_export_pages_through_more_than_one_search_page(client: FlaskClient) -> None:
    body = client.get("/export.json?q=jaminan&limit=1000").get_json()
    assert body["exported"] == len(body["hits"]) == min(body["total"], 1000)


@pytest.mark.parametrize("limit", ["0", "1001", "all"])
def test_export_size_is_bounded(client: FlaskClient, limit: str) -> None:
    response = client.get(f"/export.csv?q=bpjs&limit={limit}")
    assert response.status_code == 400
    assert response.get_json()["error"]["code"] in ("parameter_out_of_range", "invalid_parameter")


def test_index_missing_gives_a_clear_page_and_healthz_503(tmp_path) -> None:
    from web import create_app

    client = create_app({"DATA_DIR": tmp_path, "TESTING": True}).test_client()
    health = client.get("/healthz")
    assert health.status_code == 503
    assert health.get_json()["error"]["code"] == "index_missing"
    page = client.get("/?q=bpjs")
    assert page.status_code == 503
    assert b"telusur index" in page.data
    assert client.get("/api/search?q=bpjs").get_json()["error"]["code"] == "index_missing"


def test_index_of_another_schema_version_asks_for_a_rebuild(tmp_path, monkeypatch) -> None:
    import index
    from index.errors import SchemaVersionError
    from web import create_app

    def refuse(directory):
        raise SchemaVersionError("index schema 1, code expects 2; run telusur index --rebuild")

    monkeypatch.setattr(index, "open_index", refuse)
    client = create_app({"DATA_DIR": tmp_path, "TESTING": True}).test_client()
    assert client.get("/healthz").get_json()["error"]["code"] == "index_schema_mismatch"
    page = client.get("/?q=bpjs")
    assert page.status_code == 503 and b"--rebuild" in page.data


def test_every_json_route_is_in_the_openapi_document(app) -> None:
    documented = set(app.test_client().get("/api/openapi.json").get_json()["paths"])
    json_routes = {
        rule.rule.replace("<doc_id>", "{doc_id}") for rule in app.url_map.iter_rules()
        if rule.rule.startswith(("/api/", "/export.json", "/feed/", "/healthz"))
        and rule.rule not in ("/api/", "/api/openapi.json")
    }
    assert json_routes <= documented
