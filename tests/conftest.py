"""Shared fixtures: fixture sites, the real site built once per session, Debian's Chromium."""

from __future__ import annotations

import os

import pytest

from tests.support.real_site import build_once
from tests.support.sites import REPO, make_site

# The reader tests' fixtures (the real site served as a host would, a browser page).
pytest_plugins = ["tests.support.reader"]

SNAPSHOT = pytest.StashKey[dict]()


WATCHED = ("reports", ".cache", "site")  # what a build writes into the repository by default


def _snapshot() -> dict[str, tuple]:
    found = {}
    for name in WATCHED:
        folder = REPO / name
        found[name] = tuple(sorted((p.relative_to(folder).as_posix(), p.stat().st_mtime_ns) for p in folder.rglob("*"))) if folder.exists() else None
    return found


def pytest_sessionstart(session):
    if not hasattr(session.config, "workerinput"):  # the controlling process only
        session.config.stash[SNAPSHOT] = _snapshot()


def pytest_sessionfinish(session, exitstatus):
    """The tests write only into temporary folders: reports/, .cache/ and site/ of the repository stay as they were."""
    before = session.config.stash.get(SNAPSHOT, None)
    if before is not None and _snapshot() != before:
        changed = [name for name, state in _snapshot().items() if state != before[name]]
        session.config.get_terminal_writer().line(f"ERROR: the tests wrote into the repository: {', '.join(changed)}/ changed", red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.fixture(scope="session")
def real_site(tmp_path_factory):
    """The repository's own site, built once for the whole session (every xdist worker shares it)."""
    base = tmp_path_factory.getbasetemp()
    # Under xdist each worker has its own folder inside the session's: share the session's.
    built = build_once(base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base)
    assert built.exit_code == 0, (built.reports / "build.md").read_text(encoding="utf-8")
    return built


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium driven by Playwright (never a downloaded browser)."""
    from tests.support.page_weight import CHROMIUM, CHROMIUM_ARGS

    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def site_copy(tmp_path):
    return make_site(tmp_path / "project")
