"""Reading level: a plain page scores easier than a dense one, and the build reports it."""

from __future__ import annotations

import json

from scripts.checks.readability import plain_text, reading_levels
from scripts.core.config import load_project as load_config
from scripts.core.sources import read_sources
from scripts.pipeline import run_build

PLAIN = " ".join(["AI tools can help. They can also make mistakes. Check what they say."] * 12)
DENSE = " ".join(["Notwithstanding considerable methodological heterogeneity, institutional deployment of algorithmic decision-making infrastructure necessitates comprehensive accountability mechanisms."] * 12)


def _page(title, body):
    return f"---\ntitle: {title}\ndescription: A page.\nlast_reviewed: 2026-11-01\n---\n\n# {title}\n\n{body}\n"


def test_plain_text_leaves_out_markup_code_and_link_targets():
    text = plain_text("Read [the law](https://example.org/law) now.\n\n```\ncode here\n```\n\n| a | b |\n|---|---|\n\n[^n]: [Source](https://example.org), 2024.\n")
    assert "example.org" not in text and "code here" not in text and "Source" not in text
    assert "Read the law now." in text


def test_plain_pages_score_easier_and_the_build_reports_them(site_copy):
    (site_copy / "docs/en/plain.md").write_text(_page("Plain", PLAIN), encoding="utf-8")
    (site_copy / "docs/en/dense.md").write_text(_page("Dense", DENSE), encoding="utf-8")
    project = load_config(site_copy)
    levels = {level.page: level for level in reading_levels(project, read_sources(project))}
    assert levels["docs/en/plain.md"].flesch > 70 > levels["docs/en/dense.md"].flesch
    assert levels["docs/en/plain.md"].grade < levels["docs/en/dense.md"].grade

    run_build(site_copy)  # the two pages are not in nav, so the build fails; the report is written anyway
    report = json.loads((site_copy / "reports/reading-level.json").read_text(encoding="utf-8"))
    assert {page["page"] for page in report["pages"]} >= {"docs/en/plain.md", "docs/en/dense.md"}
    assert "| docs/en/dense.md |" in (site_copy / "reports/reading-level.md").read_text(encoding="utf-8")
