"""The pre-commit hook checks the Markdown files a commit changes, and only those."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.sites import REPO, commit_all, make_site

PRE_COMMIT = Path(sys.executable).parent / "pre-commit"


def run_hooks(root: Path, home: Path, *files: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home)}
    return subprocess.run([str(PRE_COMMIT), "run", "--files", *files], cwd=root, capture_output=True, text=True, env=env)


@pytest.mark.slow
def test_hook_rejects_a_changed_page_with_file_line_and_fix(tmp_path):
    project = make_site(tmp_path / "project")
    shutil.copy(REPO / ".pre-commit-config.yaml", project)
    (project / ".venv").symlink_to(Path(sys.executable).parent.parent)
    commit_all(project, "fixture site")
    (project / "docs" / "en" / "new.md").write_text("---\ntitle: New\ndescription: A new page.\nlast_reviewed: 2026-11-01\n---\n\n## No id\n", encoding="utf-8")
    result = run_hooks(project, tmp_path / "cache", "docs/en/new.md", "docs/en/index.md")
    assert result.returncode == 1, result.stdout
    assert "docs/en/new.md:7: heading has no explicit id; end it with { #no-id }" in result.stdout
    assert "docs/en/index.md:" not in result.stdout

    (project / "docs" / "en" / "new.md").write_text("---\ntitle: New\ndescription: A new page.\nlast_reviewed: 2026-11-01\n---\n\n## An id { #an-id }\n", encoding="utf-8")
    result = run_hooks(project, tmp_path / "cache", "docs/en/new.md")
    assert result.returncode == 0, result.stdout
    assert "Check changed pages" in result.stdout and "Passed" in result.stdout
