"""The schema of the site policy under ``extra.project`` in mkdocs.yml.

Declared with MkDocs' own config options, as static-i18n declares its
plugin options: every setting has one type and one default, here, and a bad
value is reported once, against mkdocs.yml, instead of as a ``KeyError`` in
whichever stage reads it first.
"""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config, ValidationError


class Share(c.Type):
    """A number between 0 and 1 (a share of pages or letters)."""

    def __init__(self, default=None):
        super().__init__((int, float), default=default)

    def run_validation(self, value):
        value = super().run_validation(value)
        if not 0 <= value <= 1:
            raise ValidationError(f"must be a share between 0 and 1, e.g. 0.95 (got {value})")
        return float(value)


class LanguageCheck(Config):
    # Unicode name prefix of each language's script, e.g. {ar: ARABIC}.
    scripts = c.DictOfItems(c.Type(str), default={})
    min_script_share = Share(default=0.5)
    max_similarity = Share(default=0.5)


class Translations(Config):
    # Share of English pages that must be current, per language code or "*".
    min_current = c.DictOfItems(Share(), default={"*": 0.0})
    required_pages = c.ListOfItems(c.Type(str), default=[])
    required_types = c.ListOfItems(c.Type(str), default=[])
    exclude = c.ListOfItems(c.Type(str), default=[])
    # The page whose markers become the status tables, linked from every footer.
    status_page = c.Type(str, default="translation-status.md")
    language_check = c.SubConfig(LanguageCheck)

    def floor(self, lang: str) -> float:
        return self.min_current.get(lang, self.min_current.get("*", 0.0))


class Glossary(Config):
    page = c.Type(str, default="reference/glossary.md")
    single_word_tooltips = c.ListOfItems(c.Type(str), default=[])
    no_tooltip = c.ListOfItems(c.Type(str), default=[])


class ReadingLevel(Config):
    target_flesch = c.Type((int, float), default=50)


class Pdf(Config):
    stylesheet = c.Type(str, default="assets/stylesheets/print.css")
    page_target = c.Type(int, default=2)
    page_limit = c.Type(int, default=4)
    file_prefix = c.Type(str, default="briefing")
    index_page = c.Type(str, default="briefings/index.md")
    briefing_type = c.Type(str, default="briefing")

    def validate(self):
        failed, warnings = super().validate()
        if not failed and self.page_target > self.page_limit:
            failed.append(("page_target", ValidationError(f"must not exceed page_limit ({self.page_limit})")))
        return failed, warnings


class Search(Config):
    # What readers do not search, inside each page's article (CSS selectors).
    exclude_selectors = c.ListOfItems(c.Type(str), default=[])


FILE_KINDS = ("markdown", "yaml", "css", "html", "javascript", "svg", "png", "jpeg", "gif", "webp", "pdf")


class Files(Config):
    """What a pull request may add under each published folder (scripts/checks/files.py)."""

    max_bytes = c.Type(int, default=1_000_000)
    trees = c.DictOfItems(c.ListOfItems(c.Choice(FILE_KINDS)), default={"docs": ["markdown", "svg", "png", "jpeg", "webp", "css"]})


class Policy(Config):
    """``extra.project``: what the build checks and how."""

    issue_tracker = c.Optional(c.URL())
    # Reader-facing notice strings, relative to mkdocs.yml.
    notices = c.Type(str, default="i18n/notices.yml")
    required_front_matter = c.ListOfItems(c.Type(str), default=["title", "description"])
    required_front_matter_by_folder = c.DictOfItems(c.ListOfItems(c.Type(str)), default={})
    required_front_matter_by_type = c.DictOfItems(c.ListOfItems(c.Type(str)), default={})
    forbidden_html_tags = c.ListOfItems(c.Type(str), default=[])
    translations = c.SubConfig(Translations)
    glossary = c.SubConfig(Glossary)
    reading_level = c.SubConfig(ReadingLevel)
    search = c.SubConfig(Search)
    pdf = c.SubConfig(Pdf)
    files = c.SubConfig(Files)
    # Directive -> sources; the build adds each page's inline script and style hashes.
    content_security_policy = c.DictOfItems(c.ListOfItems(c.Type(str)), default={"default-src": ["'self'"]})
