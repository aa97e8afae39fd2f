"""The demo site (corpus/demo/site): fictional regulations, JDIH pages, feed and news."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from pathlib import Path

import pytest

from corpus.ids import regulation_id
from crawler.extract import extract, extract_all

DEMO = Path(__file__).resolve().parents[3] / "corpus" / "demo"
SITE = DEMO / "site"
BASE = "http://127.0.0.1:8765/"

pytestmark = pytest.mark.skipif(not (SITE / "jdih").exists(), reason="demo site not built")


def _fictional() -> list[dict]:
    path = DEMO / "content" / "fictional.toml"
    if not path.exists():
        return []
    return tomllib.loads(path.read_text(encoding="utf-8"))["regulation"]


def _expected_units(text: str) -> list[str]:
    """Top-level units of a text: Roman Pasal for an amending regulation, else every Pasal;
    a decree (no Pasal) is read diktum by diktum ("KESATU : ...", "KEDUA : ...")."""
    labels = re.findall(r"^Pasal\s+(\S+)\s*$", text, flags=re.MULTILINE)
    roman = [x for x in labels if re.fullmatch(r"[IVXLC]+", x)]
    if labels:
        return [f"pasal-{x.lower()}" for x in (roman or labels)]
    diktum = re.findall(r"^KE[A-Z ]+? : ", text, flags=re.MULTILINE)
    return [f"diktum-{n}" for n in range(1, len(diktum) + 1)]


def _fetch(rel: str, content_type: str):  # type: ignore[no-untyped-def]
    path = SITE / rel
    return extract_all(path.read_bytes(), BASE + rel.removesuffix("index.html"), content_type)


@pytest.mark.parametrize("reg", _fictional(), ids=lambda r: r["slug"])
@pytest.mark.parametrize("form", ["html", "pdf"])
def test_fictional_regulation_full_text(reg: dict, form: str) -> None:
    if form == "html":
        docs = _fetch(f"jdih/dokumen/{reg['slug']}/teks/index.html", "text/html; charset=utf-8")
    else:
        docs = _fetch(f"jdih/files/{reg['pdf']}", "application/pdf")
    (doc,) = docs
    region = f"Kabupaten {reg['region']}"
    code = {"Peraturan Bupati": "Perbup", "Keputusan Bupati": "Kepbup"}[reg["jenis"]]
    assert doc.kind == "regulation"
    assert doc.id == regulation_id(code, reg["number"], reg["year"], region=region)
    assert (doc.doc_type, doc.number, doc.year, doc.region) == (
        code, reg["number"], reg["year"], region)
    assert doc.about and doc.about.lower() == reg["title"].lower()
    assert doc.enacted_on == dt.date.fromisoformat(reg["enacted"])
    # a decree is not promulgated: it has no "Diundangkan" block
    promulgated = reg.get("promulgated")
    assert doc.promulgated_on == (dt.date.fromisoformat(promulgated) if promulgated else None)
    text = (DEMO / "content" / reg["text_file"]).read_text(encoding="utf-8")
    units = [p for p in doc.parts if p.kind in ("pasal", "diktum")]
    assert [p.anchor for p in units] == _expected_units(text)
    assert all(p.text.strip() for p in units)
    mengingat = text.split("Mengingat", 1)[1].split("MEMUTUSKAN", 1)[0]
    cited_items = [i for i in re.split(r"\n\d+\.\s", mengingat) if re.search(r"Nomor \d", i)]
    refs = [r for r in doc.references if r.relation == "mengingat"]
    assert len(refs) >= len(cited_items) > 0
    assert all(r.target_id and r.year for r in refs)
    if reg.get("amends"):
        amended = [r.target_id for r in doc.references if r.relation == "mengubah"]
        assert amended == [f"perbup-contoh-{reg['amends'].rsplit('-', 1)[-1]}-"
                           f"{reg['amends'].split('-nomor-')[1].split('-')[0]}"]


def test_jdih_detail_feed_and_pdf_of_one_regulation_share_an_id() -> None:
    reg = _fictional()[0]
    (detail,) = _fetch(f"jdih/dokumen/{reg['slug']}/index.html", "text/html")
    (pdf,) = _fetch(f"jdih/files/{reg['pdf']}", "application/pdf")
    feed = _fetch("jdih/feed/document.json", "application/json")
    assert detail.origin == "detail" and pdf.origin == "pdf"
    assert detail.id == pdf.id in {d.id for d in feed}
    assert detail.pdf_url == BASE + f"jdih/files/{reg['pdf']}"


def test_listing_pages_are_not_documents() -> None:
    for rel in ("jdih/index.html", "jdih/page/2/index.html", "berita/index.html",
                "berita/page/2/index.html"):
        assert _fetch(rel, "text/html") == [], rel


def test_news_link_to_the_regulations_they_mention() -> None:
    regulation_ids = {d.id for d in _fetch("jdih/feed/document.json", "application/json")}
    articles = sorted((SITE / "berita").glob("[0-9]*/[0-9]*/*/index.html"))
    assert articles
    linked = 0
    for path in articles:
        rel = path.relative_to(SITE).as_posix()
        (doc,) = _fetch(rel, "text/html")
        assert doc.kind == "news" and doc.published_at is not None, rel
        for ref in doc.references:
            assert ref.relation == "menyebut"
            if ref.doc_type in ("Perbup", "Pergub", "Perda", "Kepbup"):
                assert ref.target_id in regulation_ids, (rel, ref.target_id)
        linked += bool(set(r.target_id for r in doc.references) & regulation_ids)
    assert linked >= len(articles) // 3


def test_extract_returns_none_for_the_feed_and_one_document_per_record() -> None:
    body = (SITE / "jdih" / "feed" / "document.json").read_bytes()
    assert extract(body, BASE + "jdih/feed/document.json", "application/json") is None
    docs = extract_all(body, BASE + "jdih/feed/document.json", "application/json")
    assert len(docs) >= 20 and all(d.origin == "feed" for d in docs)
    assert len({d.id for d in docs}) == len(docs)


def test_every_jdih_detail_page_merges_with_its_feed_record() -> None:
    feed_ids = {d.id for d in _fetch("jdih/feed/document.json", "application/json")}
    details = sorted((SITE / "jdih" / "dokumen").glob("*/index.html"))
    assert details
    for path in details:
        (doc,) = _fetch(path.relative_to(SITE).as_posix(), "text/html")
        assert doc.kind == "regulation" and doc.origin == "detail", path
        assert doc.id in feed_ids, (path.parent.name, doc.id)


def test_news_byline_gives_author_and_site_without_the_date() -> None:
    for path in sorted((SITE / "berita").glob("[0-9]*/[0-9]*/*/index.html")):
        (doc,) = _fetch(path.relative_to(SITE).as_posix(), "text/html")
        assert doc.author and not re.search(r"\d", doc.author), (path, doc.author)
        assert doc.site_name == "Warta Demo"
        assert doc.title and "Warta Demo" not in doc.title
