"""Link checker: one built-site fixture per fault kind, the valid forms, the real site, external mode.

Fixtures live in tests/fixtures/links/<what they contain>/: the Markdown
sources (so problems can name them) and the built HTML, under one shared
minimal tests/fixtures/links/mkdocs.yml.
"""

from __future__ import annotations

import json
import shutil
import threading
import time
import typing
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from scripts.checks.links.check import check_links
from scripts.checks.links.external import check_external
from scripts.commands.build import run_links
from scripts.core.config import load_project
from scripts.core.problems import errors
from tests.support.sites import REPO as ROOT
from tests.support.sites import write_config

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "links"


def fixture_project(folder: Path):
    """A link fixture (its docs/ and built site/) under the shared configuration."""
    return load_project(folder, FIXTURES / "mkdocs.yml", docs_dir=folder / "docs", site_dir=folder / "site")


def standalone(folder: Path) -> None:
    """Give a copied fixture its own mkdocs.yml, as a command run in it expects."""
    write_config(folder, {"extra": {"project": {"notices": str(ROOT / "i18n" / "notices.yml")}}}, inherit=FIXTURES / "mkdocs.yml")


def check(fixture: str):
    project = fixture_project(FIXTURES / fixture)
    return check_links(project, project.site_dir)


def only_problem(fixture: str):
    result = check(fixture)
    assert len(result.problems) == 1, [str(p) for p in result.problems]
    return result.problems[0]


# --------------------------------------------------------------------------
# One fixture per fault kind


def test_missing_page_names_the_markdown_line():
    problem = only_problem("missing_page")
    assert (problem.path, problem.line) == ("docs/en/index.md", 7)
    assert "'guide/'" in problem.message and "no such page" in problem.message


def test_missing_anchor_on_another_page():
    problem = only_problem("missing_anchor_other_page")
    assert (problem.path, problem.line) == ("docs/en/index.md", 9)
    assert 'no element with id "risks" on about/' in problem.message


def test_missing_anchor_on_the_same_page():
    problem = only_problem("missing_same_page_anchor")
    assert (problem.path, problem.line) == ("docs/en/index.md", 9)
    assert 'no element with id "sumary" on this page' in problem.message


def test_missing_image():
    problem = only_problem("missing_image")
    assert (problem.path, problem.line) == ("docs/en/index.md", 9)
    assert problem.message.startswith("<img> 'images/chart.png': missing file")


def test_missing_pdf_download():
    problem = only_problem("missing_pdf")
    assert (problem.path, problem.line) == ("docs/en/index.md", 9)
    assert "'downloads/briefing.pdf': missing file" in problem.message


def test_missing_stylesheet_and_script_are_theme_problems_without_a_line():
    result = check("missing_stylesheet_script")
    found = {(p.path, p.line, p.message.split(":")[0]) for p in result.problems}
    assert found == {
        ("docs/en/index.md", None, "theme <link> 'assets/extra.css'"),
        ("docs/en/index.md", None, "theme <script> 'assets/extra.js'"),
    }


def test_link_to_english_page_when_a_translation_exists():
    problem = only_problem("localized_page")
    assert (problem.path, problem.line) == ("docs/ar/index.md", 3)
    assert "localized page exists at ar/about/" in problem.message


def test_fault_on_a_fallback_page_names_the_english_source():
    result = check("fallback_page_fault")
    assert {p.path for p in result.problems} == {"docs/en/guide.md"}
    assert {p.line for p in result.problems} == {3}
    fallback = [p for p in result.problems if "ar fallback" in p.message]
    assert len(fallback) == 1 and "looked for ar/glossary/" in fallback[0].message


# --------------------------------------------------------------------------
# Valid forms must not be reported


def test_valid_forms_are_not_reported():
    result = check("valid_forms")
    assert result.problems == []
    statuses = {link["url"]: link["status"] for page in result.page_records for link in page["links"]}
    assert statuses["/ai-explained/ar/%D8%B4%D8%B1%D8%AD/"] == "ok"
    assert statuses["https://example.org/ai-explained/only-english/#why"] == "ok"
    assert statuses["https://example.com/elsewhere"] == "external"
    assert statuses["mailto:team@example.org"] == "skipped"
    assert statuses["images/chart@2x.png"] == "ok"  # from srcset


def test_language_switcher_may_cross_languages_but_must_resolve():
    result = check("valid_forms")
    arabic_home = next(page for page in result.page_records if page["page"] == "ar/index.html")
    switcher = [link for link in arabic_home["links"] if link["url"] == "../"]
    assert switcher and all(link["status"] == "ok" for link in switcher)


def test_root_relative_link_outside_the_site_path_is_broken(tmp_path):
    fixture = tmp_path / "site_copy"
    shutil.copytree(FIXTURES / "valid_forms", fixture)
    page = fixture / "site" / "only-english" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("</article>", '<a href="/only-english/">x</a></article>'), encoding="utf-8")
    project = fixture_project(fixture)
    result = check_links(project, project.site_dir)
    assert len(result.problems) == 1
    assert "outside the site" in result.problems[0].message


