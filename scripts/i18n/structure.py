"""What a page is made of, as MkDocs renders it, and whether a translation matches its source.

During a build the ``page_structure`` hook hands every rendered page here
(``Structures.record``), so parity is computed from exactly what readers get,
with no second rendering. Without a build (``python -m scripts status``) the
pages are rendered with Python-Markdown configured from mkdocs.yml's own
``markdown_extensions``, and remembered on disk by content hash.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import astuple, dataclass
from importlib.metadata import version
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from ..core.config import Project
from ..core.problems import Problem
from ..core.sources import SourceTree
from .coverage import Coverage


@dataclass(frozen=True)
class Structure:
    heading_ids: tuple[str, ...]
    links: int
    images: int
    tables: int
    code_blocks: int


def structure_of(html: str) -> Structure:
    tree = LexborHTMLParser(html or "<p></p>")
    return Structure(
        heading_ids=tuple(node.attributes.get("id") or "" for node in tree.css("h2, h3")),
        links=len(tree.css("a[href]:not(.headerlink)")),  # the permalinks beside headings are the theme's
        images=len(tree.css("img")),
        tables=len(tree.css("table")),
        code_blocks=len(tree.css("pre")),
    )


class Structures:
    """Structures of the pages of one build, by (language the file is written in, path)."""

    def __init__(self):
        self.by_page: dict[tuple[str, str], Structure] = {}

    def record(self, lang: str, rel: str, html: str) -> None:
        if (lang, rel) not in self.by_page:  # a fallback page repeats its English source
            self.by_page[lang, rel] = structure_of(html)

    def get(self, lang: str, rel: str) -> Structure | None:
        return self.by_page.get((lang, rel))


def parity(english: Structure, translation: Structure) -> list[str]:
    differences = []
    missing = [anchor for anchor in english.heading_ids if anchor not in translation.heading_ids]
    extra = [anchor for anchor in translation.heading_ids if anchor not in english.heading_ids]
    if missing:
        differences.append("missing section(s) " + ", ".join(f"#{anchor}" for anchor in missing))
    if extra:
        differences.append("section(s) not in English " + ", ".join(f"#{anchor}" for anchor in extra))
    for name in ("links", "images", "tables", "code_blocks"):
        ours, theirs = getattr(english, name), getattr(translation, name)
        if ours != theirs:
            differences.append(f"{theirs} {name.replace('_', ' ')} instead of {ours}")
    return differences


def check_parity(project: Project, data: Coverage, structures: Structures) -> list[Problem]:
    """Fill each entry's parity and return the differences as warnings."""
    problems = []
    for entry in data.entries:
        if entry.status in ("missing", "orphan"):
            continue
        english, translation = structures.get(project.default, entry.page), structures.get(entry.lang, entry.page)
        if english is None or translation is None:
            continue
        entry.parity = parity(english, translation)
        problems += [Problem(entry.path, None, f"differs from {entry.source_path}: {difference}", "warning") for difference in entry.parity]
    return problems


# -- without a build ---------------------------------------------------------------

def render_structures(project: Project, sources: SourceTree, cache_dir: Path) -> Structures:
    """Every page rendered with the site's own Markdown configuration (cached by content)."""
    import markdown

    # Extension names and library versions: their options hold functions whose repr changes per run.
    settings = json.dumps([[str(name) for name in project.markdown_extensions], version("markdown"), version("pymdown-extensions")])
    cache_file = cache_dir / "structure.json"
    cache = _read_cache(cache_file)
    renderer, changed = None, False
    structures = Structures()
    for page in sources.all_pages():
        key = hashlib.sha256((settings + "\0" + page.body).encode("utf-8")).hexdigest()[:24]
        if key not in cache:
            if renderer is None:
                renderer = markdown.Markdown(extensions=project.markdown_extensions, extension_configs=project.mdx_configs)
            found = structure_of(renderer.reset().convert(page.body))
            cache[key], changed = list(astuple(found)), True
        heading_ids, *counts = cache[key]
        structures.by_page[page.lang, page.rel] = Structure(tuple(heading_ids), *counts)
    if changed:
        _write_cache(cache_file, cache)
    return structures


def _read_cache(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}  # no cache yet, or a damaged one: start again
    return data if isinstance(data, dict) else {}


def _write_cache(path: Path, cache: dict) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_text(json.dumps(cache, ensure_ascii=False), encoding="utf-8")
        temporary.replace(path)
    except OSError:
        pass  # a cache that cannot be written only costs time
