"""Search: one Pagefind index per language, written into the built site.

Pagefind reads the built pages, keeps only each page's article (the
template marks it ``data-pagefind-body``) minus what readers do not search
(``extra.project.search.exclude_selectors``), and splits the index by the
page's ``<html lang>``: an Arabic reader's query runs over the Arabic pages
only, and loads just the index chunks it needs. The reader's browser gets
the search code and index only when they start to search.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..core.config import Project
from ..core.problems import Problem

OUTPUT = "pagefind"  # folder inside the site
# Pagefind also writes its ready-made interfaces; the site has its own box and
# searches in the page, so these would only be dead weight in the site.
UNUSED = ("pagefind-ui.*", "pagefind-modular-ui.*", "pagefind-component-ui.*", "pagefind-highlight.js", "pagefind-worker.js")
INDEXED = re.compile(r"Indexed (\d+) pages")
LANGUAGES = re.compile(r"Indexed (\d+) languages?")


@dataclass
class SearchIndex:
    pages: int = 0
    languages: int = 0
    seconds: float = 0.0
    problems: list[Problem] = field(default_factory=list)

    @property
    def summary(self) -> str:
        return f"{self.pages} pages in {self.languages} languages indexed" if not self.problems else "failed"


def index_site(project: Project, site_dir: Path) -> SearchIndex:
    settings = project.policy.search
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-subdir", OUTPUT]
    if settings.exclude_selectors:
        command += ["--exclude-selectors", ", ".join(settings.exclude_selectors)]
    began = time.monotonic()
    done = subprocess.run(command, capture_output=True, text=True)
    result = SearchIndex(seconds=time.monotonic() - began)
    if done.returncode != 0:
        tail = " ".join((done.stdout + done.stderr).strip().splitlines()[-3:])
        result.problems.append(Problem(project.relative(project.config_file), None, f"the search index could not be built (Pagefind exit {done.returncode}): {tail}"))
        return result
    for pattern in UNUSED:
        for path in (site_dir / OUTPUT).glob(pattern):
            path.unlink()
    _sort_entry(site_dir / OUTPUT / "pagefind-entry.json")
    pages, languages = INDEXED.search(done.stdout), LANGUAGES.search(done.stdout)
    result.pages = int(pages.group(1)) if pages else 0
    result.languages = int(languages.group(1)) if languages else 0
    return result


def _sort_entry(path: Path) -> None:
    """Pagefind lists the languages in whatever order it found them: sorted, two builds give the same file."""
    data = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def index_bytes(site_dir: Path, lang: str) -> int:
    """Everything of one language's index in the site: its index chunks, fragments and metadata."""
    folder = site_dir / OUTPUT
    files = [*folder.glob(f"index/{lang}_*"), *folder.glob(f"fragment/{lang}_*"), *folder.glob(f"pagefind.{lang}_*")]
    return sum(path.stat().st_size for path in files)
