"""Search in every language, in real Chromium on the real site, with its security policy on.

The golden queries (tests/fixtures/search/golden-queries.yml) are everyday
queries a reader of each language types, with the page they expect among the
first three results.
"""

from __future__ import annotations

import re

import pytest
import yaml

from tests.support.reader import LANGUAGES, screenshot, search, url_of
from tests.support.sites import FIXTURES

pytestmark = [pytest.mark.browser, pytest.mark.slow]

GOLDEN = yaml.safe_load((FIXTURES / "search" / "golden-queries.yml").read_text(encoding="utf-8"))
PHONE = {"width": 390, "height": 844}


def in_language(path: str, lang: str) -> str:
    path = path.strip("/")
    return path[len(lang) + 1:] if lang != "en" and path.startswith(lang + "/") else path


@pytest.mark.parametrize("lang", LANGUAGES)
def test_golden_queries_find_the_expected_page_in_the_first_three(base, page, lang):
    page.goto(base + url_of(lang, "basics/what-is-ai/"), wait_until="networkidle")
    missed = []
    for case in GOLDEN[lang]:
        top = [in_language(path, lang) for path in search(page, case["query"])[:3]]
        if not any(expected in top for expected in case["expect"]):
            missed.append((case["query"], top))
    assert len(GOLDEN[lang]) >= 8
    assert missed == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_results_stay_in_the_readers_language_as_clean_text(base, page, lang):
    page.goto(base + url_of(lang, ""), wait_until="networkidle")
    paths = search(page, GOLDEN[lang][1]["query"])
    assert paths
    assert all(path.startswith(f"/{lang}/") for path in paths) if lang != "en" else not any(re.match(r"^/(ar|zh|fr|ru|es)/", p) for p in paths)
    results = page.locator("[data-site-search] .md-search-result__item")
    titles = results.locator("h1").all_inner_texts()
    teasers = results.locator(".md-search-result__teaser").all_inner_texts()
    assert all(titles) and all(teasers)
    assert not [text for text in titles + teasers if re.search(r"[<>]|&[a-z]+;|\bmark\b", text)]  # no markup debris
    assert results.locator("mark").count() > 0  # the matched words are highlighted


@pytest.mark.parametrize("query", ["الذكاء", "ذكاء", "والذكاء", "بالذكاء", "للذكاء", "الذَّكَاء", "الذكــاء"])
def test_arabic_search_finds_arabic_pages_in_every_spelling(base, page, query):
    page.goto(base + url_of("ar", ""), wait_until="networkidle")
    paths = search(page, query)
    assert paths and all(path.startswith("/ar/") for path in paths), paths


def test_search_loads_nothing_until_the_reader_searches(base, page):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(base + url_of("ru", "basics/what-is-ai/"), wait_until="networkidle")
    assert not [url for url in requested if "/pagefind/" in url]
    search(page, "обучение")
    loaded = [url for url in requested if "/pagefind/" in url]
    assert any(url.endswith("pagefind.js") for url in loaded)
    assert any("wasm.ru" in url for url in loaded) and not any("wasm.ar" in url or "wasm.en" in url for url in loaded)


def test_search_opens_from_the_keyboard_and_speaks_the_readers_language(base, page):
    page.goto(base + url_of("zh", "basics/what-is-ai/"), wait_until="networkidle")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.matches('[data-site-search] input[type=search]')")
    dialog = page.locator("[data-site-search]")
    labels = [dialog.get_attribute("aria-label"), page.locator("[data-site-search] input").get_attribute("aria-label")]
    assert dialog.get_attribute("role") == "dialog"
    assert all(label and re.fullmatch(r"[\u4e00-\u9fff]+", label) for label in labels), labels  # named, in Chinese
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__search').checked")


@pytest.mark.parametrize("lang, query", [("zh", "大语言模型"), ("ar", "المعلومات المضللة"), ("ru", "машинного обучения")])
@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_search_results_look_right(base, browser, lang, query, viewport):
    context = browser.new_context(viewport=PHONE if viewport == "phone" else {"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(base + url_of(lang, "basics/what-is-ai/"), wait_until="networkidle")
    if viewport == "phone":
        page.locator("[data-site-search-open]").click()
    assert search(page, query)
    results = page.locator("[data-site-search] .md-search-result__list")
    assert results.is_visible()
    if lang == "ar":
        assert results.evaluate("e => getComputedStyle(e).direction") == "rtl"
    screenshot(page, f"search-{lang}-{viewport}")
    context.close()
