"""A site full of traps: every good page collected, no rule broken, nothing twice, and it ends."""

from __future__ import annotations

from collections import Counter
from urllib.parse import parse_qs, urlsplit

from crawler import RawArchive, crawl
from tests.crawler.loopback import Reply, fast_config, local_source

GOOD = 40
ROBOTS = b"User-agent: *\nDisallow: /private/\nDisallow: /*?print=1\n"


def _html(body: str, title: str = "Halaman") -> Reply:
    page = f"<html><head><title>{title}</title></head><body>{body}</body></html>"
    return Reply(body=page.encode())


def _trap_site(offsite: str):
    def handler(path: str, headers: dict[str, str]) -> Reply:
        parts = urlsplit(path)
        query = parse_qs(parts.query)
        route = parts.path
        if route == "/robots.txt":
            return Reply(body=ROBOTS, content_type="text/plain")
        if route == "/":
            return _html(
                '<a href="/list?page=1">daftar</a> <a href="/calendar?month=2024-01">kalender</a>'
                ' <a href="/archive?page=1">arsip</a> <a href="/links">semua</a>'
                ' <a href="/loop/">loop</a> <a href="/big.pdf">besar</a>'
                ' <a href="/private/secret">rahasia</a> <a href="/missing">hilang</a>'
                f' <a href="{offsite}/elsewhere">luar</a> <a href="/good/1?print=1">cetak</a>')
        if route == "/list":  # good pagination: four pages of ten documents
            n = int(query["page"][0])
            items = "".join(f'<a href="/good/{i}?sid=S{n}x{i}">dok {i}</a> '
                            for i in range((n - 1) * 10 + 1, n * 10 + 1))
            nxt = f'<a href="/list?page={n + 1}">berikut</a>' if n < GOOD // 10 else ""
            return _html(items + nxt, f"Daftar {n}")
        if route.endswith(".pdf") and route.startswith("/good/"):
            return Reply(body=b"%PDF-1.4 dokumen", content_type="application/pdf")
        if route.startswith("/good/"):
            n = route.rsplit("/", 1)[1]
            return _html(f'<p>Dokumen {n}</p><a href="/good/{n}.pdf">unduh</a>'
                         f'<a href="{n}/lampiran.html.html">lampiran</a>', f"Dokumen {n}")
        if route == "/calendar":  # endless months both ways
            year, month = map(int, query["month"][0].split("-"))
            return _html(f'<a href="/calendar?month={year}-{month % 12 + 1:02d}">next</a>'
                         f'<a href="/calendar?month={year - 1}-{month:02d}">prev</a>')
        if route == "/archive":  # pagination that never ends, with session ids in links
            n = int(query["page"][0])
            return _html(f'<a href="/archive?page={n + 1}&PHPSESSID=z{n}">next</a>')
        if route == "/links":  # one page with 100,000 links
            return _html("".join(f'<a href="/junk/{i}">{i}</a>' for i in range(100_000)))
        if route.startswith("/junk/"):
            return _html("junk")
        if route.startswith("/loop/"):  # a relative link that nests forever
            return _html('<a href="sub/">lagi</a>')
        if route == "/big.pdf":
            return Reply(body=iter(b"%PDF-1.4" + b"\0" * 65528 for _ in range(800)),
                         content_type="application/pdf", length=800 * 65536)
        if route == "/missing":
            return _html("Maaf", "Halaman tidak ditemukan")
        return Reply(status=404, body=b"not here")

    return handler


def test_trap_site_is_crawled_completely_politely_and_finitely(serve, tmp_path) -> None:
    elsewhere = serve(lambda path, headers: _html("elsewhere"))
    site = serve(_trap_site(elsewhere.url))
    from crawler.fetch import FetchConfig

    config = fast_config(max_links_per_page=200, max_query_variants=30,
                         fetch=FetchConfig(max_bytes=2_000_000, read_timeout=2))
    report = crawl([local_source(site, max_depth=60)], tmp_path, config=config)

    paths = site.paths()
    counts = Counter(paths)
    assert max(counts.values()) == 1, [p for p, n in counts.items() if n > 1]  # nothing twice
    assert not any(p.startswith("/private/") or "print=1" in p for p in paths)  # robots obeyed
    assert elsewhere.paths() == []  # nothing outside the source

    records = list(RawArchive(tmp_path).records())
    ok = {urlsplit(r.url).path + ("?" + urlsplit(r.url).query if urlsplit(r.url).query else "")
          for r in records if r.outcome == "ok"}
    good = {f"/good/{i}{ext}" for i in range(1, GOOD + 1) for ext in ("", ".pdf")}
    assert good <= ok  # every good page and document collected, without session ids
    assert {f"/list?page={n}" for n in range(1, GOOD // 10 + 1)} <= ok

    outcomes = {urlsplit(r.url).path: r.outcome for r in records}
    assert outcomes["/big.pdf"] == "truncated"
    assert outcomes["/missing"] == "soft_404"
    assert not any(p.startswith("/calendar") for p in paths)  # a calendar link is refused
    assert sum(p.startswith("/archive") for p in paths) <= 30  # query-variant cap
    assert sum(p.startswith("/junk/") for p in paths) <= 200  # per-page link cap
    assert max(p.count("sub/") for p in paths) <= 2  # repeating path cut
    rejected = report.sources[0].rejected
    assert {"calendar", "query_explosion", "repeating_path"} <= set(rejected)
    assert report.complete
