"""Records the structure of every page as MkDocs rendered it, for the translation parity check."""

from __future__ import annotations

from scripts.hooks.context import page_languages, site_context


def on_page_content(html, *, page, config, files):
    structures = site_context(config).structures
    if structures is not None:  # only when the pipeline asked for it
        structures.record(page_languages(page)[1], page.file.norm_src_uri, html)
    return html
