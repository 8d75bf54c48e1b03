"""The Content-Security-Policy: in every built page, and obeyed by everything the site does in Chromium."""

from __future__ import annotations

import re

import pytest
from selectolax.lexbor import LexborHTMLParser

from tests.support.page_weight import serve
from tests.support.reader import LISTEN_FOR_VIOLATIONS, search

pytestmark = pytest.mark.slow

LANGUAGES = ["en", "ar", "zh", "fr", "ru", "es"]
QUERY = {"en": "AI", "ar": "الذكاء", "zh": "人工智能", "fr": "IA", "ru": "ИИ", "es": "IA"}  # "AI" as each language writes it
# The home page, an explainer and a briefing are loaded with this listener by
# the axe tests in every language and scheme; here a rules page, and what a
# reader does on an explainer.
PAGE_TYPES = {"rules": "rules/eu-ai-act/", "explainer": "basics/what-is-ai/"}
LISTEN = LISTEN_FOR_VIOLATIONS


def url_of(lang: str, path: str) -> str:
    return "/" + ("" if lang == "en" else f"{lang}/") + path


def test_every_built_page_carries_the_policy_before_any_inline_script(real_site):
    pages = sorted(real_site.site.rglob("*.html"))
    assert len(pages) > 300
    for path in pages:
        html = path.read_text(encoding="utf-8")
        tree = LexborHTMLParser(html)
        metas = tree.css('head meta[http-equiv="Content-Security-Policy"]')
        assert len(metas) == 1, path
        policy = metas[0].attributes["content"]
        directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
        assert directives["default-src"] == "'self'" and directives["object-src"] == "'none'", path
        assert "unsafe-inline" not in directives["script-src"], path
        inline = [node for node in tree.css("script") if "src" not in node.attributes and node.attributes.get("type") != "application/json"]
        assert len(re.findall(r"'sha256-", directives["script-src"])) == len({node.text() for node in inline}), path
        assert html.index("Content-Security-Policy") < html.index("<script"), path


@pytest.fixture(scope="module")
def base(real_site):
    with serve(real_site.site) as address:
        yield address


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGUAGES)
def test_pages_do_everything_without_a_violation(base, browser, lang):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(LISTEN)
    page = context.new_page()
    found = []
    for kind, path in PAGE_TYPES.items():
        page.goto(base + url_of(lang, path), wait_until="networkidle")
        if kind == "explainer":
            # Search (Pagefind's code, WebAssembly and index load and run), a glossary tooltip, the palette toggle.
            with page.expect_response(lambda response: response.url.endswith("/pagefind/pagefind.js")) as engine:
                assert search(page, QUERY[lang])
            assert engine.value.ok
            page.keyboard.press("Escape")
            abbr = page.locator("article abbr").first
            if abbr.count():
                abbr.hover()
            page.locator("label.md-header__button[for^=__palette]").first.click()
            page.wait_for_timeout(300)
        found += [f"{kind}: {violation}" for violation in page.evaluate("window.__violations")]
    # The language switcher: to the next language's copy of the explainer.
    page.goto(base + url_of(lang, PAGE_TYPES["explainer"]), wait_until="networkidle")
    other = LANGUAGES[(LANGUAGES.index(lang) + 1) % len(LANGUAGES)]
    page.locator(".md-select").first.hover()
    page.locator(f'.md-select a[hreflang="{other}"]').first.click()
    page.wait_for_load_state("networkidle")
    assert page.evaluate("document.documentElement.lang") == other
    found += [f"after switching: {violation}" for violation in page.evaluate("window.__violations")]
    context.close()
    assert found == []


@pytest.mark.browser
def test_an_injected_inline_script_is_blocked(base, browser):
    context = browser.new_context()
    context.add_init_script(LISTEN)
    page = context.new_page()
    page.goto(base + url_of("ar", PAGE_TYPES["explainer"]), wait_until="networkidle")
    page.evaluate("""() => { const s = document.createElement('script'); s.textContent = 'window.__pwned = true'; document.body.append(s); }""")
    page.wait_for_timeout(200)
    assert page.evaluate("window.__pwned") is None
    assert any(v.startswith("script-src-elem") for v in page.evaluate("window.__violations"))
    context.close()
