"""The build benchmark's corpus generator: deterministic, and content the build accepts."""

from __future__ import annotations

import datetime as dt

from benchmarks import build_corpus
from scripts.checks.content import validate
from scripts.core.config import load_project
from scripts.core.problems import errors
from scripts.core.sources import read_sources
from scripts.i18n.coverage import coverage
from tests.support.sites import tree_digest


def test_corpus_is_deterministic_and_valid(tmp_path):
    first = build_corpus.generate(tmp_path / "a", pages=12, seed=7)
    build_corpus.generate(tmp_path / "b", pages=12, seed=7)
    docs_a, docs_b = tree_digest(tmp_path / "a" / "docs"), tree_digest(tmp_path / "b" / "docs")
    assert docs_a == docs_b
    assert (tmp_path / "a" / "mkdocs.yml").read_bytes() == (tmp_path / "b" / "mkdocs.yml").read_bytes()
    assert build_corpus.generate(tmp_path / "c", pages=12, seed=8) and tree_digest(tmp_path / "c" / "docs") != docs_a

    config = load_project(tmp_path / "a")
    sources = read_sources(config)
    assert config.codes == build_corpus.LANGS
    assert errors(validate(config, sources, today=dt.date(2026, 11, 25))) == []
    data = coverage(config, sources)
    statuses = {entry.status for entry in data.entries}
    assert {"current", "outdated"} <= statuses and "orphan" not in statuses
    assert first["missing"] > 0 and not data.below_threshold
    english = (tmp_path / "a" / "docs" / "en" / "s00" / "p0003.md").read_text(encoding="utf-8")
    for part in ("last_reviewed:", '!!! abstract "Key points"', "{ #overview }", "|---|", "](../assets/images/", "[^src-0]:", "#"):
        assert part in english
    assert "sources:" in (tmp_path / "a" / "docs" / "en" / "index.md").read_text(encoding="utf-8")
    assert "type: briefing" in (tmp_path / "a" / "docs" / "en" / "briefings" / "b0.md").read_text(encoding="utf-8")
