"""The notice above a page a reader gets in English or in an outdated translation."""

from __future__ import annotations

from mkdocs.utils import get_relative_url

from scripts.hooks.context import site_context


def on_page_context(context, *, page, config, nav):
    site = site_context(config)
    project = site.project
    reading, written = context["i18n_page_locale"], context["i18n_file_locale"]
    context["page_notice"] = context["body_lang"] = None
    if written != reading:
        # static-i18n serves the English page in place of a missing translation.
        context["page_notice"] = {"kind": "fallback", "text": project.notice("fallback", reading)}
        context["body_lang"] = {"lang": written, "dir": "rtl" if project.language(written).rtl else "ltr"}
        return context
    entry = site.coverage.entry(page.file.norm_src_uri, reading) if reading != project.default else None
    if entry and entry.status == "outdated":
        english = project.paths.page_url(page.file.norm_src_uri, project.default)
        link = get_relative_url(english or ".", page.url)
        context["page_notice"] = {
            "kind": "outdated",
            # U+2066/U+2069 isolate the date, so an ISO date keeps its order in Arabic text.
            "text": project.notice("outdated", reading, date=f"\u2066{entry.translated or '?'}\u2069"),
            "link": {"url": link if link.endswith("/") else link + "/", "lang": project.default, "text": project.notice("read_english", reading)},
        }
    return context
