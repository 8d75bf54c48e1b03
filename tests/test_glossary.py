"""The glossary page becomes tooltips on every page of its language."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from scripts.core.config import load_project as load_config
from scripts.core.pages import page_from_text
from scripts.i18n.glossary import read_terms, tooltip_lines
from scripts.outputs.mkdocs_build import build_site
from tests.support.sites import configure

ENGLISH = """---
title: Glossary
description: Terms used on the site.
last_reviewed: 2026-11-01
---

# Glossary

## Large language model (LLM) { #large-language-model }

A large language model is an AI model trained on huge amounts of text to predict the next word.

More detail, with a [link](../index.md).

## Model { #model }

A model is what training produces.

## Deepfake { #deepfake }

A deepfake is a realistic fake video, image or recording of a real person.

## Learn more { #learn-more }

- [Home](../index.md)
"""

ARABIC = """---
title: مسرد المصطلحات
description: المصطلحات المستخدمة في الموقع.
translation:
  source_hash: 000000000000
  translated: 2026-11-01
---

# مسرد المصطلحات

## نموذج لغوي كبير (LLM) { #large-language-model }

النموذج اللغوي الكبير نموذج ذكاء اصطناعي دُرِّب على كميات هائلة من النصوص ليتنبأ بالكلمة التالية.

## نموذج { #model }

النموذج هو ما ينتج عن التدريب.

## تزييف عميق { #deepfake }

التزييف العميق مقطع فيديو أو صورة أو تسجيل مزيف واقعي لشخص حقيقي.

## لمزيد من المعرفة { #learn-more }

- [الصفحة الرئيسية](../index.md)
"""


def _terms(text, lang="en"):
    return read_terms(page_from_text(text, None, lang, "reference/glossary.md"))


def test_terms_are_read_with_abbreviation_definition_and_line():
    terms = _terms(ENGLISH)
    assert [(t.id, t.term, t.abbreviation, t.line) for t in terms] == [
        ("large-language-model", "Large language model", "LLM", 9),
        ("model", "Model", None, 15),
        ("deepfake", "Deepfake", None, 19),
    ]
    assert terms[0].definition == "A large language model is an AI model trained on huge amounts of text to predict the next word."


def test_common_single_words_get_no_tooltip_unless_listed():
    surfaces = [line.split("]")[0][2:] for line in tooltip_lines(_terms(ENGLISH), "en", single_words=frozenset({"deepfake"}))]
    assert surfaces == ["LLM", "Large language model", "large language model", "Large language models", "large language models", "Deepfake", "deepfake", "Deepfakes", "deepfakes"]


def test_pages_get_tooltips_in_their_own_language(site_copy):
    for lang, text in (("en", ENGLISH), ("ar", ARABIC)):
        (site_copy / "docs" / lang / "reference").mkdir()
        (site_copy / "docs" / lang / "reference/glossary.md").write_text(text, encoding="utf-8")
    with open(site_copy / "docs/en/about.md", "a", encoding="utf-8") as page:
        page.write("\nA large language model (LLM) is a model that can write a deepfake script.\n")
    with open(site_copy / "docs/ar/index.md", "a", encoding="utf-8") as page:
        page.write("\nيستطيع نموذج لغوي كبير (LLM) كتابة نص.\n")
    configure(site_copy, nav=["reference/glossary.md", "about.md", "index.md"])
    from scripts.i18n.translator import mark_current

    mark_current(load_config(site_copy), "reference/glossary.md", "ar")
    assert build_site(load_config(site_copy), site_copy / "site").ok

    def abbrs(page):
        tree = LexborHTMLParser((site_copy / "site" / page).read_text(encoding="utf-8"))
        return {node.text(): node.attributes["title"] for node in tree.css("article abbr")}

    english = abbrs("about/index.html")
    assert english["large language model"].startswith("A large language model is an AI model")
    assert english["LLM"] == english["large language model"]
    assert "model" not in english  # a common single word
    assert "deepfake" in english  # a single word listed in mkdocs.yml
    arabic = abbrs("ar/index.html")
    assert arabic["نموذج لغوي كبير"].startswith("النموذج اللغوي الكبير")
    assert arabic["LLM"] == arabic["نموذج لغوي كبير"]
    assert abbrs("reference/glossary/index.html") == {}  # the glossary explains its terms in place
