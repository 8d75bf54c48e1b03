"""What the hook modules share during one build: the project, the source pages, translation status.

The build tool's pipeline attaches the context it has already computed to
the MkDocs configuration it builds with, so the hooks read nothing again. A
plain ``mkdocs build`` or ``mkdocs serve`` has none attached: the first hook
that asks builds it from the configuration MkDocs hands it. static-i18n
builds every language with the same configuration object, so the context is
made once per build; ``mkdocs serve`` loads a new configuration for every
rebuild, so a rebuild sees the edited pages.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..core.config import Project, project_from_mkdocs
from ..core.sources import SourceTree, read_sources
from ..i18n.coverage import Coverage, coverage
from ..i18n.structure import Structures

ATTRIBUTE = "_ai_explained_context"


@dataclass
class SiteContext:
    project: Project
    sources: SourceTree
    coverage: Coverage
    structures: Structures | None = None  # filled during the build when the pipeline asks for parity
    index_search: bool = True  # the pipeline indexes in its own stage
    cache: dict = field(default_factory=dict)  # per-build values a hook computes once (tooltips, the root 404 page)


def attach(mkdocs_config, context: SiteContext) -> None:
    setattr(mkdocs_config, ATTRIBUTE, context)


def site_context(mkdocs_config) -> SiteContext:
    context = getattr(mkdocs_config, ATTRIBUTE, None)
    if context is None:
        project = project_from_mkdocs(mkdocs_config)
        sources = read_sources(project)
        context = SiteContext(project, sources, coverage(project, sources))
        attach(mkdocs_config, context)
    return context


def page_languages(page) -> tuple[str, str]:
    """(language the reader is reading, language the page is written in), as static-i18n marks the page's file."""
    written = page.file.locale
    return page.file.locale_alternate_of or written, written
