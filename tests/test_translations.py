"""Translation status scenarios on small fixture repositories with real git history."""

from __future__ import annotations

import json

import pytest
from selectolax.lexbor import LexborHTMLParser

from scripts.__main__ import main
from scripts.core.config import load_project
from scripts.core.sources import read_sources
from scripts.i18n.coverage import coverage
from scripts.i18n.structure import check_parity, render_structures
from scripts.pipeline import run_build
from tests.support.sites import commit_all, configure, make_site

TRANSLATED = ["ar", "zh", "fr", "ru", "es"]


@pytest.fixture
def repo(tmp_path):
    return make_site(tmp_path / "project", git=True)


def status_of(root):
    project = load_project(root)
    return coverage(project, read_sources(project))


def statuses(root, page="index.md"):
    data = status_of(root)
    return {lang: data.entry(page, lang).status for lang in TRANSLATED}


def allow_any_coverage(root):
    """Lower the coverage floor so a scenario can build and show its notices."""
    configure(root, extra={"project": {"translations": {"min_current": {"*": 0.0}}}})


def edit_english(root, old, new, page="index.md"):
    path = root / "docs" / "en" / page
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_fixture_starts_current(repo):
    assert statuses(repo) == {lang: "current" for lang in TRANSLATED}
    assert statuses(repo, "about.md") == {lang: "missing" for lang in TRANSLATED}


def test_english_edit_makes_every_translation_outdated_with_a_banner(repo, capsys):
    edit_english(repo, "Some text.", "Some new text about the AI Act.")
    assert statuses(repo) == {lang: "outdated" for lang in TRANSLATED}
    assert run_build(repo) == 3  # no language has half its pages current any more
    allow_any_coverage(repo)
    assert run_build(repo) == 0
    html = LexborHTMLParser((repo / "site" / "ar" / "index.html").read_text(encoding="utf-8"))
    notice = html.css_first("aside.page-notice--outdated")
    assert notice is not None
    assert "تغيّرت النسخة الإنجليزية من هذه الصفحة منذ إعداد هذه الترجمة (\u20662026-11-25\u2069)" in notice.text()
    link = notice.css_first("a")
    assert link.attributes["href"] == "../" and link.attributes["hreflang"] == "en"
    assert "اقرأ النسخة الإنجليزية الحالية" in link.text()
    # English readers see no notice.
    english = LexborHTMLParser((repo / "site" / "index.html").read_text(encoding="utf-8"))
    assert english.css_first("aside.page-notice") is None
    capsys.readouterr()
    assert main(["--root", str(repo), "diff", "index.md", "--lang", "fr"]) == 0
    out = capsys.readouterr().out
    assert "-Some text." in out and "+Some new text about the AI Act." in out


def test_rewrapping_english_lines_keeps_translations_current(repo):
    edit_english(repo, "A home page with a [link to the about page](about.md#who-we-are).", "A home page with a\n[link to the about page](about.md#who-we-are).   ")
    assert statuses(repo) == {lang: "current" for lang in TRANSLATED}


def test_acknowledge_minor_keeps_current_translations_current(repo, capsys):
    # French was already behind before the typo fix; it must stay outdated.
    fr = repo / "docs" / "fr" / "index.md"
    fr.write_text(fr.read_text(encoding="utf-8").replace("source_hash: ", "source_hash: 000000"), encoding="utf-8")
    commit_all(repo, "French points at an older English version")
    edit_english(repo, "Some text.", "Some text, with a typo fixed.")
    assert main(["--root", str(repo), "acknowledge-minor", "index.md"]) == 0
    out = capsys.readouterr().out
    assert "docs/ar/index.md: source_hash refreshed" in out
    assert "docs/fr/index.md: left outdated" in out
    assert statuses(repo) == {"ar": "current", "zh": "current", "fr": "outdated", "ru": "current", "es": "current"}


def test_deleted_translation_is_missing_and_readers_get_the_fallback(repo):
    assert main(["--root", str(repo), "new", "about.md", "--lang", "zh"]) == 0
    assert main(["--root", str(repo), "mark-current", "about.md", "--lang", "zh"]) == 0
    commit_all(repo, "Chinese about page")
    assert statuses(repo, "about.md")["zh"] == "current"
    (repo / "docs" / "zh" / "about.md").unlink()
    assert statuses(repo, "about.md")["zh"] == "missing"
    assert run_build(repo) == 0
    html = LexborHTMLParser((repo / "site" / "zh" / "about" / "index.html").read_text(encoding="utf-8"))
    assert html.css_first("aside.page-notice--fallback").text(strip=True) == "本页尚未翻译；您正在阅读英文版本。"
    assert html.css_first('div[lang="en"][dir="ltr"]') is not None


