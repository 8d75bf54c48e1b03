"""Download buttons: a briefing's PDF, and on the briefings index every PDF and one ZIP per language.

Sizes are left as empty slots: the PDF stage of the build fills them once the
files exist (a plain ``mkdocs serve`` makes no PDFs).
"""

from __future__ import annotations

from mkdocs.utils import get_relative_url

from scripts.hooks.context import site_context
from scripts.outputs.briefings import find_briefings, pdf_file, zip_file


def on_page_context(context, *, page, config, nav):
    site = site_context(config)
    project, reading = site.project, context["i18n_page_locale"]
    context["pdf_download"] = context["briefing_downloads"] = None
    if "briefings" not in site.cache:
        site.cache["briefings"] = find_briefings(project, site.sources)
    briefings = site.cache["briefings"]
    rel = page.file.norm_src_uri
    briefing = next((b for b in briefings if b.rel == rel), None)
    if briefing:
        context["pdf_download"] = _download(project, briefing, reading, page.url)
    elif rel == project.policy.pdf.index_page and briefings:
        items = []
        for briefing in briefings:
            source = site.sources.page(reading, briefing.rel) or site.sources.page(project.default, briefing.rel)
            page_url = get_relative_url(project.paths.page_url(briefing.rel, reading), page.url)
            items.append({"title": source.meta.get("title"), "page": page_url} | _download(project, briefing, reading, page.url))
        archive = zip_file(project, reading)
        context["briefing_downloads"] = {
            "title": project.notice("downloads", reading),
            "items": items,
            "zip": {"url": get_relative_url(archive, page.url), "slot": archive, "text": project.notice("all_briefings_zip", reading)},
        }
    return context


def _download(project, briefing, reading: str, page_url: str) -> dict:
    """A briefing's PDF in the reader's language, or the English one with a note."""
    lang = reading if reading in briefing.languages else project.default
    path = pdf_file(project, briefing.rel, lang)
    text = project.notice("download_pdf" if lang == reading else "download_pdf_english", reading)
    return {"url": get_relative_url(path, page_url), "slot": path, "text": text, "hreflang": lang}
