"""Where the briefings and their downloads live: which pages are briefings, in which languages, and their files."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath

from ..core.config import Project
from ..core.sources import SourceTree


@dataclass(frozen=True)
class Briefing:
    rel: str  # path inside each language folder, e.g. "briefings/ai-literacy.md"
    languages: tuple[str, ...]  # languages it is written in (English first)


def find_briefings(project: Project, sources: SourceTree) -> list[Briefing]:
    """English pages with the briefing type, and the languages they exist in."""
    kind = project.policy.pdf.briefing_type
    found = []
    for page in sources.of(project.default).values():
        if page.meta.get("type") == kind:
            languages = [project.default] + [code for code in project.translated_codes if sources.page(code, page.rel)]
            found.append(Briefing(page.rel, tuple(languages)))
    return found


def pdf_file(project: Project, rel: str, lang: str) -> str:
    """A briefing's PDF inside the site, next to its page: 'ar/briefings/x/ai-explained-x-ar.pdf'."""
    return f"{project.paths.page_dir(rel, lang)}{project.policy.pdf.file_prefix}-{PurePosixPath(rel).stem}-{lang}.pdf"


def zip_file(project: Project, lang: str) -> str:
    """The ZIP of all briefings in one language, next to the briefings index."""
    pdf = project.policy.pdf
    return f"{project.paths.page_dir(pdf.index_page, lang)}{pdf.file_prefix}-all-briefings-{lang}.zip"
