"""Content validation: one fixture file per fault, each with its path:line."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from scripts.__main__ import main
from scripts.checks.content import validate as validate_tree
from scripts.core.config import load_project
from scripts.core.sources import read_sources
from tests.support.sites import FIXTURES

TODAY = dt.date(2026, 11, 25)


def validate(site, today=TODAY):
    project = load_project(site)
    return validate_tree(project, read_sources(project), today)

CASES = [
    # (fixture, line, fragment of the message)
    ("bad-yaml.md", 4, "front matter is not valid YAML"),
    ("missing-title.md", 1, 'front matter lacks "title"'),
    ("date-not-iso.md", 4, '"last_reviewed" must be a date written YYYY-MM-DD'),
    ("future-review-date.md", 4, "a date in the future"),
    ("source-without-url.md", 6, 'source 1 lacks "url"'),
    ("heading-without-id.md", 9, "heading has no explicit id; end it with { #why-it-matters }"),
    ("duplicate-heading-id.md", 11, 'id "same" is used twice on this page (first on line 9)'),
    ("script-tag.md", 11, "raw <script> is not allowed"),
    ("iframe-tag.md", 9, "raw <iframe> is not allowed"),
    ("object-tag.md", 9, "raw <object> is not allowed"),
    ("style-tag.md", 9, "raw <style> is not allowed"),
    ("event-handler-attribute.md", 9, 'event handler attribute "onclick"'),
    ("javascript-url.md", 9, 'link to "javascript:" URL is not allowed'),
    ("missing-image.md", 9, 'image "images/missing-chart.png" does not exist'),
    ("image-without-alt.md", 9, "has no alt text"),
    ("image-from-another-host.md", 9, "is loaded from another host"),
    ("setext-heading.md", 10, "underlined (setext) heading"),
    ("not-utf8.md", 2, "not valid UTF-8"),
    ("no-front-matter.md", 1, "no front matter"),
    ("translation-record-in-english-page.md", 5, '"translation" belongs in translations only'),
    ("bare-url-in-text.md", 9, "web address written out in the text (https://eur-lex.europa.eu/eli/reg/2024/1689/oj)"),
    ("briefing-without-version.md", 1, 'front matter lacks "version"'),
    ("briefing-without-version.md", 1, 'front matter lacks "status_as_of"'),
]


def _with_page(site, fixture, lang="en"):
    shutil.copy(FIXTURES / "content" / fixture, site / "docs" / lang / fixture)
    return f"docs/{lang}/{fixture}"


@pytest.mark.parametrize("fixture, line, fragment", CASES, ids=[case[0] for case in CASES])
def test_each_fault_is_reported_with_file_and_line(site_copy, fixture, line, fragment):
    where = _with_page(site_copy, fixture)
    problems = validate(site_copy)
    mine = [p for p in problems if p.path == where]
    assert any(p.line == line and fragment in p.message for p in mine), [str(p) for p in mine]
    assert str(mine[0]).startswith(f"{where}:")


def test_valid_site_has_no_problems(site_copy):
    assert validate(site_copy) == []


def test_code_examples_are_not_content(site_copy):
    where = _with_page(site_copy, "code-examples-are-fine.md")
    assert [p for p in validate(site_copy) if p.path == where] == []


def test_all_problems_are_reported_not_only_the_first(site_copy):
    for fixture in ("script-tag.md", "missing-image.md", "heading-without-id.md"):
        _with_page(site_copy, fixture)
    paths = {p.path for p in validate(site_copy)}
    assert {"docs/en/script-tag.md", "docs/en/missing-image.md", "docs/en/heading-without-id.md"} <= paths


def test_translation_needs_no_review_date_but_keeps_heading_rules(site_copy):
    (site_copy / "docs" / "fr" / "about.md").write_text(
        "---\ntitle: À propos\ndescription: Une page traduite.\n---\n\n# À propos\n\n## Qui nous sommes\n", encoding="utf-8"
    )
    problems = validate(site_copy)
    assert [(p.path, p.line) for p in problems] == [("docs/fr/about.md", 8)]


def test_undeclared_language_folder(site_copy):
    (site_copy / "docs" / "de").mkdir()
    (site_copy / "docs" / "de" / "index.md").write_text("# Hallo\n", encoding="utf-8")
    problems = validate(site_copy)
    assert any(p.path == "docs/de/" and 'language folder "de" is not declared in mkdocs.yml' in p.message for p in problems)


def test_image_falls_back_to_the_english_copy(site_copy):
    (site_copy / "docs" / "en" / "chart.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (site_copy / "docs" / "ar" / "index.md").write_text(
        "---\ntitle: صفحة\ndescription: وصف.\n---\n\n# صفحة\n\n![رسم بياني](chart.png)\n", encoding="utf-8"
    )
    assert validate(site_copy) == []


def test_missing_notice_translation_is_reported(site_copy):
    notices = site_copy / "i18n" / "notices.yml"
    notices.write_text(notices.read_text(encoding="utf-8").replace("  ru: Эта страница ещё не переведена; вы читаете английскую версию.\n", ""), encoding="utf-8")
    problems = validate(site_copy)
    assert any(p.path == "i18n/notices.yml" and 'notice "fallback" has no text for ru' in p.message for p in problems)


def test_command_line_exit_code_and_output(site_copy, capsys):
    _with_page(site_copy, "script-tag.md")
    assert main(["--root", str(site_copy), "validate"]) == 1
    out = capsys.readouterr().out
    assert "docs/en/script-tag.md:11: raw <script> is not allowed" in out
    assert "Traceback" not in out


def test_broken_mkdocs_yml_is_a_usage_error(site_copy, capsys):
    (site_copy / "mkdocs.yml").write_text("plugins: [\n", encoding="utf-8")
    assert main(["--root", str(site_copy), "validate"]) == 2
    assert "mkdocs.yml" in capsys.readouterr().out


def test_translation_record_is_checked(site_copy):
    page = site_copy / "docs" / "es" / "index.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("source_hash: ", "source_hash: x"), encoding="utf-8")
    problems = validate(site_copy)
    assert [(p.path, p.line) for p in problems] == [("docs/es/index.md", 4)]
    assert "must be the 12-character hash of the English page" in problems[0].message


def test_notice_placeholders_must_match_english(site_copy):
    notices = site_copy / "i18n" / "notices.yml"
    text = notices.read_text(encoding="utf-8")
    notices.write_text(text.replace("منذ إعداد هذه الترجمة ({date})", "منذ إعداد هذه الترجمة ({data})"), encoding="utf-8")
    problems = validate(site_copy)
    assert [str(p) for p in problems] == ['i18n/notices.yml: notice "outdated" (ar) must use the placeholders {date} exactly as in English (found {data})']


def test_bare_urls_only_in_running_text(site_copy):
    where = _with_page(site_copy, "bare-url-in-text.md")
    problems = [p for p in validate(site_copy) if p.path == where]
    assert [p.line for p in problems] == [9]  # the link and the footnote are fine


def test_rules_pages_need_sources_and_legal_status_date(site_copy):
    (site_copy / "docs/en/rules").mkdir()
    page = site_copy / "docs/en/rules/law.md"
    page.write_text("---\ntitle: A law\ndescription: About a law.\nlast_reviewed: 2026-11-01\n---\n\n# A law\n\nText.\n", encoding="utf-8")
    messages = [p.message for p in validate(site_copy) if p.path == "docs/en/rules/law.md"]
    assert any('lacks "sources"' in m for m in messages) and any('lacks "status_as_of"' in m for m in messages), messages
    assert any('lacks "review_by"' in m for m in messages), messages


def test_review_by_must_be_a_date(site_copy):
    page = site_copy / "docs/en/about.md"
    page.write_text(page.read_text(encoding="utf-8").replace("last_reviewed:", "review_by: next spring\nlast_reviewed:", 1), encoding="utf-8")
    problems = [p for p in validate(site_copy) if p.path == "docs/en/about.md"]
    assert [(p.line, p.message) for p in problems] == [(4, '"review_by" must be a date written YYYY-MM-DD (got \'next spring\')')]


GLOSSARY = """---
title: Glossary
description: Terms.
last_reviewed: 2026-11-01
---

