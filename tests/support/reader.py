"""Shared by the reader tests: the real site served as a static host would, page helpers, screenshots."""

from __future__ import annotations

import pytest

from tests.support.page_weight import serve
from tests.support.sites import REPO

ARTIFACTS = REPO / "test-artifacts"
LANGUAGES = ["en", "ar", "zh", "fr", "ru", "es"]
PAGE_TYPES = {"home": "", "explainer": "basics/what-is-ai/", "briefing": "briefings/ai-literacy/"}


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
