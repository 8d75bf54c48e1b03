"""Every file a pull request can add is untrusted: one bad file of each kind fails the build, names itself, and publishes nothing."""

from __future__ import annotations

import os
import shutil

import pytest

from scripts.pipeline import run_build
from tests.support.sites import FIXTURES, make_site, tree_digest

UNTRUSTED = FIXTURES / "untrusted"
CONTENT = FIXTURES / "content"

FILES = [
    # (fixture, where it goes, line, fragment of the message)
    ("svg-script.svg", "docs/assets/images/x.svg", 4, "contains <script>"),
    ("svg-event-handler.svg", "docs/assets/images/x.svg", 3, 'event handler attribute "onload"'),
    ("svg-foreign-object.svg", "docs/assets/images/x.svg", 3, "contains <foreignObject>"),
    ("svg-javascript-href.svg", "docs/assets/images/x.svg", 3, 'xlink:href="javascript:alert(1)"> refers to another document'),
    ("svg-data-href.svg", "docs/en/assets/images/x.svg", 4, 'href="data:text/html;base64,'),
    ("svg-external-href.svg", "overrides/assets/x.svg", 3, 'href="https://example.com/sprite.svg#icon"> refers to another document'),
    ("svg-external-stylesheet.svg", "docs/assets/images/x.svg", 2, "links a stylesheet (<?xml-stylesheet?>)"),
    ("svg-external-font.svg", "docs/assets/images/x.svg", 4, 'loads "https://fonts.example.com/brand.woff2" from outside the site'),
    ("svg-entity-expansion.svg", "docs/assets/images/x.svg", None, "declares XML entities"),
    ("html-named-png.png", "docs/assets/images/chart.png", None, "does not contain a PNG file, whatever its name says"),
    ("program.exe", "docs/assets/program.exe", None, "this type of file is not allowed in docs/"),
    ("broken-terms.yml", "i18n/terms/xx.yml", 2, "is not valid YAML"),
]

PAGES = [
    ("target-blank-without-noopener.md", 9, 'add rel="noopener"'),
    ("video-from-another-host.md", 9, '<video src="https://videos.example.com/explainer.mp4"> is loaded from another host'),
    ("audio-from-another-host.md", 9, '<audio src="https://audio.example.com/episode.mp3"> is loaded from another host'),
    ("source-from-another-host.md", 9, '<source srcset="https://img.example.com/chart.webp"> is loaded from another host'),
    ("track-from-another-host.md", 9, '<track src="//captions.example.com/en.vtt"> is loaded from another host'),
    ("image-from-another-host.md", 9, "is loaded from another host"),
    ("inline-style.md", 9, "is blocked by the site's Content-Security-Policy"),
]


def published(root):
    """A published site/ already in place: what a bad change must leave alone."""
    (root / "site").mkdir()
    (root / "site" / "index.html").write_text("<!doctype html><p>the site as published before this change</p>\n", encoding="utf-8")


@pytest.fixture(scope="module")
def refused(tmp_path_factory):
    """One project with one bad file of every kind, built once: (exit code, output, site/ before, site/ after)."""
    import contextlib
    import io

    root = make_site(tmp_path_factory.mktemp("untrusted") / "project")
    published(root)
    for fixture, where, _, _ in FILES:
        target = root / where
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(UNTRUSTED / fixture, root / where.replace("/x.svg", f"/{fixture}") if where.endswith("/x.svg") else target)
    for fixture, _, _ in PAGES:
        shutil.copy(CONTENT / fixture, root / "docs" / "en" / fixture)
    secret = root.parent / "runner-home-key.txt"
    secret.write_text("-----BEGIN PRIVATE KEY-----\n", encoding="utf-8")
    (root / "docs" / "assets" / "outside.txt").symlink_to(secret)
    (root / "docs" / "assets" / "inside.txt").symlink_to(root / "docs" / "en" / "about.md")
    (root.parent / "elsewhere").mkdir()
    (root.parent / "elsewhere" / "secret.md").write_text("# secret\n", encoding="utf-8")
    os.symlink(root.parent / "elsewhere", root / "docs" / "en" / "shared")
    big = root / "docs" / "assets" / "images" / "huge.png"
    big.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 1_000_001)
    before = tree_digest(root / "site")
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        code = run_build(root)
    return code, output.getvalue(), before, tree_digest(root / "site"), root


def assert_refused(refused, where: str, line: int | None, fragment: str) -> None:
    code, out, before, after, root = refused
    assert code == 1
    found = [row.strip() for row in out.splitlines() if row.strip().startswith(f"{where}:") and fragment in row]
    assert found, out[-3000:]
    if line is not None:
        assert found[0].startswith(f"{where}:{line}: "), found
    assert after == before  # site/ as it was
    assert not list(root.parent.glob(".site-build-*")) and not list(root.glob(".site-build-*"))


def placed(fixture: str, where: str) -> str:
    return where.replace("/x.svg", f"/{fixture}") if where.endswith("/x.svg") else where


@pytest.mark.parametrize("fixture, where, line, fragment", FILES, ids=[case[0] for case in FILES])
def test_a_bad_file_is_refused(refused, fixture, where, line, fragment):
    assert_refused(refused, placed(fixture, where), line, fragment)


@pytest.mark.parametrize("fixture, line, fragment", PAGES, ids=[case[0] for case in PAGES])
def test_html_in_markdown_that_loads_or_opens_elsewhere_is_refused(refused, fixture, line, fragment):
    assert_refused(refused, f"docs/en/{fixture}", line, fragment)


@pytest.mark.parametrize("link", ["outside.txt", "inside.txt"])
def test_a_symbolic_link_is_refused_wherever_it_points(refused, link):
    assert_refused(refused, f"docs/assets/{link}", None, "is a symbolic link")


def test_a_linked_folder_is_refused_and_never_entered(refused):
    assert_refused(refused, "docs/en/shared", None, "is a symbolic link")
    assert "secret.md" not in refused[1]


def test_a_file_over_the_size_limit_is_refused(refused):
    assert_refused(refused, "docs/assets/images/huge.png", None, "over the limit of 1.0 MB per file")


def test_a_drawing_that_only_draws_is_accepted(tmp_path):
    from scripts.checks.svg import svg_problems

    assert svg_problems((UNTRUSTED / "svg-fine.svg").read_bytes()) == []
    project = make_site(tmp_path / "project")
    (project / "docs" / "assets" / "images").mkdir(parents=True, exist_ok=True)
    shutil.copy(UNTRUSTED / "svg-fine.svg", project / "docs" / "assets" / "images" / "fine.svg")
    assert run_build(project) == 0
