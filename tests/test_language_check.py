"""A translation must be in its language: script share, or distance from the English."""

from __future__ import annotations

import datetime as dt

from conftest import REPO
from scripts.config import load_config
from scripts.language_check import untranslated_reason
from scripts.pages import read_page
from scripts.validate import validate

TODAY = dt.date(2026, 11, 25)
RECORD = "translation:\n  source_hash: 000000000000\n  translated: 2026-11-01\n"


def _english_copy_as(site, lang):
    """The English about page saved, untranslated, as a translation."""
    english = (site / "docs/en/about.md").read_text(encoding="utf-8")
    body = english.split("---", 2)[2]
    (site / "docs" / lang / "about.md").write_text(f"---\ntitle: Copie\ndescription: Copie.\n{RECORD}---{body}", encoding="utf-8")
    return f"docs/{lang}/about.md"


def _messages(site, where):
    return [p.message for p in validate(load_config(site), today=TODAY) if p.path == where]


def test_english_text_under_a_latin_script_language_is_caught(site_copy):
    where = _english_copy_as(site_copy, "fr")
    assert any("this does not look translated" in m and "matches the English page" in m for m in _messages(site_copy, where))


def test_english_text_under_arabic_is_caught_by_script(site_copy):
    where = _english_copy_as(site_copy, "ar")
    assert any("are in Arabic script" in m for m in _messages(site_copy, where))


def test_an_english_block_left_by_the_new_command_is_caught(site_copy):
    from scripts.translator import new_translation

    path = new_translation(load_config(site_copy), "about.md", "ru")
    messages = _messages(site_copy, path.relative_to(site_copy).as_posix())
    assert any("an English block from `python -m scripts new` is still in the file" in m for m in messages), messages


def test_real_translations_of_the_site_pass():
    config = load_config(REPO)
    checked = 0
    for lang in config.codes[1:]:
        for path in sorted((config.docs_dir / lang).rglob("*.md")):
            translation = read_page(path, config.docs_dir)
            english = config.docs_dir / "en" / translation.rel
            if english.is_file() and "<!-- English:" not in translation.body:
                assert untranslated_reason(read_page(english, config.docs_dir), translation, config) is None, path
                checked += 1
    assert checked >= 15
