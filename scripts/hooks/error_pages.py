"""A 404 page per language.

static-i18n writes every language's 404.html to the site root, so the last
language built would win: each language's copy moves to ``<lang>/404.html``
and the root gets the default language's back.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs import plugins

from scripts.hooks.context import site_context


@plugins.event_priority(-200)  # the page as written, after the other hooks (its security policy among them)
def on_post_template(output, *, template_name, config):
    if template_name == "404.html" and config.theme["language"] == site_context(config).project.default:
        site_context(config).cache["default_404"] = output
    return output


@plugins.event_priority(-200)  # after static-i18n's own post-build step
def on_post_build(*, config):
    context = site_context(config)
    i18n = config.plugins["i18n"]
    site = Path(config.site_dir)
    root_404 = site / "404.html"
    # static-i18n builds the other languages inside the default language's
    # build; `building` is true during those inner builds only.
    lang = i18n.current_language
    if getattr(i18n, "building", False) and lang != context.project.default:
        if root_404.is_file():
            (site / lang).mkdir(parents=True, exist_ok=True)
            root_404.replace(site / lang / "404.html")
    elif "default_404" in context.cache:
        root_404.write_text(context.cache["default_404"], encoding="utf-8")
