"""Fixture sites: the repository's real configuration around a small docs tree."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from benchmarks.build_corpus import replace_min_current, replace_nav

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def make_site(destination: Path, docs: str = "small", git: bool = False) -> Path:
    """A buildable copy of the project with the fixture's docs/ in place of ours."""
    destination.mkdir(parents=True, exist_ok=True)
    # The fixture sites leave their status page untranslated on purpose, which
    # also exercises the `exclude` policy.
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    assert "exclude: []" in config
    config = config.replace("exclude: []", "exclude: [translation-status.md]")
    # The real thresholds and required pages protect the real content; a
    # fixture site keeps the simple policy the tests were written against.
    config = replace_min_current(config, 0.5)
    config, count = re.subn(r"\n      required_pages:\n(?:        - .*\n)+", "\n      required_pages: [index.md]\n", config, count=1)
    assert count == 1
    # The real nav lists the real pages; a fixture gets a nav of its own pages.
    english = sorted(p.relative_to(FIXTURES / "sites" / docs / "docs" / "en").as_posix() for p in (FIXTURES / "sites" / docs / "docs" / "en").rglob("*.md"))
    nav = "nav:\n" + "".join(f"  - {page}\n" for page in english if page != "translation-status.md")
    config = replace_nav(config, nav)
    (destination / "mkdocs.yml").write_text(config, encoding="utf-8")
    for folder in ("overrides", "i18n"):
        shutil.copytree(REPO / folder, destination / folder)
    (destination / "scripts").symlink_to(REPO / "scripts")
    shutil.copytree(FIXTURES / "sites" / docs / "docs", destination / "docs")
    shutil.copytree(REPO / "docs" / "assets", destination / "docs" / "assets")
    if git:
        commit_all(destination, "fixture site")
    return destination


def commit_all(root: Path, message: str) -> None:
    env = {"GIT_AUTHOR_DATE": "2026-11-01T12:00:00Z", "GIT_COMMITTER_DATE": "2026-11-01T12:00:00Z"}
    run = lambda *args: subprocess.run(["git", *args], cwd=root, check=True, capture_output=True, env={**_base_env(), **env})
    if not (root / ".git").exists():
        run("init", "-q", "-b", "main")
    run("add", "-A")
    run("-c", "user.name=Test", "-c", "user.email=test@example.invalid", "commit", "-q", "-m", message)


def _base_env():
    import os

    return dict(os.environ)


def tree_digest(root: Path) -> dict[str, bytes]:
    """Every file under root with its bytes, for byte-for-byte comparisons."""
    return {path.relative_to(root).as_posix(): path.read_bytes() for path in sorted(root.rglob("*")) if path.is_file()}


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium driven by Playwright (never a downloaded browser)."""
    from benchmarks.page_weight import CHROMIUM, CHROMIUM_ARGS

    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def site_copy(tmp_path):
    return make_site(tmp_path / "project")
