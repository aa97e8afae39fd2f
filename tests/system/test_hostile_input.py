"""Hostile input at scale: property-based queries and API calls, fuzzed HTML and PDF bytes.

The always-on run is short and derandomised (the same examples every time, so CI is stable);
`pytest -m slow` runs many more random examples.
"""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import corpus
from corpus import Document, DocumentStore, Part, Reference
from crawler.extract import extract_all
from index import QueryError, SearchRequest, build_index, open_index
from web import create_app

DEMO_SITE = Path(corpus.__file__).parent / "demo" / "site"
QUICK = settings(max_examples=60, derandomize=True, deadline=None,
                 suppress_health_check=[HealthCheck.function_scoped_fixture,
                                        HealthCheck.too_slow])
LONG = settings(max_examples=2000, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])
# Per-input ceiling for the extractor: a safety net against pathological inputs, not a speed goal.
EXTRACT_CEILING_S = 20.0

SYNTAX = st.sampled_from(['"', "'", "(", ")", "*", "?", "~", "^", ":", "AND", "OR", "NOT", "-",
                          "+", "title:", "\\", "[", "]", "{", "}", "/", "<script>", "\x00",
                          "\u202e", "🙂", "Pasal 4", "55/2018", "TO", "*:*"])
QUERIES = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(SYNTAX, st.text(min_size=1, max_size=12)), max_size=30).map(" ".join),
    st.text(alphabet=st.characters(), min_size=1000, max_size=12000),
)


def _documents() -> list[Document]:
    law = Document(
        id="uu-2004-40", url="https://peraturan.go.id/id/uu-no-40-tahun-2004", kind="regulation",
        title="Undang-Undang Nomor 40 Tahun 2004 tentang Sistem Jaminan Sosial Nasional",
        text="Pasal 1 Jaminan sosial adalah salah satu bentuk perlindungan sosial. "
             "Pasal 2 Sistem Jaminan Sosial Nasional diselenggarakan berdasarkan asas.",
        doc_type="UU", number="40", year=2004, about="Sistem Jaminan Sosial Nasional",
        parts=(Part("pasal-1", "pasal", "Pasal 1", "Jaminan sosial adalah perlindungan."),
               Part("pasal-2", "pasal", "Pasal 2", "Sistem Jaminan Sosial Nasional asas.")),
        source="test", status="Berlaku",
    )
    news = Document(
        id="berita-test-1", url="https://berita.test/1", kind="news",
        title="<script>alert(1)</script> Pekerja rentan <img src=x onerror=alert(2)>",
        text="Pemkab mendaftarkan pekerja rentan ke BPJS Ketenagakerjaan <script>x()</script>.",
        doc_type="Berita", published_at=dt.datetime(2025, 11, 3, 10, 15), source="test",
        references=(Reference("UU 40/2004", "menyebut", "uu-2004-40", "UU", "40", 2004),),
    )
    return [law, news]


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    with DocumentStore(root / "documents") as store:
        store.put_many(_documents())
        build_index(root / "index", iter(store), store_seq=store.last_seq())
    return root


@pytest.fixture(scope="module")
def search_index(data_dir: Path):  # type: ignore[no-untyped-def]
    index = open_index(data_dir / "index")
    yield index
    index.close()


@pytest.fixture(scope="module")
def client(data_dir: Path):  # type: ignore[no-untyped-def]
    return create_app({"DATA_DIR": data_dir, "TESTING": True}).test_client()


def _search_never_crashes(search_index, query: str) -> None:  # type: ignore[no-untyped-def]
    with search_index.searcher() as searcher:
        try:
            response = searcher.search(SearchRequest(query=query))
        except QueryError as exc:
            assert str(exc)  # a refusal says why
            return
    assert response.total >= 0
    for hit in response.hits:
        assert "<script" not in hit.snippet.lower()


@QUICK
@given(query=QUERIES)
def test_any_query_gives_results_or_a_clear_refusal(search_index, query: str) -> None:  # type: ignore[no-untyped-def]
    _search_never_crashes(search_index, query)


