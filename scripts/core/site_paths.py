"""Docs path ↔ site URL ↔ language, in one place.

With static-i18n's folder layout, ``docs/<lang>/<rel>.md`` is published under
``<lang>/`` (nothing for the default language), at the address MkDocs' own
``File`` gives ``<rel>.md``. The PDFs, the link checker, the hooks, the
preview and the tests all ask here instead of rebuilding the mapping.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urljoin, urlsplit


@dataclass(frozen=True)
class SitePaths:
    default: str  # the default language's code
    codes: tuple[str, ...]
    use_directory_urls: bool = True
    site_url: str = ""

    # -- docs → site -------------------------------------------------------------

    def prefix(self, lang: str) -> str:
        """The language's folder in the site: '' for the default language, 'ar/' for Arabic."""
        return "" if lang == self.default else f"{lang}/"

    def page_url(self, rel: str, lang: str) -> str:
        """Site-relative URL of a page: ('briefings/x.md', 'ar') -> 'ar/briefings/x/'."""
        return self.prefix(lang) + _mkdocs_file(rel, self.use_directory_urls)[1]

    def page_file(self, rel: str, lang: str) -> str:
        """The built HTML file of a page: 'ar/briefings/x/index.html'."""
        return self.prefix(lang) + _mkdocs_file(rel, self.use_directory_urls)[0]

    def page_dir(self, rel: str, lang: str) -> str:
        """The folder of a page's HTML file, where its downloads sit: 'ar/briefings/x/'."""
        folder = self.page_file(rel, lang).rpartition("/")[0]
        return folder + "/" if folder else ""

    def absolute_url(self, site_path: str) -> str:
        return urljoin(self.site_url or "/", site_path)

    @property
    def url_prefix(self) -> str:
        """The path the site is served under, from site_url: '/ai-explained/'."""
        return (urlsplit(self.site_url or "/").path or "/").rstrip("/") + "/"

    # -- site → docs -------------------------------------------------------------

    def language_of(self, site_path: str) -> str:
        """'ar/about/' is Arabic; 'about/' (and a bare 'ar') the default language's."""
        first = site_path.split("/", 1)[0]
        if "/" in site_path and first in self.codes and first != self.default:
            return first
        return self.default

    def split(self, site_path: str) -> tuple[str, str]:
        """(language, path inside it): 'ar/about/index.html' -> ('ar', 'about/index.html')."""
        lang = self.language_of(site_path)
        return lang, site_path[len(self.prefix(lang)):]

    def sources_of(self, page_file: str) -> list[str]:
        """Markdown paths inside a language folder a built file can come from, most likely first."""
        if not page_file.endswith(".html"):
            return []
        folder, _, name = page_file.rpartition("/")
        if name != "index.html":
            return [page_file[: -len(".html")] + ".md"]
        if not folder:
            return ["index.md", "README.md"]
        return [f"{folder}.md", f"{folder}/index.md", f"{folder}/README.md"]

    @staticmethod
    def url_of_file(page_file: str) -> str:
        """The address a reader sees for a built file: 'ar/about/index.html' -> 'ar/about/'."""
        return page_file[: -len("index.html")] if page_file.endswith("index.html") else page_file


@lru_cache(maxsize=4096)
def _mkdocs_file(rel: str, use_directory_urls: bool) -> tuple[str, str]:
    from mkdocs.structure.files import File

    file = File(rel, src_dir=None, dest_dir="", use_directory_urls=use_directory_urls)
    url = file.url
    return file.dest_uri, "" if url in ("", "./", ".") else url
