"""The build command on a small fixture site: languages, fallback, privacy, safety."""

from __future__ import annotations

import json
import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from scripts.pipeline import run_build
from tests.support.sites import make_site, tree_digest

LANGUAGES = ["en", "ar", "zh", "fr", "ru", "es"]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    project = make_site(tmp_path_factory.mktemp("built") / "project", git=True)
    assert run_build(project) == 0
    return project / "site"


def page(site: Path, relative: str) -> HTMLParser:
    return HTMLParser((site / relative).read_text(encoding="utf-8"))


def test_every_language_folder_is_built(built):
    assert (built / "index.html").is_file()
    for lang in LANGUAGES[1:]:
        assert (built / lang / "index.html").is_file(), lang
        assert (built / lang / "about" / "index.html").is_file(), lang


def test_arabic_pages_are_right_to_left(built):
    for relative in ("ar/index.html", "ar/about/index.html"):
        html = page(built, relative)
        assert html.css_first("html").attributes["lang"] == "ar"
        assert html.css_first("body").attributes["dir"] == "rtl"
    english = page(built, "index.html")
    assert english.css_first("html").attributes["lang"] == "en"
    assert english.css_first("body").attributes["dir"] == "ltr"


@pytest.mark.parametrize(
    "lang, notice",
    [
        ("ar", "لم تُترجَم هذه الصفحة بعد؛ أنت تقرأ النسخة الإنجليزية."),
        ("zh", "本页尚未翻译；您正在阅读英文版本。"),
        ("fr", "Cette page n’a pas encore été traduite ; vous lisez la version anglaise."),
    ],
)
def test_fallback_page_has_localized_notice_and_ltr_english_body(built, lang, notice):
    html = page(built, f"{lang}/about/index.html")
    aside = html.css_first("aside.page-notice--fallback")
    assert aside is not None and aside.text(strip=True) == notice
    body = html.css_first('div[lang="en"][dir="ltr"]')
    assert body is not None
    assert "This page is only written in English." in body.text()
    # The notice is outside the English block, so it keeps the page's language.
    assert aside.parent.css_first('div[lang="en"]') is not None


def test_translated_page_has_no_fallback_notice(built):
    html = page(built, "ar/index.html")
    assert html.css_first("aside.page-notice") is None
    assert html.css_first('div[lang="en"][dir="ltr"]') is None


def test_page_facts_are_shown_in_the_readers_language(built):
    html = page(built, "ar/about/index.html")
    facts = html.css_first("footer.page-facts")
    assert "آخر مراجعة" in facts.text()
    assert facts.css_first("time").attributes["datetime"] == "2026-11-01"
    assert facts.css_first("a").attributes["href"] == "https://eur-lex.europa.eu/eli/reg/2024/1689/oj"


def _own_host(site: Path) -> str:
    from scripts.core.config import load_project

    return urlsplit(load_project(site.parent).site_url).netloc


def test_no_page_references_another_host(built):
    """Only <a href> may point outward; canonical/alternate links name our own host."""
    own = _own_host(built)
    offenders = []
    for path in built.rglob("*.html"):
        html = HTMLParser(path.read_text(encoding="utf-8"))
        for node in html.css("link[href], script[src], img[src], iframe[src], source[src], video[src], audio[src], embed[src], object[data]"):
            for attribute in ("href", "src", "data"):
                url = node.attributes.get(attribute) or ""
                host = urlsplit(url).netloc
                if host and not (node.tag == "link" and host == own):
                    offenders.append(f"{path.relative_to(built)}: <{node.tag} {attribute}={url}>")
        for node in html.css("[style]"):
            if "url(" in (node.attributes.get("style") or "") and "//" in node.attributes["style"]:
                offenders.append(f"{path.relative_to(built)}: inline style {node.attributes['style']}")
        for style in html.css("style"):
            if "url(http" in style.text() or "url(//" in style.text() or "@import" in style.text():
                offenders.append(f"{path.relative_to(built)}: <style> loads from another host")
    for css in built.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        assert "url(http" not in text and "url(//" not in text and "@import url(http" not in text, css
    assert offenders == []


def test_failed_build_leaves_previous_site_untouched(tmp_path, capsys):
    project = make_site(tmp_path / "project")
    assert run_build(project) == 0
    before = tree_digest(project / "site")
    stat_before = (project / "site" / "index.html").stat().st_mtime_ns
    (project / "docs" / "en" / "index.md").write_text(
        "---\ntitle: Broken\ndescription: A link to nowhere.\nlast_reviewed: 2026-11-01\n---\n\n# Broken\n\n[gone](missing.md)\n", encoding="utf-8"
    )
    assert run_build(project) == 1
    out = capsys.readouterr().out
    assert "docs/en/index.md:9: MkDocs:" in out and "missing.md" in out
    assert tree_digest(project / "site") == before
    assert (project / "site" / "index.html").stat().st_mtime_ns == stat_before
    assert not list(tmp_path.glob("project/.site-build-*"))
    assert (project / "reports" / "build.json").is_file()
    assert json.loads((project / "reports" / "links.json").read_text(encoding="utf-8"))["status"] == "skipped"


