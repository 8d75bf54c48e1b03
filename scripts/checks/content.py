"""Content validation: every Markdown page of every language, and the tree they sit in.

Each problem is one ``path:line: message`` that says how to fix it; all
problems are collected, not only the first.
"""

from __future__ import annotations

import datetime as dt
import re

from ..core.config import Project
from ..core.pages import SourcePage
from ..core.problems import Problem
from ..core.sources import SourceTree
from ..i18n import glossary
from .front_matter import check_front_matter
from .language import untranslated_reason
from .page_body import BodyChecker

# A folder name that looks like a language code (as static-i18n guesses them).
LOCALE_FOLDER = re.compile(r"^[a-z]{2,3}([-_][A-Za-z]{2,4})?$")
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def validate(project: Project, sources: SourceTree, today: dt.date | None = None, pages: list[SourcePage] | None = None) -> list[Problem]:
    """Problems of the tree and of ``pages`` (default: every page read)."""
    today = today or dt.date.today()
    whole_tree = pages is None
    problems = check_folders(project) + check_notices(project) if whole_tree else []
    if whole_tree:
        problems += sources.unreadable
    glossary_ids = _GlossaryIds(project, sources)
    for page in sources.all_pages() if whole_tree else pages:
        problems += validate_page(page, project, sources, today, glossary_ids(page.lang))
    return sorted(problems, key=Problem.sort_key)


def validate_page(page: SourcePage, project: Project, sources: SourceTree, today: dt.date, glossary_ids: set[str]) -> list[Problem]:
    where = project.relative(page.path)
    problems = check_front_matter(page, where, project, today)
    problems += BodyChecker(page, where, project, glossary_ids).run()
    if page.rel == project.policy.glossary.page:
        for term in glossary.read_terms(page):
            problems += [Problem(where, term.line, f'glossary term "{term.term}" {message}') for message in glossary.definition_problems(term)]
    if page.lang != project.default:
        english = sources.page(project.default, page.rel)
        reason = untranslated_reason(english, page, project) if english else None
        if reason:
            problems.append(Problem(where, page.body_line, f"this does not look translated: {reason}; translate the text (or delete the file, and readers get the English page with a notice)"))
    return problems


class _GlossaryIds:
    """Term ids of each language's glossary (the English one where a language has none), read once."""

    def __init__(self, project: Project, sources: SourceTree):
        self.project, self.sources, self.ids = project, sources, {}

    def __call__(self, lang: str) -> set[str]:
        if lang not in self.ids:
            page = self.sources.page(lang, self.project.policy.glossary.page) or self.sources.page(self.project.default, self.project.policy.glossary.page)
            self.ids[lang] = {term.id for term in glossary.read_terms(page)} if page else set()
        return self.ids[lang]


def check_folders(project: Project) -> list[Problem]:
    docs = project.docs_dir
    if not docs.is_dir():
        return [Problem(project.relative(docs), None, "docs folder not found; create it or fix docs_dir in mkdocs.yml")]
    problems = []
    declared = set(project.codes)
    for child in sorted(docs.iterdir()):
        where = project.relative(child)
        if child.is_dir() and LOCALE_FOLDER.match(child.name) and child.name not in declared:
            problems.append(Problem(where + "/", None, f'language folder "{child.name}" is not declared in mkdocs.yml; add it under plugins → i18n → languages, or rename the folder'))
        elif child.is_file() and child.suffix == ".md":
            problems.append(Problem(where, None, f"page outside a language folder; move it to {project.relative(docs)}/{project.default}/{child.name}"))
    for lang in project.codes:
        if not (docs / lang).is_dir():
            problems.append(Problem(f"{project.relative(docs)}/{lang}/", None, f'language "{lang}" is declared in mkdocs.yml but has no folder; create it with at least index.md'))
    return problems


def check_notices(project: Project) -> list[Problem]:
    notices_file = project.relative(project.notices_file)
    problems = []
    for key, texts in project.notices.items():
        missing = [code for code in project.codes if not (isinstance(texts, dict) and texts.get(code))]
        if missing:
            problems.append(Problem(notices_file, None, f'notice "{key}" has no text for {", ".join(missing)}; add a translation for each language'))
            continue
        expected = set(PLACEHOLDER.findall(texts[project.default]))
        for code in project.codes:
            found = set(PLACEHOLDER.findall(texts[code]))
            if found != expected:
                want = ", ".join(sorted(expected)) or "none"
                problems.append(Problem(notices_file, None, f'notice "{key}" ({code}) must use the placeholders {want} exactly as in English (found {", ".join(sorted(found)) or "none"})'))
    return problems
