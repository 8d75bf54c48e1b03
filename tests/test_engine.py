"""The engine kept swappable: ProperDocs builds the same site as MkDocs, apart from the generator tag."""

from __future__ import annotations

import pytest

from tests.support.engines import compare, differences
from tests.support.sites import make_site

pytestmark = pytest.mark.slow


def test_properdocs_builds_the_same_pages_as_mkdocs(tmp_path):
    project = make_site(tmp_path / "project", "briefings")
    assert compare(project) == []


def test_a_real_difference_is_reported(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    for folder, text in ((first, b"<p>one</p>"), (second, b"<p>two</p>")):
        folder.mkdir()
        (folder / "index.html").write_bytes(b'<meta name="generator" content="x">' + text)
        (folder / "same.html").write_bytes(b'<meta name="generator" content="' + folder.name.encode() + b'">')
    (first / "extra.txt").write_text("only here")
    assert differences(first, second) == ["only in one build: extra.txt", "differs: index.html"]
