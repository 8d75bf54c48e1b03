"""The built site as a static web server sees it, and the Markdown file behind each page."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit

from ...core.config import Project
from .extract import PageData


class Site:
    def __init__(self, project: Project, site_dir: Path):
        self.project = project
        self.paths = project.paths
        self.dir = site_dir
        self.files: set[str] = set()
        for folder, _, names in os.walk(site_dir):
            base = Path(folder).relative_to(site_dir).as_posix()
            prefix = "" if base == "." else base + "/"
            self.files.update(prefix + name for name in names)
        self.html = sorted(name for name in self.files if name.endswith(".html"))
        self.default = project.default
        self.url_prefix = self.paths.url_prefix
        parts = urlsplit(project.site_url or "/")
        self.origin = f"{parts.scheme}://{parts.netloc}".lower() if parts.netloc else ""
        self._sources: dict[tuple[str, str], Path | None] = {}
        self.parsed: dict[str, object] = {}  # URL string -> parsed form, shared by every page

    def language_of(self, rel: str) -> str:
        return self.paths.language_of(rel)

    def declared_language(self, page: PageData) -> str:
        """The page's language as its <html lang> declares it, else as its folder says."""
        for code in (page.lang, page.lang.split("-", 1)[0]):
            if code in self.paths.codes:
                return code
        return self.language_of(page.rel)

    def page_in_language(self, rel: str) -> str:
        """Path of a built page inside its language: 'ar/about/index.html' -> 'about/index.html'."""
        return self.paths.split(rel)[1]

    def served_file(self, path: str) -> str | None:
        """The file a static server returns for a site-relative path, or None."""
        if path in ("", "."):
            return "index.html" if "index.html" in self.files else None
        if path.endswith("/"):
            candidate = path + "index.html"
            return candidate if candidate in self.files else None
        if path in self.files:
            return path
        # A folder without the slash: servers redirect to "folder/" and serve its index.
        candidate = path + "/index.html"
        return candidate if candidate in self.files else None

    def source_of(self, lang: str, page: str) -> Path | None:
        """The docs/<lang>/... Markdown file a page inside a language is built from, if it exists."""
        key = (lang, page)
        if key not in self._sources:
            base = self.project.docs_dir / lang
            self._sources[key] = next((base / rel for rel in self.paths.sources_of(page) if (base / rel).is_file()), None)
        return self._sources[key]

    def describe_source(self, rel: str) -> tuple[str, Path | None, str]:
        """(problem path, Markdown file or None, note) for a built page."""
        lang, page = self.paths.split(rel)
        own = self.source_of(lang, page)
        if own is not None:
            return self.project.relative(own), own, ""
        fallback = self.source_of(self.default, page) if lang != self.default else None
        if fallback is not None:
            return self.project.relative(fallback), fallback, f"({lang} fallback page {rel}) "
        # Named as published (site/...), not by the temporary build folder.
        return f"{self.project.relative(self.project.site_dir)}/{rel}", None, f"(built page {rel}, no Markdown source) "

    def localized_url(self, lang: str, page: str) -> str:
        return self.paths.url_of_file(self.paths.prefix(lang) + page)
