"""What a reader's browser does with the built site: real Chromium, no other hosts."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from scripts.pipeline import run_build
from tests.support.page_weight import serve
from tests.support.sites import REPO, make_site

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    project = make_site(tmp_path_factory.mktemp("browser") / "project")
    assert run_build(project) == 0
    with serve(project / "site") as address:
        yield address


@pytest.mark.parametrize("path", ["/", "/ar/", "/ar/about/", "/zh/about/", "/ru/"])
def test_pages_load_nothing_from_other_hosts(server, browser, path):
    page = browser.new_page()
    hosts = []
    page.on("request", lambda request: hosts.append(urlsplit(request.url).hostname))
    page.goto(server + path, wait_until="networkidle")
    page.close()
    assert hosts and set(hosts) == {"127.0.0.1"}, hosts


def test_arabic_layout_is_mirrored(server, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(server + "/ar/")
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    nav = page.locator(".md-sidebar--primary").bounding_box()
    content = page.locator(".md-content").bounding_box()
    assert nav["x"] > content["x"], "the navigation should sit on the right in Arabic"
    page.close()


def test_fallback_body_is_left_to_right_inside_arabic_page(server, browser):
    # The real site is fully translated, so the fixture site shows a fallback.
    page = browser.new_page()
    page.goto(server + "/ar/about/")
    (REPO / "test-artifacts" / "screenshots").mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(REPO / "test-artifacts" / "screenshots" / "ar-fallback.png"))
    direction = page.evaluate("getComputedStyle(document.querySelector('div[lang=en]')).direction")
    notice = page.locator("aside.page-notice").inner_text()
    page.close()
    assert direction == "ltr"
    assert "لم تُترجَم هذه الصفحة بعد" in notice


def test_keyboard_user_can_skip_to_content(server, browser):
    page = browser.new_page()
    page.goto(server + "/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    page.close()
    assert focused == "#small-site"


WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


@pytest.mark.parametrize("path", ["/", "/about/", "/ar/", "/ar/about/", "/zh/about/", "/fr/translation-status/"])
def test_pages_pass_axe_wcag_aa_checks(server, browser, path):
    """axe-core's automated WCAG 2.1 A/AA rules: contrast, names, landmarks, lang."""
    from axe_playwright_python.sync_playwright import Axe

    page = browser.new_page()
    page.goto(server + path)
    violations = Axe().run(page, options=WCAG_AA).response["violations"]
    page.close()
    assert [(v["id"], v["nodes"][0]["html"][:120]) for v in violations] == []
