"""The pull-request summary on a fixture change with real git history.

The fixture site ``translated-about`` has about.md translated into Arabic and
French. The change edits the English about.md (both translations become
outdated) and adds a link to a page that does not exist to the French home
page (a broken link the link check finds in the built HTML).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import FIXTURES, commit_all, make_site
from scripts.__main__ import main
from scripts.build import run_build
from scripts.config import load_config
from scripts.pr_summary import MARKER, links_markdown, pr_markdown, read_reports

EXPECTED = FIXTURES / "pr-summary"


def fixture_nav(root: Path, pages: list[str]) -> None:
    """Only the fixture's pages in nav: (the project's nav lists pages the fixture does not have)."""
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    nav = "nav:\n" + "".join(f"  - {page}\n" for page in pages)
    text, count = re.subn(r"^nav:\n(?:[ #].*\n|\n)*", nav, text, count=1, flags=re.M)
    assert count == 1
    config.write_text(text, encoding="utf-8")


def edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / "docs" / rel
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture(scope="module")
def changed(tmp_path_factory):
    project = make_site(tmp_path_factory.mktemp("pr") / "project", docs="translated-about")
    fixture_nav(project, ["index.md", "about.md"])
    commit_all(project, "base")
    edit(project, "en/about.md", "A test fixture.", "A test fixture, now explained in more detail.")
    edit(project, "fr/index.md", "Un peu de texte.", 'Un peu de texte et <a href="../nowhere/">un lien cassé</a>.')
    commit_all(project, "change")
    assert run_build(project) == 1  # the broken link
    return project


def test_summary_names_outdated_translations_broken_link_and_coverage(changed):
    config = load_config(changed)
    text = pr_markdown(config, read_reports(config, changed / "reports", base="HEAD~1"))
    assert text == (EXPECTED / "one-page-outdated-one-broken-link.md").read_text(encoding="utf-8")


def test_without_base_the_outdated_section_is_left_out(changed):
    config = load_config(changed)
    text = pr_markdown(config, read_reports(config, changed / "reports"))
    assert "made outdated" not in text
    assert text.startswith(MARKER + "\n## ❌ Site check: 1 problem\n")


def test_links_only_is_the_weekly_issue_body(changed):
    config = load_config(changed)
    text = links_markdown(read_reports(config, changed / "reports"))
    assert text.splitlines()[1] == "## ❌ Link check: 1 broken link, 0 warnings"
    assert "| `docs/fr/index.md:15` |" in text


def test_clean_build_is_all_good(tmp_path):
    project = make_site(tmp_path / "project", docs="translated-about")
    fixture_nav(project, ["index.md", "about.md"])
    commit_all(project, "base")
    assert run_build(project) == 0
    config = load_config(project)
    text = pr_markdown(config, read_reports(config, project / "reports", base="HEAD"))
    assert text.splitlines()[1] == "## ✅ Site check: all good"
    assert "### Translations made outdated by this change\n\nNone.\n" in text
    assert "### Broken links\n\nNone.\n" in text
    assert "### Other problems" not in text
    assert "## ✅ Link check: all links work" in links_markdown(read_reports(config, project / "reports"))


def test_command_writes_the_file(changed, tmp_path, capsys):
    out = tmp_path / "summary.md"
    assert main(["--root", str(changed), "pr-summary", "--base", "HEAD~1", "--output", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == (EXPECTED / "one-page-outdated-one-broken-link.md").read_text(encoding="utf-8")
    assert capsys.readouterr().out == ""


def test_missing_reports_is_a_usage_error_that_says_what_to_run(tmp_path, capsys):
    project = make_site(tmp_path / "project")
    assert main(["--root", str(project), "pr-summary"]) == 2
    out = capsys.readouterr().out
    assert "reports/build.json: not found; run the build first: python -m scripts build" in out