def test_removed_section_gives_a_parity_warning_naming_the_heading_id(repo):
    path = repo / "docs" / "ru" / "index.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("## ")], encoding="utf-8")
    project = load_project(repo)
    sources = read_sources(project)
    found = check_parity(project, coverage(project, sources), render_structures(project, sources, repo / ".cache"))
    warnings = [p for p in found if p.path == "docs/ru/index.md"]
    assert warnings and warnings[0].severity == "warning"
    assert "missing section(s) #first-section" in warnings[0].message


def test_threshold_breach_exits_3_and_names_the_pages(repo, capsys):
    configure(repo, extra={"project": {"translations": {"min_current": {"*": 0.5, "zh": 1.0}}}})
    assert run_build(repo) == 3
    out = capsys.readouterr().out
    assert "docs/zh/: coverage: 50% of pages are current, below the 100% required; translate or update: docs/zh/about.md (missing)" in out
    assert not (repo / "site").exists()
    report = json.loads((repo / "reports" / "coverage.json").read_text(encoding="utf-8"))
    assert report["languages"]["zh"]["share_current"] == 0.5


def test_required_page_missing_exits_3(repo, capsys):
    (repo / "docs" / "es" / "index.md").unlink()
    assert run_build(repo) == 3
    assert "docs/es/index.md: coverage: required in every language but missing" in capsys.readouterr().out


def test_orphan_translation_is_an_error(repo, capsys):
    (repo / "docs" / "fr" / "old-page.md").write_text("---\ntitle: Ancienne page\ndescription: Sans source anglaise.\n---\n\n# Ancienne page\n", encoding="utf-8")
    assert run_build(repo) == 1
    assert "docs/fr/old-page.md: orphan translation: there is no English page docs/en/old-page.md" in capsys.readouterr().out


def test_new_then_mark_current(repo, capsys):
    assert main(["--root", str(repo), "new", "about.md", "--lang", "ar"]) == 0
    created = (repo / "docs" / "ar" / "about.md").read_text(encoding="utf-8")
    assert "## Who we are { #who-we-are }" in created
    assert "<!-- English:\nA test fixture.\n-->" in created
    assert statuses(repo, "about.md")["ar"] == "untracked"
    assert main(["--root", str(repo), "mark-current", "about.md", "--lang", "ar"]) == 0
    assert statuses(repo, "about.md")["ar"] == "current"
    assert main(["--root", str(repo), "new", "about.md", "--lang", "ar"]) == 2
    assert "already exists" in capsys.readouterr().out


def test_status_names_what_this_change_made_outdated(repo, capsys):
    edit_english(repo, "Some text.", "Different text.")
    assert main(["--root", str(repo), "status", "--base", "HEAD"]) == 0
    out = capsys.readouterr().out
    assert "ar              0          1" in out
    assert "This change made these translations outdated:\n  docs/ar/index.md" in out


def test_diff_without_recorded_hash_explains_what_to_do(repo, capsys):
    path = repo / "docs" / "es" / "index.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("translation:")] + text[text.index("---", 4):], encoding="utf-8")
    assert main(["--root", str(repo), "diff", "index.md", "--lang", "es"]) == 2
    assert "records no translation.source_hash" in capsys.readouterr().out


def test_status_matrix_names_pages_by_their_title_in_the_readers_language(repo):
    assert run_build(repo) == 0
    def titles(prefix):
        html = LexborHTMLParser((repo / "site" / prefix / "translation-status" / "index.html").read_text(encoding="utf-8"))
        return [a.text() for a in html.css("table")[-1].css("td a")]
    assert titles("") == ["About the small site", "Small site"]
    # The Arabic reader sees the Arabic title where there is one, English otherwise.
    assert titles("ar/") == ["About the small site", "موقع صغير"]


def test_status_page_is_built_in_every_language(repo):
    assert run_build(repo) == 0
    for prefix in ["", "ar/", "zh/", "fr/", "ru/", "es/"]:
        html = LexborHTMLParser((repo / "site" / prefix / "translation-status" / "index.html").read_text(encoding="utf-8"))
        assert len(html.css("progress")) == len(TRANSLATED), prefix
        html = LexborHTMLParser((repo / "site" / prefix / "index.html").read_text(encoding="utf-8"))
        footer_link = [a for a in html.css(".md-copyright a") if "translation-status" in a.attributes.get("href", "")]
        assert footer_link, prefix
