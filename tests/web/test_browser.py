"""Browser tests: a reader's whole journey in headless Chromium, on the demo corpus.

Search -> filter by a facet -> open a document -> follow its legal basis -> jump to a Pasal ->
add to the basket -> export the dossier; hostile pages and queries execute nothing; no page
logs a console error (a CSP violation counts). Screenshots land in tests/artifacts/screenshots/.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from corpus import DocumentStore
from tests.web.conftest import HOSTILE, hostile_page

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
SHOTS = Path(__file__).resolve().parents[1] / "artifacts" / "screenshots"

if not CHROMIUM.exists():
    pytest.skip("Debian's chromium is not installed at /usr/bin/chromium", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Build the demo corpus plus one hostile page, serve the app on loopback, yield its URL."""
    from werkzeug.serving import make_server

    from index import build_index
    from web import create_app
    from web.cli import main

    data_dir = tmp_path_factory.mktemp("browser-demo")
    assert main(["demo", "--no-serve", "--data-dir", str(data_dir)]) == 0
    with DocumentStore(data_dir / "documents") as store:
        store.put(hostile_page())
        build_index(data_dir / "index", list(store), store_seq=store.last_seq())
    app = create_app({"DATA_DIR": data_dir, "SECRET_KEY": "browser-tests"})
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=5)


@pytest.fixture(scope="module")
def browser(base_url: str) -> Iterator[object]:
    """Launch one headless Chromium for the module (after the demo is built: the crawler
    runs its own event loop, which cannot start inside Playwright's)."""
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


class Watched:
    """A page whose console errors, uncaught exceptions and dialogs are recorded."""

    def __init__(self, page: object) -> None:
        self.page = page
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("dialog", self._dialog)

    def _dialog(self, dialog: object) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def shot(self, name: str) -> None:
        SHOTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


