"""The pull-request summary on a fixture change with real git history.

The fixture site ``translated-about`` has about.md translated into Arabic and
French. The change edits the English about.md (both translations become
outdated) and adds a link to a page that does not exist to the French home
page (a broken link the link check finds in the built HTML).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.__main__ import main
from scripts.core.config import load_project as load_config
from scripts.pipeline import run_build
from scripts.reporting.pr_summary import MARKER, links_markdown, pr_markdown, read_reports
from tests.support.real_site import build_once
from tests.support.sites import FIXTURES, REPO, commit_all, make_site

EXPECTED = FIXTURES / "pr-summary"


def edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / "docs" / rel
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture(scope="module")
def changed(tmp_path_factory):
    project = make_site(tmp_path_factory.mktemp("pr") / "project", docs="translated-about")
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


# -- the pull-request workflow, step by step ------------------------------------------

def workflow_steps() -> list[dict]:
    import yaml

    data = yaml.safe_load((REPO / ".github" / "workflows" / "pr.yml").read_text(encoding="utf-8"))
    return [step for step in data["jobs"]["check"]["steps"] if "run" in step]


@pytest.mark.slow
def test_pull_request_workflow_summary_lists_what_the_change_made_outdated(tmp_path, monkeypatch):
    """make site (with the base branch) → make test → pr-summary: the tests must not replace the build's reports."""
    steps = [step["run"].strip() for step in workflow_steps()]
    build, tests = steps.index("make site"), steps.index("make test")
    summary = next(index for index, run in enumerate(steps) if "-m scripts pr-summary --base" in run)
    assert build < tests < summary
    assert workflow_steps()[build]["env"]["COVERAGE_BASE"].startswith("origin/")

    project = make_site(tmp_path / "project", docs="translated-about")
    commit_all(project, "base")
    edit(project, "en/about.md", "A test fixture.", "A test fixture, now explained in more detail.")
    commit_all(project, "change")
    # make site, with the step's environment: the base branch is the commit before the change.
    monkeypatch.setenv("COVERAGE_BASE", "HEAD~1")
    assert main(["--root", str(project), "build"]) == 0
    monkeypatch.delenv("COVERAGE_BASE")
    # make test: the test suite builds the project too, into folders of its own.
    assert build_once(tmp_path / "test-session", project).exit_code == 0
    # The summary step reads what `make site` wrote.
    out = tmp_path / "pr-summary.md"
    assert main(["--root", str(project), "pr-summary", "--base", "HEAD~1", "--output", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "### Translations made outdated by this change" in text and "| `docs/en/about.md` | ar, fr |" in text
    assert "- `docs/ar/about.md` — English `docs/en/about.md` changed" in (project / "reports" / "translations.md").read_text(encoding="utf-8")
