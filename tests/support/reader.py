"""Shared by the reader tests: the real site served as a static host would, page helpers, screenshots."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.support.page_weight import serve
from tests.support.sites import REPO

ARTIFACTS = REPO / "test-artifacts"
LANGUAGES = ["en", "ar", "zh", "fr", "ru", "es"]
PAGE_TYPES = {"home": "", "explainer": "basics/what-is-ai/", "briefing": "briefings/ai-literacy/"}
# Reports every Content-Security-Policy violation to the page, before any of the page's own scripts run.
LISTEN_FOR_VIOLATIONS = ("window.__violations = []; document.addEventListener('securitypolicyviolation',"
                         " e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || '')));")


def url_of(lang: str, path: str) -> str:
    return "/" + ("" if lang == "en" else f"{lang}/") + path


@pytest.fixture(scope="module")
def site(real_site):
    return real_site.site  # with its PDFs: the download buttons point at them


@pytest.fixture(scope="module")
def base(site):
    with serve(site) as address:
        yield address


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


def screenshot(page, name: str) -> None:
    folder = ARTIFACTS / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / f"{name}.png"), full_page=False)


def search(page, query: str) -> list[str]:
    """Type a query into the site's search box (opened with "/"); the result paths, once shown."""
    dialog = page.locator("[data-site-search]")
    if not page.evaluate("document.getElementById('__search').checked"):
        page.keyboard.press("/")
    box = dialog.locator("input[type=search]")
    box.fill(query)
    page.wait_for_function(
        "q => { const d = document.querySelector('[data-site-search]'); return d.querySelector('input').value === q"
        " && d.querySelector('.md-search-result__meta').textContent.trim() !== d.dataset.placeholder }",
        arg=query, timeout=20000,
    )
    page.wait_for_timeout(300)  # the box searches 120 ms after the last keystroke: let the final results land
    return [urlsplit(link.get_attribute("href")).path for link in dialog.locator(".md-search-result__link").all()]
