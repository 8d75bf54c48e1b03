"""The real site in real Chromium: what a reader in Cairo or Brussels gets.

Built from the repository's own docs/ (PDFs included) and served from
127.0.0.1 with gzip, as a static host would. Screenshots go to
test-artifacts/screenshots/ (CI uploads the folder).
"""

from __future__ import annotations

import json
import re
from urllib.parse import urlsplit

import pytest

from tests.support.page_weight import measure
from tests.support.reader import ARTIFACTS, LANGUAGES, PAGE_TYPES, screenshot, search, url_of

pytestmark = [pytest.mark.browser, pytest.mark.slow]


# -- privacy ---------------------------------------------------------------------

def test_no_request_leaves_the_site_while_reading_searching_and_switching(base, page):
    hosts = set()
    page.on("request", lambda request: hosts.add(urlsplit(request.url).hostname))
    for lang in LANGUAGES:
        for path in PAGE_TYPES.values():
            page.goto(base + url_of(lang, path), wait_until="networkidle")
    page.goto(base + url_of("ar", "basics/what-is-ai/"), wait_until="networkidle")
    assert search(page, "الذكاء")
    page.keyboard.press("Escape")
    page.locator(".md-select").first.hover()
    page.locator('.md-select a[hreflang="fr"]').first.click()
    page.wait_for_load_state("networkidle")
    assert urlsplit(page.url).path == "/fr/basics/what-is-ai/"
    assert hosts == {"127.0.0.1"}, hosts


# -- right to left ---------------------------------------------------------------

def test_arabic_layout_is_mirrored_and_embedded_latin_keeps_its_order(base, page):
    page.goto(base + url_of("ar", "basics/machine-learning/"), wait_until="networkidle")
    screenshot(page, "ar-explainer")
    assert page.evaluate("document.body.dir") == "rtl"  # Material sets dir on <body>
    nav = page.locator(".md-sidebar--primary").bounding_box()
    content = page.locator(".md-content").bounding_box()
    assert nav["x"] > content["x"], "navigation sits on the right"
    paragraph = page.locator("article p").first
    assert paragraph.evaluate("p => getComputedStyle(p).direction") == "rtl"
    box = paragraph.bounding_box()
    article = page.locator("article").bounding_box()
    assert abs((box["x"] + box["width"]) - (article["x"] + article["width"])) < 40, "text starts at the right edge"
    # Admonitions mirror: the title's icon sits on the right.
    title = page.locator(".admonition-title").first
    assert title.evaluate("t => parseFloat(getComputedStyle(t).paddingRight) > parseFloat(getComputedStyle(t).paddingLeft)")
    # Addresses in text are isolated so a URL keeps its order inside Arabic.
    assert page.evaluate("getComputedStyle(document.querySelector('.md-typeset a[href^=\"http\"]')).unicodeBidi") == "plaintext"


def test_arabic_tables_run_right_to_left(base, page):
    page.goto(base + url_of("ar", "basics/open-and-closed-models/"), wait_until="networkidle")
    cells = page.locator("article table tr").first.locator("th")
    first, second = cells.nth(0).bounding_box(), cells.nth(1).bounding_box()
    assert first["x"] > second["x"], "the first column is the rightmost"


def test_english_home_and_explainer(base, page):
    page.goto(base + "/", wait_until="networkidle")
    screenshot(page, "en-home")
    page.goto(base + url_of("en", "basics/what-is-ai/"), wait_until="networkidle")
    screenshot(page, "en-explainer")
    page.goto(base + url_of("ar", ""), wait_until="networkidle")
    screenshot(page, "ar-home")
    assert page.locator("h1").first.is_visible()


# -- languages --------------------------------------------------------------------

def test_language_switcher_keeps_the_page(base, page):
    page.goto(base + url_of("en", "basics/what-is-ai/"), wait_until="networkidle")
    links = {a.get_attribute("hreflang"): a.get_attribute("href") for a in page.locator(".md-select a[hreflang]").all()}
    assert set(links) == set(LANGUAGES)
    page.locator(".md-select").first.hover()
    page.locator('.md-select a[hreflang="ar"]').first.click()
    page.wait_for_load_state("networkidle")
    assert urlsplit(page.url).path == "/ar/basics/what-is-ai/"
    assert page.evaluate("document.documentElement.lang") == "ar"


def test_every_page_declares_its_alternates_and_the_sitemap_lists_them(base, page, site):
    page.goto(base + url_of("ar", "rules/eu-ai-act/"), wait_until="networkidle")
    alternates = {link.get_attribute("hreflang") for link in page.locator("head link[rel=alternate][hreflang]").all()}
    assert alternates == set(LANGUAGES)
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    entry = re.search(r"<url>\s*<loc>[^<]*/rules/eu-ai-act/</loc>.*?</url>", sitemap, re.S).group(0)
    assert set(re.findall(r'hreflang="([a-z]+)"', entry)) == set(LANGUAGES)


# -- weight -------------------------------------------------------------------------

def test_first_view_of_an_explainer_stays_within_100_kb(site, browser):
    """A size budget, not a timing: bytes over the wire (gzip) until idle."""
    results = measure(site, browser=browser)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "page-weight.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    by_type = {row["page"]: row for row in results}
    for name in ("explainer", "explainer (Arabic)", "explainer (Chinese)"):
        assert by_type[name]["first_bytes"] <= 100 * 1024, by_type[name]
        assert by_type[name]["second_bytes"] <= 25 * 1024, by_type[name]


def test_briefing_pdf_download_works_in_the_browser(base, page):
    page.goto(base + url_of("ar", "briefings/ai-literacy/"), wait_until="networkidle")
    href = page.locator("p.pdf-download a").get_attribute("href")
    response = page.request.get(base + url_of("ar", "briefings/ai-literacy/") + href)
    assert response.ok and response.headers["content-type"] == "application/pdf"
    assert response.body()[:5] == b"%PDF-"
