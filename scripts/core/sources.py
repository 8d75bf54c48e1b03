"""The source model: every Markdown page of every language, read once.

The pipeline reads the tree here and hands it to every stage (validation,
reading level, translation status, PDFs) and to the MkDocs hooks, so no
stage opens a page again. A page that cannot be read is kept as a problem
with its file and line; the stages see only the pages that could be read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .config import Project
from .pages import PageError, SourcePage, read_page
from .problems import Problem


@dataclass
class SourceTree:
    pages: dict[str, dict[str, SourcePage]]  # language -> path inside its folder -> page
    unreadable: list[Problem] = field(default_factory=list)
    languages: tuple[str, ...] = ()  # the languages read (all, or the default and one)

    def of(self, lang: str) -> dict[str, SourcePage]:
        return self.pages.get(lang, {})

    def page(self, lang: str, rel: str) -> SourcePage | None:
        return self.pages.get(lang, {}).get(rel)

    def all_pages(self):
        for pages in self.pages.values():
            yield from pages.values()

    @property
    def count(self) -> int:
        """Markdown files found, readable or not."""
        return sum(len(pages) for pages in self.pages.values()) + len(self.unreadable)


def markdown_files(folder: Path) -> list[Path]:
    """The Markdown files of a language folder; symbolic links are never followed (the file check reports them)."""
    if not folder.is_dir():
        return []
    return sorted(path for path in folder.rglob("*.md") if not path.is_symlink() and path.is_file())


def read_sources(project: Project, only_lang: str | None = None) -> SourceTree:
    """Every page of every language (or of the default language and ``only_lang``)."""
    languages = tuple(code for code in project.codes if not only_lang or code in (only_lang, project.default))
    tree = SourceTree({}, [], languages)
    for lang in languages:
        pages = tree.pages.setdefault(lang, {})
        for path in markdown_files(project.docs_dir / lang):
            try:
                page = read_page(path, project.docs_dir)
            except PageError as exc:
                tree.unreadable.append(Problem(project.relative(path), exc.line, exc.message))
                continue
            except OSError as exc:
                tree.unreadable.append(Problem(project.relative(path), None, f"cannot be read: {exc.strerror or exc}"))
                continue
            pages[page.rel] = page
    return tree