@pytest.fixture
def watched(browser: object) -> Iterator[Watched]:
    """Return a fresh page (own cookies) that fails the test on console errors or dialogs."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    watch = Watched(page)
    yield watch
    context.close()
    assert watch.dialogs == [], f"a dialog opened: {watch.dialogs}"
    assert watch.errors == [], f"console errors: {watch.errors}"


def test_reader_journey_from_search_to_printed_dossier(watched: Watched, base_url: str) -> None:
    page = watched.page
    page.goto(base_url + "/")
    watched.shot("home")
    page.fill("#q", "pekerja rentan")
    page.press("#q", "Enter")
    page.wait_for_selector("ol.hits li.hit")
    assert page.locator("li.hit .snippet mark").count() > 0
    watched.shot("search")

    page.check("#facet-kind input[value=regulation]")  # app.js submits on change
    page.wait_for_url("**kind=regulation**")
    tags = page.locator("li.hit .tag").all_inner_texts()
    assert tags and set(tags) == {"Peraturan"}

    page.click("li.hit h3 a:has-text('Gianyar Nomor 35 Tahun 2025')")
    page.wait_for_url("**/d/perbup-gianyar-2025-35**")
    assert page.locator("table.meta").inner_text().count("35") >= 1
    watched.shot("document-perbup-gianyar-35-2025")
    page.click(".doc-actions button:has-text('Tambah ke keranjang')")

    page.goto(base_url + "/d/perbup-contoh-2023-12")
    basis = page.locator("section.relations a", has_text="Nomor 24 Tahun 2011")
    assert basis.count() == 1
    page.click("nav.toc a[href='#pasal-3']")
    page.wait_for_url("**#pasal-3")
    assert page.locator("#pasal-3").is_visible()
    assert page.evaluate("document.querySelector(':target').id") == "pasal-3"
    watched.shot("document-contoh-pasal-3")
    page.click("#pasal-3 button.basket-part")
    page.wait_for_url("**#pasal-3")

    basis.click()
    page.wait_for_url("**/d/uu-2011-24")
    page.click(".doc-actions button:has-text('Tambah ke keranjang')")
    assert page.locator(".site-nav .badge").inner_text() == "3"

    page.goto(base_url + "/keranjang/")
    page.fill("li.basket-item:nth-child(2) textarea", "Dasar pemberian iuran JKK")
    page.click("li.basket-item:nth-child(2) .note-form button")
    page.click("li.basket-item:nth-child(3) button:has-text('Naik')")
    watched.shot("basket")
    page.click("a:has-text('berkas bukti')")
    page.wait_for_url("**/keranjang/dossier")
    items = page.locator("li.dossier-item")
    assert items.count() == 3
    assert "uu-2011-24" in items.nth(1).inner_text() or "24 Tahun 2011" in items.nth(1).inner_text()
    assert "Dasar pemberian iuran JKK" in items.nth(2).inner_text()
    assert page.locator(".print-button").is_visible()
    watched.shot("dossier")
    page.emulate_media(media="print")
    assert not page.locator(".site-header").is_visible()
    page.pdf(path=str(SHOTS / "dossier.pdf"))


@pytest.mark.parametrize(
    "path",
    [
        "/d/perbup-contoh-2024-9",
        "/?q=" + HOSTILE,
        "/?q=jaminan+sosial+contoh",
        "/d/perbup-gianyar-2025-35?q=" + HOSTILE,
        "/?q=%22%3E%3Csvg%20onload%3Dalert(3)%3E",
    ],
)
def test_hostile_pages_and_queries_execute_nothing(
    watched: Watched, base_url: str, path: str
) -> None:
    page = watched.page
    page.goto(base_url + path)
    page.wait_for_load_state("load")
    assert page.locator("img[onerror], svg[onload], script:not([src])").count() == 0
    assert page.evaluate("typeof window.__pwned") == "undefined"
    if path.startswith("/d/perbup-contoh"):
        assert "<script>" in page.locator("#doc-title").inner_text()
        watched.shot("hostile-document")


def test_english_coverage_page_and_keyboard_skip_link(watched: Watched, base_url: str) -> None:
    page = watched.page
    page.goto(base_url + "/cakupan?lang=en")
    assert page.locator("h1").inner_text() == "Coverage and source health"
    assert page.locator("table.coverage-table tr.status-found").count() >= 1
    assert "not identified" in page.locator("li.unidentified").inner_text()
    assert page.locator("figure.chart svg rect").count() > 0
    watched.shot("coverage-en")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    page.goto(base_url + "/?q=bpjs")
    assert page.locator("html").get_attribute("lang") == "en"


def test_compare_two_regions_side_by_side(watched: Watched, base_url: str) -> None:
    page = watched.page
    page.goto(base_url + "/d/perbup-contoh-2023-12")
    page.click("a:has-text('Bandingkan dengan daerah lain')")
    page.click("section.compare li a >> nth=0")
    page.wait_for_url("**/bandingkan?a=perbup-contoh-2023-12&b=*")
    assert page.locator("article.compare-col").count() == 2
    watched.shot("compare")


def test_suggestions_appear_while_typing(watched: Watched, base_url: str) -> None:
    page = watched.page
    page.goto(base_url + "/")
    page.type("#q", "peker", delay=20)
    page.wait_for_selector("#q-suggestions li")
    assert page.locator("#q-suggestions li").first.inner_text().startswith("peker")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url("**/?q=peker*")


def test_phone_layout_needs_no_sideways_scrolling(browser: object, base_url: str) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True)
    page = context.new_page()
    watch = Watched(page)
    try:
        for path, name in (("/?q=pekerja+rentan", "search-phone"),
                           ("/d/perbup-contoh-2023-12", "document-phone")):
            page.goto(base_url + path)
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= 375, f"{path} is {width}px wide"
            watch.shot(name)
    finally:
        context.close()
    assert watch.errors == [] and watch.dialogs == []