def test_content_error_stops_before_the_build(tmp_path, capsys):
    project = make_site(tmp_path / "project")
    (project / "docs" / "en" / "evil.md").write_text("---\ntitle: x\ndescription: y\nlast_reviewed: 2026-11-01\n---\n\n<script>x()</script>\n", encoding="utf-8")
    assert run_build(project) == 1
    out = capsys.readouterr().out
    assert "docs/en/evil.md:7: raw <script> is not allowed" in out
    assert not (project / "site").exists()


def test_two_builds_are_identical(tmp_path):
    project = make_site(tmp_path / "project", git=True)
    os.environ.pop("SOURCE_DATE_EPOCH", None)
    assert run_build(project) == 0
    first = tree_digest(project / "site")
    os.environ.pop("SOURCE_DATE_EPOCH", None)
    assert run_build(project) == 0
    second = tree_digest(project / "site")
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []


def test_single_language_build_for_editing(tmp_path):
    project = make_site(tmp_path / "project")
    assert run_build(project, only_lang="ar") == 0
    preview = project / "site-ar"
    assert (preview / "ar" / "index.html").is_file() and (preview / "index.html").is_file()
    assert not (preview / "fr").exists()
    assert not (project / "site").exists()


def test_unknown_language_is_a_usage_error(site_copy, capsys):
    assert run_build(site_copy, only_lang="de") == 2
    assert "not a language in mkdocs.yml" in capsys.readouterr().out


@pytest.mark.slow
def test_real_site_builds(real_site):
    assert real_site.exit_code == 0
    for lang in LANGUAGES[1:]:
        assert (real_site.site / lang / "index.html").is_file()


def test_broken_link_in_built_html_fails_the_build(tmp_path, capsys):
    """MkDocs does not see links written as HTML; the link check on the built site does."""
    project = make_site(tmp_path / "project")
    page = project / "docs" / "fr" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + '\n<a href="../nowhere/">lien</a>\n', encoding="utf-8")
    assert run_build(project) == 1
    out = capsys.readouterr().out
    assert "docs/fr/index.md:" in out and "../nowhere/" in out
    assert (project / "reports" / "links.json").is_file()
    assert not (project / "site").exists()


def test_plain_mkdocs_build_shows_the_same_notices(tmp_path):
    """The hook, not the build tool, makes the notices: `mkdocs serve` shows them too."""
    import subprocess
    import sys

    project = make_site(tmp_path / "project")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(tmp_path / "out")],
        cwd=project, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, result.stderr
    html = page(tmp_path / "out", "ar/about/index.html")
    assert html.css_first("aside.page-notice--fallback") is not None
    assert html.css_first('div[lang="en"][dir="ltr"]') is not None


def test_each_language_has_its_own_404_and_the_root_one_is_english(built):
    assert page(built, "404.html").css_first("html").attributes["lang"] == "en"
    for lang in LANGUAGES[1:]:
        html = page(built, f"{lang}/404.html")
        assert html.css_first("html").attributes["lang"] == lang
    assert page(built, "ar/404.html").css_first("body").attributes["dir"] == "rtl"


def test_publish_failure_is_reported_without_traceback(tmp_path, capsys, monkeypatch):
    from scripts.outputs import publish

    project = make_site(tmp_path / "project")

    def disk_full(build_dir, site_dir):
        raise OSError(28, "No space left on device", str(site_dir))

    monkeypatch.setattr(publish, "swap_into_place", disk_full)
    assert run_build(project) == 2
    out = capsys.readouterr().out
    assert "Publishing into site/ failed: No space left on device" in out
    assert "Traceback" not in out
    assert not list(project.glob(".site-build-*"))


def test_a_stage_that_cannot_read_a_file_is_an_environment_error(tmp_path, capsys, monkeypatch):
    """OSError in any stage: one `path: message` line and exit code 2, never a traceback."""
    from scripts import pipeline

    project = make_site(tmp_path / "project")

    def unreadable(project_, sources, only_lang=None):
        raise PermissionError(13, "Permission denied", str(project / "docs" / "fr" / "index.md"))

    monkeypatch.setattr(pipeline, "coverage", unreadable)
    assert run_build(project) == 2
    out = capsys.readouterr().out
    assert "docs/fr/index.md: Checking translation status failed: Permission denied" in out
    assert "Traceback" not in out
    assert not (project / "site").exists()
    assert json.loads((project / "reports" / "build.json").read_text(encoding="utf-8"))["exit_code"] == 2


def test_reports_and_caches_go_where_the_caller_says(tmp_path):
    project = make_site(tmp_path / "project", "briefings")
    assert run_build(project, site_dir=tmp_path / "out", reports_dir=tmp_path / "reports", cache_dir=tmp_path / "cache") == 0
    assert (tmp_path / "reports" / "build.json").is_file() and list((tmp_path / "cache" / "pdfs").glob("*.pdf"))
    assert not (project / "reports").exists() and not (project / ".cache").exists() and not (project / "site").exists()
