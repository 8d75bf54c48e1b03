"""MkDocs hook (``hooks:`` in mkdocs.yml): notices and page facts for readers.

Runs in every build — the full build command and a plain ``mkdocs serve`` — so
both show the same notices. Each function handles one MkDocs event.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

# MkDocs imports this file by path; make the `scripts` package importable for
# `mkdocs serve` run from any directory.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mkdocs import plugins  # noqa: E402
from mkdocs.utils import get_relative_url  # noqa: E402

from scripts.config import load_config  # noqa: E402
from scripts.glossary import GlossarySettings, load_terms, tooltip_lines  # noqa: E402
from scripts.pages import PageError, read_page, read_pages  # noqa: E402
from scripts.search_index import write_language_indexes  # noqa: E402
from scripts.pdfs import PdfSettings, find_briefings, page_dir, pdf_file, zip_file  # noqa: E402
from scripts.status_page import render_marker  # noqa: E402
from scripts.translations import coverage  # noqa: E402

STATUS_PAGE = "translation-status.md"
CONFIG_SCRIPT = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)
# Page facts a translation takes from its English source.
INHERITED = ("last_reviewed", "status_as_of", "sources", "type", "version")

_state: dict = {"project": None, "coverage": None, "signature": None, "english": {}, "briefings": [], "tooltips": {}}


def on_config(config):
    project = load_config(Path(config.config_file_path).parent, Path(config.config_file_path).name)
    _state["project"] = project
    # static-i18n runs one build per language; compute the status once per
    # change of the docs tree, not once per language.
    signature = tuple((str(p), p.stat().st_mtime_ns) for p in sorted(project.docs_dir.rglob("*.md")))
    if signature != _state["signature"]:
        _state["coverage"], _state["signature"] = coverage(project), signature
        # The English pages, read once: every translated page takes its page
        # facts from its English source.
        _state["english"] = read_pages(project.docs_dir, project.default_language.code)
        _state["briefings"] = find_briefings(project, english=_state["english"])
        _state["tooltips"] = {}
    return config


def on_page_markdown(markdown, page, config, files):
    project, file = _state["project"], page.file
    reading, written = _languages(page)
    if getattr(file, "norm_src_uri", None) == STATUS_PAGE:
        markdown = render_marker(markdown, _state["coverage"], project, reading)
    markdown = _with_tooltips(markdown, file, written)
    if written == project.default_language.code:
        return markdown
    source = _state["english"].get(file.norm_src_uri)  # None if unreadable: validation reports it
    if source is not None:
        for key in INHERITED:
            if key in source.meta and key not in page.meta:
                page.meta[key] = source.meta[key]
    return markdown


def on_page_context(context, page, config, nav):
    project = _state["project"]
    reading, written = _languages(page)
    context["page_labels"] = {key: project.notice(key, reading) for key in ("last_reviewed", "status_as_of", "sources")}
    context["page_notice"] = None
    context["body_lang"] = None
    default = project.default_language.code
    status_url = STATUS_PAGE.replace(".md", "/") if reading == default else f"{reading}/{STATUS_PAGE.replace('.md', '/')}"
    context["status_page_url"] = get_relative_url(status_url, page.url)
    context["status_page_label"] = project.notice("translation_status", reading)
    tracker = project.policy.get("issue_tracker")
    context["report_error"] = {"url": tracker, "text": project.notice("report_error", reading)} if tracker else None
    _downloads(context, page, reading, written)
    if written != reading:
        # static-i18n serves the English page in place of a missing translation.
        context["page_notice"] = {"kind": "fallback", "text": project.notice("fallback", reading)}
        context["body_lang"] = {"lang": written, "dir": "rtl" if project.language(written).rtl else "ltr"}
    elif reading != default and hasattr(page.file, "norm_src_uri"):
        entry = _state["coverage"].entry(page.file.norm_src_uri, reading)
        if entry and entry.status == "outdated":
            english_url = page.url[len(reading) + 1 :] if page.url.startswith(reading + "/") else page.url
            link = get_relative_url(english_url or ".", page.url)
            context["page_notice"] = {
                "kind": "outdated",
                # U+2066/U+2069 isolate the date, so an ISO date keeps its order in Arabic text.
                "text": project.notice("outdated", reading, date=f"\u2066{entry.translated or '?'}\u2069"),
                "link": {"url": link if link.endswith("/") else link + "/", "lang": default, "text": project.notice("read_english", reading)},
            }
    return context


def _with_tooltips(markdown: str, file, lang: str) -> str:
    """Append the glossary of the page's language as abbr definitions.

    Material shows them as tooltips wherever a term appears. This is the
    snippets ``auto_append`` idea, per language: one global file cannot give
    Arabic pages Arabic definitions.
    """
    project = _state["project"]
    settings = GlossarySettings.from_config(project)
    if getattr(file, "norm_src_uri", None) == settings.page:
        return markdown  # the glossary itself: every term is already explained in place
    if lang not in _state["tooltips"]:
        # One definition per block: Python-Markdown rescans a block of abbr
        # lines once per line, which made every page slow.
        _state["tooltips"][lang] = "\n\n".join(tooltip_lines(load_terms(project, lang), settings, lang))
    lines = _state["tooltips"][lang]
    return f"{markdown}\n\n{lines}\n" if lines else markdown


def _downloads(context, page, reading: str, written: str) -> None:
    """The PDF button of a briefing, and the download list of the briefings index.

    Sizes are left as empty slots: the PDF stage of the build fills them once
    the files exist (a plain `mkdocs serve` makes no PDFs).
    """
    project = _state["project"]
    settings = PdfSettings.from_config(project)
    rel = getattr(page.file, "norm_src_uri", None)
    context["pdf_download"] = context["briefing_downloads"] = None
    if not rel:
        return
    briefing = next((b for b in _state["briefings"] if b.rel == rel), None)
    if briefing:
        context["pdf_download"] = _download_link(project, settings, briefing, reading, page.url)
    elif rel == settings.index_page and _state["briefings"]:
        items = []
        for briefing in _state["briefings"]:
            own = project.docs_dir / reading / briefing.rel
            try:
                title = read_page(own if own.is_file() else project.docs_dir / project.default_language.code / briefing.rel, project.docs_dir).meta.get("title")
            except PageError:
                continue
            page_url = get_relative_url(page_dir(project, briefing.rel, reading), page.url)
            items.append({"title": title, "page": page_url} | _download_link(project, settings, briefing, reading, page.url))
        zip_path = zip_file(project, reading, settings)
        context["briefing_downloads"] = {
            "title": project.notice("downloads", reading),
            "items": items,
            "zip": {"url": get_relative_url(zip_path, page.url), "slot": zip_path, "text": project.notice("all_briefings_zip", reading)},
        }


def _download_link(project, settings, briefing, reading: str, page_url: str) -> dict:
    """A briefing's PDF in the reader's language, or the English one with a note."""
    lang = reading if reading in briefing.languages else project.default_language.code
    path = pdf_file(project, briefing.rel, lang, settings)
    text = project.notice("download_pdf" if lang == reading else "download_pdf_english", reading)
    return {"url": get_relative_url(path, page_url), "slot": path, "text": text, "hreflang": lang}


def _languages(page) -> tuple[str, str]:
    """(language the reader is reading, language the page is written in)."""
    default = _state["project"].default_language.code
    reading = getattr(page.file, "locale_alternate_of", None) or default
    return reading, getattr(page.file, "locale", reading)


def on_post_template(output, template_name, config):
    if template_name == "404.html" and config.theme["language"] == _state["project"].default_language.code:
        _state["default_404"] = output
    return output


def on_post_page(output, page, config):
    """Point Material's search at the index of the reader's language.

    Material loads ``search/search_index.json`` relative to ``base`` in the
    page's ``__config``; for a page under ``ar/`` that becomes the Arabic
    index, whose entry locations are relative to ``ar/`` (scripts/search_index.py).
    """
    reading, _ = _languages(page)
    if reading == _state["project"].default_language.code:
        return output
    match = CONFIG_SCRIPT.search(output)
    if not match:
        return output
    app = json.loads(match.group(2))
    app["base"] = f"{app['base'].rstrip('/')}/{reading}/"
    # Like Jinja's tojson: no "<", ">" or "&" that could end the <script>.
    text = json.dumps(app, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return output[: match.start(2)] + text + output[match.end(2) :]


@plugins.event_priority(-200)  # after static-i18n has built every language and merged the search index
def on_post_build(config):
    """Per language: its own 404 page and its own search index.

    static-i18n writes every language's 404.html to the site root, so the
    last language built would otherwise win: each language's copy moves to
    <lang>/404.html and the root gets the default language's back. Once the
    default language's build ends (every other language is built inside it),
    the merged search index is split by language.
    """
    project = _state["project"]
    site = Path(config.site_dir)
    i18n = config.plugins.get("i18n")
    # static-i18n builds the other languages inside the default language's
    # build; `building` is true during those inner builds only.
    inner = bool(getattr(i18n, "building", False))
    lang = getattr(i18n, "current_language", None) or config.theme["language"]
    root_404 = site / "404.html"
    if inner and lang != project.default_language.code:
        if root_404.is_file():
            (site / lang).mkdir(parents=True, exist_ok=True)
            root_404.replace(site / lang / "404.html")
        return
    if _state.get("default_404") is not None:
        root_404.write_text(_state["default_404"], encoding="utf-8")
    write_language_indexes(site, project)
