"""Browser-test support: the demo served on loopback, one Chromium, pages that watch the console.

The fixtures that use these live in tests/web/conftest.py (session-scoped, so the demo is built
and Chromium launched once for every browser module); the modules skip themselves when
Debian's chromium or Playwright is missing.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

from corpus import DocumentStore
from tests.web.conftest import hostile_page

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
SHOTS = Path(__file__).resolve().parents[1] / "artifacts" / "screenshots"


def serve_demo(data_dir: Path) -> Iterator[str]:
    """Build the demo corpus plus one hostile page, serve the app on loopback, yield its URL."""
    from werkzeug.serving import make_server

    from index import build_index
    from web import create_app
    from web.cli import main

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


def launch_chromium() -> Iterator[object]:
    """Launch one headless Chromium (after the demo is built: the crawler runs its own event
    loop, which cannot start inside Playwright's)."""
    from playwright import sync_api

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

    def shot(self, name: str, full: bool = True) -> None:
        """Save a screenshot of the whole page (or of the window, for very long pages)."""
        SHOTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=full)


def watched_page(browser: object) -> Iterator[Watched]:
    """Yield a fresh page (own cookies); fail on console errors or dialogs afterwards."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    watch = Watched(page)
    yield watch
    context.close()
    assert watch.dialogs == [], f"a dialog opened: {watch.dialogs}"
    assert watch.errors == [], f"console errors: {watch.errors}"
