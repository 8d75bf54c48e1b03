"""MkDocs hook (``hooks:`` in mkdocs.yml): notices and page facts for readers.

Runs in every build — the full build command and a plain ``mkdocs serve`` — so
both show the same thing. Each function handles one MkDocs event.
"""

from __future__ import annotations

import sys
from pathlib import Path

# MkDocs imports this file by path; make the `scripts` package importable for
# `mkdocs serve` run from any directory.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scripts.config import load_config  # noqa: E402
from scripts.pages import PageError, read_page  # noqa: E402

_project = None

# Page facts a translation takes from its English source.
INHERITED = ("last_reviewed", "status_as_of", "sources")


def on_config(config):
    global _project
    _project = load_config(Path(config.config_file_path).parent, Path(config.config_file_path).name)
    return config


def on_page_markdown(markdown, page, config, files):
    """Give a translation the review date and sources of its English source."""
    file = page.file
    if not hasattr(file, "locale") or file.locale == _project.default_language.code:
        return markdown
    english = _project.docs_dir / _project.default_language.code / file.norm_src_uri
    if english.is_file():
        try:
            source = read_page(english, _project.docs_dir)
        except PageError:
            return markdown  # the validation stage reports it with file and line
        for key in INHERITED:
            if key in source.meta and key not in page.meta:
                page.meta[key] = source.meta[key]
    return markdown


def on_page_context(context, page, config, nav):
    file = page.file
    reading = getattr(file, "locale_alternate_of", None) or _project.default_language.code
    written = getattr(file, "locale", reading)
    labels = {key: _project.notice(key, reading) for key in ("last_reviewed", "status_as_of", "sources")}
    context["page_labels"] = labels
    context["page_notice"] = None
    context["body_lang"] = None
    if written != reading:
        # static-i18n serves the English page in place of a missing translation.
        context["page_notice"] = {"kind": "fallback", "text": _project.notice("fallback", reading)}
        context["body_lang"] = {"lang": written, "dir": "rtl" if _project.language(written).rtl else "ltr"}
    return context
