"""Accessibility of the real site in real Chromium: axe WCAG 2.2 AA in every language and scheme, keyboard, no JavaScript."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.support.reader import LANGUAGES, LISTEN_FOR_VIOLATIONS, PAGE_TYPES, url_of

pytestmark = [pytest.mark.browser, pytest.mark.slow]

WCAG_22_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_axe_finds_no_wcag_22_aa_violation(base, browser, lang, scheme):
    """Also: loading each page breaks no rule of its Content-Security-Policy (tests/test_content_security.py does the rest)."""
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(color_scheme=scheme)
    context.add_init_script(LISTEN_FOR_VIOLATIONS)
    found, violations = [], []
    for kind, path in PAGE_TYPES.items():
        page = context.new_page()
        page.goto(base + url_of(lang, path), wait_until="networkidle")
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == ("slate" if scheme == "dark" else "default")
        found += [(kind, v["id"], v["nodes"][0]["html"][:100]) for v in Axe().run(page, options=WCAG_22_AA).response["violations"]]
        violations += [f"{kind}: {violation}" for violation in page.evaluate("window.__violations")]
        page.close()
    context.close()
    assert found == []
    assert violations == []


def test_keyboard_reaches_search_and_language_switcher_with_visible_focus(base, page):
    page.goto(base + url_of("ar", "basics/what-is-ai/"), wait_until="networkidle")
    stops = []
    for _ in range(40):
        page.keyboard.press("Tab")
        stop = page.evaluate(
            """() => { const focused = document.activeElement;
                 // A hidden radio button shows its focus on the label that follows it.
                 const shown = focused.matches('.md-option') ? focused.nextElementSibling : focused;
                 const s = getComputedStyle(shown);
                 return {what: focused.className,
                         search: focused.matches('[data-site-search] input[type=search]'),
                         language: !!focused.closest('.md-select'),
                         visible: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 || s.boxShadow !== 'none',
                         header: !!focused.closest('.md-header')} }"""
        )
        if not stop["header"] and stops:
            break
        stops.append(stop)
    assert any(stop["search"] for stop in stops) and any(stop["language"] for stop in stops), stops
    assert [stop["what"] for stop in stops if not stop["visible"]] == []


def test_skip_link_is_the_first_stop(base, page):
    page.goto(base + url_of("fr", "basics/what-is-ai/"), wait_until="networkidle")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('md-skip')")


def test_an_explainer_reads_and_links_without_javascript(browser, base):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base + url_of("en", "basics/what-is-ai/"))
    assert page.locator("article h1").is_visible()
    assert len(page.locator("article").inner_text()) > 2000
    assert page.locator("article .admonition").first.is_visible()
    page.locator('article a[href$="machine-learning/"]').first.click()
    page.wait_for_load_state()
    assert urlsplit(page.url).path == "/basics/machine-learning/"
    assert page.locator("article h1").is_visible()
    context.close()


