"""The Translation status page: its markers become the progress table and the page × language matrix."""

from __future__ import annotations

from scripts.hooks.context import site_context
from scripts.i18n.status_page import render_marker


def on_page_markdown(markdown, *, page, config, files):
    context = site_context(config)
    if page.file.norm_src_uri != context.project.policy.translations.status_page:
        return markdown
    return render_marker(markdown, context.coverage, context.project, page.file.locale_alternate_of)
