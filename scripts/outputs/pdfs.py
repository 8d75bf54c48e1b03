"""Briefing PDFs: one per briefing per language it is written in.

Each PDF is rendered by WeasyPrint from the briefing's built page: the
article is lifted out of Material's layout into a small print document with
a title block, and styled by the site's print stylesheet (the same rules a
browser uses when a reader prints any page). Renders run in parallel and are
cached by a hash of everything that goes into them, so an unchanged briefing
is copied, not rendered again.

After rendering, ``downloads`` packs one ZIP of all briefings per language
and writes each file's size into the "Download PDF" buttons the templates
left empty (a size is only known once the file exists).
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import shutil
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser

from ..core.config import Project
from ..core.pages import SourcePage
from ..core.problems import Problem
from ..core.sources import SourceTree, read_sources
from . import downloads
from .briefings import find_briefings, pdf_file

# Parts of Material's article that have no place on paper.
DROP_SELECTORS = (".headerlink", ".md-content__button", ".md-source-file", ".pdf-download", ".page-notice a[hreflang]")
CACHE_FORMAT = "1"  # bump to invalidate every cached PDF after a change to this module


@dataclass
class PdfResult:
    page: str  # docs/<lang>/<rel>
    lang: str
    file: str  # inside the site, e.g. "ar/briefings/ai-literacy/briefing-ai-literacy-ar.pdf"
    pages: int
    bytes: int
    seconds: float  # render time; 0 when copied from the cache
    cached: bool


@dataclass
class PdfRun:
    results: list[PdfResult] = field(default_factory=list)
    zips: dict[str, str] = field(default_factory=dict)  # lang -> file inside the site
    problems: list[Problem] = field(default_factory=list)
    workers: int = 1
    seconds: float = 0.0

    @property
    def summary(self) -> str:
        if not self.results:
            return "no briefings"
        rendered = [r for r in self.results if not r.cached]
        text = f"{len(self.results)} PDFs ({len(rendered)} rendered, {len(self.results) - len(rendered)} from cache)"
        if rendered:
            text += f", {sum(r.seconds for r in rendered) / len(rendered):.2f} s per PDF on {self.workers} worker(s)"
        return text

    def as_json(self) -> dict:
        return {
            "workers": self.workers,
            "seconds": round(self.seconds, 2),
            "pdfs": [asdict(result) | {"seconds": round(result.seconds, 2)} for result in self.results],
            "zips": self.zips,
            "problems": [problem.as_dict() for problem in self.problems],
        }


# -- the stage -------------------------------------------------------------------

def render_pdfs(project: Project, site_dir: Path, *, sources: SourceTree | None = None, cache_dir: Path | None = None,
                only_lang: str | None = None, workers: int | None = None) -> PdfRun:
    """Every briefing PDF into a built site, then the ZIPs and download sizes.

    ``cache_dir``: where rendered PDFs are kept by content hash (default
    ``.cache/pdfs`` in the repository).
    """
    settings = project.policy.pdf
    sources = sources or read_sources(project, only_lang)
    cache_dir = cache_dir or project.root / ".cache" / "pdfs"
    began = time.monotonic()
    run = PdfRun()
    stylesheet = site_dir / settings.stylesheet
    if not stylesheet.is_file():
        run.problems.append(Problem(project.relative(project.config_file), None, f"the print stylesheet docs/{settings.stylesheet} is missing; create it or fix extra.project.pdf.stylesheet"))
        return run
    css = stylesheet.read_text(encoding="utf-8")

    jobs = []
    briefings = find_briefings(project, sources)
    for briefing in briefings:
        for lang in briefing.languages:
            if only_lang and lang not in (only_lang, project.default):
                continue
            job = _prepare(project, sources, site_dir, briefing.rel, lang, css)
            if isinstance(job, Problem):
                run.problems.append(job)
            else:
                jobs.append(job)

    cache_dir.mkdir(parents=True, exist_ok=True)
    for job in jobs:
        job["out"] = str(cache_dir / f"{job['key']}.pdf")
    to_render = [job for job in jobs if not (cache_dir / f"{job['key']}.pdf").is_file()]
    run.workers = max(1, min(len(to_render), workers or os.cpu_count() or 1))
    if to_render:
        with ProcessPoolExecutor(max_workers=run.workers) as pool:
            outcomes = dict(zip((job["key"] for job in to_render), pool.map(_render, to_render), strict=True))
    else:
        outcomes = {}

    for job in jobs:
        cached_pdf, cached_info = cache_dir / f"{job['key']}.pdf", cache_dir / f"{job['key']}.json"
        outcome = outcomes.get(job["key"])
        if outcome is not None and outcome.get("error"):
            run.problems.append(Problem(job["page"], None, f"the PDF could not be rendered: {outcome['error']}"))
            continue
        if outcome is None:
            info, cached = json.loads(cached_info.read_text(encoding="utf-8")), True
        else:
            info, cached = outcome, False
            cached_info.write_text(json.dumps(info), encoding="utf-8")
        target = site_dir / job["file"]
        shutil.copyfile(cached_pdf, target)
        result = PdfResult(job["page"], job["lang"], job["file"], info["pages"], target.stat().st_size, 0.0 if cached else info["seconds"], cached)
        run.results.append(result)
        run.problems.extend(_length_problems(result, settings))

    run.zips = downloads.zip_per_language(project, site_dir, [(r.page, r.lang, r.file) for r in run.results], only_lang)
    pages_with_slots = [briefing.rel for briefing in briefings] + [settings.index_page]
    downloads.fill_sizes(project, site_dir, pages_with_slots, {result.file for result in run.results} | set(run.zips.values()))
    run.seconds = time.monotonic() - began
    return run


def _length_problems(result: PdfResult, settings) -> list[Problem]:
    if result.pages > settings.page_limit:
        return [Problem(result.page, None, f"the briefing prints on {result.pages} pages; the limit is {settings.page_limit} (target {settings.page_target}): shorten it, or move detail into an explainer page and link to it")]
    if result.pages > settings.page_target:
        return [Problem(result.page, None, f"the briefing prints on {result.pages} pages; the target is {settings.page_target}", "warning")]
    return []


# -- one document ------------------------------------------------------------------

def _prepare(project: Project, sources: SourceTree, site_dir: Path, rel: str, lang: str, css: str):
    """The print document and cache key for one briefing in one language."""
    where = f"{project.relative(project.docs_dir)}/{lang}/{rel}"
    built = site_dir / project.paths.page_file(rel, lang)
    if not built.is_file():
        return Problem(where, None, f"the built page {built.relative_to(site_dir)} is missing, so no PDF can be made; is the page in nav?")
    english = sources.page(project.default, rel)
    page = sources.page(lang, rel) or english
    url = project.paths.absolute_url(project.paths.page_url(rel, lang))
    tree = LexborHTMLParser(built.read_text(encoding="utf-8"))
    article = tree.css_first("article.md-content__inner")
    if article is None:
        return Problem(where, None, "the built page has no <article>; the theme template changed")
    for selector in DROP_SELECTORS:
        for node in article.css(selector):
            node.decompose()
    for link in article.css("a[href]"):
        href = link.attributes.get("href") or ""
        if href and not href.startswith("#") and not urlsplit(href).scheme:
            link.attrs["href"] = urljoin(url, href)  # a PDF travels alone: links must be absolute
    document = _print_document(project, page, english, lang, url, article.inner_html or "", css)
    images = b"".join(sorted(_local_image_bytes(article, built.parent)))
    key = hashlib.sha256("\0".join([CACHE_FORMAT, _weasyprint_version(), document]).encode() + images).hexdigest()[:32]
    return {
        "page": where,
        "lang": lang,
        "file": pdf_file(project, rel, lang),
        "key": key,
        "html": document,
        "base_url": built.parent.as_uri() + "/",
    }


def _print_document(project: Project, page: SourcePage, english: SourcePage, lang: str, url: str, article: str, css: str) -> str:
    language = project.language(lang)
    reviewed = str(english.meta.get("last_reviewed") or "")
    version = str(english.meta.get("version") or "1.0")
    label = project.notice
    esc = html.escape
    head_meta = [
        f'<meta name="author" content="{esc(language.site_name)}">',
        f'<meta name="description" content="{esc(str(page.meta.get("description") or ""))}">',
        f'<meta name="generator" content="{esc(language.site_name)} build (WeasyPrint)">',
        f'<meta name="keywords" content="{esc(label("briefing", lang))}">',
    ]
    if reviewed:
        # The creation date is the review date, so a rebuild gives the same file.
        head_meta += [f'<meta name="dcterms.created" content="{reviewed}">', f'<meta name="dcterms.modified" content="{reviewed}">']
    return "\n".join(
        [
            "<!DOCTYPE html>",
            f'<html lang="{lang}" dir="{"rtl" if language.rtl else "ltr"}">',
            "<head>",
            '<meta charset="utf-8">',
            f"<title>{esc(str(page.meta.get('title') or ''))}</title>",
            *head_meta,
            f"<style>{css}</style>",
            "</head>",
            '<body class="md-typeset">',
            '<header class="pdf-head">',
            f'<p class="pdf-head__site">{esc(language.site_name)} · {esc(label("briefing", lang))}</p>',
            f'<p class="pdf-head__meta">{esc(label("version", lang, version=version))} · {esc(label("last_reviewed", lang))}: <time datetime="{reviewed}">{reviewed}</time></p>',
            f'<p class="pdf-head__url" dir="ltr"><a href="{esc(url)}">{esc(url)}</a></p>',
            "</header>",
            f'<article class="md-content__inner">{article}</article>',
            "</body>",
            "</html>",
        ]
    )


def _local_image_bytes(article, folder: Path):
    for image in article.css("img[src]"):
        src = image.attributes.get("src") or ""
        if src and not urlsplit(src).scheme:
            path = (folder / src).resolve()
            if path.is_file():
                yield path.read_bytes()


def _weasyprint_version() -> str:
    from importlib.metadata import version

    return version("weasyprint")


def _render(job: dict) -> dict:
    """Runs in a worker process: HTML to PDF, returning pages and time."""
    began = time.monotonic()
    try:
        import weasyprint

        document = weasyprint.HTML(string=job["html"], base_url=job["base_url"]).render(pdf_tags=True)
        document.write_pdf(
            job["out"],
            pdf_identifier=job["key"].encode(),  # stable file identifier: reproducible bytes
            pdf_tags=True,  # tagged PDF, so screen readers get headings and reading order
        )
        return {"pages": len(document.pages), "seconds": time.monotonic() - began}
    except Exception as exc:  # a worker must report, not crash the pool
        return {"error": f"{type(exc).__name__}: {exc}"}


