"""A translation must be in its language: script share, or distance from the English."""

from __future__ import annotations

import datetime as dt

from scripts.checks.content import validate
from scripts.checks.language import untranslated_reason
from scripts.core.config import load_project as load_config
from scripts.core.sources import read_sources
from tests.support.sites import REPO

TODAY = dt.date(2026, 11, 25)
RECORD = "translation:\n  source_hash: 000000000000\n  translated: 2026-11-01\n"


def _english_copy_as(site, lang):
    """The English about page saved, untranslated, as a translation."""
    english = (site / "docs/en/about.md").read_text(encoding="utf-8")
    body = english.split("---", 2)[2]
    (site / "docs" / lang / "about.md").write_text(f"---\ntitle: Copie\ndescription: Copie.\n{RECORD}---{body}", encoding="utf-8")
    return f"docs/{lang}/about.md"


def _messages(site, where):
    project = load_config(site)
    return [p.message for p in validate(project, read_sources(project), today=TODAY) if p.path == where]


def test_english_text_under_a_latin_script_language_is_caught(site_copy):
    where = _english_copy_as(site_copy, "fr")
    assert any("this does not look translated" in m and "matches the English page" in m for m in _messages(site_copy, where))


def test_english_text_under_arabic_is_caught_by_script(site_copy):
    where = _english_copy_as(site_copy, "ar")
    assert any("are in Arabic script" in m for m in _messages(site_copy, where))


def test_an_english_block_left_by_the_new_command_is_caught(site_copy):
    from scripts.i18n.translator import new_translation

    path = new_translation(load_config(site_copy), "about.md", "ru")
    messages = _messages(site_copy, path.relative_to(site_copy).as_posix())
    assert any("an English block from `python -m scripts new` is still in the file" in m for m in messages), messages


def test_real_translations_of_the_site_pass():
    config = load_config(REPO)
    sources = read_sources(config)
    checked = 0
    for lang in config.codes[1:]:
        for translation in sources.of(lang).values():
            english = sources.page("en", translation.rel)
            if english and "<!-- English:" not in translation.body:
                assert untranslated_reason(english, translation, config) is None, translation.path
                checked += 1
    assert checked >= 15
