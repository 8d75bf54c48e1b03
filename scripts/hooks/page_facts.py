"""Page facts (review date, legal status date, sources) in the reader's language.

A translation takes its facts from its English source, so a date is checked
once and shown in every language.
"""

from __future__ import annotations

from scripts.hooks.context import page_languages, site_context

# Page facts a translation takes from its English source.
INHERITED = ("last_reviewed", "status_as_of", "sources", "type", "version")
LABELS = ("last_reviewed", "status_as_of", "sources")


def on_page_markdown(markdown, *, page, config, files):
    context = site_context(config)
    _, written = page_languages(page)
    source = context.sources.page(context.project.default, page.file.norm_src_uri)
    if written != context.project.default and source is not None:
        for key in INHERITED:
            if key in source.meta and key not in page.meta:
                page.meta[key] = source.meta[key]
    return markdown


def on_page_context(context, *, page, config, nav):
    project = site_context(config).project
    context["page_labels"] = {key: project.notice(key, context["i18n_page_locale"]) for key in LABELS}
    return context
