"""Glossary definitions as tooltips on every page of the glossary's language.

The glossary of the page's language is appended as Python-Markdown ``abbr``
definitions, and Material shows them as tooltips: the snippets
``auto_append`` idea, per language, since one global file cannot give Arabic
pages Arabic definitions.
"""

from __future__ import annotations

from scripts.hooks.context import page_languages, site_context
from scripts.i18n.glossary import read_terms, tooltip_lines


def on_page_markdown(markdown, *, page, config, files):
    context = site_context(config)
    settings = context.project.policy.glossary
    if page.file.norm_src_uri == settings.page:
        return markdown  # the glossary itself: every term is already explained in place
    _, lang = page_languages(page)
    key = ("tooltips", lang)
    if key not in context.cache:
        glossary = context.sources.page(lang, settings.page)
        lines = tooltip_lines(read_terms(glossary), lang, frozenset(settings.single_word_tooltips), frozenset(settings.no_tooltip)) if glossary else []
        # One definition per block: Python-Markdown rescans a block of abbr
        # lines once per line, which made every page slow.
        context.cache[key] = "\n\n".join(lines)
    definitions = context.cache[key]
    return f"{markdown}\n\n{definitions}\n" if definitions else markdown
