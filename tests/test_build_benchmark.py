"""The build benchmark's corpus generator: deterministic, and content the build accepts."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import build_corpus  # noqa: E402

from scripts.config import load_config  # noqa: E402
from scripts.problems import errors  # noqa: E402
from scripts.translations import coverage  # noqa: E402
from scripts.validate import validate  # noqa: E402
from conftest import tree_digest  # noqa: E402


def test_corpus_is_deterministic_and_valid(tmp_path):
    first = build_corpus.generate(tmp_path / "a", pages=12, seed=7)
    build_corpus.generate(tmp_path / "b", pages=12, seed=7)
    docs_a, docs_b = tree_digest(tmp_path / "a" / "docs"), tree_digest(tmp_path / "b" / "docs")
    assert docs_a == docs_b
    assert (tmp_path / "a" / "mkdocs.yml").read_bytes() == (tmp_path / "b" / "mkdocs.yml").read_bytes()
    assert build_corpus.generate(tmp_path / "c", pages=12, seed=8) and tree_digest(tmp_path / "c" / "docs") != docs_a

    config = load_config(tmp_path / "a")
    assert config.codes == build_corpus.LANGS
    assert errors(validate(config, today=dt.date(2026, 11, 25))) == []
    data = coverage(config)
    statuses = {entry.status for entry in data.entries}
    assert {"current", "outdated"} <= statuses and "orphan" not in statuses
    assert first["missing"] > 0 and not data.below_threshold
    english = (tmp_path / "a" / "docs" / "en" / "s00" / "p0003.md").read_text(encoding="utf-8")
    for part in ("last_reviewed:", '!!! abstract "Key points"', "{ #overview }", "|---|", "](../assets/images/", "[^src-0]:", "#"):
        assert part in english
    assert "sources:" in (tmp_path / "a" / "docs" / "en" / "index.md").read_text(encoding="utf-8")
    assert "type: briefing" in (tmp_path / "a" / "docs" / "en" / "briefings" / "b0.md").read_text(encoding="utf-8")
