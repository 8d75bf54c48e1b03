"""Downloads next to the briefings: one ZIP per language, and file sizes written into the buttons.

The templates leave an empty size slot in each download button (a size is
only known once the file exists); this fills them once the PDFs are made.
"""

from __future__ import annotations

import html
import os
import re
import time
import zipfile
from pathlib import Path, PurePosixPath

from ..core.config import Project
from .briefings import zip_file

SIZE_SLOT = re.compile(r'<span class="pdf-size" data-pdf-size="([^"]+)"></span>')


def zip_per_language(project: Project, site_dir: Path, pdfs: list[tuple[str, str, str]], only_lang: str | None = None) -> dict[str, str]:
    """One ZIP per language of (page, language, file) PDFs: its own PDF of each briefing, else the English one."""
    by_page: dict[str, dict[str, str]] = {}
    for page, lang, file in pdfs:
        by_page.setdefault(page.split("/", 2)[2], {})[lang] = file
    stamp = _zip_timestamp()
    zips = {}
    for lang in project.codes:
        if only_lang and lang not in (only_lang, project.default):
            continue
        chosen = [versions.get(lang) or versions.get(project.default) for _, versions in sorted(by_page.items())]
        chosen = [file for file in chosen if file]
        if not chosen:
            continue
        target = zip_file(project, lang)
        (site_dir / target).parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(site_dir / target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for file in chosen:
                info = zipfile.ZipInfo(PurePosixPath(file).name, date_time=stamp)
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, (site_dir / file).read_bytes())
        zips[lang] = target
    return zips


def _zip_timestamp() -> tuple:
    seconds = int(os.environ.get("SOURCE_DATE_EPOCH") or 315532800)  # 1980-01-01, the ZIP epoch
    return time.gmtime(max(seconds, 315532800))[:6]


def fill_sizes(project: Project, site_dir: Path, pages: list[str], files: set[str]) -> None:
    """Write each download's size into the empty slots of the pages that carry them, in every language."""
    for lang in project.codes:
        for rel in pages:
            page = site_dir / project.paths.page_file(rel, lang)
            if page.is_file():
                _fill_page(project, page, lang, site_dir, files)


def _fill_page(project: Project, page: Path, lang: str, site_dir: Path, files: set[str]) -> None:
    text = page.read_text(encoding="utf-8")

    def size(match):
        target = html.unescape(match.group(1))
        path = site_dir / target
        if target not in files or not path.is_file():
            return match.group(0)  # the link check reports the missing file
        kilobytes = max(1, round(path.stat().st_size / 1024))
        return f'<span class="pdf-size">{html.escape(project.notice("file_size", lang, size=str(kilobytes)))}</span>'

    filled = SIZE_SLOT.sub(size, text)
    if filled != text:
        page.write_text(filled, encoding="utf-8")