def test_json_report_lists_every_page_and_link():
    data = check("missing_page").as_json()
    assert data["summary"]["pages"] == 1 and data["summary"]["broken"] == 1
    assert data["summary"]["links"] == sum(len(page["links"]) for page in data["pages"])
    json.dumps(data)


# --------------------------------------------------------------------------
# The command and the real site


def test_main_links_missing_site_is_a_usage_error(capsys):
    assert run_links(ROOT, ROOT / "no-such-site", external=False) == 2
    assert "does not exist" in capsys.readouterr().out


def test_main_links_writes_the_report_and_fails_on_errors(tmp_path, capsys):
    fixture = tmp_path / "fixture"
    shutil.copytree(FIXTURES / "missing_image", fixture)
    standalone(fixture)
    assert run_links(fixture, None, external=False) == 1
    out = capsys.readouterr().out
    assert "docs/en/index.md:9:" in out and "1 error(s)" in out
    report = json.loads((fixture / "reports" / "links.json").read_text(encoding="utf-8"))
    assert report["summary"]["errors"] == 1


@pytest.mark.slow
def test_real_site_checks_clean(real_site):
    project = load_project(ROOT)
    result = check_links(project, real_site.site)  # with its PDFs: the download links point at them
    assert errors(result.problems) == [], [str(p) for p in result.problems]
    assert result.pages >= 2 * len(project.codes)


# --------------------------------------------------------------------------
# External mode, against a local server only


class _Handler(BaseHTTPRequestHandler):
    hits: typing.ClassVar[dict[str, int]] = {}

    def log_message(self, *args):
        pass

    def _answer(self, with_body: bool):
        path = self.path
        self.hits[path] = self.hits.get(path, 0) + 1
        if path == "/slow":
            time.sleep(2.5)
        if path == "/moved":
            self._send(301, {"Location": "/ok"})
        elif path == "/missing":
            self._send(404)
        elif path == "/busy" and self.hits[path] == 1:
            self._send(429, {"Retry-After": "1"})
        elif path == "/get-only" and self.command == "HEAD":
            self._send(405)
        else:
            self._send(200, body=b"fine" if with_body else b"")

    def _send(self, code, headers=None, body=b""):
        self.send_response(code)
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if body:
            self.wfile.write(body)

    def do_HEAD(self):
        self._answer(with_body=False)

    def do_GET(self):
        self._answer(with_body=True)


@pytest.fixture
def server():
    _Handler.hits = {}
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_external_statuses_redirects_retries_and_timeouts(server, tmp_path):
    urls = [f"{server}/{name}" for name in ("ok", "moved", "missing", "busy", "slow", "get-only")]
    results = check_external(urls, tmp_path / "cache.json", timeout=1.0)
    ok, moved, missing, busy, slow, get_only = (results[url] for url in urls)
    assert ok.ok and not ok.severity
    assert moved.ok and moved.severity == "warning" and moved.final_url == f"{server}/ok"
    assert not missing.ok and missing.code == 404 and missing.severity == "error"
    assert busy.ok and busy.code == 200 and _Handler.hits["/busy"] == 2
    assert not slow.ok and "timed out" in slow.message
    assert get_only.ok and get_only.code == 200


def test_external_cache_avoids_refetching_until_expiry(server, tmp_path):
    cache = tmp_path / "cache.json"
    urls = [f"{server}/ok", f"{server}/missing"]
    check_external(urls, cache)
    check_external(urls, cache)
    assert _Handler.hits == {"/ok": 1, "/missing": 1}
    data = json.loads(cache.read_text(encoding="utf-8"))
    data[f"{server}/missing"]["checked"] -= 2 * 3600  # failures expire after an hour
    cache.write_text(json.dumps(data), encoding="utf-8")
    check_external(urls, cache)
    assert _Handler.hits == {"/ok": 1, "/missing": 2}
    assert (tmp_path / ".gitignore").read_text() == "*\n"


def test_external_problems_name_the_source_file(server, tmp_path):
    fixture = tmp_path / "fixture"
    shutil.copytree(FIXTURES / "missing_page", fixture)
    markdown = fixture / "docs" / "en" / "index.md"
    markdown.write_text(markdown.read_text(encoding="utf-8").replace("[guide](guide.md)", f"[guide]({server}/missing)"), encoding="utf-8")
    page = fixture / "site" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace('href="guide/"', f'href="{server}/missing"'), encoding="utf-8")
    project = fixture_project(fixture)
    result = check_links(project, project.site_dir, external=True, cache_file=tmp_path / "cache.json")
    assert [(p.path, p.line) for p in result.problems] == [("docs/en/index.md", 7)]
    assert "HTTP 404" in result.problems[0].message
    assert result.as_json()["external"][f"{server}/missing"]["code"] == 404