# Glossary

## Model { #model }

A model is what training produces.

## Open weights { #open-weights }

See [what open means](../about.md) for weights you can download.
"""


def test_links_into_the_glossary_must_name_a_defined_term(site_copy):
    (site_copy / "docs/en/reference").mkdir()
    (site_copy / "docs/en/reference/glossary.md").write_text(GLOSSARY, encoding="utf-8")
    where = _with_page(site_copy, "unknown-glossary-term.md")
    problems = [p for p in validate(site_copy) if p.path == where]
    assert [(p.line, p.message.split(";")[0]) for p in problems] == [(11, '"quantum-widget" is not a term in the glossary')]


def test_a_glossary_definition_must_be_one_plain_sentence(site_copy):
    (site_copy / "docs/en/reference").mkdir()
    (site_copy / "docs/en/reference/glossary.md").write_text(GLOSSARY, encoding="utf-8")
    problems = [p for p in validate(site_copy) if p.path == "docs/en/reference/glossary.md"]
    assert [(p.line, p.message.split(";")[0]) for p in problems] == [(13, 'glossary term "Open weights" first paragraph has links or formatting')]


@pytest.mark.parametrize("settings, key, message", [
    ({"pdf": {"page_limit": "two"}}, "page_limit", "extra.project.pdf.page_limit: Expected type: <class 'int'>"),
    ({"translations": {"min_current": {"*": 1.5}}}, "min_current", "extra.project.translations.min_current: must be a share between 0 and 1"),
    ({"translations": {"min_current": {"de": 0.5}}}, "de", 'extra.project.translations.min_current: "de" is not a language'),
    ({"pdf": {"page_limt": 2}}, "page_limt", "extra.project.pdf.page_limt: unknown setting"),
])
def test_a_bad_policy_value_is_reported_against_mkdocs_yml(site_copy, capsys, settings, key, message):
    """Validated once, by the policy schema, with the line of the setting in mkdocs.yml."""
    from tests.support.sites import configure

    configure(site_copy, extra={"project": settings})
    assert main(["--root", str(site_copy), "validate"]) == 2
    out = capsys.readouterr().out
    lines = (site_copy / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    line = next(number for number, text in enumerate(lines, 1) if text.strip().startswith(f"{key}:"))
    assert f"error: mkdocs.yml:{line}: {message}" in out, out
    assert "Traceback" not in out and "KeyError" not in out
