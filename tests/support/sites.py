"""Fixture sites: a small docs tree under a mkdocs.yml that INHERITs the repository's own.

Each fixture site is a folder of Markdown in tests/fixtures/sites/<name>/docs.
``make_site`` copies it (with the real stylesheets and notice strings) and
writes a short mkdocs.yml: ``INHERIT`` of the real configuration, plus the few
settings a fixture needs (its own nav, the simple translation policy the tests
were written against). Tests change settings with ``configure``, as data.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from functools import lru_cache
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures"
# The real thresholds and required pages protect the real content; a fixture
# site keeps a simple policy. Its status page stays untranslated on purpose,
# which also exercises the `exclude` policy.
FIXTURE_POLICY = {"translations": {"min_current": {"*": 0.5}, "required_pages": ["index.md"], "exclude": ["translation-status.md"]}}


@lru_cache(maxsize=1)
def repo_hooks() -> list[str]:
    """The repository's hook modules, as absolute paths (a fixture's config lives elsewhere)."""
    data = yaml.compose((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    hooks = next(value for key, value in data.value if key.value == "hooks")
    return [str(REPO / item.value) for item in hooks.value]


def make_site(destination: Path, docs: str = "small", git: bool = False) -> Path:
    """A buildable project: the fixture's docs/ under a mkdocs.yml that inherits ours."""
    destination.mkdir(parents=True, exist_ok=True)
    source = FIXTURES / "sites" / docs / "docs"
    shutil.copytree(source, destination / "docs")
    shutil.copytree(REPO / "docs" / "assets", destination / "docs" / "assets")
    shutil.copytree(REPO / "i18n", destination / "i18n")
    english = sorted(p.relative_to(source / "en").as_posix() for p in (source / "en").rglob("*.md"))
    write_config(destination, project_settings([page for page in english if page != "translation-status.md"], FIXTURE_POLICY["translations"]))
    if git:
        commit_all(destination, "fixture site")
    return destination


def project_settings(nav: list | None, translations: dict | None = None) -> dict:
    """Settings for a copy of the project elsewhere: the repository's theme overrides and hooks, its own nav and policy."""
    settings = {"theme": {"custom_dir": str(REPO / "overrides")}, "hooks": repo_hooks()}
    if nav is not None:
        settings["nav"] = nav
    if translations:
        settings["extra"] = {"project": {"translations": translations}}
    return settings


def write_config(project: Path, settings: dict, inherit: Path = REPO / "mkdocs.yml", name: str = "mkdocs.yml") -> None:
    text = f"# A copy of the site: the configuration it inherits, with these settings on top.\nINHERIT: {inherit}\n"
    (project / name).write_text(text + yaml.safe_dump(settings, allow_unicode=True, sort_keys=False), encoding="utf-8")


def configure(project: Path, **settings) -> None:
    """Change a fixture site's own settings (merged into what it has)."""
    path = project / "mkdocs.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    inherit = Path(data.pop("INHERIT"))
    write_config(project, _merge(data, settings), inherit)


def _merge(base: dict, extra: dict) -> dict:
    merged = dict(base)
    for key, value in extra.items():
        merged[key] = _merge(merged[key], value) if isinstance(value, dict) and isinstance(merged.get(key), dict) else value
    return merged


def commit_all(root: Path, message: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": "2026-11-01T12:00:00Z", "GIT_COMMITTER_DATE": "2026-11-01T12:00:00Z"}

    def run(*args):
        subprocess.run(["git", *args], cwd=root, check=True, capture_output=True, env=env)

    if not (root / ".git").exists():
        run("init", "-q", "-b", "main")
    run("add", "-A")
    run("-c", "user.name=Test", "-c", "user.email=test@example.invalid", "commit", "-q", "-m", message)


def tree_digest(root: Path) -> dict[str, bytes]:
    """Every file under root with its bytes, for byte-for-byte comparisons."""
    return {path.relative_to(root).as_posix(): path.read_bytes() for path in sorted(root.rglob("*")) if path.is_file()}