@pytest.mark.slow
@LONG
@given(query=QUERIES)
def test_any_query_gives_results_or_a_clear_refusal_long(search_index, query: str) -> None:  # type: ignore[no-untyped-def]
    _search_never_crashes(search_index, query)


PARAM = st.one_of(st.none(), st.text(max_size=40),
                  st.integers(min_value=-10**12, max_value=10**12).map(str))


def _api_never_fails(client, query: str, page, per_page, year) -> None:  # type: ignore[no-untyped-def]
    params = {"q": query}
    for key, value in (("page", page), ("per_page", per_page), ("year_from", year)):
        if value is not None:
            params[key] = value
    # Encode as a hostile client would: raw bytes, lone surrogates become invalid UTF-8.
    encoded = "&".join(
        f"{key}={quote(value.encode('utf-8', 'surrogatepass'), safe='')}"
        for key, value in params.items()
    )
    response = client.get(f"/api/search?{encoded}")
    assert response.status_code < 500, (params, response.data[:300])
    assert response.is_json
    body = response.get_json()
    assert ("hits" in body) if response.status_code == 200 else ("error" in body)


@QUICK
@given(query=QUERIES, page=PARAM, per_page=PARAM, year=PARAM)
def test_api_search_never_answers_5xx(client, query, page, per_page, year) -> None:  # type: ignore[no-untyped-def]
    _api_never_fails(client, query, page, per_page, year)


@pytest.mark.slow
@LONG
@given(query=QUERIES, page=PARAM, per_page=PARAM, year=PARAM)
def test_api_search_never_answers_5xx_long(client, query, page, per_page, year) -> None:  # type: ignore[no-untyped-def]
    _api_never_fails(client, query, page, per_page, year)


def _seed_bodies() -> list[tuple[bytes, str, str]]:
    seeds = []
    for pattern, content_type in (("**/*.html", "text/html"), ("**/*.pdf", "application/pdf"),
                                  ("**/*.json", "application/json"), ("**/*.xml", "text/xml")):
        for path in sorted(DEMO_SITE.glob(pattern))[:6]:
            seeds.append((path.read_bytes(), f"http://demo.test/{path.name}", content_type))
    return seeds


SEEDS = _seed_bodies() if DEMO_SITE.exists() else []


@st.composite
def mutated(draw: st.DrawFn) -> tuple[bytes, str, str | None]:
    body, url, content_type = draw(st.sampled_from(SEEDS))
    data = bytearray(body)
    for _ in range(draw(st.integers(0, 12))):
        if not data:
            break
        at = draw(st.integers(0, len(data) - 1))
        action = draw(st.sampled_from(("flip", "cut", "insert", "truncate", "dup")))
        if action == "flip":
            data[at] ^= draw(st.integers(1, 255))
        elif action == "cut":
            del data[at: at + draw(st.integers(1, 4096))]
        elif action == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=64))
        elif action == "truncate":
            del data[at:]
        else:
            data[at:at] = data[at: at + draw(st.integers(1, 2048))]
    declared = draw(st.sampled_from((content_type, None, "text/html; charset=utf-16",
                                     "application/octet-stream", "text/html; charset=bogus")))
    return bytes(data), url, declared


def _extract_never_raises(sample: tuple[bytes, str, str | None]) -> None:
    body, url, content_type = sample
    started = time.monotonic()
    docs = extract_all(body, url, content_type)
    assert time.monotonic() - started < EXTRACT_CEILING_S
    assert isinstance(docs, list)
    for doc in docs:
        assert isinstance(doc, Document) and doc.id


@pytest.mark.skipif(not SEEDS, reason="the demo site is absent")
@QUICK
@given(sample=mutated())
def test_extractor_survives_mutated_html_and_pdf(sample) -> None:  # type: ignore[no-untyped-def]
    _extract_never_raises(sample)


@pytest.mark.slow
@pytest.mark.skipif(not SEEDS, reason="the demo site is absent")
@LONG
@given(sample=mutated())
def test_extractor_survives_mutated_html_and_pdf_long(sample) -> None:  # type: ignore[no-untyped-def]
    _extract_never_raises(sample)
