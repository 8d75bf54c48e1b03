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


@pytest.fixture
def project(tmp_path):
    """A fixture site with a published site/ already in place (what a bad change must leave alone)."""
    root = make_site(tmp_path / "project")
    (root / "site").mkdir()
    (root / "site" / "index.html").write_text("<!doctype html><p>the site as published before this change</p>\n", encoding="utf-8")
    return root


def assert_refused(root, capsys, where: str, line: int | None, fragment: str) -> None:
    before = tree_digest(root / "site")
    assert run_build(root) == 1
    out = capsys.readouterr().out
    found = [row.strip() for row in out.splitlines() if row.strip().startswith(f"{where}:") and fragment in row]
    assert found, out[-3000:]
    if line is not None:
        assert found[0].startswith(f"{where}:{line}: "), found
    assert tree_digest(root / "site") == before
    assert not list(root.glob(".site-build-*"))


@pytest.mark.parametrize("fixture, where, line, fragment", FILES, ids=[case[0] for case in FILES])
def test_a_bad_file_is_refused(project, capsys, fixture, where, line, fragment):
    target = project / where
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(UNTRUSTED / fixture, target)
    assert_refused(project, capsys, where, line, fragment)


@pytest.mark.parametrize("fixture, line, fragment", PAGES, ids=[case[0] for case in PAGES])
def test_html_in_markdown_that_loads_or_opens_elsewhere_is_refused(project, capsys, fixture, line, fragment):
    shutil.copy(CONTENT / fixture, project / "docs" / "en" / fixture)
    assert_refused(project, capsys, f"docs/en/{fixture}", line, fragment)


@pytest.mark.parametrize("target", ["outside", "inside"])
def test_a_symbolic_link_is_refused_wherever_it_points(project, capsys, tmp_path, target):
    secret = tmp_path / "runner-home-key.txt"
    secret.write_text("-----BEGIN PRIVATE KEY-----\n", encoding="utf-8")
    pointee = secret if target == "outside" else project / "docs" / "en" / "about.md"
    (project / "docs" / "assets" / "notes.txt").symlink_to(pointee)
    assert_refused(project, capsys, "docs/assets/notes.txt", None, "is a symbolic link")


def test_a_linked_folder_is_refused_and_never_entered(project, capsys, tmp_path):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "secret.md").write_text("# secret\n", encoding="utf-8")
    os.symlink(outside, project / "docs" / "en" / "shared")
    assert_refused(project, capsys, "docs/en/shared", None, "is a symbolic link")


def test_a_file_over_the_size_limit_is_refused(project, capsys):
    big = project / "docs" / "assets" / "images" / "huge.png"
    big.parent.mkdir(parents=True, exist_ok=True)
    big.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 1_000_001)
    assert_refused(project, capsys, "docs/assets/images/huge.png", None, "over the limit of 1.0 MB per file")


def test_a_drawing_that_only_draws_is_accepted(project):
    from scripts.checks.svg import svg_problems

    assert svg_problems((UNTRUSTED / "svg-fine.svg").read_bytes()) == []
    (project / "docs" / "assets" / "images").mkdir(parents=True, exist_ok=True)
    shutil.copy(UNTRUSTED / "svg-fine.svg", project / "docs" / "assets" / "images" / "fine.svg")
    assert run_build(project) == 0
