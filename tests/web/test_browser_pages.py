"""Browser tests of single pages: hostile input executes nothing, English coverage and the
skip link, WCAG contrast, comparing regions, suggestions while typing, the phone layout.
"""

from __future__ import annotations

import pytest

from tests.web.browser_support import CHROMIUM, Watched
from tests.web.conftest import HOSTILE

pytestmark = pytest.mark.browser

if not CHROMIUM.exists():
    pytest.skip("Debian's chromium is not installed at /usr/bin/chromium", allow_module_level=True)
pytest.importorskip("playwright.sync_api", reason="playwright is not installed")


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
        watched.shot("hostile-document", full=False)


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


CONTRAST_JS = """(selectors) => {
  const rgb = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const background = (el) => {
    for (; el; el = el.parentElement) {
      const c = rgb(getComputedStyle(el).backgroundColor);
      if (c.length === 3 || (c.length === 4 && c[3] > 0)) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const out = [];
  for (const sel of selectors) {
    for (const el of document.querySelectorAll(sel)) {
      if (!el.offsetParent || el.disabled) continue;
      const fg = rgb(getComputedStyle(el).color).slice(0, 3);
      const [a, b] = [lum(fg), lum(background(el))].sort((x, y) => y - x);
      out.push([sel, Math.round(((a + 0.05) / (b + 0.05)) * 100) / 100]);
    }
  }
  return out;
}"""
TEXT_SELECTORS = ["a", "p", "li", "th", "td", "label", "button", "small", ".muted", ".status",
                  ".tag", ".count", ".state", "dt", "dd", "time", "legend", "h1", "h2", "h3"]


@pytest.mark.parametrize("path", ["/?q=pekerja+rentan", "/d/perbup-gianyar-2025-35", "/cakupan"])
def test_text_meets_wcag_aa_contrast(watched: Watched, base_url: str, path: str) -> None:
    page = watched.page
    page.goto(base_url + path)
    ratios = page.evaluate(CONTRAST_JS, TEXT_SELECTORS)
    assert len(ratios) > 50
    low = sorted({(sel, ratio) for sel, ratio in ratios if ratio < 4.5})
    assert low == [], f"{path}: text below 4.5:1 contrast: {low}"


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
                           ("/d/perbup-contoh-2023-12", "document-phone"),
                           ("/cakupan", "coverage-phone")):
            page.goto(base_url + path)
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= 375, f"{path} is {width}px wide"
            watch.shot(name, full=not name.startswith("document"))
        # every coverage cell reads as a full-width line, none squeezed to a column of letters
        cells = page.locator("table.coverage-table tbody td")
        widths = [cells.nth(i).bounding_box()["width"] for i in range(cells.count())]
        assert widths and min(widths) > 250, widths
    finally:
        context.close()
    assert watch.errors == [] and watch.dialogs == []


FOCUS_JS = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  const where = Array.prototype.indexOf.call(document.querySelectorAll('*'), el);
  return [el.tagName + '@' + where, style.outlineStyle, parseFloat(style.outlineWidth) || 0];
}"""


@pytest.mark.parametrize("path", ["/?q=pekerja+rentan", "/d/perbup-contoh-2023-12"])
def test_keyboard_focus_is_always_visible(watched: Watched, base_url: str, path: str) -> None:
    page = watched.page
    page.goto(base_url + path)
    seen = []
    for _ in range(25):
        page.keyboard.press("Tab")
        seen.append(page.evaluate(FOCUS_JS))
    reached = {name for name, _, _ in seen}
    assert len(reached) > 15  # the walk really moves through links, inputs and buttons
    hidden = [(name, style, width) for name, style, width in seen
              if style == "none" or width < 2]
    assert hidden == [], f"focus not visible on {hidden}"
