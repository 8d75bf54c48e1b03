"""The footer's links, in the reader's language: translation status and how to report an error."""

from __future__ import annotations

from mkdocs.utils import get_relative_url

from scripts.hooks.context import site_context


def on_page_context(context, *, page, config, nav):
    project = site_context(config).project
    reading = context["i18n_page_locale"]
    context["status_page_url"] = get_relative_url(project.paths.page_url(project.policy.translations.status_page, reading), page.url)
    context["status_page_label"] = project.notice("translation_status", reading)
    tracker = project.policy.issue_tracker
    context["report_error"] = {"url": tracker, "text": project.notice("report_error", reading)} if tracker else None
    return context
